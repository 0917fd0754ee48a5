#include "util/hash.h"

#include <gtest/gtest.h>

namespace parallax {
namespace {

// Golden values: hashes are persisted by dedup indexes, so they must never change.
TEST(Hash, PinnedValues) {
  EXPECT_EQ(Hash64(""), 3244421341483603138ULL);
  EXPECT_EQ(Hash64("parallax"), 14622710373206487416ULL);
  EXPECT_EQ(Hash64("parallax", 42), 16060987625753489494ULL);
}

TEST(Hash, CombineIsOrderSensitive) { EXPECT_NE(HashCombine(1, 2), HashCombine(2, 1)); }

}  // namespace
}  // namespace parallax
