// HTML escaping and URL screening for the HTML page. Every article-derived string goes through
// AppendHtmlEscaped, in text and in attributes alike.
// Tested by escape_test.cc. Thread-safe: stateless functions.
#pragma once

#include <string>
#include <string_view>

namespace parallax {

// Appends `text` to *out with & < > " ' escaped, so the result is safe both as element text and
// inside a quoted attribute. Invalid UTF-8 becomes U+FFFD and ASCII control characters other
// than tab, LF and CR become spaces, so the page is always valid UTF-8.
void AppendHtmlEscaped(std::string_view text, std::string* out);
std::string HtmlEscape(std::string_view text);

// True when `url` is an absolute http:// or https:// URL (scheme case-insensitive). Only those
// become links; "javascript:", "data:" and relative URLs are shown as text.
bool IsWebUrl(std::string_view url);

}  // namespace parallax
