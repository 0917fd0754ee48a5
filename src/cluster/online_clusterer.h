// OnlineClusterer: single-pass story clustering in arrival order.
//
// For each article: update document frequencies and weigh its terms by TF-IDF (IDF from the
// stream so far); gather candidate stories through the inverted index of story top terms;
// describe each candidate by a few similarities (cosine of all terms, of titles, of named
// entities, years in common or not, story size — see ClusterModel) and turn them into a
// probability that the article belongs to the story with a logistic model calibrated on
// labelled news (cluster_model.txt, bench/calibrate_cluster.sh). The odds halve for every
// `half_life_seconds` between the article and the story's last article. The article joins the
// most probable story at or above `threshold`, else starts a story. Stories idle for
// `retire_after_seconds` of stream time (or `retire_after_articles` articles, for undated
// input) leave the index and free their memory. A story of headlines is read again as if it
// were one article when it reaches 2, 3, 4, 6, 8, 12, 16... headlines, and merges into the
// most probable other story at `headline_merge_threshold` (a headline alone is too little to
// place surely; full articles are not merged, see MaybeMerge). A story of full articles is
// read again at 8, 12, 16, 24, 32 and 48 articles and split in two when its members form two
// groups less alike than each is within (two events of one kind that an early article joined;
// see ClusterOptions::split_ratio and MaybeSplit): the articles of the group that leaves are
// moved, and ResolveArticle gives an article's story now. At the end of the input (EndOfInput),
// fragments of fewer than 4 full articles merge into the story they would join now, and every
// story that may still split is read once more.
//
// Cost per article: O(query terms × posting length + candidates × terms), independent of the
// number of stories seen. Not thread-safe: the pipeline feeds it from one thread.
// Tested by online_clusterer_test.cc.
#pragma once

#include <array>
#include <cstdint>
#include <deque>
#include <optional>
#include <queue>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <absl/container/flat_hash_map.h>

#include "cluster/features.h"
#include "parallax/options.h"
#include "parallax/status.h"

namespace parallax {

// What the model sees of an (article, candidate story) pair.
enum ClusterFeature : int {
  kBias,
  kCosine,          // TF-IDF cosine of the article to the story centroid, all terms
  kTitleCosine,     // cosine of the article's title terms to the story's title centroid
  kEntityCosine,    // cosine of named-entity keys (0 when either side has none)
  kEntitiesBoth,    // 1 when both sides name entities (so a 0 entity cosine is evidence)
  kYearsDisjoint,   // 1 when both mention years and share none
  kYearsShared,     // 1 when they share a year
  kHeadlineOnly,    // 1 when the article has no body
  kHeadlineCosine,  // kHeadlineOnly × kCosine
  kLogSize,         // ln(1 + articles in the story)
  kMemberCosine,    // highest cosine to one of the story's latest articles (their top terms)
  kSameDay,         // 1 when both are dated and the story's last article is < 24 h away
  kCosineSquared,   // kCosine², so the model can bend
  kCosineEntity,    // kCosine × kEntityCosine: similar words about the same names
  kPeopleCosine,    // share of the article's people (by mentions) the story names too, a
                    // misspelled surname counting as the same (0 when either side names none)
  kPeopleBoth,      // 1 when both sides name people
  kYearsOneSide,    // 1 when exactly one side mentions years
  kNumbersShared,   // counts/amounts in common (value, unit, counted noun), capped at 3, / 3
  kNumClusterFeatures
};

// Names of the features, in order, as written in a model file.
const std::array<std::string_view, kNumClusterFeatures>& ClusterFeatureNames();

// A logistic model over ClusterFeature: P(join) = 1 / (1 + exp(-w·x)).
struct ClusterModel {
  std::array<double, kNumClusterFeatures> weights{};
  // Stories of headlines merge at this probability (ClusterOptions::headline_merge_threshold);
  // above 1 never (a version 1 model file).
  double headline_merge = 2.0;
  std::string description;  // the model file's comment lines
};

// Parses a model file: '#' comments, then `parallax-cluster-model 2`, then one
// `<feature> <weight>` line per feature in order, then `headline_merge <probability>`.
// Version 1 (no headline_merge: never merge) is read too. Refuses another version or
// feature list.
Result<ClusterModel> ParseClusterModel(std::string_view text);
// The model built into parallax (src/cluster/cluster_model.txt).
const ClusterModel& DefaultClusterModel();

// Document frequencies of terms in a general news collection (cluster_background.txt, built by
// bench/calibrate_cluster.sh from 1,270 DUC 2004 and WCXB articles): the IDF prior.
struct ClusterBackground {
  double documents = 0;
  // Looked up for every term of every article: Abseil's flat table (Debian libabsl-dev), one
  // probe in a contiguous array rather than a node per entry (`perf`: ~5% of ingest CPU).
  absl::flat_hash_map<uint64_t, uint32_t> df;  // term hash -> documents holding it
};
const ClusterBackground& DefaultClusterBackground();

class OnlineClusterer {
 public:
  explicit OnlineClusterer(const ClusterOptions& options,
                           ClusterModel model = DefaultClusterModel());

  // Assigns the article to a story and returns the story number (0, 1, ... in creation order).
  uint32_t Add(const ArticleFeatures& features);
  // Records another article of a known story (a folded copy): refreshes only its activity.
  void Touch(uint32_t story, std::optional<int64_t> time);

