// Tests of ParseHtml: the tree, what is kept of scripts, attributes, and the budgets.
#include "web/html_tree.h"

#include <gtest/gtest.h>

namespace parallax {
namespace {

std::string AllText(const HtmlTree& t) {
  std::string s;
  for (const HtmlNode& n : t.nodes) {
    if (n.tag == Tag::kText) s += n.text;
  }
  return s;
}

const HtmlNode* First(const HtmlTree& t, Tag tag) {
  for (const HtmlNode& n : t.nodes) {
    if (n.tag == tag) return &n;
  }
  return nullptr;
}

TEST(HtmlTree, BuildsElementsAndDecodesEntities) {
  auto t = ParseHtml(
      "<html><body><p class='Lead' id=x>Fish &amp; chips&nbsp;&#8211; ok</p></body></html>",
      HtmlBudget{});
  ASSERT_TRUE(t.ok()) << t.status().message();
  const HtmlNode* p = First(*t, Tag::kP);
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->class_id, "lead x");
  EXPECT_EQ(AllText(*t), "Fish & chips\u00a0\u2013 ok");
}

TEST(HtmlTree, DropsScriptAndStyleTextButKeepsJsonLd) {
  auto t = ParseHtml(
      "<head><style>p{color:red}</style><script>var x = '<p>no</p>';</script>"
      "<script type=\"application/ld+json\">{\"headline\":\"H\"}</script></head><body>yes</body>",
      HtmlBudget{});
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(AllText(*t), "yes");
  bool found = false;
  for (const HtmlNode& n : t->nodes) {
    if (n.tag == Tag::kScript && n.text == R"({"headline":"H"})") found = true;
  }
  EXPECT_TRUE(found);
}

TEST(HtmlTree, RepairsMalformedMarkup) {
  auto t = ParseHtml("<div><p>one<p>two</div></span><b>three", HtmlBudget{});
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(AllText(*t), "onetwothree");
  int paragraphs = 0;
  for (const HtmlNode& n : t->nodes) paragraphs += n.tag == Tag::kP;
  EXPECT_EQ(paragraphs, 2);  // the implied </p> closes the first paragraph
}

TEST(HtmlTree, MarksHiddenElements) {
  auto t = ParseHtml(
      "<div hidden>a</div><div aria-hidden=\"true\">b</div>"
      "<div style=\"DISPLAY: none\">c</div><div style=\"color:red\">d</div>",
      HtmlBudget{});
  ASSERT_TRUE(t.ok());
  std::vector<bool> hidden;
  for (const HtmlNode& n : t->nodes) {
    if (n.tag == Tag::kDiv) hidden.push_back(n.hidden);
  }
  EXPECT_EQ(hidden, (std::vector<bool>{true, true, true, false}));
}

TEST(HtmlTree, KeepsMetaAttributes) {
  auto t = ParseHtml(R"(<meta property="og:title" content="T"><link rel=canonical href="u">)",
                     HtmlBudget{});
  ASSERT_TRUE(t.ok());
  ASSERT_NE(First(*t, Tag::kMeta), nullptr);
  EXPECT_EQ(First(*t, Tag::kMeta)->Attr("content"), "T");
  EXPECT_EQ(First(*t, Tag::kLink)->Attr("href"), "u");
}

TEST(HtmlTree, NodeBudgetFailsWithItsName) {
  std::string html;
  for (int i = 0; i < 1000; ++i) html += "<span>x</span>";
  HtmlBudget budget;
  budget.max_nodes = 500;
  auto t = ParseHtml(html, budget);
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.status().code(), StatusCode::kResourceExhausted);
  EXPECT_EQ(t.status().message(), "HTML has more than 500 nodes");
  budget.max_nodes = 5000;
  EXPECT_TRUE(ParseHtml(html, budget).ok());
}

TEST(HtmlTree, DepthBudgetFailsWithItsName) {
  std::string html;
  for (int i = 0; i < 100000; ++i) html += "<div>";
  HtmlBudget budget;
  budget.max_depth = 64;
  auto t = ParseHtml(html, budget);
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.status().message(), "HTML nested deeper than 64 elements");
  std::string shallow;
  for (int i = 0; i < 50; ++i) shallow += "<div>";
  EXPECT_TRUE(ParseHtml(shallow, budget).ok());
}

TEST(HtmlTree, EmptyAndBinaryInputParse) {
  EXPECT_TRUE(ParseHtml("", HtmlBudget{}).ok());
  EXPECT_TRUE(ParseHtml(std::string("\0\x01\xff<p>", 5), HtmlBudget{}).ok());
}

}  // namespace
}  // namespace parallax
