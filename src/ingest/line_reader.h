// LineReader: splits a stream into lines without copying them, under a per-line byte budget.
//
// JSON Lines inputs can be hundreds of megabytes (a month of a news crawl), so they are read in
// chunks; each line is a view into the chunk buffer. A line longer than the budget is skipped
// (reported as too long) without ever being held whole, so one corrupt multi-gigabyte "line"
// costs no more memory than the budget.
// Tested by line_reader_test.cc. Thread-compatible: one reader per stream and thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <istream>
#include <string>
#include <string_view>

namespace parallax {

class LineReader {
 public:
  struct Line {
    std::string_view text;  // without its "\n" or "\r\n"; empty when too_long
    uint64_t number = 0;    // 1-based line number in the stream
    bool too_long = false;  // the line (without "\n") had more than max_line_bytes bytes
  };

  // Bytes requested per read by default: large enough that one read serves hundreds of
  // typical JSON rows (3-10 KB each), small enough to stay in cache while they are parsed.
  static constexpr size_t kDefaultChunk = size_t{1} << 20;

  // `in` must outlive the reader. `max_line_bytes` counts the bytes before the "\n".
  // `chunk_bytes` is the first buffer size and the size of each read; pass the file size (+1)
  // for small files so a folder of short articles does not allocate a chunk per file.
  LineReader(std::istream& in, size_t max_line_bytes, size_t chunk_bytes = kDefaultChunk);
  LineReader(const LineReader&) = delete;
  LineReader& operator=(const LineReader&) = delete;

  // Reads the next line into `*line`; its text stays valid until the next call. False at the
  // end of the stream or after a read error (see failed()).
  bool Next(Line* line);

  // Up to `n` bytes from the current position, not consumed (fewer at the end of the stream).
  // Valid until the next call.
  std::string_view Peek(size_t n);

  // Moves everything not yet consumed into `*out` (replacing its contents), reading at most
  // `limit` + 1 bytes; false if the rest of the stream has more than `limit` bytes. When the
  // whole stream is already buffered, the buffer itself is handed over (no copy).
  bool ReadAll(size_t limit, std::string* out);

  // True when the stream reported an error (not just its end).
  bool failed() const { return in_.bad(); }

 private:
  // Reads more of the stream into the buffer after end_; false when nothing more came.
  bool Fill();
  // Moves the unread bytes to the front of the buffer, growing it when it is full.
  void MakeRoom();
  // Drops the rest of the current line, through its "\n".
  void SkipLine();
  std::string_view Take(size_t end, size_t next);

  std::istream& in_;
  size_t max_line_;
  size_t chunk_;
  std::string buf_;   // allocated on first use
  size_t begin_ = 0;  // unread bytes are buf_[begin_, end_)
  size_t end_ = 0;
  uint64_t line_number_ = 0;
  bool eof_ = false;
};

}  // namespace parallax
