#include "text/similarity.h"

#include <gtest/gtest.h>

namespace parallax {
namespace {

TEST(Similarity, JaroWinklerKnownValues) {
  EXPECT_NEAR(JaroWinkler("martha", "marhta"), 0.961, 0.001);  // Winkler's example
  EXPECT_NEAR(JaroWinkler("dixon", "dicksonx"), 0.813, 0.001);
  EXPECT_DOUBLE_EQ(JaroWinkler("abc", "abc"), 1.0);
  EXPECT_DOUBLE_EQ(JaroWinkler("abc", "xyz"), 0.0);
}

TEST(Similarity, EditDistanceCountsCodePoints) {
  EXPECT_EQ(EditDistance("kitten", "sitting"), 3u);
  EXPECT_EQ(EditDistance("Søren", "Soren"), 1u);
  EXPECT_EQ(EditDistance("", "abc"), 3u);
}

TEST(Similarity, NearSpellingsOfOneNameButNotOtherNames) {
  EXPECT_TRUE(NearSpelling("Vedant", "Vandante"));
  EXPECT_TRUE(NearSpelling("Solvang", "Solwang"));
  EXPECT_TRUE(NearSpelling("Tomas", "Thomas"));
  EXPECT_TRUE(NearSpelling("José", "Jose"));
  EXPECT_TRUE(NearSpelling("Kristoffer", "Christoffer"));
  EXPECT_FALSE(NearSpelling("Karin", "Marin"));
  EXPECT_FALSE(NearSpelling("Anna", "Erik"));
  EXPECT_FALSE(NearSpelling("Jake", "Brett"));
  EXPECT_FALSE(NearSpelling("Patel", "Patel"));
}

}  // namespace
}  // namespace parallax
