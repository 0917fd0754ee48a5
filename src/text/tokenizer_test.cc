#include "text/tokenizer.h"

#include <gtest/gtest.h>

namespace parallax {
namespace {

std::vector<std::string> Norms(std::string_view text) {
  std::vector<std::string> out;
  for (const Token& t : Tokenize(text)) out.push_back(t.norm);
  return out;
}

TEST(Tokenizer, SplitsWordsNumbersPunctuation) {
  using V = std::vector<std::string>;
  EXPECT_EQ(Norms("Iran’s attack, involving over 300 missiles."),
            (V{"iran", "'s", "attack", ",", "involving", "over", "300", "missiles", "."}));
  EXPECT_EQ(Norms("de-escalate O'Brien U.S. 1,200 4.5%"),
            (V{"de-escalate", "o'brien", "u.s.", "1,200", "4.5", "%"}));
}

TEST(Tokenizer, OffsetsPointIntoSource) {
  std::string text = "xx “Søren Ålund” said";
  auto tokens = Tokenize(text, 3, static_cast<uint32_t>(text.size()));
  ASSERT_EQ(tokens.size(), 5u);
  EXPECT_EQ(text.substr(tokens[1].begin, tokens[1].end - tokens[1].begin), "Søren");
  EXPECT_TRUE(tokens[1].upper_initial);
  EXPECT_EQ(tokens[2].norm, "ålund");
  EXPECT_EQ(tokens[0].kind, TokenKind::kPunct);
}

TEST(Tokenizer, CaseFlags) {
  auto tokens = Tokenize("IRGC Iran said");
  EXPECT_TRUE(tokens[0].all_upper);
  EXPECT_TRUE(tokens[1].upper_initial);
  EXPECT_FALSE(tokens[1].all_upper);
  EXPECT_FALSE(tokens[2].upper_initial);
}

TEST(Tokenizer, NumberValues) {
  EXPECT_DOUBLE_EQ(NumberValue("1,200"), 1200);
  EXPECT_DOUBLE_EQ(NumberValue("4.5"), 4.5);
  EXPECT_DOUBLE_EQ(NumberValue("3,5"), 3.5);
  EXPECT_DOUBLE_EQ(NumberValue("1,000,000"), 1000000);
}

}  // namespace
}  // namespace parallax
