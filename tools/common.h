// Shared by the parallax subcommands: exit codes, reading inputs, writing output.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <string>
#include <vector>

#include "parallax/article.h"

#include "parallax/options.h"
#include "parallax/report.h"

namespace parallax::cli {

// Exit codes (documented in README.md and --help).
enum ExitCode : int {
  kExitOk = 0,             // all input was used
  kExitFailure = 1,        // could not write the output, or an internal error
  kExitUsage = 2,          // bad command line
  kExitSomeRejected = 3,   // some input was rejected (listed), the rest was used
  kExitNothingUsable = 4,  // no usable article in the input
};

constexpr const char* kExitCodesHelp =
    "Exit codes: 0 all input used; 1 output or internal error; 2 usage error; "
    "3 some input rejected (listed), the rest used; 4 no usable article.";

// Exit code for a finished run.
int ExitCodeFor(uint64_t accepted, size_t rejected);

// Writes `data` to `path` ("" or "-" = stdout). Returns false (after a message) on failure.
bool WriteOutput(const std::string& path, const std::string& data);

// Prints each rejection to stderr as "parallax: <input>: <error>".
void PrintRejections(const std::vector<Rejection>& rejected);

// Adds the flags shared by the subcommands that group articles into stories (digest,
// cluster): thresholds and threads.
void AddPipelineFlags(CLI::App* cmd, PipelineOptions* options);

// Reads `inputs`, replays them in publication order (SortForReplay) through a Pipeline and
// returns its report; unreadable inputs are in report.rejected. If `order` is given, it
// receives the ids of the articles in replay order.
Report RunPipeline(const std::vector<std::string>& inputs, const PipelineOptions& options,
                   std::vector<std::string>* order = nullptr);

// For the per-article subcommands: reads `inputs`, lets `render` append each article's output,
// prints rejections to stderr, writes the output. Returns the exit code.
int RunPerArticle(const std::vector<std::string>& inputs, const ReadOptions& read,
                  const std::string& output,
                  const std::function<void(const Article&, std::string*)>& render);

}  // namespace parallax::cli
