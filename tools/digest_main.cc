// `parallax digest`: inputs -> stories with digests and the side-by-side of sources.
#include "digest_main.h"

#include <algorithm>
#include <cstdint>
#include <iostream>

#include "common.h"
#include "parallax/pipeline.h"
#include "parallax/reader.h"
#include "parallax/render.h"

namespace parallax::cli {

void AddDigestCommand(CLI::App& app, DigestFlags* f) {
  CLI::App* cmd = app.add_subcommand(
      "digest", "Group articles into stories; per story a digest with sources, what the sources "
                "agree on, what only one reports, and where they conflict.");
  cmd->add_option("inputs", f->inputs,
                  "Files, folders (recursive) or - for stdin. .jsonl/.ndjson/.json are JSON Lines; "
                  "anything else is one plain-text article (optional title line + blank line).")
      ->required();
  cmd->add_option("-f,--format", f->format, "Output format: text, json or html (default text).")
      ->check(CLI::IsMember({"text", "json", "html"}));
  cmd->add_option("-o,--output", f->output, "Write to this file instead of stdout.");
  cmd->add_option("-w,--words", f->options.digest.words, "Word budget of each digest (default 100).")
      ->check(CLI::Range(1, 100000));
  cmd->add_option("--min-confidence", f->options.compare.min_confidence,
                  "Report conflicts at or above this confidence, 0..1 (default 0.5).")
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_option("--cluster-threshold", f->options.cluster.threshold,
                  "Cosine similarity to a story needed to join it (default 0.22): lower merges "
                  "more, higher splits stories.")
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_option("--dedup-threshold", f->options.dedup.threshold,
                  "Shingle Jaccard at or above which an article is a copy (default 0.6).")
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_flag("--one-story", f->options.one_story,
               "Treat all inputs as one story (no clustering; copies are still folded), e.g. a "
               "folder of articles already grouped by hand.");
  cmd->add_option("-j,--threads", f->options.threads, "Worker threads; 0 = all cores (default).")
      ->check(CLI::Range(0, 1024));
  cmd->add_flag("--explain", f->explain, "Also list what the cleaner removed from each article, and why.");
  cmd->footer(kExitCodesHelp);
}

int RunDigest(DigestFlags& f) {
  f.options.clean.explain = f.explain;
  Pipeline pipeline(f.options);
  std::vector<Article> articles;
  ReadInputs(
      f.inputs, f.options.read, [&](Article a) { articles.push_back(std::move(a)); },
      [&](Rejection r) { pipeline.Reject(std::move(r)); });
  // Replayed in publication order, so the first outlet to publish a wire story is its original
  // and stories grow as they did in the news cycle.
  SortForReplay(articles);
  // Batches of 2,048 keep the per-article stages busy on all cores.
  constexpr size_t kBatch = 2048;
  for (size_t i = 0; i < articles.size(); i += kBatch) {
    size_t end = std::min(articles.size(), i + kBatch);
    pipeline.Add(std::vector<Article>(std::make_move_iterator(articles.begin() + static_cast<long>(i)),
                                      std::make_move_iterator(articles.begin() + static_cast<long>(end))));
  }
  Report report = pipeline.Finish();

  RenderOptions render;
  render.explain = f.explain;
  std::string out = f.format == "json" ? RenderJson(report, render)
                    : f.format == "html" ? RenderHtml(report, render)
                                         : RenderText(report, render);
  // In text mode rejections also go to stderr; JSON and HTML carry them in the output.
  if (f.format == "text") PrintRejections(report.rejected);
  if (!WriteOutput(f.output, out)) return kExitFailure;
  return ExitCodeFor(report.articles_read, report.rejected.size());
}

}  // namespace parallax::cli
