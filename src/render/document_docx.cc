// to_docx: the document as one WordprocessingML package. Styles carry the official-document
// look (仿宋 body, 黑体/楷体 headings, 三号 text at a fixed 28.95 pt line pitch, two-character
// first-line indent) with East Asian font hints, so an office can keep editing in Word or WPS.
// Tables use the shared grid: gridSpan for colspan, vMerge restart/continue for rowspan.

#include <Poco/DateTime.h>
#include <Poco/Path.h>
#include <Poco/Zip/Compress.h>

#include <algorithm>
#include <cmath>
#include <sstream>
#include <string>
#include <vector>

#include "render/chart_image.h"
#include "render/document.h"
#include "render/document_grid.h"
#include "render/document_text.h"

namespace gongkai::render {
namespace {

constexpr const char* kXmlHead = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
constexpr const char* kW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr const char* kR = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

// Twentieths of a point.
int twips_mm(double mm) { return static_cast<int>(std::lround(mm * 72.0 / 25.4 * 20)); }

struct Section {
  int width, height, top, bottom, left, right;
};

Section section(const Document& doc) {
  int w = 11906, h = 16838;  // A4
  if (doc.page == PageSize::kA3) w = 16838, h = 23811;
  if (doc.landscape) {
    return {h, w, twips_mm(28), twips_mm(26), twips_mm(37), twips_mm(35)};
  }
  return {w, h, twips_mm(37), twips_mm(35), twips_mm(28), twips_mm(26)};
}

const char* jc(Align a, bool justify) {
  switch (a) {
    case Align::kCenter: return "center";
    case Align::kRight: return "right";
    case Align::kLeft: break;
  }
  return justify ? "both" : "left";
}

// Runs for `text`: line breaks become <w:br/>, tabs <w:tab/>.
void append_runs(std::string& out, std::string_view text, bool bold) {
  std::string clean = clean_text(text);
  std::string rpr = bold ? "<w:rPr><w:b/><w:bCs/></w:rPr>" : "";
  size_t from = 0;
  while (true) {
    size_t stop = clean.find_first_of("\n\t", from);
    std::string_view piece = std::string_view(clean).substr(from, stop == std::string::npos ? std::string::npos : stop - from);
    if (!piece.empty()) {
      out += "<w:r>" + rpr + "<w:t xml:space=\"preserve\">";
      append_xml_escaped(out, piece);
      out += "</w:t></w:r>";
    }
    if (stop == std::string::npos) break;
    out += "<w:r>" + rpr + (clean[stop] == '\n' ? "<w:br/>" : "<w:tab/>") + "</w:r>";
    from = stop + 1;
  }
}

void append_heading(std::string& out, const Heading& h) {
  int level = std::clamp(h.level, 1, 3);
  out += "<w:p><w:pPr><w:pStyle w:val=\"Heading" + std::to_string(level) + "\"/></w:pPr>";
  append_runs(out, h.text, false);
  out += "</w:p>";
}

void append_paragraph(std::string& out, const Paragraph& p) {
  out += "<w:p><w:pPr>";
  if (!p.first_line_indent || p.align != Align::kLeft) {
    out += "<w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/>";
  }
  out += "<w:jc w:val=\"" + std::string(jc(p.align, true)) + "\"/></w:pPr>";
  append_runs(out, p.text, p.bold);
  out += "</w:p>";
}

void append_cell(std::string& out, int width, int colspan, const char* vmerge, const Cell* cell, bool bold) {
  out += "<w:tc><w:tcPr><w:tcW w:w=\"" + std::to_string(width) + "\" w:type=\"dxa\"/>";
  if (colspan > 1) out += "<w:gridSpan w:val=\"" + std::to_string(colspan) + "\"/>";
  if (vmerge) out += vmerge;
  out += "<w:vAlign w:val=\"center\"/></w:tcPr><w:p><w:pPr><w:pStyle w:val=\"TableText\"/>";
  if (cell) out += "<w:jc w:val=\"" + std::string(jc(cell->align, false)) + "\"/>";
  out += "</w:pPr>";
  if (cell) append_runs(out, cell->text, bold);
  out += "</w:p></w:tc>";
}

void append_table(std::string& out, const Table& table, int content_width) {
  TableGrid grid(table);
  if (!table.caption.empty()) {
    out += "<w:p><w:pPr><w:pStyle w:val=\"Caption\"/><w:keepNext/></w:pPr>";
    append_runs(out, table.caption, false);
    out += "</w:p>";
  }
  if (grid.rows() == 0 || grid.cols() == 0) return;
  std::vector<int> widths;
  for (double f : grid.column_fractions()) widths.push_back(std::max(1, static_cast<int>(f * content_width)));
  out += "<w:tbl><w:tblPr><w:tblStyle w:val=\"DocTable\"/><w:tblW w:w=\"5000\" w:type=\"pct\"/>"
         "<w:jc w:val=\"center\"/><w:tblBorders>";
  for (const char* side : {"top", "left", "bottom", "right", "insideH", "insideV"}) {
    out += std::string("<w:") + side + " w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>";
  }
  out += "</w:tblBorders><w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid>";
  for (int w : widths) out += "<w:gridCol w:w=\"" + std::to_string(w) + "\"/>";
  out += "</w:tblGrid>";
  for (int r = 0; r < grid.rows(); ++r) {
    bool head = r < grid.header_rows();
    out += head ? "<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>" : "<w:tr><w:trPr><w:cantSplit/></w:trPr>";
    for (int c = 0; c < grid.cols();) {
      int index = grid.at(r, c);
      if (index < 0) {  // a slot no cell covers: an empty cell keeps the row on the grid
        append_cell(out, widths[c], 1, nullptr, nullptr, false);
        ++c;
        continue;
      }
      const PlacedCell& pc = grid.cells()[index];
      int width = 0;
      for (int k = pc.col; k < pc.col + pc.colspan; ++k) width += widths[k];
      const char* vmerge = nullptr;
      if (pc.rowspan > 1) vmerge = pc.row == r ? "<w:vMerge w:val=\"restart\"/>" : "<w:vMerge/>";
      bool first = pc.row == r;
      append_cell(out, width, pc.colspan, vmerge, first ? pc.cell : nullptr, head || pc.cell->header);
      c = pc.col + pc.colspan;
    }
    out += "</w:tr>";
  }
  out += "</w:tbl>";
  // Word needs a paragraph between a table and whatever follows it.
  out += "<w:p><w:pPr><w:pStyle w:val=\"TableText\"/></w:pPr></w:p>";
}

// A chart: its title as a caption, then a PNG of its SVG (twice the SVG's pixels, for print)
// as an inline picture as wide as the text, with the data summary as alternative text. The
// PNG goes into `images`; its relationship id is rId<3 + index>.
void append_chart(std::string& out, const ChartBlock& c, int content_width, std::vector<std::string>& images) {
  ChartImage image(c);
  images.push_back(image.png(2));
  int n = static_cast<int>(images.size());
  if (!c.chart.title.empty()) {
    out += "<w:p><w:pPr><w:pStyle w:val=\"Caption\"/><w:keepNext/></w:pPr>";
    append_runs(out, c.chart.title, false);
    out += "</w:p>";
  }
  // EMU: 635 per twip. At most one point per SVG pixel, as in the PDF.
  double width_twips = std::min(static_cast<double>(content_width), image.width() * 20);
  long cx = std::lround(width_twips * 635), cy = std::lround(width_twips * 635 * image.height() / image.width());
  std::string ext = "cx=\"" + std::to_string(cx) + "\" cy=\"" + std::to_string(cy) + "\"";
  std::string id = std::to_string(n);
  // An exact line height would clip the picture to one line: this paragraph sizes to it.
  out += "<w:p><w:pPr><w:spacing w:line=\"240\" w:lineRule=\"auto\"/><w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/>"
         "<w:jc w:val=\"center\"/></w:pPr><w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\">"
         "<wp:extent " + ext + "/><wp:docPr id=\"" + id + "\" name=\"图表" + id + "\" descr=\"";
  append_xml_escaped(out, chart_description(c.kind, c.chart));
  out += "\"/><wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect=\"1\"/></wp:cNvGraphicFramePr>"
         "<a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:pic>"
         "<pic:nvPicPr><pic:cNvPr id=\"" + id + "\" name=\"chart" + id + ".png\"/><pic:cNvPicPr/></pic:nvPicPr>"
         "<pic:blipFill><a:blip r:embed=\"rId" + std::to_string(n + 2) + "\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>"
         "<pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext " + ext + "/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/>"
         "</a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>";
}

std::string document_xml(const Document& doc, std::vector<std::string>& images) {
  Section s = section(doc);
  int content_width = s.width - s.left - s.right;
  std::string out = kXmlHead;
  out += std::string("<w:document xmlns:w=\"") + kW + "\" xmlns:r=\"" + kR +
         "\" xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" "
         "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "
         "xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><w:body>";
  for (const Block& block : doc.blocks) {
    if (const auto* h = std::get_if<Heading>(&block)) {
      append_heading(out, *h);
    } else if (const auto* p = std::get_if<Paragraph>(&block)) {
      append_paragraph(out, *p);
    } else if (const auto* t = std::get_if<Table>(&block)) {
      append_table(out, *t, content_width);
    } else if (const auto* c = std::get_if<ChartBlock>(&block)) {
      append_chart(out, *c, content_width, images);
    } else {
      out += "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>";
    }
  }
  out += "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rId2\"/>";
  out += "<w:pgSz w:w=\"" + std::to_string(s.width) + "\" w:h=\"" + std::to_string(s.height) + "\"";
  if (doc.landscape) out += " w:orient=\"landscape\"";
  out += "/><w:pgMar w:top=\"" + std::to_string(s.top) + "\" w:right=\"" + std::to_string(s.right) +
         "\" w:bottom=\"" + std::to_string(s.bottom) + "\" w:left=\"" + std::to_string(s.left) +
         "\" w:header=\"851\" w:footer=\"992\" w:gutter=\"0\"/>"
         "<w:docGrid w:type=\"lines\" w:linePitch=\"579\"/></w:sectPr></w:body></w:document>";
  return out;
}

// Run properties for a font: Latin in Times New Roman, Chinese in `east_asia`.
std::string fonts(const char* east_asia, int half_points, bool bold) {
  std::string out = std::string("<w:rPr><w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" "
                                "w:eastAsia=\"") + east_asia + "\" w:cs=\"Times New Roman\" w:hint=\"eastAsia\"/>";
  if (bold) out += "<w:b/><w:bCs/>";
  out += "<w:sz w:val=\"" + std::to_string(half_points) + "\"/><w:szCs w:val=\"" + std::to_string(half_points) +
         "\"/><w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\"/></w:rPr>";
  return out;
}

std::string styles_xml() {
  std::string out = kXmlHead;
  out += std::string("<w:styles xmlns:w=\"") + kW + "\">";
  out += "<w:docDefaults><w:rPrDefault>" + fonts("仿宋", 32, false) +
         "</w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"579\" "
         "w:lineRule=\"exact\"/></w:pPr></w:pPrDefault></w:docDefaults>";
  // Body text: justified with a two-character first-line indent.
  out += "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/>"
         "<w:qFormat/><w:pPr><w:ind w:firstLineChars=\"200\" w:firstLine=\"640\"/><w:jc w:val=\"both\"/></w:pPr>" +
         fonts("仿宋", 32, false) + "</w:style>";
  struct HeadingStyle {
    const char* east_asia;
    int size;
    bool bold;
    const char* pPr;
  };
  const HeadingStyle headings[] = {
      {"宋体", 44, true, "<w:spacing w:after=\"579\" w:line=\"700\" w:lineRule=\"exact\"/><w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/><w:jc w:val=\"center\"/>"},
      {"黑体", 32, false, ""},
      {"楷体", 32, true, ""},
  };
  for (int i = 0; i < 3; ++i) {
    std::string n = std::to_string(i + 1);
    out += "<w:style w:type=\"paragraph\" w:styleId=\"Heading" + n + "\"><w:name w:val=\"heading " + n +
           "\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/><w:pPr><w:keepNext/>" +
           headings[i].pPr + "<w:outlineLvl w:val=\"" + std::to_string(i) + "\"/></w:pPr>" +
           fonts(headings[i].east_asia, headings[i].size, headings[i].bold) + "</w:style>";
  }
  out += "<w:style w:type=\"paragraph\" w:styleId=\"Caption\"><w:name w:val=\"caption\"/><w:basedOn w:val=\"Normal\"/>"
         "<w:qFormat/><w:pPr><w:spacing w:before=\"120\" w:after=\"60\" w:line=\"240\" w:lineRule=\"auto\"/>"
         "<w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/><w:jc w:val=\"center\"/></w:pPr>" + fonts("黑体", 24, false) + "</w:style>";
  out += "<w:style w:type=\"paragraph\" w:styleId=\"TableText\"><w:name w:val=\"Table Text\"/><w:basedOn w:val=\"Normal\"/>"
         "<w:pPr><w:spacing w:line=\"240\" w:lineRule=\"auto\"/><w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/>"
         "<w:jc w:val=\"left\"/></w:pPr>" + fonts("宋体", 21, false) + "</w:style>";
  out += "<w:style w:type=\"paragraph\" w:styleId=\"Footer\"><w:name w:val=\"footer\"/><w:basedOn w:val=\"Normal\"/>"
         "<w:pPr><w:spacing w:line=\"240\" w:lineRule=\"auto\"/><w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/>"
         "<w:jc w:val=\"center\"/></w:pPr>" + fonts("宋体", 21, false) + "</w:style>";
  out += "<w:style w:type=\"table\" w:styleId=\"DocTable\"><w:name w:val=\"Document Table\"/><w:tblPr><w:tblBorders>";
  for (const char* side : {"top", "left", "bottom", "right", "insideH", "insideV"}) {
    out += std::string("<w:") + side + " w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>";
  }
  out += "</w:tblBorders><w:tblCellMar><w:left w:w=\"85\" w:type=\"dxa\"/><w:right w:w=\"85\" w:type=\"dxa\"/>"
         "</w:tblCellMar></w:tblPr></w:style></w:styles>";
  return out;
}

std::string footer_xml() {
  auto field = [](const char* name) {
    return std::string("<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> ") +
           name + " </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>1</w:t></w:r>"
           "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>";
  };
  return std::string(kXmlHead) + "<w:ftr xmlns:w=\"" + kW + "\"><w:p><w:pPr><w:pStyle w:val=\"Footer\"/></w:pPr>" +
         "<w:r><w:t xml:space=\"preserve\">第 </w:t></w:r>" + field("PAGE") +
         "<w:r><w:t xml:space=\"preserve\"> 页 共 </w:t></w:r>" + field("NUMPAGES") +
         "<w:r><w:t xml:space=\"preserve\"> 页</w:t></w:r></w:p></w:ftr>";
}

std::string core_xml(const Document& doc) {
  std::string out = kXmlHead;
  out += "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
         "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
         "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>";
  append_xml_escaped(out, doc.title);
  out += "</dc:title><dc:creator>Gongkai</dc:creator><dc:language>zh-CN</dc:language></cp:coreProperties>";
  return out;
}

constexpr const char* kContentTypes =
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
    "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
    "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    "<Default Extension=\"png\" ContentType=\"image/png\"/>"
    "<Override PartName=\"/word/document.xml\" "
    "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
    "<Override PartName=\"/word/styles.xml\" "
    "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
    "<Override PartName=\"/word/footer1.xml\" "
    "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>"
    "<Override PartName=\"/docProps/core.xml\" "
    "ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/></Types>";

constexpr const char* kPackageRels =
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    "officeDocument\" Target=\"word/document.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/"
    "core-properties\" Target=\"docProps/core.xml\"/></Relationships>";

// The document's relationships, still open: one image relationship per chart follows.
constexpr const char* kDocumentRels =
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" "
    "Target=\"styles.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" "
    "Target=\"footer1.xml\"/>";

}  // namespace

std::string to_docx(const Document& doc) {
  std::ostringstream out(std::ios::binary);
  Poco::Zip::Compress zip(out, true);
  // A fixed time stamp: the same document gives the same bytes.
  Poco::DateTime stamp(2020, 1, 1);
  auto add = [&](const char* name, const std::string& data) {
    std::istringstream in(data, std::ios::binary);
    zip.addFile(in, stamp, Poco::Path(name, Poco::Path::PATH_UNIX), Poco::Zip::ZipCommon::CM_DEFLATE,
                Poco::Zip::ZipCommon::CL_NORMAL);
  };
  add("[Content_Types].xml", std::string(kXmlHead) + kContentTypes);
  add("_rels/.rels", std::string(kXmlHead) + kPackageRels);
  std::vector<std::string> images;
  std::string body = document_xml(doc, images);
  std::string rels = std::string(kXmlHead) + kDocumentRels;
  for (size_t i = 0; i < images.size(); ++i) {
    rels += "<Relationship Id=\"rId" + std::to_string(i + 3) +
            "\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" "
            "Target=\"media/chart" + std::to_string(i + 1) + ".png\"/>";
  }
  rels += "</Relationships>";
  add("word/_rels/document.xml.rels", rels);
  add("word/document.xml", body);
  for (size_t i = 0; i < images.size(); ++i) add(("word/media/chart" + std::to_string(i + 1) + ".png").c_str(), images[i]);
  add("word/styles.xml", styles_xml());
  add("word/footer1.xml", footer_xml());
  add("docProps/core.xml", core_xml(doc));
  zip.close();
  return out.str();
}

}  // namespace gongkai::render
