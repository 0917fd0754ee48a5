#include "digest/digest.h"

#include <gtest/gtest.h>

#include "analyze/test_util.h"

namespace parallax {
namespace {

// Three fictional outlets on one event.
TestStory PierStory() {
  TestStory t;
  t.Add("a", "A storm destroyed the north pier in Korsholm on Monday night, harbour officials said.\n"
             "Harbour master Ole Drange said the pier would be rebuilt by the end of June.\n"
             "He said the repairs would cost about four million euros.\n"
             "Local fishermen moved their boats to the southern marina in Estvik.\n"
             "Is the harbour safe for ferries now?",
        "2026-03-03T08:00:00Z");
  t.Add("b", "The north pier in Korsholm was destroyed by a storm on Monday night.\n"
             "The pier will be rebuilt by the end of June, harbour master Ole Drange told reporters.\n"
             "Ferry services to the islands were suspended until further notice.",
        "2026-03-03T10:00:00Z");
  t.Add("c", "Monday night's storm destroyed the north pier in Korsholm, officials said.\n"
             "Ferry services to the islands were suspended until further notice, the operator said.\n"
             "A café owner near the harbour said the storm was the worst she had seen in decades.",
        "2026-03-03T12:00:00Z");
  return t;
}

size_t Words(const std::vector<Statement>& d) {
  size_t n = 0;
  for (const Statement& s : d) n += CountWords(s.text);
  return n;
}

TEST(Digest, StaysWithinTheWordBudget) {
  TestStory t = PierStory();
  Alignment a = Align(t.ptrs, AlignOptions{});
  for (size_t budget : {15u, 30u, 60u, 100u}) {
    auto d = BuildDigest(t.ptrs, a, DigestOptions{.words = budget});
    EXPECT_LE(Words(d), budget);
    EXPECT_FALSE(d.empty()) << budget;
  }
  EXPECT_TRUE(BuildDigest(t.ptrs, a, DigestOptions{.words = 3}).empty());
}

TEST(Digest, EverySentenceIsASourceSentenceWithAllItsSources) {
  TestStory t = PierStory();
  Alignment a = Align(t.ptrs, AlignOptions{});
  auto d = BuildDigest(t.ptrs, a, DigestOptions{.words = 100});
  ASSERT_FALSE(d.empty());
  // The lead fact is stated by all three outlets and leads the digest.
  EXPECT_NE(d.front().text.find("destroyed"), std::string::npos) << d.front().text;
  EXPECT_EQ(d.front().sources.size(), 3u);
  for (const Statement& s : d) {
    ASSERT_EQ(s.sources.size(), s.evidence.size());
    for (const SourceRef& r : s.evidence) {
      const Article* art = nullptr;
      for (const Article& x : t.articles) {
        if (x.id == r.article) art = &x;
      }
      ASSERT_NE(art, nullptr);
      EXPECT_LT(r.begin, r.end);
      EXPECT_EQ(s.sources.front(), s.evidence.front().article);
    }
    EXPECT_EQ(t.articles[0].text.find(s.text) != std::string::npos ||
                  t.articles[1].text.find(s.text) != std::string::npos ||
                  t.articles[2].text.find(s.text) != std::string::npos,
              true);
  }
}

TEST(Digest, SkipsQuestionsAndDanglingOpeners) {
  TestStory t = PierStory();
  Alignment a = Align(t.ptrs, AlignOptions{});
  for (const Statement& s : BuildDigest(t.ptrs, a, DigestOptions{.words = 1000})) {
    EXPECT_EQ(s.text.find('?'), std::string::npos);
    EXPECT_NE(s.text.substr(0, 3), "He ");
  }
}

TEST(Digest, NoRepeatedFacts) {
  TestStory t = PierStory();
  Alignment a = Align(t.ptrs, AlignOptions{});
  auto d = BuildDigest(t.ptrs, a, DigestOptions{.words = 1000});
  std::set<std::string> seen;
  for (const Statement& s : d) EXPECT_TRUE(seen.insert(s.text).second);
  // The pier-destroyed fact appears once even though three outlets state it.
  int destroyed = 0;
  for (const Statement& s : d) destroyed += s.text.find("destroyed") != std::string::npos;
  EXPECT_EQ(destroyed, 1);
}

}  // namespace
}  // namespace parallax
