// Reading articles from files, folders and stdin.
//
// Formats, chosen per file: `.jsonl`/`.ndjson`/`.json` are JSON Lines (one article object per
// line: id, title, text, outlet, url, published (ISO 8601), lang); `.html`/`.htm` (also
// `.html.gz`) or a file starting `<!DOCTYPE html`/`<html` is a web page (main text and
// metadata extracted); `.warc`/`.warc.gz` or a file starting `WARC/` is a crawl whose HTML
// responses are web pages; anything else is a plain-text article (an optional first title line
// followed by a blank line, then the body; the id is the file name without its extension).
// "-" reads stdin, sniffed the same way ('{' first: JSON Lines).
// Thread-safety: stateless functions. Web pages are extracted on ReadOptions::threads worker
// threads; the callbacks are called one at a time, in input order, but with threads != 1 not
// necessarily on the calling thread.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "parallax/article.h"
#include "parallax/options.h"
#include "parallax/report.h"
#include "parallax/status.h"

namespace parallax {

using ArticleSink = std::function<void(Article)>;
using RejectSink = std::function<void(Rejection)>;

// Reads every path (folders recursively, files in sorted path order). Each article goes to
// `on_article`; each unreadable file, bad line or invalid article goes to `on_reject` with its
// location, and reading goes on.
void ReadInputs(const std::vector<std::string>& paths, const ReadOptions& options,
                const ArticleSink& on_article, const RejectSink& on_reject);

// Parses one JSON Lines row. `origin` ("path:line") is stored in the article and used in errors.
Result<Article> ParseJsonArticle(std::string_view line, std::string_view origin,
                                 const ReadOptions& options);

// Parses one plain-text article; `id` usually comes from the file name.
Result<Article> ParseTextArticle(std::string_view content, std::string_view id,
                                 std::string_view origin, const ReadOptions& options);

// Parses an ISO 8601 timestamp ("2026-03-04", "2026-03-04T08:15:00Z", "...+02:00") into
// seconds since the epoch, UTC.
Result<int64_t> ParseIsoTime(std::string_view text);

}  // namespace parallax
