// LineReader: chunked line splitting over std::istream. The buffer holds the unread bytes
// buf_[begin_, end_); lines are found with memchr (string_view::find) and handed out as views,
// so a line is never copied unless it straddles two reads (then only it is moved to the front).
// Tested by line_reader_test.cc.
#include "ingest/line_reader.h"

#include <algorithm>
#include <cstring>
#include <limits>

namespace parallax {
namespace {

// `limit` + 1 without overflow: the bytes needed to see that a text exceeds `limit`.
size_t OneMore(size_t limit) {
  return limit == std::numeric_limits<size_t>::max() ? limit : limit + 1;
}

}  // namespace

LineReader::LineReader(std::istream& in, size_t max_line_bytes, size_t chunk_bytes)
    : in_(in), max_line_(max_line_bytes), chunk_(std::max<size_t>(chunk_bytes, 1)) {}

bool LineReader::Next(Line* line) {
  line->too_long = false;
  line->text = {};
  size_t scanned = begin_;  // bytes before `scanned` hold no "\n"
  for (;;) {
    size_t nl = std::string_view(buf_).substr(0, end_).find('\n', scanned);
    if (nl != std::string_view::npos) {
      line->number = ++line_number_;
      if (nl - begin_ > max_line_) {
        line->too_long = true;
        begin_ = nl + 1;
      } else {
        line->text = Take(nl, nl + 1);
      }
      return true;
    }
    if (end_ - begin_ > max_line_) {  // no end in sight and already over budget
      line->number = ++line_number_;
      line->too_long = true;
      SkipLine();
      return true;
    }
    size_t scanned_rel = end_ - begin_;
    if (!Fill()) break;
    scanned = begin_ + scanned_rel;
  }
  // End of stream: the last line may lack its "\n".
  if (begin_ == end_ || in_.bad()) return false;
  line->number = ++line_number_;
  line->text = Take(end_, end_);
  return true;
}

std::string_view LineReader::Take(size_t end, size_t next) {
  std::string_view text(buf_.data() + begin_, end - begin_);
  if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
  begin_ = next;
  return text;
}

void LineReader::SkipLine() {
  for (;;) {
    size_t nl = std::string_view(buf_).substr(0, end_).find('\n', begin_);
    if (nl != std::string_view::npos) {
      begin_ = nl + 1;
      return;
    }
    begin_ = end_ = 0;  // drop the part of the line read so far
    if (!Fill()) return;
  }
}

std::string_view LineReader::Peek(size_t n) {
  while (end_ - begin_ < n && Fill()) {
  }
  return {buf_.data() + begin_, std::min(n, end_ - begin_)};
}

bool LineReader::ReadAll(size_t limit, std::string* out) {
  const size_t cap = OneMore(limit);
  if (begin_ == 0 && eof_) {  // all of it is in the buffer already
    buf_.resize(end_);
    out->swap(buf_);
    buf_.clear();
    end_ = 0;
    return out->size() <= limit;
  }
  out->assign(buf_, begin_, std::min(end_ - begin_, cap));
  begin_ = end_;
  while (out->size() < cap && !eof_) {
    size_t old = out->size();
    size_t want = std::min(cap - old, std::max(chunk_, out->capacity() - old));
    out->resize(old + want);
    in_.read(out->data() + old, static_cast<std::streamsize>(want));
    out->resize(old + static_cast<size_t>(in_.gcount()));
    if (!in_) eof_ = true;
  }
  return out->size() <= limit;
}

bool LineReader::Fill() {
  if (eof_) return false;
  MakeRoom();
  in_.read(buf_.data() + end_, static_cast<std::streamsize>(buf_.size() - end_));
  auto n = static_cast<size_t>(in_.gcount());
  end_ += n;
  if (!in_) eof_ = true;  // end of stream, or an error failed() reports
  return n > 0;
}

void LineReader::MakeRoom() {
  if (begin_ > 0) {
    std::memmove(buf_.data(), buf_.data() + begin_, end_ - begin_);
    end_ -= begin_;
    begin_ = 0;
  }
  // Full with one unfinished line (at most max_line_ bytes, see Next) or a large Peek: grow.
  if (end_ == buf_.size()) buf_.resize(std::max(chunk_, buf_.size() * 2));
}

}  // namespace parallax
