// The web page of `parallax serve` at "/": one self-contained HTML document (inline CSS and
// script, no external assets) over the JSON API. Article text only ever reaches the page
// through textContent and attribute setters, never as markup, so every field is shown as
// text; the server also sends a Content-Security-Policy that forbids outside resources.
#pragma once

#include <string_view>

namespace parallax {

extern const std::string_view kPageHtml;

}  // namespace parallax
