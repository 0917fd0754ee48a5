// Clustering-stage throughput and scale: replays the features of real articles (analysed once,
// not timed) through the OnlineClusterer on one core, with fresh timestamps moving forward.
//
//   cluster_bench --input SET.jsonl --articles N [--seconds-apart S] [--split-ratio R]
//
// Prints articles/s over the whole run, the time per article over the first and the last
// 10,000 articles, live stories at the end and peak RSS. Run through bench/run_cluster_bench.sh.
#include <sys/resource.h>
#include <ctime>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "cluster/features.h"
#include "cluster/online_clusterer.h"
#include "cluster_features.h"
#include "parallax/pipeline.h"
#include "parallax/reader.h"

int main(int argc, char** argv) {
  using namespace parallax;
  std::string input;
  size_t n = 100000;
  double apart = 2.6;  // seconds between articles: 1,000,000 a month, as a monthly news crawl
  ClusterOptions options;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string a = argv[i];
    if (a == "--input") input = argv[i + 1];
    if (a == "--articles") n = std::stoul(argv[i + 1]);
    if (a == "--seconds-apart") apart = std::stod(argv[i + 1]);
    if (a == "--split-ratio") options.split_ratio = std::stod(argv[i + 1]);  // 0: never split
  }
  if (input.empty()) {
    std::cerr << "usage: cluster_bench --input SET.jsonl --articles N [--seconds-apart S] "
                 "[--split-ratio R]\n";
    return 2;
  }
  std::vector<Article> articles;
  ReadInputs(
      {input}, ReadOptions{}, [&](Article a) { articles.push_back(std::move(a)); },
      [](const Rejection&) {});
  SortForReplay(articles);
  size_t bytes = 0;
  for (const Article& a : articles) bytes += a.title.size() + a.text.size();
  std::vector<ArticleFeatures> features = FeaturesOf(articles);
  articles.clear();

  constexpr size_t kGenerations = 200;
  OnlineClusterer c(options);
  // Thread CPU time, not wall time: the figure is per core, and on a shared machine wall time
  // counts other processes' turns too.
  struct Clock {
    using time_point = std::chrono::duration<double>;
    static time_point now() {
      timespec ts{};
      clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
      return time_point(static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9);
    }
  };
  const size_t window = std::min<size_t>(10000, n / 2);
  double first = 0, last = 0;
  auto start = Clock::now(), mark = start;
  for (size_t i = 0; i < n; ++i) {
    // Each pass over the input is a new generation of stories: its terms are salted, one of
    // kGenerations salts in turn, so a replayed article does not join its own earlier copy;
    // a generation's stories have retired (3 days) before its salt comes round again.
    ArticleFeatures f = features[i % features.size()];
    const uint64_t generation = (i / features.size()) % kGenerations;
    const uint64_t salt = generation * 0x9E3779B97F4A7C15ull;
    for (auto& [name, w] : f.surnames) {  // new people too: shift the letters (a Caesar cipher)
      for (char& ch : name) {
        if (ch >= 'a' && ch <= 'z') ch = static_cast<char>('a' + (ch - 'a' + generation) % 26);
      }
    }
    for (auto* v : {&f.terms, &f.title, &f.entities}) {
      for (auto& [term, w] : *v) term ^= salt;
      std::sort(v->begin(), v->end());
    }
    f.time = static_cast<int64_t>(1.7e9 + static_cast<double>(i) * apart);
    c.Add(f);
    if (i + 1 == window) first = (Clock::now() - mark).count();
    if (i + 1 == n - window) mark = Clock::now();
  }
  auto end = Clock::now();
  last = (end - mark).count();
  double total = (end - start).count();
  const size_t live = c.live_stories(), created = c.stories(), merges = c.merges().size(),
               moved = c.moved_articles();
  c.EndOfInput();  // once per input, not per article: timed apart from the stream
  const double at_end = (Clock::now() - end).count();
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  std::printf("input=%s (%zu articles, %.0f bytes of text each on average) articles=%zu\n",
              input.c_str(), features.size(),
              static_cast<double>(bytes) / static_cast<double>(features.size()), n);
  std::printf(
      "clustering: %.0f articles per CPU-second on one core; first %zu: %.1f us/article, last %zu: "
      "%.1f us/article (ratio %.2f)\n",
      static_cast<double>(n) / total, window, first / static_cast<double>(window) * 1e6, window,
      last / static_cast<double>(window) * 1e6, last / first);
  std::printf("stories created %zu, live at the end %zu; peak RSS %.0f MiB\n", created, live,
              static_cast<double>(ru.ru_maxrss) / 1024.0);
  std::printf(
      "end of input: %.0f ms (%zu fragments merged, %zu stories split off, %zu articles moved)\n",
      at_end * 1e3, c.merges().size() - merges, c.stories() - created, c.moved_articles() - moved);
  return 0;
}
