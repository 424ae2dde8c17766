#include "app/report_document.h"

#include <optional>
#include <sstream>

#include "app/requests.h"
#include "core/date.h"
#include "core/outcomes.h"
#include "core/report_share.h"
#include "render/embedded_files.h"
#include "render/html_sanitizer.h"

namespace gongkai::app {

using render::Align;
using render::Cell;
using render::Heading;
using render::Paragraph;
using render::Table;

const std::vector<ReportPartSpec>& report_parts(ReportLayout layout) {
  static const std::vector<ReportPartSpec> k2008 = {
      {"intro", "报告说明（开头一段）", true},
      {"overview", "一、概述", true},
      {"forms", "二、主动公开政府信息情况 （二）公开形式", false},
      {"requests", "三、依申请公开政府信息办理情况（补充说明）", false},
      {"problems", "六、存在的主要问题及改进情况", true},
  };
  static const std::vector<ReportPartSpec> k2021 = {
      {"intro", "报告说明（开头一段）", true},
      {"overview", "一、总体情况", true},
      {"proactive", "二、主动公开政府信息情况（表前说明）", false},
      {"requests", "三、收到和处理政府信息公开申请情况（表前说明）", false},
      {"appeals", "四、政府信息公开行政复议、行政诉讼情况（表前说明）", false},
      {"problems", "五、存在的主要问题及改进情况", true},
      {"other", "六、其他需要报告的事项", false},
  };
  return layout == ReportLayout::k2008 ? k2008 : k2021;
}

namespace {

std::string n(int64_t v) { return std::to_string(v); }

std::string join(const std::vector<std::string>& parts, const std::string& sep) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) out += (i ? sep : "") + parts[i];
  return out;
}

std::string concat(const std::vector<std::string>& sentences) { return join(sentences, ""); }

std::string escape(const std::string& s) {
  std::string out;
  for (char ch : s) {
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += ch;
    }
  }
  return out;
}

std::string as_html(const std::vector<std::string>& paragraphs) {
  std::string out;
  for (const auto& p : paragraphs) {
    if (!p.empty()) out += "<p>" + escape(p) + "</p>\n";
  }
  return out;
}

// The agency's name without a bracketed second name, as it signs: 慈溪市商务局.
std::string short_name(const std::string& name) {
  std::string out = name;
  for (std::string_view open : {"（", "("}) {
    auto p = out.find(open);
    if (p != std::string::npos && p > 0) out.resize(p);
  }
  return out;
}

std::string contact_sentence(const ReportData& d) {
  std::vector<std::string> items;
  if (!d.address.empty()) items.push_back("地址：" + d.address);
  if (!d.phone.empty()) items.push_back("电话：" + d.phone);
  if (!d.fax.empty()) items.push_back("传真：" + d.fax);
  if (!d.email.empty()) items.push_back("电子邮箱：" + d.email);
  std::string s = "如对本报告有任何疑问，请与" + short_name(d.agency_name) + "办公室联系";
  if (!items.empty()) s += "（" + join(items, "；") + "）";
  return s + "。";
}

int64_t appeal_total(const ReportData& d, size_t k) { return d.table4[k].total(); }

std::string group_name(std::string_view group_label) {
  // "（三）不予公开" → "不予公开"
  std::string s(group_label);
  auto p = s.find("）");
  return p == std::string::npos ? s : s.substr(p + std::string("）").size());
}

// Paragraphs of a narrative part (sanitised HTML): one per block of text.
std::vector<std::string> paragraphs_of(const std::string& html) {
  std::vector<std::string> out;
  std::istringstream in(render::html_to_text(html));
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty()) out.push_back(line);
  }
  return out;
}

}  // namespace

std::string wan_yuan(int64_t yuan) {
  std::string sign = yuan < 0 ? "-" : "";
  int64_t v = yuan < 0 ? -yuan : yuan;
  std::string out = sign + std::to_string(v / 10000);
  int64_t frac = v % 10000;
  if (frac) {
    std::string f = std::to_string(frac);
    f = std::string(4 - f.size(), '0') + f;
    while (!f.empty() && f.back() == '0') f.pop_back();
    out += "." + f;
  }
  return out;
}

