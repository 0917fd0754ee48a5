// Numbers and what they count: digits ("300", "1,200", "4.5"), cardinal words ("two",
// "forty-two", "a dozen"), scales ("4.5 million", "$2bn"), currencies, percentages and units,
// the qualifier before the number ("over 300", "at least 42") and the counted noun after it
// ("300 missiles" -> missil).
//
// Numbers that belong to dates, clock times, ordinals, ranges, codes and names ("March 3",
// "3 p.m.", "21st", "300-400", "F-16", "COVID-19", "Resolution 2231") are skipped: dates are
// DateMentions, and the rest would only produce false number conflicts downstream. A bare
// four-digit number in 1900..2100 that counts nothing is kept with is_year set.
// Each number is parsed from a window of a few words around it: linear in the sentence.
// Tested by numbers_test.cc.
#include <array>
#include <cmath>
#include <unordered_map>
#include <unordered_set>

#include "analyze/analyze.h"
#include "analyze/lexicon.h"

namespace parallax {
namespace {

bool IsPunct(const Word& w, std::string_view p) {
  return w.kind == TokenKind::kPunct && w.norm == p;
}

bool Adjacent(const Word& a, const Word& b) { return a.end == b.begin; }

// Qualifier phrases ending right before the number, with the qualifier they normalise to
// (NumberMention::qualifier). Longest first.
struct Qualifier {
  std::array<std::string_view, 3> words;  // trailing "" unused
  std::string_view canonical;
};

constexpr Qualifier kQualifiers[] = {
    {{"in", "excess", "of"}, "over"},     {{"just", "shy", "of"}, "nearly"},
    {{"a", "minimum", "of"}, "at least"}, {{"a", "maximum", "of"}, "at most"},
    {{"as", "many", "as"}, "at most"},    {{"as", "much", "as"}, "at most"},
    {{"more", "than", ""}, "over"},       {{"upwards", "of", ""}, "over"},
    {{"just", "over", ""}, "over"},       {{"well", "over", ""}, "over"},
    {{"less", "than", ""}, "under"},      {{"fewer", "than", ""}, "under"},
    {{"just", "under", ""}, "nearly"},    {{"close", "to", ""}, "nearly"},
    {{"at", "least", ""}, "at least"},    {{"no", "fewer", "than"}, "at least"},
    {{"no", "less", "than"}, "at least"}, {{"at", "most", ""}, "at most"},
    {{"up", "to", ""}, "at most"},        {{"no", "more", "than"}, "at most"},
    {{"an", "estimated", ""}, "about"},   {{"about", "", ""}, "about"},
    {{"around", "", ""}, "about"},        {{"approximately", "", ""}, "about"},
    {{"approx", "", ""}, "about"},        {{"roughly", "", ""}, "about"},
    {{"some", "", ""}, "about"},          {{"estimated", "", ""}, "about"},
    {{"circa", "", ""}, "about"},         {{"nearly", "", ""}, "nearly"},
    {{"almost", "", ""}, "nearly"},       {{"over", "", ""}, "over"},
    {{"above", "", ""}, "over"},          {{"exceeding", "", ""}, "over"},
    {{"under", "", ""}, "under"},         {{"below", "", ""}, "under"},
};

// Matches a qualifier phrase ending at word `end - 1`; returns its first word or `end`.
uint32_t MatchQualifier(const Sentence& s, uint32_t end, std::string_view* canonical) {
  for (const Qualifier& q : kQualifiers) {
    uint32_t len = q.words[2].empty() ? (q.words[1].empty() ? 1 : 2) : 3;
    if (end < len) continue;
    bool match = true;
    for (uint32_t k = 0; k < len && match; ++k) match = s.words[end - len + k].norm == q.words[k];
    if (match) {
      *canonical = q.canonical;
      return end - len;
    }
  }
  return end;
}

// Currency and unit words after a number, with their canonical unit.
std::string_view UnitWord(std::string_view norm) {
  static const std::unordered_map<std::string_view, std::string_view> kUnits = {
      {"euros", "eur"},      {"euro", "eur"},       {"eur", "eur"},       {"dollars", "usd"},
      {"dollar", "usd"},     {"usd", "usd"},        {"pounds", "gbp"},    {"sterling", "gbp"},
      {"gbp", "gbp"},        {"yen", "jpy"},        {"yuan", "cny"},      {"renminbi", "cny"},
      {"rupees", "inr"},     {"riyals", "sar"},     {"rials", "irr"},     {"shekels", "ils"},
      {"roubles", "rub"},    {"rubles", "rub"},     {"francs", "chf"},    {"kroner", "kr"},
      {"kronor", "sek"},     {"lira", "try"},       {"dinars", "dinar"},  {"percent", "%"},
      {"km", "km"},          {"kilometres", "km"},  {"kilometers", "km"}, {"kilometre", "km"},
      {"kilometer", "km"},   {"miles", "mi"},       {"mile", "mi"},       {"metres", "m"},
      {"meters", "m"},       {"metre", "m"},        {"meter", "m"},       {"cm", "cm"},
      {"centimetres", "cm"}, {"centimeters", "cm"}, {"mm", "mm"},         {"millimetres", "mm"},
      {"millimeters", "mm"}, {"kg", "kg"},          {"kilograms", "kg"},  {"kilogrammes", "kg"},
      {"kilos", "kg"},       {"grams", "g"},        {"tonnes", "t"},      {"tons", "t"},
      {"tonne", "t"},        {"ton", "t"},          {"hours", "h"},       {"hour", "h"},
      {"hrs", "h"},          {"minutes", "min"},    {"minute", "min"},    {"mins", "min"},
      {"seconds", "s"},      {"days", "day"},       {"day", "day"},       {"weeks", "week"},
      {"week", "week"},      {"months", "month"},   {"month", "month"},   {"years", "year"},
      {"year", "year"},      {"decades", "decade"}, {"acres", "acre"},    {"hectares", "ha"},
      {"litres", "l"},       {"liters", "l"},       {"gallons", "gal"},   {"barrels", "bbl"},
      {"megawatts", "mw"},   {"mw", "mw"},          {"gw", "gw"},         {"gigawatts", "gw"},
      {"kwh", "kwh"},        {"knots", "kn"},       {"feet", "ft"},       {"foot", "ft"},
      {"ft", "ft"},          {"inches", "in"},      {"mph", "mph"},       {"kph", "km/h"},
      {"degrees", "deg"},    {"celsius", "c"},      {"fahrenheit", "f"}};
  auto it = kUnits.find(norm);
  return it == kUnits.end() ? std::string_view() : it->second;
}

// Letters glued to digits: a scale ("$2bn", "€4.5m"), a unit ("300km") or, for anything
// else ("21st", "1990s", "3D", "5pm"), a sign that the token is not a count.
bool GluedSuffix(std::string_view norm, bool money, double* scale, std::string_view* unit) {
  if (norm == "bn" || (money && norm == "b")) return *scale = 1e9, true;
  if (norm == "m" || norm == "mn" || norm == "mln") {
    if (money || norm != "m") return *scale = 1e6, true;
    return *unit = "m", true;
  }
  if (norm == "k") return *scale = 1e3, true;
  std::string_view u = UnitWord(norm);
  if (u.empty() || u == "%" || u.size() > 4 || norm.size() > 4) return false;
  *unit = u;
  return true;
}

// Words after which a number is a label, not a quantity ("article 5", "flight 17").
bool IsLabelWord(std::string_view norm) {
  static const std::unordered_set<std::string_view> kSet = {
      "article",    "section",  "chapter", "page",       "room",      "flight",   "route",
      "number",     "no",       "nos",     "resolution", "paragraph", "line",     "level",
      "phase",      "category", "grade",   "gate",       "terminal",  "platform", "highway",
      "interstate", "channel",  "version", "rule",       "clause",    "item",     "unit",
      "building",   "floor",    "block",   "lot",        "tier",      "stage",    "act",
      "verse",      "psalm",    "episode", "season",     "volume",    "issue",    "exhibit",
      "figure",     "table",    "model",   "type",       "class",     "division", "group",
      "squad",      "district", "ward",    "zone",       "sector",    "precinct", "apartment",
      "suite",      "box",      "code",    "pier",       "dock",      "berth"};
  return kSet.count(norm) > 0;
}

bool IsMoneyUnit(std::string_view unit) {
  static const std::unordered_set<std::string_view> kSet = {"usd", "eur", "gbp", "jpy", "cny",
                                                            "inr", "sar", "irr", "ils", "rub",
                                                            "chf", "kr",  "sek", "try", "dinar"};
  return kSet.count(unit) > 0;
}

bool IsCurrencyCode(std::string_view norm) {
  return norm == "usd" || norm == "eur" || norm == "gbp" || norm == "jpy" || norm == "cny" ||
         norm == "chf";
}

bool IsQualifierWord(std::string_view norm) {
  for (const Qualifier& q : kQualifiers) {
    if (q.words[1].empty() && q.words[0] == norm) return true;
  }
  return false;
}

class NumberScanner {
 public:
  NumberScanner(std::string_view text, const Sentence& s, uint32_t si)
      : text_(text), s_(s), si_(si) {}
  // Parses a number expression whose number is at word i; returns the index after it, or
  // i + 1 when there is none. Appends to `out`.
  uint32_t ParseAt(uint32_t i, std::vector<NumberMention>* out) const;

