#include "align/align.h"

#include <gtest/gtest.h>

#include "analyze/analyze.h"

namespace parallax {
namespace {

// Fictional reports of one event by two outlets.
struct Story {
  std::vector<Article> articles;
  std::vector<Document> docs;
  std::vector<const Document*> ptrs;
  explicit Story(std::vector<std::string> texts) {
    articles.resize(texts.size());
    for (size_t i = 0; i < texts.size(); ++i) {
      articles[i].id = "a" + std::to_string(i);
      articles[i].text = texts[i];
    }
    for (const Article& a : articles) {
      docs.push_back(Analyze(a, SplitLines(a.text), {}, AnalyzeOptions{}));
    }
    for (const Document& d : docs) ptrs.push_back(&d);
  }
};

TEST(Align, ParaphrasesOfOneClaimAlignAndOthersDoNot) {
  Story story({
      "Korsholm harbour master Ole Drange said the north pier would reopen in June.\n"
      "The storm destroyed 42 fishing boats in the marina.\n"
      "Residents of Estvik were evacuated overnight.",
      "The north pier will reopen in June, harbour master Ole Drange said on Tuesday.\n"
      "A new ferry timetable starts next week.\n"
      "Some 42 fishing boats in the marina were destroyed by the storm.",
  });
  Alignment a = Align(story.ptrs, AlignOptions{});
  EXPECT_EQ(a.fact_of[0][0], a.fact_of[1][0]);  // the pier reopening
  EXPECT_EQ(a.fact_of[0][1], a.fact_of[1][2]);  // the boats
  EXPECT_NE(a.fact_of[0][2], a.fact_of[1][1]);  // evacuation vs timetable
  EXPECT_EQ(a.facts.size(), 4u);
  for (const Fact& f : a.facts) {
    for (size_t i = 1; i < f.members.size(); ++i) EXPECT_NE(f.members[i].doc, f.members[i - 1].doc);
  }
}

TEST(Align, OneSentencePerArticlePerFact) {
  Story story({"The pier reopened in June.\nThe pier reopened in June after repairs.",
               "The pier reopened in June."});
  Alignment a = Align(story.ptrs, AlignOptions{});
  for (const Fact& f : a.facts) {
    std::set<uint32_t> docs;
    for (auto m : f.members) EXPECT_TRUE(docs.insert(m.doc).second);
  }
}

TEST(Align, CosineOfUnitVectors) {
  SentenceVector v = {{1, 0.6f}, {2, 0.8f}};
  EXPECT_NEAR(Cosine(v, v), 1.0, 1e-6);
  EXPECT_NEAR(Cosine(v, {{3, 1.0f}}), 0.0, 1e-9);
}

TEST(Align, EmptyStory) {
  Alignment a = Align({}, AlignOptions{});
  EXPECT_TRUE(a.facts.empty());
}

}  // namespace
}  // namespace parallax