std::vector<std::string> proactive_sentences(const ReportData& d) {
  const std::string we = self_reference(d.agency_name), y = n(d.year);
  const auto& p = d.proactive;
  std::vector<std::string> s;
  if (p.cumulative == 0) {
    s.push_back("截至" + y + "年12月31日，" + we + "尚未主动公开政府信息。");
    return s;
  }
  if (p.in_year > 0) {
    s.push_back("截至" + y + "年12月31日，" + we + "累计主动公开政府信息" + n(p.cumulative) + "条，其中" + y +
                "年新增主动公开政府信息" + n(p.in_year) + "条。");
  } else {
    s.push_back("截至" + y + "年12月31日，" + we + "累计主动公开政府信息" + n(p.cumulative) + "条，" + y +
                "年未新增主动公开政府信息。");
  }
  s.push_back("电子化率达" + core::format_share(p.electronic, p.cumulative) + "%。");
  std::vector<std::string> cum, year;
  for (const auto& k : p.classes) {
    if (k.cumulative > 0) {
      std::string incl = k.subclasses.empty() ? "" : "（含" + join(k.subclasses, "、") + "等）";
      cum.push_back(k.name + "信息" + incl + n(k.cumulative) + "条，占" + core::format_share(k.cumulative, p.cumulative) +
                    "%");
    }
    if (k.in_year > 0) {
      year.push_back(k.name + "信息" + n(k.in_year) + "条，占" + core::format_share(k.in_year, p.in_year) + "%");
    }
  }
  if (!cum.empty()) s.push_back("在主动公开的信息中，" + join(cum, "；") + "。");
  if (!year.empty()) s.push_back("其中" + y + "年度主动公开的信息中，" + join(year, "；") + "。");
  return s;
}

std::vector<std::string> request_sentences(const ReportData& d) {
  const std::string we = self_reference(d.agency_name), y = n(d.year);
  int64_t carried_in = d.table3.row("carried_in")[6], carried_out = d.table3.row("carried_out")[6];
  std::vector<std::string> s;
  if (d.received == 0 && carried_in == 0) {
    s.push_back(y + "年度" + we + "未收到任何形式的申请公开信息要求。");
    return s;
  }
  if (d.received > 0) {
    std::vector<std::string> channels;
    for (const auto& ch : request_channels()) {
      auto it = d.received_by_channel.find(std::string(ch.id));
      if (it != d.received_by_channel.end() && it->second > 0) channels.push_back(std::string(ch.label) + n(it->second) + "件");
    }
    s.push_back(y + "年度" + we + "共收到政府信息公开申请" + n(d.received) + "件" +
                (channels.empty() ? "" : "，其中" + join(channels, "、")) + "。");
  } else {
    s.push_back(y + "年度" + we + "未收到新的政府信息公开申请。");
  }
  if (carried_in > 0) s.push_back("上年结转申请" + n(carried_in) + "件。");
  if (d.concluded > 0) {
    std::vector<std::string> groups;
    std::string current;
    int64_t count = 0;
    auto flush = [&] {
      if (count > 0) groups.push_back(group_name(current) + n(count) + "件");
      count = 0;
    };
    for (const auto& o : core::all_outcomes()) {
      if (o.group_label != current) {
        flush();
        current = std::string(o.group_label);
      }
      auto it = d.concluded_by_outcome.find(std::string(o.code));
      if (it != d.concluded_by_outcome.end()) count += it->second;
    }
    flush();
    s.push_back("本年度办结" + n(d.concluded) + "件，其中" + join(groups, "、") + "。");
  } else {
    s.push_back("本年度没有办结的申请。");
  }
  if (carried_out > 0) s.push_back("结转下年度继续办理" + n(carried_out) + "件。");
  return s;
}

std::vector<std::string> fee_sentences(const ReportData& d) {
  const std::string we = self_reference(d.agency_name), y = n(d.year);
  const auto& f = d.fees;
  std::vector<std::string> s;
  if (f.collected_yuan == 0) {
    s.push_back(y + "年度" + we + "未收取与政府信息公开有关的费用。");
  } else {
    s.push_back(y + "年度" + we + "收取与政府信息公开有关的费用共计" + n(f.collected_yuan) + "元（涉及申请" +
                n(f.collected_requests) + "件）。");
  }
  if (f.waived_yuan > 0) {
    s.push_back("减免费用共计" + n(f.waived_yuan) + "元（涉及申请" + n(f.waived_requests) + "件）。");
  }
  return s;
}

