#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <string>

#include "render/document.h"
#include "render/document_samples.h"
#include "render/pdf_test_util.h"

namespace gongkai::render {
namespace {

using namespace std::string_literals;

bool have_poppler() {
  return std::system("command -v pdftotext >/dev/null 2>&1 && command -v pdfinfo >/dev/null 2>&1 && "
                     "command -v pdftohtml >/dev/null 2>&1") == 0;
}

#define REQUIRE_POPPLER()                                                                     \
  if (!have_poppler())                                                                        \
  GTEST_SKIP() << "pdftotext/pdfinfo/pdftohtml not found: install poppler-utils (scripts/install-deps.sh)"

using testing::PdfFile;
using testing::squash;

size_t count(const std::string& s, std::string_view what) {
  size_t n = 0;
  for (size_t i = s.find(what); i != std::string::npos; i = s.find(what, i + 1)) ++n;
  return n;
}

TEST(DocumentPdf, ChineseTextTitleAndFooter) {
  REQUIRE_POPPLER();
  Document d = samples::report();
  std::string pdf = to_pdf(d);
  ASSERT_TRUE(pdf.starts_with("%PDF-"));
  PdfFile f(pdf);
  std::string text = f.text();
  EXPECT_NE(text.find("政府信息公开工作年度报告"), std::string::npos) << text;
  EXPECT_NE(text.find("一、总体情况"), std::string::npos);
  EXPECT_NE(text.find("申请人情况"), std::string::npos);
  EXPECT_NE(text.find("（一）予以公开"), std::string::npos);
  EXPECT_NE(text.find("结转下年度继续办理"), std::string::npos);
  int pages = f.pages();
  ASSERT_GE(pages, 1);
  EXPECT_NE(text.find("第1页共" + std::to_string(pages) + "页"), std::string::npos) << text;
  EXPECT_NE(f.info().find("慈溪市商务局2021年政府信息公开工作年度报告"), std::string::npos) << f.info();
  EXPECT_NE(f.info().find("595.276 x 841.89"), std::string::npos) << f.info();
}

TEST(DocumentPdf, HeadingsBecomeNestedBookmarks) {
  REQUIRE_POPPLER();
  Document d;
  d.blocks = {Heading{1, "年度报告"}, Heading{2, "一、总体情况"}, Paragraph{.text = "正文"}, PageBreak{},
              Heading{2, "二、主动公开<情况>"}, Heading{3, "（一）基本情况"}, Heading{2, "三、依申请公开"}};
  PdfFile f(to_pdf(d));
  std::string xml = f.run("pdftohtml -xml -stdout -i -q");
  size_t at = xml.find("<outline>");
  ASSERT_NE(at, std::string::npos) << xml;
  EXPECT_EQ(squash(xml.substr(at, xml.find("</pdf2xml>") - at)),
            "<outline><itempage=\"1\">年度报告</item><outline><itempage=\"1\">一、总体情况</item>"
            "<itempage=\"2\">二、主动公开&lt;情况&gt;</item><outline><itempage=\"2\">（一）基本情况</item></outline>"
            "<itempage=\"2\">三、依申请公开</item></outline></outline>");
}

// Every word of the text lies inside the GB/T 9704 text block (A4 portrait: 28 mm left, 26 mm
// right, 37 mm top, 35 mm bottom; landscape turns them with the page); only the page number
// sits below it.
TEST(DocumentPdf, TextStaysInsideTheTextBlock) {
  REQUIRE_POPPLER();
  constexpr double mm = 72.0 / 25.4;
  for (bool landscape : {false, true}) {
    Document d = samples::report(80);
    d.landscape = landscape;
    d.blocks.push_back(Paragraph{.text = std::string(40, 'W') + "长而无空格的英文与中文混排也要在版心内换行。" + std::string(30, '9')});
    PdfFile f(to_pdf(d));
    std::string xml = f.run("pdftotext -bbox -enc UTF-8");
    double width = landscape ? 297 * mm : 210 * mm, height = landscape ? 210 * mm : 297 * mm;
    double left = (landscape ? 37 : 28) * mm, right = width - (landscape ? 35 : 26) * mm;
    double top = (landscape ? 28 : 37) * mm, bottom = height - (landscape ? 26 : 35) * mm;
    std::regex word("<word xMin=\"([0-9.]+)\" yMin=\"([0-9.]+)\" xMax=\"([0-9.]+)\" yMax=\"([0-9.]+)\">([^<]*)</word>");
    int words = 0, footers = 0;
    for (auto it = std::sregex_iterator(xml.begin(), xml.end(), word); it != std::sregex_iterator(); ++it) {
      const std::smatch& m = *it;
      double x0 = std::stod(m[1]), y0 = std::stod(m[2]), x1 = std::stod(m[3]), y1 = std::stod(m[4]);
      ++words;
      EXPECT_GE(x0, left - 0.5) << m[5] << (landscape ? " landscape" : "");
      EXPECT_LE(x1, right + 0.5) << m[5] << (landscape ? " landscape" : "");
      if (y0 >= bottom) {
        ++footers;
        EXPECT_TRUE(std::regex_match(m[5].str(), std::regex("第|页|共|[0-9]+"))) << m[5];
        EXPECT_LE(y1, height - 10 * mm);
      } else {
        EXPECT_GE(y0, top - 1) << m[5];
        EXPECT_LE(y1, bottom + 1) << m[5];
      }
    }
    EXPECT_GT(words, 500);
    EXPECT_EQ(footers, 6 * f.pages());  // 第 N 页 共 M 页
  }
}

TEST(DocumentPdf, LongDocumentNumbersEveryPage) {
  REQUIRE_POPPLER();
  Document d;
  d.title = "长文档";
  for (int i = 1; i <= 300; ++i) {
    d.blocks.push_back(Paragraph{.text = "第" + std::to_string(i) + "段：推进政府信息公开是贯彻落实《条例》的重要举措，"
                                         "是深入推行政务公开、转变政府职能、实现管理创新的一项重要工作。"});
  }
  PdfFile f(to_pdf(d));
  int pages = f.pages();
  // 300 paragraphs of 2-3 lines at about 22 lines a page.
  EXPECT_GT(pages, 25);
  EXPECT_LT(pages, 60);
  auto texts = f.page_texts();
  ASSERT_EQ(static_cast<int>(texts.size()), pages);
  for (int p = 1; p <= pages; ++p) {
    EXPECT_NE(texts[p - 1].find("第" + std::to_string(p) + "页共" + std::to_string(pages) + "页"),
              std::string::npos) << "page " << p;
  }
  std::string all = f.text();
  EXPECT_NE(all.find("第1段"), std::string::npos);
  EXPECT_NE(all.find("第300段"), std::string::npos);
}

TEST(DocumentPdf, PageBreaksAndPageSizes) {
  REQUIRE_POPPLER();
  Document d;
  d.page = PageSize::kA3;
  d.landscape = true;
  d.blocks = {PageBreak{}, Heading{1, "甲"}, PageBreak{}, PageBreak{}, Paragraph{.text = "乙"}, PageBreak{},
              Paragraph{.text = "丙"}};
  PdfFile f(to_pdf(d));
  EXPECT_EQ(f.pages(), 3);  // breaks on an empty page do nothing
  EXPECT_NE(f.info().find("1190.55 x 841.89"), std::string::npos) << f.info();
  auto texts = f.page_texts();
  ASSERT_EQ(texts.size(), 3u);
  EXPECT_NE(texts[1].find("乙"), std::string::npos);
  EXPECT_NE(texts[2].find("丙"), std::string::npos);
}

TEST(DocumentPdf, TableOf200RowsRepeatsHeaderOnEveryPage) {
  REQUIRE_POPPLER();
  Document d = samples::report(200);
  PdfFile f(to_pdf(d));
  auto texts = f.page_texts();
  ASSERT_GE(texts.size(), 4u);
  int pages_with_rows = 0;
  for (const std::string& t : texts) {
    if (t.find("关于开展商贸服务业统计工作的通知") == std::string::npos) continue;
    ++pages_with_rows;
    EXPECT_NE(t.find("发布日期"), std::string::npos) << t;
    EXPECT_NE(t.find("序号"), std::string::npos);
  }
  EXPECT_GE(pages_with_rows, 3);
  std::string all = f.text();
  for (int i : {1, 57, 123, 200}) {
    EXPECT_EQ(count(all, "第" + std::to_string(i) + "条关于"), 1u) << i;
  }
}

TEST(DocumentPdf, LabelOfACellCutByAPageBreakShowsOnEachPage) {
  REQUIRE_POPPLER();
  // Table 三's 三、本年度办理结果 spans 22 rows, more than the rest of page 1 holds.
  PdfFile f(to_pdf(samples::report()));
  auto texts = f.page_texts();
  ASSERT_GE(texts.size(), 2u);
  int pages_with_label = 0;
  for (const std::string& t : texts) pages_with_label += t.find("三、本年度办理结果") != std::string::npos;
  EXPECT_EQ(pages_with_label, static_cast<int>(texts.size()));
}

TEST(DocumentPdf, LargeRowGroupStartsWhereThereIsRoom) {
  REQUIRE_POPPLER();
  // On A3 landscape the 22 rows under 三、本年度办理结果 would fit a page of their own, but
  // moving them there would leave most of page 1 empty: they start on page 1 instead.
  Document d = samples::report(40);
  d.page = PageSize::kA3;
  d.landscape = true;
  PdfFile f(to_pdf(d));
  auto texts = f.page_texts();
  ASSERT_GE(texts.size(), 2u);
  EXPECT_NE(texts[0].find("（一）予以公开"), std::string::npos);
  EXPECT_NE(texts[0].find("（三）不予公开"), std::string::npos);
}

TEST(DocumentPdf, CellTallerThanAPageIsSplitNotLost) {
  REQUIRE_POPPLER();
  Document d;
  Table t;
  t.header_rows = 1;
  t.rows.push_back({samples::head("说明")});
  std::string text;
  for (int i = 0; i < 120; ++i) text += "第" + std::to_string(i) + "行\n";
  t.rows.push_back({Cell{.text = text}});
  d.blocks.push_back(t);
  PdfFile f(to_pdf(d));
  EXPECT_GE(f.pages(), 2);
  std::string all = f.text();
  for (int i : {0, 60, 119}) EXPECT_EQ(count(all, "第" + std::to_string(i) + "行"), 1u) << i;
}

TEST(DocumentPdf, HostileTextIsCleaned) {
  REQUIRE_POPPLER();
  Document d;
  d.title = "标题\x01\xFF<"s;
  d.blocks.push_back(Paragraph{.text = "控制\x00字符\x1b[31m与坏\xC3字节<b>"s});
  PdfFile f(to_pdf(d));
  EXPECT_EQ(f.pages(), 1);
  EXPECT_NE(f.text().find("<b>"), std::string::npos);
}

TEST(DocumentPdf, TenThousandRowsInReasonableTime) {
  REQUIRE_POPPLER();
  Document d = samples::report(10000);
  auto start = std::chrono::steady_clock::now();
  std::string pdf = to_pdf(d);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(seconds, 120) << "debug/sanitizer build";
  PdfFile f(pdf);
  int pages = f.pages();
  EXPECT_GT(pages, 200);
  std::string last = squash(f.run("pdftotext -enc UTF-8 -f " + std::to_string(pages) + " -l " + std::to_string(pages)));
  EXPECT_NE(last.find("第10000条"), std::string::npos);
  EXPECT_NE(last.find("发布日期"), std::string::npos);
  RecordProperty("seconds", std::to_string(seconds));
  std::printf("10000-row table: %d pages, %.1f MB, %.1f s\n", pages, pdf.size() / 1e6, seconds);
}

}  // namespace
}  // namespace gongkai::render
