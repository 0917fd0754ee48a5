#include "dedup/minhash.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

namespace parallax {
namespace {

// Fictional text (Valdmark, examples/README.md).
const char kText[] =
    "The harbour authority in Korsholm said the north pier would reopen in June after repairs "
    "costing about four million euros were finished by a contractor from Estvik.";

TEST(MinHash, PinnedValues) {
  // Signatures are persisted in index files: these values must never change without a new
  // kSignatureVersion.
  Signature s = ComputeSignature(kText, DedupOptions{});
  ASSERT_EQ(s.minhash.size(), 64u);
  EXPECT_EQ(s.fingerprints.size(), 23u);  // 27 words -> 23 five-word shingles
  EXPECT_EQ(s.exact, 10106583211610386034ULL);
  EXPECT_EQ(s.minhash[0], 2490533587u);
  EXPECT_EQ(s.minhash[1], 2237201985u);
  EXPECT_EQ(s.minhash[27], 428625769u);
  EXPECT_EQ(s.minhash[63], 2490533587u);  // 23 shingles, 64 bins: empty bins borrow values
  EXPECT_EQ(s.fingerprints.front(), 135443681u);
  std::vector<uint64_t> words;
  AppendWordHashes("Korsholm", &words);
  ASSERT_EQ(words.size(), 1u);
  EXPECT_EQ(words[0], 2978143374968615237ULL);
}

TEST(MinHash, WordsIgnoreCasePunctuationAndQuoteStyle) {
  Signature a = ComputeSignature("“Mayor Ekdahl’s plan,” she said — again.", DedupOptions{});
  Signature b = ComputeSignature("\"mayor ekdahl's plan\" SHE SAID... again", DedupOptions{});
  EXPECT_EQ(a.exact, b.exact);
  EXPECT_EQ(a.minhash, b.minhash);
  // Non-ASCII words fold too (NFKC + case fold).
  EXPECT_EQ(ComputeSignature("SÆBY Lindgård", {}).exact,
            ComputeSignature("sæby LINDGÅRD", {}).exact);
  EXPECT_NE(ComputeSignature("Sæby Lindgård", {}).exact,
            ComputeSignature("Saeby Lindgard", {}).exact);
}

TEST(MinHash, OneChangedWordChangesOnlyItsShingles) {
  std::string b = kText;
  b.replace(b.find("Korsholm"), 8, "Tarnby");
  Signature sa = ComputeSignature(kText, {}), sb = ComputeSignature(b, {});
  EXPECT_NE(sa.exact, sb.exact);
  // Korsholm is word 6 of 27: shingles 2..6 (5 of 23) change -> Jaccard 18/28.
  EXPECT_NEAR(Jaccard(sa.fingerprints, sb.fingerprints), 18.0 / 28.0, 1e-9);
}

std::string RandomText(std::mt19937& rng, size_t words) {
  std::uniform_int_distribution<int> pick(0, 5000);
  std::string t;
  for (size_t i = 0; i < words; ++i) t += "w" + std::to_string(pick(rng)) + " ";
  return t;
}

TEST(MinHash, AgreementEstimatesJaccard) {
  // Over many pairs the fraction of equal bins tracks the true Jaccard (one-permutation
  // MinHash is an unbiased estimator, standard error ~ sqrt(J(1-J)/k)).
  std::mt19937 rng(3);
  DedupOptions o{.num_hashes = 256, .bands = 64};
  double err = 0;
  const int kPairs = 40;
  for (int p = 0; p < kPairs; ++p) {
    std::string a = RandomText(rng, 400);
    std::string b = a.substr(0, a.size() * (p % 10 + 1) / 12) +
                    RandomText(rng, static_cast<size_t>(40 * (p % 5)));
    Signature sa = ComputeSignature(a, o), sb = ComputeSignature(b, o);
    size_t same = 0;
    for (size_t i = 0; i < sa.minhash.size(); ++i) same += sa.minhash[i] == sb.minhash[i];
    err += static_cast<double>(same) / 256.0 - Jaccard(sa.fingerprints, sb.fingerprints);
  }
  EXPECT_NEAR(err / kPairs, 0.0, 0.03);  // no bias
}

TEST(MinHash, ShortTextsAreDensified) {
  // 3 words: one shingle, one filled bin; every other bin borrows, so the signature is full
  // and equal texts still agree everywhere.
  Signature s = ComputeSignature("only three words", {});
  EXPECT_EQ(s.fingerprints.size(), 1u);
  ASSERT_EQ(s.minhash.size(), 64u);
  for (uint32_t v : s.minhash) EXPECT_EQ(v, s.minhash[0]);
  EXPECT_TRUE(ComputeSignature("", {}).empty());
  EXPECT_TRUE(ComputeSignature(" -- ... !", {}).empty());
}

TEST(MinHash, DensificationIsBoundedForManyBins) {
  // One shingle over 4,096 bins: every bin gets that shingle's value, quickly.
  Signature s = ComputeSignature("three short words", {.num_hashes = 4096, .bands = 1024});
  ASSERT_EQ(s.minhash.size(), 4096u);
  for (uint32_t v : s.minhash) ASSERT_EQ(v, s.minhash[0]);
}

TEST(MinHash, ValidatesOptions) {
  EXPECT_TRUE(ValidateDedupOptions({}).ok());
  EXPECT_FALSE(ValidateDedupOptions({.num_hashes = 64, .bands = 5}).ok());
  EXPECT_FALSE(ValidateDedupOptions({.shingle = 0}).ok());
  EXPECT_FALSE(ValidateDedupOptions({.threshold = 1.5}).ok());
}

TEST(Jaccard, SetArithmetic) {
  EXPECT_DOUBLE_EQ(Jaccard({1, 2, 3}, {2, 3, 4}), 0.5);
  EXPECT_DOUBLE_EQ(Jaccard({}, {}), 1.0);
  EXPECT_DOUBLE_EQ(Jaccard({1}, {2}), 0.0);
}

}  // namespace
}  // namespace parallax
