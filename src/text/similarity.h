// String similarity for names. Tested by similarity_test.cc. Thread-safe.
#pragma once

#include <string_view>

namespace parallax {

// Jaro-Winkler similarity over code points (0..1), prefix scale 0.1, prefix up to 4.
double JaroWinkler(std::string_view a, std::string_view b);
// Levenshtein distance over code points.
size_t EditDistance(std::string_view a, std::string_view b);
// True when two spellings of one name word are near-identical (accents ignored): one edit for
// names of up to four letters; else Jaro-Winkler >= 0.72 or at most one edit per four letters;
// Jaro-Winkler >= 0.88 when the first letters differ. Never for one word in its British and
// American spelling ("Theatre" / "Theater", "Recognised" / "Recognized") or a plural ("Hawks").
bool NearSpelling(std::string_view a, std::string_view b);

}  // namespace parallax
