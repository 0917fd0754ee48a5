#include "compare/compare.h"

#include <gtest/gtest.h>

#include "analyze/test_util.h"

namespace parallax {
namespace {

Comparison CompareStory(TestStory& t) {
  Alignment a = Align(t.ptrs, AlignOptions{});
  return Compare(t.ptrs, a, CompareOptions{});
}

const Conflict* Find(const Comparison& c, ConflictKind kind) {
  for (const Conflict& x : c.conflicts) {
    if (x.kind == kind) return &x;
  }
  return nullptr;
}

bool HasValue(const Conflict& c, const std::string& needle) {
  for (const ConflictValue& v : c.values) {
    if (v.value.find(needle) != std::string::npos) return true;
  }
  return false;
}

// Whether two one-paragraph articles `a` and `b` are found to conflict on `kind`.
bool HasConflict(const std::string& a, const std::string& b, ConflictKind kind) {
  TestStory t;
  t.Add("a", a);
  t.Add("b", b);
  return Find(CompareStory(t), kind) != nullptr;
}

// One conflict of `kind` holds both values.
void ExpectConflict(const Comparison& c, ConflictKind kind, const std::string& x,
                    const std::string& y) {
  const Conflict* n = Find(c, kind);
  ASSERT_NE(n, nullptr) << x << " / " << y;
  EXPECT_TRUE(HasValue(*n, x));
  EXPECT_TRUE(HasValue(*n, y));
}

TEST(Compare, AgreementsAndUniqueFacts) {
  TestStory t;
  t.Add("a",
        "The north pier in Korsholm was destroyed by a storm on Monday night.\n"
        "Fishermen moved their boats to the southern marina in Estvik.");
  t.Add("b",
        "A storm destroyed the north pier in Korsholm on Monday night.\n"
        "The regional ferry company cancelled all crossings to the islands.");
  Comparison c = CompareStory(t);
  ASSERT_EQ(c.agreements.size(), 1u);
  EXPECT_EQ(c.agreements[0].sources, (std::vector<std::string>{"a", "b"}));
  ASSERT_EQ(c.unique.size(), 2u);
  EXPECT_EQ(c.unique[0].source, "a");
  EXPECT_EQ(c.unique[1].source, "b");
  EXPECT_TRUE(c.conflicts.empty());
}

TEST(Compare, NameSpelledTwoWays) {
  TestStory t;
  t.Add("a",
        "Port spokeswoman Ingrid Solvang said the terminal would reopen on Friday.\n"
        "Solvang said no one was hurt.");
  t.Add("b", "Port spokeswoman Ingrid Solwang said the terminal would reopen on Friday.");
  Comparison c = CompareStory(t);
  const Conflict* x = Find(c, ConflictKind::kName);
  ASSERT_NE(x, nullptr);
  EXPECT_TRUE(HasValue(*x, "Ingrid Solvang"));
  EXPECT_TRUE(HasValue(*x, "Ingrid Solwang"));
  EXPECT_EQ(x->values[0].sources, (std::vector<std::string>{"a"}));
  EXPECT_FALSE(x->values[0].evidence.empty());
}

TEST(Compare, DifferentPeopleWithOneSurnameAreNoConflict) {
  TestStory t;
  t.Add("a", "Police chief Erik Kvist said the witness, Anna Kvist, saw the fire start.");
  t.Add("b", "Witness Anna Kvist told police chief Erik Kvist she saw the fire start.");
  EXPECT_EQ(Find(CompareStory(t), ConflictKind::kName), nullptr);
}

TEST(Compare, TitleWithDifferentRank) {
  TestStory t;
  t.Add("a", "The talks were led by Maren Ostby, the acting envoy for the northern islands.");
  t.Add("b", "The talks were led by Maren Ostby, the envoy for the northern islands.");
  Comparison c = CompareStory(t);
  const Conflict* x = Find(c, ConflictKind::kTitle);
  ASSERT_NE(x, nullptr);
  EXPECT_TRUE(HasValue(*x, "acting envoy"));
  EXPECT_EQ(x->subject, "Maren Ostby");
}

TEST(Compare, NumbersForTheSameCount) {
  TestStory t;
  t.Add("a", "Rescue crews pulled 42 passengers from the water after the ferry capsized.");
  t.Add("b", "Rescue crews pulled 46 passengers from the water after the ferry capsized.");
  Comparison c = CompareStory(t);
  const Conflict* x = Find(c, ConflictKind::kNumber);
  ASSERT_NE(x, nullptr);
  EXPECT_TRUE(HasValue(*x, "42"));
  EXPECT_TRUE(HasValue(*x, "46"));
}

TEST(Compare, CompatibleNumbersAreNoConflict) {
  TestStory t;
  t.Add("a",
        "Rescue crews pulled two passengers from the water after the ferry capsized.\n"
        "About 300 people watched from the shore.");
  t.Add("b",
        "Rescue crews pulled 2 passengers from the water after the ferry capsized.\n"
        "More than 300 people watched from the shore.");
  EXPECT_EQ(Find(CompareStory(t), ConflictKind::kNumber), nullptr);
}

TEST(Compare, DifferentDaysForOneEvent) {
  TestStory t;
  t.Add("a", "The warehouse fire in Tarnby broke out on Tuesday evening, firefighters said.",
        "2026-03-05T09:00:00Z");
  t.Add("b", "The warehouse fire in Tarnby broke out on Wednesday evening, firefighters said.",
        "2026-03-05T11:00:00Z");
  Comparison c = CompareStory(t);
  const Conflict* x = Find(c, ConflictKind::kDate);
  ASSERT_NE(x, nullptr);
  EXPECT_TRUE(HasValue(*x, "Tuesday"));
  EXPECT_TRUE(HasValue(*x, "Wednesday"));
}

TEST(Compare, RelativeDaysResolvedAgainstEachArticleDate) {
  TestStory t;
  // Published a day apart: "yesterday" and "on Tuesday" name the same day.
  t.Add("a", "The warehouse fire in Tarnby broke out yesterday, firefighters said.",
        "2026-03-04T09:00:00Z");
  t.Add("b", "The warehouse fire in Tarnby broke out on Tuesday, firefighters said.",
        "2026-03-05T09:00:00Z");
  EXPECT_EQ(Find(CompareStory(t), ConflictKind::kDate), nullptr);
}

TEST(Compare, QuoteWordedDifferently) {
  TestStory t;
  t.Add("a", "\u201CWe will rebuild the pier by summer,\u201D Mayor Lene Haugen said.");
  t.Add("b", "\u201CWe will rebuild the pier before the summer,\u201D said Mayor Lene Haugen.");
  Comparison c = CompareStory(t);
  const Conflict* x = Find(c, ConflictKind::kQuote);
  ASSERT_NE(x, nullptr);
  EXPECT_TRUE(HasValue(*x, "by summer"));
  EXPECT_TRUE(HasValue(*x, "before the summer"));
}

TEST(Compare, ExcerptOfAQuoteIsNoConflict) {
  TestStory t;
  t.Add(
      "a",
      "\u201CWe will rebuild the pier by summer, whatever it costs,\u201D Mayor Lene Haugen said.");
  t.Add("b", "Mayor Lene Haugen promised: \u201CWe will rebuild the pier by summer.\u201D");
  EXPECT_EQ(Find(CompareStory(t), ConflictKind::kQuote), nullptr);
}

// ---- copied sentences with one value changed (edits.cc); all outlets and events fictional ----

size_t CountKind(const Comparison& c, ConflictKind kind) {
  size_t n = 0;
  for (const Conflict& x : c.conflicts) n += x.kind == kind;
  return n;
}

TEST(Edits, NumberChangedInACopiedSentence) {
  TestStory t;
  t.Add("a",
        "Harbour police in Estvik said 49 boats were damaged when the storm hit the marina "
        "overnight.");
  t.Add("b",
        "Harbour police in Estvik said 52 boats were damaged when the storm hit the marina "
        "overnight.");
  Comparison c = CompareStory(t);
  ASSERT_EQ(c.conflicts.size(), 1u);
  EXPECT_EQ(c.conflicts[0].kind, ConflictKind::kNumber);
  EXPECT_TRUE(HasValue(c.conflicts[0], "49"));
  EXPECT_TRUE(HasValue(c.conflicts[0], "52"));
  EXPECT_GE(c.conflicts[0].confidence, 0.9);
  // Evidence keeps the source's offsets.
  const SourceRef& ref = c.conflicts[0].values[1].refs[0];
  EXPECT_EQ(t.articles[1].text.substr(ref.begin, ref.end - ref.begin),
            c.conflicts[0].values[1].evidence);
}

TEST(Edits, OutletsPrintingOneWordingShareOneValue) {
  TestStory t;
  const char* kOld =
      "Harbour police in Estvik said 49 boats were damaged when the storm hit the marina "
      "overnight.";
  t.Add("a", kOld);
  t.Add("b",
        "Harbour police in Estvik said 52 boats were damaged when the storm hit the marina "
        "overnight.");
  t.Add("c", kOld);
  Comparison c = CompareStory(t);
  ASSERT_EQ(c.conflicts.size(), 1u);
  ASSERT_EQ(c.conflicts[0].values.size(), 2u);
  EXPECT_EQ(c.conflicts[0].values[0].sources, (std::vector<std::string>{"a", "c"}));
  EXPECT_EQ(c.conflicts[0].values[1].sources, (std::vector<std::string>{"b"}));
}

TEST(Edits, SameCountInWordsAndDigitsIsNoConflict) {
  TestStory t;
  t.Add("a", "Harbour police in Estvik said two boats were damaged when the storm hit the marina.");
  t.Add("b", "Harbour police in Estvik said 2 boats were damaged when the storm hit the marina.");
  EXPECT_TRUE(CompareStory(t).conflicts.empty());
}

TEST(Edits, OneValueWrittenTwoWaysIsNoConflict) {
  TestStory t;
  t.Add("a",
        "Nils Ekdahl won 51.8 per cent of the vote as Korsholm FC beat Estvik 3\u20131 on Sunday.");
  t.Add("b", "Nils Ekdahl won 51.8% of the vote as Korsholm FC beat Estvik 3-1 on Sunday.");
  t.Add("c",
        "Nils Ekdahl won 51.8 percent of the vote as Korsholm FC beat Estvik 3 - 1 on Sunday.");
  EXPECT_TRUE(CompareStory(t).conflicts.empty());
}

TEST(Edits, WeekdayChangedInACopiedSentence) {
  TestStory t;
  t.Add("a", "The Korsholm city council voted on Monday to close the old swimming hall in Tarnby.");
  t.Add("b",
        "The Korsholm city council voted on Thursday to close the old swimming hall in Tarnby.");
  Comparison c = CompareStory(t);
  ASSERT_EQ(CountKind(c, ConflictKind::kDate), 1u);
  const Conflict* d = Find(c, ConflictKind::kDate);
  EXPECT_TRUE(HasValue(*d, "Monday"));
  EXPECT_TRUE(HasValue(*d, "Thursday"));
}

TEST(Edits, RankAddedToATitle) {
  TestStory t;
  t.Add("a", "Harbour Minister Sigrid Holm said the Estvik pier would reopen within a month.");
  t.Add("b",
        "Harbour deputy Minister Sigrid Holm said the Estvik pier would reopen within a month.");
  Comparison c = CompareStory(t);
  const Conflict* title = Find(c, ConflictKind::kTitle);
  ASSERT_NE(title, nullptr);
  EXPECT_TRUE(HasValue(*title, "deputy Minister"));
  EXPECT_EQ(CountKind(c, ConflictKind::kTitle), 1u);  // found twice, shown once
}

TEST(Edits, NameRespelledInACopiedSentence) {
  TestStory t;
  t.Add("a",
        "Goalkeeper Tobias Lindqvist saved two penalties as Korsholm FC won the shoot-out.\n"
        "Lindqvist was named man of the match by the league.");
  t.Add("b", "Goalkeeper Tobias Lindqvust saved two penalties as Korsholm FC won the shoot-out.");
  Comparison c = CompareStory(t);
  ASSERT_EQ(c.conflicts.size(), 1u);
  EXPECT_EQ(c.conflicts[0].kind, ConflictKind::kName);
  EXPECT_TRUE(HasValue(c.conflicts[0], "Lindqvust"));
}

TEST(Edits, WordChangedInsideAQuote) {
  TestStory t;
  t.Add("a",
        "\"We cannot rebuild the breakwater before the winter storms,\" the Osterhamn harbour "
        "master said.");
  t.Add("b",
        "\"We certainly rebuild the breakwater before the winter storms,\" the Osterhamn harbour "
        "master said.");
  Comparison c = CompareStory(t);
  const Conflict* q = Find(c, ConflictKind::kQuote);
  ASSERT_NE(q, nullptr);
  EXPECT_TRUE(HasValue(*q, "cannot"));
  EXPECT_TRUE(HasValue(*q, "certainly"));
}

TEST(Edits, ReworderOutsideQuotesAndSpellingConventionsAreNoConflict) {
  TestStory t;
  t.Add(
      "a",
      "The Estvik Theatre Company recognised the volunteers who ran the shelter on Sunday night.");
  t.Add("b",
        "The Estvik Theater Company recognized the volunteers who staffed the shelter on Sunday "
        "night.");
  EXPECT_TRUE(CompareStory(t).conflicts.empty());
}

TEST(Edits, DatelinesAreNoConflict) {
  TestStory t;
  t.Add("a",
        "Updated 4 March 2026, 18:07 GMT\nThe Tarnby ferry resumed service after the repairs, the "
        "operator said.");
  t.Add("b",
        "Updated 5 March 2026, 09:15 GMT\nThe Tarnby ferry resumed service after the repairs, the "
        "operator said.");
  EXPECT_TRUE(CompareStory(t).conflicts.empty());
}

// ---- titles, name words, lead dates, weeks ----

TEST(Compare, HeadlinesAreCompared) {
  TestStory t;
  t.Add("a", "The coastguard said the crew was rescued without injuries.", "",
        "Trawler sinks off Vindholm on Tuesday");
  t.Add("b", "The coastguard said the crew was rescued without injuries.", "",
        "Trawler sinks off Vindholm on Friday");
  Comparison c = CompareStory(t);
  const Conflict* d = Find(c, ConflictKind::kDate);
  ASSERT_NE(d, nullptr);
  EXPECT_TRUE(d->values[0].refs[0].in_title);
  const SourceRef& ref = d->values[1].refs[0];
  EXPECT_EQ(t.articles[1].title.substr(ref.begin, ref.end - ref.begin), d->values[1].evidence);
}

TEST(Compare, NameWordSpelledTwoWaysInDifferentSentences) {
  TestStory t;
  t.Add("a",
        "Striker Mikkel Aasgard scored twice in the final at Ringvold Stadium.\n"
        "Aasgard said the win belonged to the fans.");
  t.Add("b",
        "The cup was decided by two goals from Mikkel Aasgaard before the interval.\n"
        "Estvik United had no answer to the pace of the Korsholm forwards.");
  Comparison c = CompareStory(t);
  const Conflict* n = Find(c, ConflictKind::kName);
  ASSERT_NE(n, nullptr);
  EXPECT_TRUE(HasValue(*n, "Aasgard"));
  EXPECT_TRUE(HasValue(*n, "Aasgaard"));
}

TEST(Compare, PluralOfANameWordIsNoConflict) {
  TestStory t;
  t.Add("a", "The Korsholm Falcons won their fifth game in a row at Ringvold Stadium on Saturday.");
  t.Add("b", "Korsholm Falcon fans celebrated the fifth straight win outside the stadium.");
  EXPECT_EQ(Find(CompareStory(t), ConflictKind::kName), nullptr);
}

TEST(Compare, NameWrittenWithAndWithoutAccentsIsNoConflict) {
  EXPECT_FALSE(HasConflict(
      "Thieves rammed a car into a jeweller on Torget Strandgarden in Korsholm on Monday.",
      "A jeweller on the old Torget Strandg\u00e5rden was raided by four men on Monday.",
      ConflictKind::kName));
  EXPECT_FALSE(HasConflict("Striker Mikkel Aasgard scored twice.\nThe final ended 2-0.",
                           "Two goals came from Mikkel Aasg\u00e5rd in the final.",
                           ConflictKind::kName));
}

TEST(Compare, LeadsGiveDifferentDaysForOneHappening) {
  TestStory t;
  t.Add("a",
        "Voters in Valdmark cast ballots on Sunday in a parliamentary election called early.\n"
        "Turnout was high in the capital.");
  t.Add("b",
        "Valdmark voted Thursday in a parliamentary election that observers called calm.\n"
        "Polling stations in Korsholm stayed open late.");
  Comparison c = CompareStory(t);
  const Conflict* d = Find(c, ConflictKind::kDate);
  ASSERT_NE(d, nullptr);
  EXPECT_TRUE(HasValue(*d, "Sunday"));
  EXPECT_TRUE(HasValue(*d, "Thursday"));
}

TEST(Compare, LeadDaysOfDifferentHappeningsAreNoConflict) {
  TestStory t;
  t.Add("a", "A gunman opened fire at a wholesaler's office party on Friday, killing the boss.");
  t.Add("b",
        "On Saturday the grieving staff stayed home in memory of the boss the gunman killed at the "
        "wholesaler.");
  EXPECT_EQ(Find(CompareStory(t), ConflictKind::kDate), nullptr);
}

TEST(Compare, DaysOfStatementsAndWireDatelinesAreNoConflict) {
  TestStory t;
  t.Add("a",
        "KORSHOLM, March 9 (Northline) - The rail union said on Monday its members would strike "
        "over pay.",
        "2026-03-09T12:00:00Z");
  t.Add("b",
        "Commuters face weeks of disruption from March 17 after the strike vote, the union leader "
        "said on Tuesday.",
        "2026-03-10T12:00:00Z");
  EXPECT_EQ(Find(CompareStory(t), ConflictKind::kDate), nullptr);
}

// Fictional: the changed article also says "Monday", but only as the day officials spoke.
TEST(Compare, ADayOfSpeakingDoesNotAnswerTheDayOfAHappening) {
  TestStory t;
  t.Add("a",
        "Prison officials said Monday they were searching for Ivo Brandt.\n"
        "Brandt escaped Thursday from a transport van near Korsholm after pulling a gun on two "
        "guards.");
  t.Add("b",
        "Ivo Brandt was in a wheelchair Monday when he pulled a gun on two guards near Korsholm.\n"
        "The search went on through the night.");
  Comparison c = CompareStory(t);
  const Conflict* d = Find(c, ConflictKind::kDate);
  ASSERT_NE(d, nullptr);
  EXPECT_TRUE(HasValue(*d, "Thursday"));
  EXPECT_TRUE(HasValue(*d, "Monday"));
}

// Fictional: one calendar date given two different weekdays.
TEST(Compare, OneDateWithTwoWrittenWeekdays) {
  TestStory t;
  t.Add("a",
        "The Norvik undersea cable went down on Saturday 8 October 2011, cutting traffic to "
        "Europe.");
  t.Add("b",
        "Tuesday, October 11, 2011\n"
        "The Norvik cable, a data link to Europe, suffered downtime beginning on Tuesday 8 "
        "October 2011.");
  Comparison c = CompareStory(t);
  const Conflict* d = Find(c, ConflictKind::kDate);
  ASSERT_NE(d, nullptr);
  EXPECT_TRUE(HasValue(*d, "Saturday 8 October"));
  EXPECT_TRUE(HasValue(*d, "Tuesday 8 October"));
}

// Fictional: "historic" and "history" are one word family around the two days.
TEST(Compare, OneDateWithTwoWrittenWeekdaysInUnrelatedSentences) {
  TestStory t;
  t.Add("a",
        "Ferries between Korsholm and Estvik were cancelled.\n"
        "The link failed on Saturday 8 October 2011, and repairs may take days.");
  t.Add("b",
        "Harbour operators in Estvik are scrambling to reroute passengers.\n"
        "Services have been down since Tuesday 8 October 2011, the operator said.\n"
        "No one was hurt on 8 October.");
  Comparison c = CompareStory(t);
  ExpectConflict(c, ConflictKind::kDate, "Saturday", "Tuesday");
  // The same date with one weekday, and without one, is no conflict.
  TestStory u;
  u.Add("a", "Ferries were cancelled.\nThe link failed on Saturday 8 October 2011.");
  u.Add("b", "Operators are rerouting passengers.\nServices have been down since 8 October 2011.");
  EXPECT_EQ(Find(CompareStory(u), ConflictKind::kDate), nullptr);
}

TEST(Compare, LeadDaysMatchedAcrossAWordFamily) {
  TestStory t;
  t.Add("a", "A fire on Tuesday destroyed the historic dairy warehouse at Korsholm.");
  t.Add("b",
        "Valdmark lost a piece of its history on Wednesday, when a blaze demolished the old "
        "creamery warehouse in Korsholm.");
  Comparison c = CompareStory(t);
  const Conflict* d = Find(c, ConflictKind::kDate);
  ASSERT_NE(d, nullptr);
  EXPECT_TRUE(HasValue(*d, "Tuesday"));
  EXPECT_TRUE(HasValue(*d, "Wednesday"));
}

// Fictional near-miss: short stems are not a family ("port" / "portrait").
TEST(Compare, ShortStemPrefixIsNoWordFamily) {
  TestStory t;
  t.Add("a", "The ferry left port on Tuesday with forty cars.");
  t.Add("b", "A portrait of the captain was unveiled Friday in the harbour town.");
  EXPECT_EQ(Find(CompareStory(t), ConflictKind::kDate), nullptr);
}

// Fictional near-miss: aligned sentences, but one day is when police spoke, the other when the
// shooting happened.
TEST(Compare, DayOfSpeakingAgainstDayOfHappeningIsNoConflict) {
  TestStory t;
  t.Add("a",
        "A former clerk who opened fire at a Korsholm office party has been charged with murder, "
        "police said Saturday.");
  t.Add("b",
        "A former clerk has been charged with murder after a shooting at a Korsholm office party "
        "Thursday.");
  EXPECT_EQ(Find(CompareStory(t), ConflictKind::kDate), nullptr);
}

// Fictional: headline casualty counts of one attack.
TEST(Compare, CasualtyCountsInHeadlines) {
  TestStory t;
  t.Add("a", "Korsholm depot shooting kills 1, injures 2\nThe gunman was arrested at the depot.");
  t.Add("b",
        "Shooting at Korsholm Depot Leaves Guard Dead and 3 Hurt\nPolice arrested the gunman.");
  Comparison c = CompareStory(t);
  const Conflict* n = Find(c, ConflictKind::kNumber);
  ASSERT_NE(n, nullptr);
  EXPECT_TRUE(HasValue(*n, "2"));
  EXPECT_TRUE(HasValue(*n, "3"));
}

// Fictional near-miss: the dead and the hurt are two counts, and "kills 2" / "2 dead" agree.
TEST(Compare, DeadAndHurtAreTwoCounts) {
  TestStory t;
  t.Add("a", "Korsholm depot shooting kills 2\nThe gunman was arrested at the depot.");
  t.Add("b", "2 dead, 3 hurt in Korsholm depot shooting\nPolice arrested the gunman.");
  EXPECT_EQ(Find(CompareStory(t), ConflictKind::kNumber), nullptr);
}

// Fictional: b's lead gives Wednesday for the fire and, in a sentence about something else,
// Tuesday: its counterpart of a's claim is the closer sentence, so the days disagree.
TEST(Compare, LeadDayOfTheClaimDisagreesThoughTheArticleNamesTheOtherDayElsewhere) {
  TestStory t;
  t.Add("a",
        "A fire on Tuesday destroyed the historic creamery warehouse in Korsholm.\n"
        "Nobody was hurt.");
  t.Add("b",
        "Korsholm lost a piece of its history on Wednesday, when a blaze demolished the old "
        "creamery.\n"
        "The mayor met reporters at the town hall Tuesday.");
  Comparison c = CompareStory(t);
  const Conflict* d = Find(c, ConflictKind::kDate);
  ASSERT_NE(d, nullptr);
  EXPECT_TRUE(HasValue(*d, "Tuesday"));
  EXPECT_TRUE(HasValue(*d, "Wednesday"));
}

// Fictional near-miss: b gives a's day for a's claim in its closest sentence; its other day is
// another moment of the story.
TEST(Compare, ArticleGivingTheSameDayForTheClaimIsNoConflict) {
  TestStory t;
  t.Add("a", "A fire on Tuesday destroyed the historic creamery warehouse in Korsholm.");
  t.Add("b",
        "Inspectors returned to the ruined warehouse on Wednesday.\n"
        "A fire on Tuesday destroyed the historic creamery warehouse, built in 1931.");
  EXPECT_EQ(Find(CompareStory(t), ConflictKind::kDate), nullptr);
}

// Fictional near-miss: a day announced and a day past are two happenings.
TEST(Compare, AnnouncedDayAgainstPastDayIsNoConflict) {
  TestStory t;
  t.Add("a", "The bodies of two sailors were found in a Korsholm boathouse on Tuesday.");
  t.Add("b",
        "An arraignment has been scheduled for Wednesday for a Korsholm man accused of killing "
        "two sailors in the boathouse.");
  EXPECT_EQ(Find(CompareStory(t), ConflictKind::kDate), nullptr);
}

TEST(Compare, LastWeekResolvedAgainstEachArticleDate) {
  // Published a week apart: "last week" and "this week" are the same week (2-8 March 2026).
  TestStory same;
  same.Add("a", "The Tarnby fire inspectors finished their report last week, the council said.",
           "2026-03-10T09:00:00Z");
  same.Add("b", "The Tarnby fire inspectors finished their report this week, the council said.",
           "2026-03-05T09:00:00Z");
  EXPECT_EQ(Find(CompareStory(same), ConflictKind::kDate), nullptr);
  // Published the same day: two different weeks.
  TestStory differ;
  differ.Add("a", "The Tarnby fire inspectors finished their report last week, the council said.",
             "2026-03-10T09:00:00Z");
  differ.Add("b", "The Tarnby fire inspectors finished their report this week, the council said.",
             "2026-03-10T12:00:00Z");
  EXPECT_NE(Find(CompareStory(differ), ConflictKind::kDate), nullptr);
}

TEST(Compare, CountOfASubsetOrARunningTotalIsNoConflict) {
  TestStory t;
  t.Add("a",
        "The coastguard detained 23 suspects after the raid on the Vindholm smugglers.\n"
        "During the raid, six rifles were seized.");
  t.Add("b",
        "Among them were 11 Valdmarkian suspects wanted since last year.\n"
        "So far, the coastguard has seized 14 rifles from smugglers.");
  Comparison c = CompareStory(t);
  EXPECT_EQ(Find(c, ConflictKind::kNumber), nullptr);
}

TEST(Compare, ACopyThatChangedAValueDisagreesWithItsOriginal) {
  TestStory t;
  t.Add("wire",
        "Harbour police in Estvik said 49 boats were damaged when the storm hit the marina "
        "overnight.\n"
        "The marina will stay closed until Friday.");
  t.Add("copy",
        "Harbour police in Estvik said 52 boats were damaged when the storm hit the marina "
        "overnight.\n"
        "The marina will stay closed until Friday.");
  std::vector<const Document*> originals{t.ptrs[0]}, copies{t.ptrs[1]};
  Alignment a = Align(originals, AlignOptions{});
  Comparison c = Compare(originals, a, CompareOptions{}, copies);
  ASSERT_EQ(c.conflicts.size(), 1u);
  EXPECT_EQ(c.conflicts[0].values[1].sources, (std::vector<std::string>{"copy"}));
  EXPECT_TRUE(c.agreements.empty());  // a copy is no second source
}

TEST(Compare, ParaphrasedCountOfOnePerson) {
  TestStory t;
  t.Add("a",
        "Striker Mikkel Aasgard scored 23 points on Friday and became the club's all-time top "
        "scorer.\n"
        "Korsholm won the semi-final in front of a full stadium.");
  t.Add("b",
        "Mikkel Aasgard put on a show, scoring 25 points and becoming the club's leading scorer "
        "ever.\n"
        "The final will be played at Ringvold Stadium.");
  Comparison c = CompareStory(t);
  const Conflict* n = Find(c, ConflictKind::kNumber);
  ASSERT_NE(n, nullptr);
  EXPECT_TRUE(HasValue(*n, "23"));
  EXPECT_TRUE(HasValue(*n, "25"));
}

TEST(Compare, FinalScoreOfOneGame) {
  TestStory t;
  t.Add("a", "Falcons beat Estvik United 20 - 13 to reach the final\n\nKorsholm won at home.");
  t.Add("b", "Falcons Reach Final With 21-13 Win Over Estvik United\n\nThe stadium was full.");
  Comparison c = CompareStory(t);
  ExpectConflict(c, ConflictKind::kNumber, "20 - 13", "21-13");
}

TEST(Compare, ScoresOfOtherGamesOrWrittenTwoWaysAreNoConflict) {
  // Another game of the same team.
  EXPECT_FALSE(HasConflict("Falcons beat Estvik United 20 - 13 to reach the final.",
                           "The Falcons lost 7 - 3 to Ringvold in the opening week.",
                           ConflictKind::kNumber));
  // One score, spaced and not.
  EXPECT_FALSE(HasConflict("Falcons beat Estvik United 20 - 13 to reach the final.",
                           "Falcons Reach Final With 20-13 Win Over Estvik United.",
                           ConflictKind::kNumber));
}

TEST(Compare, CountOfOnePersonNamedFarFromTheNumber) {
  // Each article counts points for two players, so neither count is paired as a lone figure:
  // the one player both sentences name stands for a shared word around the numbers.
  TestStory t;
  t.Add("a", "Jonas Brekke added 11 points for the visitors.", "",
        "Mikkel Aasgard scored 23 points on Friday in a bruising derby win over Estvik United at "
        "the old Hamnvik ground.");
  t.Add("b", "Tobias Lindqvist had 6 points off the bench.", "",
        "Mikkel Aasgard put on a show as usual, scoring 25 points as Korsholm cruised into the cup "
        "semi-finals for a third straight season.");
  Comparison c = CompareStory(t);
  ExpectConflict(c, ConflictKind::kNumber, "23", "25");
  EXPECT_EQ(c.conflicts.size(), 1u);  // not 11 / 6: two players
}

TEST(Compare, CountsOfTwoPeopleAreNoConflict) {
  TestStory t;
  t.Add("a", "Goalkeeper Tobias Lindqvist made 12 saves for Korsholm before the break.");
  t.Add("b", "At the other end, Estvik keeper Jonas Brekke finished the game with 7 saves.");
  EXPECT_EQ(Find(CompareStory(t), ConflictKind::kNumber), nullptr);
}

TEST(Compare, ARateIsNoCount) {
  TestStory t;
  t.Add("a", "Striker Mikkel Aasgard scored 23 points and grabbed 7 rebounds in the semi-final.");
  t.Add(
      "b",
      "Coach Lars Aasgard said his son's 23 points and eight rebounds a game will help Korsholm.");
  EXPECT_EQ(Find(CompareStory(t), ConflictKind::kNumber), nullptr);
}

TEST(Compare, MinConfidenceFilters) {
  TestStory t;
  t.Add("a",
        "Harbour police in Estvik said 49 boats were damaged when the storm hit the marina "
        "overnight.");
  t.Add("b",
        "Harbour police in Estvik said 52 boats were damaged when the storm hit the marina "
        "overnight.");
  Alignment a = Align(t.ptrs, AlignOptions{});
  CompareOptions strict;
  strict.min_confidence = 0.99;
  EXPECT_TRUE(Compare(t.ptrs, a, strict).conflicts.empty());
  EXPECT_FALSE(Compare(t.ptrs, a, CompareOptions{}).conflicts.empty());
}

}  // namespace
}  // namespace parallax
