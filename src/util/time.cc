// ISO 8601 parsing and formatting, and civil-calendar arithmetic.
// Written here rather than with std::chrono's parse (not in libstdc++ 12) or strptime
// (locale-dependent, no zone offsets): a strict, allocation-free parser of the forms news feeds
// use. Tested by time_test.cc.
#include "util/time.h"

#include <cstdio>

namespace parallax {
namespace {

// Reads exactly `n` digits at `*pos`.
bool ReadDigits(std::string_view s, size_t* pos, int n, int* out) {
  if (*pos + n > s.size()) return false;
  int v = 0;
  for (int i = 0; i < n; ++i) {
    char c = s[*pos + i];
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  *pos += n;
  *out = v;
  return true;
}

bool Eat(std::string_view s, size_t* pos, char c) {
  if (*pos < s.size() && s[*pos] == c) {
    ++*pos;
    return true;
  }
  return false;
}

unsigned DaysInMonth(int y, int m) {
  static const unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : kDays[m - 1];
}

// Parses the zone suffix into an offset in seconds east of UTC.
bool ParseZone(std::string_view s, size_t* pos, int* offset) {
  *offset = 0;
  if (*pos == s.size() || Eat(s, pos, 'Z') || Eat(s, pos, 'z')) return true;
  int sign = s[*pos] == '+' ? 1 : s[*pos] == '-' ? -1 : 0;
  if (sign == 0) return false;
  ++*pos;
  int hh = 0, mm = 0;
  if (!ReadDigits(s, pos, 2, &hh)) return false;
  Eat(s, pos, ':');
  if (*pos < s.size() && !ReadDigits(s, pos, 2, &mm)) return false;
  if (hh > 23 || mm > 59) return false;
  *offset = sign * (hh * 3600 + mm * 60);
  return true;
}

}  // namespace

int64_t DaysFromCivil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = FloorDiv(y, 400);
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

void CivilFromDays(int64_t z, int64_t* y, unsigned* m, unsigned* d) {
  z += 719468;
  const int64_t era = FloorDiv(z, 146097);
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  *d = doy - (153 * mp + 2) / 5 + 1;
  *m = mp < 10 ? mp + 3 : mp - 9;
  *y = static_cast<int64_t>(yoe) + era * 400 + (*m <= 2);
}

int WeekdayFromDays(int64_t days) { return static_cast<int>(((days % 7) + 11) % 7); }

Result<int64_t> ParseIso8601(std::string_view s) {
  auto bad = [&] {
    return InvalidArgument("not an ISO 8601 time: \"" + std::string(s.substr(0, 40)) + "\"");
  };
  size_t pos = 0;
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0;
  if (!ReadDigits(s, &pos, 4, &y) || !Eat(s, &pos, '-') || !ReadDigits(s, &pos, 2, &mo) ||
      !Eat(s, &pos, '-') || !ReadDigits(s, &pos, 2, &d)) {
    return bad();
  }
  if (mo < 1 || mo > 12 || d < 1 || static_cast<unsigned>(d) > DaysInMonth(y, mo)) return bad();
  int offset = 0;
  if (pos < s.size() && (s[pos] == 'T' || s[pos] == 't' || s[pos] == ' ')) {
    ++pos;
    if (!ReadDigits(s, &pos, 2, &h) || !Eat(s, &pos, ':') || !ReadDigits(s, &pos, 2, &mi)) {
      return bad();
    }
    if (Eat(s, &pos, ':') && !ReadDigits(s, &pos, 2, &sec)) return bad();
    if (Eat(s, &pos, '.') || Eat(s, &pos, ',')) {
      while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') ++pos;
    }
    if (h > 24 || mi > 59 || sec > 60) return bad();
  }
  if (!ParseZone(s, &pos, &offset) || pos != s.size()) return bad();
  return DaysFromCivil(y, mo, d) * 86400 + int64_t{h} * 3600 + int64_t{mi} * 60 + sec - offset;
}

std::string FormatIso8601(int64_t seconds) {
  int64_t days = FloorDiv(seconds, 86400);
  int64_t rem = seconds - days * 86400;
  int64_t y = 0;
  unsigned m = 0, d = 0;
  CivilFromDays(days, &y, &m, &d);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04lld-%02u-%02uT%02lld:%02lld:%02lldZ",
                static_cast<long long>(y), m, d, static_cast<long long>(rem / 3600),
                static_cast<long long>(rem / 60 % 60), static_cast<long long>(rem % 60));
  return buf;
}

}  // namespace parallax
