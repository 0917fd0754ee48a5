// Sentence splitter over tokens of one paragraph, for news English (and other Latin-script
// languages): splits after . ! ? … (and any closing quotes or brackets) when the next token can
// start a sentence, except after abbreviations ("Gen.", "Mr."), initials ("J. Smith") and dotted
// acronyms followed by a capitalised name ("U.S. Navy"), and inside a quotation attributed outside
// its marks (`Mørk said: “We are safe. Nobody is hurt.”`, `“We are safe. Nobody is hurt,” he
// said.`), which stays one sentence with its speaker. Tested by sentences_test.cc.
// Thread-safe.
#pragma once

#include <cstdint>
#include <vector>

#include "text/tokenizer.h"

namespace parallax {

// Token index range [first, last) of one sentence.
struct TokenRange {
  uint32_t first = 0;
  uint32_t last = 0;
};

std::vector<TokenRange> SplitSentences(const std::vector<Token>& tokens);

}  // namespace parallax
