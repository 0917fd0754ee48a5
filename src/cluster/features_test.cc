#include "cluster/features.h"

#include <gtest/gtest.h>

#include "analyze/analyze.h"
#include "util/hash.h"

namespace parallax {
namespace {

float WeightOf(const ArticleFeatures& f, uint64_t term) {
  for (auto [t, w] : f.terms) {
    if (t == term) return w;
  }
  return 0;
}

TEST(Features, TitleAndLeadWeighMoreAndStopwordsVanish) {
  Article a;
  a.title = "Ferry strike";
  a.text = "The ferry crews stopped work. Unions met.\nLater the harbour was quiet. A crane fell.";
  a.published = 1000;
  std::vector<Span> paras = {{0, 41}, {42, static_cast<uint32_t>(a.text.size())}};
  Document d = Analyze(a, paras, {}, AnalyzeOptions{});
  ArticleFeatures f = ComputeFeatures(d);
  EXPECT_EQ(f.time, std::optional<int64_t>(1000));
  EXPECT_GT(WeightOf(f, Hash64("ferri")), WeightOf(f, Hash64("harbour")));
  EXPECT_GT(WeightOf(f, Hash64("strike")), WeightOf(f, Hash64("crane")));  // title 2x vs body 1x
  EXPECT_EQ(WeightOf(f, Hash64("the")), 0.0f);
  EXPECT_TRUE(std::is_sorted(f.terms.begin(), f.terms.end()));
}

}  // namespace
}  // namespace parallax
