// Clustering features of one article: hashed terms with raw weights (before IDF), the title's
// terms, its named entities and the years it mentions.
// Pure function; thread-safe. Tested by features_test.cc.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "analyze/document.h"

namespace parallax {

using TermWeights = std::vector<std::pair<uint64_t, float>>;  // sorted by term, unique

struct ArticleFeatures {
  // Every content term: word stems of the title and body, plus each named entity's folded
  // key as one more term. Weight = 1 + ln(weighted count).
  TermWeights terms;
  // The title's stems, weight 1 each: headlines of one story share few words, and those few
  // tell more than the body's many.
  TermWeights title;
  // Named entities of the title and body (folded keys, "abram paley", "oman"), by mention count.
  TermWeights entities;
  // People named, by folded surname and mention count, sorted by name: two events of one kind
  // ("a rehab check-in", "a heist") share places and words but rarely people; one outlet's
  // "Vandante Patel" is the other's "Vedant Patel" (near spelling).
  std::vector<std::pair<std::string, float>> surnames;
  // Counts and amounts with what they count ("23 pirates", "€2 million"), hashed, sorted,
  // unique: a detail two reports of one event share and two similar events rarely do.
  std::vector<uint64_t> numbers;
  // Years written in the text (2013, 2026), sorted, unique. Two reports of "an earthquake"
  // mentioning different years are two earthquakes.
  std::vector<int16_t> years;
  std::optional<int64_t> time;  // publication time, seconds
  bool headline_only = false;   // no body text: a headline feed
};

// Title words count 2x, the first three sentences 1.5x, the rest 1x; every named entity adds
// its folded key as one more term (1.5x) so "Abram Paley" weighs more than "paley" + "abram".
ArticleFeatures ComputeFeatures(const Document& doc);

// The term hash of an entity key (distinct from the stem hashes of single words).
uint64_t EntityTerm(std::string_view key);

}  // namespace parallax
