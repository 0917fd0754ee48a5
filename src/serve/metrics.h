// Metrics: counters of `parallax serve`, rendered in the Prometheus text format (version
// 0.0.4) for GET /metrics.
// Thread-safety: every method may be called from any thread.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <tuple>

namespace parallax {

// The route label of a request path: the pattern, not the path, so that story and article
// ids do not make one time series each.
std::string RouteOf(std::string_view path);

class Metrics {
 public:
  void CountRequest(std::string_view method, std::string_view route, int status);
  void CountArticles(uint64_t stored, uint64_t rejected);
  void ObserveCommit(double seconds);
  // All metrics; `articles` and `stories` are the current totals (gauges).
  std::string Render(int64_t articles, int64_t stories) const;

 private:
  mutable std::mutex mutex_;
  std::map<std::tuple<std::string, std::string, int>, uint64_t> requests_;
  uint64_t stored_ = 0;
  uint64_t rejected_ = 0;
  // Commit latency histogram: upper bounds in seconds (Prometheus buckets are cumulative).
  static constexpr double kBuckets[] = {0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5};
  uint64_t commit_buckets_[std::size(kBuckets)] = {};
  uint64_t commits_ = 0;
  double commit_seconds_ = 0;
};

}  // namespace parallax
