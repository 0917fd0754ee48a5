// WarcReader: records from a plain or gzip-compressed WARC stream, and ParseHttpResponse.
//
// gzip: each member is inflated on its own (zlib, inflateReset between members) into one
// buffer, and the records inside it are parsed from there; a member that fails to inflate is
// reported and the reader moves to the next gzip magic (1f 8b 08) after its start, which is
// how warcio and jwarc resume too. Plain: records are parsed from the read buffer, and after a
// bad record the reader resumes at the next line starting "WARC/". Either way memory is one
// record (bounded by WarcBudget) plus a 64 KiB read buffer.
// Tested by warc_test.cc.
#include "web/warc.h"

#include <zlib.h>

#include <algorithm>
#include <cstring>
#include <vector>

#include "util/strings.h"

namespace parallax {
namespace {

constexpr size_t kChunk = size_t{64} * 1024;
// Longest WARC or HTTP header section accepted, bytes. Real ones are < 2 KiB.
constexpr size_t kMaxHeaderBytes = size_t{64} * 1024;

std::string Lower(std::string_view s) { return AsciiLower(s); }

bool Contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

// "Name: value" lines up to the blank line; false when there is none within kMaxHeaderBytes.
// `*end` is set past the blank line.
bool SplitHeaders(std::string_view text, std::vector<std::pair<std::string, std::string>>* out,
                  size_t* end) {
  size_t pos = 0;
  while (pos < text.size() && pos <= kMaxHeaderBytes) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) return false;
    std::string_view line = text.substr(pos, nl - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    pos = nl + 1;
    if (line.empty()) {
      *end = pos;
      return true;
    }
    if ((line[0] == ' ' || line[0] == '\t') && !out->empty()) {  // folded continuation
      out->back().second += " ";
      out->back().second += Trim(line);
      continue;
    }
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;  // tolerated, as warcio does
    out->emplace_back(Lower(Trim(line.substr(0, colon))),
                      std::string(Trim(line.substr(colon + 1))));
  }
  return false;
}

std::string Header(const std::vector<std::pair<std::string, std::string>>& headers,
                   std::string_view name) {
  for (const auto& [k, v] : headers) {
    if (k == name) return v;
  }
  return {};
}

bool ParseSize(std::string_view s, int base, uint64_t* out) {
  s = Trim(s);
  if (s.empty() || s.size() > 18) return false;
  uint64_t v = 0;
  for (char c : s) {
    int d = c >= '0' && c <= '9'                 ? c - '0'
            : base == 16 && c >= 'a' && c <= 'f' ? c - 'a' + 10
            : base == 16 && c >= 'A' && c <= 'F' ? c - 'A' + 10
                                                 : -1;
    if (d < 0) return false;
    v = v * base + static_cast<uint64_t>(d);
  }
  *out = v;
  return true;
}

// Inflates gzip or zlib data (auto-detected), or raw deflate when `raw`; at most `limit` bytes.
// Truncated input keeps what inflated, unless `strict`.
Result<std::string> Inflate(std::string_view in, size_t limit, bool raw, bool strict = false) {
  z_stream zs{};
  if (inflateInit2(&zs, raw ? -15 : 15 + 32) != Z_OK) return Internal("zlib init failed");
  std::string out;
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  zs.avail_in = static_cast<uInt>(in.size());
  int rc = Z_OK;
  char buf[kChunk];
  while (rc == Z_OK) {
    zs.next_out = reinterpret_cast<Bytef*>(buf);
    zs.avail_out = sizeof buf;
    rc = inflate(&zs, Z_NO_FLUSH);
    out.append(buf, sizeof buf - zs.avail_out);
    if (out.size() > limit) {
      inflateEnd(&zs);
      return ResourceExhausted("decompressed body larger than " + std::to_string(limit) + " bytes");
    }
    if (rc == Z_BUF_ERROR && zs.avail_in == 0) break;  // truncated: keep what inflated
  }
  inflateEnd(&zs);
  if (strict && rc == Z_BUF_ERROR) return DataLoss("truncated gzip data");
  if (rc != Z_STREAM_END && rc != Z_BUF_ERROR) {
    return DataLoss(std::string("corrupt compressed body: ") + (zs.msg ? zs.msg : "zlib error"));
  }
  return out;
}

Result<std::string> Dechunk(std::string_view body) {
  std::string out;
  size_t pos = 0;
  while (pos < body.size()) {
    size_t nl = body.find('\n', pos);
    if (nl == std::string_view::npos) return DataLoss("malformed chunked body");
    std::string_view line = body.substr(pos, nl - pos);
    line = line.substr(0, line.find(';'));
    uint64_t size = 0;
    if (!ParseSize(line, 16, &size)) return DataLoss("malformed chunk size");
    pos = nl + 1;
    if (size == 0) break;
    if (size > body.size() - pos) {  // truncated last chunk: keep what there is
      out.append(body.substr(pos));
      break;
    }
    out.append(body.substr(pos, size));
    pos += size;
    if (pos < body.size() && body[pos] == '\r') ++pos;
    if (pos < body.size() && body[pos] == '\n') ++pos;
  }
  return out;
}

}  // namespace

