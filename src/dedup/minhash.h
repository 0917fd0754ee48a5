// MinHash signatures over word shingles of an article's body.
//
// Words: maximal runs of Unicode letters, digits and combining marks, case-folded (NFKC +
// case fold, ASCII fast path); everything else separates words, so punctuation, quote styles
// and spacing never make two copies differ. Each word is hashed with XXH3-64; a shingle is
// `shingle` consecutive words, hashed as XXH3-64 of their word hashes; the normalised-text
// hash (exact duplicates) is XXH3-64 of the whole word-hash sequence.
//
// Signature: one-permutation MinHash (Li, Owen & Zhang, NIPS 2012) with optimal densification
// (Shrivastava, ICML 2017). Each shingle hash goes to one of `num_hashes` bins by its high 32
// bits and the bin keeps the minimum of the low 32 bits; an empty bin (short text) borrows
// the value of a non-empty bin picked by a pinned hash of (bin, attempt). Like classic
// k-permutation MinHash, two signatures agree in a bin with probability ~ the Jaccard
// similarity of the shingle sets, but it costs one hash per shingle instead of num_hashes:
// what makes 20,000 articles/s per core reachable (docs/benchmarks.md).
//
// Every hash is pinned (XXH3-64 with fixed seeds): signatures are persisted in index files,
// and minhash_test.cc holds golden values. Changing anything here is a new kSignatureVersion.
// Thread-safe (pure functions). Tested by minhash_test.cc.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "analyze/document.h"
#include "parallax/options.h"
#include "parallax/status.h"

namespace parallax {

// Version of the word, shingle and signature definitions above; stored in index files.
constexpr uint32_t kSignatureVersion = 1;

struct Signature {
  uint64_t exact = 0;                  // hash of the normalised word sequence (exact duplicates)
  std::vector<uint32_t> minhash;       // num_hashes 32-bit values; empty when there is no word
  std::vector<uint32_t> fingerprints;  // sorted, unique: high 32 bits of each shingle hash
  bool empty() const { return fingerprints.empty(); }
};

// OK when the options can be used: 1 <= shingle <= 64, 1 <= num_hashes <= 4096, bands >= 1
// dividing num_hashes, 0 <= threshold <= 1. Otherwise InvalidArgument naming the option.
Status ValidateDedupOptions(const DedupOptions& options);

// Appends the XXH3-64 hash of each normalised word of `text` to `out`.
void AppendWordHashes(std::string_view text, std::vector<uint64_t>* out);

// Signature of a sequence of word hashes (from AppendWordHashes). `options` must be valid.
Signature SignatureOfWords(const std::vector<uint64_t>& word_hashes, const DedupOptions& options);

// Signature of a raw body (parallax dedup).
Signature ComputeSignature(std::string_view text, const DedupOptions& options);

// Signature of the cleaned body: the words of the sentences the cleaner kept (pipeline).
Signature ComputeSignature(const Document& doc, const DedupOptions& options);

// |A ∩ B| / |A ∪ B| of two sorted, unique sets (1 when both are empty).
double Jaccard(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b);

}  // namespace parallax
