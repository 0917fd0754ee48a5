#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

#include "parallax/options.h"

namespace parallax::cli {

struct DigestFlags {
  std::vector<std::string> inputs;
  std::string format = "text";
  std::string output;
  bool explain = false;
  PipelineOptions options;
};

void AddDigestCommand(CLI::App& app, DigestFlags* flags);
int RunDigest(DigestFlags& flags);

}  // namespace parallax::cli
