// pipeline_bench: whole-pipeline throughput on the example corpus replicated to N articles.
//
// The corpus is replicated as bench/replica.h describes: each replica a new set of events.
// The driver checks its result (every replica's events found as stories) before reporting.
//
// usage: pipeline_bench [--articles N] [--threads T] [--corpus DIR]
#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "parallax/pipeline.h"
#include "parallax/reader.h"
#include "replica.h"

int main(int argc, char** argv) {
  size_t target = 10000;
  int threads = 0;
  std::string corpus = "examples/corpus";
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--articles"))
      target = std::strtoul(argv[i + 1], nullptr, 10);
    else if (!std::strcmp(argv[i], "--threads"))
      threads = std::atoi(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--corpus"))
      corpus = argv[i + 1];
  }
  size_t bytes = 0, base_size = 0;
  std::vector<parallax::Article> all =
      parallax_bench::ReplicatedCorpus(corpus, target, &bytes, &base_size);
  if (all.empty()) {
    std::fprintf(stderr, "pipeline_bench: cannot read %s\n", corpus.c_str());
    return 1;
  }
  parallax::PipelineOptions options;
  options.threads = threads;
  auto start = std::chrono::steady_clock::now();
  parallax::Pipeline pipeline(options);
  for (size_t i = 0; i < all.size(); i += 2048) {
    std::vector<parallax::Article> batch(
        std::make_move_iterator(all.begin() + static_cast<std::ptrdiff_t>(i)),
        std::make_move_iterator(all.begin() +
                                static_cast<std::ptrdiff_t>(std::min(all.size(), i + 2048))));
    pipeline.Add(std::move(batch));
  }
  parallax::Report report = pipeline.Finish();
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  size_t replicas = (target + base_size - 1) / base_size;
  // Check: one story per planted event per replica (12 events in examples/), give or take one.
  bool ok = report.articles_read == target && report.stories.size() >= replicas * 11 &&
            report.stories.size() <= replicas * 13 && report.rejected.empty();
  std::printf(
      "articles=%zu bytes=%.1fMB threads=%s stories=%zu seconds=%.3f articles_per_s=%.0f "
      "MB_per_s=%.2f check=%s\n",
      report.articles_read == target ? target : static_cast<size_t>(report.articles_read),
      bytes / 1e6, threads ? std::to_string(threads).c_str() : "all", report.stories.size(),
      seconds, target / seconds, bytes / 1e6 / seconds, ok ? "ok" : "FAILED");
  return ok ? 0 : 1;
}
