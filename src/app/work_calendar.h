#pragma once
// The working-day calendar deadlines are counted with: the shipped notices (2008-2026, see
// core/calendar.h) with the years an administrator imported laid over them. Importing a
// notice recomputes the due dates of open requests and notes on each request that moved why.

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/directory.h"
#include "app/requests.h"
#include "core/calendar.h"
#include "store/db.h"

namespace gongkai::app {

// The shipped calendar with the imported years of this database applied in year order. Cached
// per process and rebuilt when the stored overrides differ from the cached ones (one small
// query per call), so that several nodes see an import at once.
std::shared_ptr<const core::HolidayCalendar> current_calendar(store::Conn& c);
std::shared_ptr<const core::HolidayCalendar> current_calendar(store::Database& db);

struct CalendarImportResult {
  int year = 0;
  int entries = 0;
  std::string format;     // chinese-days, holiday-calendar, table
  int requests_checked = 0;
  int requests_moved = 0;  // open requests whose due date or state changed
};

// Imports one year's holiday notice from `text` (chinese-days or holiday-calendar JSON, or the
// table format; core::parse_calendar_import), replacing that year for every agency, then
// recomputes the open requests. Only the command line and administrators may (AppError
// forbidden); a file that does not parse or breaks the calendar's rules is a
// ValidationError on field "file" with the parser's Chinese message. `year` overrides the year
// the file is taken to be for.
CalendarImportResult import_calendar(store::Database& db, const Principal& by, std::string_view text,
                                     std::optional<int> year = std::nullopt);

// Recomputes open requests when an import's recomputation was not recorded (the process
// stopped between storing the notice and recomputing), then records it. Run by the jobs
// (app/jobs.h); returns what was recomputed (nothing when none is pending).
RecomputeResult finish_calendar_recompute(store::Database& db);

// One line of the back-office calendar page.
struct CalendarYearView {
  int year = 0;
  bool shipped = false;   // in the data shipped with the program
  bool imported = false;  // replaced by an import
  int holidays = 0, adjusted_workdays = 0;
  std::string imported_at, imported_by, format;  // of the latest import of that year
};
std::vector<CalendarYearView> calendar_years(store::Database& db);

}  // namespace gongkai::app
