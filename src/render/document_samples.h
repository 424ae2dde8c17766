#pragma once
// Documents for the writers' tests: the 2021 annual report format's table 三, whose header has
// the deepest spans of the papers Gongkai prints, and a long report.

#include <string>

#include "render/document.h"

namespace gongkai::render::samples {

inline Cell head(std::string text, int colspan = 1, int rowspan = 1) {
  Cell c;
  c.text = std::move(text);
  c.colspan = colspan;
  c.rowspan = rowspan;
  c.header = true;
  c.align = Align::kCenter;
  return c;
}

inline Cell count(double n) {
  Cell c;
  c.text = std::to_string(static_cast<long long>(n));
  c.number = n;
  c.align = Align::kCenter;
  return c;
}

// Table 三 of 国办公开办函〔2021〕30号: three header rows, then rows whose first cells span.
// Columns: 3 label columns, 自然人, 5 kinds of 法人或其他组织, 总计 (10 in all).
inline Table table3_2021() {
  Table t;
  t.caption = "三、收到和处理政府信息公开申请情况";
  t.header_rows = 3;
  t.column_widths = {3, 1.2, 4, 1, 1, 1, 1, 1, 1, 1};
  t.rows.push_back({head("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 3, 3),
                    head("申请人情况", 7)});
  t.rows.push_back({head("自然人", 1, 2), head("法人或其他组织", 5), head("总计", 1, 2)});
  t.rows.push_back({head("商业企业"), head("科研机构"), head("社会公益组织"), head("法律服务机构"),
                    head("其他")});
  auto numbers = [](std::vector<Cell> row, int base) {
    for (int i = 0; i < 7; ++i) row.push_back(count(base + i));
    return row;
  };
  auto label = [](std::string text, int colspan = 1, int rowspan = 1) {
    Cell c;
    c.text = std::move(text);
    c.colspan = colspan;
    c.rowspan = rowspan;
    c.header = true;
    return c;
  };
  t.rows.push_back(numbers({label("一、本年新收政府信息公开申请数量", 3)}, 10));
  t.rows.push_back(numbers({label("二、上年结转政府信息公开申请数量", 3)}, 20));
  // 三、本年度办理结果: (一)(二) one row each, (三) 8 sub-rows, (四) 3, (五) 5, (六) 3, (七) total.
  t.rows.push_back(numbers({label("三、本年度办理结果", 1, 22), label("（一）予以公开", 2)}, 30));
  t.rows.push_back(numbers({label("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", 2)}, 40));
  const char* sub3[] = {"1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”",
                        "4.保护第三方合法权益", "5.属于三类内部事务信息", "6.属于四类过程性信息",
                        "7.属于行政执法案卷", "8.属于行政查询事项"};
  for (int i = 0; i < 8; ++i) {
    std::vector<Cell> row;
    if (i == 0) row.push_back(label("（三）不予公开", 1, 8));
    row.push_back(label(sub3[i]));
    t.rows.push_back(numbers(std::move(row), 50 + i));
  }
  const char* sub4[] = {"1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作",
                        "3.补正后申请内容仍不明确"};
  for (int i = 0; i < 3; ++i) {
    std::vector<Cell> row;
    if (i == 0) row.push_back(label("（四）无法提供", 1, 3));
    row.push_back(label(sub4[i]));
    t.rows.push_back(numbers(std::move(row), 60 + i));
  }
  const char* sub5[] = {"1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物",
                        "4.无正当理由大量反复申请", "5.要求行政机关确认或重新出具已获取信息"};
  for (int i = 0; i < 5; ++i) {
    std::vector<Cell> row;
    if (i == 0) row.push_back(label("（五）不予处理", 1, 5));
    row.push_back(label(sub5[i]));
    t.rows.push_back(numbers(std::move(row), 70 + i));
  }
  const char* sub6[] = {"1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
                        "3.其他"};
  for (int i = 0; i < 3; ++i) {
    std::vector<Cell> row;
    if (i == 0) row.push_back(label("（六）其他处理", 1, 3));
    row.push_back(label(sub6[i]));
    t.rows.push_back(numbers(std::move(row), 80 + i));
  }
  t.rows.push_back(numbers({label("（七）总计", 2)}, 90));
  t.rows.push_back(numbers({label("四、结转下年度继续办理", 3)}, 100));
  return t;
}

// A report-like document: title, parts, indented paragraphs, table 三 and, when rows > 0, a
// long table of `rows` numbered rows with one header row.
inline Document report(int rows = 0) {
  Document d;
  d.title = "慈溪市商务局2021年政府信息公开工作年度报告";
  d.blocks.push_back(Heading{1, d.title});
  d.blocks.push_back(Heading{2, "一、总体情况"});
  Paragraph p;
  p.text = "根据《中华人民共和国政府信息公开条例》要求，特编制本报告。本报告中所列数据的统计期限自"
           "2021年1月1日起至2021年12月31日止。";
  d.blocks.push_back(p);
  d.blocks.push_back(Heading{2, "三、收到和处理政府信息公开申请情况"});
  d.blocks.push_back(table3_2021());
  if (rows > 0) {
    Table t;
    t.caption = "附表：主动公开信息目录";
    t.header_rows = 1;
    t.column_widths = {1, 4, 2};
    t.rows.push_back({head("序号"), head("名称"), head("发布日期")});
    for (int i = 1; i <= rows; ++i) {
      Cell title;
      title.text = "第" + std::to_string(i) + "条 关于开展商贸服务业统计工作的通知";
      Cell date;
      date.text = "2021-03-01";
      t.rows.push_back({count(i), title, date});
    }
    d.blocks.push_back(std::move(t));
  }
  return d;
}

}  // namespace gongkai::render::samples
