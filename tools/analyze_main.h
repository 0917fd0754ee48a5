#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

#include "parallax/options.h"

namespace parallax::cli {

struct AnalyzeFlags {
  std::vector<std::string> inputs;
  std::string output;
  ReadOptions read;
};

void AddAnalyzeCommand(CLI::App& app, AnalyzeFlags* flags);
int RunAnalyze(AnalyzeFlags& flags);

}  // namespace parallax::cli