// ---- WarcReader ----------------------------------------------------------------------------

class WarcReader::Impl {
 public:
  Impl(std::istream& in, const WarcBudget& budget) : in_(in), budget_(budget) {
    Ensure(2);
    gzip_ = Avail().size() >= 2 && Avail()[0] == '\x1f' && Avail()[1] == '\x8b';
  }
  ~Impl() {
    if (zinit_) inflateEnd(&zs_);
  }

  Result<bool> Next(WarcRecord* r) {
    *r = WarcRecord{};
    if (!gzip_) return NextPlain(r);
    while (true) {
      // Records left in the current member (one, for a conforming file).
      std::string_view rest = std::string_view(member_).substr(member_pos_);
      if (!Trim(rest).empty()) return FromMember(r);
      member_.clear();
      member_pos_ = 0;
      r->offset = Offset();
      Result<bool> more = ReadMember();
      if (!more.ok()) {
        r->number = ++records_;
        return Located(*r, more.status());
      }
      if (!*more) return false;
    }
  }

 private:
  // -- input buffer over the file --
  std::string_view Avail() const { return std::string_view(buf_).substr(pos_); }
  uint64_t Offset() const { return base_ + pos_; }
  // At least `n` bytes available, unless the file ends first.
  bool Ensure(size_t n) {
    while (buf_.size() - pos_ < n && !eof_) {
      if (pos_ > 0) {
        base_ += pos_;
        buf_.erase(0, pos_);
        pos_ = 0;
      }
      size_t old = buf_.size();
      buf_.resize(old + std::max(kChunk, n - (old - pos_)));
      in_.read(buf_.data() + old, static_cast<std::streamsize>(buf_.size() - old));
      buf_.resize(old + static_cast<size_t>(in_.gcount()));
      if (in_.gcount() == 0) eof_ = true;
    }
    return buf_.size() - pos_ >= n;
  }
  void Consume(size_t n) { pos_ += std::min(n, buf_.size() - pos_); }

  Status Located(const WarcRecord& r, const Status& s) {
    return {s.code(), "at byte " + std::to_string(r.offset) + ": " + s.message()};
  }

  // -- parsing one record from a byte range --
  // Parses the record at the start of `text`. *used is set to the bytes it spans; on a
  // header error it is 0. `available_more` says whether `text` may grow (plain files).
  Status ParseRecord(std::string_view text, WarcRecord* r, size_t* used, bool* need_more) {
    *used = 0;
    *need_more = false;
    if (!StartsWith(text, "WARC/")) return DataLoss("expected a WARC/1.x version line");
    std::vector<std::pair<std::string, std::string>> headers;
    size_t header_end = 0;
    if (!SplitHeaders(text, &headers, &header_end)) {
      if (text.size() <= kMaxHeaderBytes) *need_more = true;
      return DataLoss(text.size() > kMaxHeaderBytes ? "WARC header section too long"
                                                    : "truncated WARC header");
    }
    uint64_t length = 0;
    if (!ParseSize(Header(headers, "content-length"), 10, &length)) {
      return DataLoss("missing or invalid Content-Length");
    }
    r->type = Lower(Header(headers, "warc-type"));
    r->target_uri = Header(headers, "warc-target-uri");
    if (StartsWith(r->target_uri, "<") && EndsWith(r->target_uri, ">")) {
      r->target_uri = r->target_uri.substr(1, r->target_uri.size() - 2);
    }
    r->date = Header(headers, "warc-date");
    r->record_id = Header(headers, "warc-record-id");
    for (std::string_view wrap : {"<urn:uuid:", "<"}) {
      if (StartsWith(r->record_id, wrap) && EndsWith(r->record_id, ">")) {
        r->record_id = r->record_id.substr(wrap.size(), r->record_id.size() - wrap.size() - 1);
        break;
      }
    }
    r->content_type = Header(headers, "content-type");
    skip_ = header_end + length;
    if (length > budget_.max_record_bytes) {
      return ResourceExhausted("record larger than " + std::to_string(budget_.max_record_bytes) +
                               " bytes");
    }
    if (text.size() - header_end < length) {
      *need_more = true;
      return DataLoss("truncated record: " + std::to_string(text.size() - header_end) + " of " +
                      std::to_string(length) + " bytes");
    }
    r->block.assign(text.substr(header_end, length));
    size_t end = header_end + length;
    for (int i = 0; i < 4 && end < text.size() && (text[end] == '\r' || text[end] == '\n'); ++i)
      ++end;
    *used = end;
    return Status::Ok();
  }

