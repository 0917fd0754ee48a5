#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

#include "parallax/options.h"

namespace parallax::cli {

struct ExtractFlags {
  std::vector<std::string> inputs;
  std::string output;
  std::string text_dir;
  ReadOptions read;
};

void AddExtractCommand(CLI::App& app, ExtractFlags* flags);
int RunExtract(ExtractFlags& flags);

}  // namespace parallax::cli
