#include "clean/clean.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace parallax {
namespace {

// Fictional scraped article with the noise real pages carry.
const char kScraped[] =
    "Harbour officials in Korsholm said the ferry terminal would reopen next month.\n"
    "\n"
    "Workers repair the north pier in Korsholm, Valdmark, March 3, 2026.  (photo credit: LENA "
    "ORM/NORTHLINE)\n"
    "Workers repair the north pier in Korsholm, Valdmark, March 3, 2026.\n"
    "(photo credit: LENA ORM/NORTHLINE)\n"
    "\n"
    "READ: Storm damage closes two coastal roads\n"
    "By Marta Lindqvist, Staff Reporter\n"
    "The repairs will cost about €4.5 million, the harbour authority said.\n"
    "Share this article\n"
    "What comes next\n"
    "Mayor Ole Drange said the pier would be ready by summer.\n"
    "Mayor Ole Drange said the pier would be ready by summer.\n";

std::vector<std::string> Kept(const std::string& text, const CleanResult& r) {
  std::vector<std::string> out;
  for (Span s : r.paragraphs) out.emplace_back(s.Of(text));
  return out;
}

std::string ReasonFor(const CleanResult& r, const std::string& text, std::string_view needle) {
  for (const Removal& x : r.removed) {
    if (text.substr(x.begin, x.end - x.begin).find(needle) != std::string::npos) return x.reason;
  }
  return "";
}

TEST(Clean, RemovesScrapedNoiseAndKeepsSentences) {
  Article a;
  a.text = kScraped;
  CleanResult r = Clean(a, CleanOptions{});
  auto kept = Kept(a.text, r);
  ASSERT_EQ(kept.size(), 3u);
  EXPECT_EQ(kept[0],
            "Harbour officials in Korsholm said the ferry terminal would reopen next month.");
  EXPECT_EQ(kept[1], "The repairs will cost about €4.5 million, the harbour authority said.");
  EXPECT_EQ(kept[2], "Mayor Ole Drange said the pier would be ready by summer.");
  EXPECT_EQ(ReasonFor(r, a.text, "READ:"), "promo");
  EXPECT_EQ(ReasonFor(r, a.text, "Lindqvist"), "byline");
  EXPECT_EQ(ReasonFor(r, a.text, "Share this"), "share prompt");
  EXPECT_EQ(ReasonFor(r, a.text, "What comes next"), "subheading");
}

TEST(Clean, CaptionPrintedTwiceAndItsCredit) {
  Article a;
  a.text = kScraped;
  CleanResult r = Clean(a, CleanOptions{});
  std::vector<std::string> reasons;
  for (const Removal& x : r.removed) reasons.push_back(x.reason);
  EXPECT_EQ(std::count(reasons.begin(), reasons.end(), "caption"), 1);
  EXPECT_EQ(std::count(reasons.begin(), reasons.end(), "caption (printed twice)"), 1);
  EXPECT_EQ(std::count(reasons.begin(), reasons.end(), "credit"), 1);
  EXPECT_EQ(std::count(reasons.begin(), reasons.end(), "repeated line"), 1);
}

TEST(Clean, TeaserRepeatedBelowIsDropped) {
  Article a;
  a.text =
      "The council approved the new bridge on Monday. Work starts in April.\n\n"
      "Residents had campaigned for years.\n\n"
      "The council approved the new bridge on Monday. Work starts in April after the vote in "
      "the regional assembly.\n";
  CleanResult r = Clean(a, CleanOptions{});
  auto kept = Kept(a.text, r);
  ASSERT_EQ(kept.size(), 2u);
  EXPECT_EQ(kept[0], "Residents had campaigned for years.");
  EXPECT_EQ(r.removed[0].reason, "teaser (repeated below)");
}

TEST(Clean, WireCreditInParentheses) {
  Article a;
  a.text = "The strike starts on Monday.\n(Reporting by Ane Lie; Editing by Tor Dahl)\n";
  CleanResult r = Clean(a, CleanOptions{});
  ASSERT_EQ(r.paragraphs.size(), 1u);
  ASSERT_EQ(r.removed.size(), 1u);
  EXPECT_EQ(r.removed[0].reason, "byline");
}

TEST(Clean, ExplainFillsRemovedText) {
  Article a;
  a.text = "Read more: Another story\nThe actual sentence stays here.\n";
  CleanResult quiet = Clean(a, CleanOptions{});
  ASSERT_EQ(quiet.removed.size(), 1u);
  EXPECT_TRUE(quiet.removed[0].text.empty());
  CleanResult loud = Clean(a, CleanOptions{.explain = true});
  EXPECT_EQ(loud.removed[0].text, "Read more: Another story");
}

TEST(Clean, OrdinarySentencesAreNotNoise) {
  Article a;
  a.text =
      "By Tuesday evening, the fire was under control.\n"
      "Readers sent photos of the smoke over the harbour.\n"
      "Officials said they would share more details on Friday.\n"
      "The photo agency said its photographer was unhurt.\n";
  CleanResult r = Clean(a, CleanOptions{});
  EXPECT_EQ(r.paragraphs.size(), 4u);
  EXPECT_TRUE(r.removed.empty());
}

TEST(Clean, EmptyAndWhitespaceOnly) {
  Article a;
  EXPECT_TRUE(Clean(a, CleanOptions{}).paragraphs.empty());
  a.text = "\n \r\n\t\n";
  EXPECT_TRUE(Clean(a, CleanOptions{}).paragraphs.empty());
}

}  // namespace
}  // namespace parallax
