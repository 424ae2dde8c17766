#pragma once
// Holiday notices entered by an administrator (calendar_overrides), replacing the shipped data
// of their notice year for every agency, and the log of those imports.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/db.h"

namespace gongkai::store {

struct CalendarOverrideRow {
  int notice_year = 0;
  std::string day;  // YYYY-MM-DD
  bool workday = false;
  std::string name;
};

struct CalendarImportRow {
  int64_t id = 0;
  int notice_year = 0;
  std::string source_format;  // chinese-days, holiday-calendar, table
  int entry_count = 0;
  std::string imported_by, imported_at;
  std::optional<std::string> recomputed_at;  // unset until open requests were recomputed
};

// Every override, by notice year then day.
std::vector<CalendarOverrideRow> list_calendar_overrides(Conn& c);
// Replaces the overrides of `year` with `rows` (all of that notice year).
void replace_calendar_year(Conn& c, int year, const std::vector<CalendarOverrideRow>& rows);
int64_t insert_calendar_import(Conn& c, const CalendarImportRow& r);
// The newest import whose recomputation has not been recorded, or 0.
int64_t pending_calendar_recompute(Conn& c);
// Records that open requests were recomputed after every import up to `import_id`.
void mark_calendar_recomputed(Conn& c, int64_t import_id, const std::string& at);
// Newest first.
std::vector<CalendarImportRow> list_calendar_imports(Conn& c, int limit = 50);

}  // namespace gongkai::store
