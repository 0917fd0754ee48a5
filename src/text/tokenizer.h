// Tokenizer: words, numbers and punctuation with byte offsets into the source text.
//
// Rules (news text): letters, marks and digits make words; internal hyphens and apostrophes stay
// inside a word ("de-escalate", "O'Brien") but a possessive "'s"/"’s" is split off; dotted
// acronyms stay whole ("U.S.", "p.m."); numbers keep internal separators ("1,200", "4.5");
// every other non-space character is one punctuation token. Tested by tokenizer_test.cc.
// Thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace parallax {

enum class TokenKind : uint8_t { kWord, kNumber, kPunct };

struct Token {
  uint32_t begin = 0;  // bytes into the text passed to Tokenize (plus `base`)
  uint32_t end = 0;
  TokenKind kind = TokenKind::kPunct;
  bool upper_initial = false;  // first letter is uppercase ("Iran", "IRGC")
  bool all_upper = false;      // every letter uppercase, at least two letters ("IRGC")
  std::string norm;            // FoldCase of the token; ’ folded to '
};

// Tokenizes text[span_begin, span_end); offsets are relative to `text`.
std::vector<Token> Tokenize(std::string_view text, uint32_t span_begin, uint32_t span_end);
inline std::vector<Token> Tokenize(std::string_view text) {
  return Tokenize(text, 0, static_cast<uint32_t>(text.size()));
}

// Value of a number token's text ("1,200" -> 1200, "4.5" -> 4.5); commas are thousands
// separators when followed by exactly three digits, otherwise decimal commas.
double NumberValue(std::string_view norm);

}  // namespace parallax
