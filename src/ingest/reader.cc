// ReadInputs: paths -> files -> streams, in a deterministic order.
//
// A folder is walked without following symlinked folders (which is how loops are avoided;
// symlinks to files are read), skipping names starting with '.', and its files are read in
// sorted path order, compared component by component, so the same folder always yields the same
// article order. std::filesystem is used only through its error_code overloads: a folder that
// cannot be listed is a rejection, never an exception. The format of a file follows its
// extension; before that, its first bytes are sniffed so a gzip or binary file gets one clear
// rejection, and its size is checked so an oversized file is rejected without being read.
//
// HTML files and WARC crawls (ingest/web_reader.h) are recognised by name, else by their first
// bytes. Their pages are extracted on worker threads: a producer thread walks the inputs and
// queues, in order, articles already read and pages to extract; a oneTBB pipeline extracts the
// pages in parallel and delivers every article and rejection in input order, one at a time.
// The queue and the pipeline's tokens bound what is in flight (4 per thread).
// Tested by reader_test.cc and web_reader_test.cc.
#include "parallax/reader.h"

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <system_error>
#include <thread>
#include <variant>

#include <tbb/concurrent_queue.h>
#include <tbb/parallel_pipeline.h>
#include <tbb/task_arena.h>

#include "ingest/checks.h"
#include "ingest/line_reader.h"
#include "ingest/stream_reader.h"
#include "ingest/web_reader.h"
#include "util/strings.h"
#include "util/time.h"
#include "util/tsan.h"

