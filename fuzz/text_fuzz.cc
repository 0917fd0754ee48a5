// libFuzzer target for plain-text articles: the input is one scraped text file
// (ParseTextArticle: title line, blank line, body), then cleaned and analysed as the pipeline
// would (sentences, entities, roles, numbers, dates, quotes), so every byte offset the reader
// hands on is exercised. It is also read as stdin is (ReadStream: sniffed JSON Lines or text).
// Any crash, hang, sanitizer report or runaway allocation is a bug. See fuzz/README.md.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <string_view>

#include "analyze/analyze.h"
#include "clean/clean.h"
#include "fuzz_util.h"
#include "ingest/stream_reader.h"
#include "parallax/reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const parallax::ReadOptions options = parallax::fuzz::SmallBudgets();

  parallax::Result<parallax::Article> article =
      parallax::ParseTextArticle(input, "fuzz", "fuzz.txt", options);
  if (article.ok()) {
    parallax::CleanResult cleaned = parallax::Clean(*article, parallax::CleanOptions{});
    (void)parallax::Analyze(*article, cleaned.paragraphs, std::move(cleaned.removed),
                            parallax::AnalyzeOptions{});
    (void)parallax::AnalyzeWords(article->title, article->lang);
  }

  std::istringstream in{std::string(input)};
  const parallax::ArticleSink on_article = [](const parallax::Article&) {};
  const parallax::RejectSink on_reject = [](const parallax::Rejection&) {};
  parallax::ReadStream(in, "<stdin>", "stdin", options, {on_article, on_reject});
  return 0;
}
