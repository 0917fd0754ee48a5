// Shared by the clustering benches: the clusterer's features of each article, computed as the
// pipeline computes them (clean, analyze, ComputeFeatures) on all cores.
#pragma once

#include <tbb/parallel_for.h>

#include <vector>

#include "analyze/analyze.h"
#include "clean/clean.h"
#include "cluster/features.h"
#include "parallax/article.h"

namespace parallax {

inline std::vector<ArticleFeatures> FeaturesOf(const std::vector<Article>& articles) {
  std::vector<ArticleFeatures> features(articles.size());
  tbb::parallel_for(size_t{0}, articles.size(), [&](size_t i) {
    CleanResult clean = Clean(articles[i], CleanOptions{});
    Document doc =
        Analyze(articles[i], clean.paragraphs, std::move(clean.removed), AnalyzeOptions{});
    features[i] = ComputeFeatures(doc);
  });
  return features;
}

}  // namespace parallax
