#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "analyze/analyze.h"
#include "analyze/test_util.h"
#include "util/time.h"

namespace parallax {
namespace {

// Wednesday 18 March 2026, 08:00 UTC.
constexpr int64_t kWednesday = 1773820800;

// The normalized form of every date of `text`, published on kWednesday unless told otherwise.
std::vector<std::string> Norms(const std::string& text,
                               std::optional<int64_t> published = kWednesday) {
  auto a = AnalyzeText(text, published);
  std::vector<std::string> out;
  for (const DateMention& d : a->doc.dates) {
    EXPECT_EQ(a->doc.Text(d.span), d.text);
    out.push_back(d.normalized);
  }
  return out;
}

using Strings = std::vector<std::string>;

TEST(Dates, PublicationDateInTheTestIsAWednesday) {
  EXPECT_EQ(ParseIso8601("2026-03-18T08:00:00Z").value(), kWednesday);
  EXPECT_EQ(WeekdayFromDays(kWednesday / 86400), 3);
}

TEST(Dates, WrittenWeekdayIsKeptBesideACalendarDate) {
  // 8 October 2026 is a Thursday; the article says Tuesday: both are kept, so compare can see
  // two outlets give one date different weekdays.
  auto a =
      AnalyzeText("The cable failed on Tuesday 8 October 2026, the operator said.", kWednesday);
  ASSERT_EQ(a->doc.dates.size(), 1u);
  EXPECT_EQ(a->doc.dates[0].written_weekday, 2);
  EXPECT_EQ(a->doc.dates[0].weekday, 4);
  auto b = AnalyzeText("The cable failed on 8 October 2026.", kWednesday);
  ASSERT_EQ(b->doc.dates.size(), 1u);
  EXPECT_EQ(b->doc.dates[0].written_weekday, -1);
}

TEST(Dates, BareWeekdayIsTheMostRecentOnOrBeforePublication) {
  EXPECT_EQ(Norms("The ferry sank on Tuesday."), Strings{"2026-03-17"});
  EXPECT_EQ(Norms("The ferry sank on Wednesday."), Strings{"2026-03-18"});
  EXPECT_EQ(Norms("The ferry sank on Thursday."), Strings{"2026-03-12"});
  EXPECT_EQ(Norms("The ferry sank last Wednesday."), Strings{"2026-03-11"});
}

TEST(Dates, FutureCueResolvesForward) {
  EXPECT_EQ(Norms("The minister will visit on Friday."), Strings{"2026-03-20"});
  EXPECT_EQ(Norms("They meet again next Monday."), Strings{"2026-03-23"});
  EXPECT_EQ(Norms("The vote is scheduled for April 2."), Strings{"2026-04-02"});
}

TEST(Dates, WeekdayFieldsAndText) {
  auto a = AnalyzeText("The ferry sank on Tuesday night.", kWednesday);
  ASSERT_EQ(a->doc.dates.size(), 1u);
  const DateMention& d = a->doc.dates[0];
  EXPECT_EQ(d.kind, DateMention::Kind::kWeekday);
  EXPECT_EQ(d.text, "on Tuesday");
  EXPECT_EQ(d.weekday, 2);
  ASSERT_TRUE(d.day.has_value());
  EXPECT_EQ(*d.day, DaysFromCivil(2026, 3, 17));
}

TEST(Dates, CalendarDates) {
  EXPECT_EQ(Norms("It happened on March 3."), Strings{"2026-03-03"});
  EXPECT_EQ(Norms("It happened on 3 March."), Strings{"2026-03-03"});
  EXPECT_EQ(Norms("It happened on the 3rd of March."), Strings{"2026-03-03"});
  EXPECT_EQ(Norms("It happened on March 3, 2024."), Strings{"2024-03-03"});
  EXPECT_EQ(Norms("It happened on 3 March 2024."), Strings{"2024-03-03"});
  EXPECT_EQ(Norms("The filing is dated 2026-02-20."), Strings{"2026-02-20"});
  EXPECT_EQ(Norms("It happened on Tuesday, March 17."), Strings{"2026-03-17"});
}

TEST(Dates, DateWithoutYearIsTheClosestOnOrBeforePublication) {
  EXPECT_EQ(Norms("The first leak was found on December 24."), Strings{"2025-12-24"});
  auto a = AnalyzeText("It happened on March 3, 2024.", kWednesday);
  ASSERT_EQ(a->doc.dates.size(), 1u);
  EXPECT_EQ(a->doc.dates[0].year, 2024);
  EXPECT_EQ(a->doc.dates[0].month, 3);
  EXPECT_EQ(a->doc.dates[0].day_of_month, 3);
  EXPECT_EQ(a->doc.dates[0].kind, DateMention::Kind::kCalendar);
}

TEST(Dates, WithoutPublicationDateNothingRelativeIsResolved) {
  EXPECT_EQ(Norms("It sank on Tuesday, not yesterday, and not on March 3.", std::nullopt),
            (Strings{"weekday:tuesday", "day:-1", "--03-03"}));
  auto a = AnalyzeText("It sank on Tuesday.", std::nullopt);
  ASSERT_EQ(a->doc.dates.size(), 1u);
  EXPECT_FALSE(a->doc.dates[0].day.has_value());
}

TEST(Dates, MonthsAndYears) {
  EXPECT_EQ(Norms("Talks have stalled since January."), Strings{"month:1"});
  EXPECT_EQ(Norms("The port reopened in March 2025."), Strings{"2025-03"});
  EXPECT_EQ(Norms("Prices rose in 2019."), Strings{"year:2019"});
  EXPECT_EQ(Norms("The 2028 election is far off."), Strings{"year:2028"});
}

TEST(Dates, AmbiguousMonthNamesNeedContext) {
  EXPECT_TRUE(Norms("Officials may march on the capital. May Lindqvist agreed.").empty());
  EXPECT_EQ(Norms("The inquiry reports in May."), Strings{"month:5"});
  EXPECT_EQ(Norms("The inquiry reported on May 4."), Strings{"2025-05-04"});
}

TEST(Dates, RelativeExpressions) {
  EXPECT_EQ(Norms("It sank yesterday."), Strings{"2026-03-17"});
  EXPECT_EQ(Norms("Divers return tomorrow."), Strings{"2026-03-19"});
  EXPECT_EQ(Norms("It sank two days ago."), Strings{"2026-03-16"});
  EXPECT_EQ(Norms("Talks began last week and end this week."), (Strings{"week:-1", "week:0"}));
  EXPECT_EQ(Norms("Prices rose last month."), Strings{"month:-1"});
  EXPECT_EQ(Norms("Prices rose last year."), Strings{"year:2025"});
  EXPECT_EQ(Norms("Three weeks ago the port closed."), Strings{"week:-3"});
}

TEST(Dates, ClockTimes) {
  EXPECT_EQ(Norms("It struck at 3 p.m. local time."), Strings{"time:15:00"});
  EXPECT_EQ(Norms("It struck at 11:40 p.m."), Strings{"time:23:40"});
  EXPECT_EQ(Norms("It struck at 15:00."), Strings{"time:15:00"});
  EXPECT_EQ(Norms("It struck at 10.30am and 12 a.m."), (Strings{"time:10:30", "time:00:00"}));
}

TEST(Dates, WeekdaysInsideNamesAreNotDates) {
  EXPECT_TRUE(Norms("The Sunday Times and the Good Friday accord were cited.").empty());
  EXPECT_TRUE(Norms("Prices fell on Black Friday and Cyber Monday.").empty());
}

// Fictional examples: a capitalised word before a weekday does not make it a name.
TEST(Dates, WeekdayAfterANameIsADate) {
  EXPECT_EQ(Norms("The Harbour Owls placed Tom Vell on Injured Reserve Friday."),
            Strings{"2026-03-13"});
  EXPECT_EQ(Norms("A fire broke out at a Korsholm office Thursday."), Strings{"2026-03-12"});
  EXPECT_EQ(Norms("Quake Hits Korsholm Sunday"), Strings{"2026-03-15"});
}

// Fictional: a future cue before the day is kept on the mention.
TEST(Dates, FutureCueIsKept) {
  auto will = AnalyzeText("The court will hear the case on Wednesday.");
  ASSERT_EQ(will->doc.dates.size(), 1u);
  EXPECT_TRUE(will->doc.dates[0].future);
  auto was = AnalyzeText("The court heard the case on Wednesday.");
  ASSERT_EQ(was->doc.dates.size(), 1u);
  EXPECT_FALSE(was->doc.dates[0].future);
  auto scheduled = AnalyzeText("A hearing is scheduled for May 15, 2031.");
  ASSERT_EQ(scheduled->doc.dates.size(), 1u);
  EXPECT_TRUE(scheduled->doc.dates[0].future);
}

TEST(Dates, InvalidDatesAreNotDates) {
  EXPECT_TRUE(Norms("It was due on February 30 or 31 February.").empty());
  EXPECT_TRUE(Norms("Clocks read 13 p.m. and 99:99 and 2026-02-30.").empty());
  EXPECT_TRUE(Norms("Scores were 2:1 and 4.5 overall.").empty());
}

TEST(Dates, LeapDayWithoutYearStaysUnresolvedInACommonYear) {
  auto a = AnalyzeText("The permit expired on February 29.", kWednesday);
  ASSERT_EQ(a->doc.dates.size(), 1u);
  EXPECT_FALSE(a->doc.dates[0].day.has_value());
  EXPECT_EQ(a->doc.dates[0].normalized, "--02-29");
}

TEST(Dates, HostileInput) {
  EXPECT_TRUE(Norms("").empty());
  std::string text;
  for (int i = 0; i < 2000; ++i) text += "on Tuesday March 32, 2026-13-45 ago last ";
  auto a = AnalyzeText(text, kWednesday);
  for (const DateMention& d : a->doc.dates) EXPECT_FALSE(d.normalized.empty());
}

}  // namespace
}  // namespace parallax
