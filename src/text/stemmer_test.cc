#include "text/stemmer.h"

#include <gtest/gtest.h>

#include <thread>

#include "text/stopwords.h"

namespace parallax {
namespace {

TEST(Stemmer, EnglishSnowball) {
  EXPECT_EQ(Stem("discussions"), "discuss");
  EXPECT_EQ(Stem("talks"), "talk");
  EXPECT_EQ(Stem("missiles"), Stem("missile"));
  EXPECT_EQ(Stem("us"), "us");  // short words untouched
}

TEST(Stemmer, OtherLanguagesAndFallback) {
  EXPECT_TRUE(HasStemmer("de"));
  EXPECT_NE(Stem("häuser", "de"), "häuser");
  EXPECT_EQ(Stem("discussions", "xx"), "discuss");  // unknown language -> English
}

TEST(Stemmer, ThreadsHaveTheirOwnStemmer) {
  std::string a, b;
  std::thread t1([&] {
    for (int i = 0; i < 1000; ++i) a = Stem("negotiations");
  });
  std::thread t2([&] {
    for (int i = 0; i < 1000; ++i) b = Stem("negotiations");
  });
  t1.join();
  t2.join();
  EXPECT_EQ(a, "negoti");
  EXPECT_EQ(a, b);
}

TEST(Stopwords, FunctionWordsOnly) {
  EXPECT_TRUE(IsStopword("the"));
  EXPECT_TRUE(IsStopword("said"));
  EXPECT_FALSE(IsStopword("iran"));
  EXPECT_FALSE(IsStopword("missiles"));
}

}  // namespace
}  // namespace parallax
