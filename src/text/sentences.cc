// Rule-based sentence splitting on tokens. Hand-written rather than ICU's UAX #29 sentence
// iterator: UAX #29 splits after every "Gen." or "U.S." that precedes a capital, which news
// text is full of, and ICU's abbreviation suppressions cover only a short fixed list.
// Tested by sentences_test.cc.
#include "text/sentences.h"

#include <cstdint>
#include <string_view>

#include <absl/container/flat_hash_set.h>

namespace parallax {
namespace {

const absl::flat_hash_set<std::string_view>& Abbreviations() {
  static const absl::flat_hash_set<std::string_view> kSet = {
      "mr",   "mrs",  "ms",     "dr",   "prof", "gen",  "sen", "rep", "gov",    "lt",  "col",
      "sgt",  "capt", "maj",    "cmdr", "adm",  "st",   "jr",  "sr",  "inc",    "ltd", "co",
      "corp", "vs",   "approx", "dept", "univ", "fig",  "no",  "nos", "jan",    "feb", "mar",
      "apr",  "jun",  "jul",    "aug",  "sep",  "sept", "oct", "nov", "dec",    "mt",  "ft",
      "rev",  "hon",  "pres",   "supt", "insp", "det",  "cpl", "pvt", "messrs", "mme", "mlle",
      "art",  "sec",  "para",   "vol",  "ed",   "est",  "cf",  "al"};
  return kSet;
}

// Words that start sentences after a dotted acronym ("... in the U.S. The talks").
const absl::flat_hash_set<std::string_view>& SentenceStarters() {
  static const absl::flat_hash_set<std::string_view> kSet = {
      "the",     "a",     "an",    "he",    "she",   "it",        "they",     "we",  "i",
      "this",    "that",  "these", "those", "in",    "on",        "at",       "but", "and",
      "however", "there", "his",   "her",   "their", "its",       "our",      "as",  "after",
      "before",  "when",  "while", "if",    "for",   "meanwhile", "officials"};
  return kSet;
}

bool IsTerminal(const Token& t) {
  return t.kind == TokenKind::kPunct &&
         (t.norm == "." || t.norm == "!" || t.norm == "?" || t.norm == "\xE2\x80\xA6");
}

bool IsCloser(const Token& t) {
  if (t.kind != TokenKind::kPunct) return false;
  const std::string& n = t.norm;
  return n == "\"" || n == "'" || n == ")" || n == "]" || n == "\xE2\x80\x9D" /* ” */ ||
         n == "\xE2\x80\x99" /* ’ */ || n == "\xC2\xBB" /* » */;
}

bool IsStraightQuote(const Token& t) { return t.norm == "\"" || t.norm == "'"; }

bool IsOpener(const Token& t) {
  if (t.kind != TokenKind::kPunct) return false;
  const std::string& n = t.norm;
  return n == "\"" || n == "'" || n == "(" || n == "[" || n == "\xE2\x80\x9C" /* “ */ ||
         n == "\xE2\x80\x98" || n == "\xC2\xAB" || n == "-" || n == "\xE2\x80\x94";
}

bool CanStartSentence(const Token& t) {
  if (t.kind == TokenKind::kNumber) return true;
  if (t.kind == TokenKind::kWord) return t.upper_initial;
  return IsOpener(t);
}

// True when the "." at `dot` ends an abbreviation, an initial or an acronym, not a sentence.
bool DotIsAbbreviation(const std::vector<Token>& tokens, size_t dot) {
  if (tokens[dot].norm != "." || dot == 0) return false;
  const Token& prev = tokens[dot - 1];
  if (prev.kind != TokenKind::kWord || prev.end != tokens[dot].begin) return false;
  if (Abbreviations().count(prev.norm)) return true;
  // A single uppercase letter: an initial ("J. Smith").
  return prev.norm.size() == 1 && prev.upper_initial;
}

// A decimal or clock time whose point was spaced by the source's tokenisation ("a 4. 7
// magnitude quake", "$3. 1 million", "10. 45 p.m."): a number of one or two digits glued to
// the "." and a number right after one space. A year ("in 2011. 30 people") still ends a
// sentence; a one- or two-digit count ending a sentence before one starting with a number is
// far rarer than this damage in scraped text.
bool DotInSpacedDecimal(const std::vector<Token>& tokens, size_t dot, size_t next) {
  if (tokens[dot].norm != "." || dot == 0 || next != dot + 1) return false;
  const Token& prev = tokens[dot - 1];
  const Token& after = tokens[next];
  return prev.kind == TokenKind::kNumber && prev.end == tokens[dot].begin &&
         prev.end - prev.begin <= 2 && after.kind == TokenKind::kNumber &&
         after.begin == tokens[dot].end + 1;
}

bool IsDoubleQuote(const Token& t) {
  return t.norm == "\"" || t.norm == "\xE2\x80\x9C" /* “ */ || t.norm == "\xE2\x80\x9D" /* ” */ ||
         t.norm == "\xC2\xAB" /* « */ || t.norm == "\xC2\xBB" /* » */;
}

// Whether the double quote at `i` opens a quotation: curly and guillemet marks say so; a
// straight one opens when it is not glued to the token before it.
bool OpensQuote(const std::vector<Token>& tokens, size_t i) {
  const std::string& n = tokens[i].norm;
  if (n == "\xE2\x80\x9C" || n == "\xC2\xAB") return true;
  if (n != "\"") return false;
  return i == 0 || tokens[i - 1].end != tokens[i].begin;
}

// Verbs that introduce a quotation after its speaker ("Mørk said: “...").
bool IsSpeechVerb(const Token& t) {
  static const absl::flat_hash_set<std::string_view> kVerbs = {
      "said",   "says",     "say",      "told",   "added",     "adds",  "stated",  "wrote",
      "writes", "declared", "insisted", "warned", "explained", "asked", "replied", "urged"};
  return t.kind == TokenKind::kWord && kVerbs.count(t.norm) > 0;
}

// For a split point `j` inside the quotation opened at `open`: true when the quotation closes
// later in the paragraph and is attributed outside its marks, before ("Mørk said: “The captain
// has cooperated fully. We have no reason...”") or after ("“We will rebuild. The pier matters,”
// he said."). Splitting there would cut the quote from its speaker, so it stays one sentence.
bool QuoteStaysWithSpeaker(const std::vector<Token>& tokens, size_t open, size_t j) {
  size_t close = tokens.size();
  for (size_t k = j; k < tokens.size() && close == tokens.size(); ++k) {
    if (!IsDoubleQuote(tokens[k])) continue;
    if (OpensQuote(tokens, k)) return false;  // a new quotation: the old one never closed
    close = k;
  }
  if (close == tokens.size()) return false;
  if (tokens[close - 1].norm == ",") return true;
  return open > 0 && (tokens[open - 1].norm == ":" || IsSpeechVerb(tokens[open - 1]));
}

}  // namespace

std::vector<TokenRange> SplitSentences(const std::vector<Token>& tokens) {
  std::vector<TokenRange> out;
  uint32_t start = 0;
  const auto n = static_cast<uint32_t>(tokens.size());
  // The double quotation open at the current token (its opening mark), or none.
  constexpr uint32_t kNone = UINT32_MAX;
  uint32_t quote = kNone;
  auto track = [&](uint32_t k) {
    if (IsDoubleQuote(tokens[k])) quote = OpensQuote(tokens, k) ? k : kNone;
  };
  for (uint32_t i = 0; i < n; ++i) {
    const Token& t = tokens[i];
    track(i);
    bool acronym_end = t.kind == TokenKind::kWord && t.norm.size() > 2 && t.norm.back() == '.';
    if (!IsTerminal(t) && !acronym_end) continue;
    uint32_t j = i + 1;
    // Closing marks after the terminal. A straight quote is ambiguous: it closes only when it
    // is glued to what precedes it ('over."'); with a space before it opens the next sentence.
    while (j < n && (IsTerminal(tokens[j]) ||
                     (IsCloser(tokens[j]) &&
                      (!IsStraightQuote(tokens[j]) || tokens[j].begin == tokens[j - 1].end)))) {
      ++j;
    }
    if (j >= n) break;
    for (uint32_t k = i + 1; k < j; ++k) track(k);
    const Token& next = tokens[j];
    if (!CanStartSentence(next)) continue;
    if (acronym_end && !SentenceStarters().count(next.norm)) continue;
    if (!acronym_end && DotIsAbbreviation(tokens, i)) continue;
    if (DotInSpacedDecimal(tokens, i, j)) continue;
    if (quote != kNone && QuoteStaysWithSpeaker(tokens, quote, j)) continue;
    out.push_back({start, j});
    start = j;
    i = j - 1;
  }
  if (start < n) out.push_back({start, n});
  return out;
}

}  // namespace parallax
