#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

#include "parallax/options.h"

namespace parallax::cli {

struct CleanFlags {
  std::vector<std::string> inputs;
  std::string output;
  bool explain = false;
  ReadOptions read;
};

void AddCleanCommand(CLI::App& app, CleanFlags* flags);
int RunClean(CleanFlags& flags);

}  // namespace parallax::cli
