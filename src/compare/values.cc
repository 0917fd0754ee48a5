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
#include <set>

#include "compare/conflicts.h"
#include "util/strings.h"

namespace parallax {
namespace {

// Cosine above which two unaligned sentences are close enough to compare their lone values.
constexpr double kLooseNumberCosine = 0.2;
constexpr double kLooseDateCosine = 0.35;
// Word-set Jaccard above which two quotes are one statement worded differently.
constexpr double kQuoteOverlap = 0.5;

// ---- numbers ----

struct Interval {
  double lo, hi;
};

Interval ToInterval(const NumberMention& n) {
  const double v = n.value, inf = std::numeric_limits<double>::infinity();
  const std::string& q = n.qualifier;
  if (q == "over" || q == "more than" || q == "at least" || q == "upwards of") return {v, inf};
  if (q == "under" || q == "less than" || q == "fewer than" || q == "at most" || q == "up to") return {0, v};
  if (q.empty()) return {v, v};
  return {v * 0.85, v * 1.15};  // about, around, nearly, almost, some, approximately
}

bool Compatible(const NumberMention& a, const NumberMention& b) {
  Interval x = ToInterval(a), y = ToInterval(b);
  const double eps = 1e-9 * std::max(1.0, std::fabs(a.value));
  return x.lo <= y.hi + eps && y.lo <= x.hi + eps;
}

bool Countable(const NumberMention& n) { return !n.is_year && (!n.counted.empty() || !n.unit.empty()); }

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
  // One conflict per counted thing: three outlets giving 42, 46 and 42 make one conflict.
  std::string key = "number|" + CountKey(a);
  std::string subject = CountedWord(A, a);
  (void)B;
  out->Add(key, ConflictKind::kNumber, subject, ValueKey(a), a.text, da, a.sentence, confidence);
  out->Add(key, ConflictKind::kNumber, subject, ValueKey(b), b.text, db, b.sentence, confidence);
}

// One value per counted noun in each sentence: two values for "passengers" in one sentence
// ("240 passengers ... 58 passengers rescued") cannot be paired safely.
const NumberMention* Lone(const std::vector<const NumberMention*>& ns, const std::string& key) {
  const NumberMention* found = nullptr;
  for (const NumberMention* n : ns) {
    if (CountKey(*n) != key) continue;
    if (found != nullptr) return nullptr;
    found = n;
  }
  return found;
}

void AlignedNumberConflicts(const StoryView& v, ConflictSet* out) {
  for (const Fact& f : v.alignment.facts) {
    for (size_t i = 0; i < f.members.size(); ++i) {
      for (size_t j = i + 1; j < f.members.size(); ++j) {
        SentenceRef a = f.members[i], b = f.members[j];
        auto na = NumbersIn(*v.docs[a.doc], a.sentence), nb = NumbersIn(*v.docs[b.doc], b.sentence);
        for (const NumberMention* x : na) {
          const NumberMention* y = Lone(nb, CountKey(*x));
          if (y != nullptr && Lone(na, CountKey(*x)) == x && !Compatible(*x, *y)) {
            AddNumberPair(v, a.doc, *x, b.doc, *y, 0.85, out);
          }
        }
      }
    }
  }
}

void LooseNumberConflicts(const StoryView& v, ConflictSet* out) {
  // counted key -> doc -> mentions
  std::map<std::string, std::map<uint32_t, std::vector<const NumberMention*>>> by_key;
  for (uint32_t d = 0; d < v.docs.size(); ++d) {
    for (const NumberMention& n : v.docs[d]->numbers) {
      if (Countable(n) && !n.counted.empty()) by_key[CountKey(n)][d].push_back(&n);
    }
  }
  for (const auto& [key, per_doc] : by_key) {
    for (auto ia = per_doc.begin(); ia != per_doc.end(); ++ia) {
      for (auto ib = std::next(ia); ib != per_doc.end(); ++ib) {
        if (ia->second.size() != 1 || ib->second.size() != 1) continue;
        const NumberMention& a = *ia->second[0];
        const NumberMention& b = *ib->second[0];
        if (Compatible(a, b)) continue;
        double cos = Cosine(v.alignment.vectors[ia->first][a.sentence], v.alignment.vectors[ib->first][b.sentence]);
        if (cos >= kLooseNumberCosine) AddNumberPair(v, ia->first, a, ib->first, b, 0.6, out);
      }
    }
  }
}

// ---- dates ----

bool DayLike(const DateMention& d) {
  return d.kind == DateMention::Kind::kWeekday || d.kind == DateMention::Kind::kCalendar ||
         (d.kind == DateMention::Kind::kRelative && d.day.has_value());
}

std::vector<const DateMention*> DatesIn(const Document& d, uint32_t sentence) {
  std::vector<const DateMention*> out;
  for (const DateMention& m : d.dates) {
    if (m.sentence == sentence && DayLike(m)) out.push_back(&m);
  }
  return out;
}

// Whether two day expressions name different days; false when they cannot be compared.
bool DifferentDays(const DateMention& a, const DateMention& b) {
  if (a.day && b.day) return *a.day != *b.day;
  if (a.weekday >= 0 && b.weekday >= 0) return a.weekday != b.weekday;
  if (a.month > 0 && b.month > 0 && a.day_of_month > 0 && b.day_of_month > 0) {
    return a.month != b.month || a.day_of_month != b.day_of_month;
  }
  return false;
}

std::string DayKey(const DateMention& d) {
  if (d.day) return "day:" + std::to_string(*d.day);
  return d.normalized;
}

void AddDatePair(const StoryView& v, uint32_t da, const DateMention& a, uint32_t db,
                 const DateMention& b, double confidence, ConflictSet* out) {
  const Document& A = *v.docs[da];
  const Document& B = *v.docs[db];
  std::string what = SharedWords(A, a.sentence, B, b.sentence, 4);
  // Keyed by the claim of the earlier article, so more outlets on that claim join one conflict.
  std::string key = "date|" + std::to_string(v.alignment.fact_of[da][a.sentence]);
  out->Add(key, ConflictKind::kDate, "when: " + what, DayKey(a), a.text, da, a.sentence, confidence);
  out->Add(key, ConflictKind::kDate, "when: " + what, DayKey(b), b.text, db, b.sentence, confidence);
}

void DatePairs(const StoryView& v, SentenceRef a, SentenceRef b, double confidence, ConflictSet* out) {
  auto da = DatesIn(*v.docs[a.doc], a.sentence), db = DatesIn(*v.docs[b.doc], b.sentence);
  if (da.size() != 1 || db.size() != 1) return;
  if (DifferentDays(*da[0], *db[0])) AddDatePair(v, a.doc, *da[0], b.doc, *db[0], confidence, out);
}

void DateConflicts(const StoryView& v, ConflictSet* out) {
  for (const Fact& f : v.alignment.facts) {
    for (size_t i = 0; i < f.members.size(); ++i) {
      for (size_t j = i + 1; j < f.members.size(); ++j) DatePairs(v, f.members[i], f.members[j], 0.85, out);
    }
  }
  // Loose: sentences with one day each, across articles, similar enough.
  std::vector<SentenceRef> dated;
  for (uint32_t d = 0; d < v.docs.size(); ++d) {
    for (uint32_t s = 0; s < v.docs[d]->sentences.size(); ++s) {
      if (DatesIn(*v.docs[d], s).size() == 1) dated.push_back({d, s});
    }
  }
  for (size_t i = 0; i < dated.size(); ++i) {
    for (size_t j = i + 1; j < dated.size(); ++j) {
      SentenceRef a = dated[i], b = dated[j];
      if (a.doc == b.doc || v.alignment.fact_of[a.doc][a.sentence] == v.alignment.fact_of[b.doc][b.sentence]) continue;
      if (Cosine(v.alignment.Vector(a), v.alignment.Vector(b)) >= kLooseDateCosine) DatePairs(v, a, b, 0.6, out);
    }
  }
}

// ---- quotes ----

std::vector<std::string> QuoteWords(const Document& d, const QuoteMention& q) {
  std::vector<std::string> out;
  for (const Sentence& s : d.sentences) {
    if (s.span.end <= q.span.begin || s.span.begin >= q.span.end) continue;
    for (const Word& w : s.words) {
      if (w.begin >= q.span.begin && w.end <= q.span.end && w.kind != TokenKind::kPunct) out.push_back(w.norm);
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
    for (const QuoteMention& q : v.docs[d]->quotes) quotes.push_back({d, &q, QuoteWords(*v.docs[d], q)});
  }
  for (size_t i = 0; i < quotes.size(); ++i) {
    for (size_t j = i + 1; j < quotes.size(); ++j) {
      const Q& a = quotes[i];
      const Q& b = quotes[j];
      if (a.doc == b.doc || a.words.size() < 3 || b.words.size() < 3 || a.words == b.words) continue;
      bool same_speaker = !a.q->speaker_key.empty() && a.q->speaker_key == b.q->speaker_key;
      if (!same_speaker && !a.q->speaker_key.empty() && !b.q->speaker_key.empty()) continue;
      if (ContainsRun(a.words, b.words) || ContainsRun(b.words, a.words)) continue;  // excerpt
      if (WordJaccard(a.words, b.words) < kQuoteOverlap) continue;
      const Document& A = *v.docs[a.doc];
      const Document& B = *v.docs[b.doc];
      std::string speaker = a.q->speaker >= 0 ? A.entities[a.q->speaker].text
                            : b.q->speaker >= 0 ? B.entities[b.q->speaker].text : "unnamed speaker";
      std::string key = "quote|" + speaker + "|" + Join(a.words, " ");
      double confidence = same_speaker ? 0.85 : 0.6;
      out->Add(key, ConflictKind::kQuote, speaker, Join(a.words, " "), a.q->text, a.doc, a.q->sentence, confidence);
      out->Add(key, ConflictKind::kQuote, speaker, Join(b.words, " "), b.q->text, b.doc, b.q->sentence, confidence);
    }
  }
}

}  // namespace

void FindValueConflicts(const StoryView& view, ConflictSet* out) {
  AlignedNumberConflicts(view, out);
  LooseNumberConflicts(view, out);
  DateConflicts(view, out);
  QuoteConflicts(view, out);
}

}  // namespace parallax
