#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "analyze/analyze.h"
#include "analyze/test_util.h"

namespace parallax {
namespace {

// "text:TYPE" for every mention, in order.
std::vector<std::string> Mentions(const Document& doc) {
  static const char* kTypes[] = {"PER", "ORG", "LOC", "OTH"};
  std::vector<std::string> out;
  for (const EntityMention& e : doc.entities) {
    out.push_back(e.text + ":" + kTypes[static_cast<int>(e.type)]);
  }
  return out;
}

TEST(Entities, TwoCapitalisedWordsAreAPerson) {
  auto a = AnalyzeText("Investigators interviewed Marta Lindqvist on the quay.");
  EXPECT_EQ(Mentions(a->doc), std::vector<std::string>{"Marta Lindqvist:PER"});
  EXPECT_EQ(a->doc.entities[0].key, "marta lindqvist");
}

TEST(Entities, TitleBeforeNameIsNotPartOfTheName) {
  auto a = AnalyzeText("The session was opened by President Elena Varga and Gen. Idris Kamal.");
  EXPECT_EQ(Mentions(a->doc), (std::vector<std::string>{"Elena Varga:PER", "Idris Kamal:PER"}));
}

TEST(Entities, OrganisationBeforeTitleIsSplitFromThePerson) {
  auto a = AnalyzeText("Foreign Ministry Deputy Spokeswoman Ines Carvalho denied the report.");
  EXPECT_EQ(Mentions(a->doc),
            (std::vector<std::string>{"Foreign Ministry:ORG", "Ines Carvalho:PER"}));
}

TEST(Entities, TitleComplementIsNotPartOfTheName) {
  auto a = AnalyzeText("It was signed by US Secretary of State Dana Whitcombe yesterday.");
  EXPECT_EQ(Mentions(a->doc), (std::vector<std::string>{"US:LOC", "Dana Whitcombe:PER"}));
}

TEST(Entities, OrganisationsKeepTheirConnectors) {
  auto a = AnalyzeText(
      "The report was sent to the Ministry of Fisheries and the National Coastal Guard "
      "Corps (NCGC).");
  EXPECT_EQ(Mentions(a->doc),
            (std::vector<std::string>{"Ministry of Fisheries:ORG",
                                      "National Coastal Guard Corps:ORG", "NCGC:ORG"}));
}

TEST(Entities, ConnectorDoesNotJoinTwoNames) {
  auto a = AnalyzeText("He blamed Iran for Israel's losses.");
  EXPECT_EQ(Mentions(a->doc), (std::vector<std::string>{"Iran:LOC", "Israel:LOC"}));
}

TEST(Entities, PlacesFromLexiconSuffixAndPreposition) {
  auto a = AnalyzeText(
      "Ministers from Saudi Arabia met in Vardosa, near Kelmar Province, and flew on to "
      "Gorvistan.");
  EXPECT_EQ(Mentions(a->doc), (std::vector<std::string>{"Saudi Arabia:LOC", "Vardosa:LOC",
                                                        "Kelmar Province:LOC", "Gorvistan:LOC"}));
}

TEST(Entities, OrganisationSuffixes) {
  auto a = AnalyzeText("Reports by Coastal Rights Watch and the operator Fjordline AS differ.");
  EXPECT_EQ(Mentions(a->doc),
            (std::vector<std::string>{"Coastal Rights Watch:ORG", "Fjordline AS:ORG"}));
}

TEST(Entities, TitlesWithoutAHolder) {
  auto a = AnalyzeText(
      "The Foreign Minister met the Police Chief. READ: Former Oman President dies.\n"
      "General Motors and the General Assembly agreed with Julie Bishop. The ministry said "
      "Kelmar officials left.");
  EXPECT_EQ(Mentions(a->doc),
            (std::vector<std::string>{"Police:ORG", "Oman:LOC", "General Motors:ORG",
                                      "General Assembly:ORG", "Julie Bishop:PER", "Kelmar:OTH"}));
}

TEST(Entities, KeywordAloneIsNotAPerson) {
  auto a = AnalyzeText("The Prime Minister's Office said talks would resume.");
  EXPECT_EQ(Mentions(a->doc), std::vector<std::string>{"Office:OTH"});
}

TEST(Entities, EventsAreOther) {
  auto a = AnalyzeText("The navy called it Operation Silver Tide.");
  EXPECT_EQ(Mentions(a->doc), std::vector<std::string>{"Operation Silver Tide:OTH"});
}

TEST(Entities, SkipsSentenceOpenersWeekdaysAndMonths) {
  auto a = AnalyzeText(
      "The talks ended on Tuesday. This was expected in March. Additionally, the board "
      "resigned. Officials declined to comment.");
  EXPECT_TRUE(a->doc.entities.empty()) << Mentions(a->doc)[0];
}

TEST(Entities, OpenerKeptWhenCapitalisedElsewhere) {
  auto a = AnalyzeText("Nordlys left at dawn. The crew of the Nordlys was small.");
  EXPECT_EQ(Mentions(a->doc), (std::vector<std::string>{"Nordlys:OTH", "Nordlys:OTH"}));
}

TEST(Entities, SurnameRefersBackToThePerson) {
  auto a = AnalyzeText(
      "Rescuers were led by Marta Lindqvist.\nLindqvist said the water was cold. A boat "
      "carried Lindqvist home.");
  EXPECT_EQ(Mentions(a->doc),
            (std::vector<std::string>{"Marta Lindqvist:PER", "Lindqvist:PER", "Lindqvist:PER"}));
  EXPECT_EQ(a->doc.entities[1].key, "lindqvist");
}

TEST(Entities, PersonCuesTypeSingleNames) {
  auto a = AnalyzeText(
      "\"We are ready,\" said Okonjo. Mr Baptiste agreed, and envoy Farouk nodded. The "
      "Mendes administration did not reply.");
  EXPECT_EQ(Mentions(a->doc),
            (std::vector<std::string>{"Okonjo:PER", "Baptiste:PER", "Farouk:PER", "Mendes:PER"}));
}

TEST(Entities, KeysFoldCaseAccentsAndDots) {
  auto a = AnalyzeText("José Álvarez flew to the U.S. on business. He met Karim al-Sudairi there.");
  ASSERT_EQ(a->doc.entities.size(), 3u) << Mentions(a->doc)[0];
  EXPECT_EQ(a->doc.entities[0].key, "jose alvarez");
  EXPECT_EQ(a->doc.entities[1].key, "us");
  EXPECT_EQ(a->doc.entities[1].type, EntityType::kPlace);
  EXPECT_EQ(a->doc.entities[2].key, "karim al-sudairi");
  EXPECT_EQ(a->doc.entities[2].type, EntityType::kPerson);
}

TEST(Entities, NameParticlesStayInsideTheName) {
  auto a = AnalyzeText("The delegation met Sheikh Hamad bin Khalifa and Anna van Dijk.");
  EXPECT_EQ(Mentions(a->doc),
            (std::vector<std::string>{"Hamad bin Khalifa:PER", "Anna van Dijk:PER"}));
}

TEST(Entities, TitleCaseHeadlineTakesOnlyKnownNames) {
  auto a = AnalyzeText("Ferry Firm Faces Questions As Oman Talks Stall\nThe ferry sank.");
  EXPECT_EQ(Mentions(a->doc), std::vector<std::string>{"Oman:LOC"});
}

TEST(Entities, NameHeavySentenceIsNotAHeadline) {
  auto a = AnalyzeText("Iraqi Prime Minister Karim Sudairi met Dana Whitcombe in Baghdad.");
  EXPECT_EQ(Mentions(a->doc),
            (std::vector<std::string>{"Karim Sudairi:PER", "Dana Whitcombe:PER", "Baghdad:LOC"}));
}

TEST(Entities, SpansAndWordIndexesPointIntoTheText) {
  auto a = AnalyzeText("Yesterday the coast guard found Marta Lindqvist near Skarvik Harbour.");
  for (const EntityMention& e : a->doc.entities) {
    EXPECT_EQ(a->doc.Text(e.span), e.text);
    const Sentence& s = a->doc.sentences[e.sentence];
    ASSERT_LT(e.first_word, e.last_word);
    ASSERT_LE(e.last_word, s.words.size());
    EXPECT_EQ(s.words[e.first_word].begin, e.span.begin);
    EXPECT_EQ(s.words[e.last_word - 1].end, e.span.end);
  }
  EXPECT_EQ(Mentions(a->doc),
            (std::vector<std::string>{"Marta Lindqvist:PER", "Skarvik Harbour:LOC"}));
}

TEST(Entities, EmptyText) {
  auto a = AnalyzeText("");
  EXPECT_TRUE(a->doc.entities.empty());
}

TEST(Entities, TenThousandCapitalisedWordsInARow) {
  std::string text;
  static const char* kWords[] = {"Alder", "Birch", "Cedar", "Larch", "Maple"};
  for (int i = 0; i < 10000; ++i) text += std::string(kWords[i % 5]) + " ";
  text += "fell.";
  AnalyzeOptions unlimited;
  unlimited.max_sentence_bytes = 1u << 30;
  auto a = AnalyzeText(text, std::nullopt, unlimited);
  EXPECT_TRUE(a->doc.entities.empty());  // too long to be a name
}

TEST(Entities, ManyShortNamesStayLinear) {
  std::string text;
  for (int i = 0; i < 5000; ++i) text += "Ada Berg met Ole Dahl, the envoy, in Oman. ";
  AnalyzeOptions unlimited;
  unlimited.max_sentences = 1u << 30;
  auto a = AnalyzeText(text, std::nullopt, unlimited);
  EXPECT_EQ(a->doc.entities.size(), 15000u);
}

}  // namespace
}  // namespace parallax
