// Shared by the web and ingest tests: gzip-compressing test data (one member), and writing
// WARC records.
#pragma once

#include <zlib.h>

#include <string>

namespace parallax {

inline std::string Gzip(const std::string& data) {
  z_stream zs{};
  deflateInit2(&zs, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&zs, data.size()) + 64, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

// One WARC/1.1 record: WARC-Record-ID <urn:uuid:`id`>, WARC-Target-URI
// https://tidings.example/`id` (a fictional site), WARC-Date `date`.
inline std::string WarcRecordText(const std::string& type, const std::string& id,
                                  const std::string& block,
                                  const std::string& date = "2026-03-04T10:00:00Z") {
  return "WARC/1.1\r\nWARC-Type: " + type + "\r\nWARC-Record-ID: <urn:uuid:" + id +
         ">\r\nWARC-Target-URI: https://tidings.example/" + id + "\r\nWARC-Date: " + date +
         "\r\nContent-Length: " + std::to_string(block.size()) + "\r\n\r\n" + block + "\r\n\r\n";
}

}  // namespace parallax
