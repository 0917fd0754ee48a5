// The pipeline driver. Tested by pipeline_test.cc and the end-to-end tests in tests/.
#include "parallax/pipeline.h"

#include <tbb/parallel_for.h>
#include <tbb/parallel_pipeline.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <unordered_map>

#include "align/align.h"
#include "analyze/analyze.h"
#include "clean/clean.h"
#include "cluster/features.h"
#include "cluster/online_clusterer.h"
#include "compare/compare.h"
#include "dedup/dedup_index.h"
#include "digest/digest.h"
#include "text/utf8.h"
#include "util/tsan.h"

namespace parallax {
// Named, not anonymous: PreparedArticle::State, declared in the header, holds one, and a class
// with external linkage should not have members of internal types.
namespace pipeline_internal {

// What the per-article stages produce; signature and features are dropped once used.
struct Processed {
  std::unique_ptr<Document> doc;
  Signature signature;
  ArticleFeatures features;
};

}  // namespace pipeline_internal
using pipeline_internal::Processed;

namespace {

Processed ProcessArticle(const Article& a, const PipelineOptions& o) {
  CleanResult clean = Clean(a, o.clean);
  Processed p;
  p.doc =
      std::make_unique<Document>(Analyze(a, clean.paragraphs, std::move(clean.removed), o.analyze));
  p.signature = ComputeSignature(*p.doc, o.dedup);
  p.features = ComputeFeatures(*p.doc);
  return p;
}

constexpr uint32_t kNoStory = UINT32_MAX;

std::string Origin(const Article& a) { return a.origin.empty() ? "article " + a.id : a.origin; }

}  // namespace

class Pipeline::Impl {
 public:
  explicit Impl(const PipelineOptions& o)
      : options_(o),
        arena_(o.threads > 0 ? o.threads : tbb::task_arena::automatic),
        dedup_(o.dedup),
        clusterer_(o.cluster) {}

  std::vector<Filing> Add(std::vector<Article> batch);
  Filing File(PreparedArticle::State& prepared);
  Story BuildStoryNumber(uint32_t story) const;
  size_t story_count() const { return stories_.size(); }
  void Reject(Rejection r) { rejected_.push_back(std::move(r)); }
  Report Finish();

 private:
  // The rejection reason, or empty when `a` is accepted (and its id taken).
  std::string Accept(const Article& a);
  std::string TakeId(const Article& a);
  std::string RejectWith(const Article& a, std::string why);
  // The ordered stages for one accepted, processed article: copy detection, then clustering.
  void FileProcessed(std::unique_ptr<Article> article, Processed& p, Filing& filing);
  Story BuildStory(const std::vector<uint32_t>& members) const;
  StoryArticle Describe(uint32_t i) const;

