// Pipeline: articles in, Report out. Start here.
//
//   parallax::Pipeline p(options);
//   p.Add(std::move(articles));   // any number of times, in arrival order
//   parallax::Report r = p.Finish();
//
// A server files articles one batch at a time and builds one story when asked:
//   std::vector<Filing> f = p.Add(batch);   // each article's story number, or why not
//   parallax::Story s = p.BuildStory(f[0].story.value());
// or runs the per-article stages itself, on its own threads and outside its locks, and files
// the results in arrival order (what Add does inside):
//   parallax::PreparedArticle a = parallax::Pipeline::Prepare(article, options);  // any thread
//   parallax::Filing f = p.File(std::move(a));                                     // in order
//
// Per-article stages (clean, analyze, dedup signatures) run on all cores; clustering takes
// the articles in arrival order. Thread-safety: not thread-safe; call from one thread.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "parallax/article.h"
#include "parallax/options.h"
#include "parallax/report.h"

namespace parallax {

// Orders a batch read from files for replay as a stream: by publication time, undated articles
// last, otherwise keeping their order. A folder has no arrival order of its own, and the
// clusterer retires stories by stream time, so files must not be replayed outlet by outlet.
void SortForReplay(std::vector<Article>& articles);

// What Add did with one article of a batch, in batch order.
struct Filing {
  // The story the article was filed into: a number that never changes for the article, stable
  // when the same articles are added again in the same order (a restart replays them). Absent
  // when the article was rejected. (Finish() reports stories of headlines that the clusterer
  // merged later as one; BuildStory(n) reads story n as filed.)
  std::optional<uint32_t> story;
  // Why the article was rejected (as in Report::rejected); empty when it was filed.
  std::string error;
  // True when the pipeline kept the article (its id is taken), even if it is in no story: an
  // article with nothing left after noise removal is kept but filed nowhere.
  bool kept = false;
};

// One article after the per-article stages (validation, clean, analyze, dedup signature,
// cluster features), ready to be filed: made by Pipeline::Prepare, consumed by Pipeline::File.
// Move-only.
class PreparedArticle {
 public:
  PreparedArticle();
  ~PreparedArticle();
  PreparedArticle(PreparedArticle&&) noexcept;
  PreparedArticle& operator=(PreparedArticle&&) noexcept;

 private:
  friend class Pipeline;
  struct State;
  std::unique_ptr<State> state_;
};

class Pipeline {
 public:
  explicit Pipeline(const PipelineOptions& options);
  ~Pipeline();
  Pipeline(const Pipeline&) = delete;
  Pipeline& operator=(const Pipeline&) = delete;

  // Adds a batch of articles in arrival order. Articles with no usable text, or whose id was
  // already seen, are rejected into the report, never thrown. Returns one Filing per article.
  std::vector<Filing> Add(std::vector<Article> articles);
  // The per-article stages of Add for one article, apart from filing it. A pure function of
  // the article and the options: thread-safe, and needs no Pipeline (so no lock on one).
  static PreparedArticle Prepare(Article article, const PipelineOptions& options);
  // Files one prepared article (duplicate id check, copy detection, clustering) as Add files
  // each of its articles: adding a batch, or preparing and filing its articles one by one in
  // the same order, gives the same stories. Prepare with this pipeline's options. Not
  // thread-safe, like Add.
  Filing File(PreparedArticle article);
  // Records an input that could not be read, so that it appears in the report.
  void Reject(Rejection rejection);
  // Builds the stories (digest, agreements, unique, conflicts) of everything added.
  Report Finish();
  // Builds one story (digest, agreements, unique, conflicts) of everything added so far; its
  // id is "s" + (story + 1). An unknown story number gives a story with no articles. Safe to
  // call from several threads at once, but not while Add runs.
  Story BuildStory(uint32_t story) const;
  // Story numbers handed out so far (every Filing::story is below this).
  size_t story_count() const;

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace parallax
