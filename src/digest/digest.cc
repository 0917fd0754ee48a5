// Concept-coverage digest. The greedy selection follows Gillick & Favre's concept model
// (ICSI summariser, 2009) with its usual greedy approximation (Lin & Bilmes 2010): concepts are
// content stems and stem bigrams; a concept's weight is the number of articles of the story
// that use it (in a one-article story, its count in the article); a candidate's gain is the
// weight of the concepts it adds, scaled by support and position, per word**0.6. Redundancy is
// controlled because covered concepts add nothing. Tested by digest_test.cc.
#include "digest/digest.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <unordered_set>

#include "util/hash.h"

namespace parallax {
namespace {

// Sentences shorter than this are fragments, longer ones run-ons or lists.
constexpr size_t kMinWords = 6;
constexpr size_t kMaxWords = 70;

// Openers that refer back to something the reader has not been told.
bool OpensWithDanglingReference(const Sentence& s) {
  static const std::unordered_set<std::string_view> kOpeners = {
      "he", "she", "it", "they", "his", "her", "their", "its", "this", "that", "these", "those",
      "such", "but", "and", "also", "however", "meanwhile", "still", "yet", "there", "so",
      "then", "him", "them", "both", "neither", "instead", "otherwise", "moreover"};
  for (const Word& w : s.words) {
    if (w.kind == TokenKind::kPunct) continue;  // skip an opening quote
    if (kOpeners.count(w.norm)) return true;
    // "The move", "The decision": a definite noun phrase about an earlier action.
    return false;
  }
  return false;
}

bool IsQuestion(const Document& doc, const Sentence& s) {
  std::string_view t = doc.Text(s.span);
  return t.find('?') != std::string_view::npos;
}

std::vector<uint64_t> Concepts(const Sentence& s) {
  std::vector<uint64_t> out;
  const Word* prev = nullptr;
  for (const Word& w : s.words) {
    bool content = (w.kind == TokenKind::kWord && !w.stop) || w.kind == TokenKind::kNumber;
    if (!content) {
      if (w.kind == TokenKind::kPunct) prev = nullptr;
      continue;
    }
    out.push_back(Hash64(w.stem));
    if (prev != nullptr) out.push_back(HashCombine(Hash64(prev->stem), Hash64(w.stem)));
    prev = &w;
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

struct Candidate {
  uint32_t fact = 0;
  SentenceRef rep;
  std::vector<uint64_t> concepts;
  size_t words = 0;
  double prior = 1;  // support and position
};

}  // namespace

size_t BudgetWords(const Document& doc, const Sentence& s) { return CountWords(doc.Text(s.span)); }

std::vector<Statement> BuildDigest(const std::vector<const Document*>& docs,
                                   const Alignment& alignment, const DigestOptions& options) {
  // 1. Concept weights: articles using each concept.
  std::unordered_map<uint64_t, double> weight;
  for (const Document* d : docs) {
    std::unordered_set<uint64_t> seen;
    for (const Sentence& s : d->sentences) {
      for (uint64_t c : Concepts(s)) {
        if (docs.size() == 1 || seen.insert(c).second) weight[c] += 1;
      }
    }
  }
  // In a multi-article story, concepts only one article uses are that article's detail.
  if (docs.size() > 1) {
    for (auto& [c, w] : weight) w = w >= 2 ? w : 0.25;
  }
  // 2. Candidates: one per fact, its best-placed member sentence.
  std::vector<Candidate> candidates;
  for (uint32_t f = 0; f < alignment.facts.size(); ++f) {
    const Fact& fact = alignment.facts[f];
    const SentenceRef rep = fact.members.front();
    const Document& d = *docs[rep.doc];
    const Sentence& s = d.sentences[rep.sentence];
    size_t words = BudgetWords(d, s);
    if (words < kMinWords || words > kMaxWords || IsQuestion(d, s) || OpensWithDanglingReference(s)) continue;
    double position = 1.0;
    for (const SentenceRef& m : fact.members) {
      double rel = static_cast<double>(m.sentence) / std::max<size_t>(1, docs[m.doc]->sentences.size());
      position = std::min(position, rel);
    }
    double support = static_cast<double>(fact.members.size());
    Candidate c{f, rep, Concepts(s), words, std::sqrt(support) * (1.5 - 0.5 * position)};
    candidates.push_back(std::move(c));
  }
  // 3. Greedy coverage within the budget.
  std::unordered_set<uint64_t> covered;
  std::vector<const Candidate*> picked;
  size_t used = 0;
  std::vector<bool> taken(candidates.size(), false);
  while (true) {
    double best_gain = 0;
    size_t best = candidates.size();
    for (size_t i = 0; i < candidates.size(); ++i) {
      const Candidate& c = candidates[i];
      if (taken[i] || used + c.words > options.words) continue;
      double gain = 0;
      for (uint64_t k : c.concepts) {
        if (!covered.count(k)) gain += weight[k];
      }
      gain = gain * c.prior / std::pow(static_cast<double>(c.words), 0.6);
      if (gain > best_gain) {
        best_gain = gain;
        best = i;
      }
    }
    if (best == candidates.size()) break;
    taken[best] = true;
    picked.push_back(&candidates[best]);
    used += candidates[best].words;
    covered.insert(candidates[best].concepts.begin(), candidates[best].concepts.end());
  }
  // 4. Reading order: earliest source publication, then position in its article.
  auto key = [&](const Candidate* c) {
    const Fact& fact = alignment.facts[c->fact];
    int64_t when = INT64_MAX;
    double pos = 1.0;
    for (const SentenceRef& m : fact.members) {
      const auto& pub = docs[m.doc]->article->published;
      when = std::min(when, pub.value_or(INT64_MAX));
      pos = std::min(pos, static_cast<double>(m.sentence) / std::max<size_t>(1, docs[m.doc]->sentences.size()));
    }
    return std::make_pair(pos, when);
  };
  std::stable_sort(picked.begin(), picked.end(),
                   [&](const Candidate* a, const Candidate* b) { return key(a) < key(b); });
  std::vector<Statement> digest;
  for (const Candidate* c : picked) digest.push_back(MakeStatement(docs, alignment.facts[c->fact]));
  return digest;
}

}  // namespace parallax
