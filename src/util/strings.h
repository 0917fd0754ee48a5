// Small string helpers shared by the stages.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace parallax {

// A byte range [begin, end) of some text.
struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;
  uint32_t size() const { return end - begin; }
  bool empty() const { return end <= begin; }
  std::string_view Of(std::string_view text) const { return text.substr(begin, end - begin); }
};

// ASCII whitespace plus the UTF-8 no-break space and BOM are trimmed.
Span TrimSpan(std::string_view text, Span span);
std::string_view Trim(std::string_view text);
// Lines of `text` (without their "\n" or "\r\n"), as spans.
std::vector<Span> SplitLines(std::string_view text);
std::string AsciiLower(std::string_view s);
bool StartsWith(std::string_view s, std::string_view prefix);
bool EndsWith(std::string_view s, std::string_view suffix);
// Number of whitespace-separated words.
size_t CountWords(std::string_view s);
// Joins `parts` with `sep`.
std::string Join(const std::vector<std::string>& parts, std::string_view sep);

}  // namespace parallax
