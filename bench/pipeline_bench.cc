// pipeline_bench: whole-pipeline throughput on the example corpus replicated to N articles.
//
// Replica r of an article gets a fresh id, a publication time shifted by r x 30 days, and
// every capitalised word suffixed with a replica tag ("Korsholm" -> "Korsholmqb"), so replicas
// are new events with new names rather than copies that dedup would fold away: each replica
// costs the full clean, analyze, dedup, cluster, align, digest and compare path.
// Only the corpus's dated articles are replicated (a replica stream moves forward in time).
// The driver checks its result (every replica's events found as stories) before reporting.
//
// usage: pipeline_bench [--articles N] [--threads T] [--corpus DIR]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cctype>
#include <cstring>
#include <string>
#include <vector>

#include "parallax/pipeline.h"
#include "parallax/reader.h"

namespace {

std::string Tag(size_t r) {
  std::string tag;
  do {
    tag += static_cast<char>('a' + r % 26);
    r /= 26;
  } while (r > 0);
  return "q" + tag;
}

std::string Retag(const std::string& text, const std::string& tag) {
  std::string out;
  out.reserve(text.size() + text.size() / 6);
  for (size_t i = 0; i < text.size();) {
    if (text[i] >= 'A' && text[i] <= 'Z' && (i == 0 || !std::isalpha(static_cast<unsigned char>(text[i - 1])))) {
      size_t j = i;
      while (j < text.size() && std::isalpha(static_cast<unsigned char>(text[j]))) ++j;
      out.append(text, i, j - i);
      if (j - i >= 3) out += tag;
      i = j;
    } else {
      out += text[i++];
    }
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  size_t target = 10000;
  int threads = 0;
  std::string corpus = "examples/corpus";
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--articles")) target = std::strtoul(argv[i + 1], nullptr, 10);
    else if (!std::strcmp(argv[i], "--threads")) threads = std::atoi(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--corpus")) corpus = argv[i + 1];
  }
  std::vector<parallax::Article> base;
  size_t rejected = 0;
  // Dated articles only: a replayed stream moves replicas forward in time, which an undated
  // article cannot follow (the four undated clippings are covered by the end-to-end tests).
  parallax::ReadInputs({corpus}, {}, [&](parallax::Article a) { if (a.published) base.push_back(std::move(a)); },
                       [&](parallax::Rejection) { ++rejected; });
  if (base.empty() || rejected) {
    std::fprintf(stderr, "pipeline_bench: cannot read %s (%zu rejected)\n", corpus.c_str(), rejected);
    return 1;
  }
  std::vector<parallax::Article> all;
  size_t bytes = 0;
  for (size_t r = 0; all.size() < target; ++r) {
    for (const auto& a : base) {
      if (all.size() >= target) break;
      parallax::Article x = a;
      std::string tag = Tag(r);
      x.id = a.id + "-" + tag;
      if (r > 0) {
        x.text = Retag(a.text, tag);
        x.title = Retag(a.title, tag);
      }
      x.published = *a.published + static_cast<int64_t>(r) * 30 * 86400;
      bytes += x.text.size();
      all.push_back(std::move(x));
    }
  }
  parallax::SortForReplay(all);  // as `parallax digest` does
  parallax::PipelineOptions options;
  options.threads = threads;
  auto start = std::chrono::steady_clock::now();
  parallax::Pipeline pipeline(options);
  for (size_t i = 0; i < all.size(); i += 2048) {
    std::vector<parallax::Article> batch(std::make_move_iterator(all.begin() + i),
                                         std::make_move_iterator(all.begin() + std::min(all.size(), i + 2048)));
    pipeline.Add(std::move(batch));
  }
  parallax::Report report = pipeline.Finish();
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  size_t replicas = (target + base.size() - 1) / base.size();
  // Check: one story per planted event per replica (12 events in examples/), give or take one.
  bool ok = report.articles_read == target && report.stories.size() >= replicas * 11 &&
            report.stories.size() <= replicas * 13 && report.rejected.empty();
  std::printf("articles=%zu bytes=%.1fMB threads=%s stories=%zu seconds=%.3f articles_per_s=%.0f MB_per_s=%.2f check=%s\n",
              report.articles_read == target ? target : static_cast<size_t>(report.articles_read),
              bytes / 1e6, threads ? std::to_string(threads).c_str() : "all", report.stories.size(), seconds,
              target / seconds, bytes / 1e6 / seconds, ok ? "ok" : "FAILED");
  return ok ? 0 : 1;
}
