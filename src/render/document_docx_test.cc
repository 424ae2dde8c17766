#include <Poco/AutoPtr.h>
#include <Poco/DOM/DOMParser.h>
#include <Poco/DOM/Document.h>
#include <Poco/DOM/Element.h>
#include <Poco/DOM/NodeList.h>
#include <gtest/gtest.h>

#include <chrono>

#include "render/document.h"
#include "render/document_samples.h"
#include "render/zip_test_util.h"

namespace gongkai::render {
namespace {

using Poco::AutoPtr;
using Poco::XML::Element;
using Poco::XML::NodeList;
using namespace std::string_literals;

constexpr const char* kW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

AutoPtr<Poco::XML::Document> parse(const std::string& xml) {
  Poco::XML::DOMParser parser;
  return parser.parseString(xml);
}

std::vector<Element*> all(Poco::XML::Node* root, const char* local) {
  std::vector<Element*> out;
  Poco::XML::Element* e = dynamic_cast<Element*>(root);
  AutoPtr<NodeList> list = e ? e->getElementsByTagNameNS(kW, local)
                             : static_cast<Poco::XML::Document*>(root)->getElementsByTagNameNS(kW, local);
  for (unsigned long i = 0; i < list->length(); ++i) out.push_back(static_cast<Element*>(list->item(i)));
  return out;
}

std::string val(Element* e) { return e ? e->getAttributeNS(kW, "val") : "<none>"; }

// The text of an element's w:t descendants.
std::string text_of(Element* e) {
  std::string out;
  for (Element* t : all(e, "t")) out += t->innerText();
  return out;
}

struct Docx {
  std::map<std::string, std::string> parts;
  AutoPtr<Poco::XML::Document> doc;
  explicit Docx(const Document& d) : parts(testing::unzip(to_docx(d))), doc(parse(parts.at("word/document.xml"))) {}
};

TEST(DocumentDocx, PackageHasTheRequiredParts) {
  Docx x(samples::report());
  for (const char* name : {"[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels", "word/document.xml",
                           "word/styles.xml", "word/footer1.xml", "docProps/core.xml"}) {
    ASSERT_TRUE(x.parts.contains(name)) << name;
    EXPECT_NO_THROW(parse(x.parts.at(name))) << name;
  }
  EXPECT_NE(x.parts.at("[Content_Types].xml").find("wordprocessingml.document.main+xml"), std::string::npos);
  EXPECT_NE(x.parts.at("word/_rels/document.xml.rels").find("Target=\"styles.xml\""), std::string::npos);
  auto core = parse(x.parts.at("docProps/core.xml"));
  EXPECT_EQ(core->documentElement()->getChildElementNS("http://purl.org/dc/elements/1.1/", "title")->innerText(),
            "慈溪市商务局2021年政府信息公开工作年度报告");
  // Styles: headings with outline levels and East Asian fonts; body with a 2-character indent.
  auto styles = parse(x.parts.at("word/styles.xml"));
  std::map<std::string, Element*> by_id;
  for (Element* s : all(styles, "style")) by_id[s->getAttributeNS(kW, "styleId")] = s;
  for (const char* id : {"Normal", "Heading1", "Heading2", "Heading3", "Caption", "DocTable"}) {
    EXPECT_TRUE(by_id.contains(id)) << id;
  }
  EXPECT_EQ(val(all(by_id["Heading2"], "outlineLvl").at(0)), "1");
  EXPECT_EQ(all(by_id["Heading2"], "rFonts").at(0)->getAttributeNS(kW, "eastAsia"), "黑体");
  EXPECT_EQ(all(by_id["Normal"], "ind").at(0)->getAttributeNS(kW, "firstLineChars"), "200");
  EXPECT_NE(x.parts.at("word/footer1.xml").find(" NUMPAGES "), std::string::npos);
}

TEST(DocumentDocx, Table3KeepsItsMerges) {
  Docx x(samples::report());
  auto tables = all(x.doc, "tbl");
  ASSERT_EQ(tables.size(), 1u);
  EXPECT_EQ(all(tables[0], "gridCol").size(), 10u);
  auto rows = all(tables[0], "tr");
  ASSERT_EQ(rows.size(), 28u);
  // Three header rows repeat on each page.
  EXPECT_EQ(all(tables[0], "tblHeader").size(), 3u);
  // Each row covers the 10 grid columns once its spans are counted.
  for (Element* row : rows) {
    int covered = 0;
    for (Element* tc : all(row, "tc")) {
      auto span = all(tc, "gridSpan");
      covered += span.empty() ? 1 : std::stoi(val(span[0]));
    }
    EXPECT_EQ(covered, 10);
  }
  // Row 0: the 3x3 corner (gridSpan 3, restart) and 申请人情况 over 7.
  auto row0 = all(rows[0], "tc");
  ASSERT_EQ(row0.size(), 2u);
  EXPECT_EQ(val(all(row0[0], "gridSpan").at(0)), "3");
  EXPECT_EQ(val(all(row0[0], "vMerge").at(0)), "restart");
  EXPECT_EQ(text_of(row0[1]), "申请人情况");
  EXPECT_EQ(val(all(row0[1], "gridSpan").at(0)), "7");
  // Row 2: the corner continues (vMerge without val), 自然人 and 总计 continue too.
  auto row2 = all(rows[2], "tc");
  ASSERT_EQ(row2.size(), 8u);
  EXPECT_EQ(all(row2[0], "vMerge").at(0)->hasAttributeNS(kW, "val"), false);
  EXPECT_EQ(val(all(row2[0], "gridSpan").at(0)), "3");
  EXPECT_EQ(text_of(row2[0]), "");
  EXPECT_EQ(text_of(row2[2]), "商业企业");
  EXPECT_EQ(all(row2[7], "vMerge").size(), 1u);
  // 三、本年度办理结果 restarts in row 5 and continues through row 26.
  int continued = 0;
  for (int r = 6; r <= 26; ++r) {
    auto first = all(rows[r], "tc").at(0);
    continued += !all(first, "vMerge").empty() && !all(first, "vMerge")[0]->hasAttributeNS(kW, "val");
  }
  EXPECT_EQ(continued, 21);
  // Header text is bold, numbers are plain.
  EXPECT_FALSE(all(row0[1], "b").empty());
  EXPECT_EQ(text_of(all(rows[3], "tc").at(1)), "10");
  EXPECT_TRUE(all(all(rows[3], "tc").at(1), "b").empty());
}

// Word rejects a file whose property elements are out of the schema's sequence.
TEST(DocumentDocx, PropertiesFollowTheSchemaOrder) {
  Docx x(samples::report());
  const std::map<std::string, std::vector<std::string>> orders = {
      {"pPr", {"pStyle", "keepNext", "spacing", "ind", "jc", "outlineLvl"}},
      {"rPr", {"rFonts", "b", "bCs", "sz", "szCs", "lang"}},
      {"tcPr", {"tcW", "gridSpan", "vMerge", "vAlign"}},
      {"tblPr", {"tblStyle", "tblW", "jc", "tblBorders", "tblLayout", "tblCellMar"}},
      {"sectPr", {"footerReference", "pgSz", "pgMar", "docGrid"}},
      {"style", {"name", "basedOn", "next", "qFormat", "pPr", "rPr", "tblPr"}},
  };
  for (const auto& part : {x.parts.at("word/document.xml"), x.parts.at("word/styles.xml")}) {
    auto doc = parse(part);
    for (const auto& [parent, order] : orders) {
      for (Element* e : all(doc, parent.c_str())) {
        size_t last = 0;
        for (Poco::XML::Node* c = e->firstChild(); c; c = c->nextSibling()) {
          auto at = std::find(order.begin(), order.end(), c->localName());
          ASSERT_NE(at, order.end()) << c->localName() << " in " << parent;
          size_t pos = static_cast<size_t>(at - order.begin());
          EXPECT_GE(pos, last) << c->localName() << " out of order in " << parent;
          last = pos;
        }
      }
    }
  }
}

TEST(DocumentDocx, TextIsEscapedAndCleaned) {
  Document d;
  d.title = "<标题> & \"引号\"";
  d.blocks.push_back(Heading{2, "一、<b>总体</b>情况"});
  d.blocks.push_back(Paragraph{.text = "第一行\n第二行\x01\x0b & ]]> \xFF"s});
  Table t;
  t.caption = "表<1>";
  t.rows = {{Cell{.text = "</w:t></w:r></w:p><w:p>"}}};
  d.blocks.push_back(t);
  Docx x(d);
  auto paragraphs = all(x.doc, "p");
  ASSERT_GE(paragraphs.size(), 3u);
  EXPECT_EQ(text_of(paragraphs[0]), "一、<b>总体</b>情况");
  EXPECT_EQ(text_of(paragraphs[1]), "第一行第二行 & ]]> \xEF\xBF\xBD");
  EXPECT_EQ(all(paragraphs[1], "br").size(), 1u);
  EXPECT_EQ(text_of(all(x.doc, "tc").at(0)), "</w:t></w:r></w:p><w:p>");
  auto core = parse(x.parts.at("docProps/core.xml"));
  EXPECT_EQ(core->documentElement()->getChildElementNS("http://purl.org/dc/elements/1.1/", "title")->innerText(),
            "<标题> & \"引号\"");
}

TEST(DocumentDocx, PageSetup) {
  Document d;
  d.page = PageSize::kA3;
  d.landscape = true;
  d.blocks = {Paragraph{.text = "甲"}, PageBreak{}, Paragraph{.text = "乙", .align = Align::kCenter}};
  Docx x(d);
  Element* size = all(x.doc, "pgSz").at(0);
  EXPECT_EQ(size->getAttributeNS(kW, "w"), "23811");
  EXPECT_EQ(size->getAttributeNS(kW, "h"), "16838");
  EXPECT_EQ(size->getAttributeNS(kW, "orient"), "landscape");
  bool page_break = false;
  for (Element* br : all(x.doc, "br")) page_break |= br->getAttributeNS(kW, "type") == "page";
  EXPECT_TRUE(page_break);
  EXPECT_EQ(val(all(all(x.doc, "p").at(2), "jc").at(0)), "center");

  Document portrait;
  Docx y(portrait);
  Element* a4 = all(y.doc, "pgSz").at(0);
  EXPECT_EQ(a4->getAttributeNS(kW, "w"), "11906");
  EXPECT_FALSE(a4->hasAttributeNS(kW, "orient"));
}

TEST(DocumentDocx, TenThousandRows) {
  auto start = std::chrono::steady_clock::now();
  std::string docx = to_docx(samples::report(10000));
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(seconds, 60);
  auto parts = testing::unzip(docx);
  EXPECT_NE(parts.at("word/document.xml").find("第10000条"), std::string::npos);
}

}  // namespace
}  // namespace gongkai::render
