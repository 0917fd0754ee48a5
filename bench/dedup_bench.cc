// Speed and memory of near-duplicate detection (db_bench-style driver): signatures plus LSH
// query and insert on ~5 KB articles, at 10k, 100k and 1M articles. Run it with
// bench/run_dedup_bench.sh; figures in docs/benchmarks.md.
//
//   dedup_bench --articles 1000000 [--threads 1] [--copy-every 10] [--bytes 5000]
//   dedup_bench --articles 200000 --write-jsonl /tmp/crawl.jsonl   (input for parallax dedup)
//
// Articles are generated text (pseudo-words drawn from a Zipf-like vocabulary, sentences with
// capitals and punctuation), made here from a fixed seed; every --copy-every-th article is a
// near copy of an earlier one (a cut sentence run, an inserted caption, a changed word).
// Generation is not timed. Timed: ComputeSignature on --threads threads (1 = the per-core
// figure), then DedupIndex::FindOrAdd (originals are indexed), in order. Reported per window of
// articles so a growing index shows whether query time stays flat. Check (exit 1 on failure):
// every planted copy is found, no original is matched.
#include <sys/resource.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>
#include <ctime>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "dedup/dedup_index.h"

namespace parallax {
namespace {

struct Flags {
  size_t articles = 100000;
  int threads = 1;
  size_t copy_every = 10;
  size_t bytes = 5000;
  std::string write_jsonl;
};

class TextGenerator {
 public:
  explicit TextGenerator(uint64_t seed) : state_(seed) {
    const char* syllables[] = {"ka", "lor", "vin", "sta", "mer", "du",  "hol", "tra", "en", "is",
                               "ba", "nor", "vik", "sel", "ga",  "rum", "to",  "fre", "al", "dan"};
    std::mt19937_64 r(42);
    for (int i = 0; i < 50000; ++i) {  // pseudo-words of 1-4 syllables
      std::string w;
      for (int s = 0, n = 1 + static_cast<int>(r() % 4); s < n; ++s) w += syllables[r() % 20];
      vocab_.push_back(w);
    }
    // Zipf-like ranks: rank = vocab * u^3 keeps a few hundred words very common.
  }
  std::string Article(size_t bytes) {
    std::string t;
    t.reserve(bytes + 64);
    bool start = true;
    while (t.size() < bytes) {
      double u = Unit();
      const std::string& w =
          vocab_[static_cast<size_t>(u * u * u * static_cast<double>(vocab_.size()))];
      if (start) {
        t += static_cast<char>(w[0] - 'a' + 'A');
        t.append(w, 1);
      } else {
        t += w;
      }
      const uint64_t r = Next();
      start = (r & 0xff) < 15;  // ~6% of words end a sentence
      t += start ? ". " : ((r >> 8 & 0xff) < 13 ? ", " : " ");
      if (start && (r >> 16 & 0xff) < 51) t += "\n\n";  // ~20% of sentences end a paragraph
    }
    return t;
  }
  std::string Copy(const std::string& original) {
    std::string c = original;
    size_t cut = c.size() / 3 + Next() % (c.size() / 3);
    c.erase(cut, c.size() / 20);  // a trimmed passage
    c.insert(c.size() / 4, "\nPhoto: Tarnby harbour at dawn. (Photo: Staff)\n");  // a caption
    size_t w = c.find(' ', c.size() / 2);
    if (w != std::string::npos) c.insert(w, " reportedly");  // a changed word
    return c;
  }

 private:
  // SplitMix64: generation is not timed, but 5 GB of text should not take longer than the run.
  uint64_t Next() {
    uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  double Unit() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }

  uint64_t state_;
  std::vector<std::string> vocab_;
};

size_t PeakRssMiB() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<size_t>(u.ru_maxrss) / 1024;
}

// CPU seconds of the whole process: the machine is shared, so wall time would count other
// processes' work; with --threads 1 this is the one core's time (plus TBB's idle spinning,
// which is none with one thread).
double CpuSeconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}
using Clock = std::chrono::steady_clock;
double Seconds(Clock::duration d) { return std::chrono::duration<double>(d).count(); }

// --write-jsonl FILE: writes the same stream as JSON Lines for `parallax dedup` instead of
// running (the streaming/memory figure of docs/benchmarks.md).
int WriteJsonl(const Flags& f) {
  std::FILE* out = std::fopen(f.write_jsonl.c_str(), "wb");
  if (!out) {
    std::perror(f.write_jsonl.c_str());
    return 1;
  }
  TextGenerator gen(20261121);
  std::vector<std::string> recent(512);
  for (size_t k = 0; k < f.articles; ++k) {
    const bool copy = k >= 1000 && f.copy_every > 0 && k % f.copy_every == 0;
    std::string text =
        copy ? gen.Copy(recent[(k / f.copy_every) % recent.size()]) : gen.Article(f.bytes);
    if (!copy) recent[k % recent.size()] = text;
    std::string escaped;
    for (char c : text) {
      if (c == '\n')
        escaped += "\\n";
      else
        escaped += c;  // generated text has no quotes, backslashes or other controls
    }
    std::fprintf(out, "{\"id\":\"g%zu\",\"outlet\":\"Generated\",\"text\":\"%s\"}\n", k,
                 escaped.c_str());
  }
  return std::fclose(out) == 0 ? 0 : 1;
}

