// Pinned 64-bit hashing. Values are persisted by later stages (dedup indexes), so the function
// is fixed: XXH3-64 with an explicit seed. hash_test.cc pins golden values.
#pragma once

#include <xxhash.h>

#include <cstdint>
#include <string_view>

namespace parallax {

inline uint64_t Hash64(std::string_view data, uint64_t seed = 0) {
  return XXH3_64bits_withSeed(data.data(), data.size(), seed);
}

// Mixes two 64-bit values (boost::hash_combine's constant, 64-bit).
inline uint64_t HashCombine(uint64_t a, uint64_t b) {
  return a ^ (b + 0x9e3779b97f4a7c15ULL + (a << 6) + (a >> 2));
}

}  // namespace parallax
