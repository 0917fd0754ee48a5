#include "util/time.h"

#include <gtest/gtest.h>

namespace parallax {
namespace {

TEST(Time, ParsesIsoForms) {
  EXPECT_EQ(*ParseIso8601("1970-01-01"), 0);
  EXPECT_EQ(*ParseIso8601("1970-01-02T00:00:00Z"), 86400);
  EXPECT_EQ(*ParseIso8601("2026-03-04T08:15:00Z"), 1772612100);
  EXPECT_EQ(*ParseIso8601("2026-03-04T10:15:00+02:00"), 1772612100);
  EXPECT_EQ(*ParseIso8601("2026-03-04T03:15:00-0500"), 1772612100);
  EXPECT_EQ(*ParseIso8601("2026-03-04 08:15"), 1772612100);
  EXPECT_EQ(*ParseIso8601("2026-03-04T08:15:00.250Z"), 1772612100);
}

TEST(Time, RejectsMalformed) {
  EXPECT_FALSE(ParseIso8601("").ok());
  EXPECT_FALSE(ParseIso8601("March 4, 2026").ok());
  EXPECT_FALSE(ParseIso8601("2026-02-30").ok());
  EXPECT_FALSE(ParseIso8601("2026-13-01").ok());
  EXPECT_FALSE(ParseIso8601("2026-03-04T08:15:00Zjunk").ok());
  EXPECT_FALSE(ParseIso8601("2026-03-04T25:00").ok());
}

TEST(Time, FormatRoundTrips) {
  for (int64_t t : {0LL, 1772612100LL, -86400LL, 4102444799LL}) {
    EXPECT_EQ(*ParseIso8601(FormatIso8601(t)), t) << t;
  }
  EXPECT_EQ(FormatIso8601(1772612100), "2026-03-04T08:15:00Z");
}

TEST(Time, CalendarHelpers) {
  EXPECT_EQ(WeekdayFromDays(0), 4);  // 1970-01-01 was a Thursday
  int64_t d = DaysFromCivil(2026, 3, 4);
  EXPECT_EQ(WeekdayFromDays(d), 3);  // a Wednesday
  int64_t y;
  unsigned m, dd;
  CivilFromDays(d, &y, &m, &dd);
  EXPECT_EQ(y, 2026);
  EXPECT_EQ(m, 3u);
  EXPECT_EQ(dd, 4u);
}

}  // namespace
}  // namespace parallax