  // -- plain WARC --
  Result<bool> NextPlain(WarcRecord* r) {
    // Blank lines between records are tolerated.
    while (Ensure(1) && (Avail()[0] == '\r' || Avail()[0] == '\n')) Consume(1);
    if (!Ensure(1)) return false;
    r->offset = Offset();
    r->number = ++records_;
    size_t want = 4096;
    while (true) {
      Ensure(want);
      size_t used = 0;
      bool need_more = false;
      Status s = ParseRecord(Avail(), r, &used, &need_more);
      if (s.ok()) {
        Consume(used);
        return true;
      }
      if (need_more && !eof_ && s.code() != StatusCode::kResourceExhausted) {
        want =
            std::max(want * 2, std::min<size_t>(skip_, budget_.max_record_bytes + kMaxHeaderBytes));
        continue;
      }
      if (s.code() == StatusCode::kResourceExhausted) {
        SkipBytes(skip_);
      } else {
        ResyncPlain();
      }
      return Located(*r, s);
    }
  }

  void SkipBytes(uint64_t n) {
    while (n > 0 && Ensure(1)) {
      size_t k = static_cast<size_t>(std::min<uint64_t>(n, Avail().size()));
      Consume(k);
      n -= k;
    }
  }

  // Moves to the next line starting "WARC/" after the current position.
  void ResyncPlain() {
    Consume(1);
    while (Ensure(6)) {
      std::string_view a = Avail();
      size_t at = a.find("\nWARC/");
      if (at != std::string_view::npos) {
        Consume(at + 1);
        return;
      }
      Consume(a.size() - 5);
      if (eof_ && Avail().size() <= 6) break;
    }
    Consume(Avail().size());
  }

  // -- gzip WARC --
  Result<bool> FromMember(WarcRecord* r) {
    std::string_view rest = std::string_view(member_).substr(member_pos_);
    size_t lead = rest.find_first_not_of("\r\n");
    member_pos_ += lead;
    r->offset = member_offset_;
    r->number = ++records_;
    size_t used = 0;
    bool need_more = false;
    Status s = ParseRecord(std::string_view(member_).substr(member_pos_), r, &used, &need_more);
    if (!s.ok()) {
      member_pos_ = member_.size();  // the rest of this member is lost; next member next
      return Located(*r,
                     member_too_large_
                         ? ResourceExhausted("record larger than " +
                                             std::to_string(budget_.max_record_bytes) + " bytes")
                         : s);
    }
    member_pos_ += used;
    return true;
  }

  // Inflates the next gzip member into member_. False at the end of the file.
  Result<bool> ReadMember() {
    if (!Ensure(1)) return false;
    member_offset_ = Offset();
    member_too_large_ = false;
    if (!Ensure(3) || Avail().substr(0, 3) != std::string_view("\x1f\x8b\x08", 3)) {
      ResyncGzip();
      return DataLoss("not a gzip member (garbage between records)");
    }
    if (!zinit_) {
      if (inflateInit2(&zs_, 15 + 16) != Z_OK) return Internal("zlib init failed");
      zinit_ = true;
    } else {
      inflateReset(&zs_);
    }
    const size_t cap = budget_.max_record_bytes + kMaxHeaderBytes;
    char out[kChunk];
    while (true) {
      if (Avail().empty() && !Ensure(1)) {
        ResyncGzip();
        return DataLoss("truncated gzip member");
      }
      std::string_view in = Avail();
      zs_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
      zs_.avail_in = static_cast<uInt>(std::min<size_t>(in.size(), 1u << 30));
      zs_.next_out = reinterpret_cast<Bytef*>(out);
      zs_.avail_out = sizeof out;
      int rc = inflate(&zs_, Z_NO_FLUSH);
      Consume(in.size() - zs_.avail_in);
      size_t produced = sizeof out - zs_.avail_out;
      if (member_.size() + produced <= cap) {
        member_.append(out, produced);
      } else {
        member_too_large_ = true;  // keep inflating to find the member's end, keep nothing
      }
      if (rc == Z_STREAM_END) return true;
      if (rc != Z_OK && rc != Z_BUF_ERROR) {
        std::string msg = zs_.msg ? zs_.msg : "zlib error";
        RestartAfter(member_offset_);
        return DataLoss("corrupt gzip member: " + msg);
      }
    }
  }

