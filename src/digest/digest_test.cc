#include "digest/digest.h"

#include <gtest/gtest.h>

#include <set>
#include <string_view>

#include "analyze/test_util.h"

namespace parallax {
namespace {

// Three fictional outlets on one event.
TestStory PierStory() {
  TestStory t;
  t.Add("a",
        "A storm destroyed the north pier in Korsholm on Monday night, harbour officials said.\n"
        "Harbour master Ole Drange said the pier would be rebuilt by the end of June.\n"
        "He said the repairs would cost about four million euros.\n"
        "Local fishermen moved their boats to the southern marina in Estvik.\n"
        "Is the harbour safe for ferries now?",
        "2026-03-03T08:00:00Z");
  t.Add("b",
        "The north pier in Korsholm was destroyed by a storm on Monday night.\n"
        "The pier will be rebuilt by the end of June, harbour master Ole Drange told reporters.\n"
        "Ferry services to the islands were suspended until further notice.",
        "2026-03-03T10:00:00Z");
  t.Add("c",
        "Monday night's storm destroyed the north pier in Korsholm, officials said.\n"
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

TEST(Digest, SkipsQuestions) {
  TestStory t = PierStory();
  Alignment a = Align(t.ptrs, AlignOptions{});
  for (const Statement& s : BuildDigest(t.ptrs, a, DigestOptions{.words = 1000})) {
    EXPECT_EQ(s.text.find('?'), std::string::npos);
  }
}

// The digest of a test story with a budget that does not bind.
std::vector<Statement> FullDigest(const TestStory& t) {
  return BuildDigest(t.ptrs, Align(t.ptrs, AlignOptions{}), DigestOptions{.words = 1000});
}

// Index of the digest sentence containing `part`, or -1.
int Find(const std::vector<Statement>& d, std::string_view part) {
  for (size_t i = 0; i < d.size(); ++i) {
    if (d[i].text.find(part) != std::string::npos) return static_cast<int>(i);
  }
  return -1;
}

// Both sentences are in the digest, the one containing `first` before the other.
void ExpectBefore(const std::vector<Statement>& d, std::string_view first,
                  std::string_view second) {
  int a = Find(d, first), b = Find(d, second);
  ASSERT_GE(a, 0) << first;
  ASSERT_GE(b, 0) << second;
  EXPECT_LT(a, b) << first << " / " << second;
}

// The digest of `t` is not empty and has no sentence containing `part`.
void ExpectLeftOut(const TestStory& t, std::string_view part) {
  auto d = FullDigest(t);
  ASSERT_FALSE(d.empty());
  EXPECT_EQ(Find(d, part), -1) << part;
}

TEST(Digest, DanglingOpenerOnlyRightAfterItsAntecedent) {
  auto d = FullDigest(PierStory());
  // "He said the repairs..." follows "Harbour master Ole Drange said..." in article a.
  ExpectBefore(d, "Harbour master Ole Drange", "He said the repairs");
  int he = Find(d, "He said the repairs"), antecedent = Find(d, "Harbour master Ole Drange");
  EXPECT_EQ(he, antecedent + 1);
  EXPECT_EQ(d[he].evidence.front().sentence, d[antecedent].evidence.front().sentence + 1);
}

TEST(Digest, DanglingOpenersWithoutAntecedentAreLeftOut) {
  TestStory t;  // fictional
  t.Add("a",
        "The council of Brenvik voted on Tuesday to close the old ferry terminal next spring.\n"
        "Ferry passengers will board at the new quay in the eastern harbour from April.\n"
        "The move angered fishermen who use the old terminal to land their catch.");
  t.Add("b",
        "Brenvik council voted to close the old ferry terminal next spring, the mayor said.\n"
        "Short line.\n"
        "The move angered fishermen who land their catch at the old terminal every week.\n"
        "They said the new quay in the eastern harbour was too shallow for their boats.");
  auto d = FullDigest(t);
  ASSERT_FALSE(d.empty());
  for (size_t i = 0; i < d.size(); ++i) {
    const std::string& text = d[i].text;
    if (text.rfind("The move", 0) == 0 || text.rfind("They ", 0) == 0) {
      // Only from article a, right after the sentence before it there.
      ASSERT_GT(i, 0u) << text;
      EXPECT_EQ(d[i].evidence.front().article, d[i - 1].evidence.front().article) << text;
      EXPECT_EQ(d[i].evidence.front().sentence, d[i - 1].evidence.front().sentence + 1) << text;
    }
  }
  // Article b's "The move" follows a fragment that is never picked, so b cannot supply it and
  // its "They said" follows it.
  for (const Statement& s : d) EXPECT_NE(s.text.rfind("They said", 0), 0u) << s.text;
}

TEST(Digest, RelativeTimesNeedTheirAntecedent) {
  TestStory t;  // fictional; the sentence before "Two minutes later" is never a digest sentence
  t.Add("a",
        "Korvik beat Almby 2-1 in the cup final in Estvik on Saturday afternoon.\n"
        "Short line.\n"
        "Two minutes later, Korvik striker Jon Dahl headed in the winning goal from a corner.");
  t.Add("b",
        "Korvik won the cup final against Almby 2-1 in Estvik on Saturday.\n"
        "About 9,000 fans watched the final at the Estvik stadium.");
  ExpectLeftOut(t, "Two minutes later");
}

TEST(Digest, BareDefiniteSubjectOnlyAfterTheReaderMetIt) {
  TestStory t;  // fictional; no titles
  t.Add("a",
        "Heavy snow closed the mountain pass between Orsa and Vik for a second day on Friday.\n"
        "Road crews in Orsa cleared drifts of up to three metres with ploughs and blowers.\n"
        "The tunnel will stay shut until engineers have checked its ventilation system.");
  t.Add("b",
        "The mountain pass between Orsa and Vik stayed closed by heavy snow on Friday.\n"
        "Ploughs and blowers cleared drifts of up to three metres, road crews in Orsa said.\n"
        "The situation is worse than anything the drivers of Orsa remember.");
  auto d = FullDigest(t);
  ASSERT_FALSE(d.empty());
  // "The tunnel will..." and "The situation is..." name nothing the digest or a title told.
  EXPECT_EQ(Find(d, "The tunnel will"), -1);
  EXPECT_EQ(Find(d, "The situation is"), -1);
  // With a title that names the tunnel, the reader has met it.
  TestStory titled;
  titled.Add("a", t.articles[0].text, "", "Snow shuts Orsa tunnel and mountain pass");
  titled.Add("b", t.articles[1].text);
  EXPECT_GE(Find(FullDigest(titled), "The tunnel will"), 0);
}

// Source agreement counts whole claims, not only shared words: with room for one sentence, the
// claim all three outlets make in their own words beats one outlet's sentence that reuses more
// of the words the others happen to share (fictional). Fails with a fact weight of 0.
TEST(Digest, ClaimEveryOutletMakesOutweighsSharedWording) {
  TestStory t;
  t.Add("a",
        "Customs officers in Vellmar seized eleven tonnes of smuggled tobacco from the freighter "
        "Ilsa.\n"
        "The harbour police of Vellmar said the northern port would reopen to ferries by the "
        "evening tide.",
        "", "Fog delayed ferries across the Vellmar strait for most of Tuesday morning");
  t.Add("b",
        "Tobacco weighing eleven tonnes was hidden in the Ilsa, a freighter searched by Vellmar "
        "customs officers.\n"
        "Fishermen complained that the northern port would reopen to ferries but not to trawlers, "
        "which lost a day of catch and income.",
        "", "Ferry crossings of the Vellmar strait were delayed by fog on Tuesday");
  t.Add(
      "c",
      "Vellmar customs officers found the contraband tobacco, eleven tonnes of it, inside the "
      "Ilsa, a cargo freighter.\n"
      "Travellers camped in the terminal caf\xC3\xA9, where staff handed out blankets and coffee, "
      "hoping the northern port would reopen to ferries before the weekend rush of skiers and "
      "students.",
      "", "Thick fog delayed ferries in the Vellmar strait on Tuesday morning");
  auto d = BuildDigest(t.ptrs, Align(t.ptrs, AlignOptions{}), DigestOptions{.words = 20});
  ASSERT_EQ(d.size(), 1u);
  EXPECT_NE(d[0].text.find("tobacco"), std::string::npos) << d[0].text;
  EXPECT_EQ(d[0].sources.size(), 3u);
}

// Three fictional outlets report one verdict, each lead in its own words (not one aligned fact),
// while a judge's quote is printed verbatim by two and the appeal by all three: the digest still
// opens with a lead that says the verdict, not with the quote.
TestStory VerdictStory() {
  TestStory t;
  t.Add(
      "wire",
      "A court in Orlund on Tuesday sentenced Harald Venn, the former director of the port of "
      "Brenvik, to four years in prison for defrauding the port of two million euros.\n"
      "\"The accused treated the port's money as his own purse,\" Judge Ilse Marck said as she "
      "read out the ruling.\n"
      "Venn's lawyer, Tomas Berg, said his client would appeal the verdict to the Supreme Court.\n"
      "The dredging firm's owner, Kurt Asp, received a suspended sentence of one year.",
      "2026-06-02T12:00:00Z", "Former Brenvik port chief jailed for fraud over dredging deal");
  t.Add("daily",
        "Harald Venn sat still on Tuesday as the Orlund court found the ex-director of Brenvik "
        "port guilty of fraud and handed him a four-year prison term.\n"
        "\"The accused treated the port's money as his own purse,\" Judge Ilse Marck said.\n"
        "Outside the court, his lawyer, Tomas Berg, said the verdict would be appealed to the "
        "Supreme Court.\n"
        "Dredging firm owner Kurt Asp was given a suspended one-year sentence.",
        "2026-06-02T15:00:00Z", "Venn gets four years: Brenvik's ex-port director guilty of fraud");
  t.Add("weekly",
        "The case against Harald Venn, once the head of Brenvik port, started with an anonymous "
        "letter to a local newspaper in 2021.\n"
        "Venn's lawyer Tomas Berg said the verdict would be appealed to the Supreme Court in "
        "Korsholm.\n"
        "Judge Ilse Marck said the accused had treated the money of the port as his own purse.",
        "2026-06-02T18:00:00Z", "Brenvik port fraud: the long road to a verdict");
  return t;
}

TEST(Digest, OpensWithTheEventTheLeadsReportInTheirOwnWords) {
  TestStory t = VerdictStory();
  for (size_t budget : {40u, 60u, 100u}) {
    auto d = BuildDigest(t.ptrs, Align(t.ptrs, AlignOptions{}), DigestOptions{.words = budget});
    ASSERT_FALSE(d.empty()) << budget;
    // The first sentence is a first-day lead that states the sentence of the court.
    const std::string& first = d.front().text;
    EXPECT_TRUE(first.find("sentenced Harald Venn") != std::string::npos ||
                first.find("four-year prison term") != std::string::npos)
        << budget << ": " << first;
    EXPECT_EQ(d.front().evidence.front().sentence, 0u) << first;
  }
}

TEST(Digest, PronounAfterAnOpeningPhraseNeedsItsAntecedent) {
  TestStory t;  // fictional; in b, the sentence before the lawyer's is never a digest sentence
  t.Add("a",
        "Judge Mia Lund fined the Skarn ferry company two million euros on Monday for safety "
        "failures on its night crossings.\n"
        "Ferry inspectors found broken lifeboat winches on two of the company's four ships.");
  t.Add("b",
        "The Skarn ferry company was fined two million euros on Monday for safety failures.\n"
        "Short line.\n"
        "Outside the court, its lawyer said the company would appeal the fine.");
  t.Add("c",
        "A court fined the Skarn ferry company two million euros on Monday over safety failures.\n"
        "Erik Holm, a lawyer for the Skarn ferry company, said it would appeal the fine.");
  ExpectLeftOut(t, "Outside the court, its lawyer");
}

TEST(Digest, EnumerationsAreLeftOut) {
  TestStory t;  // fictional: a member list every wire story repeats
  for (const char* id : {"a", "b", "c"}) {
    t.Add(id,
          "Ministers of the Nordsund Council meet in Estvik on Monday to discuss fishing quotas.\n"
          "The council groups Valdmark, Orland, Vesteria, Brenmark, Halvoy, Skarn and the Lunde "
          "Islands.");
  }
  ExpectLeftOut(t, "The council groups");
}

TEST(Digest, ADatelineAndAppositionsDoNotMakeAList) {
  TestStory t;  // fictional wire lead: five commas, but no list
  t.Add("wire",
        "ORVIK, Nordsund, May 4 (Coastline) – Ingrid Sand, a former ferry captain standing for the "
        "Coast Party, won the mayoral election in Orvik on Sunday, defeating the sitting mayor.\n"
        "Turnout in Orvik was 61 percent, the highest for a local election in two decades.");
  t.Add("daily",
        "Former ferry captain Ingrid Sand won Sunday's mayoral election in Orvik for the Coast "
        "Party.\n"
        "Sand takes office in Orvik on June 1, once the regional election board confirms the "
        "result.");
  EXPECT_GE(Find(FullDigest(t), "ORVIK, Nordsund, May 4"), 0);
}

TEST(Digest, AttributionListsEveryArticleOfTheFactWithExactOffsets) {
  TestStory t = PierStory();
  Alignment a = Align(t.ptrs, AlignOptions{});
  auto d = BuildDigest(t.ptrs, a, DigestOptions{.words = 1000});
  ASSERT_FALSE(d.empty());
  for (const Statement& s : d) {
    ASSERT_FALSE(s.evidence.empty());
    // The text is the first source's own sentence, at its offsets.
    const SourceRef& first = s.evidence.front();
    size_t doc = 0;
    while (t.articles[doc].id != first.article) ++doc;
    EXPECT_EQ(t.articles[doc].text.substr(first.begin, first.end - first.begin), s.text);
    // Sources are exactly the articles whose sentence was aligned with it.
    const Fact& fact = a.facts[a.fact_of[doc][first.sentence]];
    std::set<std::string> expected, got(s.sources.begin(), s.sources.end());
    for (const SentenceRef& m : fact.members) expected.insert(t.articles[m.doc].id);
    EXPECT_EQ(got, expected) << s.text;
    EXPECT_EQ(s.sources.size(), s.evidence.size());
    for (size_t i = 0; i < s.evidence.size(); ++i) {
      EXPECT_EQ(s.evidence[i].article, s.sources[i]);
      size_t k = 0;
      while (t.articles[k].id != s.evidence[i].article) ++k;
      const Sentence& sentence = t.docs[k].sentences[s.evidence[i].sentence];
      EXPECT_EQ(sentence.span.begin, s.evidence[i].begin);
      EXPECT_EQ(sentence.span.end, s.evidence[i].end);
    }
  }
  // The pier fact is stated by all three outlets, and the digest says so.
  int pier = -1;
  for (size_t i = 0; i < d.size(); ++i) {
    if (d[i].text.find("destroyed") != std::string::npos) pier = static_cast<int>(i);
  }
  ASSERT_GE(pier, 0);
  EXPECT_EQ(d[pier].sources.size(), 3u);
}

TEST(Digest, OrderFollowsTheEventsNotTheArticles) {
  TestStory t;  // fictional: the earlier event is never an article's lead
  t.Add("late",
        "Repair crews reopened the Talvik bridge to traffic on Thursday after three days of work.\n"
        "Engineers said the steel deck of the Talvik bridge now carries twice the load.\n"
        "A barge struck the Talvik bridge on Monday, closing the crossing to all traffic.",
        "2026-05-07T18:00:00Z");
  t.Add("early",
        "Traffic in Talvik was diverted to the ring road for the rest of the week.\n"
        "A barge struck the Talvik bridge on Monday, closing the crossing to all traffic.\n"
        "Engineers inspected the steel deck of the Talvik bridge for damage overnight.",
        "2026-05-04T20:00:00Z");
  t.Add("mid",
        "Repair crews reopened the Talvik bridge to traffic on Thursday, the city said.\n"
        "The barge that struck the Talvik bridge on Monday belonged to a gravel company.",
        "2026-05-07T19:00:00Z");
  ExpectBefore(FullDigest(t), "A barge struck", "Repair crews reopened");
}

TEST(Digest, AnnouncedFutureDatesDoNotReorder) {
  TestStory t;  // fictional
  t.Add("a",
        "The Norrland rail union will strike from March 18 after pay talks with Norrbahn failed.\n"
        "About 90,000 people ride Norrbahn trains on a weekday, according to the company.",
        "2026-03-09T09:00:00Z");
  t.Add("b",
        "Norrbahn rail workers will strike from March 18 because pay talks failed, their union "
        "said.\n"
        "About 90,000 people ride Norrbahn trains each weekday.",
        "2026-03-09T11:00:00Z");
  ExpectBefore(FullDigest(t), "strike from March 18", "About 90,000");
}

TEST(Digest, AnswersOfAnExplainerNeedTheirQuestion) {
  TestStory t;  // fictional Q&A explainer
  t.Add("a",
        "Ingrid Sand of the Coast Party won the Orvik mayoral election on Sunday with 54 percent.\n"
        "When does Sand take office?\n"
        "On May 2, once the result has been confirmed by the regional election board.");
  t.Add(
      "b",
      "Coast Party candidate Ingrid Sand won Sunday's mayoral election in Orvik with 54 percent.\n"
      "Turnout in Orvik was 61 percent, the highest for a local election in two decades.");
  ExpectLeftOut(t, "On May 2, once");
}

TEST(Digest, ListItemsAreNotSentences) {
  TestStory t;  // fictional
  for (const char* id : {"a", "b"}) {
    t.Add(id,
          "Residents of Lunde must boil tap water after E. coli was found in the town supply.\n"
          "\xE2\x80\x93 Boil water for at least one minute before drinking or cooking\n"
          "\xE2\x80\x93 Use bottled water to prepare formula for babies and infants.");
  }
  auto d = FullDigest(t);
  ASSERT_FALSE(d.empty());
  for (const Statement& s : d) EXPECT_EQ(s.text.find("\xE2\x80\x93"), std::string::npos) << s.text;
}

TEST(Digest, UndatedArticlesReadLeadFirst) {
  TestStory t;  // fictional, no dates anywhere
  t.Add("a",
        "Flooding forced the evacuation of four villages along the Orva river overnight.\n"
        "Rescue teams used boats to reach families trapped in the village of Lenne.\n"
        "The Orva river burst its banks after a week of heavy rain in the hills.");
  t.Add("b",
        "Four villages along the Orva river were evacuated overnight because of flooding.\n"
        "The Orva river burst its banks after a week of heavy rain in the northern hills.");
  auto d = FullDigest(t);
  ASSERT_GE(d.size(), 2u);
  EXPECT_NE(d.front().text.find("evacuat"), std::string::npos) << d.front().text;
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
