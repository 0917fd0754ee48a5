// libFuzzer target for JSON Lines: the input is a .jsonl stream read row by row
// (ReadJsonLines: head checks, line budget, per-row JSON parsing with the nesting budget,
// field checks, ISO 8601 dates), and also one row parsed as a whole (ParseJsonArticle), the
// parser the HTTP API uses too. Any crash, hang, sanitizer report or runaway allocation is a
// bug. See fuzz/README.md.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <string_view>

#include "fuzz_util.h"
#include "ingest/line_reader.h"
#include "ingest/stream_reader.h"
#include "parallax/reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const parallax::ReadOptions options = parallax::fuzz::SmallBudgets();

  (void)parallax::ParseJsonArticle(input, "fuzz.jsonl:1", options);
  (void)parallax::ParseIsoTime(input.substr(0, 64));

  std::istringstream in{std::string(input)};
  // A small chunk makes rows straddle chunk boundaries, the line reader's hardest case.
  parallax::LineReader lines(in, options.max_article_bytes, /*chunk_bytes=*/64);
  const parallax::ArticleSink on_article = [](const parallax::Article&) {};
  const parallax::RejectSink on_reject = [](const parallax::Rejection&) {};
  parallax::ReadJsonLines(lines, "fuzz.jsonl", options, {on_article, on_reject});
  return 0;
}
