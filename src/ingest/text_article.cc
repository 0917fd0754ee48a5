// Plain-text articles: one file (or stdin) is one article.
//
// The format is the one scraped seed files use: an optional title line, a blank line, then the
// body. The first line is a title only when a blank line follows it, it is at most
// kMaxTitleBytes long, and a non-blank body follows; otherwise the whole file is the body.
// Article::text is the body's bytes exactly as in the file (only the title, the blank lines
// after it and a leading byte-order mark are cut off the front), because every offset parallax
// reports points into Article::text.
// Tested by text_article_test.cc.
#include "ingest/text_article.h"

#include "ingest/checks.h"
#include "parallax/reader.h"
#include "text/utf8.h"
#include "util/strings.h"

namespace parallax {
namespace {

bool IsBlank(std::string_view line) { return Trim(line).empty(); }

// The line starting at `pos`: its text (without "\n" / "\r\n") and where the next one starts
// (content.size() after the last line).
std::string_view LineAt(std::string_view content, size_t pos, size_t* next) {
  size_t nl = content.find('\n', pos);
  size_t end = nl == std::string_view::npos ? content.size() : nl;
  *next = nl == std::string_view::npos ? content.size() : nl + 1;
  std::string_view line = content.substr(pos, end - pos);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

// Where the body starts: after the title line and the blank lines following it, or 0 when the
// first line is not a title. Sets `*title`.
size_t FindBody(std::string_view content, std::string_view* title) {
  size_t pos = 0;
  std::string_view first = LineAt(content, 0, &pos);
  if (IsBlank(first) || first.size() > kMaxTitleBytes) return 0;
  size_t blanks = 0;
  while (pos < content.size()) {
    size_t next = 0;
    if (!IsBlank(LineAt(content, pos, &next))) break;
    pos = next;
    ++blanks;
  }
  if (blanks == 0 || pos == content.size()) return 0;  // no blank line, or nothing after it
  *title = Trim(first);
  return pos;
}

}  // namespace

Result<Article> MakeTextArticle(std::string content, std::string_view id, std::string_view origin,
                                const ReadOptions& options) {
  if (content.size() > options.max_article_bytes) {
    return ArticleTooLarge(options.max_article_bytes);
  }
  RETURN_IF_ERROR(CheckNotBinary(content));
  RETURN_IF_ERROR(ValidateUtf8(content));  // before the BOM goes, so positions are the file's
  size_t start = content.size() - StripBom(content).size();
  std::string_view after_bom = std::string_view(content).substr(start);
  if (IsBlank(after_bom)) return InvalidArgument("empty file");

  Article article;
  std::string_view title;
  start += FindBody(after_bom, &title);
  article.title = std::string(title);
  content.erase(0, start);
  article.text = std::move(content);
  article.id = std::string(id);
  article.origin = std::string(origin);
  return article;
}

Result<Article> ParseTextArticle(std::string_view content, std::string_view id,
                                 std::string_view origin, const ReadOptions& options) {
  if (content.size() > options.max_article_bytes) {
    return ArticleTooLarge(options.max_article_bytes);  // before copying it
  }
  return MakeTextArticle(std::string(content), id, origin, options);
}

}  // namespace parallax
