#include "store/calendar_store.h"

namespace gongkai::store {

std::vector<CalendarOverrideRow> list_calendar_overrides(Conn& c) {
  std::vector<CalendarOverrideRow> out;
  for (const auto& r :
       c.query("SELECT notice_year, day, workday, name FROM calendar_overrides ORDER BY notice_year, day")) {
    out.push_back({static_cast<int>(r.i64(0)), r.str(1), r.i64(2) != 0, r.str(3)});
  }
  return out;
}

void replace_calendar_year(Conn& c, int year, const std::vector<CalendarOverrideRow>& rows) {
  c.query("DELETE FROM calendar_overrides WHERE notice_year = ?", {year});
  for (const auto& r : rows) {
    c.query("INSERT INTO calendar_overrides (notice_year, day, workday, name) VALUES (?, ?, ?, ?)",
            {year, r.day, r.workday ? 1 : 0, r.name});
  }
}

int64_t insert_calendar_import(Conn& c, const CalendarImportRow& r) {
  auto row = c.query_one(
      "INSERT INTO calendar_imports (notice_year, source_format, entry_count, imported_by, imported_at) "
      "VALUES (?, ?, ?, ?, ?) RETURNING id",
      {r.notice_year, r.source_format, r.entry_count, r.imported_by, r.imported_at});
  return row ? row->i64(0) : 0;
}

std::vector<CalendarImportRow> list_calendar_imports(Conn& c, int limit) {
  std::vector<CalendarImportRow> out;
  for (const auto& r : c.query("SELECT id, notice_year, source_format, entry_count, imported_by, imported_at, "
                               "recomputed_at FROM calendar_imports ORDER BY id DESC LIMIT ?",
                               {limit})) {
    out.push_back({r.i64(0), static_cast<int>(r.i64(1)), r.str(2), static_cast<int>(r.i64(3)), r.str(4), r.str(5),
                   r.opt_str(6)});
  }
  return out;
}

int64_t pending_calendar_recompute(Conn& c) {
  return c.query_int("SELECT COALESCE(MAX(id), 0) FROM calendar_imports WHERE recomputed_at IS NULL");
}

void mark_calendar_recomputed(Conn& c, int64_t import_id, const std::string& at) {
  c.query("UPDATE calendar_imports SET recomputed_at = ? WHERE recomputed_at IS NULL AND id <= ?", {at, import_id});
}

}  // namespace gongkai::store
