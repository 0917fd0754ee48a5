// Compact storage of an indexed article's shingle fingerprints, for exact Jaccard verification.
//
// An index of 1,000,000 articles of ~5 KB (~850 shingles each) must fit in 2 GiB, so the
// sets cannot be kept as 32- or 64-bit hashes (3.4 / 6.8 GB). A set of n fingerprints is
// stored at `bits` = clamp(bit_width(n) + 10, 20, 32) bits (the high bits of each 32-bit
// fingerprint), sorted, as Rice-coded gaps: ~12 bits per shingle for a 5 KB article (1.3 KB).
// Keeping >= 2^10 values per element bounds hash collisions between two sets to ~n/1024
// spurious matches on average, an expected Jaccard error under 0.001 at any article length;
// a single collision moves a small pair by 1/|A u B| (0.0025 at 400 shingles; checked
// against 32-bit sets by dedup_index_test.cc). A query is compared at the stored set's width.
//
// Layout (little-endian, part of the index file format): varint n, byte bits, byte k (Rice
// parameter), then the n gaps (first value, then differences minus one), each as unary(g >> k)
// + the k low bits, LSB-first. Hand-written rather than taken from a library (sdsl-lite's
// enc_vector/sd_vector): those carry per-object headers and rank/select support that would
// cost more than the data for a ~1 KB set, and verification only needs one sequential decode.
// Thread-safe (pure functions). Tested by fingerprint_set_test.cc.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace parallax {

// Width at which a set of `n` fingerprints is stored.
int FingerprintBits(size_t n);

// Appends the encoding of `fingerprints` (sorted, unique, 32-bit) to `out`.
void EncodeFingerprints(const std::vector<uint32_t>& fingerprints, std::string* out);

// Decodes a set that starts at data[*pos]; advances *pos past it. Values are at *bits width.
// False when the bytes are not a valid encoding (a damaged index file).
bool DecodeFingerprints(std::string_view data, size_t* pos, std::vector<uint32_t>* out, int* bits);

// Width and size of the set that starts at data[pos], without decoding it; false when the
// header is damaged.
bool PeekFingerprints(std::string_view data, size_t pos, uint64_t* n, int* bits);

// The Jaccard of `query` (sorted, unique, already reduced to the stored set's width) and the
// set that starts at data[pos], computed as Jaccard() in minhash.h would on the decoded set,
// when it is at least `floor`; nullopt when it is below `floor` or the set is damaged. Decodes
// only as far as needed: it stops as soon as the shingles left cannot lift the intersection
// to `floor` (most LSH candidates are rejected after a fraction of the set).
std::optional<double> JaccardAtLeast(std::string_view data, size_t pos,
                                     const std::vector<uint32_t>& query, double floor);

// LEB128 varints, as used in the layout above and in index files.
void PutVarint(uint64_t v, std::string* out);
bool GetVarint(std::string_view data, size_t* pos, uint64_t* v);  // false when cut short

// `fingerprints` (sorted, unique, 32-bit) reduced to `bits` width: sorted, unique.
void ReduceFingerprints(const std::vector<uint32_t>& fingerprints, int bits,
                        std::vector<uint32_t>* out);

}  // namespace parallax
