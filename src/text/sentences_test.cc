#include "text/sentences.h"

#include <gtest/gtest.h>

namespace parallax {
namespace {

std::vector<std::string> Split(const std::string& text) {
  auto tokens = Tokenize(text);
  std::vector<std::string> out;
  for (TokenRange r : SplitSentences(tokens)) {
    out.push_back(
        text.substr(tokens[r.first].begin, tokens[r.last - 1].end - tokens[r.first].begin));
  }
  return out;
}

TEST(Sentences, SplitsOnTerminalPunctuation) {
  auto s = Split("The talks ended. Officials left! Was it \"over?\" Nobody knew.");
  ASSERT_EQ(s.size(), 4u);
  EXPECT_EQ(s[0], "The talks ended.");
  EXPECT_EQ(s[2], "Was it \"over?\"");
}

TEST(Sentences, StraightQuoteOpeningTheNextSentenceStaysWithIt) {
  auto s = Split(R"(He voiced concerns. "We will talk," he said. Then he left." Next.)");
  ASSERT_EQ(s.size(), 4u);
  EXPECT_EQ(s[0], "He voiced concerns.");
  EXPECT_EQ(s[1], "\"We will talk,\" he said.");
  EXPECT_EQ(s[2], "Then he left.\"");
}

TEST(Sentences, KeepsAbbreviationsInitialsAndAcronyms) {
  auto s = Split("Gen. Mohammad Zahedi met Mr. J. Smith in the U.S. Capitol on Jan. 5. It rained.");
  ASSERT_EQ(s.size(), 2u) << s[0];
  EXPECT_EQ(s[1], "It rained.");
}

TEST(Sentences, AcronymThenSentenceStarter) {
  auto s = Split("The envoy flew to the U.S. The talks resumed.");
  ASSERT_EQ(s.size(), 2u);
}

TEST(Sentences, NoSplitBeforeLowercaseOrDecimal) {
  EXPECT_EQ(Split("It cost 4.5 million. e.g. this stays together").size(), 1u);
}

TEST(Sentences, NoSplitInsideASpacedDecimal) {
  EXPECT_EQ(Split("A 4. 7 magnitude quake hit. It was felt far away.").size(), 2u);
  EXPECT_EQ(Split("Thieves took $3. 1 million early Monday.").size(), 1u);
  // A year, or a number not one space away, still ends the sentence.
  EXPECT_EQ(Split("It began in 2011. 30 people died.").size(), 2u);
}

TEST(Sentences, MultiSentenceQuoteStaysWithItsAttribution) {
  auto s = Split(
      "\xE2\x80\x9CWe will rebuild. The pier matters to us all,\xE2\x80\x9D the mayor said. Work "
      "starts soon.");
  ASSERT_EQ(s.size(), 2u) << s[0];
  EXPECT_EQ(s[1], "Work starts soon.");
  s = Split("Drange spoke. \"We will rebuild. It will take time,\" he said. Work starts soon.");
  ASSERT_EQ(s.size(), 3u) << s[1];
  EXPECT_EQ(s[1], "\"We will rebuild. It will take time,\" he said.");
}

TEST(Sentences, QuoteIntroducedByItsSpeakerStaysWhole) {
  auto s = Split(
      "Chief Mørk said: \xE2\x80\x9CThe captain has cooperated fully. We have no reason to doubt "
      "him.\xE2\x80\x9D Crews arrived.");
  ASSERT_EQ(s.size(), 2u) << s[0];
  EXPECT_EQ(s[1], "Crews arrived.");
  s = Split("The mayor said \"We will rebuild. It will take time.\" Crews arrived.");
  ASSERT_EQ(s.size(), 2u) << s[0];
}

TEST(Sentences, UnattributedQuoteSplitsAtItsSentences) {
  // A quotation standing alone, ended by its own full stop: each sentence inside stands alone.
  auto s = Split("The pier is closed. \"The pier is gone. We start again.\" Crews arrived.");
  ASSERT_EQ(s.size(), 4u);
  EXPECT_EQ(s[2], "We start again.\"");
  // A quote that never closes in the paragraph does not swallow it.
  EXPECT_EQ(Split("He said: \"The pier is gone. We start again. Crews arrived.").size(), 3u);
}

}  // namespace
}  // namespace parallax
