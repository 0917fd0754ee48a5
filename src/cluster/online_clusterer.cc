// Online clustering with an inverted index over story centroids. Tested by
// online_clusterer_test.cc.
#include "cluster/online_clusterer.h"

#include <algorithm>
#include <cmath>

namespace parallax {
namespace {

// Query terms used for candidate retrieval, and terms a story is listed under. The top terms
// by weight carry most of the cosine, so candidates sharing none of them cannot pass the
// threshold in practice.
constexpr size_t kQueryTerms = 24;
constexpr size_t kPostedTerms = 32;
// Retirement sweep interval, in articles.
constexpr uint64_t kSweepEvery = 512;
// IDF prior: the stream is treated as if it began with this many background documents in
// which no term occurred. Without it, at the start of a stream the words two reports of one
// event share look common (df = 2 of N = 2) and weigh least, so the first stories split;
// with it, IDF starts near-uniform and the stream's own frequencies take over as it grows.
constexpr double kBackgroundDocs = 50.0;

}  // namespace

OnlineClusterer::Vector OnlineClusterer::Weigh(const ArticleFeatures& f) {
  ++docs_;
  for (const auto& [term, w] : f.terms) ++df_[term];
  Vector v;
  v.reserve(f.terms.size());
  double norm = 0;
  for (const auto& [term, w] : f.terms) {
    double idf = std::log((static_cast<double>(docs_) + kBackgroundDocs) / (df_[term] + 1.0));
    float x = static_cast<float>(w * idf);
    v.emplace_back(term, x);
    norm += static_cast<double>(x) * x;
  }
  norm = std::sqrt(norm);
  if (norm > 0) {
    for (auto& [term, x] : v) x = static_cast<float>(x / norm);
  }
  return v;
}

std::vector<uint32_t> OnlineClusterer::Candidates(const Vector& v) const {
  Vector top = v;
  size_t q = std::min(kQueryTerms, top.size());
  std::partial_sort(top.begin(), top.begin() + static_cast<long>(q), top.end(),
                    [](const auto& a, const auto& b) { return a.second > b.second; });
  std::unordered_map<uint32_t, float> votes;
  for (size_t i = 0; i < q; ++i) {
    auto it = postings_.find(top[i].first);
    if (it == postings_.end()) continue;
    for (uint32_t s : it->second) {
      if (!stories_[s].retired) votes[s] += top[i].second;
    }
  }
  std::vector<std::pair<float, uint32_t>> ranked;
  for (auto [s, w] : votes) ranked.emplace_back(w, s);
  size_t keep = std::min(options_.max_candidates, ranked.size());
  std::partial_sort(ranked.begin(), ranked.begin() + static_cast<long>(keep), ranked.end(),
                    [](const auto& a, const auto& b) { return a.first > b.first || (a.first == b.first && a.second < b.second); });
  std::vector<uint32_t> out;
  for (size_t i = 0; i < keep; ++i) out.push_back(ranked[i].second);
  return out;
}

double OnlineClusterer::Score(const Vector& v, const Story& s, std::optional<int64_t> time) const {
  if (s.norm <= 0) return 0;
  double dot = 0;
  for (const auto& [term, x] : v) {
    auto it = s.centroid.find(term);
    if (it != s.centroid.end()) dot += static_cast<double>(x) * it->second;
  }
  double cosine = dot / s.norm;
  if (time && s.last_time) {
    double dt = std::fabs(static_cast<double>(*time - *s.last_time));
    if (dt > static_cast<double>(options_.retire_after_seconds)) return 0;
    cosine *= std::pow(0.5, dt / static_cast<double>(std::max<int64_t>(1, options_.half_life_seconds)));
  }
  return cosine;
}

void OnlineClusterer::AddToStory(uint32_t id, const Vector& v, std::optional<int64_t> time) {
  Story& s = stories_[id];
  for (const auto& [term, x] : v) s.centroid[term] += x;
  if (s.centroid.size() > 2 * options_.centroid_terms) {
    std::vector<std::pair<uint64_t, float>> terms(s.centroid.begin(), s.centroid.end());
    std::nth_element(terms.begin(), terms.begin() + static_cast<long>(options_.centroid_terms),
                     terms.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    terms.resize(options_.centroid_terms);
    s.centroid = std::unordered_map<uint64_t, float>(terms.begin(), terms.end());
  }
  double norm = 0;
  for (const auto& [term, x] : s.centroid) norm += static_cast<double>(x) * x;
  s.norm = std::sqrt(norm);
  ++s.size;
  Touch(id, time);
  Repost(id);
}

void OnlineClusterer::Repost(uint32_t id) {
  Story& s = stories_[id];
  std::vector<std::pair<float, uint64_t>> terms;
  terms.reserve(s.centroid.size());
  for (const auto& [term, x] : s.centroid) terms.emplace_back(x, term);
  size_t k = std::min(kPostedTerms, terms.size());
  std::partial_sort(terms.begin(), terms.begin() + static_cast<long>(k), terms.end(),
                    [](const auto& a, const auto& b) { return a.first > b.first; });
  for (size_t i = 0; i < k; ++i) {
    uint64_t term = terms[i].second;
    if (std::find(s.posted.begin(), s.posted.end(), term) != s.posted.end()) continue;
    s.posted.push_back(term);
    postings_[term].push_back(id);
  }
}

void OnlineClusterer::Touch(uint32_t story, std::optional<int64_t> time) {
  Story& s = stories_[story];
  if (time && (!s.last_time || *time > *s.last_time)) s.last_time = time;
  if (time && (!now_ || *time > *now_)) now_ = time;
}

void OnlineClusterer::RetireIdle() {
  if (!now_) return;
  for (uint32_t id = 0; id < stories_.size(); ++id) {
    Story& s = stories_[id];
    if (s.retired || !s.last_time || *now_ - *s.last_time <= options_.retire_after_seconds) continue;
    for (uint64_t term : s.posted) {
      auto it = postings_.find(term);
      if (it == postings_.end()) continue;
      std::erase(it->second, id);
      if (it->second.empty()) postings_.erase(it);
    }
    s = Story{.last_time = s.last_time, .size = s.size, .retired = true};  // free the centroid
    --live_;
  }
}

uint32_t OnlineClusterer::Add(const ArticleFeatures& features) {
  Vector v = Weigh(features);
  if (features.time && (!now_ || *features.time > *now_)) now_ = features.time;
  uint32_t best = 0;
  double best_score = -1;
  for (uint32_t c : Candidates(v)) {
    double score = Score(v, stories_[c], features.time);
    if (score > best_score) {
      best_score = score;
      best = c;
    }
  }
  if (best_score < options_.threshold) {
    best = static_cast<uint32_t>(stories_.size());
    stories_.emplace_back();
    ++live_;
  }
  AddToStory(best, v, features.time);
  if (docs_ % kSweepEvery == 0) RetireIdle();
  return best;
}

}  // namespace parallax
