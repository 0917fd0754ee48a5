// Line-level noise removal for scraped news bodies.
//
// Each non-empty line is classified by its own shape (promo prefix, credit marker, byline,
// share prompt, subheading) and then by its neighbours (a line repeated, a caption printed
// twice around its credit, a line above a credit line, a teaser whose text the body repeats in
// full further down). The markers are the ones news CMSes print; they were collected from
// scraped pages of many outlets. Tested by clean_test.cc.
#include "clean/clean.h"

#include <string_view>
#include <unordered_map>

#include "text/utf8.h"

namespace parallax {
namespace {

struct Line {
  Span span;
  std::string folded;  // case-folded, inner whitespace collapsed
  const char* reason = nullptr;
};

std::string Collapse(std::string_view s) {
  std::string folded = FoldCase(s);
  std::string out;
  out.reserve(folded.size());
  bool space = false;
  for (char c : folded) {
    bool is_space = c == ' ' || c == '\t';
    if (is_space) {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

bool HasPrefix(std::string_view folded, std::initializer_list<std::string_view> prefixes) {
  for (std::string_view p : prefixes) {
    if (StartsWith(folded, p)) return true;
  }
  return false;
}

bool Contains(std::string_view folded, std::initializer_list<std::string_view> needles) {
  for (std::string_view n : needles) {
    if (folded.find(n) != std::string_view::npos) return true;
  }
  return false;
}

// "READ: Former president threatens...", "Read more: ...", "ALSO READ ...".
bool IsPromo(std::string_view f) {
  if (HasPrefix(f, {"read:",         "read more:",  "read more about", "also read",
                    "read also",     "related:",    "related stories", "related articles",
                    "watch:",        "see also:",   "more:",           "listen:",
                    "recommended:",  "don't miss:", "don’t miss:",     "must read:",
                    "editor's pick", "trending:",   "latest:",         "click here to read"})) {
    return true;
  }
  return f == "read more" || f == "continue reading" || f == "read the full story";
}

// Where a credit marker starts in the line, or npos. Most lines hold none: two memchr passes
// spare them the substring searches (every marker of the first two lists holds '(' or ':'),
// and the agency credits are looked for only where they count, at the end.
size_t CreditMarker(std::string_view f) {
  if (f.find('(') != std::string_view::npos || f.find(':') != std::string_view::npos) {
    for (std::string_view m : {"(photo credit:", "(credit:", "(photo:", "(image:", "(picture:",
                               "(photograph:", "(file photo", "(ap photo", "(reuters/", "(afp",
                               "(getty", "photo credit:", "image credit:", "picture credit:"}) {
      size_t at = f.find(m);
      if (at != std::string_view::npos) return at;
    }
    for (std::string_view m : {"photo:", "credit:", "image:", "photograph:", "picture:"}) {
      if (StartsWith(f, m)) return 0;
    }
  }
  // Agency credits at the end of a caption: "... /REUTERS", "via Reuters", "Getty Images": the
  // last occurrence ending at most 2 bytes before the end (what rfind would find there).
  for (std::string_view m :
       {"/reuters", "via reuters", "getty images", "/afp", "/ap photo", "shutterstock", "/epa"}) {
    for (size_t end = f.size(); end + 2 >= f.size() && end >= m.size(); --end) {
      if (f.substr(end - m.size(), m.size()) == m) return end - m.size();
    }
  }
  return std::string_view::npos;
}

// "By Jane Doe", "By JANE DOE, Staff Reporter", "Reporting by ...; Editing by ...".
bool IsByline(std::string_view raw, std::string_view f) {
  // Wire credits come in parentheses: "(Reporting by ...; Editing by ...)".
  if (!f.empty() && f.front() == '(' && f.back() == ')') f = f.substr(1, f.size() - 2);
  if (HasPrefix(f, {"reporting by ", "writing by ", "editing by ", "additional reporting by ",
                    "compiled by ", "written by "})) {
    return true;
  }
  if (!StartsWith(f, "by ") || CountWords(f) > 10) return false;
  // "By" then a name of 2-4 capitalised words, then at most a short affiliation after a comma,
  // '|' or dash ("By Tuesday evening, the fire..." is a sentence, not a byline).
  std::string_view rest = raw.substr(3);
  size_t cut = rest.find_first_of(",|");
  if (size_t dash = rest.find(" - "); dash < cut) cut = dash;
  std::string_view name = Trim(rest.substr(0, cut));
  std::string_view affiliation = cut == std::string_view::npos ? "" : rest.substr(cut + 1);
  size_t words = CountWords(name);
  if (words < 2 || words > 4 || CountWords(affiliation) > 4) return false;
  static const std::string_view kNotNames[] = {
      "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "The", "Then"};
  for (std::string_view w : kNotNames) {
    if (StartsWith(name, w)) return false;
  }
  for (size_t i = 0; i < name.size(); ++i) {
    bool word_start = i == 0 || name[i - 1] == ' ';
    if (word_start && name[i] >= 'a' && name[i] <= 'z') return false;
  }
  return name.back() != '.';
}

bool IsSharePrompt(std::string_view f) {
  if (CountWords(f) > 14) return false;
  if (f == "advertisement" || f == "ad" || f == "sponsored" || f == "share" || f == "share this" ||
      f == "comments") {
    return true;
  }
  return HasPrefix(f, {"share this", "share on", "share via", "follow us", "follow our", "sign up",
                       "subscribe", "click here", "download our", "download the app", "join our",
                       "like us on", "tap here", "get the latest", "scroll to"}) ||
         Contains(f, {"follow us on", "subscribe to our", "sign up for our", "our newsletter",
                      "for breaking news", "share this article", "join our telegram",
                      "whatsapp channel"});
}

// A short title-like line without sentence punctuation ("The bigger picture").
bool IsSubheading(std::string_view raw) {
  size_t words = CountWords(raw);
  if (words == 0 || words > 8) return false;
  char last = raw.back();
  if (last == '.' || last == '!' || last == '?' || last == ':' || last == '"' || last == ',' ||
      EndsWith(raw, "\xE2\x80\x9D") || EndsWith(raw, "\xE2\x80\xA6")) {
    return false;
  }
  int32_t cp;
  DecodeAt(raw, 0, &cp);
  return IsUpper(cp);
}

// The line without trailing punctuation and ellipses, for prefix checks.
std::string_view StripTail(std::string_view f) {
  while (!f.empty() && (f.back() == '.' || f.back() == ' ' || f.back() == ',')) f.remove_suffix(1);
  while (EndsWith(f, "\xE2\x80\xA6")) f.remove_suffix(3);
  return f;
}

void ClassifyAlone(std::string_view text, Line* line) {
  std::string_view raw = line->span.Of(text);
  const std::string& f = line->folded;
  if (IsPromo(f)) {
    line->reason = "promo";
  } else if (size_t at = CreditMarker(f); at != std::string_view::npos) {
    line->reason = at == 0 || (f[0] == '(' && at <= 1) ? "credit" : "caption";
  } else if (IsByline(raw, f)) {
    line->reason = "byline";
  } else if (IsSharePrompt(f)) {
    line->reason = "share prompt";
  }
}

// Captions printed twice: a line that is the start of an adjacent caption line; and a plain
// line directly above a credit-only line (the caption the credit belongs to).
void ClassifyCaptions(std::vector<Line>& lines) {
  for (size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].reason != nullptr) continue;
    std::string_view f = StripTail(lines[i].folded);
    for (size_t j : {i - 1, i + 1}) {
      if (j >= lines.size() || f.size() < 20) continue;
      bool caption_next =
          lines[j].reason != nullptr && std::string_view(lines[j].reason) == "caption";
      if (caption_next && StartsWith(lines[j].folded, f)) {
        lines[i].reason = "caption (printed twice)";
      }
    }
    if (lines[i].reason == nullptr && i + 1 < lines.size() && lines[i + 1].reason != nullptr &&
        std::string_view(lines[i + 1].reason) == "credit" && CountWords(f) <= 60) {
      lines[i].reason = "caption";
    }
  }
}

// Exact repeats (the later copy goes; a pair of identical adjacent lines is a caption printed
// twice when a credit is nearby), and teasers that a later line repeats in full.
void ClassifyRepeats(std::vector<Line>& lines) {
  std::unordered_map<std::string_view, size_t> first_seen;
  for (size_t i = 0; i < lines.size(); ++i) {
    auto [it, inserted] = first_seen.emplace(lines[i].folded, i);
    if (!inserted && lines[i].reason == nullptr) lines[i].reason = "repeated line";
  }
  for (size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].reason != nullptr) continue;
    std::string_view f = StripTail(lines[i].folded);
    if (f.size() < 40) continue;
    for (size_t j = i + 1; j < lines.size(); ++j) {
      // The later line must say more than the teaser, not just repeat it.
      if (StripTail(lines[j].folded).size() >= f.size() + 10 && StartsWith(lines[j].folded, f)) {
        lines[i].reason = "teaser (repeated below)";
        break;
      }
    }
  }
}

void ClassifySubheadings(std::string_view text, std::vector<Line>& lines) {
  for (size_t i = 0; i + 1 < lines.size(); ++i) {
    if (lines[i].reason == nullptr && IsSubheading(lines[i].span.Of(text))) {
      lines[i].reason = "subheading";
    }
  }
}

}  // namespace

CleanResult Clean(const Article& article, const CleanOptions& options) {
  const std::string& text = article.text;
  std::vector<Line> lines;
  for (Span s : SplitLines(text)) {
    Span t = TrimSpan(text, s);
    if (t.empty()) continue;
    lines.push_back({t, Collapse(t.Of(text)), nullptr});
  }
  for (Line& l : lines) ClassifyAlone(text, &l);
  ClassifyCaptions(lines);
  ClassifyRepeats(lines);
  ClassifySubheadings(text, lines);

  CleanResult out;
  for (const Line& l : lines) {
    if (l.reason == nullptr) {
      out.paragraphs.push_back(l.span);
      continue;
    }
    Removal r{l.span.begin, l.span.end, l.reason, {}};
    if (options.explain) r.text = std::string(l.span.Of(text));
    out.removed.push_back(std::move(r));
  }
  return out;
}

}  // namespace parallax
