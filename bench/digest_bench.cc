// digest_bench: time to digest one 10-article story on one core (Google Benchmark).
//
// Stories: the 49 DUC 2004 task 2 clusters (10 newswire articles each), read in place from
// ../shared/data/duc2004/docs, cleaned and analysed once outside the timed loop. Timed per story:
// BM_AlignAndDigest = the sentence alignment the digest needs plus BuildDigest (what one digest
// costs in `parallax digest`); BM_Digest = BuildDigest alone. The driver checks that every
// digest is non-empty and within its 100-word budget before reporting.
//
// usage: digest_bench [--docs DIR] [Google Benchmark flags]
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <deque>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "align/align.h"
#include "analyze/analyze.h"
#include "clean/clean.h"
#include "digest/digest.h"
#include "parallax/reader.h"

namespace {

using namespace parallax;

struct BenchStory {
  std::deque<Article> articles;  // Documents point here
  std::vector<Document> docs;
  std::vector<const Document*> ptrs;
};

std::vector<std::unique_ptr<BenchStory>>& Stories() {
  static std::vector<std::unique_ptr<BenchStory>> stories;
  return stories;
}

bool Load(const std::string& root) {
  std::vector<std::filesystem::path> dirs;
  for (const auto& e : std::filesystem::directory_iterator(root)) {
    if (e.is_directory()) dirs.push_back(e.path());
  }
  std::sort(dirs.begin(), dirs.end());
  for (const auto& dir : dirs) {
    auto story = std::make_unique<BenchStory>();
    bool ok = true;
    ReadInputs(
        {dir.string()}, ReadOptions{}, [&](Article a) { story->articles.push_back(std::move(a)); },
        [&](const Rejection& r) {
          std::fprintf(stderr, "digest_bench: %s: %s\n", r.input.c_str(), r.error.c_str());
          ok = false;
        });
    if (!ok) return false;
    story->docs.reserve(story->articles.size());
    for (const Article& a : story->articles) {
      CleanResult c = Clean(a, CleanOptions{});
      story->docs.push_back(Analyze(a, c.paragraphs, std::move(c.removed), AnalyzeOptions{}));
    }
    for (const Document& d : story->docs) story->ptrs.push_back(&d);
    Stories().push_back(std::move(story));
  }
  return !Stories().empty();
}

// Every digest non-empty and within budget.
bool Check() {
  for (const auto& s : Stories()) {
    Alignment a = Align(s->ptrs, AlignOptions{});
    auto digest = BuildDigest(s->ptrs, a, DigestOptions{});
    size_t words = 0;
    for (const Statement& st : digest) words += CountWords(st.text);
    if (digest.empty() || words > 100) {
      std::fprintf(stderr, "digest_bench: check failed: %zu sentences, %zu words\n", digest.size(),
                   words);
      return false;
    }
  }
  return true;
}

void BM_AlignAndDigest(benchmark::State& state) {
  size_t i = 0;
  for (auto _ : state) {
    const BenchStory& s = *Stories()[i++ % Stories().size()];
    Alignment a = Align(s.ptrs, AlignOptions{});
    benchmark::DoNotOptimize(BuildDigest(s.ptrs, a, DigestOptions{}));
  }
  state.SetLabel("per 10-article story");
}
BENCHMARK(BM_AlignAndDigest)->Unit(benchmark::kMillisecond);

void BM_Digest(benchmark::State& state) {
  std::vector<Alignment> alignments;
  for (const auto& s : Stories()) alignments.push_back(Align(s->ptrs, AlignOptions{}));
  size_t i = 0;
  for (auto _ : state) {
    size_t k = i++ % Stories().size();
    benchmark::DoNotOptimize(BuildDigest(Stories()[k]->ptrs, alignments[k], DigestOptions{}));
  }
  state.SetLabel("per 10-article story");
}
BENCHMARK(BM_Digest)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
  std::string docs = "../shared/data/duc2004/docs";
  std::vector<char*> rest = {argv[0]};
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--docs") && i + 1 < argc) {
      docs = argv[++i];
    } else {
      rest.push_back(argv[i]);
    }
  }
  if (!Load(docs) || !Check()) return 1;
  int n = static_cast<int>(rest.size());
  benchmark::Initialize(&n, rest.data());
  benchmark::RunSpecifiedBenchmarks();
  return 0;
}
