#include "serve/metrics.h"

#include <gtest/gtest.h>

namespace parallax {
namespace {

TEST(Metrics, RoutesAreLabelledByPattern) {
  EXPECT_EQ(RouteOf("/v1/stories/s12"), "/v1/stories/{id}");
  EXPECT_EQ(RouteOf("/v1/articles/a%2Fb"), "/v1/articles/{id}");
  EXPECT_EQ(RouteOf("/v1/stories"), "/v1/stories");
  EXPECT_EQ(RouteOf("/wp-admin"), "other");
}

TEST(Metrics, RendersPrometheusText) {
  Metrics m;
  m.CountRequest("GET", "/healthz", 200);
  m.CountRequest("GET", "/healthz", 200);
  m.CountArticles(5, 1);
  m.ObserveCommit(0.003);
  m.ObserveCommit(3.0);
  std::string text = m.Render(7, 2);
  EXPECT_NE(
      text.find(
          "parallax_http_requests_total{method=\"GET\",route=\"/healthz\",status=\"200\"} 2\n"),
      std::string::npos);
  EXPECT_NE(text.find("parallax_articles_stored_total 5\n"), std::string::npos);
  EXPECT_NE(text.find("parallax_articles_rejected_total 1\n"), std::string::npos);
  EXPECT_NE(text.find("parallax_articles 7\n"), std::string::npos);
  EXPECT_NE(text.find("parallax_stories 2\n"), std::string::npos);
  EXPECT_NE(text.find("parallax_commit_seconds_bucket{le=\"0.001\"} 0\n"), std::string::npos);
  EXPECT_NE(text.find("parallax_commit_seconds_bucket{le=\"0.005\"} 1\n"), std::string::npos);
  EXPECT_NE(text.find("parallax_commit_seconds_bucket{le=\"+Inf\"} 2\n"), std::string::npos);
  EXPECT_NE(text.find("parallax_commit_seconds_count 2\n"), std::string::npos);
}

}  // namespace
}  // namespace parallax
