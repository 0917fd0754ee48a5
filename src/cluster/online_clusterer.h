// OnlineClusterer: single-pass story clustering in arrival order.
//
// For each article: update document frequencies, weight its terms by TF-IDF (IDF from the
// stream so far) and L2-normalise; gather candidate stories through the inverted index of
// story top terms; score each by cosine to the story centroid times 0.5^(Δt / half-life);
// join the best at or above `threshold`, else start a story. A centroid is the sum of its
// articles' unit vectors, pruned to `centroid_terms`. Stories idle for `retire_after_seconds`
// (stream time) leave the index. Cost per article: O(query terms × posting length +
// candidates × terms), independent of the number of stories seen.
// Not thread-safe: the pipeline feeds it from one thread. Tested by online_clusterer_test.cc.
#pragma once

#include <cstdint>
#include <optional>
#include <unordered_map>
#include <vector>

#include "cluster/features.h"
#include "parallax/options.h"

namespace parallax {

class OnlineClusterer {
 public:
  explicit OnlineClusterer(const ClusterOptions& options) : options_(options) {}

  // Assigns the article to a story and returns the story number (0, 1, ... in creation order).
  uint32_t Add(const ArticleFeatures& features);
  // Adds an article to a known story (a folded copy), updating nothing but the story's time.
  void Touch(uint32_t story, std::optional<int64_t> time);

  size_t stories() const { return stories_.size(); }
  size_t live_stories() const { return live_; }

 private:
  struct Story {
    std::unordered_map<uint64_t, float> centroid;
    double norm = 0;
    std::vector<uint64_t> posted;  // terms this story is listed under in postings_
    std::optional<int64_t> last_time;
    uint32_t size = 0;
    bool retired = false;
  };
  using Vector = std::vector<std::pair<uint64_t, float>>;

  Vector Weigh(const ArticleFeatures& f);
  std::vector<uint32_t> Candidates(const Vector& v) const;
  double Score(const Vector& v, const Story& s, std::optional<int64_t> time) const;
  void AddToStory(uint32_t id, const Vector& v, std::optional<int64_t> time);
  void Repost(uint32_t id);
  void RetireIdle();

  ClusterOptions options_;
  std::unordered_map<uint64_t, uint32_t> df_;
  uint64_t docs_ = 0;
  std::vector<Story> stories_;
  std::unordered_map<uint64_t, std::vector<uint32_t>> postings_;
  std::optional<int64_t> now_;  // latest article time seen
  size_t live_ = 0;
};

}  // namespace parallax
