#pragma once
// A small document model for the papers Gongkai prints and offices download: the annual
// report, notice letters (告知书), assessment sheets, the notice-board bulletin. Services build
// a Document once; the writers turn it into HTML, PDF (cairo + pango, Noto CJK), DOCX
// (WordprocessingML in a zip) and XLSX (libxlsxwriter), so every format shows the same text.

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "render/svg_chart.h"

namespace gongkai::render {

enum class Align { kLeft, kCenter, kRight };

// A run of plain UTF-8 text ('\n' breaks the line). Writers escape it for their format.
struct Heading {
  int level = 1;  // 1 = the document's title line, 2 = part (一、…), 3 = sub-part
  std::string text;
};

struct Paragraph {
  std::string text;
  Align align = Align::kLeft;
  bool bold = false;
  bool first_line_indent = true;  // two characters, as Chinese official documents are set
};

// One cell of a table. Cells covered by another cell's span are left out of the rows, as in
// HTML; writers place cells on the grid themselves.
struct Cell {
  std::string text;
  int colspan = 1;
  int rowspan = 1;
  bool header = false;
  Align align = Align::kLeft;
  std::optional<double> number = std::nullopt;  // set for counts: XLSX writes a number, others show `text`
};

struct Table {
  std::string caption;                 // shown above; also the XLSX sheet name (trimmed)
  std::vector<std::vector<Cell>> rows;
  int header_rows = 0;                 // repeated on each PDF page; bold in every format
  std::vector<double> column_widths;   // relative widths; empty means equal
};

// A chart, defined once by its data: every writer draws the same SVG (svg_chart). HTML puts
// the SVG inline; PDF draws it as vector graphics (librsvg onto the page's cairo context);
// DOCX embeds a PNG of it with the data summary as alternative text; XLSX gives it a sheet
// with its numbers as a table and the PNG below them. The title is printed above as the
// caption in every format.
struct ChartBlock {
  ChartKind kind = ChartKind::kBar;
  Chart chart;
};

struct PageBreak {};

using Block = std::variant<Heading, Paragraph, Table, ChartBlock, PageBreak>;

enum class PageSize { kA4, kA3 };

struct Document {
  std::string title;  // metadata (PDF/DOCX properties, HTML <title>); not printed by itself
  PageSize page = PageSize::kA4;
  bool landscape = false;
  std::vector<Block> blocks;
};

// An HTML fragment (no <html>/<body>) with every text escaped; tables keep their spans and
// mark header cells with <th scope>.
std::string to_html(const Document& doc);

// PDF bytes. Text is laid out by pango (CJK line breaking), tables split across pages with
// their header rows repeated; pages are numbered "第 N 页 共 M 页".
std::string to_pdf(const Document& doc);

// DOCX bytes: one WordprocessingML document; spans become gridSpan / vMerge.
std::string to_docx(const Document& doc);

// XLSX bytes: a sheet "正文" with the headings and paragraphs in order, then one sheet per
// table with merged cells for spans and numbers as numbers.
std::string to_xlsx(const Document& doc);

// The formats above, for handlers that offer one document as several downloads.
enum class DocumentFormat { kHtml, kPdf, kDocx, kXlsx };

// The format named by an extension or a query value: "pdf", "docx", "xlsx", "html" or "htm"
// (case ignored, leading dot allowed); nullopt for anything else.
std::optional<DocumentFormat> parse_document_format(std::string_view name);

// The Content-Type to send, e.g. "application/pdf".
const char* content_type(DocumentFormat format);

// The file name extension with its dot, e.g. ".pdf".
const char* file_extension(DocumentFormat format);

// to_html, to_pdf, to_docx or to_xlsx as `format` says.
std::string render_document(const Document& doc, DocumentFormat format);

}  // namespace gongkai::render
