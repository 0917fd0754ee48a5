// Text helpers shared by the renderers: terminal-safe strings, code-point counting, line
// wrapping with a hanging indent, and dates for people.
// Tested by format_test.cc. Thread-safe: stateless functions.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace parallax {

// `text` made safe and tidy for a terminal: invalid UTF-8 becomes U+FFFD; control characters
// (C0, DEL, C1, so no escape sequence from an article reaches the terminal) and runs of Unicode
// whitespace become one space; leading and trailing spaces are dropped.
std::string TerminalClean(std::string_view text);

// Number of UTF-8 code points in `text` (bytes that do not continue a sequence).
size_t CountCodePoints(std::string_view text);

// Appends `prefix` then `text` to *out, breaking at spaces so that lines stay within `width`
// code points where words allow; continuation lines are indented to the width of `prefix`
// (at most width / 2). Runs of spaces inside a line are kept ("title  (3 articles)"). A word
// longer than a line (a URL) is kept whole. Ends with "\n".
void AppendWrapped(std::string_view prefix, std::string_view text, size_t width, std::string* out);

// `ids` as "[a1, a2]", each id terminal-cleaned.
std::string BracketList(const std::vector<std::string>& ids);

// "1 article", "2 articles"; `many` defaults to `one` + "s".
std::string Plural(size_t n, std::string_view one, std::string_view many = {});

// "2026-03-04 08:15 UTC": minutes are enough for a reader; JSON keeps full ISO 8601.
std::string HumanTime(int64_t seconds);

}  // namespace parallax
