// Number, date and quote conflicts.
//
// Numbers: two mentions count the same thing when their counted noun stems (and units) match.
// Each mention becomes an interval — exact "42" is [42, 42], "about 300" is ±15%, "more than
// 300" is [300, ∞), "under 10" is [0, 10] — and two values conflict when their intervals do
// not meet. Pairs are taken from aligned sentences (the same claim), or, when each article has
// a single mention of that noun, from sentences that are at least loosely similar.
// Dates: day expressions resolved against each article's own publication date (document.h)
// conflict when the days differ; weekdays when no date is known. Taken from aligned sentences
// holding one date each, or loosely similar sentences.
// Quotes: two quotes by the same speaker (or by unnamed speakers) sharing most of their words
// but worded differently, neither a trimmed excerpt of the other. Tested by compare_test.cc.
#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <optional>
#include <set>

#include "analyze/lexicon.h"
#include "compare/conflicts.h"
#include "util/strings.h"
#include "util/time.h"

namespace parallax {
namespace {

// Cosine above which two unaligned sentences are close enough to compare their lone values.
constexpr double kLooseNumberCosine = 0.3;
// For a specific thing each article counts once ("120 firefighters" / "140 firefighters").
constexpr double kLoneNumberCosine = 0.05;
constexpr double kLooseDateCosine = 0.25;
// Paraphrases of one count ("scored 23 points" / "scoring 25 points") are less similar overall;
// they are paired at this cosine when two words around the numbers are shared.
constexpr double kContextNumberCosine = 0.1;
// Two leads (title and first three sentences) on one subject state the day of the story's event
// ("Valdmark voted Sunday" / "Voters in Valdmark cast ballots Thursday"): compared at
// almost any similarity (the story's clustering already says they report one event), when a
// word around each day is shared and neither lead also gives the other's day. Measured on
// conflicts-dev/real-pairs: 0.1 missed 6 of 66 planted days and caught no false one more.
constexpr uint32_t kLeadSentences = 3;
constexpr double kLeadDateCosine = 0.02;
// Word-set Jaccard above which two quotes are one statement worded differently.
constexpr double kQuoteOverlap = 0.5;
constexpr double kSameQuoteOverlap = 0.7;

// The kDateWindow content stems on each side of a date (or number) mention: what happened
// that day ("voted Sunday in a parliamentary election" -> vote, parliamentari, elect). 4 was
// measured on conflicts-dev: 6 found 2 more planted days and 2 false ones in subset-pairs.
constexpr uint32_t kDateWindow = 4;
// Whether the word lies inside a named entity of its sentence.
bool InName(const Document& d, uint32_t sentence, const Word& w) {
  for (const EntityMention& e : d.entities) {
    if (e.sentence == sentence && w.begin >= e.span.begin && w.end <= e.span.end) return true;
  }
  return false;
}

// With `skip_names`, words inside names are passed over: the place and the people of a story
// stand beside all of its days.
std::set<std::string> WordsAround(const Document& d, uint32_t sentence, Span span,
                                  bool skip_names = false) {
  const Sentence& s = d.sentences[sentence];
  // "said on Tuesday" tells when it was said, which every report of the story does.
  auto content = [&](const Word& w) {
    return w.kind == TokenKind::kWord && !w.stop && w.stem.size() >= 3 && !IsSpeechVerb(w.norm) &&
           !(skip_names && InName(d, sentence, w));
  };
  std::set<std::string> out;
  size_t before = 0;
  for (size_t i = s.words.size(); i-- > 0 && before < kDateWindow;) {
    if (s.words[i].end > span.begin || !content(s.words[i])) continue;
    out.insert(s.words[i].stem);
    ++before;
  }
  size_t after = 0;
  for (size_t i = 0; i < s.words.size() && after < kDateWindow; ++i) {
    if (s.words[i].begin < span.end || !content(s.words[i])) continue;
    out.insert(s.words[i].stem);
    ++after;
  }
  return out;
}

// ---- numbers ----

struct Interval {
  double lo, hi;
};

Interval ToInterval(const NumberMention& n) {
  const double v = n.value, inf = std::numeric_limits<double>::infinity();
  const std::string& q = n.qualifier;
  if (q == "over" || q == "more than" || q == "at least" || q == "upwards of") return {v, inf};
  if (q == "under" || q == "less than" || q == "fewer than" || q == "at most" || q == "up to")
    return {0, v};
  if (q.empty()) return {v, v};
  return {v * 0.85, v * 1.15};  // about, around, nearly, almost, some, approximately
}

bool Compatible(const NumberMention& a, const NumberMention& b) {
  Interval x = ToInterval(a), y = ToInterval(b);
  const double eps = 1e-9 * std::max(1.0, std::fabs(a.value));
  return x.lo <= y.hi + eps && y.lo <= x.hi + eps;
}

bool Countable(const NumberMention& n) {
  return !n.is_year && (!n.counted.empty() || !n.unit.empty());
}

std::string CountKey(const NumberMention& n) { return n.counted + "|" + n.unit; }

// The counted noun as written after the number, else the unit.
std::string CountedWord(const Document& d, const NumberMention& n) {
  for (const Word& w : d.sentences[n.sentence].words) {
    if (w.begin >= n.span.end && w.kind == TokenKind::kWord && w.stem == n.counted) {
      return d.article->text.substr(w.begin, w.end - w.begin);
    }
  }
  return n.unit.empty() ? n.counted : n.unit;
}

std::string ValueKey(const NumberMention& n) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s %.6g", n.qualifier.c_str(), n.value);
  return buf;
}

std::vector<const NumberMention*> NumbersIn(const Document& d, uint32_t sentence) {
  std::vector<const NumberMention*> out;
  for (const NumberMention& n : d.numbers) {
    if (n.sentence == sentence && Countable(n)) out.push_back(&n);
  }
  return out;
}

void AddNumberPair(const StoryView& v, uint32_t da, const NumberMention& a, uint32_t db,
                   const NumberMention& b, double confidence, ConflictSet* out) {
  const Document& A = *v.docs[da];
  const Document& B = *v.docs[db];
  // One conflict per counted thing and claim (the earlier article's fact): three outlets giving
  // 42, 46 and 42 for one aligned claim make one conflict; "650 jobs cut" and "150 jobs at
  // risk" stay apart.
  std::string key =
      "number|" + CountKey(a) + "|" + std::to_string(v.alignment.fact_of[da][a.sentence]);
  std::string subject = CountedWord(A, a);
  (void)B;
  out->Add(key, ConflictKind::kNumber, subject, ValueKey(a), a.text, da, a.sentence, confidence);
  out->Add(key, ConflictKind::kNumber, subject, ValueKey(b), b.text, db, b.sentence, confidence);
}

// One value per counted noun in each sentence: two values for "passengers" in one sentence
// ("240 passengers ... 58 passengers rescued") cannot be paired safely.
bool LoneInSentence(const Document& d, const NumberMention& n) {
  for (const NumberMention* m : NumbersIn(d, n.sentence)) {
    if (m != &n && CountKey(*m) == CountKey(n)) return false;
  }
  return true;
}

// True when no other number of the sentence could count the same thing: another count of the
// same noun, or a bare number ("cut 650 of its 2,100 jobs": 650 has no noun of its own).
// A score, record, clock time or fraction ("65-53", "25 - 7", "4:43", "17/35"): bare numbers
// that count no noun of the sentence.
bool InScore(const Document& d, const NumberMention& m) {
  std::string_view text = d.article->text;
  auto dash_digit = [&](size_t at, int step) {
    for (size_t i = at, seen_dash = 0; i < text.size(); i += step) {
      char c = text[i];
      if (c == ' ') continue;
      if ((c == '-' || c == ':' || c == '/') && !seen_dash) {
        seen_dash = 1;
        continue;
      }
      return seen_dash && c >= '0' && c <= '9';
    }
    return false;
  };
  return dash_digit(m.span.end, 1) || (m.span.begin > 0 && dash_digit(m.span.begin - 1, -1));
}

bool Unambiguous(const Document& d, const NumberMention& n) {
  for (const NumberMention& m : d.numbers) {
    if (&m == &n || m.sentence != n.sentence || m.is_year || InScore(d, m)) continue;
    // A bare number is no quake magnitude (numbers.cc names those by their own word).
    bool bare_could_count = n.counted != "magnitud";
    if (CountKey(m) == CountKey(n) || (bare_could_count && m.counted.empty() && m.unit.empty()))
      return false;
  }
  return true;
}

// Counted nouns too general to pair across unrelated sentences ("3 people died" and "10 people
// were hurt" are different counts).
bool GenericCount(const std::string& counted) {
  static const std::set<std::string> kGeneric = {"peopl", "person",   "men",   "women", "man",
                                                 "woman", "children", "child", "year",  "time",
                                                 "day",   "week",     "month", "hour",  "minut",
                                                 "other", "member",   "resid", "case",  "percent"};
  return counted.empty() || kGeneric.count(counted) > 0;
}

// Two outlets' figures for one count rarely differ by more than 3x; values further apart
// ("one firefighter was hurt", "120 firefighters fought the fire") count different things.
constexpr double kMaxRatio = 3.0;
bool Comparable(const NumberMention& a, const NumberMention& b) {
  double lo = std::min(a.value, b.value), hi = std::max(a.value, b.value);
  return lo > 0 && hi <= kMaxRatio * lo;
}

// The words between a number and its counted noun ("11 Yemeni suspects" -> "yemeni"): a
// modifier picks a subset, so "11 Yemeni suspects" does not count "23 suspects".
// Empty when the counted thing is not written after the number ("kills 2": dead).
std::string Modifiers(const Document& d, const NumberMention& n) {
  std::string out;
  for (const Word& w : d.sentences[n.sentence].words) {
    if (w.begin < n.span.end || w.kind != TokenKind::kWord) continue;
    if (w.stem == n.counted) return out;
    if (!w.stop) out += w.stem + " ";
  }
  return "";
}

// Words that change what a count covers: a running total ("so far", "in total", "overall"),
// another batch ("another", "additional"), another period ("previous", "prior"). Two sentences
// with different scope words count different things.
std::string ScopeWords(const Document& d, uint32_t sentence) {
  static const std::set<std::string> kScope = {"far",     "total", "altogeth", "overal",
                                               "another", "anoth", "addit",    "previous",
                                               "prior",   "cumul", "combin"};
  std::set<std::string> found;
  for (const Word& w : d.sentences[sentence].words) {
    if (w.kind == TokenKind::kWord && kScope.count(w.stem)) found.insert(w.stem);
  }
  std::string out;
  for (const std::string& w : found) out += w + " ";
  return out;
}

// A rate rather than a count: "eight rebounds a game", "40 hours per week", "3 cases each day".
bool IsRate(const Document& d, const NumberMention& n) {
  const auto& words = d.sentences[n.sentence].words;
  for (size_t i = 0; i + 2 < words.size(); ++i) {
    if (words[i].begin < n.span.end || words[i].stem != n.counted) continue;
    const std::string& per = words[i + 1].norm;
    return (per == "a" || per == "an" || per == "per" || per == "each" || per == "every") &&
           words[i + 2].kind == TokenKind::kWord;
  }
  return false;
}

bool HasYear(const Document& d, uint32_t sentence) {
  for (const NumberMention& n : d.numbers) {
    if (n.sentence == sentence && n.is_year) return true;
  }
  // A month alone ("struck ... in September") dates another happening the same way.
  for (const DateMention& m : d.dates) {
    if (m.sentence == sentence && m.kind == DateMention::Kind::kMonth) return true;
  }
  return false;
}

// True when article `article` (any of its units) also gives a value compatible with `n` for
// the same counted thing: it does not disagree with the article giving `n`.
bool AlsoStates(const StoryView& v, uint32_t article, const NumberMention& n) {
  for (uint32_t u = 0; u < v.docs.size(); ++u) {
    if (v.article_of[u] != article) continue;
    for (const NumberMention& m : v.docs[u]->numbers) {
      if (!m.is_year && CountKey(m) == CountKey(n) && Compatible(m, n)) return true;
    }
  }
  return false;
}

// Whether two unaligned mentions are close enough in what they count to be compared.
bool SameScope(const StoryView& v, uint32_t da, const NumberMention& a, uint32_t db,
               const NumberMention& b) {
  const Document& A = *v.docs[da];
  const Document& B = *v.docs[db];
  return Modifiers(A, a) == Modifiers(B, b) &&
         ScopeWords(A, a.sentence) == ScopeWords(B, b.sentence) &&
         HasYear(A, a.sentence) == HasYear(B, b.sentence) && IsRate(A, a) == IsRate(B, b);
}

// The people (and untyped names) a sentence names, by last word.
std::set<std::string> PeopleIn(const Document& d, uint32_t sentence) {
  std::set<std::string> out;
  for (const EntityMention& e : d.entities) {
    if (e.sentence != sentence || e.type == EntityType::kPlace ||
        e.type == EntityType::kOrganization)
      continue;
    out.insert(e.key.substr(e.key.rfind(' ') + 1));
  }
  return out;
}

// Content words shared within kDateWindow words of two counts, the counted noun aside: who
// counted or did what ("Ola Brenna scored 23 points" / "Brenna ... scoring 25 points").
size_t SharedAround(const Document& A, const NumberMention& a, const Document& B,
                    const NumberMention& b) {
  // Counts said of two different people ("Garrard completed 28 passes" / "Manning ...
  // completing his first 17 passes") are two counts.
  std::set<std::string> pa = PeopleIn(A, a.sentence), pb = PeopleIn(B, b.sentence);
  const bool same_person =
      std::any_of(pa.begin(), pa.end(), [&](const std::string& p) { return pb.count(p) > 0; });
  if (!pa.empty() && !pb.empty() && !same_person) return 0;
  std::set<std::string> wa = WordsAround(A, a.sentence, a.span),
                        wb = WordsAround(B, b.sentence, b.span);
  // The one person both sentences name counts as a shared word, however far from the number
  // ("Mikkel Aasgard put on a show, scoring 25 points").
  size_t shared = same_person ? 1 : 0;
  for (const std::string& w : wa) shared += w != a.counted && wb.count(w);
  return shared;
}

// Distinct values in unit `doc` within kMaxRatio of `n`'s value: a headline and a lead
// repeating one figure ("4.7 Quake Shakes Korsholm" / "A 4.7 magnitude quake") still
// count the thing once.
size_t NearCount(const std::vector<std::pair<uint32_t, const NumberMention*>>& mentions,
                 uint32_t doc, const NumberMention& n) {
  std::set<std::string> values;
  for (const auto& [d, m] : mentions) {
    if (d == doc && Comparable(*m, n)) values.insert(ValueKey(*m));
  }
  return values.size();
}

// Mentions of one counted thing are compared across articles when their sentences state the
// same claim (aligned), are similar, or when each article counts that specific thing once.
void NumberConflicts(const StoryView& v, ConflictSet* out) {
  // Above this many mentions of one counted thing, pairing them all costs too much and the
  // thing is too common to be one claim.
  constexpr size_t kMaxMentions = 300;
  std::map<std::string, std::vector<std::pair<uint32_t, const NumberMention*>>> by_key;
  for (uint32_t d = 0; d < v.docs.size(); ++d) {
    for (const NumberMention& n : v.docs[d]->numbers) {
      if (!Countable(n) || !LoneInSentence(*v.docs[d], n)) continue;
      by_key[CountKey(n)].emplace_back(d, &n);
    }
  }
  for (const auto& [key, mentions] : by_key) {
    if (mentions.size() > kMaxMentions) continue;
    for (size_t i = 0; i < mentions.size(); ++i) {
      for (size_t j = i + 1; j < mentions.size(); ++j) {
        auto [da, a] = mentions[i];
        auto [db, b] = mentions[j];
        SentenceRef ra{da, a->sentence}, rb{db, b->sentence};
        if (v.SameArticle(da, db) || Compatible(*a, *b) || out->AreCopies(ra, rb)) continue;
        bool aligned = v.alignment.fact_of[da][a->sentence] == v.alignment.fact_of[db][b->sentence];
        // Unaligned sentences are paired only on a counted noun ("two minutes" is a duration),
        // unambiguous in both sentences.
        if (!aligned &&
            (a->counted.empty() || !Unambiguous(*v.docs[da], *a) || !Unambiguous(*v.docs[db], *b)))
          continue;
        if (!aligned && (!Comparable(*a, *b) || !SameScope(v, da, *a, db, *b))) continue;
        // An article that also gives the other value does not disagree (an update printed
        // below the first version, a figure and its correction).
        if (AlsoStates(v, v.article_of[da], *b) || AlsoStates(v, v.article_of[db], *a)) continue;
        double cos = Cosine(v.alignment.Vector(ra), v.alignment.Vector(rb));
        bool lone = NearCount(mentions, da, *b) == 1 && NearCount(mentions, db, *a) == 1;
        // A lone pairing rests on the counted noun alone: right for "120 firefighters were at
        // the scene" / "140 firefighters ... were involved", wrong for "Two climbers killed" /
        // "Three climbers with him were rescued"; hence the lowest confidence shown by default.
        double confidence =
            aligned                     ? 0.85
            : cos >= kLooseNumberCosine ? 0.7
            : cos >= kContextNumberCosine && SharedAround(*v.docs[da], *a, *v.docs[db], *b) >= 2
                ? 0.6
            : lone && !GenericCount(a->counted) && cos >= kLoneNumberCosine ? 0.55
                                                                            : 0;
        if (confidence > 0) AddNumberPair(v, da, *a, db, *b, confidence, out);
      }
    }
  }
}

// ---- dates ----

bool DayLike(const Document& doc, const DateMention& d) {
  return d.kind == DateMention::Kind::kWeekday || d.kind == DateMention::Kind::kCalendar ||
         (d.kind == DateMention::Kind::kRelative && RangeOf(doc, d).has_value());
}

std::vector<const DateMention*> DatesIn(const Document& d, uint32_t sentence) {
  std::vector<const DateMention*> out;
  for (const DateMention& m : d.dates) {
    if (m.sentence == sentence && DayLike(d, m)) out.push_back(&m);
  }
  return out;
}

// Whether two day expressions name different days; false when they cannot be compared.
bool DifferentDays(const Document& A, const DateMention& a, const Document& B,
                   const DateMention& b) {
  // "Tuesday 8 October 2011" / "Saturday 8 October 2011": one date, two weekdays written.
  if (a.written_weekday >= 0 && b.written_weekday >= 0 && a.written_weekday != b.written_weekday)
    return true;
  auto ra = RangeOf(A, a), rb = RangeOf(B, b);
  if (ra && rb) return ra->last < rb->first || rb->last < ra->first;
  if (a.kind == DateMention::Kind::kRelative || b.kind == DateMention::Kind::kRelative)
    return false;
  if (a.weekday >= 0 && b.weekday >= 0) return a.weekday != b.weekday;
  if (a.month > 0 && b.month > 0 && a.day_of_month > 0 && b.day_of_month > 0) {
    return a.month != b.month || a.day_of_month != b.day_of_month;
  }
  return false;
}

std::string DayKey(const Document& doc, const DateMention& d) {
  // A written weekday is part of the value: "Saturday 8 October" and "Tuesday 8 October"
  // resolve to one day but are two values (DifferentDays).
  std::string weekday = d.written_weekday >= 0 ? "|" + std::to_string(d.written_weekday) : "";
  if (auto r = RangeOf(doc, d))
    return "days:" + std::to_string(r->first) + "-" + std::to_string(r->last) + weekday;
  return d.normalized + weekday;
}

void AddDatePair(const StoryView& v, uint32_t da, const DateMention& a, uint32_t db,
                 const DateMention& b, double confidence, ConflictSet* out) {
  const Document& A = *v.docs[da];
  const Document& B = *v.docs[db];
  std::string what = SharedWords(A, a.sentence, B, b.sentence, 4);
  // Keyed by the claim of the earlier article, so more outlets on that claim join one conflict.
  std::string key = "date|" + std::to_string(v.alignment.fact_of[da][a.sentence]);
  out->Add(key, ConflictKind::kDate, "when: " + what, DayKey(A, a), a.text, da, a.sentence,
           confidence);
  out->Add(key, ConflictKind::kDate, "when: " + what, DayKey(B, b), b.text, db, b.sentence,
           confidence);
}

size_t CountKind(const std::vector<const DateMention*>& ds, DateMention::Kind k) {
  size_t n = 0;
  for (const DateMention* d : ds) n += d->kind == k;
  return n;
}

// Whether the day lies after its article's publication day (announced, not yet happened).
bool InFuture(const Document& d, const DateMention& m) {
  const auto& pub = d.article->published;
  return m.day && pub && *m.day > FloorDiv(*pub, 86400);
}

// Compares the days two sentences give, one expression of a kind on each side ("March 17" vs
// "March 18" although one sentence also says "confirmed on Monday"). Kinds are not mixed: a
// weekday against a calendar date or "yesterday" is almost always two different moments of
// the story. Unaligned sentences must give resolved days and agree on tense: "results came
// back on Thursday" and "results are expected on Saturday" are two events.
bool InLead(const StoryView& v, SentenceRef r);

// The day of a statement ("the union said on Monday", "police said Sunday"): outlets quote
// statements made on different days without disagreeing about what happened.
bool StatementDay(const Document& d, const DateMention& m) {
  const Sentence& s = d.sentences[m.sentence];
  // k: the first word of the mention ("on" is part of it when written: "on Monday").
  size_t k = 0;
  while (k < s.words.size() && s.words[k].begin < m.span.begin) ++k;
  for (size_t back = 1; back <= 2 && back <= k; ++back) {
    const std::string& n = s.words[k - back].norm;
    // Also the day news was given out: "it was reported Wednesday".
    if (IsSpeechVerb(n) || n == "reported") return true;
    if (n != "on") break;  // "said on Monday" when "on" is outside the mention
  }
  return false;
}

// A wire dateline opening a paragraph: "KORSHOLM, March 9 (Northline) – ...". It dates the
// dispatch, not the events the sentence reports.
bool WireDateline(const Document& d, const DateMention& m) {
  const Sentence& s = d.sentences[m.sentence];
  if (s.words.empty() || !s.words[0].all_upper || m.span.begin - s.span.begin > 60) return false;
  std::string_view after = d.article->text;
  after = after.substr(m.span.end, std::min<size_t>(after.size() - m.span.end, 40));
  while (!after.empty() && after.front() == ' ') after.remove_prefix(1);
  return after.starts_with("(") || after.starts_with("-") || after.starts_with("\u2013") ||
         after.starts_with("\u2014");
}

// Stems of one word family: equal, or one a prefix of the other of at least kFamilyPrefix
// bytes. Snowball leaves derivations apart ("histori" / "histor", "parliament" /
// "parliamentari", "turkmen" / "turkmenistan").
constexpr size_t kFamilyPrefix = 6;
bool SameFamily(const std::string& x, const std::string& y) {
  if (x == y) return true;
  const std::string& shorter = x.size() < y.size() ? x : y;
  const std::string& longer = x.size() < y.size() ? y : x;
  return shorter.size() >= kFamilyPrefix && longer.starts_with(shorter);
}

// Whether two undated day mentions are said of one happening: a content word (or one of its
// word family) shared within a few words of each ("placed ... on injured reserve Friday" / "placed
// ... on the injured list on Wednesday"), not just the same story ("opened fire Friday" / "were
// coping Saturday"). With `skip_names`, the shared word must be another than a name ("murdering
// women in New Bedford" / "arraignment in New Bedford" share only the town).
bool SameHappening(const Document& A, const DateMention& a, const Document& B, const DateMention& b,
                   bool skip_names = false) {
  std::set<std::string> wa = WordsAround(A, a.sentence, a.span, skip_names),
                        wb = WordsAround(B, b.sentence, b.span, skip_names);
  for (const std::string& x : wa) {
    for (const std::string& y : wb) {
      if (SameFamily(x, y)) return true;
    }
  }
  return false;
}

// True when article `article` names the day `m` names: it does not disagree with it (it gives
// both days, for two moments of the story). Explicit calendar dates are looked for in the whole
// article; weekdays only in the lead: further down, "Wednesday" is often another moment of the
// story than the lead's (the fire broke out Wednesday night, engineers came Wednesday).
// With `closer_only`, only mentions in sentences at least as close to `claim` (the sentence
// giving `m`) as `counterpart` (this article's sentence set against it) count: when the
// article's own counterpart of the claim is closer, it gives another day for that claim, and
// its mention of `m`'s day elsewhere is about something else or contradicts the article itself.
bool StatesDay(const StoryView& v, uint32_t article, const DateMention& m, SentenceRef claim,
               SentenceRef counterpart, bool closer_only) {
  const double counterpart_cos =
      closer_only ? Cosine(v.alignment.Vector(claim), v.alignment.Vector(counterpart)) : -1;
  for (uint32_t u = 0; u < v.docs.size(); ++u) {
    if (v.article_of[u] != article) continue;
    const Document& d = *v.docs[u];
    for (const DateMention& x : d.dates) {
      if (Cosine(v.alignment.Vector(claim), v.alignment.Vector({u, x.sentence})) < counterpart_cos)
        continue;
      if (x.kind != m.kind ||
          (m.kind != DateMention::Kind::kCalendar && !InLead(v, {u, x.sentence})))
        continue;
      // The day something was said or filed is not the day of a happening ("Comeaux was in a
      // wheelchair Monday" is not answered by "officials said Monday").
      if (StatementDay(d, x) || WireDateline(d, x)) continue;
      // "Tuesday 8 October" does not state the day of "Saturday 8 October" (DifferentDays).
      if (m.written_weekday >= 0 && x.written_weekday >= 0 &&
          m.written_weekday != x.written_weekday)
        continue;
      if (m.day && x.day) {
        if (*x.day == *m.day) return true;
        continue;
      }
      if (m.weekday >= 0 && x.weekday == m.weekday) return true;
      if (m.month > 0 && x.month == m.month && x.day_of_month == m.day_of_month) return true;
    }
  }
  return false;
}

void DatePairs(const StoryView& v, SentenceRef a, SentenceRef b, bool aligned, bool lead,
               ConflictSet* out) {
  if (v.SameArticle(a.doc, b.doc) || out->AreCopies(a, b)) return;
  const Document& A = *v.docs[a.doc];
  const Document& B = *v.docs[b.doc];
  if (IsDateline(A.sentences[a.sentence]) || IsDateline(B.sentences[b.sentence])) return;
  auto da = DatesIn(A, a.sentence), db = DatesIn(B, b.sentence);
  for (const DateMention* x : da) {
    if (CountKind(da, x->kind) != 1 || CountKind(db, x->kind) != 1) continue;
    for (const DateMention* y : db) {
      if (y->kind != x->kind || !DifferentDays(A, *x, B, *y)) continue;
      // Unaligned: both days resolved against a publication date (a bare weekday in an undated
      // article could be any day of a week-long story), and the same tense; or both in the
      // leads of their articles and the articles never give each other's day (below).
      bool resolved = x->day && y->day && InFuture(A, *x) == InFuture(B, *y);
      // The lead heuristic stands in for publication dates: dated articles have their days
      // resolved and compared above.
      bool undated = !x->day && !y->day;
      if (!aligned && !resolved && !(lead && undated)) continue;
      // A day announced ("an arraignment is scheduled for Wednesday", "will not affect
      // Sunday's game") and a day past ("found on Tuesday") are two happenings.
      if (!aligned && x->future != y->future) continue;
      if (WireDateline(A, *x) || WireDateline(B, *y)) continue;
      // Aligned or not, the day one source said something and the day the other says it
      // happened are two moments ("charged ..., police said Saturday" / "charged after a
      // shooting ... Thursday").
      bool said_x = StatementDay(A, *x), said_y = StatementDay(B, *y);
      if (said_x != said_y || (!aligned && said_x)) continue;
      if (!aligned) {
        auto states = [&](bool closer_only) {
          return StatesDay(v, v.article_of[a.doc], *y, b, a, closer_only) ||
                 StatesDay(v, v.article_of[b.doc], *x, a, b, closer_only);
        };
        if (states(true)) continue;
        // An article that also gives the other day, though for a less similar sentence, is
        // set against the other only on a shared word that is not a name.
        if (!SameHappening(A, *x, B, *y, /*skip_names=*/states(false))) continue;
      }
      AddDatePair(v, a.doc, *x, b.doc, *y, aligned ? 0.85 : resolved ? 0.65 : 0.6, out);
    }
  }
}

// The title and first sentences of an article: where a report states when its event happened.
bool InLead(const StoryView& v, SentenceRef r) {
  return v.docs[r.doc]->is_title || r.sentence < kLeadSentences;
}

// One calendar date written with two different weekdays by two articles ("the link failed
// on Saturday 8 October 2011" / "services down since Tuesday 8 October 2011"): at most one of
// them is right, whatever claims the two sentences make, so the sentences need not be aligned
// or similar. A date written once with its weekday and once without is no conflict.
void WeekdaysOfOneDate(const StoryView& v, ConflictSet* out) {
  std::map<int64_t, std::vector<std::pair<uint32_t, const DateMention*>>> by_day;
  for (uint32_t u = 0; u < v.docs.size(); ++u) {
    for (const DateMention& m : v.docs[u]->dates) {
      if (m.kind == DateMention::Kind::kCalendar && m.day && m.written_weekday >= 0)
        by_day[*m.day].emplace_back(u, &m);
    }
  }
  for (const auto& [day, mentions] : by_day) {
    for (size_t i = 0; i < mentions.size(); ++i) {
      for (size_t j = i + 1; j < mentions.size(); ++j) {
        auto [ua, x] = mentions[i];
        auto [ub, y] = mentions[j];
        if (v.SameArticle(ua, ub) || x->written_weekday == y->written_weekday ||
            out->AreCopies({ua, x->sentence}, {ub, y->sentence}))
          continue;
        AddDatePair(v, ua, *x, ub, *y, 0.7, out);
      }
    }
  }
}

void DateConflicts(const StoryView& v, ConflictSet* out) {
  for (const Fact& f : v.alignment.facts) {
    for (size_t i = 0; i < f.members.size(); ++i) {
      for (size_t j = i + 1; j < f.members.size(); ++j)
        DatePairs(v, f.members[i], f.members[j], true, false, out);
    }
  }
  // Loose: unaligned sentences with days, across articles, similar enough.
  std::vector<SentenceRef> dated;
  for (uint32_t d = 0; d < v.docs.size(); ++d) {
    for (uint32_t s = 0; s < v.docs[d]->sentences.size(); ++s) {
      if (!DatesIn(*v.docs[d], s).empty()) dated.push_back({d, s});
    }
  }
  // Most similar pairs first: when two sentences of one article give the same day against a
  // claim, the conflict shows the closer one as evidence.
  struct Candidate {
    double cos;
    SentenceRef a, b;
    bool lead;
  };
  std::vector<Candidate> candidates;
  for (size_t i = 0; i < dated.size(); ++i) {
    for (size_t j = i + 1; j < dated.size(); ++j) {
      SentenceRef a = dated[i], b = dated[j];
      if (v.SameArticle(a.doc, b.doc) ||
          v.alignment.fact_of[a.doc][a.sentence] == v.alignment.fact_of[b.doc][b.sentence])
        continue;
      double cos = Cosine(v.alignment.Vector(a), v.alignment.Vector(b));
      bool lead = InLead(v, a) && InLead(v, b) && cos >= kLeadDateCosine;
      if (cos >= kLooseDateCosine || lead) candidates.push_back({cos, a, b, lead});
    }
  }
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](const Candidate& x, const Candidate& y) { return x.cos > y.cos; });
  for (const Candidate& c : candidates) DatePairs(v, c.a, c.b, false, c.lead, out);
  WeekdaysOfOneDate(v, out);
}

