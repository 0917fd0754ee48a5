// HTML escaping: one pass that copies runs of safe bytes in bulk and replaces the five
// characters that matter in text and quoted attributes (& < > " '), as OWASP's rule #1/#2 ask.
// Invalid UTF-8 is replaced rather than passed through so a browser never guesses an encoding.
// Tested by escape_test.cc.
#include "render/escape.h"

#include <cstdint>

#include "text/utf8.h"
#include "util/strings.h"

namespace parallax {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// The replacement for an ASCII byte, or an empty view when it is copied as is.
std::string_view AsciiReplacement(unsigned char c) {
  switch (c) {
    case '&':
      return "&amp;";
    case '<':
      return "&lt;";
    case '>':
      return "&gt;";
    case '"':
      return "&quot;";
    case '\'':
      return "&#39;";
    case '\t':
    case '\n':
    case '\r':
      return {};
    default:
      break;
  }
  if (c < 0x20 || c == 0x7F) return " ";
  return {};
}

}  // namespace

void AppendHtmlEscaped(std::string_view text, std::string* out) {
  size_t run = 0;  // start of the pending run of bytes copied verbatim
  size_t pos = 0;
  while (pos < text.size()) {
    unsigned char c = text[pos];
    std::string_view replacement;
    size_t length = 1;
    if (c < 0x80) {
      replacement = AsciiReplacement(c);
    } else {
      int32_t cp;
      length = static_cast<size_t>(DecodeAt(text, pos, &cp));
      if (length == 1) replacement = kReplacement;  // an invalid byte
    }
    if (!replacement.empty()) {
      out->append(text.substr(run, pos - run));
      out->append(replacement);
      run = pos + length;
    }
    pos += length;
  }
  out->append(text.substr(run));
}

std::string HtmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  AppendHtmlEscaped(text, &out);
  return out;
}

bool IsWebUrl(std::string_view url) {
  std::string head = AsciiLower(url.substr(0, 8));
  return StartsWith(head, "http://") || StartsWith(head, "https://");
}

}  // namespace parallax
