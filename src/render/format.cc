// Terminal text helpers. Widths count code points, not bytes, so "Søren" is five columns; East
// Asian wide characters still count as one (a close enough guess for news in Latin, Cyrillic
// and Arabic scripts, and wrapping is cosmetic).
// Tested by format_test.cc.
#include "render/format.h"

#include <algorithm>

#include "parallax/render.h"
#include "text/utf8.h"
#include "util/time.h"

namespace parallax {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// Characters that must not reach a terminal: C0 controls, DEL and the C1 range (0x9B is CSI).
bool IsControl(int32_t cp) { return cp < 0x20 || (cp >= 0x7F && cp < 0xA0); }

}  // namespace

std::string FormatIsoTime(int64_t seconds) { return FormatIso8601(seconds); }

std::string HumanTime(int64_t seconds) {
  std::string iso = FormatIso8601(seconds);  // "YYYY-MM-DDTHH:MM:SSZ"
  if (iso.size() < 16 || iso[10] != 'T') return iso;
  return iso.substr(0, 10) + " " + iso.substr(11, 5) + " UTC";
}

std::string TerminalClean(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  size_t pos = 0;
  while (pos < text.size()) {
    int32_t cp;
    auto length = static_cast<size_t>(DecodeAt(text, pos, &cp));
    bool invalid = length == 1 && static_cast<unsigned char>(text[pos]) >= 0x80;
    if (!invalid && (IsControl(cp) || IsSpace(cp))) {
      pending_space = !out.empty();
    } else {
      if (pending_space) out.push_back(' ');
      pending_space = false;
      out.append(invalid ? kReplacement : text.substr(pos, length));
    }
    pos += length;
  }
  return out;
}

size_t CountCodePoints(std::string_view text) {
  return static_cast<size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

void AppendWrapped(std::string_view prefix, std::string_view text, size_t width, std::string* out) {
  const size_t indent = std::min(CountCodePoints(prefix), width / 2);
  out->append(prefix);
  size_t column = CountCodePoints(prefix);
  bool line_empty = true;
  size_t pos = 0;
  while (pos < text.size()) {
    // The next word and the run of spaces before it, kept as written unless the line breaks.
    size_t start = text.find_first_not_of(' ', pos);
    if (start == std::string_view::npos) break;
    size_t end = std::min(text.find(' ', start), text.size());
    size_t gap = line_empty ? 0 : start - pos;
    std::string_view word = text.substr(start, end - start);
    pos = end;
    size_t w = CountCodePoints(word);
    if (!line_empty && column + gap + w > width) {
      out->push_back('\n');
      out->append(indent, ' ');
      column = indent;
      gap = 0;
    }
    out->append(gap, ' ');
    out->append(word);
    column += gap + w;
    line_empty = false;
  }
  out->push_back('\n');
}

std::string Plural(size_t n, std::string_view one, std::string_view many) {
  std::string noun(n == 1 || many.empty() ? one : many);
  if (n != 1 && many.empty()) noun += "s";
  return std::to_string(n) + " " + noun;
}

std::string BracketList(const std::vector<std::string>& ids) {
  std::string out = "[";
  for (size_t i = 0; i < ids.size(); ++i) {
    if (i > 0) out += ", ";
    out += TerminalClean(ids[i]);
  }
  out += "]";
  return out;
}

}  // namespace parallax
