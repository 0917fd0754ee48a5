// `parallax extract`: what parallax reads in web pages and crawls — one JSON line per article
// with its metadata (title, author, outlet, url, published, lang) and main text. Reads HTML
// files, folders of them, WARC files (.warc, .warc.gz) and everything else ReadInputs reads,
// extracting pages on all cores; --text-dir also writes each text to <id>.txt (the layout the
// extraction scorers in ../shared/tools read).
#include "extract_main.h"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "common.h"
#include "util/time.h"

namespace parallax::cli {
namespace {

using nlohmann::ordered_json;

ordered_json ToJson(const Article& a) {
  ordered_json j;
  j["id"] = a.id;
  j["title"] = a.title;
  j["author"] = a.author;
  j["outlet"] = a.outlet;
  j["url"] = a.url;
  j["published"] = a.published ? ordered_json(FormatIso8601(*a.published)) : ordered_json(nullptr);
  j["lang"] = a.lang;
  j["origin"] = a.origin;
  j["text"] = a.text;
  return j;
}

// A file name for `id`: path separators and control characters replaced, so a WARC record id
// or URL cannot write outside the folder.
std::string SafeFileName(const std::string& id) {
  std::string name;
  for (char c : id) {
    name += (c == '/' || c == '\\' || static_cast<unsigned char>(c) < 0x20 || c == ':') ? '_' : c;
  }
  if (name.empty() || name == "." || name == "..") name = "_" + name;
  return name.substr(0, 200);
}

}  // namespace

void AddExtractCommand(CLI::App& app, ExtractFlags* f) {
  CLI::App* cmd = app.add_subcommand(
      "extract",
      "Extract articles from web pages and crawls: one JSON line per article with its title, "
      "author, outlet, url, published time (ISO 8601, UTC), language and main text. Reads HTML "
      "files (.html, .htm, also .html.gz), WARC files (.warc, .warc.gz; HTML responses only), "
      "folders of them, and JSON Lines or text articles.");
  cmd->add_option("inputs", f->inputs, "Files, folders (recursive) or - for stdin.")->required();
  cmd->add_option("-o,--output", f->output, "Write the JSON lines to this file instead of stdout.");
  cmd->add_option("--text-dir", f->text_dir,
                  "Also write each article's text to DIR/<id>.txt (the layout of the extraction "
                  "scorers).");
  cmd->add_option("-j,--threads", f->read.threads, "Extraction threads; 0 = all cores (default).")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--max-page-bytes", f->read.max_page_bytes,
                  "Largest HTML page read, bytes (default 16 MiB); larger pages are rejected.");
  cmd->add_option("--max-html-nodes", f->read.max_html_nodes,
                  "Most elements and text nodes in one page (default 2,000,000).");
  cmd->add_option("--max-html-depth", f->read.max_html_depth,
                  "Deepest element nesting in one page (default 512).");
  cmd->add_option("--max-warc-record-bytes", f->read.max_warc_record_bytes,
                  "Largest WARC record, bytes (default 64 MiB); larger records are skipped.");
  cmd->footer(kExitCodesHelp);
}

int RunExtract(ExtractFlags& f) {
  if (!f.text_dir.empty()) {
    std::error_code ec;
    std::filesystem::create_directories(f.text_dir, ec);
    if (ec) {
      std::cerr << "parallax: cannot create " << f.text_dir << ": " << ec.message() << "\n";
      return kExitFailure;
    }
  }
  bool text_failed = false;
  int code = RunPerArticle(f.inputs, f.read, f.output, [&](const Article& a, std::string* out) {
    *out += ToJson(a).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    if (f.text_dir.empty()) return;
    std::ofstream text(std::filesystem::path(f.text_dir) / (SafeFileName(a.id) + ".txt"),
                       std::ios::binary | std::ios::trunc);
    text << a.text;
    if (!text && !text_failed) {
      std::cerr << "parallax: cannot write to " << f.text_dir << "\n";
      text_failed = true;
    }
  });
  return text_failed ? kExitFailure : code;
}

}  // namespace parallax::cli
