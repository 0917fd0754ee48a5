#include "dedup/dedup_index.h"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>

namespace parallax {
namespace {

// Random "articles" over a fictional vocabulary; variants are made by syndication-like edits.
std::vector<std::string> RandomWords(std::mt19937& rng, size_t n) {
  std::uniform_int_distribution<int> pick(0, 3000);
  std::vector<std::string> w;
  for (size_t i = 0; i < n; ++i) w.push_back("v" + std::to_string(pick(rng)));
  return w;
}

std::string Join(const std::vector<std::string>& w) {
  std::string t;
  for (const auto& x : w) t += x + " ";
  return t;
}

Signature Sig(const std::vector<std::string>& w, const DedupOptions& o = {}) {
  return ComputeSignature(Join(w), o);
}

std::string TempPath(const std::string& name) {
  return (std::filesystem::temp_directory_path() / ("parallax_dedup_test_" + name)).string();
}

TEST(DedupIndex, ExactAndNearCopiesFoldIntoTheFirst) {
  std::mt19937 rng(7);
  DedupIndex index{DedupOptions{}};
  auto original = RandomWords(rng, 300);
  auto copy = original;
  copy.erase(copy.begin() + 100, copy.begin() + 115);        // a trimmed paragraph
  copy.insert(copy.begin() + 50, {"photo", "credit", "x"});  // an inserted caption
  EXPECT_FALSE(index.Find(Sig(original)));
  ASSERT_EQ(index.Add("a1", Sig(original)), std::optional<uint32_t>(0));

  auto exact = index.Find(ComputeSignature("  " + Join(original) + "!", {}));  // same words
  ASSERT_TRUE(exact);
  EXPECT_TRUE(exact->exact);
  EXPECT_EQ(index.Id(exact->original), "a1");
  auto near = index.Find(Sig(copy));
  ASSERT_TRUE(near);
  EXPECT_FALSE(near->exact);
  EXPECT_EQ(near->original, 0u);
  EXPECT_NEAR(near->jaccard, Jaccard(Sig(original).fingerprints, Sig(copy).fingerprints), 0.005);
  EXPECT_FALSE(index.Find(Sig(RandomWords(rng, 300))));
  EXPECT_FALSE(index.Add("empty", ComputeSignature("...", {})));
  EXPECT_EQ(index.size(), 1u);
}

TEST(DedupIndex, PicksTheMostSimilarOriginal) {
  std::mt19937 rng(1);
  DedupIndex index{DedupOptions{}};
  auto base = RandomWords(rng, 400);
  auto far = base, close = base;
  for (size_t i = 0; i < 20; ++i) far[i * 19] = "far" + std::to_string(i);
  for (size_t i = 0; i < 4; ++i) close[i * 90] = "close" + std::to_string(i);
  index.Add("far", Sig(far));
  index.Add("close", Sig(close));
  auto m = index.Find(Sig(base));
  ASSERT_TRUE(m);
  EXPECT_EQ(index.Id(m->original), "close");
}

TEST(DedupIndex, BandingFindsHighJaccardPairsAndVerificationRejectsLowOnes) {
  // A candidate that shares a band but is below the threshold is verified away.
  std::mt19937 rng(4);
  DedupOptions o{.threshold = 0.9};
  DedupIndex index(o);
  auto a = RandomWords(rng, 500);
  index.Add("a", Sig(a, o));
  auto b = a;
  for (size_t i = 0; i < 12; ++i) b[i * 40] = "edit" + std::to_string(i);  // J ~ 0.79
  double j = Jaccard(Sig(a, o).fingerprints, Sig(b, o).fingerprints);
  ASSERT_LT(j, 0.9);
  ASSERT_GT(j, 0.7);
  EXPECT_FALSE(index.Find(Sig(b, o)));
  DedupIndex loose{DedupOptions{.threshold = 0.7}};
  loose.Add("a", Sig(a));
  EXPECT_TRUE(loose.Find(Sig(b)));
}

TEST(DedupIndex, DriftedCopiesBridgeTheirGroup) {
  // A wire story, a truncated copy (J 0.75) and a copy of the copy (J 0.72 to it, 0.54 to the
  // story): the third joins the story's group through the second.
  std::mt19937 rng(12);
  auto story = RandomWords(rng, 600);
  auto copy = story;
  copy.erase(copy.begin() + 450, copy.end());  // truncated
  auto copy2 = copy;
  copy2.erase(copy2.begin() + 330, copy2.end());  // truncated further
  copy2.insert(copy2.end(), {"read", "more", "at", "our", "site"});
  DedupIndex index{DedupOptions{}};
  EXPECT_FALSE(index.FindOrAdd("story", Sig(story)));
  auto m1 = index.FindOrAdd("copy", Sig(copy));
  ASSERT_TRUE(m1);
  ASSERT_LT(m1->jaccard, 0.8);
  EXPECT_EQ(index.size(), 2u);  // bridged: indexed in the story's group
  ASSERT_LT(Jaccard(Sig(story).fingerprints, Sig(copy2).fingerprints), 0.6);
  auto m2 = index.FindOrAdd("copy2", Sig(copy2));
  ASSERT_TRUE(m2);
  EXPECT_EQ(index.Id(m2->original), "story");
  EXPECT_EQ(index.Id(m2->nearest), "copy");

  DedupIndex originals_only{DedupOptions{.bridge_below = 0}};
  originals_only.FindOrAdd("story", Sig(story));
  EXPECT_TRUE(originals_only.FindOrAdd("copy", Sig(copy)));
  EXPECT_FALSE(originals_only.FindOrAdd("copy2", Sig(copy2)));  // lost without the bridge
}

TEST(DedupIndex, BandingFollowsTheLshCurve) {
  // With threshold 0 every candidate verifies, so Find reports exactly the LSH candidates.
  // Over pairs at several Jaccard levels, the candidate rate must follow 1-(1-J^4)^16.
  std::mt19937 rng(31);
  for (double target : {0.3, 0.5, 0.7}) {
    DedupIndex index{DedupOptions{.threshold = 0.0, .bridge_below = 0.0}};
    double expected = 0;
    int found = 0;
    const int kPairs = 200;
    for (int p = 0; p < kPairs; ++p) {
      auto a = RandomWords(rng, 400);
      auto b = a;
      // Replace a contiguous run so that J = (400 - 4 - run) / (400 - 4 + run + ...) ~ target.
      const auto run = static_cast<size_t>(400 * (1 - target) / (1 + target));
      for (size_t i = 0; i < run; ++i)
        b[50 + i] = "x" + std::to_string(p) + "_" + std::to_string(i);
      Signature sa = Sig(a), sb = Sig(b);
      const double j = Jaccard(sa.fingerprints, sb.fingerprints);
      expected += 1 - std::pow(1 - std::pow(j, 4), 16);
      index.Add("a" + std::to_string(p), sa);
      found += index.Find(sb).has_value();
    }
    EXPECT_NEAR(static_cast<double>(found) / kPairs, expected / kPairs, 0.08) << "J ~ " << target;
  }
}

// Differential test: LSH + verification against brute-force all-pairs Jaccard (64-bit
// fingerprints, no banding) on a sample with pairs at every similarity level.
TEST(DedupIndex, AgreesWithBruteForce) {
  std::mt19937 rng(11);
  DedupOptions o;
  std::vector<std::vector<std::string>> docs;
  docs.reserve(300);
  for (int i = 0; i < 150; ++i) docs.push_back(RandomWords(rng, 150 + 10 * (i % 40)));
  for (int i = 0; i < 150; ++i) {  // variants at many edit levels
    auto v = docs[i];
    int edits = (i * 7) % 60;
    for (int e = 0; e < edits; ++e) v[(e * 37 + i) % v.size()] = "edit" + std::to_string(e);
    if (i % 3 == 0) v.resize(v.size() * 3 / 4);  // truncated
    docs.push_back(v);
  }
  std::shuffle(docs.begin(), docs.end(), rng);
  DedupIndex index(o);
  std::vector<Signature> sigs;
  sigs.reserve(docs.size());
  for (auto& d : docs) sigs.push_back(Sig(d, o));
  std::vector<uint32_t> originals;  // doc index of each slot
  int expected_copies = 0, found_copies = 0, missed = 0, bad = 0;
  for (uint32_t i = 0; i < docs.size(); ++i) {
    // Brute force: the earlier originals at or above the threshold.
    double best = 0;
    for (uint32_t d : originals)
      best = std::max(best, Jaccard(sigs[i].fingerprints, sigs[d].fingerprints));
    const bool expected = best >= o.threshold;
    auto found = index.Find(sigs[i]);
    if (found) {
      double j = Jaccard(sigs[i].fingerprints, sigs[originals[found->original]].fingerprints);
      // Verification is exact up to fingerprint collisions at 20 bits (fingerprint_set.h): one
      // collision moves a 400-shingle pair by 1/|A u B| ~ 0.0025.
      bad += j < o.threshold - 0.005;  // never a false positive
      EXPECT_NEAR(found->jaccard, j, 0.005);
      EXPECT_GE(found->jaccard, best - 0.005);  // and finds the best original
      ++found_copies;
    } else {
      originals.push_back(i);
      ASSERT_TRUE(index.Add(std::to_string(i), sigs[i]));
    }
    expected_copies += expected;
    missed += expected && !found && best >= 0.8;  // LSH recall at J >= 0.8 is 0.9999
  }
  EXPECT_EQ(bad, 0);
  EXPECT_EQ(missed, 0);
  // Between 0.6 and 0.8 LSH may miss a few (0.89 candidate probability at 0.6).
  EXPECT_GE(found_copies, expected_copies * 9 / 10);
  EXPECT_GT(expected_copies, 40);
}

TEST(DedupIndex, SavesAndReopens) {
  std::mt19937 rng(21);
  DedupOptions o;
  DedupIndex index(o);
  std::vector<std::vector<std::string>> docs;
  for (int i = 0; i < 50; ++i) {
    docs.push_back(RandomWords(rng, 200));
    index.Add("doc-" + std::to_string(i), Sig(docs.back()));
  }
  const std::string path = TempPath("roundtrip.pdx");
  ASSERT_TRUE(index.Save(path).ok());
  auto reopened = DedupIndex::Open(path, o);
  ASSERT_TRUE(reopened.ok()) << reopened.status().ToString();
  EXPECT_EQ((*reopened)->size(), 50u);
  for (int i = 0; i < 50; i += 7) {
    auto copy = docs[i];
    copy[10] = "changed";
    auto m = (*reopened)->Find(Sig(copy));
    ASSERT_TRUE(m);
    EXPECT_EQ((*reopened)->Id(m->original), "doc-" + std::to_string(i));
  }
  // The stream goes on: a new original gets the next slot and survives another round trip.
  EXPECT_EQ((*reopened)->Add("doc-50", Sig(RandomWords(rng, 200))), std::optional<uint32_t>(50));
  ASSERT_TRUE((*reopened)->Save(path).ok());
  auto again = DedupIndex::Open(path, o);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ((*again)->Id(50), "doc-50");
  // A bridging copy keeps its group across the round trip.
  auto drifted = docs[3];
  drifted.resize(140);
  auto m = (*again)->FindOrAdd("doc-3-copy", Sig(drifted));
  ASSERT_TRUE(m);
  ASSERT_TRUE((*again)->Save(path).ok());
  auto third = DedupIndex::Open(path, o);
  ASSERT_TRUE(third.ok());
  ASSERT_EQ((*third)->size(), 52u);
  auto back = (*third)->Find(Sig(drifted));
  ASSERT_TRUE(back);
  EXPECT_EQ((*third)->Id(back->original), "doc-3");
  EXPECT_EQ((*third)->Id(back->nearest), "doc-3-copy");
  std::filesystem::remove(path);
}

TEST(DedupIndex, RefusesMismatchedOrDamagedFiles) {
  std::mt19937 rng(22);
  DedupIndex index{DedupOptions{}};
  for (int i = 0; i < 20; ++i) index.Add("d" + std::to_string(i), Sig(RandomWords(rng, 100)));
  const std::string path = TempPath("damaged.pdx");
  ASSERT_TRUE(index.Save(path).ok());

  EXPECT_EQ(DedupIndex::Open(TempPath("missing.pdx"), {}).status().code(), StatusCode::kNotFound);
  for (DedupOptions other :
       {DedupOptions{.shingle = 4}, DedupOptions{.num_hashes = 128, .bands = 16},
        DedupOptions{.bands = 8}, DedupOptions{.threshold = 0.7}}) {
    auto r = DedupIndex::Open(path, other);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
    EXPECT_NE(
        r.status().message().find("index built with shingle=5 hashes=64 bands=16 threshold=0.6"),
        std::string::npos)
        << r.status().message();
  }

  std::string bytes;
  {
    std::ifstream in(path, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), {});
  }
  auto write = [&](const std::string& b) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << b;
  };
  auto code = [&] { return DedupIndex::Open(path, {}).status(); };

