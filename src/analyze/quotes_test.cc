#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "analyze/analyze.h"
#include "analyze/test_util.h"

namespace parallax {
namespace {

// "quoted text | speaker key" for every quotation.
std::vector<std::string> Quotes(const std::string& text) {
  auto a = AnalyzeText(text);
  std::vector<std::string> out;
  for (const QuoteMention& q : a->doc.quotes) {
    EXPECT_EQ(a->doc.Text(q.span), q.text);
    if (q.speaker >= 0) {
      EXPECT_LT(static_cast<size_t>(q.speaker), a->doc.entities.size());
    } else {
      EXPECT_EQ(q.speaker_key, "");
    }
    out.push_back(q.text + " | " + q.speaker_key);
  }
  return out;
}

using Strings = std::vector<std::string>;

TEST(Quotes, NameAndVerbAfterTheQuote) {
  EXPECT_EQ(Quotes("“Everyone stayed calm on deck,” Marta Lindqvist told reporters."),
            Strings{"Everyone stayed calm on deck | lindqvist"});
}

TEST(Quotes, VerbThenNameAfterTheQuote) {
  EXPECT_EQ(Quotes("“We cannot afford to lose this,” said Dana Whitcombe."),
            Strings{"We cannot afford to lose this | whitcombe"});
}

TEST(Quotes, AttributionBeforeTheQuote) {
  EXPECT_EQ(Quotes("At the briefing, Whitcombe said: “The border stays open for now.”"),
            Strings{"The border stays open for now | whitcombe"});
  EXPECT_EQ(Quotes("Later Eva Berg said that, “the plan is ready to go.”"),
            Strings{"the plan is ready to go | berg"});
}

TEST(Quotes, AccordingTo) {
  EXPECT_EQ(Quotes("According to Ines Carvalho, “the report is simply false.”"),
            Strings{"the report is simply false | carvalho"});
}

TEST(Quotes, AppositiveBetweenNameAndVerb) {
  EXPECT_EQ(Quotes("“The port is closed,” Tor Eidsvik, the harbour master, said."),
            Strings{"The port is closed | eidsvik"});
}

TEST(Quotes, PronounIsTheLastPersonNamedBefore) {
  auto a = AnalyzeText(
      "Spokeswoman Ines Carvalho met reporters on Monday.\n"
      "“Nobody at the Kelmar ministry knew,” she said.");
  ASSERT_EQ(a->doc.quotes.size(), 1u);
  const QuoteMention& q = a->doc.quotes[0];
  ASSERT_GE(q.speaker, 0);
  EXPECT_EQ(a->doc.entities[q.speaker].text, "Ines Carvalho");
  EXPECT_EQ(q.speaker_key, "carvalho");
}

TEST(Quotes, PronounSkipsNamesInsideTheQuote) {
  EXPECT_EQ(Quotes("Eva Berg spoke first. “I told Tomas Lind to wait,” she said."),
            Strings{"I told Tomas Lind to wait | berg"});
}

TEST(Quotes, TitleStandsForThePersonWhoHoldsIt) {
  EXPECT_EQ(Quotes("Spokesman Piet Kruger arrived late. The spokesman said: “We have "
                   "nothing to add.”"),
            Strings{"We have nothing to add | kruger"});
}

TEST(Quotes, SurnameKeyMatchesAcrossMentions) {
  EXPECT_EQ(Quotes("Marta Lindqvist led the search.\n“The water was cold,” Lindqvist said."),
            Strings{"The water was cold | lindqvist"});
}

TEST(Quotes, ScareQuotesAreNotQuotations) {
  EXPECT_TRUE(Quotes("The ministry called the trip a “working visit” today.").empty());
}

TEST(Quotes, SpansSentencesWithinAParagraph) {
  EXPECT_EQ(Quotes("“We will find out what happened. The families deserve answers,” "
                   "Eikeland said."),
            Strings{"We will find out what happened. The families deserve answers | eikeland"});
}

TEST(Quotes, AsciiDoubleQuotes) {
  EXPECT_EQ(Quotes("\"Everyone stayed calm on deck,\" Lindqvist said."),
            Strings{"Everyone stayed calm on deck | lindqvist"});
  EXPECT_EQ(Quotes("Lindqvist said,\"Everyone stayed calm on deck.\""),
            Strings{"Everyone stayed calm on deck | lindqvist"});
}

TEST(Quotes, SingleQuotesButNotApostrophes) {
  EXPECT_EQ(Quotes("The sailors’ union called it ‘a test of good faith’ on Monday."),
            Strings{"a test of good faith | "});
  EXPECT_TRUE(Quotes("The sailors' union and the officers' mess rock 'n' roll.").empty());
}

TEST(Quotes, NestedQuotesStayInside) {
  EXPECT_EQ(Quotes("“He told me ‘hold the line’ and left,” Okonjo said."),
            Strings{"He told me ‘hold the line’ and left | okonjo"});
}

TEST(Quotes, Guillemets) {
  EXPECT_EQ(Quotes("«Nous ne céderons pas sur ce point», a déclaré le ministre."),
            Strings{"Nous ne céderons pas sur ce point | "});
}

TEST(Quotes, QuoteContinuedIntoTheNextParagraph) {
  EXPECT_EQ(Quotes("“First we restore water. Then we rebuild.\n"
                   "“Then we talk about the border,” Idris Kamal said."),
            (Strings{"First we restore water. Then we rebuild | kamal",
                     "Then we talk about the border | kamal"}));
}

TEST(Quotes, UnattributedQuoteContinuesTheSpeaker) {
  EXPECT_EQ(Quotes("“The hull is intact,” Eidsvik said. “We expect to tow it by Friday.”"),
            (Strings{"The hull is intact | eidsvik", "We expect to tow it by Friday | eidsvik"}));
}

TEST(Quotes, UnbalancedMarks) {
  EXPECT_TRUE(Quotes("“This quote never closes and the paragraph ends here.\nNew line.").empty());
  EXPECT_TRUE(Quotes("A stray closing mark” sits here, said Okonjo.").empty());
  EXPECT_TRUE(Quotes("").empty());
}

TEST(Quotes, ManyMarksStayLinear) {
  std::string text;
  for (int i = 0; i < 5000; ++i) text += "“a b c,” he said to Ada Berg. ” ‘ « \" ' ";
  AnalyzeOptions unlimited;
  unlimited.max_sentences = 1u << 30;
  unlimited.max_sentence_bytes = 1u << 30;
  auto a = AnalyzeText(text, std::nullopt, unlimited);
  EXPECT_GE(a->doc.quotes.size(), 1000u);
}

}  // namespace
}  // namespace parallax
