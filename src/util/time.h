// ISO 8601 timestamps <-> seconds since the Unix epoch (UTC), and calendar helpers.
// Tested by time_test.cc.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "parallax/status.h"

namespace parallax {

// Accepts "YYYY-MM-DD", "YYYY-MM-DDTHH:MM[:SS[.fff]]" with "Z", "+HH:MM", "+HHMM" or no zone
// (taken as UTC); a space may stand for the "T".
Result<int64_t> ParseIso8601(std::string_view text);
// "YYYY-MM-DDTHH:MM:SSZ".
std::string FormatIso8601(int64_t seconds);

// Days since 1970-01-01 for a civil date (proleptic Gregorian); Howard Hinnant's algorithm.
int64_t DaysFromCivil(int64_t y, unsigned m, unsigned d);
void CivilFromDays(int64_t days, int64_t* y, unsigned* m, unsigned* d);
// 0 = Sunday ... 6 = Saturday.
int WeekdayFromDays(int64_t days);
inline int64_t FloorDiv(int64_t a, int64_t b) {
  return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

}  // namespace parallax
