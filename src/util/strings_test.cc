#include "util/strings.h"

#include <gtest/gtest.h>

namespace parallax {
namespace {

TEST(Strings, TrimHandlesNbspAndBom) {
  EXPECT_EQ(Trim("  a b \n"), "a b");
  EXPECT_EQ(Trim("\xEF\xBB\xBFtitle\xC2\xA0"), "title");
  EXPECT_EQ(Trim("   "), "");
  std::string t = "xx  body  yy";
  Span s = TrimSpan(t, {2, 10});
  EXPECT_EQ(s.Of(t), "body");
}

TEST(Strings, SplitLinesKeepsOffsets) {
  std::string t = "one\r\ntwo\n\nthree";
  auto lines = SplitLines(t);
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(lines[0].Of(t), "one");
  EXPECT_EQ(lines[1].Of(t), "two");
  EXPECT_TRUE(lines[2].empty());
  EXPECT_EQ(lines[3].Of(t), "three");
  EXPECT_EQ(lines[3].begin, 10u);
}

TEST(Strings, SmallHelpers) {
  EXPECT_EQ(AsciiLower("ÄbC"), "Äbc");
  EXPECT_EQ(CountWords("  a  b\tc\n"), 3u);
  EXPECT_EQ(Join({"a", "b", "c"}, ", "), "a, b, c");
  EXPECT_TRUE(StartsWith("READ: x", "READ:"));
  EXPECT_TRUE(EndsWith("file.jsonl", ".jsonl"));
}

}  // namespace
}  // namespace parallax