namespace parallax {
namespace {

namespace fs = std::filesystem;

// A file found in a folder, or a folder entry that could not be used (`error` set).
struct Entry {
  fs::path path;
  std::string error;
  bool operator<(const Entry& other) const { return path < other.path; }
};

bool IsHidden(const fs::path& path) {
  std::string name = path.filename().string();
  return !name.empty() && name.front() == '.';
}

bool IsJsonLinesPath(const fs::path& path) {
  std::string ext = AsciiLower(path.extension().string());
  return ext == ".jsonl" || ext == ".ndjson" || ext == ".json";
}

std::string CannotOpen(const std::error_code& ec) { return "cannot open: " + ec.message(); }

// Sorts one folder entry into `entries` (files, errors) or `folders` (to walk).
void AddEntry(const fs::directory_entry& entry, std::vector<Entry>* entries,
              std::vector<fs::path>* folders) {
  if (IsHidden(entry.path())) return;
  std::error_code ec;
  fs::file_status own = entry.symlink_status(ec);
  if (!ec && fs::is_directory(own)) {
    folders->push_back(entry.path());
    return;
  }
  fs::file_status target = entry.status(ec);  // follows a symlink
  if (ec) {
    entries->push_back({entry.path(), CannotOpen(ec)});
  } else if (fs::is_regular_file(target)) {
    entries->push_back({entry.path(), {}});
  }
  // Anything else (symlinked folders, sockets, fifos, devices) is not an article.
}

// Every file under `root`, and every entry that could not be read, sorted by path.
std::vector<Entry> ListFolder(const fs::path& root) {
  std::vector<Entry> entries;
  std::vector<fs::path> folders{root};
  while (!folders.empty()) {
    fs::path folder = std::move(folders.back());
    folders.pop_back();
    std::error_code ec;
    fs::directory_iterator it(folder, ec);
    for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
      AddEntry(*it, &entries, &folders);
    }
    if (ec) entries.push_back({folder, CannotOpen(ec)});
  }
  std::sort(entries.begin(), entries.end());
  return entries;
}

// The operating system's reason for the failed open that just happened.
std::string OpenError() {
  int err = errno;
  return err == 0 ? "cannot open" : CannotOpen(std::error_code(err, std::generic_category()));
}

// Size of `path` when it is a regular file; 0 with *known = false for pipes and devices.
uintmax_t KnownSize(const fs::path& path, bool* known) {
  std::error_code ec;
  *known = fs::is_regular_file(path, ec);
  uintmax_t size = *known ? fs::file_size(path, ec) : 0;
  if (ec) *known = false;
  return *known ? size : 0;
}

// An HTML page or a WARC file; `warc` when sniffing already said which.
void ReadWebFile(const fs::path& path, const ReadOptions& options, const StreamSinks& sinks,
                 const PageSink& on_page, std::optional<bool> warc = std::nullopt) {
  if (!warc.value_or(IsWarcPath(path))) {
    return ReadHtmlFile(path, options, on_page, sinks.on_reject);
  }
  errno = 0;
  std::ifstream in(path, std::ios::binary);
  if (!in) return sinks.on_reject(Rejection{path.string(), OpenError()});
  ReadWarc(in, path.string(), options, on_page, sinks.on_reject);
}

void ReadFile(const fs::path& path, const ReadOptions& options, const StreamSinks& sinks,
              const PageSink& on_page) {
  const std::string name = path.string();
  if (IsWarcPath(path) || IsHtmlPath(path)) return ReadWebFile(path, options, sinks, on_page);
  bool known = false;
  const uintmax_t size = KnownSize(path, &known);
  errno = 0;
  std::ifstream in(path, std::ios::binary);
  if (!in) return sinks.on_reject(Rejection{name, OpenError()});
  // A small file is read in one go; a large one in chunks.
  LineReader reader(
      in, options.max_article_bytes,
      known ? std::min<uintmax_t>(size + 1, LineReader::kDefaultChunk) : LineReader::kDefaultChunk);
  std::string_view head = reader.Peek(kSniffBytes);
  if (LooksLikeWarc(head) && !StartsWith(head, "\x1f\x8b")) {
    in.close();
    return ReadWebFile(path, options, sinks, on_page, /*warc=*/true);
  }
  if (LooksLikeHtml(head)) return ReadWebFile(path, options, sinks, on_page, /*warc=*/false);
  Status sniff = CheckNotBinary(head);
  if (!sniff.ok()) return Reject(sinks.on_reject, name, sniff);
  if (known && size > options.max_file_bytes) {
    return Reject(sinks.on_reject, name, FileTooLarge(options.max_file_bytes));
  }
  if (IsJsonLinesPath(path)) return ReadJsonLines(reader, name, options, sinks);
  if (known && size > options.max_article_bytes) {
    return Reject(sinks.on_reject, name, ArticleTooLarge(options.max_article_bytes));
  }
  ReadText(reader, path.stem().string(), name, options, sinks);
}

void ReadPath(const std::string& path, const ReadOptions& options, const StreamSinks& sinks,
              const PageSink& on_page) {
  std::error_code ec;
  fs::file_status status = fs::status(path, ec);
  if (ec) return sinks.on_reject(Rejection{path, CannotOpen(ec)});
  if (!fs::is_directory(status)) return ReadFile(path, options, sinks, on_page);
  for (const Entry& entry : ListFolder(path)) {
    if (entry.error.empty()) {
      ReadFile(entry.path, options, sinks, on_page);
    } else {
      sinks.on_reject(Rejection{entry.path.string(), entry.error});
    }
  }
}

// Walks every input in order, handing over articles, rejections and pages to extract.
void Produce(const std::vector<std::string>& paths, const ReadOptions& options,
             const StreamSinks& sinks, const PageSink& on_page) {
  for (const std::string& path : paths) {
    if (path == "-") {
      ReadStdin(std::cin, options, sinks, on_page);
    } else {
      ReadPath(path, options, sinks, on_page);
    }
  }
}

// One input item in reading order; a page becomes an article or a rejection when run.
struct Unit {
  std::variant<Article, Rejection, PageJob> item;

