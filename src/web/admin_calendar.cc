#include "app/errors.h"
#include "app/work_calendar.h"
#include "core/deadline.h"
#include "web/calendar_handlers.h"
#include "web/pages.h"
#include "web/server.h"

namespace gongkai::web {
namespace {

void calendar_page(Context& c, const std::map<std::string, std::string>& errors,
                   const app::CalendarImportResult* result, const std::string& text, const std::string& year,
                   int status) {
  Page p(c, "工作日历", "admin/calendar.tpl");
  auto& d = p.content();
  d.SetValue("CSRF", c.session->csrf_token);
  d.SetValue("RULE", core::kCountingRule);
  d.SetValue("TEXT", text);
  d.SetValue("YEAR_VALUE", year);
  add_errors(d, errors);
  if (auto it = errors.find("file"); it != errors.end()) {
    d.AddSectionDictionary("FILE_BAD")->SetValue("FILE_MESSAGE", it->second);
  }
  if (auto it = errors.find("year"); it != errors.end()) {
    d.AddSectionDictionary("YEAR_BAD")->SetValue("YEAR_MESSAGE", it->second);
  }
  if (result) {
    auto* r = d.AddSectionDictionary("RESULT");
    r->SetValue("YEAR", std::to_string(result->year));
    r->SetValue("FORMAT", result->format);
    r->SetValue("ENTRIES", std::to_string(result->entries));
    r->SetValue("CHECKED", std::to_string(result->requests_checked));
    r->SetValue("MOVED", std::to_string(result->requests_moved));
  }
  for (const auto& y : app::calendar_years(*c.app.db)) {
    auto* row = d.AddSectionDictionary("YEAR_ROW");
    row->SetValue("ROW_YEAR", std::to_string(y.year));
    row->SetValue("ROW_HOLIDAYS", std::to_string(y.holidays));
    row->SetValue("ROW_WORKDAYS", std::to_string(y.adjusted_workdays));
    row->SetValue("ROW_SOURCE", y.imported ? "导入（" + y.format + "，" + y.imported_by + "，" + y.imported_at + "）"
                                           : "程序自带");
  }
  p.send(status);
}

}  // namespace

void get_admin_calendar(Context& c) { calendar_page(c, {}, nullptr, "", "", 200); }

void post_admin_calendar(Context& c) {
  std::string text = c.param("text");
  for (const auto& f : c.files()) {
    if (f.field == "file" && !f.data.empty()) text = f.data;
  }
  std::string year_text = c.param("year");
  std::optional<int> year;
  if (!year_text.empty()) {
    if (year_text.size() != 4 || year_text.find_first_not_of("0123456789") != std::string::npos) {
      calendar_page(c, {{"year", "年份应为四位数字，例如 2027"}}, nullptr, c.param("text"), year_text, 400);
      return;
    }
    year = std::stoi(year_text);
  }
  if (text.empty()) {
    calendar_page(c, {{"file", "请选择节假日安排文件，或粘贴文件内容"}}, nullptr, "", year_text, 400);
    return;
  }
  try {
    auto r = app::import_calendar(*c.app.db, c.who(), text, year);
    calendar_page(c, {}, &r, "", "", 200);
  } catch (const app::ValidationError& e) {
    calendar_page(c, e.fields(), nullptr, c.param("text"), year_text, 400);
  }
}

}  // namespace gongkai::web
