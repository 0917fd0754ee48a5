// Term extraction for clustering. Tested by features_test.cc.
#include "cluster/features.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <unordered_map>

#include "util/hash.h"

namespace parallax {
namespace {

constexpr float kTitleWeight = 2.0f;
constexpr float kLeadWeight = 1.5f;
constexpr float kEntityWeight = 1.5f;
constexpr size_t kLeadSentences = 3;

bool Content(const Word& w) { return !w.stop && w.kind == TokenKind::kWord && w.stem.size() >= 2; }

void AddWords(const std::vector<Word>& words, float weight,
              std::unordered_map<uint64_t, float>* tf) {
  for (const Word& w : words) {
    if (Content(w)) (*tf)[Hash64(w.stem)] += weight;
  }
}

TermWeights Sorted(const std::unordered_map<uint64_t, float>& counts, bool log_scale) {
  TermWeights out;
  out.reserve(counts.size());
  for (const auto& [term, count] : counts)
    out.emplace_back(term, log_scale ? 1.0f + std::log(count) : count);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

uint64_t EntityTerm(std::string_view key) { return Hash64(key, /*seed=*/1); }

ArticleFeatures ComputeFeatures(const Document& doc) {
  std::unordered_map<uint64_t, float> tf, title, entities;
  std::unordered_map<std::string, float> surnames;
  AddWords(doc.title_words, kTitleWeight, &tf);
  for (const Word& w : doc.title_words) {
    if (Content(w)) title[Hash64(w.stem)] = 1.0f;
  }
  for (size_t i = 0; i < doc.sentences.size(); ++i) {
    AddWords(doc.sentences[i].words, i < kLeadSentences ? kLeadWeight : 1.0f, &tf);
  }
  for (const EntityMention& e : doc.entities) {
    if (e.key.find(' ') != std::string::npos) tf[EntityTerm(e.key)] += kEntityWeight;
    // A person is named in full once and by surname after ("Tove Lindqvist" ... "Lindqvist"): the
    // surname is the key that matches across mentions and articles.
    std::string_view key = e.key;
    if (e.type == EntityType::kPerson) key = key.substr(key.rfind(' ') + 1);
    uint64_t term = EntityTerm(key);
    entities[term] += 1.0f;
    if (e.type == EntityType::kPerson) surnames[std::string(key)] += 1.0f;
  }
  ArticleFeatures f;
  f.time = doc.article->published;
  f.headline_only = doc.sentences.empty();
  f.terms = Sorted(tf, /*log_scale=*/true);
  f.title = Sorted(title, /*log_scale=*/false);
  f.entities = Sorted(entities, /*log_scale=*/true);
  for (const auto& [name, count] : surnames) f.surnames.emplace_back(name, 1.0f + std::log(count));
  std::sort(f.surnames.begin(), f.surnames.end());
  for (const NumberMention& n : doc.numbers) {
    if (n.is_year) {
      f.years.push_back(static_cast<int16_t>(n.value));
    } else if (!n.counted.empty() || !n.unit.empty()) {
      char value[32];
      std::snprintf(value, sizeof value, "%.6g", n.value);
      f.numbers.push_back(Hash64(std::string(value) + ' ' + n.unit + ' ' + n.counted, /*seed=*/2));
    }
  }
  std::sort(f.numbers.begin(), f.numbers.end());
  f.numbers.erase(std::unique(f.numbers.begin(), f.numbers.end()), f.numbers.end());
  for (const DateMention& d : doc.dates) {
    if (d.year >= 1900 && d.year <= 2100) f.years.push_back(static_cast<int16_t>(d.year));
  }
  std::sort(f.years.begin(), f.years.end());
  f.years.erase(std::unique(f.years.begin(), f.years.end()), f.years.end());
  return f;
}

}  // namespace parallax
