// Shared by the ingest tests: collecting what ReadInputs delivers, and a fresh folder per test.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "parallax/reader.h"

namespace parallax {

namespace fs = std::filesystem;

struct Collected {
  std::vector<Article> articles;
  std::vector<Rejection> rejected;
};

inline Collected Read(const std::vector<std::string>& paths, const ReadOptions& options = {}) {
  Collected out;
  ReadInputs(
      paths, options, [&](Article a) { out.articles.push_back(std::move(a)); },
      [&](Rejection r) { out.rejected.push_back(std::move(r)); });
  return out;
}

// A fresh folder per test, removed afterwards.
class TempDir {
 public:
  TempDir() {
    const auto* test = ::testing::UnitTest::GetInstance()->current_test_info();
    path_ = fs::temp_directory_path() /
            ("parallax_ingest_" + std::to_string(::getpid()) + "_" + test->name());
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    fs::permissions(path_, fs::perms::owner_all, fs::perm_options::add, ec);
    fs::remove_all(path_, ec);
  }
  // Writes `content` to `relative` (creating folders) and returns the full path.
  std::string Write(const std::string& relative, const std::string& content) const {
    fs::path p = path_ / relative;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
    return p.string();
  }
  std::string Path(const std::string& relative = "") const {
    return relative.empty() ? path_.string() : (path_ / relative).string();
  }

 private:
  fs::path path_;
};

}  // namespace parallax
