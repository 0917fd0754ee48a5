// Character encodings of web pages: which one a page is in, and conversion to UTF-8.
//
// The encoding is taken from: a byte-order mark; else UTF-8 when the bytes are valid UTF-8
// (whatever is declared: see charset.cc); else, in the order browsers use (WHATWG "encoding
// sniffing"), the charset of the HTTP Content-Type (WARC responses), a <meta charset> or
// <meta http-equiv="Content-Type"> within the first 4 KiB (the prescan); else ICU's statistical
// detector, else windows-1252. Labels follow WHATWG: "iso-8859-1" and "ascii" mean windows-1252. A
// page declared UTF-8 that is not valid UTF-8 gets U+FFFD for its bad bytes rather than a
// rejection: browsers show such pages, and one bad byte in a footer must not lose the article.
// Conversion is ICU's (ucnv), which knows every encoding the web uses.
// Tested by charset_test.cc. Thread-safe: pure functions.
#pragma once

#include <string>
#include <string_view>

#include "parallax/status.h"

namespace parallax {

// The charset parameter of an HTTP Content-Type value ("text/html; charset=ISO-8859-1" ->
// "ISO-8859-1"), or "" when there is none.
std::string CharsetFromContentType(std::string_view content_type);

// The charset declared by a <meta> tag in the first 4 KiB of `html`, or "".
std::string SniffMetaCharset(std::string_view html);

// The encoding `html` is in (an ICU converter name such as "UTF-8" or "windows-1252"), given the
// charset declared by the transport ("" when none).
std::string DetectEncoding(std::string_view html, std::string_view transport_charset);

// `html` converted to UTF-8 (without a byte-order mark). Fails only for an encoding ICU does not
// know, or a UTF-16 input of odd length.
Result<std::string> HtmlToUtf8(std::string_view html, std::string_view transport_charset);

}  // namespace parallax
