// Pipeline: articles in, Report out. Start here.
//
//   parallax::Pipeline p(options);
//   p.Add(std::move(articles));   // any number of times, in arrival order
//   parallax::Report r = p.Finish();
//
// Per-article stages (clean, analyze, dedup signatures) run on all cores; clustering takes
// the articles in arrival order. Thread-safety: not thread-safe; call from one thread.
#pragma once

#include <memory>
#include <vector>

#include "parallax/article.h"
#include "parallax/options.h"
#include "parallax/report.h"

namespace parallax {

// Orders a batch read from files for replay as a stream: by publication time, undated articles
// last, otherwise keeping their order. A folder has no arrival order of its own, and the
// clusterer retires stories by stream time, so files must not be replayed outlet by outlet.
void SortForReplay(std::vector<Article>& articles);

class Pipeline {
 public:
  explicit Pipeline(const PipelineOptions& options);
  ~Pipeline();
  Pipeline(const Pipeline&) = delete;
  Pipeline& operator=(const Pipeline&) = delete;

  // Adds a batch of articles in arrival order. Articles with no usable text, or whose id was
  // already seen, are rejected into the report, never thrown.
  void Add(std::vector<Article> articles);
  // Records an input that could not be read, so that it appears in the report.
  void Reject(Rejection rejection);
  // Builds the stories (digest, agreements, unique, conflicts) of everything added.
  Report Finish();

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace parallax
