// Clustering features of one article: hashed terms with raw weights (before IDF).
// Pure function; thread-safe. Tested by features_test.cc.
#pragma once

#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "analyze/document.h"

namespace parallax {

struct ArticleFeatures {
  // (term hash, weight) sorted by term hash, unique. Weight = 1 + ln(weighted term count).
  std::vector<std::pair<uint64_t, float>> terms;
  std::optional<int64_t> time;  // publication time, seconds
};

// Title words count 2x, the first three sentences 1.5x, the rest 1x; every named entity adds
// its folded key as one more term (1.5x) so "Abram Paley" weighs more than "paley" + "abram".
ArticleFeatures ComputeFeatures(const Document& doc);

}  // namespace parallax
