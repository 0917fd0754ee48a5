#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

#include "parallax/options.h"

namespace parallax::cli {

struct ClusterFlags {
  std::vector<std::string> inputs;
  std::string format = "tsv";
  std::string output;
  PipelineOptions options;
};

void AddClusterCommand(CLI::App& app, ClusterFlags* flags);
int RunCluster(ClusterFlags& flags);

}  // namespace parallax::cli
