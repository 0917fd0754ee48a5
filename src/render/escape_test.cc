#include "render/escape.h"

#include <gtest/gtest.h>

namespace parallax {
namespace {

TEST(Escape, EscapesTheFiveCharacters) {
  EXPECT_EQ(HtmlEscape("a & b < c > d \" e ' f"), "a &amp; b &lt; c &gt; d &quot; e &#39; f");
  EXPECT_EQ(HtmlEscape("<script>alert(1)</script>"), "&lt;script&gt;alert(1)&lt;/script&gt;");
  EXPECT_EQ(HtmlEscape("plain Søren “Å”"), "plain Søren “Å”");
  EXPECT_EQ(HtmlEscape(""), "");
}

TEST(Escape, ReplacesInvalidUtf8AndControls) {
  EXPECT_EQ(HtmlEscape("x\xC3(y"), "x\xEF\xBF\xBD(y");
  EXPECT_EQ(HtmlEscape("tab\tnul\x01"
                       "end"),
            "tab\tnul end");
  EXPECT_EQ(HtmlEscape("\xED\xA0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // surrogate
}

TEST(Escape, OnlyWebUrlsAreLinks) {
  EXPECT_TRUE(IsWebUrl("https://example.org/a"));
  EXPECT_TRUE(IsWebUrl("HTTP://EXAMPLE.ORG"));
  EXPECT_FALSE(IsWebUrl("javascript:alert(1)"));
  EXPECT_FALSE(IsWebUrl("data:text/html,<b>x</b>"));
  EXPECT_FALSE(IsWebUrl(" https://leading.space"));
  EXPECT_FALSE(IsWebUrl("/relative/path"));
  EXPECT_FALSE(IsWebUrl(""));
}

}  // namespace
}  // namespace parallax
