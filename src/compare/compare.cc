// Agreements, unique facts, and the conflict collection shared by the detectors.
// Tested by compare_test.cc.
#include "compare/compare.h"

#include <algorithm>
#include <unordered_set>

#include "align/align.h"
#include "compare/conflicts.h"
#include "text/utf8.h"
#include "util/strings.h"

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
  v.refs.push_back({d.article->id, sentence, s.span.begin, s.span.end, d.is_title});
}

namespace {

bool ContainsFolded(const std::string& a, const std::string& b) {
  return FoldCase(a).find(FoldCase(b)) != std::string::npos;
}

// True when every value of `y` is given, by the same articles or more, by a value of `x`
// that holds it or is held by it: `y` says nothing `x` does not ("Teixeara" found both as a
// copied sentence's edit and as a person spelled two ways).
bool Repeats(const Conflict& x, const Conflict& y) {
  if (x.kind != y.kind) return false;
  for (const ConflictValue& vy : y.values) {
    bool covered = false;
    for (const ConflictValue& vx : x.values) {
      bool sources = std::all_of(vy.sources.begin(), vy.sources.end(), [&](const std::string& s) {
        return std::find(vx.sources.begin(), vx.sources.end(), s) != vx.sources.end();
      });
      if (sources && (ContainsFolded(vx.value, vy.value) || ContainsFolded(vy.value, vx.value))) {
        covered = true;
        break;
      }
    }
    if (!covered) return false;
  }
  return true;
}

}  // namespace

std::vector<Conflict> ConflictSet::Take(double min_confidence) {
  std::vector<Conflict> out;
  for (const std::string& key : order_) {
    Conflict& c = entries_[key].conflict;
    if (c.values.size() >= 2 && c.confidence >= min_confidence) out.push_back(std::move(c));
  }
  std::stable_sort(out.begin(), out.end(), [](const Conflict& a, const Conflict& b) {
    return a.confidence > b.confidence;
  });
  // One disagreement found by two detectors is shown once, with the higher confidence.
  std::vector<Conflict> kept;
  for (Conflict& c : out) {
    bool repeated =
        std::any_of(kept.begin(), kept.end(), [&](const Conflict& k) { return Repeats(k, c); });
    if (!repeated) kept.push_back(std::move(c));
  }
  return kept;
}

std::string SharedWords(const Document& a, uint32_t sa, const Document& b, uint32_t sb,
                        size_t max) {
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
                   const CompareOptions& options, const std::vector<const Document*>& copies) {
  Comparison out;
  std::vector<uint32_t> identity(docs.size());
  for (uint32_t d = 0; d < docs.size(); ++d) identity[d] = d;
  StoryView view{docs, alignment, identity};
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
  std::stable_sort(
      out.agreements.begin(), out.agreements.end(),
      [](const Statement& a, const Statement& b) { return a.sources.size() > b.sources.size(); });
  // Conflicts read each article's title too (headlines name the person, the day and the
  // count), so they align their own units: per article its title, then its body.
  std::vector<const Document*> articles = docs;
  articles.insert(articles.end(), copies.begin(), copies.end());
  std::vector<const Document*> units;
  std::vector<uint32_t> article_of;
  for (uint32_t d = 0; d < articles.size(); ++d) {
    if (articles[d]->title && !articles[d]->title->sentences.empty()) {
      units.push_back(articles[d]->title.get());
      article_of.push_back(d);
    }
    units.push_back(articles[d]);
    article_of.push_back(d);
  }
  Alignment unit_alignment = Align(units, AlignOptions{});
  StoryView units_view{units, unit_alignment, article_of};
  ConflictSet conflicts(units_view);
  FindEditConflicts(units_view, &conflicts);
  FindPeopleConflicts(units_view, &conflicts);
  FindValueConflicts(units_view, &conflicts);
  out.conflicts = conflicts.Take(options.min_confidence);
  return out;
}

}  // namespace parallax
