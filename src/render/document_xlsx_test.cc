#include <Poco/AutoPtr.h>
#include <Poco/DOM/DOMParser.h>
#include <Poco/DOM/Document.h>
#include <Poco/DOM/Element.h>
#include <Poco/DOM/NodeList.h>
#include <gtest/gtest.h>

#include <chrono>
#include <map>

#include "render/document.h"
#include "render/document_samples.h"
#include "render/zip_test_util.h"

namespace gongkai::render {
namespace {

using Poco::AutoPtr;
using Poco::XML::Element;
using namespace std::string_literals;

constexpr const char* kS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

AutoPtr<Poco::XML::Document> parse(const std::string& xml) {
  Poco::XML::DOMParser parser;
  return parser.parseString(xml);
}

// Elements named `local` in document order (a plain walk: NodeList::item is linear in Poco).
void collect(Poco::XML::Node* n, const char* local, std::vector<Element*>& out) {
  for (Poco::XML::Node* c = n->firstChild(); c; c = c->nextSibling()) {
    if (c->nodeType() != Poco::XML::Node::ELEMENT_NODE) continue;
    if (c->localName() == local && c->namespaceURI() == kS) out.push_back(static_cast<Element*>(c));
    collect(c, local, out);
  }
}

std::vector<Element*> all(Poco::XML::Document* doc, const char* local) {
  std::vector<Element*> out;
  collect(doc, local, out);
  return out;
}

// A workbook read back: sheet names in order, shared strings, and each sheet's cells by
// reference ("D5") as their shown text, plus its merged ranges.
struct Workbook {
  std::map<std::string, std::string> parts;
  std::vector<std::string> sheets;
  std::vector<std::string> strings;
  explicit Workbook(const std::string& bytes) : parts(testing::unzip(bytes)) {
    auto book = parse(parts.at("xl/workbook.xml"));
    for (Element* s : all(book, "sheet")) sheets.push_back(s->getAttribute("name"));
    if (parts.contains("xl/sharedStrings.xml")) {
      auto sst = parse(parts.at("xl/sharedStrings.xml"));
      for (Element* si : all(sst, "si")) strings.push_back(si->innerText());
    }
  }
  AutoPtr<Poco::XML::Document> sheet(size_t index) const {
    return parse(parts.at("xl/worksheets/sheet" + std::to_string(index + 1) + ".xml"));
  }
  // "s:text" for a shared string, "n:value" for a number, "" for a blank.
  std::map<std::string, std::string> cells(size_t index) const {
    std::map<std::string, std::string> out;
    auto doc = sheet(index);
    for (Element* c : all(doc, "c")) {
      Element* v = c->getChildElementNS(kS, "v");
      std::string t = c->getAttribute("t");
      if (!v) {
        out[c->getAttribute("r")] = "";
      } else if (t == "s") {
        out[c->getAttribute("r")] = "s:" + strings.at(std::stoul(v->innerText()));
      } else {
        out[c->getAttribute("r")] = "n:" + v->innerText();
      }
    }
    return out;
  }
  std::vector<std::string> merges(size_t index) const {
    std::vector<std::string> out;
    auto doc = sheet(index);
    for (Element* m : all(doc, "mergeCell")) out.push_back(m->getAttribute("ref"));
    return out;
  }
};

bool has(const std::vector<std::string>& v, const std::string& x) { return std::find(v.begin(), v.end(), x) != v.end(); }

TEST(DocumentXlsx, BodySheetThenOneSheetPerTable) {
  Workbook w(to_xlsx(samples::report()));
  ASSERT_EQ(w.sheets.size(), 2u);
  EXPECT_EQ(w.sheets[0], "正文");
  EXPECT_EQ(w.sheets[1], "三、收到和处理政府信息公开申请情况");
  auto body = w.cells(0);
  EXPECT_EQ(body["A1"], "s:慈溪市商务局2021年政府信息公开工作年度报告");
  EXPECT_EQ(body["A2"], "s:一、总体情况");
  EXPECT_EQ(body["A3"].substr(0, 8), "s:\u3000\u3000");  // first-line indent
  EXPECT_EQ(body["A5"], "s:三、收到和处理政府信息公开申请情况（见工作表「三、收到和处理政府信息公开申请情况」）");
  EXPECT_NE(w.parts.at("docProps/core.xml").find("<dc:title>慈溪市商务局2021年政府信息公开工作年度报告</dc:title>"),
            std::string::npos);
}

TEST(DocumentXlsx, Table3MergesNumbersAndHeader) {
  Workbook w(to_xlsx(samples::report()));
  auto merges = w.merges(1);
  // Caption over the 10 columns, the 3x3 corner, 申请人情况 over 7, 自然人 and 总计 down 2,
  // 法人或其他组织 over 5, 三、本年度办理结果 down 22, （三）不予公开 down 8, （七）总计 over 2.
  for (const char* ref : {"A1:J1", "A2:C4", "D2:J2", "D3:D4", "J3:J4", "E3:I3", "A7:A28", "B9:B16", "B28:C28",
                          "A29:C29"}) {
    EXPECT_TRUE(has(merges, ref)) << ref << " not in " << ::testing::PrintToString(merges);
  }
  auto cells = w.cells(1);
  EXPECT_EQ(cells["A1"], "s:三、收到和处理政府信息公开申请情况");
  EXPECT_EQ(cells["D2"], "s:申请人情况");
  EXPECT_EQ(cells["E4"], "s:商业企业");
  EXPECT_EQ(cells["D5"], "n:10");   // 一、本年新收 … 自然人
  EXPECT_EQ(cells["J29"], "n:106");  // 四、结转下年度 … 总计
  EXPECT_EQ(cells["A7"], "s:三、本年度办理结果");
  EXPECT_EQ(cells["A8"], "");  // covered by the merge
  // Header rows repeat when printed and stay in view: frozen below row 4.
  std::string xml = w.parts.at("xl/worksheets/sheet2.xml");
  EXPECT_NE(xml.find("ySplit=\"4\""), std::string::npos);
  EXPECT_NE(w.parts.at("xl/workbook.xml").find("_xlnm.Print_Titles"), std::string::npos);
  // Column widths follow column_widths (3 : 1.2 : 4 : 1 …).
  auto sheet = w.sheet(1);
  auto cols = all(sheet, "col");
  ASSERT_EQ(cols.size(), 10u);
  double a = std::stod(cols[0]->getAttribute("width")), c = std::stod(cols[2]->getAttribute("width"));
  EXPECT_NEAR(c / a, 4.0 / 3.0, 0.1);
  // Header cells are bold on grey: the style of D2 has a fill.
  EXPECT_NE(w.parts.at("xl/styles.xml").find("F2F2F2"), std::string::npos);
}

TEST(DocumentXlsx, SheetNamesAreValidAndUnique) {
  Document d;
  auto table = [](std::string caption) {
    Table t;
    t.caption = std::move(caption);
    t.rows = {{Cell{.text = "x"}}};
    return t;
  };
  d.blocks = {table("a/b[c]:d*e?f\\g"), table("一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五"),
              table("一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五"), table(""),
              table("正文"), table("History"), table("'引号'"), table("A"), table("a")};
  Workbook w(to_xlsx(d));
  std::vector<std::string> expected = {"正文", "abcdefg", "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一",
                                       "一二三四五六七八九十一二三四五六七八九十一二三四五六七八(2)", "表4", "正文(2)",
                                       "History(2)", "引号", "A", "a(2)"};
  EXPECT_EQ(w.sheets, expected);
}

TEST(DocumentXlsx, TextIsCleanedAndStaysText) {
  Document d;
  d.title = "<&>";
  d.blocks.push_back(Paragraph{.text = "=HYPERLINK(\"http://x\")\x01 <b>&"s, .first_line_indent = false});
  Table t;
  Cell bad{.text = "∞"};
  bad.number = std::numeric_limits<double>::infinity();
  t.rows = {{Cell{.text = "=1+1"}, bad}};
  d.blocks.push_back(t);
  Workbook w(to_xlsx(d));
  auto body = w.cells(0);
  EXPECT_EQ(body["A1"], "s:=HYPERLINK(\"http://x\") <b>&");
  auto cells = w.cells(1);
  EXPECT_EQ(cells["A1"], "s:=1+1");  // a string, never a formula
  EXPECT_EQ(cells["B1"], "s:∞");
  EXPECT_EQ(w.parts.at("xl/worksheets/sheet2.xml").find("<f>"), std::string::npos);
}

TEST(DocumentXlsx, PageSetupAndBreaks) {
  Document d;
  d.page = PageSize::kA3;
  d.landscape = true;
  d.blocks = {Paragraph{.text = "甲"}, PageBreak{}, Paragraph{.text = "乙"}};
  Workbook w(to_xlsx(d));
  std::string xml = w.parts.at("xl/worksheets/sheet1.xml");
  EXPECT_NE(xml.find("paperSize=\"8\""), std::string::npos) << xml;
  EXPECT_NE(xml.find("orientation=\"landscape\""), std::string::npos);
  EXPECT_NE(xml.find("<rowBreaks"), std::string::npos);
}

TEST(DocumentXlsx, TenThousandRows) {
  auto start = std::chrono::steady_clock::now();
  std::string bytes = to_xlsx(samples::report(10000));
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(seconds, 60);
  std::printf("10000-row table: %.1f MB of XLSX in %.1f s\n", bytes.size() / 1e6, seconds);
  Workbook w(bytes);
  ASSERT_EQ(w.sheets.size(), 3u);
  std::string xml = w.parts.at("xl/worksheets/sheet3.xml");
  size_t at = xml.find("<c r=\"A10002\"");
  ASSERT_NE(at, std::string::npos);
  EXPECT_EQ(xml.substr(at, xml.find("</c>", at) - at), "<c r=\"A10002\" s=\"" + xml.substr(at + 17, xml.find('"', at + 17) - at - 17) + "\"><v>10000</v>");
}

}  // namespace
}  // namespace gongkai::render

