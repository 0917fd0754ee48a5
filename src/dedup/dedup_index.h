// DedupIndex: finds the earlier article an article is a copy of.
//
// Exact duplicates by the normalised-text hash; near duplicates by LSH over MinHash bands
// (`bands` bands of num_hashes/bands rows: with 16x4, pairs at Jaccard 0.6 become candidates
// with probability 1-(1-0.6^4)^16 = 0.89, at 0.8 with 0.9999), every candidate verified by
// exact Jaccard of the shingle sets against `threshold`. Not thread-safe: one writer.
// Tested by dedup_index_test.cc.
#pragma once

#include <cstdint>
#include <optional>
#include <unordered_map>
#include <vector>

#include "dedup/minhash.h"

namespace parallax {

class DedupIndex {
 public:
  explicit DedupIndex(const DedupOptions& options) : options_(options) {}

  // Returns the id (as passed to an earlier Add) of the best verified original of `sig`, or
  // nullopt; then indexes `sig` under `id` when it is not a copy.
  std::optional<uint32_t> FindOrAdd(uint32_t id, Signature sig);
  size_t size() const { return signatures_.size(); }

 private:
  uint64_t BandKey(const Signature& sig, int band) const;

  DedupOptions options_;
  std::unordered_map<uint64_t, uint32_t> exact_;
  std::vector<std::unordered_map<uint64_t, std::vector<uint32_t>>> bands_;
  std::unordered_map<uint32_t, Signature> signatures_;
};

}  // namespace parallax