  PipelineOptions options_;
  tbb::task_arena arena_;
  DedupIndex dedup_;
  std::vector<uint32_t> dedup_slot_article_;  // dedup index slot -> article index
  OnlineClusterer clusterer_;
  // Owned one by one: Documents point to their Article, so its address must never move.
  std::vector<std::unique_ptr<Article>> articles_;
  std::vector<std::unique_ptr<Document>> docs_;
  std::vector<int64_t> copy_of_;  // -1, or the index of the original
  std::vector<std::vector<uint32_t>> copies_;
  std::vector<std::vector<uint32_t>> stories_;  // story number -> article indexes
  std::vector<uint32_t> story_of_;              // article index -> story number, or kNoStory
  std::vector<uint32_t> clustered_;             // clusterer article number -> article index
  std::unordered_map<std::string, std::string> seen_ids_;  // id -> origin
  std::vector<Rejection> rejected_;
};

// What Prepare made of one article: the article (at its final address) and, when it is valid,
// what the per-article stages produced; or why it is invalid.
struct PreparedArticle::State {
  std::unique_ptr<Article> article;
  std::string error;
  Processed processed;
};

namespace {

// Why `a` cannot be filed whatever came before it, or empty (the id is checked when filing).
std::string Invalid(const Article& a) {
  if (a.id.empty()) return "article has no id";
  if (Status s = ValidateUtf8(a.text); !s.ok()) return "text: " + s.message();
  if (Status s = ValidateUtf8(a.title); !s.ok()) return "title: " + s.message();
  // A headline alone is enough to file an article into a story (headline feeds).
  if (Trim(a.text).empty() && Trim(a.title).empty()) return "article has no text and no title";
  return {};
}

}  // namespace

std::string Pipeline::Impl::RejectWith(const Article& a, std::string why) {
  rejected_.push_back({Origin(a), why});
  return why;
}

std::string Pipeline::Impl::TakeId(const Article& a) {
  auto [it, inserted] = seen_ids_.emplace(a.id, Origin(a));
  if (!inserted)
    return RejectWith(a, "duplicate id \"" + a.id + "\" (first at " + it->second + ")");
  return {};
}

std::string Pipeline::Impl::Accept(const Article& a) {
  if (std::string why = Invalid(a); !why.empty()) return RejectWith(a, std::move(why));
  return TakeId(a);
}

std::vector<Filing> Pipeline::Impl::Add(std::vector<Article> batch) {
  std::vector<Filing> filings(batch.size());
  std::vector<size_t> filing_of;  // accepted article i -> its position in the batch
  std::vector<std::unique_ptr<Article>> accepted;
  for (size_t b = 0; b < batch.size(); ++b) {
    filings[b].error = Accept(batch[b]);
    if (!filings[b].error.empty()) continue;
    filing_of.push_back(b);
    accepted.push_back(std::make_unique<Article>(std::move(batch[b])));
  }
  // The per-article stages on all cores; each article is filed, in order, as soon as it and
  // all before it are processed, so the ordered stages overlap the processing of later articles.
  const size_t n = accepted.size();
  std::vector<Processed> done(n);
  size_t next = 0;
  tsan::TbbHandoff run(n);
  arena_.execute([&] {
    tbb::parallel_pipeline(
        4 * static_cast<size_t>(arena_.max_concurrency()) + 4,
        tbb::make_filter<void, size_t>(tbb::filter_mode::serial_in_order,
                                       run.Serial([&](tbb::flow_control& fc) -> size_t {
                                         if (next == n) fc.stop();
                                         return next++;
                                       })) &
            tbb::make_filter<size_t, size_t>(tbb::filter_mode::parallel,
                                             run.Parallel([&](size_t i) {
                                               done[i] = ProcessArticle(*accepted[i], options_);
                                               return i;
                                             })) &
            tbb::make_filter<size_t, void>(
                tbb::filter_mode::serial_in_order, run.Serial([&](size_t i) {
                  FileProcessed(std::move(accepted[i]), done[i], filings[filing_of[i]]);
                  done[i] = Processed{};  // no longer needed
                })));
  });
  run.Join();
  return filings;
}

Filing Pipeline::Impl::File(PreparedArticle::State& prepared) {
  Filing filing;
  const Article& a = *prepared.article;
  filing.error = prepared.error.empty() ? TakeId(a) : RejectWith(a, prepared.error);
  if (filing.error.empty()) FileProcessed(std::move(prepared.article), prepared.processed, filing);
  return filing;
}

void Pipeline::Impl::FileProcessed(std::unique_ptr<Article> article, Processed& p, Filing& filing) {
  const auto index = static_cast<uint32_t>(articles_.size());
  articles_.push_back(std::move(article));
  Article& a = *articles_.back();
  filing.kept = true;
  const bool has_body = !p.doc->sentences.empty();
  const bool usable = has_body || !p.doc->title_words.empty();
  if (!usable) filing.error = RejectWith(a, "no article text left after removing noise");
  copies_.emplace_back();
  // Headline-only articles are too short for shingles to tell a copy from a rewrite.
  std::optional<uint32_t> original;
  if (has_body) {
    const size_t indexed = dedup_.size();
    if (auto m = dedup_.FindOrAdd(a.id, p.signature)) original = dedup_slot_article_[m->original];
    if (dedup_.size() > indexed)
      dedup_slot_article_.push_back(index);  // an original or a bridging copy
  }
  copy_of_.push_back(original ? static_cast<int64_t>(*original) : -1);
  story_of_.push_back(kNoStory);
  if (usable) {
    uint32_t story;
    if (original) {
      copies_[*original].push_back(index);
      story = story_of_[*original];
      if (!options_.one_story) clusterer_.Touch(story, a.published);
    } else {
      story = options_.one_story ? 0 : clusterer_.Add(p.features);
      if (!options_.one_story) clustered_.push_back(index);
    }
    if (story >= stories_.size()) stories_.resize(story + 1);
    stories_[story].push_back(index);
    story_of_[index] = story;
    filing.story = story;
  }
  if (options_.summarize) {
    docs_.push_back(std::move(p.doc));
  } else {  // filed: keep only what Finish() lists
    docs_.emplace_back();
    std::string().swap(a.text);
  }
}

Story Pipeline::Impl::BuildStoryNumber(uint32_t story) const {
  if (story >= stories_.size()) return Story{};
  Story s = BuildStory(stories_[story]);
  s.id = "s" + std::to_string(story + 1);
  return s;
}

StoryArticle Pipeline::Impl::Describe(uint32_t i) const {
  const Article& a = *articles_[i];
  StoryArticle s{a.id, a.outlet, a.title, a.url, a.published, "", {}, {}};
  if (docs_[i]) s.removed = docs_[i]->removed;
  if (copy_of_[i] >= 0) s.duplicate_of = articles_[static_cast<size_t>(copy_of_[i])]->id;
  for (uint32_t c : copies_[i]) s.copies.push_back(articles_[c]->id);
  return s;
}

Story Pipeline::Impl::BuildStory(const std::vector<uint32_t>& members) const {
  Story story;
  std::vector<const Document*> docs, copies;
  for (uint32_t i : members) {
    story.articles.push_back(Describe(i));
    if (docs_[i]) (copy_of_[i] < 0 ? docs : copies).push_back(docs_[i].get());
  }
  if (!options_.summarize) {
    for (uint32_t i : members) {
      if (story.title.empty()) story.title = articles_[i]->title;
    }
    return story;
  }
  Alignment alignment = Align(docs, AlignOptions{});
  story.digest = BuildDigest(docs, alignment, options_.digest);
  Comparison c = Compare(docs, alignment, options_.compare, copies);
  story.agreements = std::move(c.agreements);
  story.unique = std::move(c.unique);
  story.conflicts = std::move(c.conflicts);
  // Title: the titled article sharing the most facts with the others.
  size_t best = 0, best_shared = 0;
  bool found = false;
  for (size_t d = 0; d < docs.size(); ++d) {
    if (docs[d]->article->title.empty()) continue;
    size_t shared = 0;
    for (uint32_t f : alignment.fact_of[d]) shared += alignment.facts[f].members.size() - 1;
    if (!found || shared > best_shared) {
      best = d;
      best_shared = shared;
      found = true;
    }
  }
  if (found) {
    story.title = docs[best]->article->title;
  } else if (!story.digest.empty()) {
    story.title = story.digest.front().text;
  }
  return story;
}

Report Pipeline::Impl::Finish() {
  Report report;
  report.articles_read = 0;
  // Stories are reported as they are now: articles a split moved (OnlineClusterer) are in
  // their new story, stories merged since their articles were filed (headline feeds, and
  // fragments at the end of the input) are one, and a copy is where its original is. Filing
  // numbers stay as they were handed out.
  std::vector<uint32_t> now = story_of_;
  if (!options_.one_story) {
    clusterer_.EndOfInput();
    for (uint64_t k = 0; k < clustered_.size(); ++k)
      now[clustered_[k]] = clusterer_.ResolveArticle(k, story_of_[clustered_[k]]);
    for (size_t i = 0; i < now.size(); ++i)
      if (copy_of_[i] >= 0 && now[static_cast<size_t>(copy_of_[i])] != kNoStory)
        now[i] = now[static_cast<size_t>(copy_of_[i])];
  }
  std::vector<std::vector<uint32_t>> merged(std::max(stories_.size(), clusterer_.stories()));
  for (uint32_t i = 0; i < now.size(); ++i)  // so each story lists its articles in arrival order
    if (now[i] != kNoStory) merged[now[i]].push_back(i);
  std::vector<const std::vector<uint32_t>*> order;
  for (auto& m : merged) {
    if (!m.empty()) order.push_back(&m);
    report.articles_read += m.size();
  }
  std::stable_sort(order.begin(), order.end(),
                   [](auto* a, auto* b) { return a->size() > b->size(); });
  report.stories.resize(order.size());
  tsan::TbbHandoff run;
  arena_.execute([&] {
    tbb::parallel_for(size_t{0}, order.size(),
                      run.Parallel([&](size_t i) { report.stories[i] = BuildStory(*order[i]); }));
  });
  run.Join();
  for (size_t i = 0; i < report.stories.size(); ++i)
    report.stories[i].id = "s" + std::to_string(i + 1);
  report.rejected = rejected_;
  return report;
}

void SortForReplay(std::vector<Article>& articles) {
  std::stable_sort(articles.begin(), articles.end(), [](const Article& a, const Article& b) {
    return a.published.value_or(INT64_MAX) < b.published.value_or(INT64_MAX);
  });
}

Pipeline::Pipeline(const PipelineOptions& options) : impl_(std::make_unique<Impl>(options)) {}
Pipeline::~Pipeline() = default;
std::vector<Filing> Pipeline::Add(std::vector<Article> articles) {
  return impl_->Add(std::move(articles));
}

PreparedArticle Pipeline::Prepare(Article article, const PipelineOptions& options) {
  PreparedArticle p;
  p.state_ = std::make_unique<PreparedArticle::State>();
  p.state_->article = std::make_unique<Article>(std::move(article));
  p.state_->error = Invalid(*p.state_->article);
  if (p.state_->error.empty()) p.state_->processed = ProcessArticle(*p.state_->article, options);
  return p;
}

Filing Pipeline::File(PreparedArticle article) { return impl_->File(*article.state_); }

PreparedArticle::PreparedArticle() = default;
PreparedArticle::~PreparedArticle() = default;
PreparedArticle::PreparedArticle(PreparedArticle&&) noexcept = default;
PreparedArticle& PreparedArticle::operator=(PreparedArticle&&) noexcept = default;
Story Pipeline::BuildStory(uint32_t story) const { return impl_->BuildStoryNumber(story); }
size_t Pipeline::story_count() const { return impl_->story_count(); }
void Pipeline::Reject(Rejection rejection) { impl_->Reject(std::move(rejection)); }
Report Pipeline::Finish() { return impl_->Finish(); }

}  // namespace parallax
