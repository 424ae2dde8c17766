#include "app/statistics.h"

#include "app/annual_report.h"
#include "app/csv.h"
#include "app/errors.h"
#include "app/requests.h"
#include "core/calendar.h"
#include "core/deadline.h"
#include "core/outcomes.h"
#include "store/directory_store.h"
#include "store/report_store.h"
#include "store/stats_store.h"

namespace gongkai::app {

namespace {

std::string fmt(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  std::string s = buf;
  if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
  return s;
}

}  // namespace

Statistics compute_statistics(store::Database& db, const Principal& by, int64_t agency_id, int year,
                              std::optional<int64_t> department_id, std::optional<core::Date> today) {
  check_report_reader(by, agency_id);
  if (year < 1990 || year > 2100) throw ValidationError("year", "年份应在1990至2100之间");
  Statistics s;
  s.year = year;
  std::string from = std::to_string(year) + "-01-01", to = std::to_string(year) + "-12-31";
  const auto& cal = core::default_calendar();
  auto c = db.acquire();
  auto agency = store::find_agency(*c, agency_id);
  if (!agency) throw not_found("单位");
  s.agency_name = agency->name;
  if (department_id) {
    auto d = store::find_department(*c, agency_id, *department_id);
    if (!d) throw not_found("科室");
    s.department_name = d->name;
  }
  // Catalog: top classes, then the monthly counts mapped to them.
  auto cats = store::list_categories(*c, agency_id, "class");
  std::map<int64_t, const store::CategoryRow*> by_id;
  for (const auto& k : cats) by_id[k.id] = &k;
  auto top_name = [&](std::optional<int64_t> id) -> std::string {
    for (int guard = 0; id && guard < 16; ++guard) {
      auto it = by_id.find(*id);
      if (it == by_id.end()) break;
      if (!it->second->parent_id) return it->second->name;
      id = it->second->parent_id;
    }
    return "未分类";
  };
  for (const auto& k : cats) {
    if (!k.parent_id && k.active) {
      s.classes.push_back(k.name);
      s.items_by_class[k.name] = std::vector<int64_t>(12, 0);
    }
  }
  for (const auto& r : store::items_by_month_class(*c, agency_id, from, to, department_id)) {
    if (r.month < 1 || r.month > 12) continue;
    std::string name = top_name(r.class_id);
    if (!s.items_by_class.count(name)) {
      s.classes.push_back(name);
      s.items_by_class[name] = std::vector<int64_t>(12, 0);
    }
    s.items_by_class[name][static_cast<size_t>(r.month - 1)] += r.count;
    s.items_by_month[static_cast<size_t>(r.month - 1)] += r.count;
  }
  std::vector<int64_t> publish_days;
  for (const auto& d : store::item_dates(*c, agency_id, from, to, department_id)) {
    auto created = core::Date::parse(d.created), published = core::Date::parse(d.published);
    if (!created || !published) continue;
    int days = std::max(0, core::working_days_between(cal, *created, *published));
    publish_days.push_back(days);
    if (days > 20) ++s.late;
  }
  s.published = static_cast<int64_t>(publish_days.size());
  s.publish_days = core::summarize_durations(std::move(publish_days));
  // Requests.
  for (const auto& ch : request_channels()) s.requests_by_channel[std::string(ch.id)] = std::vector<int64_t>(12, 0);
  for (const auto& r : store::requests_by_month_channel(*c, agency_id, from, to)) {
    if (r.month < 1 || r.month > 12) continue;
    auto& v = s.requests_by_channel[r.channel];
    if (v.empty()) v.assign(12, 0);
    v[static_cast<size_t>(r.month - 1)] += r.count;
    s.requests_by_month[static_cast<size_t>(r.month - 1)] += r.count;
  }
  std::vector<int64_t> response;
  for (const auto& r : store::report_requests(*c, agency_id, from, to)) {
    if (!r.concluded_on || *r.concluded_on > to) continue;
    auto received = core::Date::parse(r.received_on), concluded = core::Date::parse(*r.concluded_on);
    if (received && concluded) response.push_back(std::max(0, core::working_days_between(cal, *received, *concluded)));
    const core::Outcome* o = r.outcome ? core::find_outcome(*r.outcome) : nullptr;
    ++s.outcomes_by_group[o ? std::string(o->group_label) : "（未记录结果）"];
  }
  s.response_days = core::summarize_durations(std::move(response));
  s.overdue_now = store::overdue_requests(*c, agency_id, today.value_or(core::Date::today_cst()).iso());
  return s;
}

namespace {

render::Cell head(const std::string& t) {
  render::Cell c;
  c.text = t;
  c.header = true;
  c.align = render::Align::kCenter;
  return c;
}
render::Cell text(const std::string& t) {
  render::Cell c;
  c.text = t;
  return c;
}
render::Cell num(double v, const std::string& shown) {
  render::Cell c;
  c.text = shown;
  c.align = render::Align::kRight;
  c.number = v;
  return c;
}
render::Cell num(int64_t v) { return num(static_cast<double>(v), std::to_string(v)); }

render::Table monthly(const std::string& caption, const std::vector<std::pair<std::string, std::vector<int64_t>>>& rows,
                      const std::vector<int64_t>& totals) {
  render::Table t;
  t.caption = caption;
  t.header_rows = 1;
  std::vector<render::Cell> h = {head("")};
  for (int m = 1; m <= 12; ++m) h.push_back(head(std::to_string(m) + "月"));
  h.push_back(head("合计"));
  t.rows.push_back(h);
  auto add = [&](const std::string& label, const std::vector<int64_t>& v) {
    std::vector<render::Cell> r = {text(label)};
    int64_t sum = 0;
    for (int64_t x : v) {
      r.push_back(num(x));
      sum += x;
    }
    r.push_back(num(sum));
    t.rows.push_back(r);
  };
  for (const auto& [label, v] : rows) add(label, v);
  add("合计", totals);
  return t;
}

std::vector<render::Table> tables(const Statistics& s) {
  std::vector<render::Table> out;
  std::vector<std::pair<std::string, std::vector<int64_t>>> rows;
  for (const auto& k : s.classes) rows.emplace_back(k, s.items_by_class.at(k));
  out.push_back(monthly("每月发布信息", rows, s.items_by_month));
  render::Table t;
  t.caption = "发布及时性";
  t.header_rows = 1;
  t.rows.push_back({head("发布信息"), head("超过20个工作日"), head("中位数"), head("平均"), head("最短"), head("最长")});
  t.rows.push_back({num(s.published), num(s.late), num(s.publish_days.median, fmt(s.publish_days.median)),
                    num(s.publish_days.average, fmt(s.publish_days.average)), num(s.publish_days.shortest),
                    num(s.publish_days.longest)});
  out.push_back(t);
  rows.clear();
  for (const auto& ch : request_channels()) {
    auto it = s.requests_by_channel.find(std::string(ch.id));
    if (it != s.requests_by_channel.end()) rows.emplace_back(std::string(ch.label), it->second);
  }
  out.push_back(monthly("每月收到申请", rows, s.requests_by_month));
  render::Table r;
  r.caption = "答复用时";
  r.header_rows = 1;
  r.rows.push_back({head("办结申请"), head("中位数"), head("平均"), head("最短"), head("最长"), head("当前逾期")});
  r.rows.push_back({num(s.response_days.count), num(s.response_days.median, fmt(s.response_days.median)),
                    num(s.response_days.average, fmt(s.response_days.average)), num(s.response_days.shortest),
                    num(s.response_days.longest), num(s.overdue_now)});
  out.push_back(r);
  render::Table o;
  o.caption = "办理结果";
  o.header_rows = 1;
  o.rows.push_back({head("办理结果"), head("件数")});
  std::string last;
  for (const auto& oc : core::all_outcomes()) {
    std::string g(oc.group_label);
    if (g == last) continue;
    last = g;
    auto it = s.outcomes_by_group.find(g);
    o.rows.push_back({text(g), num(it == s.outcomes_by_group.end() ? 0 : it->second)});
  }
  if (auto it = s.outcomes_by_group.find("（未记录结果）"); it != s.outcomes_by_group.end()) {
    o.rows.push_back({text("（未记录结果）"), num(it->second)});
  }
  out.push_back(o);
  return out;
}

}  // namespace

std::vector<render::ChartBlock> statistics_charts(const Statistics& s) {
  std::vector<std::string> months;
  for (int m = 1; m <= 12; ++m) months.push_back(std::to_string(m) + "月");
  render::ChartBlock items{render::ChartKind::kBar, {}};
  items.chart.title = std::to_string(s.year) + "年每月发布信息（按分类）";
  items.chart.labels = months;
  items.chart.unit = "条";
  for (const auto& k : s.classes) {
    render::ChartSeries series{k, {}};
    for (int64_t v : s.items_by_class.at(k)) series.values.push_back(static_cast<double>(v));
    items.chart.series.push_back(series);
  }
  render::ChartBlock requests{render::ChartKind::kLine, {}};
  requests.chart.title = std::to_string(s.year) + "年每月收到申请（按渠道）";
  requests.chart.labels = months;
  requests.chart.unit = "件";
  for (const auto& ch : request_channels()) {
    auto it = s.requests_by_channel.find(std::string(ch.id));
    if (it == s.requests_by_channel.end()) continue;
    render::ChartSeries series{std::string(ch.label), {}};
    for (int64_t v : it->second) series.values.push_back(static_cast<double>(v));
    requests.chart.series.push_back(series);
  }
  return {items, requests};
}

render::Document statistics_document(const Statistics& s) {
  render::Document doc;
  doc.landscape = true;
  doc.title = s.agency_name + (s.department_name.empty() ? "" : s.department_name) + std::to_string(s.year) +
              "年政府信息公开统计";
  doc.blocks.push_back(render::Heading{1, doc.title});
  doc.blocks.push_back(render::Paragraph{"统计期限自" + std::to_string(s.year) + "年1月1日起至" + std::to_string(s.year) +
                                         "年12月31日止；用时按工作日计，收到或生成当日不计入。"});
  auto charts = statistics_charts(s);
  auto all = tables(s);
  for (size_t i = 0; i < all.size(); ++i) {
    doc.blocks.push_back(render::Heading{2, all[i].caption});
    if (i == 0) doc.blocks.push_back(charts[0]);
    if (i == 2) doc.blocks.push_back(charts[1]);
    doc.blocks.push_back(std::move(all[i]));
  }
  return doc;
}

std::optional<std::string> statistics_csv(const Statistics& s, size_t index) {
  auto all = tables(s);
  if (index >= all.size()) return std::nullopt;
  std::string out = "\xEF\xBB\xBF";
  for (const auto& row : all[index].rows) {
    std::vector<std::string> fields;
    for (const auto& c : row) fields.push_back(c.text);
    append_csv_record(out, fields);
  }
  return out;
}

}  // namespace gongkai::app
