#pragma once

#include <CLI/CLI.hpp>

#include "serve/server.h"

namespace parallax::cli {

struct ServeFlags {
  ServeOptions options;
  std::string sync = "full";
};

void AddServeCommand(CLI::App& app, ServeFlags* flags);
int RunServe(ServeFlags& flags);

}  // namespace parallax::cli
