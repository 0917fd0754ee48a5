// Shared by the end-to-end tests: running the real `parallax` binary and reading its output.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace parallax_test {

namespace fs = std::filesystem;

struct RunResult {
  int code = -1;
  std::string out, err;
};

inline std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline fs::path TempDir() {
  fs::path dir = fs::temp_directory_path() / ("parallax_cli_test_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  return dir;
}

inline RunResult RunCli(const std::string& args, const std::string& stdin_text = "") {
  fs::path dir = TempDir();
  fs::path in = dir / "stdin", out = dir / "stdout", err = dir / "stderr";
  std::ofstream(in) << stdin_text;
  std::string cmd = std::string(PARALLAX_BIN) + " " + args + " <" + in.string() + " >" +
                    out.string() + " 2>" + err.string();
  int status = std::system(cmd.c_str());
  RunResult r;
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = Slurp(out);
  r.err = Slurp(err);
  return r;
}

}  // namespace parallax_test
