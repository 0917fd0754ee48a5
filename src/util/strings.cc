#include "util/strings.h"

namespace parallax {
namespace {

// Length of a trimmable character at `i`, 0 if none.
size_t SpaceAt(std::string_view t, size_t i) {
  unsigned char c = t[i];
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return 1;
  if (c == 0xC2 && i + 1 < t.size() && static_cast<unsigned char>(t[i + 1]) == 0xA0) return 2;
  if (c == 0xEF && i + 2 < t.size() && static_cast<unsigned char>(t[i + 1]) == 0xBB &&
      static_cast<unsigned char>(t[i + 2]) == 0xBF) {
    return 3;
  }
  return 0;
}

// Length of a trimmable character ending at `end` (exclusive), 0 if none.
size_t SpaceBefore(std::string_view t, size_t end) {
  unsigned char c = t[end - 1];
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return 1;
  if (end >= 2 && c == 0xA0 && static_cast<unsigned char>(t[end - 2]) == 0xC2) return 2;
  if (end >= 3 && c == 0xBF && static_cast<unsigned char>(t[end - 2]) == 0xBB &&
      static_cast<unsigned char>(t[end - 3]) == 0xEF) {
    return 3;
  }
  return 0;
}

}  // namespace

Span TrimSpan(std::string_view text, Span span) {
  size_t b = span.begin, e = span.end;
  while (b < e) {
    size_t n = SpaceAt(text, b);
    if (n == 0 || b + n > e) break;
    b += n;
  }
  while (e > b) {
    size_t n = SpaceBefore(text, e);
    if (n == 0 || e - n < b) break;
    e -= n;
  }
  return {static_cast<uint32_t>(b), static_cast<uint32_t>(e)};
}

std::string_view Trim(std::string_view text) {
  return TrimSpan(text, {0, static_cast<uint32_t>(text.size())}).Of(text);
}

std::vector<Span> SplitLines(std::string_view text) {
  std::vector<Span> lines;
  size_t start = 0;
  while (start <= text.size()) {
    size_t nl = text.find('\n', start);
    size_t end = nl == std::string_view::npos ? text.size() : nl;
    size_t content_end = end > start && text[end - 1] == '\r' ? end - 1 : end;
    lines.push_back({static_cast<uint32_t>(start), static_cast<uint32_t>(content_end)});
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  return lines;
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool EndsWith(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

size_t CountWords(std::string_view s) {
  size_t n = 0;
  bool in_word = false;
  for (char c : s) {
    bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (!space && !in_word) ++n;
    in_word = !space;
  }
  return n;
}

std::string Join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i) out += sep;
    out += parts[i];
  }
  return out;
}

}  // namespace parallax
