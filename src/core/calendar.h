#pragma once
// Working-day calendars for statutory deadlines: weekends and the public holidays of the State
// Council's yearly notice are days off, the adjusted working weekend days (调休上班) are working
// days. The shipped data (2008-2026) comes from scripts/gen-calendar.mjs; an administrator adds
// later years by importing a notice (see the parse_*_json functions).

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/checked.h"
#include "core/date.h"

namespace gongkai::core {

// Why a day is or is not a working day.
enum class DayKind {
  kWorkday,           // an ordinary Monday-Friday
  kWeekend,           // an ordinary Saturday or Sunday
  kHoliday,           // a day off named by a holiday notice
  kAdjustedWorkday,   // a weekend day worked by notice (调休上班)
};

struct DayInfo {
  bool workday = true;
  DayKind kind = DayKind::kWorkday;
  // "工作日", "周末", the holiday's name ("春节", "国庆节", ...) or "调休上班".
  std::string reason;
  // For kHoliday and kAdjustedWorkday, the holiday the notice names; otherwise empty.
  std::string holiday;
  // False when the calendar holds no holiday notice for the day's year: only weekends were
  // considered, and the answer may change once the notice is entered.
  bool notice_known = false;
};

// One day named by a holiday notice.
struct CalendarEntry {
  Date date;
  // true: adjusted working weekend day (调休上班); false: day off.
  bool workday = false;
  // The holiday, e.g. "国庆节" (for a working day: the holiday it makes up for).
  std::string name;

  friend bool operator==(const CalendarEntry&, const CalendarEntry&) = default;
};

// Answers whether a day counts as a working day. Implementations are immutable after
// construction, so const methods may be called from many threads at once.
class WorkCalendar {
 public:
  virtual ~WorkCalendar() = default;
  virtual DayInfo classify(Date d) const = 0;
  // Same as classify(d).workday, without building the reason.
  virtual bool is_workday(Date d) const = 0;
  // True if the holiday notice for `year` is part of this calendar (see notice_year()).
  virtual bool covers(int year) const = 0;
};

// Monday to Friday are working days, nothing else: the fallback when no notice is known.
class WeekdayCalendar final : public WorkCalendar {
 public:
  DayInfo classify(Date d) const override;
  bool is_workday(Date d) const override { return !d.is_weekend(); }
  bool covers(int /*year*/) const override { return false; }
};

// Weekends plus the days of the holiday notices it holds. A notice for year Y covers 20 December
// of Y-1 (its New Year holiday can start in late December) to 19 December of Y; see
// notice_year(). For a year whose notice it lacks it behaves like WeekdayCalendar, apart from
// days of that year which a neighbouring notice lists. A value type: copy it, change the copy
// with replace_year(), then publish the copy.
class HolidayCalendar final : public WorkCalendar {
 public:
  // Covers no year.
  HolidayCalendar() = default;

  // Parses the table format: one line per day, `YYYY-MM-DD<TAB>off|work<TAB>name`; blank lines
  // and lines starting with '#' are ignored, a trailing '\r' is tolerated. The notice year of
  // every entry becomes covered. Errors name the line: "第3行：…".
  static Checked<HolidayCalendar> parse(std::string_view table);

  // Replaces the notice for `year`: removes every entry whose notice_year() is `year`, then adds
  // `entries` (replacing entries of the same date). Entries must be dated from 20 December of
  // year-1 to 31 December of `year`; days from 20 December of `year` belong to the next notice
  // and are added but not removed (chinese-days files carry them). Marks `year` covered.
  // Returns the number of entries added, or an error, and then nothing changed: a 调休上班 day
  // that is not a weekend, one date listed twice, an empty name, a date out of range, more than
  // 100 days off in one notice.
  Checked<int> replace_year(int year, const std::vector<CalendarEntry>& entries);

  // All entries in date order.
  std::vector<CalendarEntry> entries() const;
  // The entries dated in `year`.
  std::vector<CalendarEntry> entries_in_year(int year) const;
  // Years whose notice is held, ascending.
  std::vector<int> years() const { return {years_.begin(), years_.end()}; }
  // The table format parse() reads; parse(to_table()) gives an equal calendar.
  std::string to_table() const;

  DayInfo classify(Date d) const override;
  bool is_workday(Date d) const override;
  bool covers(int year) const override { return years_.count(year) > 0; }

 private:
  void rebuild_index();

  std::map<int, CalendarEntry> by_day_;  // key: days since epoch
  std::set<int> years_;
  // Dense copy of by_day_ for is_workday(): 0 = not listed, 1 = off, 2 = work.
  int first_day_ = 0;
  std::vector<std::uint8_t> dense_;
};

// The year of the holiday notice that decides about `d`: the next year from 20 December on (the
// notices' New Year holiday and its adjusted working days have begun as early as 29 December),
// otherwise d's year.
inline int notice_year(Date d) { return d.month() == 12 && d.day() >= 20 ? d.year() + 1 : d.year(); }

// The calendar shipped with the program (2008-2026), parsed on first use; thread-safe.
const HolidayCalendar& default_calendar();

// The shipped table text (generated into calendar_data.cc).
std::string_view shipped_calendar_table();

// One year's notice read from an import file.
struct YearImport {
  int year = 0;
  std::vector<CalendarEntry> entries;
  // "chinese-days", "holiday-calendar" or "table".
  std::string format;
};

// Reads a year file of the npm package chinese-days (dist/years/YYYY.json: objects "holidays"
// and "workdays" mapping "YYYY-MM-DD" to "English,中文,N"). The year is `year` if given,
// otherwise the year most of its dates fall in.
Checked<YearImport> parse_chinese_days_json(std::string_view json, std::optional<int> year = {});

// Reads a year file of the npm package holiday-calendar (data/CN/YYYY.json: "year" and
// "dates", a list of {date, name_cn, type: public_holiday|transfer_workday}).
Checked<YearImport> parse_holiday_calendar_json(std::string_view json);

// Reads either JSON format above (told apart by their keys) or the table format of
// HolidayCalendar::parse; for the table the year is `year` if given, otherwise the year most of
// its dates fall in.
Checked<YearImport> parse_calendar_import(std::string_view text, std::optional<int> year = {});

}  // namespace gongkai::core
