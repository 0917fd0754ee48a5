// UTF-8 over utf8proc: validation that names where the input broke, and folding used to
// compare words. Tested by utf8_test.cc.
#include "text/utf8.h"

#include <utf8proc.h>

#include <cstdlib>
#include <memory>

namespace parallax {

Status ValidateUtf8(std::string_view text) {
  size_t line = 1, line_start = 0;
  size_t pos = 0;
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  while (pos < text.size()) {
    unsigned char c = text[pos];
    if (c < 0x80) {
      if (c == '\n') {
        ++line;
        line_start = pos + 1;
      }
      ++pos;
      continue;
    }
    utf8proc_int32_t cp;
    utf8proc_ssize_t n =
        utf8proc_iterate(p + pos, static_cast<utf8proc_ssize_t>(text.size() - pos), &cp);
    if (n < 0) {
      return DataLoss("invalid UTF-8 at line " + std::to_string(line) + ", column " +
                      std::to_string(pos - line_start + 1) + " (byte " + std::to_string(pos) + ")");
    }
    pos += static_cast<size_t>(n);
  }
  return Status::Ok();
}

int DecodeAt(std::string_view text, size_t pos, int32_t* cp) {
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(text.data()) + pos;
  unsigned char c = text[pos];
  if (c < 0x80) {
    *cp = c;
    return 1;
  }
  utf8proc_int32_t out;
  utf8proc_ssize_t n = utf8proc_iterate(p, static_cast<utf8proc_ssize_t>(text.size() - pos), &out);
  if (n < 0) {
    *cp = 0xFFFD;
    return 1;
  }
  *cp = out;
  return static_cast<int>(n);
}

namespace {

std::string Map(std::string_view word, int options) {
  utf8proc_uint8_t* out = nullptr;
  utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(word.data()),
                                    static_cast<utf8proc_ssize_t>(word.size()), &out,
                                    static_cast<utf8proc_option_t>(options));
  if (n < 0) return std::string(word);  // invalid input: leave as is (validated upstream)
  std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> guard(out, &std::free);
  return {reinterpret_cast<char*>(out), static_cast<size_t>(n)};
}

constexpr int kFoldCase = UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD;

bool IsAscii(char c) { return static_cast<unsigned char>(c) < 0x80; }

// NFKC + case fold of text holding some non-ASCII, as utf8proc folds the whole of it, but with
// only the stretches holding non-ASCII going through utf8proc: the cleaner folds every line,
// and one curly quote or dash sent the whole line through it (utf8proc was ~4% of the
// server's ingest CPU, `perf`). Cutting before an ASCII character changes nothing: it is a
// starter (combining class 0, NFKC_QC Yes) and no character before it composes with it. The
// ASCII character just before a stretch goes with the stretch, since a combining mark after it
// may compose with it ("e" + U+0301 -> "é"). Invalid UTF-8 anywhere: the whole text as
// utf8proc's fold gives it (left as is). Checked against utf8proc over the whole text by
// utf8_test.cc (FoldCase.IsUtf8procsFoldOfTheWholeText).
std::string FoldMixed(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  size_t i = 0;
  while (i < s.size()) {
    size_t j = i;  // ASCII not followed by non-ASCII: lowered here
    while (j < s.size() && IsAscii(s[j]) && !(j + 1 < s.size() && !IsAscii(s[j + 1]))) ++j;
    for (; i < j; ++i) {
      const char c = s[i];
      out += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    }
    if (j == s.size()) break;
    size_t k = IsAscii(s[j]) ? j + 1 : j;
    while (k < s.size() && !IsAscii(s[k])) ++k;
    utf8proc_uint8_t* mapped = nullptr;
    const utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + j),
                                            static_cast<utf8proc_ssize_t>(k - j), &mapped,
                                            static_cast<utf8proc_option_t>(kFoldCase));
    if (n < 0) return Map(s, kFoldCase);
    out.append(reinterpret_cast<const char*>(mapped), static_cast<size_t>(n));
    std::free(mapped);
    i = k;
  }
  return out;
}

void FoldApostrophes(std::string* s) {
  // ’ (E2 80 99) and ‘ (E2 80 98) -> '
  std::string out;
  out.reserve(s->size());
  for (size_t i = 0; i < s->size(); ++i) {
    if (i + 2 < s->size() && (*s)[i] == '\xE2' && (*s)[i + 1] == '\x80' &&
        ((*s)[i + 2] == '\x99' || (*s)[i + 2] == '\x98')) {
      out += '\'';
      i += 2;
    } else {
      out += (*s)[i];
    }
  }
  *s = std::move(out);
}

}  // namespace

std::string FoldCase(std::string_view word) {
  bool ascii = true;
  for (char c : word) ascii &= static_cast<unsigned char>(c) < 0x80;
  std::string out;
  if (ascii) {
    out.assign(word);
    for (char& c : out) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
  }
  // One non-letter code point (curly quote, dash): nothing to fold but the apostrophe; skips
  // utf8proc's allocation for the commonest non-ASCII tokens.
  int32_t cp;
  if (static_cast<size_t>(DecodeAt(word, 0, &cp)) == word.size() && !IsLetter(cp)) {
    out.assign(word);
  } else {
    out = FoldMixed(word);
  }
  FoldApostrophes(&out);
  return out;
}

std::string FoldAccents(std::string_view word) {
  std::string folded = FoldCase(word);
  for (char c : folded) {
    if (static_cast<unsigned char>(c) >= 0x80) {
      return Map(folded, UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_STRIPMARK);
    }
  }
  return folded;
}

bool IsLetter(int32_t cp) {
  if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  auto c = utf8proc_category(cp);
  return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

bool IsUpper(int32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  auto c = utf8proc_category(cp);
  return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

bool IsDigit(int32_t cp) {
  if (cp < 0x80) return cp >= '0' && cp <= '9';
  return utf8proc_category(cp) == UTF8PROC_CATEGORY_ND;
}

bool IsMark(int32_t cp) {
  if (cp < 0x80) return false;
  auto c = utf8proc_category(cp);
  return c >= UTF8PROC_CATEGORY_MN && c <= UTF8PROC_CATEGORY_ME;
}

bool IsSpace(int32_t cp) {
  if (cp < 0x80) return cp == ' ' || (cp >= '\t' && cp <= '\r');
  auto c = utf8proc_category(cp);
  return c == UTF8PROC_CATEGORY_ZS || c == UTF8PROC_CATEGORY_ZL || c == UTF8PROC_CATEGORY_ZP;
}

}  // namespace parallax
