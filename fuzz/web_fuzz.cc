// libFuzzer target for the web readers: the input is read as an HTML page (encoding detection,
// parsing under budgets, metadata, main text) and as a WARC stream (plain or gzip, each record's
// HTTP response decoded). Any crash, hang, sanitizer report or runaway allocation is a bug.
//
// Build and run (clang, from Debian):
//   CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DPARALLAX_FUZZ=ON \
//       -DPARALLAX_TESTS=OFF -DPARALLAX_BENCH=OFF
//   ninja -C build-fuzz web_fuzz
//   ./build-fuzz/fuzz/web_fuzz -max_total_time=60 -max_len=65536 -rss_limit_mb=2048 fuzz/corpus/web
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "web/page.h"
#include "web/warc.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  // Small budgets keep each run fast; the limits themselves are part of what is tested.
  parallax::PageBudget budget;
  budget.max_bytes = 1 << 20;
  budget.html.max_nodes = 20000;
  budget.html.max_depth = 256;
  parallax::PageHints hints;
  (void)parallax::ExtractPage(input, hints, budget);

  std::istringstream in(input);
  parallax::WarcBudget warc;
  warc.max_record_bytes = 1 << 20;
  parallax::WarcReader reader(in, warc);
  parallax::WarcRecord record;
  for (int i = 0; i < 1000; ++i) {  // every Next consumes input or ends, so this is a guard
    parallax::Result<bool> more = reader.Next(&record);
    if (more.ok() && !*more) break;
    if (more.ok() && record.type == "response") {
      auto http = parallax::ParseHttpResponse(record.block, 1 << 20);
      if (http.ok()) (void)parallax::ExtractPage(http->body, hints, budget);
    }
  }
  return 0;
}
