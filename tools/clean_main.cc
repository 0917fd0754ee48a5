// `parallax clean`: shows each article's body after noise removal; with --explain, every line
// with what was removed and why.
#include "clean_main.h"

#include <algorithm>

#include "clean/clean.h"
#include "common.h"
#include "parallax/reader.h"

namespace parallax::cli {
namespace {

void AppendArticle(const Article& a, const CleanResult& r, bool explain, std::string* out) {
  *out += "== " + a.id + (a.origin.empty() ? "" : " (" + a.origin + ")") + "\n";
  if (!a.title.empty()) *out += "# " + a.title + "\n";
  // Kept paragraphs and removals, merged in text order.
  size_t k = 0, r_i = 0;
  while (k < r.paragraphs.size() || (explain && r_i < r.removed.size())) {
    bool take_removed = explain && r_i < r.removed.size() &&
                        (k >= r.paragraphs.size() || r.removed[r_i].begin < r.paragraphs[k].begin);
    if (take_removed) {
      const Removal& x = r.removed[r_i++];
      *out += "- [" + x.reason + "] " + a.text.substr(x.begin, x.end - x.begin) + "\n";
    } else {
      *out += (explain ? "  " : "") + std::string(r.paragraphs[k++].Of(a.text)) + "\n";
    }
  }
  *out += "\n";
}

}  // namespace

void AddCleanCommand(CLI::App& app, CleanFlags* f) {
  CLI::App* cmd = app.add_subcommand(
      "clean",
      "Print each article's body with scraped noise removed (captions, credits, promos, "
      "bylines, share prompts, repeats).");
  cmd->add_option("inputs", f->inputs, "Files, folders (recursive) or - for stdin.")->required();
  cmd->add_option("-o,--output", f->output, "Write to this file instead of stdout.");
  cmd->add_flag("--explain", f->explain,
                "Print every line: kept lines indented, removed lines as '- [reason] text'.");
  cmd->footer(kExitCodesHelp);
}

int RunClean(CleanFlags& f) {
  return RunPerArticle(f.inputs, f.read, f.output, [&](const Article& a, std::string* out) {
    AppendArticle(a, Clean(a, CleanOptions{}), f.explain, out);
  });
}

}  // namespace parallax::cli
