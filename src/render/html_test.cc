#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "parallax/render.h"
#include "render/test_report.h"

namespace parallax {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr char kScript[] = "<script>alert(1)</script>";
constexpr char kAttr[] = "\" onmouseover=\"x";
constexpr char kScriptEscaped[] = "&lt;script&gt;alert(1)&lt;/script&gt;";
constexpr char kAttrEscaped[] = "&quot; onmouseover=&quot;x";

size_t Count(const std::string& haystack, const std::string& needle) {
  size_t n = 0;
  for (size_t at = haystack.find(needle); at != std::string::npos;
       at = haystack.find(needle, at + 1)) {
    ++n;
  }
  return n;
}

// Every article-derived field holds both payloads.
Report HostileReport() {
  Report report = testing::SampleReport();
  const std::string evil = std::string(kScript) + kAttr + "'";
  Story& s = report.stories[0];
  s.title = "Title " + evil;
  for (StoryArticle& a : s.articles) {
    a.title = "Article " + evil;
    a.outlet = "Outlet " + evil;
    a.removed = {{1, 2, "caption " + evil, "removed " + evil}};
  }
  s.articles[0].url = "https://example.org/?q=" + evil;
  s.articles[1].url = "javascript:alert(1)//" + evil;
  s.digest[0].text = "Sentence " + evil;
  s.agreements[0].text = "Agreement " + evil;
  s.unique[0].text = "Unique " + evil;
  s.conflicts[0].subject = "Subject " + evil;
  s.conflicts[0].values[0].value = "Value " + evil;
  s.conflicts[0].values[0].evidence = "Evidence " + evil;
  report.rejected[0] = {"Input " + evil, "Error " + evil};
  return report;
}

TEST(RenderHtml, EscapesEverythingFromArticles) {
  RenderOptions options;
  options.explain = true;
  std::string html = RenderHtml(HostileReport(), options);
  EXPECT_THAT(html, Not(HasSubstr(kScript)));
  EXPECT_THAT(html, Not(HasSubstr(kAttr)));
  EXPECT_THAT(html, Not(HasSubstr("onmouseover=\"")));
  EXPECT_THAT(html, Not(HasSubstr("<script")));
  // Story title (index + heading), 3 article titles and outlets (table; outlets also in the
  // column heads and tag tooltips), URL, sentences, conflicts, removals, rejection.
  EXPECT_GE(Count(html, kScriptEscaped), 20u);
  EXPECT_GE(Count(html, kAttrEscaped), 20u);
  EXPECT_THAT(html, HasSubstr("href=\"https://example.org/?q=" + std::string(kScriptEscaped) +
                              kAttrEscaped + "&#39;\""));
  EXPECT_THAT(html, HasSubstr("Sentence " + std::string(kScriptEscaped)));
  EXPECT_THAT(html, HasSubstr("title=\"Outlet " + std::string(kScriptEscaped)));
  EXPECT_THAT(html, HasSubstr("Input " + std::string(kScriptEscaped)));
}

TEST(RenderHtml, OnlyWebUrlsBecomeLinks) {
  std::string html = RenderHtml(HostileReport(), {});
  EXPECT_THAT(html, Not(HasSubstr("href=\"javascript")));
  EXPECT_THAT(html, HasSubstr("javascript:alert(1)//"));  // shown as text
  EXPECT_THAT(html, HasSubstr("<a href=\"https://gullwing.example/x\" rel="));
}

TEST(RenderHtml, SelfContained) {
  std::string html = RenderHtml(testing::SampleReport(), {});
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_THAT(html, HasSubstr("<meta charset=\"utf-8\">"));
  EXPECT_THAT(html, HasSubstr("<style>"));
  EXPECT_THAT(html, Not(HasSubstr("<link")));
  EXPECT_THAT(html, Not(HasSubstr("<script")));
  EXPECT_THAT(html, Not(HasSubstr("src=")));
  EXPECT_THAT(html, Not(HasSubstr("@import")));
  EXPECT_THAT(html, Not(HasSubstr("url(")));
  // The only "http" on the page is in the article links.
  size_t links = Count(html, "<a href=\"http");
  EXPECT_EQ(Count(html, "http"), links);
  EXPECT_EQ(links, 3u);
  EXPECT_EQ(html.substr(html.size() - 15), "</body></html>\n");
}

TEST(RenderHtml, IndexStoriesArticlesAndDigest) {
  std::string html = RenderHtml(testing::SampleReport(), {});
  EXPECT_THAT(html, HasSubstr("<a href=\"#story-s1\">Harbour talks resume in Port Alder</a>"));
  EXPECT_THAT(html, HasSubstr("<a href=\"#story-s2\">Lighthouse repainted</a>"));
  EXPECT_THAT(html, HasSubstr("<section class=\"story\" id=\"story-s1\">"));
  EXPECT_THAT(html, HasSubstr("<tr id=\"s1-a1\">"));
  EXPECT_THAT(html, HasSubstr("<time datetime=\"2026-03-04T08:15:00Z\">2026-03-04 08:15 UTC"));
  EXPECT_THAT(html, HasSubstr("copy of</span><a class=\"src\" href=\"#s1-a1\""));
  EXPECT_THAT(html, HasSubstr("<p>Talks on the harbour resumed on Tuesday.<a class=\"src\" "
                              "href=\"#s1-a1\" title=\"Northwind Post\">a1</a><a class=\"src\" "
                              "href=\"#s1-a2\" title=\"Coastal Ledger\">a2</a></p>"));
  EXPECT_THAT(html, HasSubstr("Rejected inputs"));
}

TEST(RenderHtml, ConflictsAreMarkedUp) {
  std::string html = RenderHtml(testing::SampleReport(), {});
  EXPECT_EQ(Count(html, "<div class=\"conflict\">"), 2u);
  EXPECT_THAT(html, HasSubstr("<span class=\"kind\">name</span>spokesman"));
  EXPECT_THAT(html, HasSubstr("<span class=\"value\">“Tobin Arkwright”</span>"));
  EXPECT_THAT(html, HasSubstr("<blockquote>Spokesman Tobin Arkright said talks went well."));
  EXPECT_THAT(html, HasSubstr(".conflict{background:"));  // a distinct colour
  // In the side-by-side view each source's column shows the value it gives.
  EXPECT_EQ(Count(html, "<li class=\"conflict\">"), 4u);
}

TEST(RenderHtml, SideBySideHasOneColumnPerIndependentArticle) {
  std::string html = RenderHtml(testing::SampleReport(), {});
  EXPECT_EQ(Count(html, "<div class=\"col\">"), 2u);    // a1, a2; a3 is a copy of a1
  EXPECT_EQ(Count(html, "<li class=\"agree\">"), 20u);  // 10 agreements in 2 columns
  EXPECT_EQ(Count(html, "<li class=\"unique\">"), 3u);
  EXPECT_THAT(html, HasSubstr("Only here"));
}

TEST(RenderHtml, ExplainShowsRemovals) {
  EXPECT_THAT(RenderHtml(testing::SampleReport(), {}), Not(HasSubstr("<details>")));
  RenderOptions options;
  options.explain = true;
  std::string html = RenderHtml(testing::SampleReport(), options);
  EXPECT_THAT(html, HasSubstr("<b>caption</b>"));
  EXPECT_THAT(html, HasSubstr("Delegates arrive at the port. Photo: staff"));
}

TEST(RenderHtml, ScalesLinearlyWithStories) {
  Report one = testing::SampleReport();
  auto sized = [&](size_t n) {
    Report report;
    for (size_t i = 0; i < n; ++i) {
      report.stories.push_back(one.stories[0]);
      report.stories.back().id = "s" + std::to_string(i + 1);
    }
    return RenderHtml(report, {});
  };
  std::string small = sized(500), large = sized(1000);
  EXPECT_EQ(Count(large, "<section class=\"story\""), 1000u);
  EXPECT_THAT(large, HasSubstr("id=\"story-s1000\""));
  double ratio = static_cast<double>(large.size()) / static_cast<double>(small.size());
  EXPECT_NEAR(ratio, 2.0, 0.05);
}

TEST(RenderHtml, EmptyReport) {
  std::string html = RenderHtml(Report{}, {});
  EXPECT_THAT(html, HasSubstr("No stories."));
  EXPECT_THAT(html, HasSubstr("0 stories from 0 articles read; 0 inputs rejected"));
}

}  // namespace
}  // namespace parallax
