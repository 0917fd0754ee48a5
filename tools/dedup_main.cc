// `parallax dedup`: JSON Lines (or any input `parallax digest` reads) in, one JSON line per
// article out with the group it belongs to — its own id for an original, the original's id
// for an exact or near copy.
//
// Streaming: a reader thread parses the inputs into batches through a bounded queue (so at
// most a few batches of articles are in memory); each batch's signatures are computed on all
// cores (oneTBB), then matched and indexed in input order, and its lines written. Memory grows
// with the index (one entry per original), not with the input. With --index the index is
// read from a file first and saved back at the end, so a stream continues across runs.
#include "dedup_main.h"

#include <tbb/concurrent_queue.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>
#include <nlohmann/json.hpp>

#include <atomic>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <iostream>
#include <mutex>
#include <thread>

#include "common.h"
#include "dedup/dedup_index.h"
#include "parallax/reader.h"
#include "util/tsan.h"

namespace parallax::cli {
namespace {

// Articles per batch: enough to keep every core busy on signatures, few enough that the
// text in memory stays bounded: the batch being matched, kQueuedBatches queued and the one
// being read (4 x 4,096 x 5 KB = 80 MB).
constexpr size_t kBatch = 4096;
constexpr std::ptrdiff_t kQueuedBatches = 2;

struct Counts {
  uint64_t articles = 0, originals = 0, exact = 0, near = 0;
  std::atomic<uint64_t> rejected{0};
};

std::string Quote(const std::string& s) {
  return nlohmann::json(s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// The output line of one article.
std::string Line(const Article& a, const DedupIndex& index, const std::optional<DedupMatch>& m) {
  std::string id = Quote(a.id);
  if (!m) return "{\"id\":" + id + ",\"group\":" + id + ",\"match\":\"original\"}\n";
  std::string original = Quote(std::string(index.Id(m->original)));
  std::string nearest =
      m->nearest == m->original ? original : Quote(std::string(index.Id(m->nearest)));
  char jaccard[32];
  std::snprintf(jaccard, sizeof jaccard, "%.4f", m->jaccard);
  return "{\"id\":" + id + ",\"group\":" + original + ",\"duplicate_of\":" + nearest +
         R"(,"match":")" + (m->exact ? "exact" : "near") + R"(","jaccard":)" + jaccard + "}\n";
}

class Output {
 public:
  explicit Output(const std::string& path)
      : file_(path.empty() || path == "-" ? stdout : std::fopen(path.c_str(), "wb")), path_(path) {}
  ~Output() {
    if (file_ && file_ != stdout) std::fclose(file_);
  }
  bool ok() const { return file_ != nullptr && !std::ferror(file_); }
  void Write(const std::string& s) { std::fwrite(s.data(), 1, s.size(), file_); }
  bool Close() {
    bool good = file_ != nullptr && std::fflush(file_) == 0 && !std::ferror(file_);
    if (file_ && file_ != stdout) good &= std::fclose(file_) == 0;
    if (file_ != stdout) file_ = nullptr;
    return good;
  }
  const std::string& path() const { return path_; }

 private:
  std::FILE* file_;
  std::string path_;
};

// Runs ReadInputs on its own thread, handing batches to `queue`; an empty batch ends it.
std::thread StartReader(const DedupFlags& f,
                        tbb::concurrent_bounded_queue<std::vector<Article>>* queue, Counts* counts,
                        std::mutex* stderr_mutex, std::exception_ptr* error) {
  return std::thread([=, &f] {
    try {
      std::vector<Article> batch;
      ReadInputs(
          f.inputs, f.read,
          [&](Article a) {
            batch.push_back(std::move(a));
            if (batch.size() == kBatch) queue->push(std::exchange(batch, {}));
          },
          [&](const Rejection& r) {
            ++counts->rejected;
            std::lock_guard<std::mutex> lock(*stderr_mutex);
            std::cerr << "parallax: " << r.input << ": " << r.error << "\n";
          });
      if (!batch.empty()) queue->push(std::move(batch));
    } catch (...) {
      *error = std::current_exception();
    }
    try {
      queue->push({});
    } catch (...) {  // the queue was aborted: the main thread is already failing
    }
  });
}

// Signatures on all cores, then matching and indexing in input order.
void ProcessBatch(const std::vector<Article>& batch, const DedupOptions& options,
                  tbb::task_arena& arena, DedupIndex* index, Counts* counts,
                  std::mutex* stderr_mutex, Output* out) {
  std::vector<Signature> sigs(batch.size());
  tsan::TbbHandoff run;
  arena.execute([&] {
    tbb::parallel_for(size_t{0}, batch.size(), run.Parallel([&](size_t i) {
      sigs[i] = ComputeSignature(batch[i].text, options);
    }));
  });
  run.Join();
  std::string lines;
  for (size_t i = 0; i < batch.size(); ++i) {
    const Article& a = batch[i];
    if (sigs[i].empty()) {
      ++counts->rejected;
      std::lock_guard<std::mutex> lock(*stderr_mutex);
      std::cerr << "parallax: " << a.origin << ": article has no words to compare\n";
      continue;
    }
    ++counts->articles;
    std::optional<DedupMatch> m = index->FindOrAdd(a.id, sigs[i]);
    if (!m) {
      ++counts->originals;
    } else {
      ++(m->exact ? counts->exact : counts->near);
    }
    lines += Line(a, *index, m);
  }
  out->Write(lines);
}

// The index to continue from (--index FILE when it exists), or a new one; nullptr after an
// error message.
std::unique_ptr<DedupIndex> OpenIndex(const DedupFlags& f, int* exit_code) {
  if (f.index.empty()) return std::make_unique<DedupIndex>(f.dedup);
  auto opened = DedupIndex::Open(f.index, f.dedup);
  if (opened.ok()) return std::move(opened).value();
  if (opened.status().code() == StatusCode::kNotFound) return std::make_unique<DedupIndex>(f.dedup);
  std::cerr << "parallax: " << opened.status().message() << "\n";
  *exit_code = opened.status().code() == StatusCode::kInvalidArgument ? kExitUsage : kExitFailure;
  return nullptr;
}

}  // namespace

void AddDedupCommand(CLI::App& app, DedupFlags* f) {
  CLI::App* cmd = app.add_subcommand(
      "dedup",
      "Find exact and near-duplicate articles (syndicated copies) in a stream: one JSON "
      "line per article, {\"id\", \"group\", \"match\": original|exact|near, "
      "\"duplicate_of\", \"jaccard\"}: group is the id of the group's first article, "
      "duplicate_of the indexed text it matched, jaccard its shingle similarity to it.");
  cmd->add_option(
         "inputs", f->inputs,
         "Files, folders (recursive) or - for stdin, read as `parallax digest` reads them, "
         "in the order given.")
      ->required();
  cmd->add_option("-o,--output", f->output, "Write to this file instead of stdout.");
  cmd->add_option("--index", f->index,
                  "Index file: read it first when it exists (the stream continues: articles match "
                  "the texts of earlier runs) and save the index to it when the run ends. Refused "
                  "when built with other --shingle/--hashes/--bands/--threshold or by another "
                  "version, or when damaged.");
  cmd->add_option("--shingle", f->dedup.shingle, "Words per shingle (default 5).")
      ->check(CLI::Range(1, 64));
  cmd->add_option("--hashes", f->dedup.num_hashes,
                  "32-bit MinHash values per article (default 64).")
      ->check(CLI::Range(1, 4096));
  cmd->add_option("--bands", f->dedup.bands,
                  "LSH bands, must divide --hashes (default 16: pairs at Jaccard 0.8 are found "
                  "with probability 0.9999, at 0.6 with 0.89).")
      ->check(CLI::Range(1, 4096));
  cmd->add_option("--threshold", f->dedup.threshold,
                  "Shingle-set Jaccard at or above which an article is a copy (default 0.6).")
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_option("--bridge-below", f->dedup.bridge_below,
                  "A near copy below this Jaccard to the text it matched is indexed too, in its "
                  "group, so copies that drift further still find the group (default 0.8; 0 = "
                  "index originals only).")
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_option("--max-candidates", f->dedup.max_candidates,
                  "Candidates verified per article, most shared bands first (default 64).")
      ->check(CLI::Range(1, 1 << 20));
  cmd->add_option("-j,--threads", f->threads,
                  "Worker threads for signatures; 0 = all cores (default).")
      ->check(CLI::Range(0, 1024));
  cmd->add_flag("--stats", f->stats, "Print counts and index memory to stderr at the end.");
  cmd->footer(std::string(kExitCodesHelp) +
              " Articles with no words are rejected. Ids are not checked for uniqueness (that "
              "would keep every id of the input in memory).");
}

int RunDedup(DedupFlags& f) {
  // dedup streams, so a file's size does not matter (a crawl's JSON Lines run to gigabytes);
  // the per-article budget still applies.
  f.read.max_file_bytes = SIZE_MAX;
  if (Status s = ValidateDedupOptions(f.dedup); !s.ok()) {
    std::cerr << "parallax dedup: " << s.message() << "\n";
    return kExitUsage;
  }
  int exit_code = kExitOk;
  std::unique_ptr<DedupIndex> index = OpenIndex(f, &exit_code);
  if (!index) return exit_code;
  Output out(f.output);
  if (!out.ok()) {
    std::cerr << "parallax: cannot write " << f.output << "\n";
    return kExitFailure;
  }
  const size_t indexed_before = index->size();

  tbb::task_arena arena(f.threads > 0 ? f.threads : tbb::task_arena::automatic);
  tbb::concurrent_bounded_queue<std::vector<Article>> queue;
  queue.set_capacity(kQueuedBatches);
  Counts counts;
  std::mutex stderr_mutex;
  std::exception_ptr reader_error;
  std::thread reader = StartReader(f, &queue, &counts, &stderr_mutex, &reader_error);
  try {
    for (std::vector<Article> batch;;) {
      queue.pop(batch);
      if (batch.empty()) break;
      ProcessBatch(batch, f.dedup, arena, index.get(), &counts, &stderr_mutex, &out);
    }
  } catch (...) {  // out of memory: stop the reader before reporting
    queue.abort();
    reader.join();
    throw;
  }
  reader.join();
  if (reader_error) std::rethrow_exception(reader_error);

  if (!out.Close()) {
    std::cerr << "parallax: cannot write " << (f.output.empty() ? "stdout" : f.output) << "\n";
    return kExitFailure;
  }
  if (!f.index.empty()) {
    if (Status s = index->Save(f.index); !s.ok()) {
      std::cerr << "parallax: " << s.message() << "\n";
      return kExitFailure;
    }
  }
  if (f.stats) {
    std::cerr << "parallax dedup: " << counts.articles << " articles: " << counts.originals
              << " originals, " << counts.exact << " exact copies, " << counts.near
              << " near copies; " << counts.rejected << " rejected; index " << indexed_before
              << " -> " << index->size() << " texts, " << index->MemoryBytes() / (1 << 20)
              << " MiB\n";
  }
  return ExitCodeFor(counts.articles, counts.rejected);
}

}  // namespace parallax::cli
