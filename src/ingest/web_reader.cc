// HTML files and WARC crawls -> PageJobs; PageJob -> Article (see web_reader.h).
//
// A WARC file is a stream: it is never size-checked as a whole or read into memory, only one
// record at a time (web/warc.h). Of its records, responses with an HTML Content-Type and a
// 2xx status, and resource records of HTML, are pages; requests, metadata, warcinfo, revisits,
// redirects and non-HTML payloads are skipped silently, as they are not articles.
// Tested by web_reader_test.cc.
#include "ingest/web_reader.h"

#include <fstream>
#include <streambuf>

#include "ingest/checks.h"
#include "util/strings.h"
#include "web/page.h"
#include "web/warc.h"

namespace parallax {
namespace {

namespace fs = std::filesystem;

bool Contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

std::string LowerName(const fs::path& path) { return AsciiLower(path.filename().string()); }

// "page.html.gz" -> "page", "story.htm" -> "story".
std::string StemOf(const fs::path& path) {
  std::string name = path.filename().string();
  std::string lower = AsciiLower(name);
  for (std::string_view ext : {".gz", ".gzip"}) {
    if (EndsWith(lower, ext)) {
      name.resize(name.size() - ext.size());
      lower.resize(name.size());
    }
  }
  size_t dot = name.rfind('.');
  return dot == std::string::npos || dot == 0 ? name : name.substr(0, dot);
}

// Serves `prefix` (bytes already read to sniff the stream) and then the rest of `rest`.
class PrefixedBuf : public std::streambuf {
 public:
  PrefixedBuf(std::string prefix, std::streambuf* rest) : prefix_(std::move(prefix)), rest_(rest) {
    setg(prefix_.data(), prefix_.data(), prefix_.data() + prefix_.size());
  }

 protected:
  int_type underflow() override {
    if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
    std::streamsize n = rest_->sgetn(buf_, sizeof buf_);
    if (n <= 0) return traits_type::eof();
    setg(buf_, buf_, buf_ + n);
    return traits_type::to_int_type(*gptr());
  }

 private:
  std::string prefix_;
  std::streambuf* rest_;
  char buf_[65536];
};

std::string ReadPrefix(std::istream& in, size_t n) {
  std::string head(n, '\0');
  in.read(head.data(), static_cast<std::streamsize>(n));
  head.resize(static_cast<size_t>(in.gcount()));
  return head;
}

// Reads all of `in` up to `limit` bytes; false when it is longer.
bool ReadAllBounded(std::istream& in, size_t limit, std::string* out) {
  char buf[65536];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) {
    out->append(buf, static_cast<size_t>(in.gcount()));
    if (out->size() > limit) return false;
  }
  return true;
}

std::string TooLarge(size_t limit) {
  return "page larger than " + std::to_string(limit) + " bytes";
}

}  // namespace

bool IsHtmlPath(const fs::path& path) {
  std::string name = LowerName(path);
  for (std::string_view gz : {".gz", ""}) {
    for (std::string_view ext : {".html", ".htm", ".xhtml", ".shtml"}) {
      if (EndsWith(name, std::string(ext) + std::string(gz))) return true;
    }
  }
  return false;
}

bool IsWarcPath(const fs::path& path) {
  std::string name = LowerName(path);
  return EndsWith(name, ".warc") || EndsWith(name, ".warc.gz") || EndsWith(name, ".warc.gzip");
}

bool LooksLikeHtml(std::string_view head) {
  if (StartsWith(head, "\xEF\xBB\xBF")) head.remove_prefix(3);
  head = Trim(head);
  std::string lower = AsciiLower(head.substr(0, 256));
  return StartsWith(lower, "<!doctype html") || StartsWith(lower, "<html") ||
         ((StartsWith(lower, "<!--") || StartsWith(lower, "<?xml")) &&
          lower.find("<html") != std::string::npos);
}

bool LooksLikeWarc(std::string_view head) {
  return StartsWith(head, "\x1f\x8b") || StartsWith(head, "WARC/");
}

