// Function words that carry no topic ("the", "said", "would"). English; other languages fall
// back to it, which only costs precision. Thread-safe.
#pragma once

#include <string_view>

namespace parallax {

// `folded` is a case-folded token.
bool IsStopword(std::string_view folded);

}  // namespace parallax
