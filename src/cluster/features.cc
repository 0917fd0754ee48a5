// Term extraction for clustering. Tested by features_test.cc.
#include "cluster/features.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "util/hash.h"

namespace parallax {
namespace {

constexpr float kTitleWeight = 2.0f;
constexpr float kLeadWeight = 1.5f;
constexpr float kEntityWeight = 1.5f;
constexpr size_t kLeadSentences = 3;

void AddWords(const std::vector<Word>& words, float weight, std::unordered_map<uint64_t, float>* tf) {
  for (const Word& w : words) {
    if (w.stop || w.kind != TokenKind::kWord || w.stem.size() < 2) continue;
    (*tf)[Hash64(w.stem)] += weight;
  }
}

}  // namespace

ArticleFeatures ComputeFeatures(const Document& doc) {
  std::unordered_map<uint64_t, float> tf;
  AddWords(doc.title_words, kTitleWeight, &tf);
  for (size_t i = 0; i < doc.sentences.size(); ++i) {
    AddWords(doc.sentences[i].words, i < kLeadSentences ? kLeadWeight : 1.0f, &tf);
  }
  for (const EntityMention& e : doc.entities) {
    if (e.key.find(' ') != std::string::npos) tf[Hash64(e.key, /*seed=*/1)] += kEntityWeight;
  }
  ArticleFeatures f;
  f.time = doc.article->published;
  f.terms.reserve(tf.size());
  for (auto& [term, count] : tf) f.terms.emplace_back(term, 1.0f + std::log(count));
  std::sort(f.terms.begin(), f.terms.end());
  return f;
}

}  // namespace parallax