// ---- quotes ----

std::vector<std::string> QuoteWords(const Document& d, const QuoteMention& q) {
  std::vector<std::string> out;
  for (const Sentence& s : d.sentences) {
    if (s.span.end <= q.span.begin || s.span.begin >= q.span.end) continue;
    for (const Word& w : s.words) {
      if (w.begin >= q.span.begin && w.end <= q.span.end && w.kind != TokenKind::kPunct)
        out.push_back(w.norm);
    }
  }
  return out;
}

bool ContainsRun(const std::vector<std::string>& longer, const std::vector<std::string>& shorter) {
  if (shorter.empty()) return true;
  return std::search(longer.begin(), longer.end(), shorter.begin(), shorter.end()) != longer.end();
}

double WordJaccard(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::set<std::string> sa(a.begin(), a.end()), sb(b.begin(), b.end());
  size_t inter = 0;
  for (const auto& w : sa) inter += sb.count(w);
  size_t uni = sa.size() + sb.size() - inter;
  return uni ? static_cast<double>(inter) / uni : 0.0;
}

void QuoteConflicts(const StoryView& v, ConflictSet* out) {
  struct Q {
    uint32_t doc;
    const QuoteMention* q;
    std::vector<std::string> words;
  };
  std::vector<Q> quotes;
  for (uint32_t d = 0; d < v.docs.size(); ++d) {
    for (const QuoteMention& q : v.docs[d]->quotes)
      quotes.push_back({d, &q, QuoteWords(*v.docs[d], q)});
  }
  for (size_t i = 0; i < quotes.size(); ++i) {
    for (size_t j = i + 1; j < quotes.size(); ++j) {
      const Q& a = quotes[i];
      const Q& b = quotes[j];
      if (v.SameArticle(a.doc, b.doc) || a.words.size() < 3 || b.words.size() < 3 ||
          a.words == b.words)
        continue;
      if (out->AreCopies({a.doc, a.q->sentence}, {b.doc, b.q->sentence})) continue;
      bool same_speaker = !a.q->speaker_key.empty() && a.q->speaker_key == b.q->speaker_key;
      bool both_named = !a.q->speaker_key.empty() && !b.q->speaker_key.empty();
      if (ContainsRun(a.words, b.words) || ContainsRun(b.words, a.words)) continue;  // excerpt
      double overlap = WordJaccard(a.words, b.words);
      if (overlap < kQuoteOverlap) continue;
      // Named different speakers: only nearly the same words make it one statement (then the
      // attribution itself differs, which is worth showing).
      if (both_named && !same_speaker && overlap < kSameQuoteOverlap) continue;
      const Document& A = *v.docs[a.doc];
      const Document& B = *v.docs[b.doc];
      std::string speaker = a.q->speaker >= 0   ? A.entities[a.q->speaker].text
                            : b.q->speaker >= 0 ? B.entities[b.q->speaker].text
                                                : "unnamed speaker";
      std::string key = "quote|" + speaker + "|" + Join(a.words, " ");
      double confidence = same_speaker ? 0.85 : both_named ? 0.55 : 0.6;
      out->Add(key, ConflictKind::kQuote, speaker, Join(a.words, " "), a.q->text, a.doc,
               a.q->sentence, confidence);
      out->Add(key, ConflictKind::kQuote, speaker, Join(b.words, " "), b.q->text, b.doc,
               b.q->sentence, confidence);
    }
  }
}

}  // namespace

