// Chart blocks in every writer: the PDF draws the chart (checked by rasterising the page with
// poppler's pdftoppm and finding the series colour where the chart is), keeps its text as
// text (pdftotext finds the title, the labels and the legend) and embeds no bitmap
// (pdfimages); HTML carries the SVG inline; DOCX and XLSX carry a PNG of it.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "render/chart_image.h"
#include "render/document.h"
#include "render/pdf_test_util.h"
#include "render/zip_test_util.h"

namespace gongkai::render {
namespace {


ChartBlock items_chart() {
  ChartBlock c;
  c.kind = ChartKind::kBar;
  c.chart.title = "2013年每月发布信息（按分类）";
  c.chart.unit = "条";
  for (int m = 1; m <= 12; ++m) c.chart.labels.push_back(std::to_string(m) + "月");
  ChartSeries a{"政策法规类", {}}, b{"便民服务类", {}};
  for (int m = 1; m <= 12; ++m) {
    a.values.push_back(m * 3);
    b.values.push_back(40 - m * 2);
  }
  c.chart.series = {a, b};
  return c;
}

// A page of body text, then the chart: the chart sits in the lower part of page 1.
Document document_with_chart(bool with_chart) {
  Document doc;
  doc.title = "图表测试";
  doc.blocks.push_back(Heading{1, "统计图表"});
  doc.blocks.push_back(Paragraph{"下图为每月发布的信息数量。"});
  if (with_chart) doc.blocks.push_back(items_chart());
  doc.blocks.push_back(Paragraph{"图后的正文。"});
  return doc;
}

bool have(const char* tool) { return std::system(("command -v " + std::string(tool) + " >/dev/null 2>&1").c_str()) == 0; }

using testing::PdfFile;
using testing::squash;

// Page 1 rasterised by pdftoppm at 36 dpi as a binary PPM (P6).
struct Raster {
  int width = 0, height = 0;
  std::string pixels;  // RGB
  explicit Raster(const PdfFile& pdf) {
    std::string ppm = pdf.run("pdftoppm -r 36 -f 1 -l 1");
    int maxval = 0, used = 0;
    if (std::sscanf(ppm.c_str(), "P6 %d %d %d%n", &width, &height, &maxval, &used) != 3 || maxval != 255) return;
    pixels = ppm.substr(static_cast<size_t>(used) + 1);
    if (pixels.size() < static_cast<size_t>(width) * height * 3) width = height = 0;
  }
  // Pixels in rows [from, to) coloured like the first series (#1f5fa8: clearly blue, not grey).
  int blue_pixels(int from, int to) const {
    int n = 0;
    for (int y = std::max(from, 0); y < std::min(to, height); ++y) {
      for (int x = 0; x < width; ++x) {
        auto at = [&](int k) { return static_cast<unsigned char>(pixels[(static_cast<size_t>(y) * width + x) * 3 + k]); };
        if (at(2) > at(0) + 60 && at(2) > 120) ++n;
      }
    }
    return n;
  }
  // The first and last row above `limit` with any dark pixel.
  std::pair<int, int> inked_rows(int limit) const {
    int first = -1, last = -1;
    for (int y = 0; y < std::min(limit, height); ++y) {
      for (int x = 0; x < width; ++x) {
        if (static_cast<unsigned char>(pixels[(static_cast<size_t>(y) * width + x) * 3]) < 200) {
          if (first < 0) first = y;
          last = y;
          break;
        }
      }
    }
    return {first, last};
  }
};

TEST(DocumentChart, PdfDrawsTheChartAsVectorsWithItsText) {
  if (!have("pdftoppm") || !have("pdftotext") || !have("pdfimages")) GTEST_SKIP() << "poppler-utils not installed";
  PdfFile with(to_pdf(document_with_chart(true)));
  PdfFile without(to_pdf(document_with_chart(false)));

  Raster page(with), plain(without);
  ASSERT_GT(page.height, 0) << "pdftoppm gave no image";
  // The bars are drawn, in the upper half of the page below the title and the first
  // paragraph; the same document without the chart has no such colour anywhere.
  EXPECT_GT(page.blue_pixels(page.height / 6, page.height / 2), 200);
  EXPECT_EQ(plain.blue_pixels(0, plain.height), 0);
  // The chart takes its room: the paragraph after it is set lower (the last ink above the
  // footer's zone moves down by about the chart's height).
  int body_end = page.height * 85 / 100;
  auto [first, last] = page.inked_rows(body_end);
  auto [plain_first, plain_last] = plain.inked_rows(body_end);
  EXPECT_EQ(first, plain_first);
  EXPECT_GT(last - plain_last, page.height / 5) << "the chart pushes the text after it down";

  // Text in the chart stays text: the caption, the axis labels, the unit and the legend.
  std::string text = with.text();
  for (const char* s : {"2013年每月发布信息（按分类）", "1月", "6月", "12月", "条", "政策法规类", "便民服务类", "图后的正文。"}) {
    EXPECT_NE(text.find(s), std::string::npos) << s << "\n" << text;
  }
  // Vector graphics: no bitmap image in the file (pdfimages lists a header and a rule only).
  std::string images = with.run("pdfimages -list");
  EXPECT_EQ(std::count(images.begin(), images.end(), '\n'), 2) << images;
}

TEST(DocumentChart, APdfChartThatDoesNotFitMovesToTheNextPage) {
  if (!have("pdftotext")) GTEST_SKIP() << "poppler-utils not installed";
  Document doc;
  for (int i = 0; i < 18; ++i) doc.blocks.push_back(Paragraph{"正文第" + std::to_string(i + 1) + "段。"});
  doc.blocks.push_back(items_chart());
  PdfFile pdf(to_pdf(doc));
  std::string text = pdf.run("pdftotext -enc UTF-8");
  size_t ff = text.find('\f');
  ASSERT_NE(ff, std::string::npos);
  EXPECT_EQ(squash(text.substr(0, ff)).find("按分类"), std::string::npos) << "caption left alone on page 1";
  EXPECT_NE(squash(text.substr(ff)).find("2013年每月发布信息（按分类）"), std::string::npos);
}

TEST(DocumentChart, HtmlHasTheSvgInlineWithItsCaption) {
  std::string html = to_html(document_with_chart(true));
  std::string svg = svg_chart(ChartKind::kBar, items_chart().chart);
  EXPECT_NE(html.find("<figure class=\"doc-figure chart-figure\"><figcaption>2013年每月发布信息（按分类）</figcaption>" + svg +
                      "</figure>"),
            std::string::npos)
      << html;
}

TEST(DocumentChart, HtmlEscapesTheCaption) {
  ChartBlock c = items_chart();
  c.chart.title = "<script>x</script>";
  Document doc;
  doc.blocks.push_back(c);
  std::string html = to_html(doc);
  EXPECT_EQ(html.find("<script>"), std::string::npos);
  EXPECT_NE(html.find("<figcaption>&lt;script&gt;x&lt;/script&gt;</figcaption>"), std::string::npos);
}

TEST(DocumentChart, PngIsTwiceTheSvgSize) {
  ChartImage image(items_chart());
  EXPECT_EQ(image.width(), 640);
  EXPECT_EQ(image.height(), 320);
  std::string png = image.png(2);
  ASSERT_GT(png.size(), 24u);
  EXPECT_EQ(png.substr(0, 8), "\x89PNG\r\n\x1a\n");
  auto be32 = [&](size_t at) {
    return (static_cast<unsigned char>(png[at]) << 24) | (static_cast<unsigned char>(png[at + 1]) << 16) |
           (static_cast<unsigned char>(png[at + 2]) << 8) | static_cast<unsigned char>(png[at + 3]);
  };
  EXPECT_EQ(be32(16), 1280);  // IHDR width
  EXPECT_EQ(be32(20), 640);   // IHDR height
}

TEST(DocumentChart, DocxEmbedsThePngWithAltTextAndCaption) {
  auto parts = testing::unzip(to_docx(document_with_chart(true)));
  ASSERT_TRUE(parts.contains("word/media/chart1.png"));
  EXPECT_EQ(parts["word/media/chart1.png"].substr(0, 4), "\x89PNG");
  const std::string& xml = parts["word/document.xml"];
  EXPECT_NE(xml.find("<w:pStyle w:val=\"Caption\"/><w:keepNext/></w:pPr><w:r><w:t xml:space=\"preserve\">2013年每月发布信息（按分类）"),
            std::string::npos);
  EXPECT_NE(xml.find("r:embed=\"rId3\""), std::string::npos);
  EXPECT_NE(xml.find("descr=\"柱状图，1月至12月。政策法规类：1月 3，"), std::string::npos);
  // As wide as the text block of A4 (210 - 28 - 26 mm = 8845 twips x 635 EMU), half as high.
  EXPECT_NE(xml.find("<wp:extent cx=\"5616575\" cy=\"2808288\"/>"), std::string::npos);
  EXPECT_NE(parts["word/_rels/document.xml.rels"].find("Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/"
                                                       "officeDocument/2006/relationships/image\" Target=\"media/chart1.png\""),
            std::string::npos);
  EXPECT_NE(parts["[Content_Types].xml"].find("Extension=\"png\""), std::string::npos);
}

TEST(DocumentChart, XlsxGivesTheChartASheetWithNumbersAndThePicture) {
  auto parts = testing::unzip(to_xlsx(document_with_chart(true)));
  ASSERT_TRUE(parts.contains("xl/media/image1.png"));
  ASSERT_TRUE(parts.contains("xl/worksheets/sheet2.xml"));
  const std::string& sheet = parts["xl/worksheets/sheet2.xml"];
  EXPECT_NE(sheet.find("<drawing r:id="), std::string::npos);
  EXPECT_NE(sheet.find("<pageSetUpPr fitToPage=\"1\"/>"), std::string::npos);
  // 政策法规类 in December: 36, a number; 便民服务类 in January: 38.
  EXPECT_NE(sheet.find("<c r=\"B14\" s=\""), std::string::npos);
  EXPECT_NE(sheet.find("<v>36</v>"), std::string::npos);
  EXPECT_NE(sheet.find("<v>38</v>"), std::string::npos);
  EXPECT_NE(parts["xl/workbook.xml"].find("name=\"2013年每月发布信息（按分类）\""), std::string::npos);
  EXPECT_NE(parts["xl/sharedStrings.xml"].find("2013年每月发布信息（按分类）（见工作表「"), std::string::npos);
}

}  // namespace
}  // namespace gongkai::render
