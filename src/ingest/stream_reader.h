// Reading one open stream: JSON Lines row by row, or the whole stream as one plain-text
// article. reader.cc opens files and stdin and hands them here; tests call these directly.
// Tested by stream_reader_test.cc. Thread-safe: stateless; sinks run on the calling thread.
#pragma once

#include <cstddef>
#include <istream>
#include <string_view>

#include "ingest/line_reader.h"
#include "parallax/options.h"
#include "parallax/reader.h"
#include "parallax/status.h"

namespace parallax {

// Where a stream's articles and rejections go; the callbacks must outlive the call.
struct StreamSinks {
  const ArticleSink& on_article;
  const RejectSink& on_reject;
};

// Reads `in` as stdin is read: JSON Lines when its first non-blank byte (within the first
// kSniffBytes) is '{', else one plain-text article with id `text_id`. `name` locates
// rejections and articles ("<stdin>", "<stdin>:3").
void ReadStream(std::istream& in, std::string_view name, std::string_view text_id,
                const ReadOptions& options, const StreamSinks& sinks);

// Reads every row of a JSON Lines stream named `name`. Blank lines are skipped; each bad row is
// rejected as "name:line" and reading goes on. A stream that is binary, a JSON array or a
// pretty-printed object is rejected once, as `name`.
void ReadJsonLines(LineReader& reader, std::string_view name, const ReadOptions& options,
                   const StreamSinks& sinks);

// Reads the rest of the stream as one plain-text article (at most max_article_bytes of it).
void ReadText(LineReader& reader, std::string_view id, std::string_view origin,
              const ReadOptions& options, const StreamSinks& sinks);

// OK when `head` (the first bytes of a JSON Lines input) could be JSON Lines.
Status CheckJsonLinesHead(std::string_view head);

// `status` as a Rejection of `input`.
void Reject(const RejectSink& on_reject, std::string_view input, const Status& status);

}  // namespace parallax
