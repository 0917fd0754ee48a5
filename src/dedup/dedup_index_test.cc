#include "dedup/dedup_index.h"

#include <gtest/gtest.h>

#include <random>

namespace parallax {
namespace {

std::vector<std::string> RandomArticle(std::mt19937& rng, size_t n) {
  static const char* kVocab[] = {"pier", "harbour", "council", "mayor", "fire", "storm",
                                 "road", "bridge", "police", "minister", "said", "the", "a",
                                 "on", "in", "of", "vote", "budget", "school", "train",
                                 "ferry", "crew", "rescue", "court", "trial", "bank", "rate",
                                 "strike", "union", "wage", "election", "party", "river"};
  std::uniform_int_distribution<size_t> pick(0, std::size(kVocab) - 1);
  std::vector<std::string> w;
  for (size_t i = 0; i < n; ++i) w.push_back(kVocab[pick(rng)] + std::to_string(pick(rng) % 7));
  return w;
}

Signature Sig(const std::vector<std::string>& words, const DedupOptions& o) {
  std::vector<std::string_view> v(words.begin(), words.end());
  return ComputeSignature(v, o);
}

TEST(DedupIndex, ExactAndNearCopiesFoldIntoTheFirst) {
  std::mt19937 rng(7);
  DedupOptions o;
  DedupIndex index(o);
  auto original = RandomArticle(rng, 300);
  auto copy = original;
  copy.erase(copy.begin() + 100, copy.begin() + 115);        // a trimmed paragraph
  copy.insert(copy.begin() + 50, {"photo", "credit", "x"});  // an inserted caption
  EXPECT_FALSE(index.FindOrAdd(1, Sig(original, o)).has_value());
  EXPECT_EQ(index.FindOrAdd(2, Sig(original, o)), std::optional<uint32_t>(1));  // exact
  EXPECT_EQ(index.FindOrAdd(3, Sig(copy, o)), std::optional<uint32_t>(1));      // near
  EXPECT_FALSE(index.FindOrAdd(4, Sig(RandomArticle(rng, 300), o)).has_value());
  EXPECT_EQ(index.size(), 2u);  // copies are not indexed
}

// Differential test: LSH + verification against brute-force all-pairs Jaccard.
TEST(DedupIndex, AgreesWithBruteForce) {
  std::mt19937 rng(11);
  DedupOptions o;
  std::vector<std::vector<std::string>> docs;
  for (int i = 0; i < 40; ++i) docs.push_back(RandomArticle(rng, 200));
  for (int i = 0; i < 40; ++i) {  // variants at many edit levels
    auto v = docs[i];
    int edits = i % 8 * 6;
    for (int e = 0; e < edits; ++e) v[(e * 37 + i) % v.size()] = "edit" + std::to_string(e);
    docs.push_back(v);
  }
  DedupIndex index(o);
  std::vector<Signature> sigs;
  for (auto& d : docs) sigs.push_back(Sig(d, o));
  int agree = 0, checked = 0;
  for (uint32_t i = 0; i < docs.size(); ++i) {
    auto found = index.FindOrAdd(i, sigs[i]);
    // Brute force: best earlier non-copy with Jaccard >= threshold.
    bool expected = false;
    for (uint32_t j = 0; j < i; ++j) expected |= Jaccard(sigs[i].shingles, sigs[j].shingles) >= o.threshold;
    if (found) EXPECT_GE(Jaccard(sigs[i].shingles, sigs[*found].shingles), o.threshold);  // no false positive
    ++checked;
    agree += found.has_value() == expected;
  }
  // LSH may miss a borderline pair; with 16x4 bands at threshold 0.6 misses are rare.
  EXPECT_GE(agree, checked - 2);
}

}  // namespace
}  // namespace parallax
