// Internal to compare: collecting conflicts from the detectors (people.cc, values.cc).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "align/align.h"
#include "parallax/report.h"

namespace parallax {

struct StoryView {
  const std::vector<const Document*>& docs;
  const Alignment& alignment;
};

// Gathers values per conflict key ("number|passeng") and per value key ("42"), merging the
// articles that give the same value; only keys with two or more values become conflicts.
class ConflictSet {
 public:
  explicit ConflictSet(const StoryView& view) : view_(view) {}
  // Records that article `doc` gives `value` for the subject under `key`, in `sentence`.
  void Add(const std::string& key, ConflictKind kind, const std::string& subject,
           const std::string& value_key, const std::string& value, uint32_t doc,
           uint32_t sentence, double confidence);
  std::vector<Conflict> Take(double min_confidence);

 private:
  struct Entry {
    Conflict conflict;
    std::map<std::string, size_t> value_index;
  };
  const StoryView& view_;
  std::map<std::string, Entry> entries_;
  std::vector<std::string> order_;
};

void FindPeopleConflicts(const StoryView& view, ConflictSet* out);
void FindValueConflicts(const StoryView& view, ConflictSet* out);

// Words as written of `sentence` whose stems are content terms shared with `other`; up to
// `max` words. Used to name the subject of a number or date conflict.
std::string SharedWords(const Document& a, uint32_t sa, const Document& b, uint32_t sb, size_t max);

}  // namespace parallax
