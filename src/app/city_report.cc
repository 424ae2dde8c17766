#include "app/city_report.h"

#include "app/errors.h"
#include "app/report_document.h"
#include "store/directory_store.h"
#include "store/report_store.h"

namespace gongkai::app {

void check_city_reader(const Principal& by) {
  if (by.is_system() || by.has(core::Role::kInfoCenter)) return;
  throw forbidden("只有信息中心可以查看全市汇总");
}

ReportData compute_city_report(store::Database& db, const Principal& by, int year, const std::string& platform_name) {
  check_city_reader(by);
  std::vector<store::AgencyRow> agencies;
  {
    auto c = db.acquire();
    agencies = store::list_agencies(*c);
  }
  ReportData sum;
  sum.agency_name = platform_name;
  sum.agency_slug = "city";
  sum.year = year;
  auto sys = Principal::system("city-report");
  for (const auto& a : agencies) {
    ReportData d = compute_report(db, sys, a.id, year);
    sum.proactive.cumulative += d.proactive.cumulative;
    sum.proactive.in_year += d.proactive.in_year;
    sum.proactive.electronic += d.proactive.electronic;
    for (const auto& k : d.proactive.classes) {
      ClassFigures* into = nullptr;
      for (auto& s : sum.proactive.classes) {
        if (s.name == k.name) into = &s;
      }
      if (!into) {
        sum.proactive.classes.push_back(ClassFigures{k.name, k.subclasses, 0, 0});
        into = &sum.proactive.classes.back();
      }
      into->cumulative += k.cumulative;
      into->in_year += k.in_year;
    }
    for (auto [from, to] : {std::pair{&d.rules, &sum.rules}, {&d.normative, &sum.normative}}) {
      to->issued += from->issued;
      to->repealed += from->repealed;
      to->in_force += from->in_force;
    }
    sum.typed.permits += d.typed.permits;
    sum.typed.penalties += d.typed.penalties;
    sum.typed.enforcement += d.typed.enforcement;
    sum.typed.charges_yuan += d.typed.charges_yuan;
    sum.fees.collected_yuan += d.fees.collected_yuan;
    sum.fees.collected_requests += d.fees.collected_requests;
    sum.fees.waived_yuan += d.fees.waived_yuan;
    sum.fees.waived_requests += d.fees.waived_requests;
    sum.received += d.received;
    sum.concluded += d.concluded;
    for (const auto& [k, v] : d.received_by_channel) sum.received_by_channel[k] += v;
    for (const auto& [k, v] : d.concluded_by_outcome) sum.concluded_by_outcome[k] += v;
    for (const auto& row : core::table3_rows()) {
      if (row == "total") continue;
      for (size_t i = 0; i + 1 < core::kTable3Columns.size(); ++i) {
        sum.table3.set(row, core::kTable3Columns[i],
                       sum.table3.row(row)[i] + d.table3.row(row)[i]);
      }
    }
    for (size_t k = 0; k < sum.table4.size(); ++k) {
      sum.table4[k].upheld += d.table4[k].upheld;
      sum.table4[k].corrected += d.table4[k].corrected;
      sum.table4[k].other += d.table4[k].other;
      sum.table4[k].pending += d.table4[k].pending;
    }
    for (auto p : d.problems) {
      p.reason = a.slug + "：" + p.reason;
      sum.problems.push_back(p);
    }
  }
  sum.table3.sum_outcomes();
  return sum;
}

std::vector<LateAgency> agencies_without_report(store::Database& db, const Principal& by, int year) {
  check_city_reader(by);
  if (year < 1990 || year > 2100) throw ValidationError("year", "年份应在1990至2100之间");
  auto c = db.acquire();
  // Publication times are UTC; the deadline is the end of 31 March in China (UTC+8).
  std::string deadline = std::to_string(year + 1) + "-03-31T16:00:00Z";
  std::vector<LateAgency> out;
  for (const auto& a : store::list_agencies(*c)) {
    auto first = store::first_report_publication(*c, a.id, year);
    if (first && *first < deadline) continue;
    out.push_back({a.slug, a.name, first});
  }
  return out;
}

render::Document city_document(const ReportData& sum, const std::vector<LateAgency>& late) {
  render::Document doc;
  const std::string y = std::to_string(sum.year);
  doc.title = sum.agency_name + y + "年政府信息公开工作年度报告汇总";
  doc.blocks.push_back(render::Heading{1, doc.title});
  doc.blocks.push_back(render::Paragraph{"本汇总由平台上全部机关" + y + "年度的数据相加得出，计数规则与各机关年度报告相同。"});
  const char* parts[] = {"二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                         "四、政府信息公开行政复议、行政诉讼情况"};
  auto tables = report_tables(sum);
  for (size_t i = 0; i < tables.size(); ++i) {
    doc.blocks.push_back(render::Heading{2, parts[i]});
    doc.blocks.push_back(tables[i]);
  }
  doc.blocks.push_back(render::Heading{2, "截至" + std::to_string(sum.year + 1) + "年3月31日未发布年度报告的机关"});
  if (late.empty()) {
    doc.blocks.push_back(render::Paragraph{"无。全部机关均已按时发布。"});
  } else {
    render::Table t;
    t.caption = "未按时发布";
    t.header_rows = 1;
    auto head = [](const std::string& s) {
      render::Cell c;
      c.text = s;
      c.header = true;
      return c;
    };
    t.rows.push_back({head("机关"), head("代码"), head("发布情况")});
    for (const auto& a : late) {
      render::Cell name, slug, state;
      name.text = a.name;
      slug.text = a.slug;
      state.text = a.published_at ? "逾期发布（" + a.published_at->substr(0, 10) + "）" : "尚未发布";
      t.rows.push_back({name, slug, state});
    }
    doc.blocks.push_back(t);
  }
  return doc;
}

}  // namespace gongkai::app
