// Agreements, unique facts, and the conflict collection shared by the detectors.
// Tested by compare_test.cc.
#include "compare/compare.h"

#include <algorithm>
#include <unordered_set>

#include "compare/conflicts.h"
#include "align/align.h"

namespace parallax {
namespace {

// Facts with fewer content words are fragments ("He said.") not worth listing.
constexpr size_t kMinAgreementWords = 4;
constexpr size_t kMinUniqueWords = 5;

const Sentence& SentenceOf(const StoryView& v, SentenceRef r) {
  return v.docs[r.doc]->sentences[r.sentence];
}

}  // namespace

void ConflictSet::Add(const std::string& key, ConflictKind kind, const std::string& subject,
                      const std::string& value_key, const std::string& value, uint32_t doc,
                      uint32_t sentence, double confidence) {
  auto [it, inserted] = entries_.try_emplace(key);
  Entry& e = it->second;
  if (inserted) {
    order_.push_back(key);
    e.conflict.kind = kind;
    e.conflict.subject = subject;
  }
  e.conflict.confidence = std::max(e.conflict.confidence, confidence);
  const Document& d = *view_.docs[doc];
  const Sentence& s = d.sentences[sentence];
  auto [vit, new_value] = e.value_index.try_emplace(value_key, e.conflict.values.size());
  if (new_value) {
    ConflictValue v;
    v.value = value;
    v.evidence = std::string(d.Text(s.span));
    e.conflict.values.push_back(std::move(v));
  }
  ConflictValue& v = e.conflict.values[vit->second];
  if (std::find(v.sources.begin(), v.sources.end(), d.article->id) != v.sources.end()) return;
  v.sources.push_back(d.article->id);
  v.refs.push_back({d.article->id, sentence, s.span.begin, s.span.end});
}

std::vector<Conflict> ConflictSet::Take(double min_confidence) {
  std::vector<Conflict> out;
  for (const std::string& key : order_) {
    Conflict& c = entries_[key].conflict;
    if (c.values.size() >= 2 && c.confidence >= min_confidence) out.push_back(std::move(c));
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const Conflict& a, const Conflict& b) { return a.confidence > b.confidence; });
  return out;
}

std::string SharedWords(const Document& a, uint32_t sa, const Document& b, uint32_t sb, size_t max) {
  std::unordered_set<std::string_view> other;
  for (const Word& w : b.sentences[sb].words) {
    if (w.kind == TokenKind::kWord && !w.stop) other.insert(w.stem);
  }
  std::string out;
  size_t n = 0;
  for (const Word& w : a.sentences[sa].words) {
    if (n >= max || w.kind != TokenKind::kWord || w.stop || !other.count(w.stem)) continue;
    if (!out.empty()) out += ' ';
    out += a.article->text.substr(w.begin, w.end - w.begin);
    ++n;
  }
  return out;
}

Comparison Compare(const std::vector<const Document*>& docs, const Alignment& alignment,
                   const CompareOptions& options) {
  Comparison out;
  StoryView view{docs, alignment};
  for (const Fact& f : alignment.facts) {
    const Sentence& s = SentenceOf(view, f.members.front());
    size_t words = ContentWords(s);
    if (f.members.size() >= 2 && words >= kMinAgreementWords) {
      out.agreements.push_back(MakeStatement(docs, f));
    } else if (f.members.size() == 1 && docs.size() >= 2 && words >= kMinUniqueWords) {
      Statement st = MakeStatement(docs, f);
      out.unique.push_back({std::move(st.text), st.sources.front(), st.evidence.front()});
    }
  }
  std::stable_sort(out.agreements.begin(), out.agreements.end(),
                   [](const Statement& a, const Statement& b) { return a.sources.size() > b.sources.size(); });
  ConflictSet conflicts(view);
  FindPeopleConflicts(view, &conflicts);
  FindValueConflicts(view, &conflicts);
  out.conflicts = conflicts.Take(options.min_confidence);
  return out;
}

}  // namespace parallax
