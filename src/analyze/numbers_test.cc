#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "analyze/analyze.h"
#include "analyze/test_util.h"

namespace parallax {
namespace {

// The only number of `text` (fails the test when there is not exactly one).
NumberMention One(const std::string& text) {
  auto a = AnalyzeText(text);
  EXPECT_EQ(a->doc.numbers.size(), 1u) << text;
  if (a->doc.numbers.empty()) return {};
  EXPECT_EQ(a->doc.Text(a->doc.numbers[0].span), a->doc.numbers[0].text);
  return a->doc.numbers[0];
}

std::vector<std::string> Texts(const std::string& text) {
  auto a = AnalyzeText(text);
  std::vector<std::string> out;
  for (const NumberMention& n : a->doc.numbers) out.push_back(n.text);
  return out;
}

TEST(Numbers, DecimalSpacedByTheSourcesTokenisation) {
  NumberMention n = One("A 4. 7 magnitude quake struck the island.");
  EXPECT_DOUBLE_EQ(n.value, 4.7);
  EXPECT_EQ(n.text, "4. 7");
  EXPECT_DOUBLE_EQ(One("Thieves took $3. 1 million in jewels.").value, 3.1e6);
  // Not a decimal: a year before the dot.
  EXPECT_EQ(Texts("It ended in 2011. 30 people died."), (std::vector<std::string>{"2011", "30"}));
}

TEST(Numbers, QuakeMagnitudesCountTheMagnitude) {
  for (const char* text :
       {"A 4.7 magnitude earthquake hit the island.", "A 6.2-magnitude quake hit the island.",
        "A quake with a magnitude of at least 6.2 hit the island.",
        "A magnitude-4.1 quake hit the island.",
        "A quake measuring 4.4 on the Richter scale hit the island.",
        "Hours later a 4.4 quake shook the harbour."}) {
    EXPECT_EQ(One(text).counted, "magnitud") << text;
  }
  // A count near the word is still a count of its own noun.
  EXPECT_EQ(Texts("Aftershocks of lower magnitude hurt 4 people."),
            (std::vector<std::string>{"4"}));
  EXPECT_EQ(One("Aftershocks of lower magnitude hurt 4 people.").counted, "peopl");
  EXPECT_EQ(One("The island felt 5 quakes in a week.").counted, "quak");
}

// Found by fuzzing (UBSan: a double out of int64's range converted to int64).
TEST(Numbers, HugeNumberBeforeAQuakeNounIsACountNotAMagnitude) {
  NumberMention n = One("A 1000000000000000000000000000000000.5 quake was felt.");
  EXPECT_GE(n.value, 1e33);
  EXPECT_NE(n.counted, "magnitud");
}

TEST(Numbers, AbbreviatedMonthDayIsADate) {
  EXPECT_EQ(Texts("He was hurt in the Oct. 19 loss at Ringvold, one of 3 losses."),
            (std::vector<std::string>{"3"}));
}

TEST(Numbers, DigitsAndTheCountedNoun) {
  NumberMention n = One("Rescuers pulled 42 passengers from the water.");
  EXPECT_EQ(n.value, 42);
  EXPECT_EQ(n.counted, "passeng");
  EXPECT_EQ(n.text, "42");
  EXPECT_FALSE(n.is_year);
}

// Headline casualty counts name no noun: they count the dead or the hurt.
TEST(Numbers, CasualtyCountsInHeadlineStyle) {
  auto a = AnalyzeText("Korsholm depot blast kills 1, injures 2");
  ASSERT_EQ(a->doc.numbers.size(), 2u);
  EXPECT_EQ(a->doc.numbers[0].counted, "dead");
  EXPECT_EQ(a->doc.numbers[1].counted, "hurt");
  EXPECT_EQ(One("Three killed as storm hits Valdmark").counted, "dead");
  EXPECT_EQ(One("Ferry fire leaves 4 hurt").counted, "hurt");
  // A counted noun stays the noun: "killing 3 people" counts people, "2 wounded soldiers"
  // soldiers.
  EXPECT_EQ(One("The blast in Korsholm killed 3 people.").counted, "peopl");
  EXPECT_EQ(One("Medics treated 2 wounded soldiers.").counted, "soldier");
}

TEST(Numbers, QualifierIsPartOfTheSpan) {
  NumberMention n = One("The barrage used more than 300 drones and rockets.");
  EXPECT_EQ(n.text, "more than 300");
  EXPECT_EQ(n.qualifier, "over");
  EXPECT_EQ(n.counted, "drone");
  EXPECT_EQ(One("At least 12 people were hurt.").qualifier, "at least");
  EXPECT_EQ(One("Nearly 80 boats joined.").qualifier, "nearly");
  EXPECT_EQ(One("Some 80 boats joined.").qualifier, "about");
  EXPECT_EQ(One("Up to 80 boats joined.").qualifier, "at most");
  EXPECT_EQ(One("Fewer than 80 boats joined.").qualifier, "under");
}

TEST(Numbers, SeparatorsAndDecimals) {
  EXPECT_EQ(One("Floods damaged 1,200 homes.").value, 1200);
  EXPECT_EQ(One("The index fell 4.5 points.").value, 4.5);
  EXPECT_EQ(One("The index fell 4,5 points.").value, 4.5);
}

TEST(Numbers, ScalesAndCurrencies) {
  NumberMention n = One("The clean-up will cost at least €4.5 million.");
  EXPECT_EQ(n.value, 4.5e6);
  EXPECT_EQ(n.unit, "eur");
  EXPECT_EQ(n.text, "at least €4.5 million");
  EXPECT_EQ(One("The fund holds $2bn in reserve.").value, 2e9);
  EXPECT_EQ(One("The fund holds $2bn in reserve.").counted, "reserv");
  EXPECT_EQ(One("It raised £300m last year.").value, 3e8);
  EXPECT_EQ(One("It raised £300m last year.").unit, "gbp");
  NumberMention w = One("The port was fined 4.5 million euros.");
  EXPECT_EQ(w.value, 4.5e6);
  EXPECT_EQ(w.unit, "eur");
  EXPECT_EQ(One("A loan of USD 300 was repaid.").unit, "usd");
}

TEST(Numbers, NumberWords) {
  NumberMention n = One("Two officials resigned.");
  EXPECT_EQ(n.value, 2);
  EXPECT_EQ(n.counted, "offici");
  EXPECT_EQ(One("The ship had forty-two sailors aboard.").value, 42);
  EXPECT_EQ(One("Police detained a dozen protesters.").value, 12);
  EXPECT_EQ(One("Police detained two dozen protesters.").value, 24);
  EXPECT_EQ(One("The fire destroyed three hundred homes.").value, 300);
}

TEST(Numbers, OneCountsOnlyBeforeANoun) {
  EXPECT_EQ(One("Only one official spoke.").value, 1);
  EXPECT_TRUE(Texts("One of the officials spoke. No one else did. It was the one.").empty());
}

TEST(Numbers, CountedNounSkipsDeterminersAndCompounds) {
  EXPECT_EQ(One("The council fired 300 of the guards.").counted, "guard");
  EXPECT_EQ(One("They met two Kelmar administration officials.").counted, "offici");
  EXPECT_EQ(One("Crews rescued 42 passengers stranded overnight.").counted, "passeng");
  EXPECT_EQ(One("The count reached 300 when it stopped.").counted, "");
}

TEST(Numbers, PercentagesAndUnits) {
  NumberMention p = One("On-time sailings reached 98% of the total.");
  EXPECT_EQ(p.unit, "%");
  EXPECT_EQ(p.counted, "total");
  EXPECT_EQ(One("Turnout was 12 percent.").unit, "%");
  EXPECT_EQ(One("Turnout was 3 per cent.").unit, "%");
  EXPECT_EQ(One("Support rose 2 percentage points.").unit, "pp");
  NumberMention km = One("The troops withdrew 12 kilometres.");
  EXPECT_EQ(km.unit, "km");
  EXPECT_EQ(km.counted, "");
  EXPECT_EQ(One("The slick spread over 300km of coast.").unit, "km");
  EXPECT_EQ(One("The talks lasted two weeks.").unit, "week");
}

TEST(Numbers, Years) {
  NumberMention in = One("The firm has been fined twice since 2019.");
  EXPECT_TRUE(in.is_year);
  EXPECT_EQ(in.counted, "");
  EXPECT_TRUE(One("Voters will return for the 2028 election.").is_year);
  EXPECT_TRUE(One("It was founded in 1998, officials said.").is_year);
  NumberMention people = One("About 2000 people marched.");
  EXPECT_FALSE(people.is_year);
  EXPECT_EQ(people.counted, "peopl");
}

TEST(Numbers, SkipsDatesTimesOrdinalsRangesAndCodes) {
  EXPECT_TRUE(Texts("The vote was on March 3, 2026 at 3 p.m. in the 21st district.").empty());
  EXPECT_TRUE(Texts("It sank on 3 March near pier 4 in the 1990s.").empty());
  EXPECT_TRUE(Texts("F-16 jets and COVID-19 rules under Resolution 2231 applied.").empty());
  EXPECT_TRUE(Texts("Estimates ranged 300-400 at 15:00 on 2026-03-03.").empty());
  EXPECT_TRUE(Texts("The ratio was 3/4 and the code #12.").empty());
}

TEST(Numbers, MalformedDigitRuns) {
  EXPECT_TRUE(Texts("The list read 1,2,3,4 and version 1.2.3 shipped.").empty());
  EXPECT_TRUE(Texts("").empty());
}

TEST(Numbers, HostileRunOfNumbers) {
  std::string text;
  for (int i = 0; i < 3000; ++i) text += std::to_string(i) + " ";
  auto a = AnalyzeText(text);
  for (const NumberMention& n : a->doc.numbers) EXPECT_EQ(a->doc.Text(n.span), n.text);
  EXPECT_FALSE(a->doc.numbers.empty());
}

}  // namespace
}  // namespace parallax
