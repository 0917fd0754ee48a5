// Named entities from capitalised word runs, without a statistical model.
//
// A run is a maximal sequence of capitalised words in one sentence, with connectors inside
// ("Ministry of Defence", "Haitham bin Tariq", "J. Smith"). Each run is cut at the title inside
// it ("State Department Deputy Spokesman Vedant Patel" -> organisation + person) and typed by,
// in order of trust: lexicons (organisation/place/event keywords, known names), person cues (a
// title or honorific before it, an appositive title or a speech verb after it), two or more
// plain name words (a person), "in/at/from X" (a place). A second pass over the document types
// single words by surname ("Patel said" after "Vedant Patel"), drops capitalised sentence
// openers that are ordinary words ("Additionally", "Officials"), and gives every mention of a
// key the type its best-evidenced mention has.
//
// Why no model: deterministic, one pass over the words, explainable to a fact-checker. The
// cost is recall on unusual names and types, which downstream reads as "not mentioned", not as
// a conflict; precision is what the rules are tuned for.
// Tested by entities_test.cc.
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "analyze/analyze.h"
#include "analyze/lexicon.h"
#include "text/utf8.h"

namespace parallax {
namespace {

// Longer capitalised runs are headlines, tables or shouting, not names. Bounds the work per
// run, so a text of 10,000 capitalised words stays linear.
constexpr uint32_t kMaxRunWords = 12;

// How a candidate got its type, strongest first.
enum class Cue : uint8_t { kLexicon, kPerson, kDefaultPerson, kPlaceCue, kNone };

struct Candidate {
  uint32_t sentence = 0;
  uint32_t begin = 0, end = 0;  // words [begin, end)
  EntityType type = EntityType::kOther;
  Cue cue = Cue::kNone;
  bool initial = false;  // opens its sentence
  std::string key;
};

bool IsPunct(const Word& w, std::string_view p) {
  return w.kind == TokenKind::kPunct && w.norm == p;
}

// "al-Assad", "el-Sisi": a lowercase article joined to a capitalised name.
bool HasArabicArticle(std::string_view text, const Word& w) {
  std::string_view t = text.substr(w.begin, w.end - w.begin);
  if (t.size() < 4 || t[2] != '-' || !(t.starts_with("al") || t.starts_with("el"))) {
    return false;
  }
  return t[3] >= 'A' && t[3] <= 'Z';
}

// Sentence openers that are never names ("Additionally Iran..."), and plural nouns news
// sentences start with ("Officials said").
bool IsOpenerWord(std::string_view norm) {
  static const std::unordered_set<std::string_view> kSet = {
      "additionally", "meanwhile",     "separately",    "earlier",     "later",
      "still",        "instead",       "overall",       "moreover",    "furthermore",
      "nevertheless", "nonetheless",   "elsewhere",     "indeed",      "perhaps",
      "maybe",        "thus",          "hence",         "despite",     "amid",
      "following",    "asked",         "speaking",      "citing",      "officials",
      "authorities",  "witnesses",     "residents",     "sources",     "analysts",
      "experts",      "critics",       "protesters",    "lawmakers",   "investigators",
      "rescuers",     "people",        "others",        "supporters",  "opponents",
      "observers",    "diplomats",     "soldiers",      "troops",      "militants",
      "fighters",     "reports",       "read",          "watch",       "update",
      "breaking",     "exclusive",     "photo",         "video",       "listen",
      "related",      "advertisement", "yes",           "ok",          "okay",
      "please",       "thanks",        "unlike",        "regarding",   "currently",
      "recently",     "finally",       "initially",     "eventually",  "ultimately",
      "reportedly",   "apparently",    "notably",       "similarly",   "likewise",
      "specifically", "importantly",   "unfortunately", "fortunately", "clearly",
      "together",     "everyone",      "nobody",        "something",   "nothing",
      "anyone",       "let",           "watch",         "see"};
  return kSet.count(norm) > 0;
}

// True when s.words[i] opens the sentence, a quotation or a clause after a colon.
bool IsSentenceInitial(const Sentence& s, uint32_t i) {
  for (uint32_t k = i; k-- > 0;) {
    const Word& w = s.words[k];
    if (w.kind != TokenKind::kPunct) return false;
    const std::string& n = w.norm;
    if (n == ":" || n == "\xE2\x80\x9C" || n == "\xC2\xAB" || n == "(" || n == "[") return true;
    if ((n == "\"" || n == "'") && w.end == s.words[k + 1].begin) return true;
  }
  return true;
}

// Words that make a run part of a title rather than a name.
bool IsTitlePart(const Word& w) {
  return !RankOf(w.norm).empty() || IsRoleNoun(w.norm) || IsRoleModifier(w.norm) ||
         IsNameAdjective(w.norm);
}

// Words that can only stand in an organisation, place or event name.
bool IsNonPersonWord(const Word& w) {
  return IsOrgKeyword(w.norm) || IsPlaceKeyword(w.norm) || IsThingKeyword(w.norm) ||
         IsNameAdjective(w.norm);
}

bool IsAcronym(const Word& w) { return w.all_upper && w.norm.size() >= 2 && w.norm.size() <= 6; }

bool IsAscii(std::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

// Appends `folded` (a Word::norm) with accents removed and the dots of "U.S." dropped.
void AppendKeyWord(std::string_view folded, std::string* key) {
  std::string accentless;
  if (!IsAscii(folded)) folded = accentless = FoldAccents(folded);  // ASCII is folded already
  for (char c : folded) {
    if (c != '.') *key += c;
  }
}

// Key of words [b, e): folded, accents removed, dots of "U.S." dropped, joined by ' '.
std::string MakeKey(const Sentence& s, uint32_t b, uint32_t e) {
  std::string key;
  for (uint32_t k = b; k < e; ++k) {
    const Word& w = s.words[k];
    if (w.kind == TokenKind::kPunct) continue;  // the dot of an initial
    if (!key.empty()) key += ' ';
    AppendKeyWord(w.norm, &key);
  }
  return key;
}

std::string_view LastWord(std::string_view key) {
  size_t space = key.rfind(' ');
  return space == std::string_view::npos ? key : key.substr(space + 1);
}

// Finds the entity candidates of one document; see the file comment.
class EntityFinder {
 public:
  explicit EntityFinder(const Document& doc) : doc_(doc), text_(doc.article->text) {}

  void ScanSentence(uint32_t si);
  void ScanTitleCase(uint32_t si);
  void Resolve();
  std::vector<EntityMention> Mentions() const;

 private:
  bool IsNameWord(const Sentence& s, uint32_t i) const;
  bool JoinsRun(const Sentence& s, uint32_t k, bool org_like) const;
  void ProcessRun(uint32_t si, uint32_t b, uint32_t e);
  bool SplitAtTitle(uint32_t si, uint32_t b, uint32_t e);
  bool DropTrailingTitle(uint32_t si, uint32_t b, uint32_t e);
  uint32_t ComplementEnd(const Sentence& s, uint32_t p, uint32_t e) const;
  bool LooksLikeName(const Sentence& s, uint32_t b, uint32_t e) const;
  bool LexiconType(const Sentence& s, uint32_t b, uint32_t e, const std::string& key,
                   EntityType* type) const;
  bool HasPersonCue(const Sentence& s, uint32_t b, uint32_t e) const;
  void TypeAndAdd(uint32_t si, uint32_t b, uint32_t e);
  void Add(uint32_t si, uint32_t b, uint32_t e, EntityType type, Cue cue, std::string key);
  bool IsTitleCase(const Sentence& s) const;
  void MarkOpenerEvidence(std::unordered_map<std::string_view, int>* seen) const;

  const Document& doc_;
  std::string_view text_;
  std::vector<Candidate> candidates_;
};

bool EntityFinder::IsNameWord(const Sentence& s, uint32_t i) const {
  const Word& w = s.words[i];
  if (w.kind != TokenKind::kWord || w.norm == "'s") return false;
  if (!w.upper_initial && !HasArabicArticle(text_, w)) return false;
  // "The", "In", "This"; an all-caps stopword only as a known acronym ("WHO", not "VIA");
  // "New" only inside a name ("New York").
  if (w.stop && !(w.all_upper && IsKnownOrganization(w.norm))) {
    bool new_name = w.norm == "new" && i + 1 < s.words.size() && s.words[i + 1].upper_initial &&
                    s.words[i + 1].kind == TokenKind::kWord && !s.words[i + 1].stop;
    // "Fjordline AS": a company suffix after a name.
    bool company = w.norm == "as" && w.all_upper && i > 0 && s.words[i - 1].upper_initial;
    if (!new_name && !company) return false;
  }
  if (IsHonorific(w.norm)) return false;  // "Dr": a cue, not part of the name
  return WeekdayNumber(w.norm) < 0 && MonthAt(s, i) == 0;
}

// Whether the non-name word s.words[k] joins the run before it to a capitalised word after:
// the dot of an initial or abbreviation, a name particle ("bin", "van"), or "of"/"for"/"&"
// inside organisation and place names ("Ministry of Defence", "Strait of Hormuz").
bool EntityFinder::JoinsRun(const Sentence& s, uint32_t k, bool org_like) const {
  const auto n = static_cast<uint32_t>(s.words.size());
  if (k == 0 || k + 1 >= n) return false;
  const Word& w = s.words[k];
  const Word& prev = s.words[k - 1];
  if (IsPunct(w, ".")) {
    bool abbreviation = prev.norm.size() == 1 || (IsRoleNoun(prev.norm) && prev.norm.size() <= 5);
    return prev.end == w.begin && abbreviation && IsNameWord(s, k + 1);
  }
  // "Leeds Magistrates' Court": a plural possessive inside a name.
  if ((w.norm == "'") && prev.end == w.begin && prev.norm.ends_with("s")) {
    return IsNameWord(s, k + 1) && s.words[k + 1].begin > w.end;
  }
  if (w.kind != TokenKind::kWord) return false;
  if (IsNameParticle(w.norm)) return IsNameWord(s, k + 1);
  if (w.norm == "&") return IsNameWord(s, k + 1);
  if (!org_like) return false;
  if (w.norm == "of" || w.norm == "for") {
    if (IsNameWord(s, k + 1)) return true;
    return k + 2 < n && s.words[k + 1].norm == "the" && IsNameWord(s, k + 2);
  }
  return w.norm == "the" && (prev.norm == "of" || prev.norm == "for") && IsNameWord(s, k + 1);
}

void EntityFinder::ScanSentence(uint32_t si) {
  const Sentence& s = doc_.sentences[si];
  const auto n = static_cast<uint32_t>(s.words.size());
  if (IsTitleCase(s)) return ScanTitleCase(si);
  uint32_t i = 0;
  while (i < n) {
    if (!IsNameWord(s, i)) {
      ++i;
      continue;
    }
    uint32_t e = i + 1;
    bool org_like = IsNonPersonWord(s.words[i]) || IsRoleNoun(s.words[i].norm);
    while (e < n) {
      if (IsNameWord(s, e)) {
        org_like = org_like || IsNonPersonWord(s.words[e]) || IsRoleNoun(s.words[e].norm);
        ++e;
      } else if (JoinsRun(s, e, org_like)) {
        ++e;
      } else {
        break;
      }
    }
    ProcessRun(si, i, e);
    i = e;
  }
}

// Headlines and subheads in Title Case ("Talks On Water Rights Stall As Delegates Leave
// Geneva") make every word look like a name: only names the lexicons know are taken, longest
// first (three words, "United Arab Emirates").
void EntityFinder::ScanTitleCase(uint32_t si) {
  const Sentence& s = doc_.sentences[si];
  const auto n = static_cast<uint32_t>(s.words.size());
  for (uint32_t i = 0; i < n;) {
    uint32_t len = 3;
    for (; len > 0; --len) {
      if (i + len > n) continue;
      bool names = true;
      for (uint32_t k = i; k < i + len && names; ++k) names = IsNameWord(s, k);
      if (!names) continue;
      std::string key = MakeKey(s, i, i + len);
      if (IsPlaceName(key)) {
        Add(si, i, i + len, EntityType::kPlace, Cue::kLexicon, std::move(key));
        break;
      }
      if (IsKnownOrganization(key)) {
        Add(si, i, i + len, EntityType::kOrganization, Cue::kLexicon, std::move(key));
        break;
      }
    }
    i += len > 0 ? len : 1;
  }
}

void EntityFinder::ProcessRun(uint32_t si, uint32_t b, uint32_t e) {
  const Sentence& s = doc_.sentences[si];
  if (e - b > kMaxRunWords) return;
  if (IsSentenceInitial(s, b) && IsOpenerWord(s.words[b].norm)) {
    ++b;
    while (b < e && !IsNameWord(s, b)) ++b;
    if (b >= e) return;
  }
  if (SplitAtTitle(si, b, e)) return;
  if (IsRoleNoun(s.words[e - 1].norm) && DropTrailingTitle(si, b, e)) return;
  EntityType type;
  std::string key = MakeKey(s, b, e);
  if (LexiconType(s, b, e, key, &type)) return Add(si, b, e, type, Cue::kLexicon, std::move(key));
  // Leading ranks and titles without a name after them ("Former Iran", "Senior US").
  while (b < e && (!RankOf(s.words[b].norm).empty() || IsRoleNoun(s.words[b].norm))) ++b;
  while (b < e && !IsNameWord(s, b)) ++b;
  if (b >= e) return;
  TypeAndAdd(si, b, e);
}

// A run ending in a title has no holder after it ("Foreign Minister", "Iran President",
// "Police Chief"): drops the title and keeps what a lexicon names. Returns false to type the
// whole run as usual when the rest is no known name ("Julie Bishop" is a person).
bool EntityFinder::DropTrailingTitle(uint32_t si, uint32_t b, uint32_t e) {
  const Sentence& s = doc_.sentences[si];
  uint32_t t = e;
  while (t > b && IsTitlePart(s.words[t - 1]) && !IsNonPersonWord(s.words[t - 1])) --t;
  while (t > b && !IsNameWord(s, t - 1)) --t;  // a connector before the title
  if (t == b) {
    // Only title words ("Iranian Foreign Minister"), unless they are one name.
    for (uint32_t k = b; k < e; ++k) {
      if (s.words[k].kind == TokenKind::kWord && !IsTitlePart(s.words[k])) return false;
    }
    return true;
  }
  uint32_t f = b;  // and leading ranks ("Former Iran President")
  while (f < t && (!RankOf(s.words[f].norm).empty() || IsRoleNoun(s.words[f].norm))) ++f;
  EntityType type;
  std::string key = MakeKey(s, f, t);
  if (f == t || !LexiconType(s, f, t, key, &type)) return false;
  Add(si, f, t, type, Cue::kLexicon, std::move(key));
  return true;
}

// Cuts "[prefix] [title] [name]" runs at their last role noun followed by a name: "State
// Department Deputy Spokesman Vedant Patel", "US Secretary of State Mike Pompeo", "General
// Mohammad Reza Zahedi". The prefix is kept only when a lexicon types it.
bool EntityFinder::SplitAtTitle(uint32_t si, uint32_t b, uint32_t e) {
  const Sentence& s = doc_.sentences[si];
  int r = -1;
  for (uint32_t k = b; k + 1 < e; ++k) {
    if (s.words[k].kind == TokenKind::kWord && IsRoleNoun(s.words[k].norm)) r = static_cast<int>(k);
  }
  if (r < 0) return false;
  // "Leeds General Infirmary": a title word that is also an adjective, inside a name.
  static const WordList kAdjectiveTitles = {"general", "major", "chief", "principal",
                                            "master",  "head",  "judge"};
  if (static_cast<uint32_t>(r) > b && kAdjectiveTitles.Contains(s.words[r].norm) &&
      !IsTitlePart(s.words[r - 1])) {
    return false;
  }
  uint32_t p = static_cast<uint32_t>(r) + 1;
  if (IsPunct(s.words[p], ".")) ++p;
  if (p < e && (s.words[p].norm == "of" || s.words[p].norm == "for")) p = ComplementEnd(s, p, e);
  if (p >= e || !LooksLikeName(s, p, e)) return false;
  // The title runs back over title words; an organisation keyword ends it unless it opens
  // the run ("Police Inspector Kari Nilsen", but "Foreign Ministry | Deputy Spokeswoman").
  auto c = static_cast<uint32_t>(r);
  while (c > b && IsTitlePart(s.words[c - 1]) &&
         (c - 1 == b || !IsOrgKeyword(s.words[c - 1].norm))) {
    --c;
  }
  if (c > b) {
    EntityType type;
    std::string key = MakeKey(s, b, c);
    if (LexiconType(s, b, c, key, &type)) Add(si, b, c, type, Cue::kLexicon, std::move(key));
  }
  Add(si, p, e, EntityType::kPerson, Cue::kPerson, MakeKey(s, p, e));
  return true;
}

// Where the name starts after a title complement: "of State | Mike Pompeo", "of the Quds
// Force | Esmail Qaani". The complement runs to its last keyword; without one, a long
// remainder keeps its last two words as the name.
uint32_t EntityFinder::ComplementEnd(const Sentence& s, uint32_t p, uint32_t e) const {
  uint32_t q = p + 1;
  if (q < e && s.words[q].norm == "the") ++q;
  uint32_t end = q;
  for (uint32_t k = q; k + 1 < e; ++k) {
    const Word& w = s.words[k];
    if (IsNonPersonWord(w) || IsRoleModifier(w.norm) || IsPlaceName(MakeKey(s, k, k + 1))) {
      end = k + 1;
    }
  }
  if (end > q) return end;
  return e - q >= 3 ? e - 2 : e;
}

bool EntityFinder::LooksLikeName(const Sentence& s, uint32_t b, uint32_t e) const {
  int name_words = 0;
  for (uint32_t k = b; k < e; ++k) {
    const Word& w = s.words[k];
    if (w.kind != TokenKind::kWord) continue;
    if (IsNameParticle(w.norm) && !w.upper_initial) continue;
    if (IsNonPersonWord(w) || IsRoleNoun(w.norm) || (w.all_upper && w.norm.size() > 1)) {
      return false;
    }
    ++name_words;
  }
  return name_words > 0 && !IsPlaceName(MakeKey(s, b, e));
}

// Types words [b, e) from the lexicons alone: known names, keywords, acronyms.
bool EntityFinder::LexiconType(const Sentence& s, uint32_t b, uint32_t e, const std::string& key,
                               EntityType* type) const {
  if (IsKnownOrganization(key)) {
    *type = EntityType::kOrganization;
    return true;
  }
  if (IsPlaceName(key)) {
    *type = EntityType::kPlace;
    return true;
  }
  // A keyword alone is a common noun at the start of a sentence ("Harbour master X"), not a
  // name; only an acronym is typed without a second word.
  if (e - b == 1) {
    if (key.size() > 5 && key.ends_with("stan")) return *type = EntityType::kPlace, true;
    if (IsAcronym(s.words[b])) return *type = EntityType::kOrganization, true;
    return false;
  }
  bool org = false, place = false, thing = false;
  for (uint32_t k = b; k < e; ++k) {
    const std::string& n = s.words[k].norm;
    org = org || IsOrgKeyword(n);
    place = place || IsPlaceKeyword(n);
    thing = thing || IsThingKeyword(n);
  }
  if (!org && !place && !thing) return false;
  *type = org ? EntityType::kOrganization : place ? EntityType::kPlace : EntityType::kOther;
  return true;
}

// A title or honorific before the run ("envoy Paley", "Mr Patel"), a speech verb after it
// ("Patel said") or before it ("said Patel"), or an appositive title after it.
bool EntityFinder::HasPersonCue(const Sentence& s, uint32_t b, uint32_t e) const {
  const auto n = static_cast<uint32_t>(s.words.size());
  if (b > 0) {
    uint32_t k = b - 1;
    if (IsPunct(s.words[k], ".") && k > 0) --k;
    const std::string& prev = s.words[k].norm;
    if (IsHonorific(prev) || (IsRoleNoun(prev) && s.words[k].kind == TokenKind::kWord)) {
      return true;
    }
    // "said Okonjo." but not "said Kelmar officials".
    bool ends_phrase = e >= n || s.words[e].kind != TokenKind::kWord || s.words[e].stop;
    if ((prev == "said" || prev == "says" || prev == "added") && ends_phrase) return true;
  }
  if (e < n && IsSpeechVerb(s.words[e].norm)) return true;
  // "the Biden administration": a government named after its leader.
  if (e - b == 1 && e < n && s.words[e].norm == "administration") return true;
  RolePhrase role;
  return e < n && IsPunct(s.words[e], ",") && ParseAppositiveRole(s, e, &role);
}

void EntityFinder::TypeAndAdd(uint32_t si, uint32_t b, uint32_t e) {
  const Sentence& s = doc_.sentences[si];
  std::string key = MakeKey(s, b, e);
  EntityType type;
  if (LexiconType(s, b, e, key, &type)) return Add(si, b, e, type, Cue::kLexicon, std::move(key));
  int name_words = 0;
  bool plain = true;  // no keyword or adjective, no shouted word: could be a person's name
  for (uint32_t k = b; k < e; ++k) {
    const Word& w = s.words[k];
    if (w.kind != TokenKind::kWord || (IsNameParticle(w.norm) && !w.upper_initial)) continue;
    ++name_words;
    if (IsNonPersonWord(w) || (w.all_upper && w.norm.size() > 1)) plain = false;
  }
  if (plain && HasPersonCue(s, b, e)) {
    return Add(si, b, e, EntityType::kPerson, Cue::kPerson, std::move(key));
  }
  if (plain && name_words >= 2) {
    return Add(si, b, e, EntityType::kPerson, Cue::kDefaultPerson, std::move(key));
  }
  if (b > 0) {
    const std::string& prev = s.words[b - 1].norm;
    if (prev == "in" || prev == "at" || prev == "from" || prev == "near") {
      return Add(si, b, e, EntityType::kPlace, Cue::kPlaceCue, std::move(key));
    }
  }
  Add(si, b, e, EntityType::kOther, Cue::kNone, std::move(key));
}

void EntityFinder::Add(uint32_t si, uint32_t b, uint32_t e, EntityType type, Cue cue,
                       std::string key) {
  if (key.empty()) return;
  Candidate c;
  c.sentence = si;
  c.begin = b;
  c.end = e;
  c.type = type;
  c.cue = cue;
  c.initial = IsSentenceInitial(doc_.sentences[si], b);
  c.key = std::move(key);
  candidates_.push_back(std::move(c));
}

// Headlines and subheads in Title Case: most content words capitalised, and either a
// capitalised function word inside ("Talks On Water Rights Stall As...") or no closing
// punctuation. A sentence full of names and titles ends with a period and keeps its "of".
bool EntityFinder::IsTitleCase(const Sentence& s) const {
  static const std::unordered_set<std::string_view> kFunctionWords = {
      "the",  "a",    "an",   "of",    "in",     "on",   "at",   "as",    "to",
      "for",  "with", "from", "by",    "and",    "or",   "but",  "is",    "are",
      "was",  "were", "be",   "after", "before", "over", "into", "about", "against",
      "says", "said", "will", "not",   "amid",   "than", "its"};
  int content = 0, upper = 0;
  bool capital_function_word = false;
  for (uint32_t i = 0; i < s.words.size(); ++i) {
    const Word& w = s.words[i];
    if (w.kind != TokenKind::kWord) continue;
    if (w.stop) {
      capital_function_word =
          capital_function_word || (w.upper_initial && !w.all_upper &&
                                    kFunctionWords.count(w.norm) && !IsSentenceInitial(s, i));
      continue;
    }
    ++content;
    upper += w.upper_initial;
  }
  if (content < 4 || upper * 5 < content * 4) return false;
  const std::string& last = s.words.back().norm;
  bool closed = last == "." || last == "!" || last == "?" || last == "\"" || last == "\xE2\x80\x9D";
  return capital_function_word || !closed;
}

// For each single-word sentence opener in `seen` (value 0), sets bit 1 when the word also
// occurs lowercase in the document and bit 2 when it occurs capitalised mid-sentence.
void EntityFinder::MarkOpenerEvidence(std::unordered_map<std::string_view, int>* seen) const {
  for (const Sentence& s : doc_.sentences) {
    for (uint32_t i = 0; i < s.words.size(); ++i) {
      const Word& w = s.words[i];
      if (w.kind != TokenKind::kWord) continue;
      auto it = seen->find(w.norm);
      if (it == seen->end()) continue;
      if (!w.upper_initial) {
        it->second |= 1;
      } else if (!IsSentenceInitial(s, i)) {
        it->second |= 2;
      }
    }
  }
}

void EntityFinder::Resolve() {
  // Surnames (and full keys) of the people found so far.
  std::unordered_set<std::string_view> surnames;
  for (const Candidate& c : candidates_) {
    if (c.type == EntityType::kPerson) surnames.insert(LastWord(c.key));
  }
  std::unordered_map<std::string_view, int> openers;
  for (const Candidate& c : candidates_) {
    if (c.initial && c.end - c.begin == 1 && c.cue != Cue::kLexicon) openers[c.key] = 0;
  }
  if (!openers.empty()) MarkOpenerEvidence(&openers);
  // The sets above view the candidates' keys: decide everything first, then drop.
  std::vector<uint32_t> dropped;
  for (uint32_t i = 0; i < candidates_.size(); ++i) {
    Candidate& c = candidates_[i];
    bool single = c.end - c.begin == 1;
    if (single && c.cue != Cue::kLexicon && surnames.count(c.key)) {
      c.type = EntityType::kPerson;
      c.cue = Cue::kPerson;
      continue;
    }
    if (!single || !c.initial || c.cue == Cue::kLexicon) continue;
    int evidence = openers[c.key];
    // An opener that is an ordinary word elsewhere, or seen nowhere else, is not a name
    // ("Additionally", "Iranians carry..."), unless a speech verb follows it ("Smith said").
    bool keep = !(evidence & 1) && ((evidence & 2) || c.cue == Cue::kPerson);
    if (!keep) dropped.push_back(i);
  }
  for (uint32_t i : dropped) candidates_[i].key.clear();
  // Every mention of a key takes the type of its best-evidenced mention.
  std::unordered_map<std::string_view, const Candidate*> best;
  for (const Candidate& c : candidates_) {
    if (c.key.empty()) continue;
    auto [it, inserted] = best.emplace(c.key, &c);
    if (!inserted && c.cue < it->second->cue) it->second = &c;
  }
  std::vector<std::pair<Candidate*, EntityType>> updates;
  for (Candidate& c : candidates_) {
    if (c.key.empty()) continue;
    const Candidate* b = best[c.key];
    if (b->cue < c.cue) updates.emplace_back(&c, b->type);
  }
  for (auto& [c, type] : updates) c->type = type;
}

std::vector<EntityMention> EntityFinder::Mentions() const {
  std::vector<EntityMention> out;
  out.reserve(candidates_.size());
  for (const Candidate& c : candidates_) {
    if (c.key.empty()) continue;
    const Sentence& s = doc_.sentences[c.sentence];
    EntityMention m;
    m.sentence = c.sentence;
    m.first_word = c.begin;
    m.last_word = c.end;
    m.span = {s.words[c.begin].begin, s.words[c.end - 1].end};
    m.type = c.type;
    m.text = std::string(doc_.Text(m.span));
    m.key = c.key;
    out.push_back(std::move(m));
  }
  return out;
}

}  // namespace

void ExtractEntities(Document* doc) {
  doc->entities.clear();
  if (doc->article == nullptr) return;
  EntityFinder finder(*doc);
  for (uint32_t si = 0; si < doc->sentences.size(); ++si) finder.ScanSentence(si);
  finder.Resolve();
  doc->entities = finder.Mentions();
}

}  // namespace parallax