int Run(const Flags& f) {
  DedupOptions options;
  DedupIndex index(options);
  TextGenerator gen(20261121);
  tbb::task_arena arena(f.threads > 0 ? f.threads : tbb::task_arena::automatic);
  // Originals kept for making copies: a ring of recent ones (copies of recent wire stories).
  std::vector<std::string> recent(512);
  const size_t kBatch = 10000;
  double sig_s = 0, sig_wall = 0, index_s = 0, window_sig = 0, window_index = 0;
  size_t window_start = 0, next_report = 10000, copies = 0, found = 0, false_matches = 0;
  uint64_t text_bytes = 0;
  std::printf("CPU time per article, per window of the stream:\n");
  std::printf("%12s %12s %12s %14s %14s %12s\n", "articles", "index", "sig us/art",
              "find+add us/art", "art/s/core", "index MiB");
  for (size_t done = 0; done < f.articles;) {
    const size_t n = std::min(kBatch, f.articles - done);
    std::vector<std::string> texts(n);
    std::vector<bool> is_copy(n);
    for (size_t i = 0; i < n; ++i) {
      const size_t k = done + i;
      is_copy[i] = k >= 1000 && f.copy_every > 0 && k % f.copy_every == 0;
      texts[i] =
          is_copy[i] ? gen.Copy(recent[(k / f.copy_every) % recent.size()]) : gen.Article(f.bytes);
      if (!is_copy[i]) recent[k % recent.size()] = texts[i];
      text_bytes += texts[i].size();
    }
    std::vector<Signature> sigs(n);
    const double c0 = CpuSeconds();
    auto t0 = Clock::now();
    arena.execute([&] {
      tbb::parallel_for(size_t{0}, n,
                        [&](size_t i) { sigs[i] = ComputeSignature(texts[i], options); });
    });
    auto t1 = Clock::now();
    const double c1 = CpuSeconds();
    for (size_t i = 0; i < n; ++i) {
      auto m = index.FindOrAdd(std::to_string(done + i), sigs[i]);
      copies += is_copy[i];
      found += is_copy[i] && m.has_value();
      false_matches += !is_copy[i] && m.has_value();
    }
    const double c2 = CpuSeconds();
    sig_wall += Seconds(t1 - t0);
    sig_s += c1 - c0;
    index_s += c2 - c1;
    window_sig += c1 - c0;
    window_index += c2 - c1;
    done += n;
    if (done >= next_report || done == f.articles) {
      const auto w = static_cast<double>(done - window_start);
      const double per_core = w / (window_sig + window_index);
      std::printf("%12zu %12zu %12.2f %14.2f %14.0f %12zu\n", done, index.size(),
                  window_sig / w * 1e6, window_index / w * 1e6, per_core,
                  index.MemoryBytes() >> 20);
      std::fflush(stdout);
      window_start = done;
      window_sig = window_index = 0;
      next_report *= 10;
    }
  }
  const auto n = static_cast<double>(f.articles);
  std::printf("\n%zu articles, %.1f MB of text (%.0f bytes/article), threads %d\n", f.articles,
              static_cast<double>(text_bytes) / 1e6, static_cast<double>(text_bytes) / n,
              f.threads);
  std::printf("signatures: %.1f s CPU, %.1f s wall (%.0f articles/s wall on %d thread(s))\n", sig_s,
              sig_wall, n / sig_wall, f.threads);
  std::printf("find+add:   %.1f s CPU (%.0f articles/s, one thread)\n", index_s, n / index_s);
  std::printf("per core (CPU time), signatures + LSH query and insert: %.0f articles/s\n",
              n / (sig_s + index_s));
  std::printf("index: %zu texts, %.0f MiB (%.0f bytes per text); peak RSS %zu MiB\n", index.size(),
              static_cast<double>(index.MemoryBytes()) / (1 << 20),
              static_cast<double>(index.MemoryBytes()) / static_cast<double>(index.size()),
              PeakRssMiB());
  std::printf("check: %zu of %zu planted copies found, %zu originals matched\n", found, copies,
              false_matches);
  const bool ok = found == copies && false_matches == 0;
  std::printf("%s\n", ok ? "PASS" : "FAIL");
  return ok ? 0 : 1;
}

}  // namespace
}  // namespace parallax

int main(int argc, char** argv) {
  parallax::Flags f;
  for (int i = 1; i + 1 < argc; i += 2) {
    const char* v = argv[i + 1];
    if (!std::strcmp(argv[i], "--articles"))
      f.articles = std::strtoull(v, nullptr, 10);
    else if (!std::strcmp(argv[i], "--threads"))
      f.threads = std::atoi(v);
    else if (!std::strcmp(argv[i], "--copy-every"))
      f.copy_every = std::strtoull(v, nullptr, 10);
    else if (!std::strcmp(argv[i], "--bytes"))
      f.bytes = std::strtoull(v, nullptr, 10);
    else if (!std::strcmp(argv[i], "--write-jsonl"))
      f.write_jsonl = v;
    else {
      std::fprintf(stderr,
                   "usage: dedup_bench [--articles N] [--threads T] [--copy-every K] [--bytes B] "
                   "[--write-jsonl FILE]\n");
      return 2;
    }
  }
  return f.write_jsonl.empty() ? parallax::Run(f) : parallax::WriteJsonl(f);
}
