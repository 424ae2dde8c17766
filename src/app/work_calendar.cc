#include "app/work_calendar.h"

#include <map>
#include <mutex>

#include "app/errors.h"
#include "app/requests.h"
#include "core/clock.h"
#include "store/audit_log.h"
#include "store/calendar_store.h"

namespace gongkai::app {
namespace {

bool same_rows(const std::vector<store::CalendarOverrideRow>& a, const std::vector<store::CalendarOverrideRow>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i].notice_year != b[i].notice_year || a[i].day != b[i].day || a[i].workday != b[i].workday ||
        a[i].name != b[i].name) {
      return false;
    }
  }
  return true;
}

std::vector<core::CalendarEntry> entries_of(const std::vector<store::CalendarOverrideRow>& rows) {
  std::vector<core::CalendarEntry> out;
  for (const auto& r : rows) {
    auto d = core::Date::parse(r.day);
    if (!d) throw std::runtime_error("calendar override " + r.day + " is not a date");
    out.push_back({*d, r.workday, r.name});
  }
  return out;
}

// Applies the stored overrides, one notice year at a time in year order, to the shipped data.
core::HolidayCalendar build(const std::vector<store::CalendarOverrideRow>& rows) {
  core::HolidayCalendar cal = core::default_calendar();
  std::map<int, std::vector<store::CalendarOverrideRow>> by_year;
  for (const auto& r : rows) by_year[r.notice_year].push_back(r);
  for (const auto& [year, list] : by_year) {
    auto n = cal.replace_year(year, entries_of(list));
    if (!n) throw std::runtime_error("stored calendar of " + std::to_string(year) + " is invalid: " + n.error());
  }
  return cal;
}

struct Cache {
  std::mutex mu;
  std::vector<store::CalendarOverrideRow> rows;
  std::shared_ptr<const core::HolidayCalendar> cal;
};

Cache& cache() {
  static Cache c;
  return c;
}

}  // namespace

std::shared_ptr<const core::HolidayCalendar> current_calendar(store::Conn& c) {
  auto rows = store::list_calendar_overrides(c);
  Cache& k = cache();
  std::lock_guard g(k.mu);
  if (!k.cal || !same_rows(rows, k.rows)) {
    if (rows.empty()) {
      // The shipped calendar lives as long as the program: share it without copying.
      k.cal = std::shared_ptr<const core::HolidayCalendar>(&core::default_calendar(), [](const auto*) {});
    } else {
      k.cal = std::make_shared<const core::HolidayCalendar>(build(rows));
    }
    k.rows = std::move(rows);
  }
  return k.cal;
}

std::shared_ptr<const core::HolidayCalendar> current_calendar(store::Database& db) {
  auto c = db.acquire();
  return current_calendar(*c);
}

CalendarImportResult import_calendar(store::Database& db, const Principal& by, std::string_view text,
                                     std::optional<int> year) {
  if (!by.is_system() && !by.has(core::Role::kAdmin)) throw forbidden("只有系统管理员可以导入节假日安排");
  if (text.size() > 1'000'000) throw ValidationError("file", "文件过大：节假日安排文件不能超过1MB");
  if (year && (*year < 2008 || *year > 2100)) throw ValidationError("year", "年份应在2008至2100之间");
  auto parsed = core::parse_calendar_import(text, year);
  if (!parsed) throw ValidationError("file", "无法导入：" + parsed.error());
  if (parsed->year < 2008 || parsed->year > 2100) throw ValidationError("year", "年份应在2008至2100之间");

  CalendarImportResult out;
  int64_t import_id = 0;
  out.year = parsed->year;
  out.format = parsed->format;
  db.with_tx([&](store::Conn& c) {
    // Check the notice against the calendar as it stands: replace_year refuses dates outside
    // the notice year and broken entries, and then nothing is stored.
    core::HolidayCalendar next = *current_calendar(c);
    auto added = next.replace_year(parsed->year, parsed->entries);
    if (!added) throw ValidationError("file", "无法导入：" + added.error());
    out.entries = *added;
    std::vector<store::CalendarOverrideRow> rows;
    for (const auto& e : parsed->entries) rows.push_back({parsed->year, e.date.iso(), e.workday, e.name});
    store::replace_calendar_year(c, parsed->year, rows);
    std::string who = by.display_name.empty() ? by.username : by.display_name;
    import_id = store::insert_calendar_import(c, {0, parsed->year, parsed->format, out.entries, who, core::now_iso(), {}});
    store::audit(c, by.actor(),
                 {std::nullopt, "calendar.import", "calendar", std::to_string(parsed->year),
                  parsed->format + "，" + std::to_string(out.entries) + "天"});
  });
  auto cal = current_calendar(db);
  auto moved = recompute_open_requests(db, *cal,
                                       std::to_string(out.year) + "年节假日安排已更新（" + out.format + "导入）");
  out.requests_checked = moved.checked;
  out.requests_moved = moved.changed;
  db.with_tx([&](store::Conn& c) { store::mark_calendar_recomputed(c, import_id, core::now_iso()); });
  return out;
}

RecomputeResult finish_calendar_recompute(store::Database& db) {
  int64_t pending = 0;
  {
    auto c = db.acquire();
    pending = store::pending_calendar_recompute(*c);
  }
  if (pending == 0) return {};
  auto cal = current_calendar(db);
  auto r = recompute_open_requests(db, *cal, "节假日安排已更新（导入后补做重新计算）");
  db.with_tx([&](store::Conn& c) { store::mark_calendar_recomputed(c, pending, core::now_iso()); });
  return r;
}

std::vector<CalendarYearView> calendar_years(store::Database& db) {
  auto c = db.acquire();
  auto cal = current_calendar(*c);
  std::map<int, CalendarYearView> years;
  for (int y : core::default_calendar().years()) years[y].shipped = true;
  for (int y : cal->years()) years[y].year = y;
  for (auto& [y, v] : years) {
    v.year = y;
    for (const auto& e : cal->entries_in_year(y)) (e.workday ? v.adjusted_workdays : v.holidays)++;
  }
  // Newest first: the first row of a year is its latest import.
  for (const auto& imp : store::list_calendar_imports(*c, 1000)) {
    auto& v = years[imp.notice_year];
    if (v.imported) continue;
    v.year = imp.notice_year;
    v.imported = true;
    v.imported_at = core::utc_iso_to_cst(imp.imported_at);
    v.imported_by = imp.imported_by;
    v.format = imp.source_format;
  }
  std::vector<CalendarYearView> out;
  for (auto it = years.rbegin(); it != years.rend(); ++it) out.push_back(it->second);
  return out;
}

}  // namespace gongkai::app
