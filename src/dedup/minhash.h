// MinHash signatures over word shingles of an article's cleaned body.
//
// Shingles are `shingle`-word windows of the body's words (case-folded, punctuation dropped),
// hashed with the pinned Hash64. Signature value i is min over shingles of the high 32 bits of
// (a_i * h + b_i) mod 2^64 — a 2-universal family (Broder 1997; "Mining of Massive Datasets"
// ch. 3). The a_i, b_i come from a fixed SplitMix64 stream so signatures are stable across runs
// and builds. Thread-safe. Tested by minhash_test.cc.
#pragma once

#include <cstdint>
#include <vector>

#include "analyze/document.h"
#include "parallax/options.h"

namespace parallax {

struct Signature {
  uint64_t exact = 0;               // Hash64 of the normalised word sequence
  std::vector<uint32_t> minhash;    // num_hashes values
  std::vector<uint64_t> shingles;   // sorted, unique shingle hashes (exact Jaccard)
  bool empty() const { return shingles.empty(); }
};

// Words of the kept body, case-folded, without punctuation.
std::vector<std::string_view> BodyWords(const Document& doc);

Signature ComputeSignature(const Document& doc, const DedupOptions& options);
Signature ComputeSignature(const std::vector<std::string_view>& words, const DedupOptions& options);

// |A ∩ B| / |A ∪ B| over sorted unique vectors.
double Jaccard(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b);

}  // namespace parallax
