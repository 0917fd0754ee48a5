#include "dedup/minhash.h"

#include <gtest/gtest.h>

#include <sstream>

namespace parallax {
namespace {

std::vector<std::string> Split(const std::string& s) {
  std::istringstream in(s);
  std::vector<std::string> out;
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

Signature Sig(const std::vector<std::string>& words, DedupOptions o = {}) {
  std::vector<std::string_view> views(words.begin(), words.end());
  return ComputeSignature(views, o);
}

const char kText[] =
    "the harbour authority in korsholm said the north pier would reopen in june after repairs "
    "costing about four million euros were finished by a contractor from estvik";

TEST(MinHash, PinnedValues) {
  // Signatures are persisted by dedup indexes: these values must never change.
  Signature s = Sig(Split(kText));
  ASSERT_EQ(s.minhash.size(), 64u);
  EXPECT_EQ(s.shingles.size(), 23u);
  EXPECT_EQ(s.minhash[0], 524042586u);
  EXPECT_EQ(s.minhash[63], 1316803u);
  EXPECT_EQ(s.exact, 15180072638654996838ULL);
}

TEST(MinHash, EstimatesJaccard) {
  auto a = Split(kText);
  auto b = a;
  b[5] = "tarnby";  // one word changed: 5 of 23 shingles differ
  Signature sa = Sig(a, {.num_hashes = 256, .bands = 64}), sb = Sig(b, {.num_hashes = 256, .bands = 64});
  double exact = Jaccard(sa.shingles, sb.shingles);
  size_t same = 0;
  for (size_t i = 0; i < sa.minhash.size(); ++i) same += sa.minhash[i] == sb.minhash[i];
  double estimate = static_cast<double>(same) / sa.minhash.size();
  EXPECT_NEAR(exact, 18.0 / 28.0, 1e-9);
  EXPECT_NEAR(estimate, exact, 0.12);
}

TEST(MinHash, ShortTextsStillGetOneShingle) {
  Signature s = Sig({"only", "three", "words"});
  EXPECT_EQ(s.shingles.size(), 1u);
  EXPECT_TRUE(Sig({}).empty());
}

TEST(Jaccard, SetArithmetic) {
  EXPECT_DOUBLE_EQ(Jaccard({1, 2, 3}, {2, 3, 4}), 0.5);
  EXPECT_DOUBLE_EQ(Jaccard({}, {}), 1.0);
  EXPECT_DOUBLE_EQ(Jaccard({1}, {2}), 0.0);
}

}  // namespace
}  // namespace parallax
