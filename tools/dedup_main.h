#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

#include "parallax/options.h"

namespace parallax::cli {

struct DedupFlags {
  std::vector<std::string> inputs;
  std::string output;
  std::string index;  // index file to continue from and save to; empty = none
  bool stats = false;
  int threads = 0;
  ReadOptions read;
  DedupOptions dedup;
};

void AddDedupCommand(CLI::App& app, DedupFlags* flags);
int RunDedup(DedupFlags& flags);

}  // namespace parallax::cli