 private:
  bool IsDateOrCode(uint32_t i) const;
  bool IsCountingOne(uint32_t i) const;
  bool Core(uint32_t i, double* value, uint32_t* core_begin, uint32_t* core_end) const;
  void SpacedDecimal(uint32_t i, double* value, uint32_t* core_end) const;
  bool IsMagnitude(uint32_t begin, uint32_t end, double value) const;
  uint32_t MoneyBefore(uint32_t begin, NumberMention* m) const;
  uint32_t ScaleAfter(uint32_t i, uint32_t end, double* value, NumberMention* m) const;
  uint32_t UnitAfter(uint32_t end, NumberMention* m) const;
  std::string CountedNoun(uint32_t begin, uint32_t end, const NumberMention& m) const;

  std::string_view text_;
  const Sentence& s_;
  uint32_t si_;
};

// True when the digits at word i are part of a date, a clock time, a range, an ordinal or a
// label, not a quantity.
bool NumberScanner::IsDateOrCode(uint32_t i) const {
  const auto n = static_cast<uint32_t>(s_.words.size());
  const Word& w = s_.words[i];
  // "magnitude-4.1" is a quantity, unlike "F-16".
  if (i >= 2 && IsPunct(s_.words[i - 1], "-") && s_.words[i - 2].norm == "magnitude") return false;
  // Glued to punctuation, possibly across a sentence split (".5", "-5", "#3", "/2").
  if (w.begin > 0 && std::string_view(".-/:#").find(text_[w.begin - 1]) != std::string_view::npos) {
    return true;
  }
  if (i > 0) {
    const Word& prev = s_.words[i - 1];
    if (MonthAt(s_, i - 1)) return true;                                  // "March 3", "March 2026"
    if (i >= 2 && IsPunct(prev, ".") && MonthAt(s_, i - 2)) return true;  // "Oct. 19"
    if (Adjacent(prev, w) && prev.kind == TokenKind::kPunct &&
        (prev.norm == "-" || prev.norm == "/" || prev.norm == ":" || prev.norm == "." ||
         prev.norm == "#" || prev.norm == "\xE2\x80\x93")) {
      return true;
    }
    if (prev.kind == TokenKind::kWord && Adjacent(prev, w)) return true;  // glued to a word
    if (IsLabelWord(prev.norm)) return true;
    // "Boeing 737", "Resolution 2231": a number after a capitalised name word.
    bool initial_stop = prev.stop && i == 1;
    if (prev.kind == TokenKind::kWord && prev.upper_initial && !initial_stop &&
        !IsQualifierWord(prev.norm) && UnitWord(prev.norm).empty()) {
      return true;
    }
    // "March 3, 2026": the year of a date.
    if (IsPunct(prev, ",") && i >= 3 && s_.words[i - 2].kind == TokenKind::kNumber &&
        MonthAt(s_, i - 3)) {
      return true;
    }
  }
  if (i + 1 < n) {
    const Word& next = s_.words[i + 1];
    if (MonthAt(s_, i + 1)) return true;  // "3 March"
    if (next.norm == "of" && i + 2 < n && MonthAt(s_, i + 2)) return true;
    if (IsClockSuffix(next.norm) || next.norm == "o'clock") return true;
    bool magnitude_after = next.norm == "-" && i + 2 < n && s_.words[i + 2].norm == "magnitude";
    if (Adjacent(w, next) && next.kind == TokenKind::kPunct && !magnitude_after &&
        (next.norm == "-" || next.norm == "/" || next.norm == ":" || next.norm == "\xE2\x80\x93")) {
      return true;
    }
  }
  return false;
}

// "one" counts only before a noun ("one official"), not in "one of", "no one", "the one".
bool NumberScanner::IsCountingOne(uint32_t i) const {
  static const std::unordered_set<std::string_view> kDeny = {
      "the",   "no",      "any",   "every",   "each",   "this",  "that",
      "which", "another", "other", "someone", "anyone", "no-one"};
  if (i + 1 >= s_.words.size()) return false;
  const Word& next = s_.words[i + 1];
  if (next.kind != TokenKind::kWord || next.stop || next.upper_initial) return false;
  return i == 0 || !kDeny.count(s_.words[i - 1].norm);
}

// A decimal whose point the source's tokenisation spaced ("a 4. 7 magnitude quake", "$3. 1
// million"; text/sentences.cc keeps them in one sentence): one or two digits, a glued ".", and
// digits one space after it. Extends the core over the three words and sets the value.
void NumberScanner::SpacedDecimal(uint32_t i, double* value, uint32_t* core_end) const {
  const auto& ws = s_.words;
  if (i + 2 >= ws.size() || ws[i].norm.size() > 2 || !IsPunct(ws[i + 1], ".") ||
      !Adjacent(ws[i], ws[i + 1]) || ws[i + 2].kind != TokenKind::kNumber ||
      ws[i + 2].begin != ws[i + 1].end + 1)
    return;
  const std::string& frac = ws[i + 2].norm;
  if (frac.empty() || frac.size() > 3 ||
      frac.find_first_not_of("0123456789") != std::string::npos ||
      ws[i].norm.find_first_not_of("0123456789") != std::string::npos)
    return;
  *value = NumberValue(ws[i].norm + "." + frac);
  *core_end = i + 3;
}

// The number itself: digits, a cardinal word, or "a"/"an" before a scale ("a dozen").
bool NumberScanner::Core(uint32_t i, double* value, uint32_t* core_begin,
                         uint32_t* core_end) const {
  const Word& w = s_.words[i];
  *core_begin = i;
  *core_end = i + 1;
  if (w.kind == TokenKind::kNumber) {
    if (!IsWellFormedNumber(w.norm) || IsDateOrCode(i)) return false;
    *value = NumberValue(w.norm);
    SpacedDecimal(i, value, core_end);
    return true;
  }
  if (w.kind != TokenKind::kWord) return false;
  if ((w.norm == "a" || w.norm == "an") && i + 1 < s_.words.size()) {
    double scale = ScaleValue(s_.words[i + 1].norm);
    if (scale <= 0 || s_.words[i + 1].norm == "bn" || s_.words[i + 1].norm == "mn") return false;
    *value = scale;
    *core_end = i + 2;
    return true;
  }
  double v = NumberWordValue(w.norm);
  if (v < 0 || (w.norm == "one" && !IsCountingOne(i))) return false;
  *value = v;
  return true;
}

// Money before the number ("$300", "US$4.5", "USD 300"): sets the unit and returns the
// first word of the expression.
uint32_t NumberScanner::MoneyBefore(uint32_t begin, NumberMention* m) const {
  if (begin == 0) return begin;
  const Word& prev = s_.words[begin - 1];
  std::string_view currency = CurrencySymbol(prev.norm);
  if (currency.empty() && prev.all_upper && IsCurrencyCode(prev.norm)) currency = prev.norm;
  if (currency.empty()) return begin;
  m->unit = currency;
  --begin;
  if (begin > 0 && s_.words[begin - 1].norm == "us" &&
      Adjacent(s_.words[begin - 1], s_.words[begin])) {
    --begin;
  }
  return begin;
}

// Glued suffix ("2bn", "300km") and scale words ("4.5 million", "two dozen") after the
// number at word i; returns the index after them, or 0 when glued letters make the token
// something else than a count ("21st", "1990s").
uint32_t NumberScanner::ScaleAfter(uint32_t i, uint32_t end, double* value,
                                   NumberMention* m) const {
  const auto n = static_cast<uint32_t>(s_.words.size());
  if (s_.words[i].kind == TokenKind::kNumber && end < n && s_.words[end].kind == TokenKind::kWord &&
      Adjacent(s_.words[end - 1], s_.words[end])) {
    double scale = 0;
    std::string_view unit;
    if (!GluedSuffix(s_.words[end].norm, !m->unit.empty(), &scale, &unit)) return 0;
    if (scale > 0) *value *= scale;
    if (!unit.empty()) m->unit = unit;
    ++end;
  }
  for (int k = 0; k < 3 && end < n; ++k, ++end) {
    double scale = ScaleValue(s_.words[end].norm);
    if (scale <= 0) break;
    *value *= scale;
  }
  return end;
}

// Percent, currency and unit words after the number ("%", "per cent", "euros", "km",
// "percentage points"); returns the index after them.
uint32_t NumberScanner::UnitAfter(uint32_t end, NumberMention* m) const {
  const auto n = static_cast<uint32_t>(s_.words.size());
  auto norm = [&](uint32_t k) -> std::string_view {
    return k < n ? std::string_view(s_.words[k].norm) : std::string_view();
  };
  if (end < n && IsPunct(s_.words[end], "%")) {
    m->unit = "%";
    return end + 1;
  }
  if (norm(end) == "per" && norm(end + 1) == "cent") {
    m->unit = "%";
    return end + 2;
  }
  if (norm(end + 1) == "points" && (norm(end) == "percentage" || norm(end) == "percent")) {
    m->unit = "pp";  // "percentage points" are not percent
    return end + 2;
  }
  if (end < n && m->unit.empty() && !UnitWord(norm(end)).empty()) {
    m->unit = UnitWord(norm(end));
    return end + 1;
  }
  return end;
}

// A quake's magnitude is what the number gives, whatever noun follows: "a 4.7 magnitude
// earthquake", "a 6.2-magnitude quake", "a magnitude of at least 6.2", "a magnitude-4.1 quake",
// "measuring 4.4 on the Richter scale", "a 4.4 quake".
bool NumberScanner::IsMagnitude(uint32_t begin, uint32_t end, double value) const {
  const auto& ws = s_.words;
  auto is = [&](uint32_t k, std::string_view w) { return k < ws.size() && ws[k].norm == w; };
  uint32_t after = is(end, "-") ? end + 1 : end;
  // "a 4.4 quake": a decimal before a quake noun is its magnitude ("5 quakes" count them).
  static const WordList kQuakes = {"quake", "earthquake", "temblor", "tremor", "aftershock"};
  // (std::floor, not a cast to an integer: a huge value does not fit one; found by text_fuzz)
  bool decimal = value != std::floor(value);
  if (decimal && value < 10 && after < ws.size() && kQuakes.Contains(ws[after].norm)) return true;
  if (is(after, "magnitude") || (is(end, "on") && is(end + 1, "the") && is(end + 2, "richter")))
    return true;
  // Up to four words before, through stopwords ("of", "a"), "-" and qualifiers only.
  for (uint32_t k = begin, steps = 0; k-- > 0 && steps < 4; ++steps) {
    if (ws[k].norm == "magnitude") return true;
    if (!(ws[k].stop && ws[k].kind == TokenKind::kWord) && ws[k].norm != "-" &&
        !IsQualifierWord(ws[k].norm))
      break;
  }
  return false;
}

uint32_t NumberScanner::ParseAt(uint32_t i, std::vector<NumberMention>* out) const {
  double value = 0;
  uint32_t core_begin, end;
  if (!Core(i, &value, &core_begin, &end)) return i + 1;
  NumberMention m;
  uint32_t begin = MoneyBefore(core_begin, &m);
  end = ScaleAfter(i, end, &value, &m);
  if (end == 0) return i + 2;  // skip the glued suffix too
  end = UnitAfter(end, &m);
  std::string_view qualifier;
  begin = MatchQualifier(s_, begin, &qualifier);
  m.sentence = si_;
  m.span = {s_.words[begin].begin, s_.words[end - 1].end};
  m.value = value;
  m.qualifier = qualifier;
  bool bare = s_.words[i].kind == TokenKind::kNumber && m.unit.empty() && end == i + 1;
  m.is_year = bare && LooksLikeYear(s_, i);
  m.counted = CountedNoun(i, end, m);
  if (IsMagnitude(begin, end, value)) m.counted = "magnitud";  // the stem of "magnitude"
  out->push_back(std::move(m));
  return end;
}

// A measure ("15 knots", "two weeks") is its own noun; money and shares count something
// ("$4.5 million in aid", "98% of sailings"); a year counts nothing.
// Casualty counts in headline style name no noun: "3 killed", "1 dead, 2 hurt", "four die",
// "kills 2, wounds 2". They count "dead" or "hurt" (the stems of those words, so that a
// conflict's subject reads as written when it can). `before` is the word before the number.
std::string Casualty(std::string_view after, std::string_view before) {
  static const WordList kDeadAfter = {"dead", "killed", "died", "die", "dies", "slain"};
  static const WordList kHurtAfter = {"hurt", "injured", "wounded"};
  static const WordList kDeadBefore = {"kills", "killing", "kill"};
  static const WordList kHurtBefore = {"injures",  "injuring", "injure", "wounds",
                                       "wounding", "hurts",    "hurting"};
  if (kDeadAfter.Contains(after) || (after.empty() && kDeadBefore.Contains(before))) return "dead";
  if (kHurtAfter.Contains(after) || (after.empty() && kHurtBefore.Contains(before))) return "hurt";
  return "";
}

std::string NumberScanner::CountedNoun(uint32_t begin, uint32_t end, const NumberMention& m) const {
  bool measure = !m.unit.empty() && m.unit != "%" && m.unit != "pp" && !IsMoneyUnit(m.unit);
  if (m.is_year || measure) return "";
  if (IsMoneyUnit(m.unit) && end < s_.words.size() && s_.words[end].norm == "in") ++end;
  int counted = FindCountedNoun(s_, end);
  if (m.unit.empty()) {
    std::string_view after = counted >= 0 ? std::string_view(s_.words[counted].norm) : "";
    std::string_view before = begin > 0 ? std::string_view(s_.words[begin - 1].norm) : "";
    if (std::string c = Casualty(after, before); !c.empty()) return c;
  }
  return counted >= 0 ? s_.words[counted].stem : "";
}

}  // namespace

void ExtractNumbers(Document* doc) {
  doc->numbers.clear();
  if (doc->article == nullptr) return;
  for (uint32_t si = 0; si < doc->sentences.size(); ++si) {
    const Sentence& s = doc->sentences[si];
    NumberScanner scanner(doc->article->text, s, si);
    size_t first = doc->numbers.size();
    for (uint32_t i = 0; i < s.words.size();) i = scanner.ParseAt(i, &doc->numbers);
    for (size_t k = first; k < doc->numbers.size(); ++k) {
      doc->numbers[k].text = std::string(doc->Text(doc->numbers[k].span));
    }
  }
}

}  // namespace parallax