  std::string version = bytes;
  version[8] = 9;  // format version 9
  write(version);
  EXPECT_EQ(code().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(code().message().find("index format 9"), std::string::npos);

  write(bytes.substr(0, bytes.size() / 2));  // truncated
  EXPECT_EQ(code().code(), StatusCode::kDataLoss);
  EXPECT_NE(code().message().find("truncated"), std::string::npos);

  std::string flipped = bytes;
  flipped[bytes.size() / 2] ^= 0x10;  // one damaged bit
  write(flipped);
  EXPECT_EQ(code().code(), StatusCode::kDataLoss);

  write("");
  EXPECT_EQ(code().code(), StatusCode::kDataLoss);
  EXPECT_EQ(DedupIndex::Open(std::filesystem::temp_directory_path().string(), {}).status().code(),
            StatusCode::kInvalidArgument);
  write("not an index at all, just text");
  EXPECT_EQ(code().code(), StatusCode::kInvalidArgument);
  std::filesystem::remove(path);
}

TEST(DedupIndex, MemoryPerEntryIsSmall) {
  // ~850-shingle articles: the fingerprint set (~1.3 KB) dominates; tables add a few hundred
  // bytes. The 1M-article figure is measured by bench/dedup_bench (docs/benchmarks.md).
  std::mt19937 rng(8);
  DedupIndex index{DedupOptions{}};
  const int n = 2000;
  for (int i = 0; i < n; ++i) index.Add(std::to_string(i), Sig(RandomWords(rng, 850)));
  EXPECT_LT(index.MemoryBytes() / n, 2600u);  // blocks and tables are allocated ahead
}

}  // namespace
}  // namespace parallax