  void Run(const ReadOptions& options) {
    if (auto* job = std::get_if<PageJob>(&item)) {
      std::string origin = job->origin;
      Result<Article> article = ExtractArticle(std::move(*job), options);
      if (article.ok()) {
        item = std::move(article).value();
      } else {
        item = Rejection{std::move(origin), article.status().message()};
      }
    }
  }
  void Deliver(const ArticleSink& on_article, const RejectSink& on_reject) {
    if (auto* a = std::get_if<Article>(&item)) return on_article(std::move(*a));
    if (auto* r = std::get_if<Rejection>(&item)) return on_reject(std::move(*r));
  }
};

void ReadSerially(const std::vector<std::string>& paths, const ReadOptions& options,
                  const ArticleSink& on_article, const RejectSink& on_reject) {
  const StreamSinks sinks{on_article, on_reject};
  Produce(paths, options, sinks, [&](PageJob job) {
    Unit unit{std::move(job)};
    unit.Run(options);
    unit.Deliver(on_article, on_reject);
  });
}

void ReadInParallel(const std::vector<std::string>& paths, const ReadOptions& options, int threads,
                    const ArticleSink& on_article, const RejectSink& on_reject) {
  const size_t in_flight = 4 * static_cast<size_t>(threads);
  tbb::concurrent_bounded_queue<std::unique_ptr<Unit>> queue;  // nullptr marks the end
  queue.set_capacity(static_cast<std::ptrdiff_t>(in_flight));
  std::exception_ptr producer_error;
  std::thread producer([&] {
    try {
      const ArticleSink article = [&](Article a) {
        queue.push(std::make_unique<Unit>(Unit{std::move(a)}));
      };
      const RejectSink reject = [&](Rejection r) {
        queue.push(std::make_unique<Unit>(Unit{std::move(r)}));
      };
      Produce(paths, options, StreamSinks{article, reject},
              [&](PageJob job) { queue.push(std::make_unique<Unit>(Unit{std::move(job)})); });
      queue.push(nullptr);
    } catch (const tbb::user_abort&) {  // the consumer failed and aborted the queue
    } catch (...) {
      producer_error = std::current_exception();
      try {
        queue.push(nullptr);
      } catch (...) {
      }
    }
  });
  try {
    tbb::task_arena arena(threads);
    tsan::TbbHandoff run;
    arena.execute([&] {
      tbb::parallel_pipeline(
          in_flight, tbb::make_filter<void, Unit*>(tbb::filter_mode::serial_in_order,
                                                   run.Serial([&](tbb::flow_control& fc) -> Unit* {
                                                     std::unique_ptr<Unit> unit;
                                                     queue.pop(unit);
                                                     if (!unit) fc.stop();
                                                     return unit.release();
                                                   })) &
                         tbb::make_filter<Unit*, Unit*>(tbb::filter_mode::parallel,
                                                        run.Parallel([&](Unit* unit) {
                                                          unit->Run(options);
                                                          return unit;
                                                        })) &
                         tbb::make_filter<Unit*, void>(tbb::filter_mode::serial_in_order,
                                                       run.Serial([&](Unit* unit) {
                                                         std::unique_ptr<Unit> owned(unit);
                                                         owned->Deliver(on_article, on_reject);
                                                       })));
    });
    run.Join();
  } catch (...) {
    queue.abort();
    producer.join();
    throw;
  }
  producer.join();
  if (producer_error) std::rethrow_exception(producer_error);
}

}  // namespace

void ReadInputs(const std::vector<std::string>& paths, const ReadOptions& options,
                const ArticleSink& on_article, const RejectSink& on_reject) {
  const int threads =
      options.threads > 0 ? options.threads : tbb::this_task_arena::max_concurrency();
  if (threads <= 1) return ReadSerially(paths, options, on_article, on_reject);
  ReadInParallel(paths, options, threads, on_article, on_reject);
}

Result<int64_t> ParseIsoTime(std::string_view text) { return ParseIso8601(text); }

}  // namespace parallax
