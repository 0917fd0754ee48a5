#include "common.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <optional>

#include "cluster/online_clusterer.h"
#include "parallax/pipeline.h"
#include "parallax/reader.h"

namespace parallax::cli {

int ExitCodeFor(uint64_t accepted, size_t rejected) {
  if (accepted == 0) return kExitNothingUsable;
  return rejected > 0 ? kExitSomeRejected : kExitOk;
}

bool WriteOutput(const std::string& path, const std::string& data) {
  if (path.empty() || path == "-") {
    std::cout.write(data.data(), static_cast<std::streamsize>(data.size()));
    std::cout.flush();
    return static_cast<bool>(std::cout);
  }
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(data.data(), static_cast<std::streamsize>(data.size()));
  out.close();
  if (!out) {
    std::cerr << "parallax: cannot write " << path << "\n";
    return false;
  }
  return true;
}

void PrintRejections(const std::vector<Rejection>& rejected) {
  for (const Rejection& r : rejected)
    std::cerr << "parallax: " << r.input << ": " << r.error << "\n";
}

void AddPipelineFlags(CLI::App* cmd, PipelineOptions* o) {
  cmd->add_option("--cluster-threshold", o->cluster.threshold,
                  "Probability, from the calibrated clustering model, that an article belongs "
                  "to a story, needed to join it (default " +
                      std::to_string(ClusterOptions{}.threshold).substr(0, 4) +
                      "): lower merges more, higher splits stories.")
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_option("--headline-merge", o->cluster.headline_merge_threshold,
                  "Probability at which a story of headlines (no body text) merges into another "
                  "story, re-read as it grows; above 1 never (default: the calibrated " +
                      std::to_string(DefaultClusterModel().headline_merge).substr(0, 4) + ").")
      ->check(CLI::Range(0.0, 2.0));
  cmd->add_option("--fragment-merge", o->cluster.fragment_merge_threshold,
                  "Probability at which, at the end of the input, a story of fewer than 4 full "
                  "articles, re-read as one article, merges into its most probable other story; "
                  "above 1 never (default: the --cluster-threshold, the story it would join "
                  "now).")
      ->check(CLI::Range(0.0, 2.0));
  cmd->add_option("--split-ratio", o->cluster.split_ratio,
                  "A story of full articles splits in two when its members form two groups of "
                  "4 or more whose similarity across is below this share of the similarity "
                  "within (read at 8, 12, 16, 24, 32 and 48 articles; default 0.80); 0 never.")
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_option("--half-life", o->cluster.half_life_seconds,
                  "Seconds between an article and a story's last article that halve the odds of "
                  "joining it (default 86400 = 1 day).")
      ->check(CLI::Range(int64_t{1}, int64_t{100} * 365 * 24 * 3600));
  cmd->add_option("--dedup-threshold", o->dedup.threshold,
                  "Shingle Jaccard at or above which an article is a copy (default 0.6).")
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_option("-j,--threads", o->threads, "Worker threads; 0 = all cores (default).")
      ->check(CLI::Range(0, 1024));
}

Report RunPipeline(const std::vector<std::string>& inputs, const PipelineOptions& options,
                   std::vector<std::string>* order) {
  std::vector<Article> articles;
  std::vector<Rejection> unreadable;
  ReadInputs(
      inputs, options.read, [&](Article a) { articles.push_back(std::move(a)); },
      [&](Rejection r) { unreadable.push_back(std::move(r)); });
  // Replayed in publication order, so the first outlet to publish a wire story is its original
  // and stories grow as they did in the news cycle.
  SortForReplay(articles);
  // Retirement bounds memory on an endless stream; a batch read from files is in memory
  // already, so none of its stories retires before the batch ends. Undated articles replay
  // last and must still find the stories of the batch's first days.
  PipelineOptions o = options;
  std::optional<int64_t> first, last;
  for (const Article& a : articles) {
    if (!a.published) continue;
    first = std::min(first.value_or(*a.published), *a.published);
    last = std::max(last.value_or(*a.published), *a.published);
  }
  if (first)
    o.cluster.retire_after_seconds = std::max(o.cluster.retire_after_seconds, *last - *first + 1);
  Pipeline pipeline(o);
  for (Rejection& r : unreadable) pipeline.Reject(std::move(r));
  if (order) {
    order->reserve(articles.size());
    for (const Article& a : articles) order->push_back(a.id);
  }
  // Batches of 2,048 keep the per-article stages busy on all cores.
  constexpr size_t kBatch = 2048;
  for (size_t i = 0; i < articles.size(); i += kBatch) {
    size_t end = std::min(articles.size(), i + kBatch);
    pipeline.Add(
        std::vector<Article>(std::make_move_iterator(articles.begin() + static_cast<long>(i)),
                             std::make_move_iterator(articles.begin() + static_cast<long>(end))));
  }
  return pipeline.Finish();
}

int RunPerArticle(const std::vector<std::string>& inputs, const ReadOptions& read,
                  const std::string& output,
                  const std::function<void(const Article&, std::string*)>& render) {
  std::string out;
  uint64_t accepted = 0;
  std::vector<Rejection> rejected;
  ReadInputs(
      inputs, read,
      [&](const Article& a) {
        ++accepted;
        render(a, &out);
      },
      [&](Rejection r) { rejected.push_back(std::move(r)); });
  PrintRejections(rejected);
  if (!WriteOutput(output, out)) return kExitFailure;
  return ExitCodeFor(accepted, rejected.size());
}

}  // namespace parallax::cli
