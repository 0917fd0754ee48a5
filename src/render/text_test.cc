#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>

#include "parallax/render.h"
#include "render/format.h"
#include "render/test_report.h"

namespace parallax {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

bool HasLine(const std::string& text, const std::string& line) {
  for (const std::string& l : Lines(text)) {
    if (l == line) return true;
  }
  return false;
}

TEST(RenderText, StoryHeaderArticlesAndDigest) {
  std::string out = RenderText(testing::SampleReport(), {});
  EXPECT_TRUE(
      HasLine(out, "Story s1 — Harbour talks resume in Port Alder  (3 articles, 3 outlets)"))
      << out;
  EXPECT_TRUE(HasLine(out, "Story s2 — Lighthouse repainted  (1 article, 1 outlet)")) << out;
  EXPECT_TRUE(HasLine(out,
                      "  a1  Northwind Post  2026-03-04 08:15 UTC  Harbour talks resume  "
                      "(copies: a3)"))
      << out;
  EXPECT_TRUE(HasLine(out,
                      "  a3  Gullwing Wire   2026-03-04 10:15 UTC  Harbour talks resume  "
                      "(copy of a1)"))
      << out;
  EXPECT_THAT(out, HasSubstr("  a4  Coastal Ledger  undated"));
  EXPECT_TRUE(HasLine(out, "Digest"));
  EXPECT_TRUE(HasLine(out, "  Talks on the harbour resumed on Tuesday. [a1, a2]"));
  EXPECT_TRUE(HasLine(out, "  Envoy Mara Lindqvist led the delegation. [a1]"));
}

TEST(RenderText, AgreementsAndUniqueAreCapped) {
  RenderOptions options;
  options.text_max_items = 8;
  std::string out = RenderText(testing::SampleReport(), options);
  EXPECT_TRUE(HasLine(out, "All report"));
  EXPECT_TRUE(HasLine(out, "  • Shared fact number 7. [a1, a2]"));
  EXPECT_FALSE(HasLine(out, "  • Shared fact number 8. [a1, a2]"));
  EXPECT_TRUE(HasLine(out, "  … and 2 more (use --format json)"));
  EXPECT_TRUE(HasLine(out, "Only one reports"));
  EXPECT_TRUE(HasLine(out, "  • The ferry was late. [a1]"));
  EXPECT_TRUE(HasLine(out, "  • A band played. [a2]"));

  options.text_max_items = 2;
  out = RenderText(testing::SampleReport(), options);
  EXPECT_TRUE(HasLine(out, "  … and 8 more (use --format json)"));
  EXPECT_TRUE(HasLine(out, "  … and 1 more (use --format json)"));
  EXPECT_FALSE(HasLine(out, "  • A band played. [a2]"));
}

TEST(RenderText, ConflictsWithEvidence) {
  std::string out = RenderText(testing::SampleReport(), {});
  EXPECT_TRUE(HasLine(out, "Conflicts"));
  EXPECT_TRUE(HasLine(
      out,
      "  name · spokesman: “Tobin Arkwright” [a1] vs “Tobin Arkright” [a2]  (confidence 0.90)"))
      << out;
  EXPECT_TRUE(HasLine(out, "      [a1] Spokesman Tobin Arkwright declined to comment."));
  EXPECT_TRUE(HasLine(out, "      [a2] Spokesman Tobin Arkright said talks went well."));
  EXPECT_TRUE(HasLine(out, "  number · delegates: “12” [a1] vs “14” [a2]  (confidence 0.75)"));
}

TEST(RenderText, RejectedInputsAtTheEnd) {
  std::string out = RenderText(testing::SampleReport(), {});
  size_t at = out.find("Rejected inputs:\n");
  ASSERT_NE(at, std::string::npos);
  EXPECT_GT(at, out.find("Story s2"));
  EXPECT_TRUE(HasLine(out, "  feeds/bad.jsonl:7: invalid JSON: unexpected end of input"));
  EXPECT_THAT(RenderText(Report{}, {}), Not(HasSubstr("Rejected")));
}

TEST(RenderText, ExplainListsRemovals) {
  EXPECT_THAT(RenderText(testing::SampleReport(), {}), Not(HasSubstr("Removed by the cleaner")));
  RenderOptions options;
  options.explain = true;
  std::string out = RenderText(testing::SampleReport(), options);
  EXPECT_TRUE(HasLine(out, "Removed by the cleaner"));
  EXPECT_TRUE(HasLine(out,
                      "  a1  caption, bytes 120–168: “Delegates arrive at the port. Photo: "
                      "staff”"))
      << out;
}

TEST(RenderText, WrapsLongLinesWithHangingIndent) {
  Report report = testing::SampleReport();
  std::string long_sentence;
  for (int i = 0; i < 30; ++i) long_sentence += "Bjørnvik ønsker ";
  long_sentence += "slutt.";
  report.stories[0].digest[0].text = long_sentence;
  std::string out = RenderText(report, {});
  for (const std::string& line : Lines(out)) EXPECT_LE(CountCodePoints(line), 100u) << line;
  EXPECT_THAT(out, HasSubstr("slutt. [a1, a2]\n"));
  EXPECT_THAT(out, HasSubstr("\n  Bjørnvik ønsker"));
}

TEST(RenderText, ArticleTextCannotInjectTerminalControls) {
  Report report = testing::SampleReport();
  report.stories[0].title = "Evil\x1B]0;pwned\x07 title\nsecond line";
  report.stories[0].digest[0].text = "Clear\x1B[2J screen";
  std::string out = RenderText(report, {});
  EXPECT_EQ(out.find('\x1B'), std::string::npos);
  EXPECT_EQ(out.find('\x07'), std::string::npos);
  EXPECT_THAT(out, HasSubstr("Story s1 — Evil ]0;pwned title second line  (3 articles"));
}

TEST(RenderText, EmptyReport) {
  EXPECT_EQ(RenderText(Report{}, {}), "0 stories from 0 articles read\n\n");
}

}  // namespace
}  // namespace parallax
