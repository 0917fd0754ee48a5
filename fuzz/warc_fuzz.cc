// libFuzzer target for crawls as the reader sees them: the input is a stream given on stdin
// (ReadStdin sniffs WARC, gzip WARC, HTML, JSON Lines or text) and every page it yields is
// extracted (ExtractArticle: HTTP response, encodings, HTML under budgets, metadata, main
// text). web_fuzz.cc covers the web module's readers directly; this one adds gzip members,
// record resynchronisation and the ingest layer. Any crash, hang, sanitizer report or runaway
// allocation is a bug. See fuzz/README.md.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <utility>

#include "fuzz_util.h"
#include "ingest/web_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const parallax::ReadOptions options = parallax::fuzz::SmallBudgets();
  std::istringstream in{std::string(reinterpret_cast<const char*>(data), size)};
  const parallax::ArticleSink on_article = [](const parallax::Article&) {};
  const parallax::RejectSink on_reject = [](const parallax::Rejection&) {};
  const parallax::PageSink on_page = [&options](parallax::PageJob job) {
    (void)parallax::ExtractArticle(std::move(job), options);
  };
  parallax::ReadStdin(in, options, {on_article, on_reject}, on_page);
  return 0;
}
