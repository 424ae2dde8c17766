// Back-office pages for department quotas and the assessment (考核).
#include <map>

#include "app/assessment.h"
#include "app/errors.h"
#include "app/quota.h"
#include "core/clock.h"
#include "core/date.h"
#include "render/svg_chart.h"
#include "store/directory_store.h"
#include "web/pages.h"
#include "web/quota_handlers.h"
#include "web/server.h"

namespace gongkai::web {
namespace {

using core::Role;

struct Month {
  int year = 0, month = 0;
  std::string id() const {
    char b[16];
    std::snprintf(b, sizeof b, "%04d-%02d", year, month);
    return b;
  }
  std::string label() const { return std::to_string(year) + "年" + std::to_string(month) + "月"; }
  Month prev() const { return month == 1 ? Month{year - 1, 12} : Month{year, month - 1}; }
  Month next() const { return month == 12 ? Month{year + 1, 1} : Month{year, month + 1}; }
};

// ?month=YYYY-MM, default this month (China Standard Time).
Month month_param(const Context& c) {
  std::string m = c.param("month");
  if (m.empty()) m = c.param("view_month");  // the quota form posts the month it was shown for
  if (m.empty()) {
    core::Date t = core::Date::today_cst();
    return {t.year(), t.month()};
  }
  auto p = core::parse_period(m);
  if (!p || p->first_month != p->last_month || m.size() != 7) {
    throw app::ValidationError("month", "月份格式应为 2026-11");
  }
  return {p->year, p->first_month};
}

void status_cell(render::Dict* row, core::QuotaStatus s) {
  row->SetValue("STATUS_ID", std::string(core::status_id(s)));
  row->SetValue("STATUS", std::string(core::status_label(s)));
}

void fill_month_row(render::Dict* row, const app::DeptMonth& m) {
  row->SetValue("DEPT", m.department_name);
  row->SetValue("DEPT_ID", std::to_string(m.department_id));
  if (m.rule) {
    row->SetIntValue("REQUIRED", m.required);
    row->SetValue("DUE", m.deadline->due.iso());
    row->SetValue("DUE_WHY", m.deadline->explanation);
    row->SetIntValue("DAYS_LEFT", m.days_left);
  } else {
    row->SetValue("REQUIRED", "—");
    row->SetValue("DUE", "—");
    row->SetValue("DAYS_LEFT", "—");
  }
  row->SetIntValue("SUBMITTED", m.activity.submitted);
  row->SetIntValue("ON_TIME", m.activity.on_time);
  row->SetIntValue("APPROVED", m.activity.approved);
  row->SetIntValue("RETURNED", m.activity.returned);
  status_cell(row, m.status);
}

void add_notices(render::Dict& d, const std::vector<store::QuotaNoticeRow>& notices) {
  if (notices.empty()) return;
  auto* s = d.AddSectionDictionary("NOTICES");
  for (const auto& n : notices) {
    auto* row = s->AddSectionDictionary("NOTICE");
    row->SetValue("AT", core::utc_iso_to_cst(n.created_at));
    row->SetValue("KIND", n.kind == "reminder" ? "截止提醒" : "逾期通知");
    row->SetValue("MESSAGE", n.message);
  }
}

void quota_page(Context& c, int status, const std::map<std::string, std::string>& errors, const app::QuotaInput& form) {
  int64_t agency = agency_of(c);
  const auto& who = c.who();
  Month m = month_param(c);
  core::Date today = core::Date::today_cst();
  Page p(c, "信息报送定额", "admin/quota.tpl");
  auto& d = p.content();
  d.SetValue("CSRF", c.session->csrf_token);
  d.SetValue("MONTH_LABEL", m.label());
  d.SetValue("MONTH", m.id());
  d.SetValue("PREV", m.prev().id());
  d.SetValue("NEXT", m.next().id());
  d.SetIntValue("YEAR", m.year);
  add_errors(d, errors);
  render::Chart bars;
  bars.title = m.label() + "各科室定额与报送";
  bars.unit = "条";
  bars.series = {{"定额", {}}, {"截止日前报送", {}}, {"本月已报送", {}}};
  for (const auto& row : app::quota_overview(*c.app.db, who, agency, m.year, m.month, today)) {
    fill_month_row(d.AddSectionDictionary("ROW"), row);
    bars.labels.push_back(row.department_name);
    bars.series[0].values.push_back(row.rule ? std::optional<double>(row.required) : std::nullopt);
    bars.series[1].values.push_back(row.activity.on_time);
    bars.series[2].values.push_back(row.activity.submitted);
  }
  // svg_bar_chart escapes every text it writes, so the SVG goes into the page as it is.
  d.SetValue("CHART", render::svg_bar_chart(bars));
  // The trend: each month of the year up to the shown one, as status and counts.
  std::vector<std::vector<app::DeptMonth>> months;
  for (int k = 1; k <= m.month; ++k) {
    d.AddSectionDictionary("TREND_MONTH")->SetValue("LABEL", std::to_string(k) + "月");
    months.push_back(app::quota_overview(*c.app.db, who, agency, m.year, k, today));
  }
  for (size_t i = 0; !months.empty() && i < months[0].size(); ++i) {
    auto* row = d.AddSectionDictionary("TREND_ROW");
    row->SetValue("DEPT", months[0][i].department_name);
    for (const auto& month : months) {
      const auto& dm = month[i];
      auto* cell = row->AddSectionDictionary("CELL");
      status_cell(cell, dm.status);
      cell->SetValue("COUNTS", dm.rule ? std::to_string(dm.activity.on_time) + "/" + std::to_string(dm.required) : "");
    }
  }
  add_notices(d, app::quota_notices(*c.app.db, who, agency, std::nullopt));
  std::map<int64_t, std::string> dept_names;
  {
    auto conn = c.app.db->acquire();
    for (const auto& dep : store::list_departments(*conn, agency)) dept_names[dep.id] = dep.name;
  }
  for (const auto& r : app::quota_rules(*c.app.db, who, agency, m.year)) {
    auto* row = d.AddSectionDictionary("RULE");
    row->SetValue("ID", std::to_string(r.id));
    row->SetValue("DEPT", dept_names[r.department_id]);
    row->SetValue("SCOPE", r.month ? std::to_string(r.year) + "年" + std::to_string(r.month) + "月" : std::to_string(r.year) + "年全年");
    row->SetIntValue("ITEMS", r.items);
    row->SetValue("DUE_DAY", "每月" + std::to_string(r.due_day) + "日");
    row->SetValue("SHIFT", r.shift == "next" ? "顺延至后一个工作日" : "提前至前一个工作日");
    if (who.has(Role::kOffice)) row->AddSectionDictionary("CAN_DELETE")->SetValue("CSRF", c.session->csrf_token);
  }
  if (who.has(Role::kOffice)) {
    auto* f = d.AddSectionDictionary("OFFICE");
    f->SetValue("CSRF", c.session->csrf_token);
    f->SetValue("F_YEAR", form.year.empty() ? std::to_string(m.year) : form.year);
    f->SetValue("F_MONTH", form.month);
    f->SetValue("F_ITEMS", form.items);
    f->SetValue("F_DUE_DAY", form.due_day);
    for (const auto& [id, name] : dept_names) add_option(*f, "DEPT_OPT", std::to_string(id), name, form.department_id == std::to_string(id));
    add_option(*f, "SHIFT_OPT", "previous", "提前至前一个工作日", form.shift != "next");
    add_option(*f, "SHIFT_OPT", "next", "顺延至后一个工作日", form.shift == "next");
    f->SetIntValue("REMIND", app::reminder_days(*c.app.db, who, agency));
    for (const auto& [field, msg] : errors) f->AddSectionDictionary(("BAD_" + field).c_str())->SetValue("MESSAGE", msg);
  }
  p.send(status);
}

}  // namespace

void get_quota(Context& c) { quota_page(c, 200, {}, {}); }

void fill_home_notices(Context& c, render::Dict& d, int64_t agency_id) {
  const auto& who = c.who();
  std::vector<store::QuotaNoticeRow> notices;
  if (who.has(Role::kOffice) || who.has(Role::kLeader)) {
    notices = app::quota_notices(*c.app.db, who, agency_id, std::nullopt, 5);
  }
  if ((who.has(Role::kLiaison) || who.has(Role::kHead)) && who.department_id) {
    auto mine = app::quota_notices(*c.app.db, who, agency_id, who.department_id, 5);
    notices.insert(notices.end(), mine.begin(), mine.end());
  }
  add_notices(d, notices);
}

void post_quota_rule(Context& c) {
  app::QuotaInput in{c.param("department_id"), c.param("year"), c.param("rule_month"), c.param("items"), c.param("due_day"),
                     c.param("shift")};
  try {
    app::set_quota(*c.app.db, c.who(), agency_of(c), in);
  } catch (const app::ValidationError& e) {
    quota_page(c, 400, e.fields(), in);
    return;
  }
  c.redirect("/admin/quota?month=" + url_encode(c.param("view_month")));
}

void post_delete_quota_rule(Context& c) {
  app::delete_quota(*c.app.db, c.who(), agency_of(c), c.route_id());
  c.redirect("/admin/quota");
}

void post_quota_settings(Context& c) {
  app::set_reminder_days(*c.app.db, c.who(), agency_of(c), c.param("remind_workdays"));
  c.redirect("/admin/quota");
}

void get_department_quota(Context& c) {
  int64_t agency = agency_of(c);
  const auto& who = c.who();
  Month m = month_param(c);
  core::Date today = core::Date::today_cst();
  int64_t dept = c.route_id();
  app::DeptMonth dm = app::department_quota(*c.app.db, who, agency, dept, m.year, m.month, today);
  Page p(c, dm.department_name + "信息报送", "admin/quota_department.tpl");
  auto& d = p.content();
  d.SetValue("DEPT", dm.department_name);
  d.SetValue("DEPT_ID", std::to_string(dept));
  d.SetValue("MONTH_LABEL", m.label());
  d.SetValue("PREV", m.prev().id());
  d.SetValue("NEXT", m.next().id());
  if (dm.rule) {
    auto* q = d.AddSectionDictionary("HAS_QUOTA");
    fill_month_row(q, dm);
  } else {
    d.ShowSection("NO_QUOTA");
    fill_month_row(&d, dm);
  }
  for (int k = 1; k <= m.month; ++k) {
    auto row = app::department_quota(*c.app.db, who, agency, dept, m.year, k, today);
    auto* r = d.AddSectionDictionary("MONTH_ROW");
    r->SetValue("LABEL", std::to_string(k) + "月");
    fill_month_row(r, row);
  }
  add_notices(d, app::quota_notices(*c.app.db, who, agency, dept));
  p.send();
}

namespace {

void assessment_page(Context& c, int status, const std::map<std::string, std::string>& errors) {
  int64_t agency = agency_of(c);
  const auto& who = c.who();
  core::Date today = core::Date::today_cst();
  std::string period = c.param("period");
  if (period.empty()) {
    char b[16];
    std::snprintf(b, sizeof b, "%04d-%02d", today.year(), today.month());
    period = b;
  }
  app::Assessment a = app::assess(*c.app.db, who, agency, period, today);
  Page p(c, "考核", "admin/assessment.tpl");
  auto& d = p.content();
  {
    // Shortcuts to the periods around today: this month, this quarter, this year, last year.
    char month[16], quarter[16];
    std::snprintf(month, sizeof month, "%04d-%02d", today.year(), today.month());
    std::snprintf(quarter, sizeof quarter, "%04d-Q%d", today.year(), (today.month() + 2) / 3);
    for (const auto& [id, label] : std::vector<std::pair<std::string, std::string>>{
             {month, "本月"}, {quarter, "本季度"}, {std::to_string(today.year()), "本年"},
             {std::to_string(today.year() - 1), "上年"}}) {
      auto* tab = d.AddSectionDictionary("PERIOD_TAB");
      tab->SetValue("ID", id);
      tab->SetValue("LABEL", label);
      if (id == a.period.id) tab->ShowSection("CURRENT");
    }
  }
  d.SetValue("PERIOD", a.period.id);
  d.SetValue("PERIOD_LABEL", a.period.label);
  d.SetValue("AS_OF", a.as_of.iso());
  d.SetValue("SCHEME", a.scheme_version ? "第" + std::to_string(a.scheme_version) + "版权重" : "默认权重（办公室尚未设置）");
  if (!a.scheme_note.empty()) d.AddSectionDictionary("SCHEME_NOTE")->SetValue("NOTE", a.scheme_note);
  add_errors(d, errors);
  for (core::Indicator i : core::kIndicators) {
    auto* h = d.AddSectionDictionary("IND_HEAD");
    h->SetValue("LABEL", std::string(core::indicator_label(i)));
    h->SetIntValue("WEIGHT", a.weights.of(i));
    auto* rule = d.AddSectionDictionary("IND_RULE");
    rule->SetValue("LABEL", std::string(core::indicator_label(i)));
    rule->SetValue("RULE", std::string(core::indicator_rule(i)));
  }
  int rank = 0;
  for (const auto& r : a.rows) {
    auto* row = d.AddSectionDictionary("ROW");
    row->SetValue("RANK", r.score.scored ? std::to_string(++rank) : "—");
    row->SetValue("DEPT", r.department_name);
    for (const auto& is : r.score.indicators) {
      auto* cell = row->AddSectionDictionary("IND");
      if (is.applicable) {
        cell->SetValue("VALUE", core::format_percent(is.value));
        cell->SetValue("COUNTS", std::to_string(is.measure.good) + "/" + std::to_string(is.measure.total));
        cell->SetValue("CONTRIB", core::format_points(is.contribution));
      } else {
        cell->SetValue("VALUE", "不适用");
        cell->SetValue("CONTRIB", "—");
      }
      cell->SetIntValue("WEIGHT", is.weight);
    }
    row->SetValue("ADJ", core::format_points(r.score.adjustment));
    row->SetValue("TOTAL", r.score.scored ? core::format_points(r.score.total) : "不计分");
    row->SetValue("FORMULA", r.score.formula);
    for (const auto& adj : r.adjustments) {
      auto* x = row->AddSectionDictionary("ADJUSTMENT");
      x->SetValue("POINTS", core::format_points(adj.points));
      x->SetValue("REASON", adj.reason);
      x->SetValue("BY", adj.created_by_name);
      x->SetValue("AT", core::utc_iso_to_cst(adj.created_at));
    }
  }
  if (who.has(Role::kOffice) || who.has(Role::kLeader)) {
    if (int last = app::trend_months(a.period.year, today); last > 0) {
      auto trend = app::assessment_trend(*c.app.db, who, agency, a.period.year, last, today);
      render::ChartBlock chart = app::trend_chart(a.period.year, trend);
      d.AddSectionDictionary("TREND")->SetValue("CHART", render::svg_chart(chart.kind, chart.chart));
    }
  }
  if (who.has(Role::kOffice)) {
    auto* f = d.AddSectionDictionary("OFFICE");
    f->SetValue("CSRF", c.session->csrf_token);
    f->SetValue("PERIOD", a.period.id);
    for (core::Indicator i : core::kIndicators) {
      auto* w = f->AddSectionDictionary("WEIGHT");
      w->SetValue("ID", std::string(core::indicator_id(i)));
      w->SetValue("LABEL", std::string(core::indicator_label(i)));
      std::string typed = "w_" + std::string(core::indicator_id(i));
      if (!errors.empty() && c.has_param(typed)) w->SetValue("VALUE", c.param(typed));  // keep what was typed
      else w->SetIntValue("VALUE", a.weights.of(i));
      if (auto it = errors.find("w_" + std::string(core::indicator_id(i))); it != errors.end()) {
        w->AddSectionDictionary("BAD")->SetValue("MESSAGE", it->second);
      }
    }
    for (const auto& r : a.rows) add_option(*f, "DEPT_OPT", std::to_string(r.department_id), r.department_name, false);
    for (const auto& s : app::assessment_schemes(*c.app.db, who, agency)) {
      auto* h = f->AddSectionDictionary("SCHEME_ROW");
      h->SetIntValue("VERSION", s.version);
      h->SetValue("WEIGHTS", s.weights);
      h->SetValue("NOTE", s.note);
      h->SetValue("BY", s.created_by_name);
      h->SetValue("AT", core::utc_iso_to_cst(s.created_at));
    }
    for (const auto& [field, msg] : errors) f->AddSectionDictionary(("BAD_" + field).c_str())->SetValue("MESSAGE", msg);
  }
  p.send(status);
}

}  // namespace

void get_assessment(Context& c) { assessment_page(c, 200, {}); }

void post_assessment_weights(Context& c) {
  std::map<std::string, std::string> w;
  for (core::Indicator i : core::kIndicators) {
    std::string id(core::indicator_id(i));
    w[id] = c.param("w_" + id);
  }
  try {
    app::save_assessment_scheme(*c.app.db, c.who(), agency_of(c), w, c.param("note"));
  } catch (const app::ValidationError& e) {
    assessment_page(c, 400, e.fields());
    return;
  }
  c.redirect("/admin/assessment?period=" + url_encode(c.param("period")));
}

void post_assessment_adjustment(Context& c) {
  try {
    app::add_assessment_adjustment(*c.app.db, c.who(), agency_of(c), c.param("department_id"), c.param("period"),
                                   c.param("points"), c.param("reason"));
  } catch (const app::ValidationError& e) {
    assessment_page(c, 400, e.fields());
    return;
  }
  c.redirect("/admin/assessment?period=" + url_encode(c.param("period")));
}

}  // namespace gongkai::web
