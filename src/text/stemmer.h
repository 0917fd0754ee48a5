// Snowball stemming (libstemmer). Thread-safe: each thread keeps its own stemmer per language
// (sb_stemmer is not re-entrant). Tested by stemmer_test.cc.
#pragma once

#include <string>
#include <string_view>

namespace parallax {

// Stems a case-folded word. `lang` is an ISO 639-1 code ("en", "de", ...); an empty or unknown
// code uses English. Words of fewer than 3 bytes are returned as they are.
std::string Stem(std::string_view folded_word, std::string_view lang = "en");

// True when libstemmer has a stemmer for `lang`.
bool HasStemmer(std::string_view lang);

}  // namespace parallax
