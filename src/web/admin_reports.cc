// Back-office page of the annual report: pick year and layout, see the counts and any break
// of table 三, preview the document, edit the narrative parts and the typed figures, publish.
#include <map>

#include "app/annual_report.h"
#include "app/attachments.h"
#include "app/city_report.h"
#include "app/errors.h"
#include "app/report_document.h"
#include "app/report_publish.h"
#include "app/requests.h"
#include "app/statistics.h"
#include "core/date.h"
#include "core/outcomes.h"
#include "core/report_share.h"
#include "core/report_tables.h"
#include "render/document.h"
#include "store/directory_store.h"
#include "web/pages.h"
#include "web/report_handlers.h"
#include "web/server.h"

namespace gongkai::web {
namespace {

// The report year: ?year= or last year; 1990-2100.
int year_param(const Context& c) {
  std::string y = c.param("year");
  if (y.empty()) return core::Date::today_cst().year() - 1;
  auto v = c.int_param("year");
  if (!v || *v < 1990 || *v > 2100) throw app::ValidationError("year", "年份应在1990至2100之间");
  return static_cast<int>(*v);
}

app::ReportLayout layout_param(const Context& c) {
  std::string l = c.param("layout");
  if (l.empty()) return app::ReportLayout::k2021;
  auto v = app::parse_report_layout(l);
  if (!v) throw app::ValidationError("layout", "格式应为2008或2021");
  return *v;
}

const char* kColumnLabels[] = {"自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"};

void add_figure(render::Dict& d, const std::string& label, const std::string& value) {
  auto* row = d.AddSectionDictionary("FIGURE");
  row->SetValue("LABEL", label);
  row->SetValue("VALUE", value);
}

struct Submitted {
  app::ReportParts parts;
  app::FiguresInput figures;
};

void report_page(Context& c, int year, app::ReportLayout layout, const std::optional<Submitted>& submitted,
                 const std::map<std::string, std::string>& errors, int status) {
  const auto& who = c.who();
  int64_t agency = agency_of(c);
  app::ReportData data = app::compute_report(*c.app.db, who, agency, year);
  bool office = who.has(core::Role::kOffice);
  app::ReportDraft draft = app::load_draft(*c.app.db, who, data, layout);
  Page p(c, std::to_string(year) + "年度报告", "admin/reports.tpl");
  auto& d = p.content();
  add_errors(d, errors);
  std::string layout_id(app::report_layout_id(layout));
  d.SetIntValue("YEAR", year);
  d.SetValue("LAYOUT", layout_id);
  d.SetValue("CSRF", c.session->csrf_token);
  std::string slug = data.agency_slug;
  int this_year = core::Date::today_cst().year();
  for (int y = this_year; y >= std::min(2008, year); --y) {
    add_option(d, "YEAR_OPT", std::to_string(y), std::to_string(y) + "年", y == year);
  }
  for (auto l : {app::ReportLayout::k2021, app::ReportLayout::k2008}) {
    add_option(d, "LAYOUT_OPT", std::string(app::report_layout_id(l)), std::string(app::report_layout_label(l)),
               l == layout);
  }
  // The counts.
  const auto& pro = data.proactive;
  add_figure(d, "累计主动公开", std::to_string(pro.cumulative) + "条");
  add_figure(d, "本年新增主动公开", std::to_string(pro.in_year) + "条");
  add_figure(d, "电子化率", core::format_share(pro.electronic, pro.cumulative) + "%");
  for (const auto& k : pro.classes) {
    add_figure(d, k.name, "累计" + std::to_string(k.cumulative) + "条（" + core::format_share(k.cumulative, pro.cumulative) +
                              "%），本年" + std::to_string(k.in_year) + "条（" +
                              core::format_share(k.in_year, pro.in_year) + "%）");
  }
  add_figure(d, "行政规范性文件", "本年制发" + std::to_string(data.normative.issued) + "件，本年废止" +
                                      std::to_string(data.normative.repealed) + "件，现行有效" +
                                      std::to_string(data.normative.in_force) + "件");
  add_figure(d, "规章", "本年制发" + std::to_string(data.rules.issued) + "件，本年废止" +
                            std::to_string(data.rules.repealed) + "件，现行有效" + std::to_string(data.rules.in_force) +
                            "件");
  add_figure(d, "依申请公开", "本年新收" + std::to_string(data.table3.row("new")[6]) + "件，上年结转" +
                                  std::to_string(data.table3.row("carried_in")[6]) + "件，本年办结" +
                                  std::to_string(data.table3.row("total")[6]) + "件，结转下年度" +
                                  std::to_string(data.table3.row("carried_out")[6]) + "件");
  add_figure(d, "收费和减免", "收取" + std::to_string(data.fees.collected_yuan) + "元，减免" +
                                  std::to_string(data.fees.waived_yuan) + "元");
  std::string appeals;
  const char* appeal_names[] = {"行政复议", "直接起诉", "复议后起诉"};
  for (size_t k = 0; k < 3; ++k) {
    appeals += std::string(k ? "，" : "") + appeal_names[k] + std::to_string(data.table4[k].total()) + "件";
  }
  add_figure(d, "复议诉讼", appeals + "（其中尚未审结" +
                                std::to_string(data.table4[0].pending + data.table4[1].pending + data.table4[2].pending) +
                                "件）");
  auto breaks = core::table3_breaks(data.table3);
  if (!data.problems.empty() || !breaks.empty()) {
    auto* s = d.AddSectionDictionary("PROBLEMS");
    std::string cols;
    for (int b : breaks) cols += (cols.empty() ? "" : "、") + std::string(kColumnLabels[b]);
    s->SetValue("COLUMNS", cols.empty() ? "（无）" : cols);
    for (const auto& pr : data.problems) {
      auto* row = s->AddSectionDictionary("PROBLEM");
      row->SetValue("ID", std::to_string(pr.id));
      row->SetValue("CODE", pr.tracking_code);
      row->SetValue("REASON", pr.reason);
    }
  }
  // The preview shows what is saved; the form shows what was typed.
  auto doc = app::report_document(data, layout, draft.parts, core::Date::today_cst().iso());
  d.SetValue("PREVIEW", render::to_html(doc));
  for (const auto& f : app::download_formats()) {
    if (f == "pdf") continue;
    auto* dl = d.AddSectionDictionary("DL");
    dl->SetValue("FORMAT", f);
  }
  if (office) {
    auto* e = d.AddSectionDictionary("EDIT");
    e->SetValue("CSRF", c.session->csrf_token);
    e->SetIntValue("YEAR", year);
    e->SetValue("LAYOUT", layout_id);
    e->SetValue("SIGNED_ON", core::Date::today_cst().iso());
    if (draft.stored) e->AddSectionDictionary("STORED")->SetValue("UPDATED_AT", draft.updated_at);
    else e->ShowSection("NOT_STORED");
    for (const auto& spec : app::report_parts(layout)) {
      auto* part = e->AddSectionDictionary("PART");
      part->SetValue("KEY", spec.key);
      part->SetValue("LABEL", spec.label);
      if (spec.required) part->ShowSection("REQ");
      std::string value = draft.parts[spec.key];
      if (submitted) {
        auto it = submitted->parts.find(spec.key);
        if (it != submitted->parts.end()) value = it->second;
      }
      part->SetValue("VALUE", value);
      if (auto it = errors.find("part." + spec.key); it != errors.end()) {
        part->AddSectionDictionary("BAD")->SetValue("MESSAGE", it->second);
      }
    }
    if (layout == app::ReportLayout::k2021) {
      auto* figs = e->AddSectionDictionary("FIGURES");
      app::FiguresInput shown{std::to_string(draft.figures.permits), std::to_string(draft.figures.penalties),
                              std::to_string(draft.figures.enforcement), app::wan_yuan(draft.figures.charges_yuan)};
      if (submitted) shown = submitted->figures;
      for (auto [name, label, value] :
           {std::tuple<const char*, const char*, std::string>{"permits", "行政许可 本年处理决定数量", shown.permits},
            {"penalties", "行政处罚 本年处理决定数量", shown.penalties},
            {"enforcement", "行政强制 本年处理决定数量", shown.enforcement},
            {"charges_wan_yuan", "行政事业性收费 本年收费金额（万元）", shown.charges_wan_yuan}}) {
        auto* f = figs->AddSectionDictionary("FIG");
        f->SetValue("NAME", name);
        f->SetValue("LABEL", label);
        f->SetValue("VALUE", value);
        if (auto it = errors.find(name); it != errors.end()) f->AddSectionDictionary("BAD")->SetValue("MESSAGE", it->second);
      }
    }
  }
  auto versions = app::report_versions(*c.app.db, who, agency, year, layout);
  if (versions.empty()) {
    d.ShowSection("NO_VERSIONS");
  } else {
    auto* v = d.AddSectionDictionary("VERSIONS");
    v->SetValue("SLUG", slug);
    for (const auto& s : versions) {
      auto* row = v->AddSectionDictionary("VERSION");
      row->SetIntValue("VERSION", s.version);
      row->SetValue("AT", s.published_at);
    }
  }
  p.send(status);
}

}  // namespace

void get_admin_reports(Context& c) {
  int year = 0;
  app::ReportLayout layout = app::ReportLayout::k2021;
  try {
    year = year_param(c);
    layout = layout_param(c);
  } catch (const app::ValidationError& e) {
    report_page(c, core::Date::today_cst().year() - 1, app::ReportLayout::k2021, std::nullopt, e.fields(), 400);
    return;
  }
  report_page(c, year, layout, std::nullopt, {}, 200);
}

void post_report_draft(Context& c) {
  int year = year_param(c);
  auto layout = layout_param(c);
  Submitted s;
  for (const auto& spec : app::report_parts(layout)) {
    if (c.has_param("part." + spec.key)) s.parts[spec.key] = c.form_param("part." + spec.key);
  }
  s.figures = {c.form_param("permits"), c.form_param("penalties"), c.form_param("enforcement"),
               c.form_param("charges_wan_yuan")};
  try {
    app::save_draft(*c.app.db, c.who(), agency_of(c), year, layout, s.parts, s.figures);
  } catch (const app::ValidationError& e) {
    report_page(c, year, layout, s, e.fields(), 400);
    return;
  }
  c.redirect("/admin/reports?year=" + std::to_string(year) + "&layout=" + std::string(app::report_layout_id(layout)) +
             "&saved=1#edit");
}

void post_report_publish(Context& c) {
  int year = year_param(c);
  auto layout = layout_param(c);
  try {
    app::publish_report(*c.app.db, c.who(), agency_of(c), year, layout, c.form_param("signed_on"));
  } catch (const app::ValidationError& e) {
    report_page(c, year, layout, std::nullopt, e.fields(), 400);
    return;
  }
  c.redirect("/admin/reports?year=" + std::to_string(year) + "&layout=" + std::string(app::report_layout_id(layout)) +
             "&published=1");
}

void get_report_preview(Context& c) {
  int year = year_param(c);
  auto layout = layout_param(c);
  std::string format = c.param("format");
  const auto& who = c.who();
  int64_t agency = agency_of(c);
  auto data = app::compute_report(*c.app.db, who, agency, year);
  auto parts = app::draft_parts(*c.app.db, who, data, layout);
  auto doc = app::report_document(data, layout, parts, core::Date::today_cst().iso());
  std::optional<std::string> bytes =
      format == "json" ? std::optional<std::string>(app::report_json(data, layout)) : app::document_bytes(doc, format);
  if (!bytes) throw app::ValidationError("format", "不支持的格式");
  std::string name = data.agency_slug + "-" + std::to_string(year) + "-" + std::string(app::report_layout_id(layout)) +
                     "-preview." + format;
  c.resp.set("Content-Disposition", app::content_disposition(name, false));
  c.resp.set("Cache-Control", "private, no-store");
  c.send(200, app::document_mime(format), *bytes);
}



// The 信息中心's view: the tables summed over all agencies and the agencies without a report.
void get_city_reports(Context& c) {
  int year = year_param(c);
  const auto& who = c.who();
  auto sum = app::compute_city_report(*c.app.db, who, year);
  auto late = app::agencies_without_report(*c.app.db, who, year);
  auto doc = app::city_document(sum, late);
  std::string format = c.param("format");
  if (!format.empty()) {
    std::optional<std::string> bytes = format == "json" ? std::optional<std::string>(app::report_json(sum, app::ReportLayout::k2021))
                                                        : app::document_bytes(doc, format);
    if (!bytes) throw app::ValidationError("format", "不支持的格式");
    c.resp.set("Content-Disposition", app::content_disposition("city-" + std::to_string(year) + "." + format, false));
    c.resp.set("Cache-Control", "private, no-store");
    c.send(200, app::document_mime(format), *bytes);
    return;
  }
  Page p(c, "全市年度报告汇总", "admin/city_reports.tpl");
  auto& d = p.content();
  d.SetIntValue("YEAR", year);
  for (int y = core::Date::today_cst().year(); y >= std::min(2008, year); --y) {
    add_option(d, "YEAR_OPT", std::to_string(y), std::to_string(y) + "年", y == year);
  }
  for (const auto& f : app::download_formats()) d.AddSectionDictionary("DL")->SetValue("FORMAT", f);
  if (!sum.problems.empty()) {
    auto* s = d.AddSectionDictionary("PROBLEMS");
    s->SetIntValue("COUNT", static_cast<long>(sum.problems.size()));
    for (const auto& pr : sum.problems) {
      auto* row = s->AddSectionDictionary("PROBLEM");
      row->SetValue("CODE", pr.tracking_code);
      row->SetValue("REASON", pr.reason);
    }
  }
  d.SetValue("BODY", render::to_html(doc));
  p.send();
}



// Statistics per agency and department, with SVG charts and CSV/XLSX/PDF downloads.
void get_statistics(Context& c) {
  int year = year_param(c);
  const auto& who = c.who();
  int64_t agency = agency_of(c);
  std::optional<int64_t> dept;
  if (!c.param("dept").empty()) {
    auto d = c.int_param("dept");
    if (!d) throw app::ValidationError("dept", "科室无效");
    dept = *d;
  }
  auto s = app::compute_statistics(*c.app.db, who, agency, year, dept);
  std::string format = c.param("format");
  std::string base = "stats-" + std::to_string(year);
  if (format == "csv") {
    auto index = c.int_param("table");
    auto csv = index && *index >= 0 ? app::statistics_csv(s, static_cast<size_t>(*index)) : std::nullopt;
    if (!csv) throw app::not_found("表格");
    c.resp.set("Content-Disposition", app::content_disposition(base + "-" + std::to_string(*index) + ".csv", false));
    c.resp.set("Cache-Control", "private, no-store");
    c.send(200, "text/csv; charset=utf-8", *csv);
    return;
  }
  auto doc = app::statistics_document(s);
  if (!format.empty()) {
    auto bytes = app::document_bytes(doc, format);
    if (!bytes) throw app::ValidationError("format", "不支持的格式");
    c.resp.set("Content-Disposition", app::content_disposition(base + "." + format, false));
    c.resp.set("Cache-Control", "private, no-store");
    c.send(200, app::document_mime(format), *bytes);
    return;
  }
  Page p(c, "政府信息公开统计", "admin/statistics.tpl");
  auto& d = p.content();
  d.SetIntValue("YEAR", year);
  d.SetValue("DEPT", dept ? std::to_string(*dept) : "");
  for (int y = core::Date::today_cst().year(); y >= std::min(2008, year); --y) {
    add_option(d, "YEAR_OPT", std::to_string(y), std::to_string(y) + "年", y == year);
  }
  {
    auto conn = c.app.db->acquire();
    for (const auto& dep : store::list_departments(*conn, agency)) {
      add_option(d, "DEPT_OPT", std::to_string(dep.id), dep.name, dept && *dept == dep.id);
    }
  }
  // The charts are blocks of the document, so the page, the PDF and the XLSX show the same.
  d.SetValue("TABLES", render::to_html(doc));
  size_t index = 0;
  for (const auto& b : doc.blocks) {
    if (auto* t = std::get_if<render::Table>(&b)) {
      auto* row = d.AddSectionDictionary("CSV");
      row->SetIntValue("YEAR", year);
      row->SetValue("DEPT", dept ? std::to_string(*dept) : "");
      row->SetValue("INDEX", std::to_string(index++));
      row->SetValue("NAME", t->caption);
    }
  }
  p.send();
}

}  // namespace gongkai::web
