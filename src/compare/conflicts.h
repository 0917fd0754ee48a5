// Internal to compare: collecting conflicts from the detectors (people.cc, values.cc).
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "align/align.h"
#include "parallax/report.h"

namespace parallax {

// What the detectors read: the story's units (each article's title document, then its body;
// analyze/document.h), their alignment, and which article each unit belongs to. Values are
// only ever set against values of another article.
struct StoryView {
  const std::vector<const Document*>& docs;  // units
  const Alignment& alignment;                // over the units
  const std::vector<uint32_t>& article_of;   // unit -> article index
  bool SameArticle(uint32_t a, uint32_t b) const { return article_of[a] == article_of[b]; }
};

// Gathers values per conflict key ("number|passeng") and per value key ("42"), merging the
// articles that give the same value; only keys with two or more values become conflicts.
class ConflictSet {
 public:
  explicit ConflictSet(const StoryView& view) : view_(view) {}
  // Records that article `doc` gives `value` for the subject under `key`, in `sentence`.
  void Add(const std::string& key, ConflictKind kind, const std::string& subject,
           const std::string& value_key, const std::string& value, uint32_t doc, uint32_t sentence,
           double confidence);
  std::vector<Conflict> Take(double min_confidence);
  // Two sentences that are copies of one another up to a few words (edits.cc): the word diff
  // is the exact answer there, so the looser detectors leave the pair alone.
  // Pairs are recorded between wordings: `SetWording` maps a sentence to the first sentence
  // worded the same way (edits.cc diffs each wording once).
  void SetWording(SentenceRef r, SentenceRef wording) {
    wording_[{r.doc, r.sentence}] = {wording.doc, wording.sentence};
  }
  void MarkCopies(SentenceRef a, SentenceRef b) { copies_.insert(PairKey(Wording(a), Wording(b))); }
  bool AreCopies(SentenceRef a, SentenceRef b) const {
    SentenceRef wa = Wording(a), wb = Wording(b);
    if (wa == wb) return wording_.count({a.doc, a.sentence}) > 0;  // worded alike: copies
    return copies_.count(PairKey(wa, wb)) > 0;
  }

 private:
  using RefKey = std::pair<uint32_t, uint32_t>;
  SentenceRef Wording(SentenceRef r) const {
    auto it = wording_.find({r.doc, r.sentence});
    return it == wording_.end() ? r : SentenceRef{it->second.first, it->second.second};
  }
  static std::pair<RefKey, RefKey> PairKey(SentenceRef a, SentenceRef b) {
    RefKey x{a.doc, a.sentence}, y{b.doc, b.sentence};
    return x < y ? std::make_pair(x, y) : std::make_pair(y, x);
  }
  struct Entry {
    Conflict conflict;
    std::map<std::string, size_t> value_index;
  };
  const StoryView& view_;
  std::map<std::string, Entry> entries_;
  std::vector<std::string> order_;
  std::set<std::pair<RefKey, RefKey>> copies_;
  std::map<RefKey, RefKey> wording_;
};

// Two folded name words that are one name respelled ("vedant" / "vandante"; similarity.h), not
// the same letters with and without accents ("vendome" / "vendôme": an outlet's keyboard or
// house style, not a disagreement). people.cc.
bool Respelled(const std::string& a, const std::string& b);

void FindEditConflicts(const StoryView& view, ConflictSet* out);
void FindPeopleConflicts(const StoryView& view, ConflictSet* out);
void FindValueConflicts(const StoryView& view, ConflictSet* out);

// The days a date expression covers ([first, last], days since 1970-01-01), resolved against
// its article's publication date: "March 3" or "yesterday" one day, "last week" the
// Monday-to-Sunday week before the article's. Empty when unresolvable (an undated weekday).
struct DayRange {
  int64_t first = 0, last = 0;
};
std::optional<DayRange> RangeOf(const Document& d, const DateMention& m);

// A dateline or timestamp ("4 October 2013, 18:07 (GMT+05:00)", "Updated 4/9/2007 6:04 PM"):
// a line of mostly numbers and calendar words, which states when an article was published.
bool IsDateline(const Sentence& s);

// Words as written of `sentence` whose stems are content terms shared with `other`; up to
// `max` words. Used to name the subject of a number or date conflict.
std::string SharedWords(const Document& a, uint32_t sa, const Document& b, uint32_t sb, size_t max);

}  // namespace parallax
