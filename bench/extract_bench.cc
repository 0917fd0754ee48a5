// extract_bench: HTML main-text and metadata extraction speed on one core, and the files the
// quality scorers read.
//
// Reads every page of a folder (`*.html`, or `*.html.gz` as the labelled sets store them),
// decompresses them into memory (not timed), then times ExtractPage (encoding, parsing,
// metadata, main text) over all of them on the calling thread, `--rounds` times. With --out
// it writes <key>.txt per page (for ../shared/tools/score_extraction.py) and with --meta a
// JSON line per page {key, title, author, published} (for bench/score_metadata.py).
// Check: every page parses and at least 95% of them yield main text; otherwise exit 1.
//
// usage: extract_bench DIR [--rounds N] [--out DIR] [--meta FILE]
#include <zlib.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "web/page.h"

namespace {

namespace fs = std::filesystem;

bool ReadGzip(const fs::path& path, std::string* out) {
  gzFile f = gzopen(path.c_str(), "rb");
  if (f == nullptr) return false;
  char buf[65536];
  int n = 0;
  while ((n = gzread(f, buf, sizeof buf)) > 0) out->append(buf, static_cast<size_t>(n));
  gzclose(f);
  return n == 0;
}

// CPU seconds used by this thread: on a shared machine, wall time also counts other jobs.
double ThreadCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

struct Page {
  std::string key;
  std::string bytes;
};

}  // namespace

int Main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: extract_bench DIR [--rounds N] [--out DIR] [--meta FILE]\n");
    return 2;
  }
  fs::path dir = argv[1];
  int rounds = 3;
  std::string out_dir, meta_path;
  for (int i = 2; i + 1 < argc; i += 2) {
    std::string flag = argv[i];
    if (flag == "--rounds")
      rounds = std::max(1, std::atoi(argv[i + 1]));
    else if (flag == "--out")
      out_dir = argv[i + 1];
    else if (flag == "--meta")
      meta_path = argv[i + 1];
  }
  std::vector<Page> pages;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    std::string name = e.path().filename().string();
    Page p;
    if (name.size() > 8 && name.ends_with(".html.gz")) {
      p.key = name.substr(0, name.size() - 8);
      if (!ReadGzip(e.path(), &p.bytes)) continue;
    } else if (name.size() > 5 && name.ends_with(".html")) {
      p.key = name.substr(0, name.size() - 5);
      std::ifstream in(e.path(), std::ios::binary);
      p.bytes.assign(std::istreambuf_iterator<char>(in), {});
    } else {
      continue;
    }
    pages.push_back(std::move(p));
  }
  std::sort(pages.begin(), pages.end(), [](const Page& a, const Page& b) { return a.key < b.key; });
  if (pages.empty()) {
    std::fprintf(stderr, "extract_bench: no pages in %s\n", dir.c_str());
    return 1;
  }
  size_t bytes = 0;
  for (const Page& p : pages) bytes += p.bytes.size();

  parallax::PageHints hints;
  parallax::PageBudget budget;
  std::vector<parallax::WebPage> results(pages.size());
  size_t failed = 0, empty = 0;
  double best = 1e300, best_cpu = 1e300;
  for (int r = 0; r < rounds; ++r) {
    failed = empty = 0;
    auto start = std::chrono::steady_clock::now();
    const double cpu_start = ThreadCpuSeconds();
    for (size_t i = 0; i < pages.size(); ++i) {
      auto page = parallax::ExtractPage(pages[i].bytes, hints, budget);
      if (!page.ok()) {
        ++failed;
        std::fprintf(stderr, "extract_bench: %s: %s\n", pages[i].key.c_str(),
                     page.status().message().c_str());
        continue;
      }
      if (page->text.empty()) ++empty;
      results[i] = std::move(page).value();
    }
    best = std::min(
        best, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    best_cpu = std::min(best_cpu, ThreadCpuSeconds() - cpu_start);
  }
  if (!out_dir.empty()) {
    fs::create_directories(out_dir, ec);
    for (size_t i = 0; i < pages.size(); ++i) {
      std::ofstream(fs::path(out_dir) / (pages[i].key + ".txt"), std::ios::binary)
          << results[i].text;
    }
  }
  if (!meta_path.empty()) {
    std::ofstream meta(meta_path, std::ios::binary);
    for (size_t i = 0; i < pages.size(); ++i) {
      const auto& m = results[i].meta;
      nlohmann::json j = {{"key", pages[i].key},
                          {"title", m.title},
                          {"author", m.author},
                          {"published", m.published_text},
                          {"site_name", m.site_name},
                          {"url", m.url},
                          {"lang", m.lang}};
      meta << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    }
  }
  std::printf(
      "pages=%zu  bytes=%.1f MB (%.0f KB/page)  best of %d rounds: wall %.3f s = %.0f "
      "pages/s, %.1f MB/s; cpu %.3f s = %.0f pages/s  failed=%zu  empty=%zu\n",
      pages.size(), bytes / 1e6, bytes / 1e3 / pages.size(), rounds, best, pages.size() / best,
      bytes / 1e6 / best, best_cpu, pages.size() / best_cpu, failed, empty);
  bool ok = failed == 0 && empty * 20 <= pages.size();
  if (!ok) std::fprintf(stderr, "extract_bench: check failed (failed or >5%% empty pages)\n");
  return ok ? 0 : 1;
}

// An exception that escapes (out of memory, a library's) ends the run with a message, not an
// abort.
int main(int argc, char** argv) {
  try {
    return Main(argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "extract_bench: %s\n", e.what());
  } catch (...) {
    std::fprintf(stderr, "extract_bench: unexpected exception\n");
  }
  return 1;
}
