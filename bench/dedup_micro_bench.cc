// Google Benchmark micro-benchmarks of near-duplicate detection, for regressions in the parts
// dedup_bench (the 10k/100k/1M driver) times together:
//   ./build/bench/dedup_micro_bench
// BM_Signature: one ~5 KB article's words, shingles and MinHash. BM_FindOrAdd/N: matching and
// indexing one article against an index of N texts. BM_Verify: one candidate's exact Jaccard.
// Texts are generated here (fictional pseudo-words), never taken from data sets.
#include <benchmark/benchmark.h>

#include <random>
#include <string>
#include <vector>

#include "dedup/dedup_index.h"

namespace parallax {
namespace {

std::string Text(std::mt19937_64& rng, size_t bytes) {
  static const char* kSyllables[] = {"ka", "lor", "vin", "sta", "mer",
                                     "du", "hol", "tra", "en",  "is"};
  std::string t;
  while (t.size() < bytes) {
    for (int s = 0, n = 1 + static_cast<int>(rng() % 3); s < n; ++s) t += kSyllables[rng() % 10];
    t += rng() % 16 == 0 ? ". " : " ";
  }
  return t;
}

void BM_Signature(benchmark::State& state) {
  std::mt19937_64 rng(1);
  const std::string text = Text(rng, 5000);
  for (auto _ : state) benchmark::DoNotOptimize(ComputeSignature(text, DedupOptions{}));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_Signature);

constexpr int kQueries = 20000;

void BM_FindOrAdd(benchmark::State& state) {
  std::mt19937_64 rng(2);
  DedupIndex index{DedupOptions{}};
  // Short texts fill the index quickly; the tables and buckets are what is measured.
  for (int64_t i = 0; i < state.range(0); ++i)
    index.Add(std::to_string(i), ComputeSignature(Text(rng, 600), {}));
  // Distinct new texts (each is indexed as an original), as many as the iterations.
  std::vector<Signature> queries;
  queries.reserve(kQueries);
  for (int i = 0; i < kQueries; ++i) queries.push_back(ComputeSignature(Text(rng, 5000), {}));
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(index.FindOrAdd(std::to_string(i), queries[i]));
    ++i;
  }
}
BENCHMARK(BM_FindOrAdd)->Arg(10000)->Arg(100000)->Iterations(kQueries);

void BM_Verify(benchmark::State& state) {
  std::mt19937_64 rng(3);
  const std::string text = Text(rng, 5000);
  std::string copy = text;
  copy.erase(copy.size() / 2, 300);
  DedupIndex index{DedupOptions{}};
  index.Add("original", ComputeSignature(text, {}));
  const Signature sig = ComputeSignature(copy, {});
  for (auto _ : state) benchmark::DoNotOptimize(index.Find(sig));
}
BENCHMARK(BM_Verify);

}  // namespace
}  // namespace parallax

BENCHMARK_MAIN();
