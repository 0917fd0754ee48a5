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

TEST(Compare, AgreementsAndUniqueFacts) {
  TestStory t;
  t.Add("a", "The north pier in Korsholm was destroyed by a storm on Monday night.\n"
             "Fishermen moved their boats to the southern marina in Estvik.");
  t.Add("b", "A storm destroyed the north pier in Korsholm on Monday night.\n"
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
  t.Add("a", "Port spokeswoman Ingrid Solvang said the terminal would reopen on Friday.\n"
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
  t.Add("a", "Rescue crews pulled two passengers from the water after the ferry capsized.\n"
             "About 300 people watched from the shore.");
  t.Add("b", "Rescue crews pulled 2 passengers from the water after the ferry capsized.\n"
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
  t.Add("a", "The warehouse fire in Tarnby broke out yesterday, firefighters said.", "2026-03-04T09:00:00Z");
  t.Add("b", "The warehouse fire in Tarnby broke out on Tuesday, firefighters said.", "2026-03-05T09:00:00Z");
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
  t.Add("a", "\u201CWe will rebuild the pier by summer, whatever it costs,\u201D Mayor Lene Haugen said.");
  t.Add("b", "Mayor Lene Haugen promised: \u201CWe will rebuild the pier by summer.\u201D");
  EXPECT_EQ(Find(CompareStory(t), ConflictKind::kQuote), nullptr);
}

}  // namespace
}  // namespace parallax