  // Resumes at the next gzip magic after `start` (an offset at or before the current one).
  void RestartAfter(uint64_t start) {
    member_.clear();
    member_pos_ = 0;
    if (Offset() <= start) Consume(1);
    ResyncGzip(/*skip_current=*/false);
  }

  void ResyncGzip(bool skip_current = true) {
    member_.clear();
    member_pos_ = 0;
    if (skip_current) Consume(1);
    while (Ensure(3)) {
      std::string_view a = Avail();
      size_t at = a.find(std::string_view("\x1f\x8b\x08", 3));
      if (at != std::string_view::npos) {
        Consume(at);
        return;
      }
      Consume(a.size() - 2);
      if (eof_ && Avail().size() <= 3) break;
    }
    Consume(Avail().size());
  }

  std::istream& in_;
  WarcBudget budget_;
  std::string buf_;
  size_t pos_ = 0;
  uint64_t base_ = 0;
  bool eof_ = false;
  bool gzip_ = false;
  uint64_t records_ = 0;
  uint64_t skip_ = 0;
  z_stream zs_{};
  bool zinit_ = false;
  std::string member_;
  size_t member_pos_ = 0;
  uint64_t member_offset_ = 0;
  bool member_too_large_ = false;
};

WarcReader::WarcReader(std::istream& in, const WarcBudget& budget)
    : impl_(std::make_unique<Impl>(in, budget)) {}
WarcReader::~WarcReader() = default;
Result<bool> WarcReader::Next(WarcRecord* record) { return impl_->Next(record); }

// ---- HTTP ----------------------------------------------------------------------------------

Result<HttpResponse> ParseHttpResponse(std::string_view block, size_t max_body_bytes) {
  if (!StartsWith(block, "HTTP/")) return DataLoss("response block is not an HTTP response");
  HttpResponse response;
  size_t space = block.find(' ');
  uint64_t status = 0;
  if (space == std::string_view::npos || !ParseSize(block.substr(space + 1, 3), 10, &status)) {
    return DataLoss("malformed HTTP status line");
  }
  response.status = static_cast<int>(status);
  size_t nl = block.find('\n');
  std::vector<std::pair<std::string, std::string>> headers;
  size_t end = 0;
  if (nl == std::string_view::npos || !SplitHeaders(block.substr(nl + 1), &headers, &end)) {
    return DataLoss("truncated HTTP headers");
  }
  response.content_type = Header(headers, "content-type");
  std::string_view body = block.substr(nl + 1 + end);
  std::string decoded;
  if (Contains(Lower(Header(headers, "transfer-encoding")), "chunked")) {
    ASSIGN_OR_RETURN(decoded, Dechunk(body));
    body = decoded;
  }
  std::string encoding = Lower(Header(headers, "content-encoding"));
  if (encoding.empty() || encoding == "identity" || encoding == "none") {
    if (body.size() > max_body_bytes) {
      return ResourceExhausted("body larger than " + std::to_string(max_body_bytes) + " bytes");
    }
    response.body.assign(body);
  } else if (encoding == "gzip" || encoding == "x-gzip" || encoding == "deflate") {
    Result<std::string> inflated = Inflate(body, max_body_bytes, false);
    if (!inflated.ok() && encoding == "deflate") inflated = Inflate(body, max_body_bytes, true);
    if (!inflated.ok()) return inflated.status();
    response.body = std::move(inflated).value();
  } else {
    return InvalidArgument("unsupported Content-Encoding: " + encoding);
  }
  return response;
}

Result<std::string> Gunzip(std::string_view data, size_t max_bytes) {
  return Inflate(data, max_bytes, /*raw=*/false, /*strict=*/true);
}

bool IsHtml(std::string_view content_type, std::string_view body) {
  std::string type = Lower(Trim(content_type.substr(0, content_type.find(';'))));
  if (!type.empty()) return type == "text/html" || type == "application/xhtml+xml";
  std::string head = Lower(Trim(body.substr(0, 1024)));
  if (StartsWith(head, "\xef\xbb\xbf")) head.erase(0, 3);
  return StartsWith(head, "<!doctype html") || StartsWith(head, "<html") ||
         (StartsWith(head, "<") && Contains(head, "<html"));
}

}  // namespace parallax
