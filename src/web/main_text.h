// Main-text extraction: the article's own paragraphs, headings and lists, without navigation,
// related links, comments, cookie banners, captions, credits or share prompts.
// Tested by main_text_test.cc. Thread-safety: pure function of an immutable tree.
#pragma once

#include <string>

#include "web/html_tree.h"

namespace parallax {

// The main text of `tree`: one block (paragraph, heading, list item, table row) per line
// group, blocks separated by a blank line, whitespace inside a block collapsed. "" when the
// page has no article text. `title` (may be empty) is the page's headline, dropped from the
// body when a heading repeats it.
std::string ExtractMainText(const HtmlTree& tree, const std::string& title);

}  // namespace parallax
