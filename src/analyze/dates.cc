// Dates and times: weekdays ("on Tuesday"), calendar dates ("March 3", "3 March", "March 3,
// 2026", "2026-03-03"), months ("in January", "March 2026"), years ("in 2024"), relative
// expressions ("yesterday", "last week", "two days ago") and clock times ("3 p.m.", "15:00").
//
// Days are resolved against the publication date (Article::published, UTC) the way news is
// written: a bare weekday is the most recent such day on or before publication ("on Tuesday"
// in a Wednesday paper is yesterday, in a Tuesday paper today); a date without a year is the
// closest such date on or before publication. A future cue in the sentence ("will",
// "scheduled", "next") turns both searches forward. `normalized` is "YYYY-MM-DD" for a
// resolved day and a symbolic form otherwise ("weekday:tuesday", "week:-1", "month:1",
// "year:2024", "time:15:00"), so that two reports compare equal when they name the same day
// in different words ("yesterday" vs "on Monday").
// Each expression is parsed from a window of a few words: linear in the sentence.
// Tested by dates_test.cc.
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <optional>

#include "analyze/analyze.h"
#include "analyze/lexicon.h"
#include "util/time.h"

namespace parallax {
namespace {

constexpr int64_t kSecondsPerDay = 86400;

bool Adjacent(const Word& a, const Word& b) { return a.end == b.begin; }

// Integer value of an all-digit token of at most `max_digits` digits, or -1.
int SmallInt(const Word& w, size_t max_digits) {
  if (w.kind != TokenKind::kNumber || w.norm.size() > max_digits) return -1;
  int v = -1;
  auto [ptr, ec] = std::from_chars(w.norm.data(), w.norm.data() + w.norm.size(), v);
  return ec == std::errc() && ptr == w.norm.data() + w.norm.size() ? v : -1;
}

bool IsLeap(int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int64_t year, int month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && IsLeap(year) ? 29 : kDays[month - 1];
}

std::string FormatDay(int64_t days) {
  int64_t y;
  unsigned m, d;
  CivilFromDays(days, &y, &m, &d);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04lld-%02u-%02u", static_cast<long long>(y), m, d);
  return buf;
}

std::string Signed(std::string_view prefix, int64_t n) {
  return std::string(prefix) + (n > 0 ? "+" : "") + std::to_string(n);
}

const char* WeekdayName(int wd) {
  static const char* kNames[] = {"sunday",   "monday", "tuesday", "wednesday",
                                 "thursday", "friday", "saturday"};
  return kNames[wd];
}

// Which way to resolve a day that names no year or week.
// Days ahead of publication an undated calendar day may lie without a future cue: announced
// dates ("takes office on April 1") are weeks ahead, rarely more.
constexpr int64_t kNearestAheadDays = 60;

enum class Direction { kPast, kStrictPast, kFuture, kStrictFuture, kNearest };

class DateScanner {
 public:
  DateScanner(const Document& doc, uint32_t si, std::optional<int64_t> pub_day)
      : doc_(doc), s_(doc.sentences[si]), si_(si), pub_(pub_day) {}

  // Parses a date or time expression at word i; returns the index after it, or i + 1.
  uint32_t ParseAt(uint32_t i, std::vector<DateMention>* out) const;

 private:
  uint32_t IsoDate(uint32_t i, DateMention* m) const;
  uint32_t ClockTime(uint32_t i, DateMention* m) const;
  uint32_t DayFirst(uint32_t i, DateMention* m) const;
  uint32_t MonthFirst(uint32_t i, DateMention* m) const;
  uint32_t Weekday(uint32_t i, uint32_t* begin, DateMention* m) const;
  uint32_t Relative(uint32_t i, DateMention* m) const;
  uint32_t Ago(uint32_t i, DateMention* m) const;
  uint32_t SkipOrdinal(uint32_t i) const;
  int YearAt(uint32_t i) const;
  bool FutureCue(uint32_t i) const;
  bool PastCue(uint32_t i) const;
  Direction CalendarDirection(uint32_t i) const;
  bool InName(uint32_t i) const;
  void SetCalendar(int64_t year, int month, int day, Direction dir, DateMention* m) const;
  void SetDay(int64_t day, DateMention* m) const;
  void SetDayOffset(int64_t offset, DateMention* m) const;
  void SetYearOffset(int64_t offset, DateMention* m) const;

