#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "analyze/analyze.h"
#include "analyze/test_util.h"

namespace parallax {
namespace {

// "person <- role text" for every role, in order.
std::vector<std::string> Roles(const Document& doc) {
  std::vector<std::string> out;
  for (const RoleMention& r : doc.roles)
    out.push_back(doc.entities[r.entity].text + " <- " + r.text);
  return out;
}

const RoleMention* RoleOf(const Document& doc, std::string_view person) {
  for (const RoleMention& r : doc.roles) {
    if (doc.entities[r.entity].text == person) return &r;
  }
  return nullptr;
}

TEST(Roles, LowercaseTitleBeforeTheName) {
  auto a = AnalyzeText("Talks were led by acting UN envoy Sofia Brandt in Tripoli.");
  ASSERT_EQ(Roles(a->doc), std::vector<std::string>{"Sofia Brandt <- acting UN envoy"});
  const RoleMention& r = a->doc.roles[0];
  EXPECT_EQ(r.head, "envoy");
  EXPECT_EQ(r.rank, std::vector<std::string>{"acting"});
  EXPECT_EQ(a->doc.Text(r.span), r.text);
}

TEST(Roles, CapitalisedTitleWithOrganisation) {
  auto a = AnalyzeText("Foreign Ministry Deputy Spokeswoman Ines Carvalho denied the report.");
  ASSERT_EQ(Roles(a->doc),
            std::vector<std::string>{"Ines Carvalho <- Foreign Ministry Deputy Spokeswoman"});
  EXPECT_EQ(a->doc.roles[0].head, "spokesperson");
  EXPECT_EQ(a->doc.roles[0].rank, std::vector<std::string>{"deputy"});
}

TEST(Roles, CompoundLowercaseTitle) {
  auto a = AnalyzeText("The harbour master Tor Eidsvik closed the port.");
  ASSERT_EQ(Roles(a->doc), std::vector<std::string>{"Tor Eidsvik <- harbour master"});
  EXPECT_EQ(a->doc.roles[0].head, "master");
}

TEST(Roles, AppositiveWithArticleAndComplement) {
  auto a = AnalyzeText("Sofia Brandt, the acting UN envoy for Libya, arrived on Monday.");
  ASSERT_EQ(Roles(a->doc), std::vector<std::string>{"Sofia Brandt <- acting UN envoy for Libya"});
  EXPECT_EQ(a->doc.roles[0].rank, std::vector<std::string>{"acting"});
}

TEST(Roles, AppositiveWithWhoIs) {
  auto a = AnalyzeText("The visitor was Sofia Brandt, who is the UN envoy for Libya.");
  ASSERT_EQ(Roles(a->doc), std::vector<std::string>{"Sofia Brandt <- UN envoy for Libya"});
  EXPECT_TRUE(a->doc.roles[0].rank.empty());
}

TEST(Roles, AppositiveAfterAnotherPersonsPossessive) {
  auto a = AnalyzeText(
      "Tomas Lind, Prime Minister Eva Berg's senior climate adviser, said the plan was "
      "ready.");
  EXPECT_EQ(Roles(a->doc), (std::vector<std::string>{"Tomas Lind <- senior climate adviser",
                                                     "Eva Berg <- Prime Minister"}));
  const RoleMention* r = RoleOf(a->doc, "Tomas Lind");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->head, "advis");
  EXPECT_EQ(r->rank, std::vector<std::string>{"senior"});
}

TEST(Roles, TitleSetOffByCommas) {
  auto a = AnalyzeText("The operator's chief executive, Mette Holm, said sailings would resume.");
  ASSERT_EQ(Roles(a->doc), std::vector<std::string>{"Mette Holm <- chief executive"});
  EXPECT_EQ(a->doc.roles[0].rank, std::vector<std::string>{"chief"});
}

TEST(Roles, ComplementBeforeTheName) {
  auto a = AnalyzeText("US Secretary of State Dana Whitcombe flew to Baghdad.");
  ASSERT_EQ(Roles(a->doc), std::vector<std::string>{"Dana Whitcombe <- US Secretary of State"});
  EXPECT_EQ(a->doc.roles[0].head, "secretari");
}

TEST(Roles, TwoTitlesBeforeOneName) {
  auto a = AnalyzeText("The army commander General Idris Kamal ordered a retreat.");
  EXPECT_EQ(Roles(a->doc),
            (std::vector<std::string>{"Idris Kamal <- General", "Idris Kamal <- army commander"}));
}

TEST(Roles, CompoundTitleIsOneOffice) {
  auto a = AnalyzeText("Attorney General Ruth Okafor said the department would appeal.");
  ASSERT_EQ(Roles(a->doc), std::vector<std::string>{"Ruth Okafor <- Attorney General"});
  EXPECT_EQ(a->doc.roles[0].head, "attorney general");
}

TEST(Roles, PoliceRankIsOneTitle) {
  auto a = AnalyzeText("Detective Chief Inspector Sarah Holt appealed for witnesses.");
  ASSERT_EQ(Roles(a->doc), std::vector<std::string>{"Sarah Holt <- Detective Chief Inspector"});
  EXPECT_EQ(a->doc.roles[0].head, "inspector");  // "Detective" is a branch, not a grade
  EXPECT_EQ(a->doc.roles[0].rank, std::vector<std::string>{"chief"});
}

TEST(Roles, RanksFromHyphenPrefixes) {
  auto a = AnalyzeText("Vice-President Amara Diallo, a former finance minister, spoke first.");
  ASSERT_EQ(Roles(a->doc), (std::vector<std::string>{"Amara Diallo <- Vice-President",
                                                     "Amara Diallo <- former finance minister"}));
  EXPECT_EQ(a->doc.roles[0].head, "presid");
  EXPECT_EQ(a->doc.roles[0].rank, std::vector<std::string>{"vice"});
  EXPECT_EQ(a->doc.roles[1].rank, std::vector<std::string>{"former"});
}

TEST(Roles, RanksAreSortedAndUnique) {
  auto a = AnalyzeText("Acting Deputy Director Lena Ström resigned.");
  ASSERT_EQ(a->doc.roles.size(), 1u);
  EXPECT_EQ(a->doc.roles[0].rank, (std::vector<std::string>{"acting", "deputy"}));
}

TEST(Roles, AbbreviatedTitle) {
  auto a = AnalyzeText("Gen. Idris Kamal, the army's chief of staff, said the troops had left.");
  EXPECT_EQ(Roles(a->doc),
            (std::vector<std::string>{"Idris Kamal <- Gen", "Idris Kamal <- chief of staff"}));
  EXPECT_EQ(a->doc.roles[0].head, "general");
}

TEST(Roles, SpellingAndGenderVariantsShareAHead) {
  auto a = AnalyzeText(
      "Security advisor Jonas Falk met Tomas Lind, a security adviser.\n"
      "Spokesman Piet Kruger and spokeswoman Nia Obi were there.");
  ASSERT_EQ(a->doc.roles.size(), 4u) << Roles(a->doc)[0];
  EXPECT_EQ(a->doc.roles[0].head, a->doc.roles[1].head);
  EXPECT_EQ(a->doc.roles[2].head, a->doc.roles[3].head);
}

TEST(Roles, NoRoleWithoutATitleNoun) {
  auto a = AnalyzeText(
      "Sofia Brandt, the mother of two, arrived. Sofia Brandt, President Varga said, will "
      "stay.");
  // "President" is Varga's title, not an appositive of Brandt.
  EXPECT_EQ(Roles(a->doc), std::vector<std::string>{"Varga <- President"});
}

TEST(Roles, OnlyPeopleGetRoles) {
  auto a = AnalyzeText("Oman, the mediator, hosted the envoy.");
  EXPECT_TRUE(a->doc.roles.empty());
}

TEST(Roles, HostileRunsOfTitleWords) {
  std::string text;
  for (int i = 0; i < 2000; ++i) text += "the acting deputy envoy, who is the, President ";
  text += "Sofia Brandt.";
  auto a = AnalyzeText(text);
  for (const RoleMention& r : a->doc.roles) EXPECT_EQ(a->doc.Text(r.span), r.text);
}

}  // namespace
}  // namespace parallax
