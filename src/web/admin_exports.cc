// Downloads built from render::Document: the assessment sheet, the confidentiality register
// and the monthly notice-board bulletin.
#include <optional>

#include "app/assessment.h"
#include "app/attachments.h"
#include "app/errors.h"
#include "app/register.h"
#include "core/assessment.h"
#include "core/date.h"
#include "render/document.h"
#include "store/directory_store.h"
#include "web/pages.h"
#include "web/quota_handlers.h"
#include "web/server.h"

namespace gongkai::web {
namespace {

std::string agency_name(Context& c, int64_t agency) {
  auto conn = c.app.db->acquire();
  auto a = store::find_agency(*conn, agency);
  if (!a) throw app::not_found("单位");
  return a->name;
}

// Sends `doc` in the format asked for (?format=pdf|docx|xlsx; default pdf).
void send_document(Context& c, const render::Document& doc, const std::string& base_name) {
  std::string name = c.param("format").empty() ? "pdf" : c.param("format");
  auto format = render::parse_document_format(name);
  if (!format || *format == render::DocumentFormat::kHtml) {
    throw app::ValidationError("format", "导出格式只能是 pdf、docx 或 xlsx");
  }
  std::string body = render::render_document(doc, *format);
  c.resp.set("Content-Disposition", app::content_disposition(base_name + render::file_extension(*format),
                                                               *format == render::DocumentFormat::kPdf));
  c.resp.set("Cache-Control", "private, no-store");
  c.send(200, render::content_type(*format), body);
}

}  // namespace

void get_assessment_export(Context& c) {
  int64_t agency = agency_of(c);
  core::Date today = core::Date::today_cst();
  auto a = app::assess(*c.app.db, c.who(), agency, c.param("period"), today);
  // The trend chart prints as the page shows it: to those who see every department.
  std::optional<app::ScoreTrend> trend;
  int last = app::trend_months(a.period.year, today);
  if (last > 0 && (c.who().has(core::Role::kOffice) || c.who().has(core::Role::kLeader))) {
    trend = app::assessment_trend(*c.app.db, c.who(), agency, a.period.year, last, today);
  }
  send_document(c, app::assessment_document(agency_name(c, agency), a, trend ? &*trend : nullptr), "考核-" + a.period.id);
}

void get_secrecy_register_export(Context& c) {
  int64_t agency = agency_of(c);
  app::RegisterQuery q{c.param("q"), c.param("result"), c.param("from"), c.param("to"), c.param("department_id"), 1};
  auto page = app::secrecy_register(*c.app.db, c.who(), agency, q, true);
  send_document(c, app::secrecy_register_document(agency_name(c, agency), page), "保密审查登记");
}

void get_bulletin(Context& c) {
  int64_t agency = agency_of(c);
  std::string month = c.param("month");
  core::Date t = core::Date::today_cst();
  int year = t.year(), m = t.month();
  if (!month.empty()) {
    auto p = core::parse_period(month);
    if (!p || month.size() != 7 || p->first_month != p->last_month) throw app::ValidationError("month", "月份格式应为 2026-11");
    year = p->year;
    m = p->first_month;
  }
  std::string size = c.param("size").empty() ? "A4" : c.param("size");
  if (size != "A4" && size != "A3") throw app::ValidationError("size", "纸张只能是 A4 或 A3");
  auto doc = app::bulletin_document(*c.app.db, c.who(), agency, year, m,
                                    size == "A3" ? render::PageSize::kA3 : render::PageSize::kA4);
  send_document(c, doc, "政务公开栏-" + std::to_string(year) + "-" + std::to_string(m) + "-" + size);
}

}  // namespace gongkai::web
