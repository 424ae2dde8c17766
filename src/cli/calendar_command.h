#pragma once
// `gongkai calendar ...`: working-day calendar queries from the command line.

#include <iosfwd>
#include <string>
#include <vector>

namespace gongkai::core {
class WorkCalendar;
}

namespace gongkai::cli {

// Runs `gongkai calendar ARGS` against the shipped calendar. `args` are the words after
// "calendar" (a leading "calendar" is skipped too):
//   due --from YYYY-MM-DD --days N [--json]   the N-th working day and how it was counted
//   is-workday YYYY-MM-DD [--json]            whether the day is a working day, and why
//   [SUBCOMMAND] --help
// Writes results to `out`; returns 0 on success, 2 on bad input (message on `err`).
int calendar_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

// `gongkai calendar import FILE [--year YYYY] [--db TARGET] [--json]`: stores a year's holiday
// notice (app::import_calendar) and recomputes open requests. Exit 1 when the file is refused.
int calendar_import(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

// Same, against `cal` (e.g. the shipped calendar plus years an administrator entered).
int calendar_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
                     const core::WorkCalendar& cal);

}  // namespace gongkai::cli
