#include "render/format.h"

#include <gtest/gtest.h>

#include <sstream>

#include "parallax/render.h"

namespace parallax {
namespace {

TEST(Format, IsoAndHumanTime) {
  EXPECT_EQ(FormatIsoTime(0), "1970-01-01T00:00:00Z");
  EXPECT_EQ(FormatIsoTime(1772612100), "2026-03-04T08:15:00Z");
  EXPECT_EQ(HumanTime(1772612100), "2026-03-04 08:15 UTC");
}

TEST(Format, TerminalCleanRemovesControlsAndCollapsesSpace) {
  EXPECT_EQ(TerminalClean("  a\tb\n\nc  "), "a b c");
  EXPECT_EQ(TerminalClean("red\x1B[31mtext"), "red [31mtext");
  EXPECT_EQ(TerminalClean("c1\xC2\x9B"
                          "2J"),
            "c1 2J");                                             // U+009B CSI
  EXPECT_EQ(TerminalClean("bad\xFFz"), "bad\xEF\xBF\xBDz");       // invalid -> U+FFFD
  EXPECT_EQ(TerminalClean("Søren\xC2\xA0Ålund"), "Søren Ålund");  // no-break space
}

TEST(Format, CountsCodePoints) {
  EXPECT_EQ(CountCodePoints("abc"), 3u);
  EXPECT_EQ(CountCodePoints("Søren “Å”"), 9u);
  EXPECT_EQ(CountCodePoints(""), 0u);
}

TEST(Format, WrapsWithHangingIndentByCodePoints) {
  std::string text;
  for (int i = 0; i < 40; ++i) text += "ønskø ";
  std::string out;
  AppendWrapped("  • ", text, 30, &out);
  std::istringstream lines(out);
  std::string line;
  int n = 0;
  while (std::getline(lines, line)) {
    EXPECT_LE(CountCodePoints(line), 30u) << line;
    EXPECT_EQ(line.rfind(n == 0 ? "  • ønskø" : "    ønskø", 0), 0u) << line;
    ++n;
  }
  EXPECT_GT(n, 5);
  EXPECT_EQ(out.back(), '\n');
}

TEST(Format, KeepsOverlongWordsWhole) {
  std::string out;
  AppendWrapped("  ", "see https://example.org/a/very/long/path/that/does/not/fit end", 20, &out);
  EXPECT_EQ(out, "  see\n  https://example.org/a/very/long/path/that/does/not/fit\n  end\n");
}

TEST(Format, KeepsSpaceRunsInsideALine) {
  std::string out;
  AppendWrapped("Story s1 — ", "Title  (3 articles)", 100, &out);
  EXPECT_EQ(out, "Story s1 — Title  (3 articles)\n");
  out.clear();
  AppendWrapped("", "aaaa  bbbb", 6, &out);
  EXPECT_EQ(out, "aaaa\nbbbb\n");
}

TEST(Format, BracketListAndPlural) {
  EXPECT_EQ(BracketList({"a1", "a2"}), "[a1, a2]");
  EXPECT_EQ(BracketList({}), "[]");
  EXPECT_EQ(Plural(1, "article"), "1 article");
  EXPECT_EQ(Plural(2, "article"), "2 articles");
  EXPECT_EQ(Plural(3, "story", "stories"), "3 stories");
}

}  // namespace
}  // namespace parallax