// The days a date expression covers, resolved against its article's publication date:
// "March 3" / "yesterday" one day, "last week" the Monday-to-Sunday week before the one the
// article was published in. Empty when it cannot be resolved (a weekday in an undated article).
std::optional<DayRange> RangeOf(const Document& d, const DateMention& m) {
  if (m.day) return DayRange{*m.day, *m.day};
  const auto& pub = d.article->published;
  int offset = 0;
  if (!pub || std::sscanf(m.normalized.c_str(), "week:%d", &offset) != 1) return std::nullopt;
  const int64_t today = FloorDiv(*pub, 86400);
  const int64_t monday =
      today - (WeekdayFromDays(today) + 6) % 7 + 7 * static_cast<int64_t>(offset);
  return DayRange{monday, monday + 6};
}

namespace {

// ---- scores ----

// A game's final score written "20 - 13", "31-24" or "31–24": two whole numbers of at most three
// digits joined by a dash.
struct Score {
  uint32_t sentence;
  std::string key;   // "20-13"
  std::string text;  // as written
};

bool IsScoreNumber(const Word& w) {
  return w.kind == TokenKind::kNumber && !w.norm.empty() && w.norm.size() <= 3 &&
         w.norm.find_first_not_of("0123456789") == std::string::npos;
}

std::vector<Score> ScoresIn(const Document& d, uint32_t sentence) {
  std::vector<Score> out;
  const auto& ws = d.sentences[sentence].words;
  for (size_t i = 0; i + 2 < ws.size(); ++i) {
    const std::string& dash = ws[i + 1].norm;
    if (!IsScoreNumber(ws[i]) || !IsScoreNumber(ws[i + 2]) ||
        (dash != "-" && dash != "\xE2\x80\x93"))
      continue;
    // Not one link of a longer chain ("2-3-4", a phone number or a date).
    if ((i > 0 && ws[i - 1].norm == dash) || (i + 3 < ws.size() && ws[i + 3].norm == dash))
      continue;
    out.push_back({sentence, ws[i].norm + "-" + ws[i + 2].norm,
                   d.article->text.substr(ws[i].begin, ws[i + 2].end - ws[i].begin)});
  }
  return out;
}

// Content stems (not numbers) two sentences share: the teams and the verb of a result.
size_t SharedStems(const Document& a, uint32_t sa, const Document& b, uint32_t sb) {
  std::set<std::string> x, shared;
  for (const Word& w : a.sentences[sa].words) {
    if (w.kind == TokenKind::kWord && !w.stop) x.insert(w.stem);
  }
  for (const Word& w : b.sentences[sb].words) {
    if (w.kind == TokenKind::kWord && !w.stop && x.count(w.stem)) shared.insert(w.stem);
  }
  return shared.size();
}

// Two reports of one game give its final score in the same claim (aligned sentences) or in
// their headlines, each sentence one score: different scores are a
// conflict when the sentences share at least kScoreSharedWords content words (the two teams, or
// a team and the verb: "Falcons beat Estvik 20 - 13" / "Falcons ... 21 - 13 Win Over Estvik"). A
// sentence with two scores (a game and a season record) is left alone. Lead sentences beyond the
// headline give running scores, records and other margins ("trailing 10-0", "Brekke (31-2,
// 20 KOs)", "a 40 - 31 rebounding edge"): on conflicts-dev/real-pairs they made 5 false
// conflicts in 3 untouched pairs, so unaligned sentences are compared only between headlines.
constexpr size_t kScoreSharedWords = 2;

void ScoreConflicts(const StoryView& v, ConflictSet* out) {
  std::vector<std::pair<uint32_t, Score>> scores;
  for (uint32_t u = 0; u < v.docs.size(); ++u) {
    for (uint32_t si = 0; si < v.docs[u]->sentences.size(); ++si) {
      auto in = ScoresIn(*v.docs[u], si);
      if (in.size() == 1) scores.emplace_back(u, std::move(in.front()));
    }
  }
  for (size_t i = 0; i < scores.size(); ++i) {
    for (size_t j = i + 1; j < scores.size(); ++j) {
      const auto& [ua, x] = scores[i];
      const auto& [ub, y] = scores[j];
      SentenceRef ra{ua, x.sentence}, rb{ub, y.sentence};
      if (v.SameArticle(ua, ub) || x.key == y.key || out->AreCopies(ra, rb)) continue;
      bool aligned = v.alignment.fact_of[ua][x.sentence] == v.alignment.fact_of[ub][y.sentence];
      if (!aligned && !(v.docs[ua]->is_title && v.docs[ub]->is_title)) continue;
      const Document& A = *v.docs[ua];
      const Document& B = *v.docs[ub];
      if (SharedStems(A, x.sentence, B, y.sentence) < kScoreSharedWords) continue;
      std::string key = "score|" + std::to_string(v.alignment.fact_of[ua][x.sentence]);
      std::string subject = "score: " + SharedWords(A, x.sentence, B, y.sentence, 4);
      double confidence = aligned ? 0.8 : 0.6;
      out->Add(key, ConflictKind::kNumber, subject, x.key, x.text, ua, x.sentence, confidence);
      out->Add(key, ConflictKind::kNumber, subject, y.key, y.text, ub, y.sentence, confidence);
    }
  }
}

}  // namespace

void FindValueConflicts(const StoryView& view, ConflictSet* out) {
  NumberConflicts(view, out);
  DateConflicts(view, out);
  QuoteConflicts(view, out);
  ScoreConflicts(view, out);
}

}  // namespace parallax
