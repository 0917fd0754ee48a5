// `parallax cluster`: inputs -> the story of each article, without digests or comparisons.
#include "cluster_main.h"

#include <nlohmann/json.hpp>

#include <unordered_map>

#include "common.h"
#include "parallax/render.h"

namespace parallax::cli {

void AddClusterCommand(CLI::App& app, ClusterFlags* f) {
  CLI::App* cmd = app.add_subcommand(
      "cluster",
      "Group articles into stories and print each article's story: `id<TAB>story` lines in "
      "replay order (the format ../shared/tools/score_clusters.py reads), or JSON Lines. Stories "
      "are numbered s1, s2, ... by size, as in digest; a folded copy is in its original's story.");
  cmd->add_option("inputs", f->inputs,
                  "Files, folders (recursive) or - for stdin, as for digest. Articles with a title "
                  "and no text (headline feeds) are clustered on the title.")
      ->required();
  cmd->add_option("-f,--format", f->format,
                  "Output format: tsv (id<TAB>story) or jsonl (one object per article: id, story, "
                  "outlet, published, and duplicate_of for a copy). Default tsv.")
      ->check(CLI::IsMember({"tsv", "jsonl"}));
  cmd->add_option("-o,--output", f->output, "Write to this file instead of stdout.");
  AddPipelineFlags(cmd, &f->options);
  cmd->footer(kExitCodesHelp);
}

int RunCluster(ClusterFlags& f) {
  f.options.summarize = false;
  std::vector<std::string> order;
  Report report = RunPipeline(f.inputs, f.options, &order);
  struct Filed {
    const Story* story;
    const StoryArticle* article;
  };
  std::unordered_map<std::string_view, Filed> filed;
  for (const Story& s : report.stories) {
    for (const StoryArticle& a : s.articles) filed[a.id] = {&s, &a};
  }
  std::string out;
  for (const std::string& id : order) {
    auto it = filed.find(id);
    if (it == filed.end()) continue;  // rejected: listed on stderr
    const auto& [story, article] = it->second;
    if (f.format == "tsv") {
      // Ids are written as read; a tab or newline in one would break the line format.
      for (char c : id) out.push_back(c == '\t' || c == '\n' || c == '\r' ? ' ' : c);
      out += '\t';
      out += story->id;
      out += '\n';
    } else {
      nlohmann::json j{{"id", id}, {"story", story->id}};
      if (!article->outlet.empty()) j["outlet"] = article->outlet;
      if (article->published) j["published"] = FormatIsoTime(*article->published);
      if (!article->duplicate_of.empty()) j["duplicate_of"] = article->duplicate_of;
      out += j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
      out += '\n';
    }
  }
  PrintRejections(report.rejected);
  if (!WriteOutput(f.output, out)) return kExitFailure;
  return ExitCodeFor(report.articles_read, report.rejected.size());
}

}  // namespace parallax::cli
