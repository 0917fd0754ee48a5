// Reading WARC files (ISO 28500: WARC/1.0 and 1.1), plain or gzip-compressed with one gzip
// member per record (as Common Crawl and CC-NEWS write them), as a stream: one record in
// memory at a time. A corrupt or truncated record is reported and reading resumes at the next
// record (the next gzip member, or the next "WARC/" version line).
// Tested by warc_test.cc. Thread-safety: a WarcReader is used by one thread at a time.
#pragma once

#include <cstdint>
#include <istream>
#include <memory>
#include <string>
#include <string_view>

#include "parallax/status.h"

namespace parallax {

struct WarcRecord {
  std::string type;          // WARC-Type: response, request, metadata, warcinfo, resource, ...
  std::string target_uri;    // WARC-Target-URI
  std::string date;          // WARC-Date (ISO 8601)
  std::string record_id;     // WARC-Record-ID without its <urn:uuid: > wrapper
  std::string content_type;  // Content-Type of the block
  std::string block;         // the content block (for a response: HTTP headers and body)
  uint64_t offset = 0;       // where the record starts in the file (compressed bytes for .gz)
  uint64_t number = 0;       // 1-based position of the record in the file
};

struct WarcBudget {
  // Largest record block kept, bytes (after gzip). Default 64 MiB; a larger record is reported
  // and skipped without being held in memory. News pages are < 5 MiB.
  size_t max_record_bytes = 64u << 20;
};

class WarcReader {
 public:
  // `in` must outlive the reader. gzip is recognised by its magic bytes.
  WarcReader(std::istream& in, const WarcBudget& budget);
  ~WarcReader();
  WarcReader(const WarcReader&) = delete;
  WarcReader& operator=(const WarcReader&) = delete;

  // The next record: true with *record set; false at the end of the file. A non-OK Result is
  // one bad record (its message starts "at byte B: ", and record->number / record->offset are
  // set); call Next again to go on with the following record.
  Result<bool> Next(WarcRecord* record);

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

// An HTTP response (a WARC response block) split into what the HTML reader needs.
struct HttpResponse {
  int status = 0;
  std::string content_type;
  std::string body;  // de-chunked and decompressed (gzip, deflate)
};

// Parses an HTTP/1.x response, undoing chunked transfer encoding and gzip/deflate content
// encoding (the body is at most `max_body_bytes` after decoding). Errors name the problem.
Result<HttpResponse> ParseHttpResponse(std::string_view block, size_t max_body_bytes);

// The content of gzip data (its first member), at most `max_bytes`; DataLoss for corrupt or
// truncated data, ResourceExhausted past the budget.
Result<std::string> Gunzip(std::string_view data, size_t max_bytes);

// True for an HTML content type (text/html, application/xhtml+xml), or, when `content_type` is
// empty, for a body that starts like HTML.
bool IsHtml(std::string_view content_type, std::string_view body);

}  // namespace parallax