namespace gongkai::render {
namespace {

// Row heights for wrapped text (Excel does not grow rows with merged cells, LibreOffice grows
// none on opening), and every sheet printed one page wide.
TEST(DocumentXlsx, RowsAreTallEnoughForWrappedTextAndSheetsFitThePageWidth) {
  Document doc;
  doc.blocks.push_back(Paragraph{"短段落。"});
  std::string long_text;
  for (int i = 0; i < 200; ++i) long_text += "字";  // about three lines of 75 character units
  doc.blocks.push_back(Paragraph{long_text});
  Table t;
  t.caption = "表";
  t.header_rows = 1;
  t.column_widths = {1, 4};
  t.rows.push_back({Cell{"项目", 1, 1, true}, Cell{"数量", 1, 1, true}});
  t.rows.push_back({Cell{"（二）部分公开（区分处理的，只计这一情形，不计其他情形）"}, Cell{"1"}});
  t.rows.push_back({Cell{"短"}, Cell{"2"}});
  doc.blocks.push_back(t);
  Workbook book(to_xlsx(doc));
  auto heights = [&](size_t sheet) {
    std::map<std::string, double> out;
    auto xml = book.sheet(sheet);
    for (Element* row : all(xml, "row")) out[row->getAttribute("r")] = row->getAttribute("ht").empty() ? 0 : std::stod(row->getAttribute("ht"));
    return out;
  };
  auto body = heights(0);
  EXPECT_GT(body["2"], 2.5 * body["1"]) << "the 200-character paragraph takes three lines or more";
  auto table = heights(1);  // row 1 is the caption; the table starts on row 2
  EXPECT_GT(table["3"], 2.5 * table["4"]) << "a long label in the narrow first column wraps";
  EXPECT_NEAR(table["2"], table["4"], 0.01);
  for (size_t i = 0; i < 2; ++i) {
    auto xml = book.sheet(i);
    auto setup = all(xml, "pageSetUpPr");
    ASSERT_EQ(setup.size(), 1u) << i;
    EXPECT_EQ(setup[0]->getAttribute("fitToPage"), "1");
    EXPECT_EQ(all(xml, "pageSetup")[0]->getAttribute("fitToHeight"), "0");
  }
}

}  // namespace
}  // namespace gongkai::render
