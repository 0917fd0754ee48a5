// UTF-8 validation and normalisation (over utf8proc). Offsets are bytes into the input.
// Tested by utf8_test.cc. Thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "parallax/status.h"

namespace parallax {

// OK, or DataLoss naming the line and byte offset of the first invalid sequence.
Status ValidateUtf8(std::string_view text);

// Decodes the code point at `pos`; returns its length in bytes (1 for an invalid byte, which
// decodes as U+FFFD). `pos` must be < text.size().
int DecodeAt(std::string_view text, size_t pos, int32_t* cp);

// NFKC + case folding ("Ä" -> "ä", "ﬁ" -> "fi"), with ’ ‘ folded to '. ASCII fast path.
std::string FoldCase(std::string_view word);
// FoldCase and then accents removed ("Bjørnvik" -> "bjørnvik" -> "bjornvik" where Unicode
// decomposes; ø has no decomposition and stays).
std::string FoldAccents(std::string_view word);

bool IsLetter(int32_t cp);
bool IsUpper(int32_t cp);  // uppercase or titlecase letter
bool IsDigit(int32_t cp);  // decimal digit
bool IsMark(int32_t cp);   // combining mark
bool IsSpace(int32_t cp);  // Unicode whitespace (Zs, Zl, Zp, and the ASCII controls)

}  // namespace parallax
