#include "app/assessment.h"

#include <algorithm>
#include <cmath>

#include "app/errors.h"
#include "app/quota.h"
#include "core/calendar.h"
#include "core/clock.h"
#include "core/quota.h"
#include "store/audit_log.h"
#include "store/directory_store.h"

namespace gongkai::app {
namespace {

using core::Indicator;
using core::Role;

bool is_office(const Principal& p) { return p.is_system() || p.has(Role::kOffice); }
bool sees_all(const Principal& p) { return is_office(p) || p.has(Role::kLeader); }

void require_agency(const Principal& by, int64_t agency_id) {
  if (!by.in_agency(agency_id)) throw not_found("单位");
}

core::Period must_period(const std::string& id) {
  auto p = core::parse_period(id);
  if (!p) throw ValidationError("period", "考核期间格式应为 2026-11（月）、2026-Q4（季度）或 2026（年）");
  return *p;
}

core::Weights weights_of(const std::optional<store::SchemeRow>& s) {
  if (!s) return core::Weights::defaults();
  auto w = core::Weights::parse(s->weights);
  return w ? *w : core::Weights::defaults();
}

Assessment compute(store::Conn& c, int64_t agency_id, const core::Period& period, core::Date today,
                   std::optional<int64_t> only) {
  Assessment a;
  a.period = period;
  a.as_of = std::min(today, period.last_day());
  auto scheme = store::current_scheme(c, agency_id);
  a.weights = weights_of(scheme);
  if (scheme) {
    a.scheme_version = scheme->version;
    a.scheme_note = scheme->note;
  }
  auto rules = store::list_quota_rules(c, agency_id, period.year);
  auto departments = store::list_departments(c, agency_id);
  std::map<int64_t, std::array<core::Measure, 6>> measures;
  std::map<int64_t, int> months;
  const core::WorkCalendar& cal = core::default_calendar();

  // Quota and on-time: the months whose deadline has passed by `today`.
  for (int m = period.first_month; m <= period.last_month; ++m) {
    core::Date first = *core::Date::from_ymd(period.year, m, 1);
    core::Date next = m == 12 ? *core::Date::from_ymd(period.year + 1, 1, 1) : *core::Date::from_ymd(period.year, m + 1, 1);
    if (first > today) break;
    std::map<std::string, std::map<int64_t, store::DeptActivity>> by_due;
    for (const auto& d : departments) {
      std::vector<core::QuotaRule> mine;
      for (const auto& r : rules) {
        if (r.department_id == d.id) {
          mine.push_back({r.year, r.month, r.items, r.due_day,
                          core::parse_shift(r.shift).value_or(core::DeadlineShift::kPrevious)});
        }
      }
      auto rule = core::resolve_quota(mine, period.year, m);
      if (!rule || rule->items == 0) continue;
      auto deadline = core::quota_deadline(cal, period.year, m, rule->due_day, rule->shift);
      if (deadline.due >= today) continue;  // still open: not assessed yet
      auto it = by_due.find(deadline.due.iso());
      if (it == by_due.end()) {
        it = by_due.emplace(deadline.due.iso(),
                            store::department_activity(c, agency_id, cst_day_start_utc(first), cst_day_start_utc(next),
                                                       cst_day_start_utc(deadline.due.add_days(1))))
                 .first;
      }
      store::DeptActivity act;
      if (auto f = it->second.find(d.id); f != it->second.end()) act = f->second;
      auto& ms = measures[d.id];
      ms[static_cast<int>(Indicator::kQuota)].good += std::min(act.submitted, rule->items);
      ms[static_cast<int>(Indicator::kQuota)].total += rule->items;
      ms[static_cast<int>(Indicator::kOnTime)].good += std::min(act.on_time, rule->items);
      ms[static_cast<int>(Indicator::kOnTime)].total += rule->items;
      ++months[d.id];
    }
  }

  // Timeliness, returns and confidentiality reviews over the whole period up to today.
  core::Date end = a.as_of;
  std::string from = cst_day_start_utc(period.first_day()), to = cst_day_start_utc(end.add_days(1));
  for (const auto& [dept, v] : store::department_timeliness(c, agency_id, period.first_day().iso(), end.iso())) {
    measures[dept][static_cast<int>(Indicator::kTimely)] = {v.second, v.first};
  }
  for (const auto& [dept, act] : store::department_activity(c, agency_id, from, to, from)) {
    measures[dept][static_cast<int>(Indicator::kReturned)] = {std::max(0, act.submit_events - act.returned),
                                                              act.submit_events};
  }
  for (const auto& [dept, v] : store::department_secrecy_reviews(c, agency_id, from, to)) {
    measures[dept][static_cast<int>(Indicator::kSecrecy)] = {v.second, v.first};
  }
  // Requests (依申请按时办结率): a request counts for the department of the staff member who
  // recorded its answer; departments that answered none are not assessed on it.
  for (const auto& [dept, v] : store::department_request_timeliness(c, agency_id, period.first_day().iso(), end.iso())) {
    measures[dept][static_cast<int>(Indicator::kRequests)] = {v.second, v.first};
  }

  std::map<int64_t, std::vector<store::AdjustmentRow>> adjustments;
  for (auto& adj : store::list_adjustments(c, agency_id, period.id)) adjustments[adj.department_id].push_back(adj);

  for (const auto& d : departments) {
    if (only ? d.id != *only : !d.active) continue;
    DeptScore row;
    row.department_id = d.id;
    row.department_name = d.name;
    row.adjustments = adjustments[d.id];
    double adj = 0;
    for (const auto& x : row.adjustments) adj += x.points;
    row.score = core::compute_score(a.weights, measures[d.id], adj);
    row.months_measured = months[d.id];
    a.rows.push_back(std::move(row));
  }
  std::stable_sort(a.rows.begin(), a.rows.end(), [](const DeptScore& x, const DeptScore& y) {
    if (x.score.scored != y.score.scored) return x.score.scored;
    return x.score.total > y.score.total;
  });
  return a;
}

}  // namespace

Assessment assess(store::Database& db, const Principal& by, int64_t agency_id, const std::string& period_id,
                  core::Date today) {
  require_agency(by, agency_id);
  core::Period p = must_period(period_id);
  std::optional<int64_t> only;
  if (!sees_all(by)) {
    if (!(by.has(Role::kLiaison) || by.has(Role::kHead)) || !by.department_id) throw forbidden("您没有查看考核结果的权限");
    only = by.department_id;
  }
  auto c = db.acquire();
  return compute(*c, agency_id, p, today, only);
}

std::vector<store::SchemeRow> assessment_schemes(store::Database& db, const Principal& by, int64_t agency_id) {
  require_agency(by, agency_id);
  if (!sees_all(by)) throw forbidden();
  auto c = db.acquire();
  return store::list_schemes(*c, agency_id);
}

int save_assessment_scheme(store::Database& db, const Principal& by, int64_t agency_id,
                           const std::map<std::string, std::string>& weights, const std::string& note) {
  require_agency(by, agency_id);
  if (!is_office(by)) throw forbidden("只有办公室可以设置考核权重");
  std::map<std::string, std::string> e;
  std::string text;
  for (Indicator i : core::kIndicators) {
    std::string id(core::indicator_id(i));
    auto it = weights.find(id);
    std::string v = it == weights.end() || it->second.empty() ? "0" : it->second;
    if (v.size() > 3 || v.find_first_not_of("0123456789") != std::string::npos || std::stoi(v) > 100) {
      e["w_" + id] = std::string(core::indicator_label(i)) + "的权重应为0至100之间的整数";
      continue;
    }
    text += (text.empty() ? "" : ",") + id + "=" + v;
  }
  if (utf8_length(note) > 500) e["note"] = "说明不能超过500个字";
  if (e.empty()) {
    auto parsed = core::Weights::parse(text);
    if (!parsed) e["w_quota"] = parsed.error();
  }
  if (!e.empty()) throw ValidationError(e);
  return db.with_tx([&](store::Conn& c) {
    int v = store::insert_scheme(c, agency_id, text, note, by.user_id ? std::optional<int64_t>(by.user_id) : std::nullopt,
                                 core::now_iso());
    store::audit(c, by.actor(), {agency_id, "assessment.scheme", "agency", std::to_string(agency_id),
                                 "v" + std::to_string(v) + " " + text});
    return v;
  });
}

void add_assessment_adjustment(store::Database& db, const Principal& by, int64_t agency_id,
                               const std::string& department_id, const std::string& period_id,
                               const std::string& points, const std::string& reason) {
  require_agency(by, agency_id);
  if (!is_office(by)) throw forbidden("只有办公室可以调整考核得分");
  std::map<std::string, std::string> e;
  if (!core::parse_period(period_id)) e["period"] = "考核期间格式应为 2026-11、2026-Q4 或 2026";
  int64_t dept = 0;
  if (department_id.empty() || department_id.size() > 18 || department_id.find_first_not_of("0123456789") != std::string::npos) {
    e["department_id"] = "请选择科室";
  } else {
    dept = std::stoll(department_id);
  }
  double pts = 0;
  {
    std::string p = points;
    bool neg = !p.empty() && (p[0] == '-' || p[0] == '+');
    std::string body = neg ? p.substr(1) : p;
    size_t dot = body.find('.');
    bool ok = !body.empty() && body.size() <= 5 && body.find_first_not_of("0123456789.") == std::string::npos &&
              body.find('.', dot == std::string::npos ? 0 : dot + 1) == std::string::npos &&
              (dot == std::string::npos || (dot > 0 && body.size() - dot == 2));
    if (ok) {
      pts = std::stod(body) * (p[0] == '-' ? -1 : 1);
      ok = std::fabs(pts) <= core::kMaxAdjustment && pts != 0;
    }
    if (!ok) e["points"] = "调整分值应为-20至20之间、不为0的数，最多一位小数";
  }
  if (utf8_length(reason) == 0) e["reason"] = "请填写调整理由";
  else if (utf8_length(reason) > 500) e["reason"] = "调整理由不能超过500个字";
  db.with_tx([&](store::Conn& c) {
    if (dept && !store::find_department(c, agency_id, dept)) e["department_id"] = "所选科室不存在";
    if (!e.empty()) throw ValidationError(e);
    store::AdjustmentRow a;
    a.department_id = dept;
    a.period = period_id;
    a.points = pts;
    a.reason = reason;
    int64_t id = store::insert_adjustment(c, agency_id, a, by.user_id ? std::optional<int64_t>(by.user_id) : std::nullopt,
                                          core::now_iso());
    store::audit(c, by.actor(), {agency_id, "assessment.adjust", "department", std::to_string(dept),
                                 "#" + std::to_string(id) + " " + period_id + " " + core::format_points(pts) + " " +
                                     reason.substr(0, 300)});
  });
}

int trend_months(int year, core::Date today) {
  return year < today.year() ? 12 : year == today.year() ? today.month() : 0;
}

render::ChartBlock trend_chart(int year, const ScoreTrend& trend) {
  render::ChartBlock c{render::ChartKind::kLine, {}};
  c.chart.title = std::to_string(year) + "年各科室月度考核得分";
  c.chart.unit = "分";
  c.chart.labels = trend.months;
  for (const auto& [name, values] : trend.series) c.chart.series.push_back({name, values});
  return c;
}

render::Document assessment_document(const std::string& agency_name, const Assessment& a, const ScoreTrend* trend) {
  render::Document doc;
  doc.title = agency_name + a.period.label + "政府信息公开工作考核";
  doc.landscape = true;
  doc.blocks.push_back(render::Heading{1, doc.title});
  std::string scheme = a.scheme_version ? "权重方案第" + std::to_string(a.scheme_version) + "版" : "默认权重方案";
  std::string weights;
  for (Indicator i : core::kIndicators) {
    weights += (weights.empty() ? "" : "，") + std::string(core::indicator_label(i)) + std::to_string(a.weights.of(i));
  }
  doc.blocks.push_back(render::Paragraph{"统计截至" + a.as_of.iso() + "。" + scheme + "：" + weights +
                                             "。得分 = 100 × Σ(权重 × 指标值) ÷ Σ(适用指标的权重)，再加人工调整，限0至100分。",
                                         render::Align::kLeft, false, true});
  render::Table t;
  t.caption = "考核得分";
  t.header_rows = 2;
  t.column_widths = {0.6, 1.6};
  for (size_t i = 0; i < core::kIndicators.size(); ++i) t.column_widths.insert(t.column_widths.end(), {1.5, 0.8});
  t.column_widths.insert(t.column_widths.end(), {0.9, 0.9});
  std::vector<render::Cell> h1 = {{"排名", 1, 2, true, render::Align::kCenter}, {"科室", 1, 2, true, render::Align::kCenter}};
  std::vector<render::Cell> h2;
  for (Indicator i : core::kIndicators) {
    h1.push_back({std::string(core::indicator_label(i)) + "（权重" + std::to_string(a.weights.of(i)) + "）", 2, 1, true,
                  render::Align::kCenter});
    h2.push_back({"指标值", 1, 1, true, render::Align::kCenter});
    h2.push_back({"得分", 1, 1, true, render::Align::kCenter});
  }
  h1.push_back({"人工调整", 1, 2, true, render::Align::kCenter});
  h1.push_back({"总分", 1, 2, true, render::Align::kCenter});
  t.rows.push_back(h1);
  t.rows.push_back(h2);
  int rank = 0;
  for (const auto& r : a.rows) {
    std::vector<render::Cell> row;
    row.push_back(r.score.scored ? render::Cell{std::to_string(++rank), 1, 1, false, render::Align::kCenter,
                                                static_cast<double>(rank)}
                                 : render::Cell{"—", 1, 1, false, render::Align::kCenter});
    row.push_back({r.department_name});
    for (const auto& is : r.score.indicators) {
      if (!is.applicable) {
        row.push_back({"不适用", 1, 1, false, render::Align::kCenter});
        row.push_back({"—", 1, 1, false, render::Align::kCenter});
        continue;
      }
      row.push_back({core::format_percent(is.value) + "（" + std::to_string(is.measure.good) + "/" +
                         std::to_string(is.measure.total) + "）",
                     1, 1, false, render::Align::kRight});
      row.push_back({core::format_points(is.contribution), 1, 1, false, render::Align::kRight,
                     std::round(is.contribution * 10) / 10});
    }
    row.push_back({core::format_points(r.score.adjustment), 1, 1, false, render::Align::kRight,
                   std::round(r.score.adjustment * 10) / 10});
    if (r.score.scored) {
      row.push_back({core::format_points(r.score.total), 1, 1, false, render::Align::kRight,
                     std::round(r.score.total * 10) / 10});
    } else {
      row.push_back({"不计分", 1, 1, false, render::Align::kCenter});
    }
    t.rows.push_back(std::move(row));
  }
  doc.blocks.push_back(std::move(t));
  if (trend && !trend->months.empty()) doc.blocks.push_back(trend_chart(a.period.year, *trend));
  doc.blocks.push_back(render::Heading{2, "指标说明"});
  for (Indicator i : core::kIndicators) {
    doc.blocks.push_back(render::Paragraph{std::string(core::indicator_label(i)) + "：" + std::string(core::indicator_rule(i)) + "。",
                                           render::Align::kLeft, false, true});
  }
  doc.blocks.push_back(render::Heading{2, "计算过程与人工调整"});
  for (const auto& r : a.rows) {
    doc.blocks.push_back(render::Paragraph{r.department_name + "：" + r.score.formula + "。", render::Align::kLeft, false, true});
    for (const auto& adj : r.adjustments) {
      doc.blocks.push_back(render::Paragraph{"调整 " + core::format_points(adj.points) + " 分，理由：" + adj.reason + "（" +
                                                 adj.created_by_name + "，" + core::utc_iso_to_cst(adj.created_at) + "）",
                                             render::Align::kLeft, false, true});
    }
  }
  return doc;
}

ScoreTrend assessment_trend(store::Database& db, const Principal& by, int64_t agency_id, int year, int last_month,
                            core::Date today) {
  require_agency(by, agency_id);
  if (!sees_all(by)) throw forbidden();
  if (year < 2000 || year > 2100 || last_month < 1 || last_month > 12) throw ValidationError("year", "年份不正确");
  auto c = db.acquire();
  ScoreTrend t;
  std::map<std::string, std::vector<std::optional<double>>> by_dept;
  std::vector<std::string> order;
  for (int m = 1; m <= last_month; ++m) {
    char id[16];
    std::snprintf(id, sizeof id, "%04d-%02d", year, m);
    t.months.push_back(std::to_string(m) + "月");
    Assessment a = compute(*c, agency_id, *core::parse_period(id), today, std::nullopt);
    for (const auto& r : a.rows) {
      if (!by_dept.count(r.department_name)) order.push_back(r.department_name);
      auto& v = by_dept[r.department_name];
      v.resize(m - 1);
      v.push_back(r.score.scored ? std::optional<double>(r.score.total) : std::nullopt);
    }
  }
  for (const auto& name : order) {
    auto v = by_dept[name];
    v.resize(last_month);
    t.series.emplace_back(name, v);
  }
  return t;
}

}  // namespace gongkai::app
