// Word lists for the extractors. The lists are compact on purpose: each word in them changes
// what the extractors report, and a wrong entry becomes a false conflict downstream, so a
// word goes in only when news English uses it (nearly) always in the listed sense.
// Tested through the extractors' tests.
#include "analyze/lexicon.h"

#include <algorithm>

#include <string>
#include <vector>

namespace parallax {

WordMap<bool> WordList::Entries(std::initializer_list<std::string_view> words) {
  std::vector<std::pair<const std::string_view, bool>> pairs;
  pairs.reserve(words.size());
  for (std::string_view w : words) pairs.emplace_back(w, true);
  return {pairs.begin(), pairs.end()};
}

namespace {

using WordSet = WordList;

bool In(const WordSet& set, std::string_view w) { return set.Contains(w); }

bool IsAllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

const WordSet& TimePrepositions() {
  static const WordSet kSet = {"in",      "since",  "until",  "till",      "by",      "of",
                               "early",   "late",   "mid",    "last",      "next",    "this",
                               "from",    "during", "before", "after",     "through", "end",
                               "between", "and",    "to",     "throughout"};
  return kSet;
}

}  // namespace

// ---- Calendar words --------------------------------------------------------------------

int MonthNumber(std::string_view norm) {
  static const WordMap<int> kMonths = {
      {"january", 1},   {"february", 2},  {"march", 3},  {"april", 4},     {"may", 5},
      {"june", 6},      {"july", 7},      {"august", 8}, {"september", 9}, {"october", 10},
      {"november", 11}, {"december", 12}, {"jan", 1},    {"feb", 2},       {"mar", 3},
      {"apr", 4},       {"jun", 6},       {"jul", 7},    {"aug", 8},       {"sep", 9},
      {"sept", 9},      {"oct", 10},      {"nov", 11},   {"dec", 12}};
  const int* month = kMonths.Find(norm);
  return month ? *month : 0;
}

int WeekdayNumber(std::string_view norm) {
  static const WordMap<int> kDays = {{"sunday", 0},    {"monday", 1},   {"tuesday", 2},
                                     {"wednesday", 3}, {"thursday", 4}, {"friday", 5},
                                     {"saturday", 6}};
  const int* day = kDays.Find(norm);
  return day ? *day : -1;
}

int MonthAt(const Sentence& s, uint32_t i) {
  const Word& w = s.words[i];
  if (w.kind != TokenKind::kWord || !w.upper_initial) return 0;
  int month = MonthNumber(w.norm);
  if (month == 0) return 0;
  // Full names other than "May"/"March" are never anything else when capitalised.
  bool ambiguous =
      (w.norm.size() <= 4 && w.norm != "june" && w.norm != "july") || w.norm == "march";
  if (!ambiguous) return month;
  const Word* next = i + 1 < s.words.size() ? &s.words[i + 1] : nullptr;
  if (next && (next->kind == TokenKind::kNumber || next->norm == ".")) return month;
  if (i == 0) return 0;
  const Word& prev = s.words[i - 1];
  if (prev.kind == TokenKind::kNumber) return month;  // "3 May"
  return In(TimePrepositions(), prev.norm) && !prev.upper_initial ? month : 0;
}

bool IsClockSuffix(std::string_view norm) {
  return norm == "am" || norm == "pm" || norm == "a.m." || norm == "p.m.";
}

// ---- Numbers -----------------------------------------------------------------------------

double NumberWordValue(std::string_view norm) {
  static const WordMap<int> kWords = {
      {"zero", 0},     {"one", 1},      {"two", 2},        {"three", 3},     {"four", 4},
      {"five", 5},     {"six", 6},      {"seven", 7},      {"eight", 8},     {"nine", 9},
      {"ten", 10},     {"eleven", 11},  {"twelve", 12},    {"thirteen", 13}, {"fourteen", 14},
      {"fifteen", 15}, {"sixteen", 16}, {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19},
      {"twenty", 20},  {"thirty", 30},  {"forty", 40},     {"fifty", 50},    {"sixty", 60},
      {"seventy", 70}, {"eighty", 80},  {"ninety", 90}};
  if (const int* value = kWords.Find(norm)) return *value;
  // "forty-two": a tens word, a hyphen and a units word.
  size_t dash = norm.find('-');
  if (dash == std::string_view::npos) return -1;
  const int* tens = kWords.Find(norm.substr(0, dash));
  const int* units = kWords.Find(norm.substr(dash + 1));
  if (!tens || !units || *tens < 20 || *tens % 10 != 0 || *units < 1 || *units > 9) return -1;
  return *tens + *units;
}

double ScaleValue(std::string_view norm) {
  static const WordMap<double> kScales = {{"hundred", 1e2}, {"thousand", 1e3},  {"million", 1e6},
                                          {"billion", 1e9}, {"trillion", 1e12}, {"bn", 1e9},
                                          {"mln", 1e6},     {"mn", 1e6},        {"dozen", 12}};
  const double* scale = kScales.Find(norm);
  return scale ? *scale : 0;
}

bool IsWellFormedNumber(std::string_view n) {
  // Accepted shapes: 300 | 1,200,000 | 1,200.5 | 4.5 | 4,5 (decimal comma).
  size_t commas = 0, dots = 0;
  for (char c : n) {
    commas += c == ',';
    dots += c == '.';
  }
  if (dots > 1) return false;
  if (commas == 0) return true;
  size_t dot = n.find('.');
  std::string_view whole = n.substr(0, dot);
  if (commas == 1 && dots == 0) {
    size_t after = whole.size() - whole.find(',') - 1;
    if (after != 3) return after <= 2;  // decimal comma "4,5"
  }
  // Thousands groups: 1-3 digits, then groups of exactly 3.
  size_t first = whole.find(',');
  if (first == 0 || first > 3) return false;
  for (size_t pos = first; pos != std::string_view::npos;) {
    size_t next = whole.find(',', pos + 1);
    size_t len = (next == std::string_view::npos ? whole.size() : next) - pos - 1;
    if (len != 3) return false;
    pos = next;
  }
  return true;
}

int FindCountedNoun(const Sentence& s, uint32_t from) {
  // Only determiners and "of" may stand between a number and its noun ("300 of the
  // missiles", "two more officials"); any other function word ends the search, so that
  // "15 knots when it struck" counts nothing rather than "struck".
  static const WordSet kSkippable = {"of",    "the",  "a",     "an",    "its",     "their",
                                     "his",   "her",  "our",   "your",  "my",      "these",
                                     "those", "more", "other", "new",   "further", "own",
                                     "such",  "many", "last",  "first", "next"};
  static const WordSet kNotNouns = {"ago",    "earlier", "later",        "apart",
                                    "apiece", "each",    "respectively", "altogether"};
  const auto n = static_cast<uint32_t>(s.words.size());
  int start = -1;
  for (uint32_t i = from; i < n && i < from + 3; ++i) {
    const Word& w = s.words[i];
    if (w.kind != TokenKind::kWord) return -1;
    if (!w.stop) {
      start = static_cast<int>(i);
      break;
    }
    if (!In(kSkippable, w.norm)) return -1;
  }
  if (start < 0 || In(kNotNouns, s.words[start].norm)) return -1;
  // Extend over a noun compound ("administration officials", "ballistic missiles"): from a
  // singular modifier only, so that "3 points behind leaders" stops at "points"; never into
  // a participle ("people rescued") or a name ("officials Vedant Patel").
  int best = start;
  for (uint32_t i = start + 1; i < n && i <= static_cast<uint32_t>(start) + 2; ++i) {
    if (EndsWith(s.words[best].norm, "s")) break;
    const Word& w = s.words[i];
    if (w.kind != TokenKind::kWord || w.stop || w.upper_initial) break;
    if (EndsWith(w.norm, "ed") || EndsWith(w.norm, "ing") || EndsWith(w.norm, "ly")) break;
    best = static_cast<int>(i);
  }
  const std::string& norm = s.words[best].norm;
  if (MonthNumber(norm) || WeekdayNumber(norm) >= 0) return -1;
  return best;
}

std::string_view CurrencySymbol(std::string_view norm) {
  if (norm == "$") return "usd";
  if (norm == "\xE2\x82\xAC") return "eur";  // €
  if (norm == "\xC2\xA3") return "gbp";      // £
  if (norm == "\xC2\xA5") return "jpy";      // ¥
  if (norm == "\xE2\x82\xB9") return "inr";  // ₹
  return "";
}

bool LooksLikeYear(const Sentence& s, uint32_t i) {
  const Word& w = s.words[i];
  if (w.kind != TokenKind::kNumber || w.norm.size() != 4 || !IsAllDigits(w.norm)) return false;
  int v = std::stoi(w.norm);
  if (v < 1900 || v > 2100) return false;
  const auto n = static_cast<uint32_t>(s.words.size());
  // Glued to a code or another number: "-2024", "2026-02-30", "2024/25", "1990s", "2000m".
  if (i > 0 && s.words[i - 1].end == w.begin) {
    const std::string& p = s.words[i - 1].norm;
    if (p == "-" || p == "/" || p == ":" || p == "." || p == "#") return false;
  }
  if (i + 1 < n) {
    const Word& next = s.words[i + 1];
    if (next.begin == w.end && next.norm != "," && next.norm != "." && next.norm != ")") {
      return false;
    }
    if (next.norm == "%" || ScaleValue(next.norm) > 0) return false;
  }
  if (i > 0) {
    const Word& prev = s.words[i - 1];
    if (!CurrencySymbol(prev.norm).empty()) return false;
    if (MonthAt(s, i - 1)) return true;
    if (In(TimePrepositions(), prev.norm) || prev.norm == "the" || prev.norm == "'s") {
      return true;
    }
  }
  int counted = FindCountedNoun(s, i + 1);
  if (counted < 0) return true;
  // "2024 election" names a year; "2000 people" counts. Plural nouns count.
  static const WordSet kPlurals = {"people", "children", "men",  "women",   "police", "personnel",
                                   "staff",  "cattle",   "feet", "militia", "youth"};
  const Word& c = s.words[counted];
  return counted == static_cast<int>(i) + 1 && !EndsWith(c.norm, "s") && !In(kPlurals, c.norm);
}

// ---- People, titles, organisations, places ------------------------------------------------

namespace {

const WordMap<std::string_view>& RoleAbbreviations() {
  static const WordMap<std::string_view> kMap = {
      {"gen", "general"},         {"lt", "lieutenant"},  {"col", "colonel"},
      {"maj", "major"},           {"sgt", "sergeant"},   {"capt", "captain"},
      {"adm", "admiral"},         {"cmdr", "commander"}, {"sen", "senator"},
      {"rep", "representative"},  {"gov", "governor"},   {"insp", "inspector"},
      {"supt", "superintendent"}, {"det", "detective"},  {"pres", "president"},
      {"prof", "professor"},      {"cpl", "corporal"}};
  return kMap;
}

const WordSet& RoleNouns() {
  // clang-format off
  static const WordSet kSet = {
      "president", "minister", "secretary", "spokesman", "spokeswoman", "spokesperson", "envoy",
      "adviser", "advisor", "ambassador", "chief", "director", "commander", "general", "mayor",
      "governor", "master", "officer", "inspector", "judge", "justice", "prosecutor", "chairman",
      "chairwoman", "chairperson", "chair", "ceo", "cfo", "coo", "head", "leader", "captain",
      "superintendent", "manager", "editor", "correspondent", "senator", "congressman",
      "congresswoman", "representative", "lawmaker", "diplomat", "negotiator", "official",
      "sultan", "king", "queen", "prince", "princess", "emir", "sheikh", "ayatollah", "pope",
      "cardinal", "bishop", "archbishop", "imam", "rabbi", "chancellor", "premier", "lieutenant",
      "colonel", "major", "sergeant", "admiral", "marshal", "brigadier", "corporal",
      "commissioner", "attorney", "lawyer", "analyst", "researcher", "professor", "economist",
      "scientist", "founder", "owner", "coach", "reporter", "journalist", "presenter",
      "historian", "counsel", "treasurer", "comptroller", "magistrate", "coroner", "sheriff",
      "constable", "detective", "pilot", "skipper", "undersecretary", "administrator",
      "coordinator", "delegate", "consul", "speaker", "dean", "rector", "provost", "executive",
      "mp", "mep", "secretary-general", "attorney-general", "governor-general", "chargé",
      "warden", "curator", "auditor", "registrar", "ombudsman",
      "commandant", "chaplain", "principal", "superintendant", "foreman", "steward", "chieftain",
      "monarch", "regent", "deputy", "vice-chair", "strategist", "operative", "adjutant"
  };
  // clang-format on
  return kSet;
}

const WordMap<std::string_view>& Ranks() {
  static const WordMap<std::string_view> kMap = {{"acting", "acting"},
                                                 {"deputy", "deputy"},
                                                 {"vice", "vice"},
                                                 {"assistant", "assistant"},
                                                 {"interim", "interim"},
                                                 {"former", "former"},
                                                 {"senior", "senior"},
                                                 {"chief", "chief"},
                                                 {"associate", "associate"},
                                                 {"junior", "junior"},
                                                 {"principal", "principal"},
                                                 {"first", "first"},
                                                 {"second", "second"},
                                                 {"executive", "executive"},
                                                 {"under", "under"},
                                                 {"ex", "former"},
                                                 {"co", "co"}};
  return kMap;
}

}  // namespace

bool IsRoleNoun(std::string_view norm) {
  if (In(RoleNouns(), norm) || RoleAbbreviations().Find(norm)) return true;
  size_t dash = norm.find('-');
  if (dash == std::string_view::npos) return false;
  return !RankOf(norm.substr(0, dash)).empty() && In(RoleNouns(), norm.substr(dash + 1));
}

std::string_view RoleHeadWord(std::string_view norm) {
  // Spelling and gender variants of one office compare as one head.
  static const WordMap<std::string_view> kVariants = {
      {"advisor", "adviser"},           {"spokesman", "spokesperson"},
      {"spokeswoman", "spokesperson"},  {"chairman", "chair"},
      {"chairwoman", "chair"},          {"chairperson", "chair"},
      {"congresswoman", "congressman"}, {"superintendant", "superintendent"}};
  if (const std::string_view* full = RoleAbbreviations().Find(norm)) return *full;
  if (!In(RoleNouns(), norm)) {
    size_t dash = norm.find('-');
    if (dash != std::string_view::npos) norm = norm.substr(dash + 1);
  }
  const std::string_view* variant = kVariants.Find(norm);
  return variant ? *variant : norm;
}

bool IsCompoundTitle(std::string_view first, std::string_view second) {
  static const WordSet kGeneral = {"attorney",    "secretary",  "surgeon",   "governor",
                                   "major",       "lieutenant", "brigadier", "inspector",
                                   "solicitor",   "director",   "consul",    "auditor",
                                   "comptroller", "postmaster", "adjutant",  "judge"};
  if (first == "detective") return true;  // "Detective Inspector", "Detective Sergeant"
  if (second == "general") return In(kGeneral, first);
  if (second == "colonel" || second == "commander" || second == "governor") {
    return first == "lieutenant";
  }
  if (second == "admiral" || second == "marshal")
    return first == "vice" || first == "rear" || first == "air" || first == "field";
  return (first == "chief" && (second == "justice" || second == "executive")) ||
         (first == "head" && second == "coach") || (first == "prime" && second == "minister");
}

std::string_view RankOf(std::string_view norm) {
  if (const std::string_view* rank = Ranks().Find(norm)) return *rank;
  size_t dash = norm.find('-');
  if (dash == std::string_view::npos) return "";
  const std::string_view* rank = Ranks().Find(norm.substr(0, dash));
  return rank ? *rank : std::string_view();
}

bool IsRoleModifier(std::string_view norm) {
  // clang-format off
  static const WordSet kSet = {
      "top", "foreign", "defence", "defense", "interior", "home", "finance", "economy",
      "economic", "trade", "health", "education", "justice", "energy", "oil", "security",
      "national", "supreme", "special", "press", "state", "military", "presidential",
      "opposition", "district", "federal", "regional", "local", "lord", "high", "grand",
      "commanding", "managing", "harbour", "harbor", "port", "police", "army", "navy", "naval",
      "air", "fire", "climate", "culture", "transport", "agriculture", "environment", "labour",
      "labor", "communications", "intelligence", "political", "policy", "prime", "royal",
      "crown", "lead", "government", "ministry", "embassy", "party", "union", "campaign", "team",
      "club", "company", "hospital", "school", "city", "county", "tournament", "regime", "white",
      "affairs", "house", "foreign-policy", "counterterrorism", "nuclear", "science",
      "technology", "tech", "business", "chief", "general", "news", "sports", "political",
      "legal", "medical", "war", "peace", "world", "middle", "east"
  };
  // clang-format on
  return In(kSet, norm);
}

bool IsHonorific(std::string_view norm) {
  static const WordSet kSet = {"mr",    "mrs", "ms",   "miss", "dr",  "sir",  "dame",
                               "madam", "mx",  "herr", "frau", "mme", "mlle", "monsieur"};
  return In(kSet, norm);
}

bool IsSpeechVerb(std::string_view norm) {
  static const WordSet kSet = {
      "said",       "says",         "say",       "told",      "tells",     "added",
      "adds",       "stated",       "explained", "warned",    "noted",     "insisted",
      "wrote",      "writes",       "tweeted",   "posted",    "declared",  "claimed",
      "argued",     "continued",    "replied",   "asked",     "stressed",  "emphasised",
      "emphasized", "acknowledged", "admitted",  "announced", "commented", "remarked",
      "recalled",   "urged",        "cautioned", "conceded",  "responded", "confirmed",
      "reiterated", "observed",     "suggested", "predicted", "testified", "maintained",
      "contended",  "countered",    "quipped",   "joked",     "shouted",   "recounted",
      "concluded",  "affirmed",     "assured",   "vowed",     "pledged",   "wrote",
      "explains",   "adds",         "notes",     "warns",     "insists"};
  return In(kSet, norm);
}

bool IsOrgKeyword(std::string_view norm) {
  static const WordSet kSet = {"ministry",     "department",   "corps",
                               "council",      "agency",       "police",
                               "party",        "bank",         "university",
                               "inc",          "ltd",          "llc",
                               "plc",          "corp",         "corporation",
                               "company",      "group",        "commission",
                               "committee",    "authority",    "office",
                               "bureau",       "service",      "services",
                               "force",        "forces",       "army",
                               "navy",         "guard",        "guards",
                               "command",      "court",        "parliament",
                               "senate",       "congress",     "assembly",
                               "cabinet",      "government",   "administration",
                               "institute",    "foundation",   "fund",
                               "association",  "federation",   "union",
                               "league",       "organisation", "organization",
                               "network",      "times",        "post",
                               "news",         "airlines",     "airways",
                               "motors",       "holdings",     "systems",
                               "technologies", "media",        "broadcasting",
                               "television",   "radio",        "tv",
                               "club",         "fc",           "hospital",
                               "school",       "college",      "academy",
                               "brigade",      "brigades",     "battalion",
                               "movement",     "front",        "alliance",
                               "coalition",    "society",      "centre",
                               "center",       "house",        "tribunal",
                               "secretariat",  "directorate",  "inspectorate",
                               "embassy",      "consulate",    "journal",
                               "gazette",      "herald",       "tribune",
                               "telegraph",    "guardian",     "review",
                               "labs",         "laboratory",   "pharmaceuticals",
                               "energy",       "petroleum",    "oil",
                               "gas",          "telecom",      "board",
                               "trust",        "exchange",     "reserve",
                               "treasury",     "nations",      "regiment",
                               "division",     "squadron",     "fleet",
                               "unit",         "infirmary",    "clinic",
                               "watch",        "partners",     "ventures",
                               "railways",     "railway",      "shipping",
                               "lines",        "solutions",    "consulting",
                               "express",      "mirror",       "as",
                               "asa",          "ab",           "ag",
                               "gmbh",         "sa",           "nv",
                               "bv",           "spa",          "oyj",
                               "co",           "jihad",        "brotherhood",
                               "taliban",      "mujahideen"};
  return In(kSet, norm);
}

bool IsPlaceKeyword(std::string_view norm) {
  static const WordSet kSet = {
      "city",      "province",    "island",    "islands",   "harbour",     "harbor",     "port",
      "county",    "region",      "district",  "republic",  "kingdom",     "emirates",   "strait",
      "straits",   "gulf",        "sea",       "ocean",     "river",       "lake",       "mount",
      "mountain",  "mountains",   "valley",    "bay",       "peninsula",   "coast",      "desert",
      "canyon",    "square",      "street",    "road",      "avenue",      "bridge",     "airport",
      "palace",    "village",     "town",      "heights",   "plain",       "plains",     "basin",
      "crossing",  "strip",       "camp",      "oblast",    "governorate", "prefecture", "canton",
      "territory", "territories", "highlands", "fjord",     "channel",     "cape",       "park",
      "stadium",   "station",     "lane",      "boulevard", "plaza",       "quarter",    "borough",
      "parish"};
  return In(kSet, norm);
}

bool IsThingKeyword(std::string_view norm) {
  static const WordSet kSet = {
      "operation",  "war",        "treaty",       "accord",       "accords",       "agreement",
      "act",        "summit",     "conference",   "talks",        "deal",          "plan",
      "initiative", "protocol",   "convention",   "declaration",  "doctrine",      "resolution",
      "cup",        "games",      "olympics",     "championship", "championships", "prize",
      "award",      "awards",     "festival",     "day",          "project",       "programme",
      "program",    "bill",       "law",          "hurricane",    "storm",         "typhoon",
      "cyclone",    "revolution", "spring",       "crisis",       "election",      "elections",
      "index",      "strategy",   "campaign",     "expo",         "week",          "forum",
      "covid",      "covid-19",   "pandemic",     "syndrome",     "virus",         "disease",
      "uprising",   "intifada",   "massacre",     "attack",       "attacks",       "battle",
      "offensive",  "ceasefire",  "truce",        "dome",         "iron",          "missile",
      "missiles",   "drone",      "drones",       "ship",         "vessel",        "flight",
      "app",        "report",     "constitution", "charter",      "code",          "airbus",
      "boeing",     "trophy",     "marathon",     "grand",        "prix",          "open",
      "series",     "show",       "album",        "film",         "book",          "novel",
      "tour",       "gate",       "scandal",      "affair",       "papers",        "files",
      "leaks",      "principle",  "rule",         "rules",        "visa",          "index",
      "budget",     "sunday",     "christmas",    "easter",       "ramadan",       "eid",
      "hanukkah",   "passover",   "diwali",       "new"};
  return In(kSet, norm);
}

bool IsNameAdjective(std::string_view norm) {
  static const WordSet kSet = {
      "islamic",    "revolutionary", "national",    "international", "federal",     "royal",
      "supreme",    "central",       "european",    "american",      "african",     "asian",
      "arab",       "arabic",        "western",     "eastern",       "northern",    "southern",
      "democratic", "republican",    "socialist",   "communist",     "united",      "global",
      "iranian",    "israeli",       "palestinian", "british",       "russian",     "ukrainian",
      "chinese",    "french",        "german",      "turkish",       "syrian",      "iraqi",
      "lebanese",   "saudi",         "egyptian",    "jordanian",     "qatari",      "omani",
      "yemeni",     "emirati",       "kuwaiti",     "bahraini",      "indian",      "pakistani",
      "afghan",     "japanese",      "korean",      "italian",       "spanish",     "dutch",
      "swiss",      "swedish",       "norwegian",   "danish",        "finnish",     "polish",
      "greek",      "canadian",      "mexican",     "brazilian",     "argentine",   "australian",
      "irish",      "scottish",      "welsh",       "english",       "kurdish",     "persian",
      "shia",       "shiite",        "sunni",       "muslim",        "jewish",      "catholic",
      "orthodox",   "protestant",    "evangelical", "hindu",         "buddhist",    "sikh",
      "libyan",     "tunisian",      "algerian",    "moroccan",      "sudanese",    "ethiopian",
      "somali",     "nigerian",      "kenyan",      "belgian",       "austrian",    "hungarian",
      "czech",      "slovak",        "romanian",    "bulgarian",     "serbian",     "croatian",
      "bosnian",    "albanian",      "georgian",    "armenian",      "azerbaijani", "kazakh",
      "uzbek",      "belarusian",    "lithuanian",  "latvian",       "estonian",    "portuguese",
      "venezuelan", "colombian",     "cuban",       "chilean",       "peruvian",    "vietnamese",
      "thai",       "filipino",      "indonesian",  "malaysian",     "taiwanese",   "houthi",
      "houthis",    "zionist",       "ottoman",     "soviet",        "nato",        "gulf",
      "baltic",     "nordic",        "latin",       "anglo",         "westerner",   "iranians",
      "israelis",   "palestinians",  "americans",   "arabs",         "europeans",   "new",
      "old",        "great",         "big",         "little",        "north",       "south",
      "east",       "west",          "upper",       "lower",         "holy",        "grand",
      "senior",     "junior",        "young",       "former"};
  return In(kSet, norm);
}

bool IsNameParticle(std::string_view norm) {
  static const WordSet kSet = {"bin", "ibn", "bint", "van", "von", "de", "da", "del",
                               "der", "den", "di",   "du",  "la",  "le", "al", "el",
                               "ben", "dos", "das",  "ter", "af",  "zu", "y"};
  return In(kSet, norm);
}

bool IsPlaceName(std::string_view key) {
  static const WordSet kSet = {
      // Countries and territories.
      "afghanistan", "albania", "algeria", "andorra", "angola", "argentina", "armenia", "australia",
      "austria", "azerbaijan", "bahamas", "bahrain", "bangladesh", "barbados", "belarus", "belgium",
      "belize", "benin", "bhutan", "bolivia", "bosnia", "botswana", "brazil", "brunei", "bulgaria",
      "burkina faso", "burundi", "cambodia", "cameroon", "canada", "chad", "chile", "china",
      "colombia", "congo", "costa rica", "croatia", "cuba", "cyprus", "czechia", "czech republic",
      "denmark", "djibouti", "ecuador", "egypt", "el salvador", "eritrea", "estonia", "eswatini",
      "ethiopia", "fiji", "finland", "france", "gabon", "gambia", "georgia", "germany", "ghana",
      "greece", "guatemala", "guinea", "guyana", "haiti", "honduras", "hungary", "iceland", "india",
      "indonesia", "iran", "iraq", "ireland", "israel", "italy", "ivory coast", "jamaica", "japan",
      "jordan", "kazakhstan", "kenya", "kosovo", "kuwait", "kyrgyzstan", "laos", "latvia",
      "lebanon", "lesotho", "liberia", "libya", "liechtenstein", "lithuania", "luxembourg",
      "madagascar", "malawi", "malaysia", "maldives", "mali", "malta", "mauritania", "mauritius",
      "mexico", "moldova", "monaco", "mongolia", "montenegro", "morocco", "mozambique", "myanmar",
      "burma", "namibia", "nepal", "netherlands", "holland", "new zealand", "nicaragua", "niger",
      "nigeria", "north korea", "south korea", "korea", "north macedonia", "norway", "oman",
      "pakistan", "palestine", "panama", "papua new guinea", "paraguay", "peru", "philippines",
      "poland", "portugal", "qatar", "romania", "russia", "rwanda", "saudi arabia", "senegal",
      "serbia", "sierra leone", "singapore", "slovakia", "slovenia", "somalia", "south africa",
      "south sudan", "spain", "sri lanka", "sudan", "suriname", "sweden", "switzerland", "syria",
      "taiwan", "tajikistan", "tanzania", "thailand", "togo", "tunisia", "turkey", "turkiye",
      "türkiye", "turkmenistan", "uganda", "ukraine", "united arab emirates", "uae",
      "united kingdom", "uk", "britain", "great britain", "england", "scotland", "wales",
      "northern ireland", "united states", "us", "usa", "america", "uruguay", "uzbekistan",
      "venezuela", "vietnam", "yemen", "zambia", "zimbabwe", "vatican", "greenland", "crimea",
      "kashmir", "tibet", "hong kong", "macau", "puerto rico", "somaliland",
      "united states of america", "democratic republic of congo", "east timor", "kurdistan",
      // Regions.
      "middle east", "europe", "asia", "africa", "latin america", "north america", "south america",
      "west bank", "gaza", "gaza strip", "golan heights", "golan", "sinai", "levant", "balkans",
      "caucasus", "scandinavia", "arctic", "antarctica", "siberia", "donbas", "donbass",
      "east jerusalem", "red sea", "black sea", "mediterranean", "baltic", "pacific", "atlantic",
      "indian ocean", "horn of africa", "sahel", "hormuz", "strait of hormuz", "south china sea",
      "persian gulf", "gulf of aden", "gulf of oman", "central asia", "southeast asia", "east asia",
      "south asia", "western europe", "eastern europe", "north africa", "west africa",
      "east africa", "the hague",
      // Cities.
      "washington", "new york", "london", "paris", "berlin", "moscow", "beijing", "shanghai",
      "tokyo", "delhi", "new delhi", "mumbai", "tehran", "baghdad", "damascus", "beirut",
      "jerusalem", "tel aviv", "cairo", "riyadh", "jeddah", "doha", "dubai", "abu dhabi", "muscat",
      "amman", "ankara", "istanbul", "kabul", "islamabad", "karachi", "lahore", "kyiv", "kiev",
      "kharkiv", "odesa", "odessa", "minsk", "warsaw", "prague", "vienna", "budapest", "rome",
      "milan", "madrid", "barcelona", "lisbon", "brussels", "amsterdam", "geneva", "zurich", "bern",
      "stockholm", "oslo", "copenhagen", "helsinki", "dublin", "edinburgh", "athens", "sofia",
      "bucharest", "belgrade", "zagreb", "sarajevo", "tbilisi", "yerevan", "baku", "tashkent",
      "astana", "almaty", "seoul", "pyongyang", "taipei", "bangkok", "hanoi", "manila", "jakarta",
      "kuala lumpur", "sydney", "melbourne", "canberra", "auckland", "wellington", "ottawa",
      "toronto", "montreal", "vancouver", "mexico city", "havana", "caracas", "bogota", "lima",
      "santiago", "buenos aires", "sao paulo", "rio de janeiro", "brasilia", "nairobi", "lagos",
      "abuja", "addis ababa", "khartoum", "johannesburg", "cape town", "pretoria", "kinshasa",
      "algiers", "tunis", "tripoli", "rabat", "casablanca", "sanaa", "aden", "mosul", "basra",
      "erbil", "aleppo", "homs", "idlib", "gaza city", "rafah", "khan younis", "ramallah", "hebron",
      "jenin", "nablus", "haifa", "los angeles", "chicago", "houston", "san francisco", "boston",
      "miami", "seattle", "strasbourg", "frankfurt", "munich", "hamburg", "manchester",
      "birmingham", "glasgow", "belfast", "cardiff", "bergen", "marseille", "lyon", "naples",
      "venice", "florence", "st petersburg", "vladivostok", "sevastopol", "mariupol", "bakhmut",
      "zaporizhzhia", "kherson", "isfahan", "natanz", "fordow", "bushehr", "tabriz", "mashhad",
      "qom", "shiraz", "hodeidah", "dhaka", "kathmandu", "colombo", "yangon", "phnom penh",
      "ulaanbaatar", "osaka", "hiroshima", "kolkata", "chennai", "bangalore", "bengaluru",
      "hyderabad", "dakar", "accra", "kampala", "kigali", "mogadishu", "luanda", "harare", "lusaka",
      "maputo", "tromso", "tromsø", "reykjavik", "tallinn", "riga", "vilnius", "chisinau",
      "bratislava", "ljubljana", "skopje", "tirana", "podgorica", "valletta", "nicosia",
      "luxembourg city"};
  return In(kSet, key);
}

bool IsKnownOrganization(std::string_view key) {
  // clang-format off
  static const WordSet kSet = {
      "hezbollah", "hamas", "nato", "police", "congress", "senate", "parliament", "un", "eu",
      "taliban", "reuters", "afp", "ap", "bbc", "cnn", "axios", "pentagon", "kremlin", "knesset",
      "opec", "interpol", "unicef", "unesco", "unhcr", "unrwa", "who", "imf", "wto", "irgc",
      "isis", "isil", "al-qaeda", "al-shabaab", "fatah", "idf", "fbi", "cia", "nsa", "mossad",
      "united nations", "european union", "african union", "arab league", "red cross",
      "red crescent", "world bank", "white house", "downing street", "elysee", "élysée",
      "bundestag", "duma", "sejm", "google", "apple", "microsoft", "amazon", "meta", "facebook",
      "twitter", "tesla", "nasa", "fifa", "uefa", "ioc", "iaea", "icc", "icj", "houthi movement",
      "ansar allah", "islamic state", "islamic jihad", "wagner", "bloomberg", "politico",
      "associated press", "xinhua", "tass", "irna", "isna", "tasnim", "fars", "wafa"
  };
  // clang-format on
  return In(kSet, key);
}

// ---- Appositive titles -----------------------------------------------------------------

namespace {

bool IsClauseBreak(const Word& w) {
  if (w.kind != TokenKind::kPunct) return false;
  const std::string& n = w.norm;
  return n == "," || n == "." || n == ";" || n == ":" || n == "(" || n == ")" || n == "!" ||
         n == "?" || n == "\"" || n == "\xE2\x80\x9C" || n == "\xE2\x80\x9D" ||
         n == "\xE2\x80\x94" || n == "\xE2\x80\x93" || n == "-";
}

bool IsArticle(std::string_view n) { return n == "the" || n == "a" || n == "an"; }

// Skips "the", "a", "who is the", "who was a", "who serves as the"; returns the index of the
// first word of the title, or `n` when the clause is not an appositive title.
uint32_t SkipAppositiveLead(const Sentence& s, uint32_t i) {
  const auto n = static_cast<uint32_t>(s.words.size());
  auto norm = [&](uint32_t k) -> std::string_view {
    return k < n ? std::string_view(s.words[k].norm) : std::string_view();
  };
  if (norm(i) == "who") {
    ++i;
    if (norm(i) == "is" || norm(i) == "was" || norm(i) == "'s") {
      ++i;
    } else if (((norm(i) == "serves" || norm(i) == "served") && norm(i + 1) == "as") ||
               ((norm(i) == "has" || norm(i) == "had") && norm(i + 1) == "been")) {
      i += 2;
    } else {
      return n;  // "who met the envoy": a relative clause, not a title
    }
  }
  if (norm(i) == "now" || norm(i) == "currently" || norm(i) == "also") ++i;
  if (IsArticle(norm(i))) ++i;
  return i;
}

// True when words [begin, end) are all content words.
bool ContentUpTo(const Sentence& s, uint32_t begin, uint32_t end) {
  for (uint32_t k = begin; k < end; ++k) {
    if (s.words[k].kind != TokenKind::kWord || s.words[k].stop) return false;
  }
  return true;
}

// End of a "for Iran" / "of the agency" / "to the president" complement starting at the
// preposition `i`, or `i` when there is none.
uint32_t ComplementEnd(const Sentence& s, uint32_t i, uint32_t limit) {
  const std::string_view prep = i < limit ? std::string_view(s.words[i].norm) : "";
  if (prep != "for" && prep != "of" && prep != "to" && prep != "at" && prep != "on") return i;
  uint32_t end = i;
  for (uint32_t k = i + 1; k < limit && k < i + 7; ++k) {
    const Word& w = s.words[k];
    bool next_content =
        k + 1 < limit && s.words[k + 1].kind == TokenKind::kWord && !s.words[k + 1].stop;
    if (w.kind == TokenKind::kWord && !w.stop) {
      end = k + 1;
    } else if ((IsArticle(w.norm) && next_content) ||
               (w.norm == "and" && k + 1 < limit && s.words[k + 1].upper_initial)) {
      continue;
    } else if (w.norm == "and" && k + 1 < limit && k + 4 >= limit && ContentUpTo(s, k + 1, limit)) {
      return limit;  // "minister for transport and communications" ends the clause
    } else {
      break;
    }
  }
  return end;
}

}  // namespace

bool ParseAppositiveRole(const Sentence& s, uint32_t comma, RolePhrase* out) {
  const auto n = static_cast<uint32_t>(s.words.size());
  if (comma >= n || s.words[comma].norm != ",") return false;
  uint32_t begin = SkipAppositiveLead(s, comma + 1);
  if (begin >= n) return false;
  // The clause runs to the next clause punctuation (bounded: titles are short).
  uint32_t limit = begin;
  while (limit < n && limit - begin < 14 && !IsClauseBreak(s.words[limit])) ++limit;
  // A possessive ("President Joe Biden's top adviser") restarts the title after it.
  for (uint32_t k = begin; k < limit; ++k) {
    if (s.words[k].norm == "'s") begin = k + 1;
  }
  // Modifiers and the head: content words (and ranks such as "first") up to the last role
  // noun of the run.
  int head = -1;
  for (uint32_t k = begin; k < limit && k < begin + 6; ++k) {
    const Word& w = s.words[k];
    if (w.kind != TokenKind::kWord || (w.stop && RankOf(w.norm).empty())) break;
    if (IsRoleNoun(w.norm)) head = static_cast<int>(k);
  }
  if (head < 0) return false;
  auto h = static_cast<uint32_t>(head);
  // "X, President Joe Biden said": the role noun is the title of the next name.
  if (h + 1 < limit && s.words[h + 1].kind == TokenKind::kWord && s.words[h + 1].upper_initial &&
      !s.words[h + 1].stop) {
    return false;
  }
  uint32_t end = ComplementEnd(s, h + 1, limit);
  out->begin = begin;
  out->head = h;
  out->end = end > h + 1 ? end : h + 1;
  return true;
}

std::vector<uint32_t> FirstEntityPerSentence(const Document& doc) {
  const auto ns = static_cast<uint32_t>(doc.sentences.size());
  std::vector<uint32_t> first(ns + 1, static_cast<uint32_t>(doc.entities.size()));
  for (auto i = static_cast<uint32_t>(doc.entities.size()); i-- > 0;)
    first[doc.entities[i].sentence] = i;
  for (uint32_t si = ns; si-- > 0;) first[si] = std::min(first[si], first[si + 1]);
  return first;
}

}  // namespace parallax
