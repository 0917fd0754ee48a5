// Reading one open stream, JSON Lines or plain text.
//
// JSON Lines rows are parsed straight out of the LineReader's buffer (no copy per row); every
// row stands alone, so a bad row costs one rejection and the next row is read. Checks on the
// stream's first bytes turn inputs that are not JSON Lines at all (gzip, binary, a JSON
// array, a pretty-printed object) into one rejection instead of one per line.
// Tested by stream_reader_test.cc.
#include "ingest/stream_reader.h"

#include <string>

#include "ingest/checks.h"
#include "ingest/text_article.h"
#include "util/strings.h"

namespace parallax {
namespace {

bool IsBlank(std::string_view line) { return Trim(line).empty(); }

// The first non-blank line of `head` that ends within it; empty if none does.
std::string_view FirstLine(std::string_view head) {
  size_t pos = 0;
  for (size_t nl; (nl = head.find('\n', pos)) != std::string_view::npos; pos = nl + 1) {
    std::string_view line = Trim(head.substr(pos, nl - pos));
    if (!line.empty()) return line;
  }
  return {};
}

void Deliver(Result<Article> article, std::string_view input, const StreamSinks& sinks) {
  if (article.ok()) {
    sinks.on_article(std::move(article).value());
  } else {
    Reject(sinks.on_reject, input, article.status());
  }
}

}  // namespace

void Reject(const RejectSink& on_reject, std::string_view input, const Status& status) {
  on_reject(Rejection{std::string(input), status.message()});
}

Status CheckJsonLinesHead(std::string_view head) {
  RETURN_IF_ERROR(CheckNotBinary(head));
  std::string_view first = Trim(head);
  if (!first.empty() && first.front() == '[') {
    return InvalidArgument("a JSON array, not JSON Lines (one object per line)");
  }
  if (FirstLine(head) == "{") {
    return InvalidArgument("a JSON object spread over several lines, not JSON Lines");
  }
  return Status::Ok();
}

void ReadJsonLines(LineReader& reader, std::string_view name, const ReadOptions& options,
                   const StreamSinks& sinks) {
  Status head = CheckJsonLinesHead(reader.Peek(kSniffBytes));
  if (!head.ok()) return Reject(sinks.on_reject, name, head);
  LineReader::Line line;
  std::string origin;
  while (reader.Next(&line)) {
    if (!line.too_long && IsBlank(line.text)) continue;
    origin.assign(name).append(":").append(std::to_string(line.number));
    if (line.too_long) {
      Reject(sinks.on_reject, origin, ArticleTooLarge(options.max_article_bytes));
    } else {
      Deliver(ParseJsonArticle(line.text, origin, options), origin, sinks);
    }
  }
  if (reader.failed()) {
    Reject(sinks.on_reject, name, IoError("read error after line " + std::to_string(line.number)));
  }
}

void ReadText(LineReader& reader, std::string_view id, std::string_view origin,
              const ReadOptions& options, const StreamSinks& sinks) {
  Status sniff = CheckNotBinary(reader.Peek(kSniffBytes));  // before reading much of it
  if (!sniff.ok()) return Reject(sinks.on_reject, origin, sniff);
  std::string content;
  if (!reader.ReadAll(options.max_article_bytes, &content)) {
    return Reject(sinks.on_reject, origin, ArticleTooLarge(options.max_article_bytes));
  }
  if (reader.failed()) return Reject(sinks.on_reject, origin, IoError("read error"));
  Deliver(MakeTextArticle(std::move(content), id, origin, options), origin, sinks);
}

void ReadStream(std::istream& in, std::string_view name, std::string_view text_id,
                const ReadOptions& options, const StreamSinks& sinks) {
  LineReader reader(in, options.max_article_bytes);
  std::string_view head = Trim(reader.Peek(kSniffBytes));
  if (!head.empty() && head.front() == '{') {
    ReadJsonLines(reader, name, options, sinks);
  } else {
    ReadText(reader, text_id, name, options, sinks);
  }
}

}  // namespace parallax
