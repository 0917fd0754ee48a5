#include "dedup/fingerprint_set.h"

#include "dedup/minhash.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <random>

namespace parallax {
namespace {

std::vector<uint32_t> RandomSet(std::mt19937& rng, size_t n) {
  std::vector<uint32_t> v(n);
  for (uint32_t& x : v) x = static_cast<uint32_t>(rng());
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
  return v;
}

TEST(FingerprintSet, WidthGrowsWithTheSet) {
  EXPECT_EQ(FingerprintBits(1), 20);
  EXPECT_EQ(FingerprintBits(850), 20);  // a 5 KB article
  EXPECT_EQ(FingerprintBits(5000), 23);
  EXPECT_EQ(FingerprintBits(1u << 24), 32);
}

TEST(FingerprintSet, RoundTripsAtItsWidth) {
  std::mt19937 rng(5);
  for (size_t n : {0u, 1u, 2u, 7u, 850u, 5000u, 70000u}) {
    std::vector<uint32_t> set = RandomSet(rng, n);
    std::string buf = "xy";  // sets are appended after other bytes
    EncodeFingerprints(set, &buf);
    buf += "tail";
    size_t pos = 2;
    std::vector<uint32_t> out;
    int bits = 0;
    ASSERT_TRUE(DecodeFingerprints(buf, &pos, &out, &bits)) << n;
    EXPECT_EQ(bits, FingerprintBits(set.size()));
    std::vector<uint32_t> expected;
    ReduceFingerprints(set, bits, &expected);
    EXPECT_EQ(out, expected) << n;
    EXPECT_EQ(buf.substr(pos), "tail") << n;
  }
}

// JaccardAtLeast stops decoding early; what it returns must still be exactly Jaccard() of the
// decoded set whenever that reaches the floor, and nothing whenever it does not.
TEST(FingerprintSet, JaccardAtLeastIsJaccardAboveTheFloorAndNothingBelow) {
  std::mt19937 rng(11);
  size_t above = 0, below = 0;
  for (int trial = 0; trial < 400; ++trial) {
    const size_t n = 1 + rng() % 900;
    std::vector<uint32_t> a = RandomSet(rng, n), b;
    // b: a share of a's values (0-100%), plus new ones, so Jaccard spans 0..1.
    const unsigned keep = rng() % 101;
    for (uint32_t x : a)
      if (rng() % 100 < keep) b.push_back(x);
    for (uint32_t x : RandomSet(rng, rng() % (n / 2 + 1))) b.push_back(x);
    std::sort(b.begin(), b.end());
    b.erase(std::unique(b.begin(), b.end()), b.end());
    std::string buf = "id";
    EncodeFingerprints(a, &buf);
    size_t pos = 2;
    std::vector<uint32_t> stored, query;
    int bits = 0;
    ASSERT_TRUE(DecodeFingerprints(buf, &pos, &stored, &bits));
    ReduceFingerprints(b, bits, &query);
    const double exact = Jaccard(query, stored);
    // Floors around the value itself included, where rounding could tip the answer.
    for (double floor : {0.0, 0.3, 0.6, 0.8, 1.0, exact, std::nextafter(exact, 2.0)}) {
      std::optional<double> j = JaccardAtLeast(buf, 2, query, floor);
      if (exact >= floor) {
        ASSERT_TRUE(j.has_value()) << trial << " floor " << floor;
        EXPECT_EQ(*j, exact);
        ++above;
      } else {
        EXPECT_FALSE(j.has_value()) << trial << " floor " << floor << " exact " << exact;
        ++below;
      }
    }
  }
  EXPECT_GT(above, 400u);
  EXPECT_GT(below, 400u);
  // A damaged set gives nothing.
  std::string buf;
  EncodeFingerprints(RandomSet(rng, 50), &buf);
  buf.resize(buf.size() / 2);
  std::vector<uint32_t> query = {1, 2, 3};
  EXPECT_FALSE(JaccardAtLeast(buf, 0, query, 0.0).has_value());
}

TEST(FingerprintSet, IsCompact) {
  std::mt19937 rng(9);
  std::string buf;
  EncodeFingerprints(RandomSet(rng, 850), &buf);
  // ~12.4 bits per element at 20 bits for 850 elements (Rice, k = 9).
  EXPECT_LT(buf.size(), 850u * 13 / 8 + 8);
}

TEST(FingerprintSet, RejectsDamagedBytes) {
  std::mt19937 rng(2);
  std::string buf;
  EncodeFingerprints(RandomSet(rng, 300), &buf);
  std::vector<uint32_t> out;
  int bits;
  for (size_t cut : {0u, 1u, 3u, 100u}) {  // truncated
    size_t pos = 0;
    EXPECT_FALSE(DecodeFingerprints(std::string_view(buf).substr(0, cut), &pos, &out, &bits))
        << cut;
  }
  std::string bad = buf;
  bad[2] = 40;  // k out of range
  size_t pos = 0;
  EXPECT_FALSE(DecodeFingerprints(bad, &pos, &out, &bits));
  std::string huge = "\xff\xff\xff\xff\x0f";  // n far above any article
  pos = 0;
  EXPECT_FALSE(DecodeFingerprints(huge + buf.substr(1), &pos, &out, &bits));
}

}  // namespace
}  // namespace parallax
