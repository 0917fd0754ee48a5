// ReadInputs: paths -> files -> streams, in a deterministic order.
//
// A folder is walked without following symlinked folders (which is how loops are avoided;
// symlinks to files are read), skipping names starting with '.', and its files are read in
// sorted path order, compared component by component, so the same folder always yields the same
// article order. std::filesystem is used only through its error_code overloads: a folder that
// cannot be listed is a rejection, never an exception. The format of a file follows its
// extension; before that, its first bytes are sniffed so a gzip or binary file gets one clear
// rejection, and its size is checked so an oversized file is rejected without being read.
// Tested by reader_test.cc.
#include "parallax/reader.h"

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <system_error>

#include "ingest/checks.h"
#include "ingest/line_reader.h"
#include "ingest/stream_reader.h"
#include "util/strings.h"
#include "util/time.h"

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

void ReadFile(const fs::path& path, const ReadOptions& options, const StreamSinks& sinks) {
  const std::string name = path.string();
  bool known = false;
  const uintmax_t size = KnownSize(path, &known);
  errno = 0;
  std::ifstream in(path, std::ios::binary);
  if (!in) return sinks.on_reject(Rejection{name, OpenError()});
  // A small file is read in one go; a large one in chunks.
  LineReader reader(
      in, options.max_article_bytes,
      known ? std::min<uintmax_t>(size + 1, LineReader::kDefaultChunk) : LineReader::kDefaultChunk);
  Status sniff = CheckNotBinary(reader.Peek(kSniffBytes));
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

void ReadPath(const std::string& path, const ReadOptions& options, const StreamSinks& sinks) {
  std::error_code ec;
  fs::file_status status = fs::status(path, ec);
  if (ec) return sinks.on_reject(Rejection{path, CannotOpen(ec)});
  if (!fs::is_directory(status)) return ReadFile(path, options, sinks);
  for (const Entry& entry : ListFolder(path)) {
    if (entry.error.empty()) {
      ReadFile(entry.path, options, sinks);
    } else {
      sinks.on_reject(Rejection{entry.path.string(), entry.error});
    }
  }
}

}  // namespace

void ReadInputs(const std::vector<std::string>& paths, const ReadOptions& options,
                const ArticleSink& on_article, const RejectSink& on_reject) {
  const StreamSinks sinks{on_article, on_reject};
  for (const std::string& path : paths) {
    if (path == "-") {
      ReadStream(std::cin, "<stdin>", "stdin", options, sinks);
    } else {
      ReadPath(path, options, sinks);
    }
  }
}

Result<int64_t> ParseIsoTime(std::string_view text) { return ParseIso8601(text); }

}  // namespace parallax
