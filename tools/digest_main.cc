// `parallax digest`: inputs -> stories with digests and the side-by-side of sources.
#include "digest_main.h"

#include <iostream>

#include "common.h"
#include "parallax/render.h"

namespace parallax::cli {

void AddDigestCommand(CLI::App& app, DigestFlags* f) {
  CLI::App* cmd = app.add_subcommand(
      "digest",
      "Group articles into stories; per story a digest with sources, what the sources "
      "agree on, what only one reports, and where they conflict.");
  cmd->add_option("inputs", f->inputs,
                  "Files, folders (recursive) or - for stdin. .jsonl/.ndjson/.json are JSON Lines; "
                  "anything else is one plain-text article (optional title line + blank line).")
      ->required();
  cmd->add_option("-f,--format", f->format, "Output format: text, json or html (default text).")
      ->check(CLI::IsMember({"text", "json", "html"}));
  cmd->add_option("-o,--output", f->output, "Write to this file instead of stdout.");
  cmd->add_option("-w,--words", f->options.digest.words,
                  "Word budget of each digest (default 100).")
      ->check(CLI::Range(1, 100000));
  cmd->add_option("--min-confidence", f->options.compare.min_confidence,
                  "Report conflicts at or above this confidence, 0..1 (default 0.5).")
      ->check(CLI::Range(0.0, 1.0));
  AddPipelineFlags(cmd, &f->options);
  cmd->add_flag("--one-story", f->options.one_story,
                "Treat all inputs as one story (no clustering; copies are still folded), e.g. a "
                "folder of articles already grouped by hand.");
  cmd->add_flag("--explain", f->explain,
                "Also list what the cleaner removed from each article, and why.");
  cmd->footer(kExitCodesHelp);
}

int RunDigest(DigestFlags& f) {
  f.options.clean.explain = f.explain;
  Report report = RunPipeline(f.inputs, f.options);

  RenderOptions render;
  render.explain = f.explain;
  std::string out = f.format == "json"   ? RenderJson(report, render)
                    : f.format == "html" ? RenderHtml(report, render)
                                         : RenderText(report, render);
  // In text mode rejections also go to stderr; JSON and HTML carry them in the output.
  if (f.format == "text") PrintRejections(report.rejected);
  if (!WriteOutput(f.output, out)) return kExitFailure;
  return ExitCodeFor(report.articles_read, report.rejected.size());
}

}  // namespace parallax::cli