std::vector<std::string> appeal_sentences(const ReportData& d) {
  const std::string we = self_reference(d.agency_name), y = n(d.year);
  int64_t rc = appeal_total(d, 0), direct = appeal_total(d, 1), after = appeal_total(d, 2);
  std::vector<std::string> s;
  if (rc + direct + after == 0) {
    s.push_back(y + "年度" + we + "未接到有关政府信息公开方面的复议、诉讼和申诉。");
    return s;
  }
  std::vector<std::string> kinds;
  if (rc > 0) kinds.push_back("被申请行政复议" + n(rc) + "件");
  if (direct + after > 0) {
    std::vector<std::string> sub;
    if (direct > 0) sub.push_back("未经复议直接起诉" + n(direct) + "件");
    if (after > 0) sub.push_back("复议后起诉" + n(after) + "件");
    kinds.push_back("被提起行政诉讼" + n(direct + after) + "件（其中" + join(sub, "、") + "）");
  }
  s.push_back(y + "年度" + we + "因政府信息公开" + join(kinds, "、") + "。");
  core::AppealCounts sum;
  for (const auto& a : d.table4) {
    sum.upheld += a.upheld;
    sum.corrected += a.corrected;
    sum.other += a.other;
    sum.pending += a.pending;
  }
  std::vector<std::string> results;
  if (sum.upheld) results.push_back("结果维持" + n(sum.upheld) + "件");
  if (sum.corrected) results.push_back("结果纠正" + n(sum.corrected) + "件");
  if (sum.other) results.push_back("其他结果" + n(sum.other) + "件");
  if (sum.pending) results.push_back("尚未审结" + n(sum.pending) + "件");
  s.push_back("其中" + join(results, "、") + "。");
  return s;
}

std::string channel_sentence(const ReportData& d) {
  std::vector<std::string> used;
  for (const auto& [name, count] : d.channels) {
    if (count > 0) used.push_back(name + n(count) + "条");
  }
  if (used.empty()) return "";
  return "此外，" + n(d.year) + "年" + self_reference(d.agency_name) + "还通过" + join(used, "、") + "等渠道公开政府信息。";
}

ReportParts default_parts(const ReportData& d, ReportLayout layout) {
  const std::string we = self_reference(d.agency_name), y = n(d.year);
  int64_t rc = appeal_total(d, 0), lit = appeal_total(d, 1) + appeal_total(d, 2);
  ReportParts p;
  for (const auto& spec : report_parts(layout)) p[spec.key] = "";
  if (layout == ReportLayout::k2008) {
    p["intro"] = as_html(
        {"根据《中华人民共和国政府信息公开条例》（以下简称《条例》）以及相关文件要求，特编制" + d.agency_name + y +
         "年政府信息公开报告，并向社会公布。本报告由概述、主动公开政府信息情况、依申请公开政府信息办理情况、政府信息公开的收费和减免情况、因政府信息公开申请行政复议、提起行政诉讼情况、政府信息公开工作存在的主要问题及改进情况共六个部分组成。本报告中所列数据的统计期限自" +
         y + "年1月1日起至" + y + "年12月31日止。" + contact_sentence(d)});
    std::string overview = "按照《条例》要求，" + y + "年" + we + "继续推进政府信息公开工作，全年新增主动公开政府信息" +
                           n(d.proactive.in_year) + "条。";
    overview += d.received == 0 ? "全年" + we + "未受理依申请公开要求"
                                : "全年" + we + "受理政府信息公开申请" + n(d.received) + "件";
    overview += rc + lit == 0 ? "，未被提起行政复议或行政诉讼。"
                              : "，因政府信息公开被申请行政复议" + n(rc) + "件、被提起行政诉讼" + n(lit) + "件。";
    std::vector<std::string> overview_paras{overview};
    if (!d.work_sentences.empty()) overview_paras.push_back(concat(d.work_sentences));
    p["overview"] = as_html(overview_paras);
    std::vector<std::string> forms{"主动公开信息工作中，为方便公众了解信息，" + we + "主要在门户网站上发布政府信息。"};
    if (auto ch = channel_sentence(d); !ch.empty()) forms.push_back(ch);
    p["forms"] = as_html(forms);
  } else {
    p["intro"] = as_html(
        {"本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《中华人民共和国政府信息公开工作年度报告格式"
         "》（国办公开办函〔2021〕30号）要求编制。本报告所列数据的统计期限自" +
         y + "年1月1日起至" + y + "年12月31日止。" + contact_sentence(d)});
    int64_t carried_out = d.table3.row("carried_out")[6];
    std::string overview = y + "年，" + we + "认真贯彻落实《条例》，全年新增主动公开政府信息" + n(d.proactive.in_year) +
                           "条，截至年底累计主动公开" + n(d.proactive.cumulative) + "条；";
    overview += d.received == 0 ? "全年未收到政府信息公开申请"
                                : "收到政府信息公开申请" + n(d.received) + "件，办结" + n(d.concluded) + "件";
    if (carried_out > 0) overview += "，结转下年度继续办理" + n(carried_out) + "件";
    overview += rc + lit == 0 ? "；未发生政府信息公开行政复议、行政诉讼案件。"
                              : "；发生政府信息公开行政复议" + n(rc) + "件、行政诉讼" + n(lit) + "件。";
    std::vector<std::string> overview_paras{overview};
    if (!d.work_sentences.empty()) overview_paras.push_back(concat(d.work_sentences));
    p["overview"] = as_html(overview_paras);
    if (auto ch = channel_sentence(d); !ch.empty()) p["proactive"] = as_html({ch});
  }
  return p;
}

