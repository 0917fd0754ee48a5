// Page metadata: title, publication date, author, site name, canonical URL and language, from
// JSON-LD (schema.org), <meta> tags (Open Graph, Dublin Core, article:*, parsely, sailthru),
// microdata (itemprop), the page structure (<h1>, <time>, <title>, <html lang>) and, last, the
// URL and what the crawl recorded.
// Tested by metadata_test.cc. Thread-safety: pure functions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "web/html_tree.h"

namespace parallax {

// What the transport knew about a page: a WARC record's target URI and date, an HTTP
// Content-Type. All may be empty.
struct PageHints {
  std::string url;
  std::string date;          // ISO 8601 (WARC-Date)
  std::string content_type;  // HTTP Content-Type, for its charset
};

struct PageMetadata {
  std::string title;
  std::string author;  // several authors joined by ", "
  std::string site_name;
  std::string url;   // canonical URL, else og:url, else the crawl's URL
  std::string lang;  // ISO 639 primary subtag, lower case ("en")
  // Publication time as the page states it, ISO 8601 ("2025-09-04T08:00:00-04:00", or a bare
  // "2025-09-04" when the page gives only a day), and the same instant in seconds since the
  // epoch (UTC; a bare day is its midnight UTC).
  std::string published_text;
  std::optional<int64_t> published;
};

// A date as web pages write it: ISO 8601 (with "T" or a space, fractions, "Z", "+HH:MM" or
// "+HHMM"), "YYYY/MM/DD", RFC 1123 ("Thu, 04 Sep 2025 10:00:00 GMT"), "September 4, 2025" or
// "4 September 2025". Returns false when it is none of these.
bool ParseWebDate(std::string_view text, std::string* iso, int64_t* seconds);

PageMetadata ExtractMetadata(const HtmlTree& tree, const PageHints& hints);

}  // namespace parallax
