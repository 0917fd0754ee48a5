// The parallax command line: one subcommand per file (digest_main.cc, clean_main.cc).
#include <CLI/CLI.hpp>

#include <cstdio>
#include <iostream>

#include "analyze_main.h"
#include "clean_main.h"
#include "cluster_main.h"
#include "common.h"
#include "dedup_main.h"
#include "digest_main.h"
#include "extract_main.h"
#include "serve_main.h"

int Main(int argc, char** argv) {
  using namespace parallax::cli;
  CLI::App app{
      "parallax: news articles from many outlets in, stories out — each with a digest whose "
      "sentences name their sources, and a side-by-side of what the sources agree on, what only "
      "one reports, and where they conflict."};
  app.require_subcommand(1);
  app.footer(kExitCodesHelp);
  DigestFlags digest;
  CleanFlags clean;
  AnalyzeFlags analyze;
  ClusterFlags cluster;
  DedupFlags dedup;
  ExtractFlags extract;
  ServeFlags serve;
  AddDigestCommand(app, &digest);
  AddCleanCommand(app, &clean);
  AddAnalyzeCommand(app, &analyze);
  AddClusterCommand(app, &cluster);
  AddDedupCommand(app, &dedup);
  AddExtractCommand(app, &extract);
  AddServeCommand(app, &serve);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kExitUsage;
  }
  try {
    if (app.got_subcommand("digest")) return RunDigest(digest);
    if (app.got_subcommand("clean")) return RunClean(clean);
    if (app.got_subcommand("analyze")) return RunAnalyze(analyze);
    if (app.got_subcommand("cluster")) return RunCluster(cluster);
    if (app.got_subcommand("dedup")) return RunDedup(dedup);
    if (app.got_subcommand("extract")) return RunExtract(extract);
    if (app.got_subcommand("serve")) return RunServe(serve);
  } catch (const std::exception& e) {  // a bug or out of memory: say so, never crash silently
    std::cerr << "parallax: internal error: " << e.what() << "\n";
    return kExitFailure;
  }
  return kExitUsage;
}

// An exception that escapes (out of memory, a library's) ends the run with a message, not an
// abort.
int main(int argc, char** argv) {
  try {
    return Main(argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "parallax: %s\n", e.what());
  } catch (...) {
    std::fprintf(stderr, "parallax: unexpected exception\n");
  }
  return parallax::cli::kExitFailure;
}
