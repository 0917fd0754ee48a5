// Prometheus text exposition by hand: a few counters do not need a client library (Debian has
// none for C++), and the format is a handful of lines. Tested by metrics_test.cc.
#include "serve/metrics.h"

#include <cstdio>

namespace parallax {

std::string RouteOf(std::string_view path) {
  if (path == "/" || path == "/healthz" || path == "/metrics" || path == "/v1/articles" ||
      path == "/v1/stories") {
    return std::string(path);
  }
  if (path.rfind("/v1/stories/", 0) == 0) return "/v1/stories/{id}";
  if (path.rfind("/v1/articles/", 0) == 0) return "/v1/articles/{id}";
  return "other";
}

void Metrics::CountRequest(std::string_view method, std::string_view route, int status) {
  std::lock_guard lock(mutex_);
  ++requests_[{std::string(method), std::string(route), status}];
}

void Metrics::CountArticles(uint64_t stored, uint64_t rejected) {
  std::lock_guard lock(mutex_);
  stored_ += stored;
  rejected_ += rejected;
}

void Metrics::ObserveCommit(double seconds) {
  std::lock_guard lock(mutex_);
  ++commits_;
  commit_seconds_ += seconds;
  for (size_t i = 0; i < std::size(kBuckets); ++i) {
    if (seconds <= kBuckets[i]) ++commit_buckets_[i];
  }
}

std::string Metrics::Render(int64_t articles, int64_t stories) const {
  std::lock_guard lock(mutex_);
  std::string out;
  auto line = [&out](const std::string& s) { out += s + "\n"; };
  line("# HELP parallax_http_requests_total HTTP requests answered, by method, route and status.");
  line("# TYPE parallax_http_requests_total counter");
  for (const auto& [key, n] : requests_) {
    const auto& [method, route, status] = key;
    std::string l = "parallax_http_requests_total{method=\"";
    l.append(method).append("\",route=\"").append(route).append("\",status=\"");
    l.append(std::to_string(status)).append("\"} ").append(std::to_string(n));
    line(l);
  }
  line("# HELP parallax_articles_stored_total Articles acknowledged (committed) since start.");
  line("# TYPE parallax_articles_stored_total counter");
  line("parallax_articles_stored_total " + std::to_string(stored_));
  line("# HELP parallax_articles_rejected_total Articles refused (bad JSON, fields, duplicates).");
  line("# TYPE parallax_articles_rejected_total counter");
  line("parallax_articles_rejected_total " + std::to_string(rejected_));
  line("# HELP parallax_articles Articles in the store.");
  line("# TYPE parallax_articles gauge");
  line("parallax_articles " + std::to_string(articles));
  line("# HELP parallax_stories Stories created.");
  line("# TYPE parallax_stories gauge");
  line("parallax_stories " + std::to_string(stories));
  line(
      "# HELP parallax_commit_seconds Time of the SQLite COMMIT of one POSTed batch (its rows "
      "already written).");
  line("# TYPE parallax_commit_seconds histogram");
  char bound[32];
  for (size_t i = 0; i < std::size(kBuckets); ++i) {
    std::snprintf(bound, sizeof bound, "%g", kBuckets[i]);
    line(std::string("parallax_commit_seconds_bucket{le=\"") + bound + "\"} " +
         std::to_string(commit_buckets_[i]));
  }
  line("parallax_commit_seconds_bucket{le=\"+Inf\"} " + std::to_string(commits_));
  std::snprintf(bound, sizeof bound, "%.6f", commit_seconds_);
  line(std::string("parallax_commit_seconds_sum ") + bound);
  line("parallax_commit_seconds_count " + std::to_string(commits_));
  return out;
}

}  // namespace parallax
