// Reading web inputs: HTML files (also .html.gz) and WARC crawls (.warc, .warc.gz, or a stream
// that starts like one). Pages are not extracted here: each becomes a PageJob that reader.cc
// hands to a worker thread (web/page.h does the extraction), so a crawl uses all cores while
// its articles still come out in file order.
// Tested by web_reader_test.cc. Thread-safety: stateless; sinks run on the calling thread.
#pragma once

#include <filesystem>
#include <functional>
#include <istream>
#include <string>
#include <string_view>

#include "ingest/stream_reader.h"
#include "parallax/article.h"
#include "parallax/options.h"
#include "parallax/status.h"
#include "web/metadata.h"

namespace parallax {

// One page waiting for extraction.
struct PageJob {
  std::string bytes;   // the page as read (any encoding)
  PageHints hints;     // WARC URI and date, HTTP Content-Type
  std::string id;      // article id: file name without extensions, or the WARC-Record-ID
  std::string origin;  // "path" or "path#record N"
};
using PageSink = std::function<void(PageJob)>;

// True for names ending .html, .htm, .xhtml, .shtml (optionally followed by .gz).
bool IsHtmlPath(const std::filesystem::path& path);
// True for names ending .warc or .warc.gz (also .arc-less variants such as .warc.gzip).
bool IsWarcPath(const std::filesystem::path& path);
// True when `head` (the first bytes of an input) starts like an HTML document.
bool LooksLikeHtml(std::string_view head);
// True when `head` starts like a WARC file (gzip magic, or "WARC/").
bool LooksLikeWarc(std::string_view head);

// Reads one HTML file (gunzipped when its name ends .gz) into a PageJob; an unreadable,
// oversized or corrupt file is one rejection.
void ReadHtmlFile(const std::filesystem::path& path, const ReadOptions& options,
                  const PageSink& on_page, const RejectSink& on_reject);

// Reads a WARC stream named `name`: each HTML response (or resource) record becomes a PageJob;
// other records are skipped; each bad record is one rejection "name#record N" and reading goes
// on with the next record.
void ReadWarc(std::istream& in, std::string_view name, const ReadOptions& options,
              const PageSink& on_page, const RejectSink& on_reject);

// Reads stdin: WARC (plain or gzip) or an HTML page when it starts like one, else as
// ReadStream (JSON Lines or one plain-text article).
void ReadStdin(std::istream& in, const ReadOptions& options, const StreamSinks& sinks,
               const PageSink& on_page);

// Extracts a page into an Article. Errors: the page's budgets, or no article text in it.
Result<Article> ExtractArticle(PageJob job, const ReadOptions& options);

}  // namespace parallax