  const Document& doc_;
  const Sentence& s_;
  uint32_t si_;
  std::optional<int64_t> pub_;
};

const Word* At(const Sentence& s, uint32_t i) { return i < s.words.size() ? &s.words[i] : nullptr; }

void DateScanner::SetDay(int64_t day, DateMention* m) const {
  m->day = day;
  m->weekday = WeekdayFromDays(day);
  m->normalized = FormatDay(day);
}

// `offset` days from publication ("yesterday" = -1): a day, or "day:-1" without a date.
void DateScanner::SetDayOffset(int64_t offset, DateMention* m) const {
  if (pub_) return SetDay(*pub_ + offset, m);
  m->normalized = Signed("day:", offset);
}

// `offset` years from publication ("last year" = -1): "year:2025", or "year:-1" without a
// date.
void DateScanner::SetYearOffset(int64_t offset, DateMention* m) const {
  if (!pub_) {
    m->normalized = Signed("year:", offset);
    return;
  }
  int64_t y;
  unsigned month, day;
  CivilFromDays(*pub_, &y, &month, &day);
  m->year = static_cast<int>(y + offset);
  m->normalized = "year:" + std::to_string(m->year);
}

// A written or resolved calendar date; `year` 0 means not written.
void DateScanner::SetCalendar(int64_t year, int month, int day, Direction dir,
                              DateMention* m) const {
  m->kind = DateMention::Kind::kCalendar;
  m->future = dir == Direction::kFuture || dir == Direction::kStrictFuture;
  m->month = month;
  m->day_of_month = day;
  m->year = static_cast<int>(year);
  if (year != 0) return SetDay(DaysFromCivil(year, month, day), m);
  char buf[16];
  std::snprintf(buf, sizeof buf, "--%02d-%02d", month, day);
  m->normalized = buf;
  if (!pub_) return;
  int64_t py;
  unsigned pm, pd;
  CivilFromDays(*pub_, &py, &pm, &pd);
  // Without a cue, the nearest such date ("takes office on April 1", written March 8, is this
  // April 1, not last year's), looking ahead at most kNearestAheadDays.
  if (dir == Direction::kNearest) {
    int64_t best = 0, best_gap = INT64_MAX;
    for (int64_t y : {py - 1, py, py + 1}) {
      if (day > static_cast<int>(DaysInMonth(y, month))) continue;  // February 29
      int64_t d = DaysFromCivil(y, month, day);
      if (d > *pub_ + kNearestAheadDays) continue;
      int64_t gap = d > *pub_ ? d - *pub_ : *pub_ - d;
      if (gap < best_gap) {
        best = d;
        best_gap = gap;
      }
    }
    if (best_gap != INT64_MAX) SetDay(best, m);
    return;
  }
  // With a cue, the closest such date in the direction the sentence points, within a year.
  for (int64_t y : {py, dir == Direction::kPast ? py - 1 : py + 1}) {
    if (day > DaysInMonth(y, month)) continue;  // February 29 of a common year
    int64_t d = DaysFromCivil(y, month, day);
    if ((dir == Direction::kPast && d <= *pub_) || (dir != Direction::kPast && d >= *pub_)) {
      return SetDay(d, m);
    }
  }
}

// A weekday inside a name: "Good Friday", "Black Monday", "the Sunday Times". The words that
// make a weekday a name are a closed list: any capitalised word before it would also drop the
// day of "placed Bush on Injured Reserve Friday", "a shooting in Vancouver Thursday" and of
// Title Case headlines ("Quake Hits Iran Sunday").
bool DateScanner::InName(uint32_t i) const {
  static const WordList kNamePrefix = {"good", "black",  "cyber",  "super",  "ash",     "palm",
                                       "holy", "maundy", "bloody", "easter", "giving",  "shrove",
                                       "whit", "low",    "mad",    "fat",    "plough",  "green",
                                       "blue", "spy",    "manic",  "clean",  "business"};
  const Word* next = At(s_, i + 1);
  if (next && next->upper_initial && IsOrgKeyword(next->norm)) return true;
  if (i == 0) return false;
  const Word& prev = s_.words[i - 1];
  return prev.kind == TokenKind::kWord && prev.upper_initial && kNamePrefix.Contains(prev.norm);
}

// Words before `i` in the sentence that put it in the future ("will meet on Tuesday"). "would"
// counts: in news it is mostly future-in-the-past ("said it would try on Wednesday").
bool DateScanner::FutureCue(uint32_t i) const {
  // Twelve words back: "would try to refloat her at high tide on Wednesday".
  for (uint32_t k = i, steps = 0; k-- > 0 && steps < 12; ++steps) {
    const std::string& n = s_.words[k].norm;
    if (n == "will" || n == "shall" || n == "scheduled" || n == "upcoming" || n == "next" ||
        n == "planned" || n == "expected" || n == "would" || n == "due" || n == "plans" ||
        n == "intends" || n.ends_with("'ll")) {
      return true;
    }
  }
  return false;
}

// Past-tense words just before `i` ("reported on May 4", "was held on March 3").
bool DateScanner::PastCue(uint32_t i) const {
  for (uint32_t k = i, steps = 0; k-- > 0 && steps < 4; ++steps) {
    const std::string& n = s_.words[k].norm;
    if (n == "was" || n == "were" || n == "had" || n == "did" || n == "ago" ||
        (n.size() > 4 && n.ends_with("ed"))) {
      return true;
    }
  }
  return false;
}

// Which way an undated calendar day points: a future cue, a past cue, else the nearest.
Direction DateScanner::CalendarDirection(uint32_t i) const {
  if (FutureCue(i)) return Direction::kFuture;
  return PastCue(i) ? Direction::kPast : Direction::kNearest;
}

// A four-digit year at word i, or 0.
int DateScanner::YearAt(uint32_t i) const {
  const Word* w = At(s_, i);
  if (w == nullptr || w->norm.size() != 4) return 0;
  int y = SmallInt(*w, 4);
  return y >= 1000 && y <= 2999 ? y : 0;
}

// Skips a glued ordinal suffix ("3rd") after the number at i - 1.
uint32_t DateScanner::SkipOrdinal(uint32_t i) const {
  const Word* w = At(s_, i);
  if (w && w->kind == TokenKind::kWord && Adjacent(s_.words[i - 1], *w) &&
      (w->norm == "st" || w->norm == "nd" || w->norm == "rd" || w->norm == "th")) {
    return i + 1;
  }
  return i;
}

// "2026-03-03".
uint32_t DateScanner::IsoDate(uint32_t i, DateMention* m) const {
  if (i + 4 >= s_.words.size() || YearAt(i) == 0) return 0;
  const auto& w = s_.words;
  for (uint32_t k = i; k < i + 4; ++k) {
    if (!Adjacent(w[k], w[k + 1])) return 0;
  }
  if (w[i + 1].norm != "-" || w[i + 3].norm != "-") return 0;
  if (w[i + 2].norm.size() != 2 || w[i + 4].norm.size() != 2) return 0;
  int month = SmallInt(w[i + 2], 2), day = SmallInt(w[i + 4], 2);
  if (month < 1 || month > 12 || day < 1 || day > DaysInMonth(YearAt(i), month)) return 0;
  SetCalendar(YearAt(i), month, day, Direction::kPast, m);
  return i + 5;
}

// "3 p.m.", "3pm", "3:30 p.m.", "10.30am", "15:00".
uint32_t DateScanner::ClockTime(uint32_t i, DateMention* m) const {
  const Word& w = s_.words[i];
  if (w.kind != TokenKind::kNumber) return 0;
  int hour = -1, minute = 0;
  uint32_t end = i + 1;
  size_t dot = w.norm.find('.');
  if (dot != std::string::npos && w.norm.size() - dot == 3) {  // "10.30"
    hour = std::atoi(w.norm.substr(0, dot).c_str());
    minute = std::atoi(w.norm.substr(dot + 1).c_str());
    if (dot > 2) return 0;
  } else {
    hour = SmallInt(w, 2);
  }
  const Word* colon = At(s_, end);
  const Word* mins = At(s_, end + 1);
  bool has_minutes = dot != std::string::npos;
  if (colon && mins && colon->norm == ":" && Adjacent(w, *colon) && Adjacent(*colon, *mins) &&
      mins->norm.size() == 2 && SmallInt(*mins, 2) >= 0) {
    minute = SmallInt(*mins, 2);
    has_minutes = true;
    end += 2;
  }
  const Word* suffix = At(s_, end);
  bool pm = false, meridiem = suffix && IsClockSuffix(suffix->norm);
  if (meridiem) {
    pm = suffix->norm[0] == 'p';
    ++end;
    if (hour < 1 || hour > 12) return 0;
    hour = hour % 12 + (pm ? 12 : 0);
  } else if (!has_minutes || dot != std::string::npos || hour > 23) {
    return 0;  // "15:00" needs its colon; "10.30" alone is a decimal
  }
  if (hour < 0 || minute < 0 || minute > 59) return 0;
  m->kind = DateMention::Kind::kClockTime;
  char buf[16];
  std::snprintf(buf, sizeof buf, "time:%02d:%02d", hour, minute);
  m->normalized = buf;
  return end;
}

// "3 March", "3rd of March", "3 March 2026".
uint32_t DateScanner::DayFirst(uint32_t i, DateMention* m) const {
  int day = SmallInt(s_.words[i], 2);
  if (day < 1) return 0;
  uint32_t k = SkipOrdinal(i + 1);
  if (const Word* of = At(s_, k); of && of->norm == "of") ++k;
  if (k >= s_.words.size()) return 0;
  int month = MonthAt(s_, k);
  if (month == 0) return 0;
  ++k;
  if (const Word* dot = At(s_, k); dot && dot->norm == "." && Adjacent(s_.words[k - 1], *dot)) {
    ++k;  // "Mar."
  }
  int year = YearAt(k);
  if (year) ++k;
  if (day > DaysInMonth(year ? year : 2000, month)) return k;  // "30 February": not a date
  SetCalendar(year, month, day, CalendarDirection(i), m);
  return k;
}

// "March 3", "March 3, 2026", "March 2026", "in January".
uint32_t DateScanner::MonthFirst(uint32_t i, DateMention* m) const {
  int month = MonthAt(s_, i);
  if (month == 0) return 0;
  uint32_t k = i + 1;
  if (const Word* dot = At(s_, k); dot && dot->norm == "." && Adjacent(s_.words[i], *dot)) ++k;
  if (int year = YearAt(k); year) {
    m->kind = DateMention::Kind::kMonth;
    m->month = month;
    m->year = year;
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
    m->normalized = buf;
    return k + 1;
  }
  int day = k < s_.words.size() ? SmallInt(s_.words[k], 2) : -1;
  if (day < 1) {
    m->kind = DateMention::Kind::kMonth;
    m->month = month;
    m->normalized = "month:" + std::to_string(month);
    return i + 1;
  }
  k = SkipOrdinal(k + 1);
  int year = 0;
  if (const Word* comma = At(s_, k); comma && comma->norm == "," && YearAt(k + 1)) {
    year = YearAt(k + 1);
    k += 2;
  } else if (YearAt(k)) {
    year = YearAt(k);
    ++k;
  }
  if (day > DaysInMonth(year ? year : 2000, month)) return k;  // "February 30": not a date
  SetCalendar(year, month, day, CalendarDirection(i), m);
  return k;
}

// "Tuesday", "on Tuesday", "last Tuesday", "Tuesday, March 3".
uint32_t DateScanner::Weekday(uint32_t i, uint32_t* begin, DateMention* m) const {
  int wd = WeekdayNumber(s_.words[i].norm);
  if (wd < 0 || InName(i)) return 0;
  Direction dir = FutureCue(i) ? Direction::kFuture : Direction::kPast;
  if (i > 0) {
    const std::string& prev = s_.words[i - 1].norm;
    if (prev == "on" || prev == "last" || prev == "next" || prev == "this") *begin = i - 1;
    if (prev == "last") dir = Direction::kStrictPast;
    if (prev == "next") dir = Direction::kStrictFuture;
  }
  // A calendar date after the weekday carries the day: "Tuesday, March 3".
  uint32_t k = i + 1;
  if (const Word* comma = At(s_, k); comma && comma->norm == ",") ++k;
  if (k < s_.words.size()) {
    uint32_t end = MonthFirst(k, m);
    if (end == 0 && s_.words[k].kind == TokenKind::kNumber) end = DayFirst(k, m);
    if (end && m->kind == DateMention::Kind::kCalendar) {
      if (!m->day) m->weekday = wd;
      m->written_weekday = wd;
      return end;
    }
    *m = DateMention();
  }
  m->kind = DateMention::Kind::kWeekday;
  m->future = dir == Direction::kFuture || dir == Direction::kStrictFuture;
  m->weekday = wd;
  m->written_weekday = wd;
  m->normalized = std::string("weekday:") + WeekdayName(wd);
  if (pub_) {
    int64_t back = (WeekdayFromDays(*pub_) - wd + 7) % 7;
    int64_t ahead = (wd - WeekdayFromDays(*pub_) + 7) % 7;
    if (dir == Direction::kStrictPast && back == 0) back = 7;
    if (dir == Direction::kStrictFuture && ahead == 0) ahead = 7;
    bool past = dir == Direction::kPast || dir == Direction::kStrictPast;
    SetDay(past ? *pub_ - back : *pub_ + ahead, m);
  }
  return i + 1;
}

// "yesterday", "today", "last night", "this morning", "last week", "next month", "this year".
uint32_t DateScanner::Relative(uint32_t i, DateMention* m) const {
  const std::string& n = s_.words[i].norm;
  m->kind = DateMention::Kind::kRelative;
  int offset = n == "yesterday" ? -1 : n == "tomorrow" ? 1 : 0;
  if (n == "yesterday" || n == "today" || n == "tonight" || n == "tomorrow") {
    SetDayOffset(offset, m);
    return i + 1;
  }
  const Word* next = At(s_, i + 1);
  if (next == nullptr || !(n == "last" || n == "this" || n == "next")) return 0;
  offset = n == "last" ? -1 : n == "next" ? 1 : 0;
  const std::string& unit = next->norm;
  if ((n == "last" && unit == "night") ||
      (n == "this" && (unit == "morning" || unit == "afternoon" || unit == "evening"))) {
    SetDayOffset(offset, m);
  } else if (unit == "week" || unit == "month" || unit == "weekend") {
    m->normalized = Signed(unit + ":", offset);  // "week:-1", "month:0", "weekend:+1"
  } else if (unit == "year") {
    SetYearOffset(offset, m);
  } else {
    return 0;
  }
  return i + 2;
}

// "two days ago", "a week ago", "3 years ago".
uint32_t DateScanner::Ago(uint32_t i, DateMention* m) const {
  const Word* unit = At(s_, i + 1);
  const Word* ago = At(s_, i + 2);
  if (unit == nullptr || ago == nullptr || ago->norm != "ago") return 0;
  const Word& w = s_.words[i];
  int count = w.norm == "a" || w.norm == "an" ? 1 : SmallInt(w, 3);
  if (count < 0) count = static_cast<int>(NumberWordValue(w.norm));
  if (count < 1) return 0;
  std::string u = unit->norm;
  if (u.ends_with("s")) u.pop_back();
  m->kind = DateMention::Kind::kRelative;
  if (u == "day") {
    SetDayOffset(-count, m);
  } else if (u == "week" || u == "month") {
    m->normalized = Signed(u + ":", -count);
  } else if (u == "year") {
    SetYearOffset(-count, m);
  } else {
    return 0;
  }
  return i + 3;
}

uint32_t DateScanner::ParseAt(uint32_t i, std::vector<DateMention>* out) const {
  DateMention m;
  uint32_t begin = i, end = 0;
  const Word& w = s_.words[i];
  if (w.kind == TokenKind::kNumber) {
    end = IsoDate(i, &m);
    if (!end) end = ClockTime(i, &m);
    if (!end) end = DayFirst(i, &m);
    if (!end) end = Ago(i, &m);
    if (!end && LooksLikeYear(s_, i)) {
      m.kind = DateMention::Kind::kYear;
      m.year = YearAt(i);
      m.normalized = "year:" + std::to_string(m.year);
      end = i + 1;
    }
  } else if (w.kind == TokenKind::kWord) {
    end = MonthFirst(i, &m);
    if (!end) end = Weekday(i, &begin, &m);
    if (!end) end = Relative(i, &m);
    if (!end) end = Ago(i, &m);
  }
  if (!end) return i + 1;
  if (m.normalized.empty()) return end;  // parsed but invalid ("February 30")
  m.sentence = si_;
  m.span = {s_.words[begin].begin, s_.words[end - 1].end};
  m.text = std::string(doc_.Text(m.span));
  out->push_back(std::move(m));
  return end;
}

}  // namespace

void ExtractDates(Document* doc) {
  doc->dates.clear();
  if (doc->article == nullptr) return;
  std::optional<int64_t> pub_day;
  if (doc->article->published) pub_day = FloorDiv(*doc->article->published, kSecondsPerDay);
  for (uint32_t si = 0; si < doc->sentences.size(); ++si) {
    DateScanner scanner(*doc, si, pub_day);
    const auto n = static_cast<uint32_t>(doc->sentences[si].words.size());
    for (uint32_t i = 0; i < n;) i = scanner.ParseAt(i, &doc->dates);
  }
}

}  // namespace parallax
