// Helpers shared by the fuzz targets: small budgets (fast runs; the limits are part of what is
// tested) and a private temporary file for the targets that read files on open.
#pragma once

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "parallax/options.h"

namespace parallax::fuzz {

// Budgets small enough that one run stays well under a millisecond or two per KiB of input.
inline ReadOptions SmallBudgets() {
  ReadOptions o;
  o.max_file_bytes = 1 << 20;
  o.max_article_bytes = 256 << 10;
  o.max_page_bytes = 1 << 20;
  o.max_html_nodes = 20000;
  o.max_html_depth = 256;
  o.max_warc_record_bytes = 1 << 20;
  o.threads = 1;  // extraction on the calling thread: a fuzz run is one thread
  return o;
}

// A path under the temporary folder unique to this process ("<stem>-<pid><suffix>").
inline std::string TempPath(std::string_view stem, std::string_view suffix = "") {
  return (std::filesystem::temp_directory_path() /
          (std::string(stem) + "-" + std::to_string(::getpid()) + std::string(suffix)))
      .string();
}

// Writes `data` to `path`, replacing it.
inline void WriteFile(const std::string& path, const uint8_t* data, size_t size) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
}

}  // namespace parallax::fuzz