void ReadHtmlFile(const fs::path& path, const ReadOptions& options, const PageSink& on_page,
                  const RejectSink& on_reject) {
  const std::string name = path.string();
  std::ifstream in(path, std::ios::binary);
  if (!in) return on_reject(Rejection{name, "cannot open"});
  const bool gz = EndsWith(LowerName(path), ".gz") || EndsWith(LowerName(path), ".gzip");
  std::string bytes;
  // A compressed page is read up to the page budget too: its text is ~5x smaller than it.
  if (!ReadAllBounded(in, options.max_page_bytes, &bytes)) {
    return on_reject(Rejection{name, TooLarge(options.max_page_bytes)});
  }
  if (in.bad()) return on_reject(Rejection{name, "read error"});
  if (gz) {
    Result<std::string> plain = Gunzip(bytes, options.max_page_bytes);
    if (!plain.ok()) return Reject(on_reject, name, plain.status());
    bytes = std::move(plain).value();
  }
  if (Trim(bytes).empty()) return on_reject(Rejection{name, "empty file"});
  on_page(PageJob{std::move(bytes), {}, StemOf(path), name});
}

void ReadWarc(std::istream& in, std::string_view name, const ReadOptions& options,
              const PageSink& on_page, const RejectSink& on_reject) {
  WarcBudget budget;
  budget.max_record_bytes = options.max_warc_record_bytes;
  WarcReader reader(in, budget);
  WarcRecord record;
  while (true) {
    Result<bool> more = reader.Next(&record);
    std::string origin = std::string(name) + "#record " + std::to_string(record.number);
    if (!more.ok()) {
      Reject(on_reject, origin, more.status());
      continue;
    }
    if (!*more) break;
    std::string body, content_type;
    if (record.type == "response") {
      Result<HttpResponse> http = ParseHttpResponse(record.block, options.max_page_bytes);
      if (!http.ok()) {
        // Only HTML responses are articles: a broken non-HTML response is not worth a report.
        if (Contains(AsciiLower(record.block.substr(0, 2048)), "html")) {
          Reject(on_reject, origin, http.status());
        }
        continue;
      }
      if (http->status < 200 || http->status > 299) continue;
      content_type = http->content_type;
      body = std::move(http->body);
    } else if (record.type == "resource") {
      content_type = record.content_type;
      body = std::move(record.block);
    } else {
      continue;
    }
    if (!IsHtml(content_type, body)) continue;
    std::string id = record.record_id.empty() ? origin : record.record_id;
    on_page(PageJob{std::move(body), PageHints{record.target_uri, record.date, content_type},
                    std::move(id), std::move(origin)});
  }
  if (in.bad()) on_reject(Rejection{std::string(name), "read error"});
}

void ReadStdin(std::istream& in, const ReadOptions& options, const StreamSinks& sinks,
               const PageSink& on_page) {
  std::string head = ReadPrefix(in, kSniffBytes);
  const bool warc = LooksLikeWarc(head), html = !warc && LooksLikeHtml(head);
  PrefixedBuf buf(std::move(head), in.rdbuf());
  std::istream stream(&buf);
  if (warc) return ReadWarc(stream, "<stdin>", options, on_page, sinks.on_reject);
  if (html) {
    std::string bytes;
    if (!ReadAllBounded(stream, options.max_page_bytes, &bytes)) {
      return sinks.on_reject(Rejection{"<stdin>", TooLarge(options.max_page_bytes)});
    }
    return on_page(PageJob{std::move(bytes), {}, "stdin", "<stdin>"});
  }
  ReadStream(stream, "<stdin>", "stdin", options, sinks);
}

Result<Article> ExtractArticle(PageJob job, const ReadOptions& options) {
  PageBudget budget;
  budget.max_bytes = options.max_page_bytes;
  budget.html.max_nodes = options.max_html_nodes;
  budget.html.max_depth = options.max_html_depth;
  ASSIGN_OR_RETURN(WebPage page, ExtractPage(job.bytes, job.hints, budget));
  if (Trim(page.text).empty()) return InvalidArgument("no article text found in the page");
  if (page.text.size() > options.max_article_bytes) {
    return ArticleTooLarge(options.max_article_bytes);
  }
  Article a;
  a.id = std::move(job.id);
  a.title = std::move(page.meta.title);
  a.text = std::move(page.text);
  a.outlet = std::move(page.meta.site_name);
  a.author = std::move(page.meta.author);
  a.url = std::move(page.meta.url);
  a.published = page.meta.published;
  a.lang = std::move(page.meta.lang);
  a.origin = std::move(job.origin);
  return a;
}

}  // namespace parallax