namespace {

Cell head(const std::string& text, int colspan = 1, int rowspan = 1) {
  Cell c;
  c.text = text;
  c.colspan = colspan;
  c.rowspan = rowspan;
  c.header = true;
  c.align = Align::kCenter;
  return c;
}

Cell label(const std::string& text, int colspan = 1, int rowspan = 1) {
  Cell c;
  c.text = text;
  c.colspan = colspan;
  c.rowspan = rowspan;
  c.align = Align::kLeft;
  return c;
}

Cell num(int64_t v, int colspan = 1) {
  Cell c;
  c.text = std::to_string(v);
  c.colspan = colspan;
  c.align = Align::kCenter;
  c.number = static_cast<double>(v);
  return c;
}

Table table2(const ReportData& d) {
  Table t;
  t.caption = "表二";
  t.header_rows = 0;
  t.column_widths = {3, 2, 2, 2};
  auto section = [&](const std::string& text) { t.rows.push_back({head(text, 4)}); };
  section("第二十条第（一）项");
  t.rows.push_back({head("信息内容"), head("本年制发件数"), head("本年废止件数"), head("现行有效件数")});
  t.rows.push_back({label("规章"), num(d.rules.issued), num(d.rules.repealed), num(d.rules.in_force)});
  t.rows.push_back(
      {label("行政规范性文件"), num(d.normative.issued), num(d.normative.repealed), num(d.normative.in_force)});
  section("第二十条第（五）项");
  t.rows.push_back({head("信息内容"), head("本年处理决定数量", 3)});
  t.rows.push_back({label("行政许可"), num(d.typed.permits, 3)});
  section("第二十条第（六）项");
  t.rows.push_back({head("信息内容"), head("本年处理决定数量", 3)});
  t.rows.push_back({label("行政处罚"), num(d.typed.penalties, 3)});
  t.rows.push_back({label("行政强制"), num(d.typed.enforcement, 3)});
  section("第二十条第（八）项");
  t.rows.push_back({head("信息内容"), head("本年收费金额（单位：万元）", 3)});
  Cell amount;
  amount.text = wan_yuan(d.typed.charges_yuan);
  amount.colspan = 3;
  amount.align = Align::kCenter;
  amount.number = static_cast<double>(d.typed.charges_yuan) / 10000.0;
  t.rows.push_back({label("行政事业性收费"), amount});
  return t;
}

std::vector<Cell> counts(const core::Table3Row& r) {
  std::vector<Cell> out;
  for (int64_t v : r) out.push_back(num(v));
  return out;
}

Table table3(const ReportData& d) {
  Table t;
  t.caption = "表三";
  t.header_rows = 3;
  t.column_widths = {1.2, 1.6, 4.2, 1, 1, 1, 1, 1, 1, 1};
  t.rows.push_back({head("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 3, 3),
                    head("申请人情况", 7)});
  t.rows.push_back({head("自然人", 1, 2), head("法人或其他组织", 5), head("总计", 1, 2)});
  t.rows.push_back({head("商业企业"), head("科研机构"), head("社会公益组织"), head("法律服务机构"), head("其他")});
  auto row = [&](std::vector<Cell> lead, const std::string& key) {
    auto c = counts(d.table3.row(key));
    lead.insert(lead.end(), c.begin(), c.end());
    t.rows.push_back(std::move(lead));
  };
  row({label("一、本年新收政府信息公开申请数量", 3)}, "new");
  row({label("二、上年结转政府信息公开申请数量", 3)}, "carried_in");
  const auto& outcomes = core::all_outcomes();
  int result_rows = static_cast<int>(outcomes.size()) + 1;  // the outcome rows and （七）总计
  bool first = true;
  std::string group;
  for (size_t i = 0; i < outcomes.size(); ++i) {
    const auto& o = outcomes[i];
    std::vector<Cell> lead;
    if (first) {
      lead.push_back(label("三、本年度办理结果", 1, result_rows));
      first = false;
    }
    if (o.item == 0) {
      std::string text = o.code == "partial" ? "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"
                                             : std::string(o.group_label);
      lead.push_back(label(text, 2));
    } else {
      if (o.group_label != group) {
        int span = 0;
        for (size_t j = i; j < outcomes.size() && outcomes[j].group_label == o.group_label; ++j) ++span;
        lead.push_back(label(std::string(o.group_label), 1, span));
      }
      lead.push_back(label(std::to_string(o.item) + "." + std::string(o.label)));
    }
    group = std::string(o.group_label);
    row(std::move(lead), std::string(o.code));
  }
  row({label("（七）总计", 2)}, "total");
  row({label("四、结转下年度继续办理", 3)}, "carried_out");
  return t;
}

Table table4(const ReportData& d) {
  Table t;
  t.caption = "表四";
  t.header_rows = 3;
  t.rows.push_back({head("行政复议", 5), head("行政诉讼", 10)});
  std::vector<Cell> second;
  for (const char* h : {"结果维持", "结果纠正", "其他结果", "尚未审结", "总计"}) second.push_back(head(h, 1, 2));
  second.push_back(head("未经复议直接起诉", 5));
  second.push_back(head("复议后起诉", 5));
  t.rows.push_back(second);
  std::vector<Cell> third;
  for (int k = 0; k < 2; ++k) {
    for (const char* h : {"结果维持", "结果纠正", "其他结果", "尚未审结", "总计"}) third.push_back(head(h));
  }
  t.rows.push_back(third);
  std::vector<Cell> values;
  for (const auto& a : d.table4) {
    for (int64_t v : {a.upheld, a.corrected, a.other, a.pending, a.total()}) values.push_back(num(v));
  }
  t.rows.push_back(values);
  return t;
}

// The classes of 二（一） as bars, cumulative beside the year's, when anything was disclosed:
// the sentence's figures drawn, so a reader sees the shares at a glance.
std::optional<render::ChartBlock> class_chart(const ReportData& d) {
  const auto& p = d.proactive;
  if (p.cumulative == 0 || p.classes.empty()) return std::nullopt;
  const std::string y = n(d.year);
  render::ChartBlock c{render::ChartKind::kBar, {}};
  c.chart.title = y + "年主动公开政府信息分类情况";
  c.chart.unit = "条";
  render::ChartSeries cumulative{"截至" + y + "年底累计", {}}, in_year{y + "年新增", {}};
  for (const auto& k : p.classes) {
    c.chart.labels.push_back(k.name);
    cumulative.values.push_back(static_cast<double>(k.cumulative));
    in_year.values.push_back(static_cast<double>(k.in_year));
  }
  c.chart.series = {cumulative, in_year};
  return c;
}

}  // namespace

render::Document report_document(const ReportData& d, ReportLayout layout, const ReportParts& given,
                                 const std::string& signed_on) {
  ReportParts defaults = default_parts(d, layout);
  auto part = [&](const std::string& key) {
    auto it = given.find(key);
    return paragraphs_of(it != given.end() ? it->second : defaults[key]);
  };
  render::Document doc;
  doc.page = render::PageSize::kA4;
  const std::string y = std::to_string(d.year);
  auto h = [&](int level, const std::string& text) { doc.blocks.push_back(Heading{level, text}); };
  auto para = [&](const std::string& text) {
    if (!text.empty()) doc.blocks.push_back(Paragraph{text});
  };
  auto paras = [&](const std::vector<std::string>& ps) {
    for (const auto& p : ps) para(p);
  };
  if (layout == ReportLayout::k2008) {
    doc.title = d.agency_name + y + "年度政府信息公开年度报告";
    h(1, d.agency_name + y + "年度");
    h(1, "政府信息公开年度报告");
    paras(part("intro"));
    h(2, "一、概述");
    paras(part("overview"));
    h(2, "二、主动公开政府信息情况");
    h(3, "（一）主动公开政府信息基本情况");
    para(concat(proactive_sentences(d)));
    if (auto chart = class_chart(d)) doc.blocks.push_back(*chart);
    h(3, "（二）公开形式");
    paras(part("forms"));
    h(2, "三、依申请公开政府信息办理情况");
    para(concat(request_sentences(d)));
    paras(part("requests"));
    h(2, "四、政府信息公开的收费和减免情况");
    para(concat(fee_sentences(d)));
    h(2, "五、因政府信息公开申请行政复议、提起行政诉讼情况");
    para(concat(appeal_sentences(d)));
    h(2, "六、存在的主要问题及改进情况");
    paras(part("problems"));
  } else {
    doc.title = d.agency_name + y + "年政府信息公开工作年度报告";
    h(1, d.agency_name + y + "年政府信息公开工作年度报告");
    paras(part("intro"));
    h(2, "一、总体情况");
    paras(part("overview"));
    h(2, "二、主动公开政府信息情况");
    paras(part("proactive"));
    doc.blocks.push_back(table2(d));
    h(2, "三、收到和处理政府信息公开申请情况");
    paras(part("requests"));
    doc.blocks.push_back(table3(d));
    h(2, "四、政府信息公开行政复议、行政诉讼情况");
    paras(part("appeals"));
    doc.blocks.push_back(table4(d));
    h(2, "五、存在的主要问题及改进情况");
    paras(part("problems"));
    h(2, "六、其他需要报告的事项");
    {
      const std::string we = self_reference(d.agency_name);
      if (d.fees.collected_yuan == 0) {
        para(y + "年度" + we + "未收取政府信息公开信息处理费。");
      } else {
        para(y + "年度" + we + "依据《政府信息公开信息处理费管理办法》收取信息处理费" + std::to_string(d.fees.collected_yuan) +
             "元（涉及申请" + std::to_string(d.fees.collected_requests) + "件）。");
      }
    }
    paras(part("other"));
  }
  auto sign = [&](const std::string& text) {
    Paragraph p{text};
    p.align = Align::kRight;
    p.first_line_indent = false;
    doc.blocks.push_back(p);
  };
  sign(short_name(d.agency_name));
  if (auto date = core::Date::parse(signed_on)) {
    sign(std::to_string(date->year()) + "年" + std::to_string(date->month()) + "月" + std::to_string(date->day()) + "日");
  }
  return doc;
}

std::vector<render::Table> report_tables(const ReportData& d) { return {table2(d), table3(d), table4(d)}; }

std::string document_text(const render::Document& doc) {
  std::string out;
  for (const auto& b : doc.blocks) {
    if (auto* h = std::get_if<Heading>(&b)) out += h->text + "\n";
    else if (auto* p = std::get_if<Paragraph>(&b)) out += p->text + "\n";
    else if (auto* t = std::get_if<Table>(&b)) {
      if (!t->caption.empty()) out += t->caption + "\n";
      for (const auto& row : t->rows) {
        std::vector<std::string> cells;
        for (const auto& c : row) cells.push_back(c.text);
        out += join(cells, "\t") + "\n";
      }
    } else if (auto* c = std::get_if<render::ChartBlock>(&b)) {
      out += c->chart.title + "\n";
    }
  }
  return out;
}



std::string report_html_file(const render::Document& doc) {
  std::string css, print;
  for (const auto& f : render::embedded_files()) {
    if (f.path == "static/gongkai.css") css = std::string(f.data);
    if (f.path == "static/print.css") print = std::string(f.data);
  }
  std::string out = "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>";
  for (char ch : doc.title) {
    if (ch == '<') out += "&lt;";
    else if (ch == '&') out += "&amp;";
    else out += ch;
  }
  out += "</title>\n<style>\n" + css + "\n@page { size: A4; margin: 25mm 20mm; }\n@media print {\n" + print +
         "\n}\nbody { max-width: 60em; margin: 2em auto; padding: 0 1em; }\n</style>\n</head>\n<body>\n<main>\n";
  out += render::to_html(doc);
  out += "</main>\n</body>\n</html>\n";
  return out;
}

}  // namespace gongkai::app