  // For calibration (bench/calibrate_cluster.cc): the candidates of an article with their
  // model features, then filing it into a chosen story (or a new one, `story` = nullopt).
  struct Candidate {
    uint32_t story = 0;
    std::array<float, kNumClusterFeatures> x{};
    double decay = 1;  // 0.5^(Δt / half-life)
  };
  struct Prepared;
  Prepared Prepare(const ArticleFeatures& features);
  std::vector<Candidate> Candidates(const Prepared& article) const;
  uint32_t File(const Prepared& article, std::optional<uint32_t> story);
  // P(join) of a candidate under the model, with time decay.
  double Probability(const Candidate& c) const;

  // The story a story number now stands for: itself, or the story it was merged into (an
  // article keeps the number Add returned; resolve it when reading the stories back).
  uint32_t Resolve(uint32_t story) const;
  // Merges done so far, (from, into) in order, for callers that keep article -> story.
  const std::vector<std::pair<uint32_t, uint32_t>>& merges() const { return merges_; }
  // The story article number `article` (0, 1, ... in the order of Add/File calls), filed into
  // story `filed`, belongs to now: a split may have moved it, a merge may have absorbed it.
  uint32_t ResolveArticle(uint64_t article, uint32_t filed) const;
  // At the end of the input: each live fragment (fewer than 4 full articles) is read as one
  // article and merges into its most probable other story at fragment_merge_threshold; then
  // every live story that may still split is read once more, as if it had reached a
  // checkpoint (a story of 21 articles was last read at 16).
  void EndOfInput();
  // Articles moved by splits so far.
  size_t moved_articles() const { return moved_.size(); }

  size_t stories() const { return next_id_; }           // created so far
  size_t live_stories() const { return live_.size(); }  // still taking articles

  struct Prepared {
    TermWeights terms, title, entities;  // TF-IDF weighted, unit length
    std::vector<uint64_t> numbers;
    std::vector<std::pair<std::string, float>> surnames;
    std::vector<int16_t> years;
    std::optional<int64_t> time;
    bool headline_only = false;
  };

 private:
  using Centroid = TermWeights;  // sorted by term: dot products are a merge of two sorted runs
  struct Story {
    Centroid terms, title, entities;
    double norm = 0, title_norm = 0, entity_norm = 0;
    std::vector<uint64_t> numbers;                        // sorted, unique, at most kStoryNumbers
    std::vector<std::pair<std::string, float>> surnames;  // most mentioned, at most kStoryPeople
    std::vector<std::pair<int16_t, uint32_t>> years;      // year, articles mentioning it
    std::vector<uint64_t> posted;    // terms this story is listed under in postings_
    std::deque<TermWeights> recent;  // top terms of its latest articles, unit length
    std::optional<int64_t> last_time;
    uint64_t last_seq = 0;
    uint32_t size = 0;
    uint32_t headlines = 0;  // members without a body
    // While the story may still split (splits on, at most kSplitMembers articles): each
    // article's number and features, its terms cut to the strongest few; else empty.
    std::vector<std::pair<uint64_t, Prepared>> members;
  };

  TermWeights Weigh(const TermWeights& raw) const;
  void Retire(uint32_t id);
  void RetireIdle();
  void Repost(uint32_t id, Story& s);
  // Reads story `id` as an article and merges it into its most probable other story when
  // that reaches `threshold`. Returns the story `id` now stands for.
  uint32_t MaybeMerge(uint32_t id, double threshold);
  // Adds an article's (or a merged story's) terms, titles, entities, people and counts to `s`.
  void AddContent(Story& s, const TermWeights& terms, const TermWeights& title,
                  const TermWeights& entities,
                  const std::vector<std::pair<std::string, float>>& surnames,
                  const std::vector<uint64_t>& numbers) const;
  Prepared AsArticle(const Story& s) const;
  // Whether `s` is looked at for a split: it keeps all its members, is not made of headlines
  // alone and is large enough for two groups.
  static bool MaySplit(const Story& s);
  // Splits story `id` in two when its members are two events (ClusterOptions::split_ratio).
  void MaybeSplit(uint32_t id);
  // Adds one article's content, size and recent terms to `s` (not its members or the index).
  void AddArticle(Story& s, const Prepared& a) const;
  // Empties `s` of content and files `members` into it again, in order.
  void Refill(Story& s, std::vector<std::pair<uint64_t, Prepared>> members) const;

  ClusterOptions options_;
  ClusterModel model_;
  absl::flat_hash_map<uint64_t, uint32_t> df_;  // flat, as ClusterBackground::df
  uint64_t docs_ = 0;
  uint64_t filed_ = 0;  // articles filed: the next article number
  uint32_t next_id_ = 0;
  std::unordered_map<uint32_t, Story> live_;
  absl::flat_hash_map<uint64_t, std::vector<uint32_t>> postings_;
  std::optional<int64_t> now_;  // latest article time seen
  // Retirement queues: (last activity, story), oldest first; stale entries are skipped.
  std::priority_queue<std::pair<int64_t, uint32_t>, std::vector<std::pair<int64_t, uint32_t>>,
                      std::greater<>>
      by_time_;
  std::deque<std::pair<uint64_t, uint32_t>> by_seq_;
  std::unordered_map<uint32_t, uint32_t> merged_into_;
  std::vector<std::pair<uint32_t, uint32_t>> merges_;
  // Article number -> the story a split moved it to: at most kSplitMembers / 2 more articles
  // per split (ECB+: 65 stories became 82).
  absl::flat_hash_map<uint64_t, uint32_t> moved_;
};

}  // namespace parallax
