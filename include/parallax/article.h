// Article: one news article as it enters parallax, before any cleaning.
//
// Thread-safety: a plain value type.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace parallax {

struct Article {
  std::string id;      // unique within a run; from the input (JSON "id") or the file name
  std::string title;   // may be empty
  std::string text;    // body, UTF-8, exactly as read; every offset parallax reports points here
  std::string outlet;  // publisher name; empty when the input does not say
  std::string author;  // byline (several authors joined by ", "); empty when unknown
  std::string url;     // may be empty
  // Publication time, seconds since the Unix epoch (UTC); absent when the input has none.
  std::optional<int64_t> published;
  std::string lang;    // ISO 639-1 code given by the input ("en"); empty = assume English
  std::string origin;  // where it was read: "path:line" for JSON Lines, "path" for a file
};

}  // namespace parallax
