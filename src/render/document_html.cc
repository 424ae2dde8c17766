// to_html: the document as an HTML fragment for the portal and the back office. The page's
// stylesheet styles it through the doc-* classes (the CSP forbids inline styles, so column
// widths are classes in steps of 5%).

#include <algorithm>
#include <cmath>
#include <string>

#include "render/document.h"
#include "render/document_grid.h"
#include "render/document_text.h"

namespace gongkai::render {
namespace {

// Escaped text with each '\n' as <br>.
void append_text(std::string& out, std::string_view text) {
  std::string escaped = xml_escape(text);
  size_t from = 0;
  for (size_t nl; (nl = escaped.find('\n', from)) != std::string::npos; from = nl + 1) {
    out.append(escaped, from, nl - from);
    out += "<br>";
  }
  out.append(escaped, from, std::string::npos);
}

const char* align_class(Align a) {
  switch (a) {
    case Align::kCenter: return " doc-center";
    case Align::kRight: return " doc-right";
    case Align::kLeft: break;
  }
  return "";
}

void append_heading(std::string& out, const Heading& h) {
  int level = std::clamp(h.level, 1, 3);
  std::string tag = "h" + std::to_string(level);
  out += "<" + tag + " class=\"doc-h" + std::to_string(level) + "\">";
  append_text(out, h.text);
  out += "</" + tag + ">\n";
}

void append_paragraph(std::string& out, const Paragraph& p) {
  out += "<p class=\"doc-p";
  if (p.first_line_indent && p.align == Align::kLeft) out += " doc-indent";
  out += align_class(p.align);
  if (p.bold) out += " doc-bold";
  out += "\">";
  append_text(out, p.text);
  out += "</p>\n";
}

void append_cell(std::string& out, const PlacedCell& pc, bool in_head) {
  const Cell& cell = *pc.cell;
  bool th = in_head || cell.header;
  out += th ? "<th" : "<td";
  if (th) {
    // Header-row cells label columns; header cells in the body label their row (or rows).
    if (in_head) {
      out += pc.colspan > 1 ? " scope=\"colgroup\"" : " scope=\"col\"";
    } else {
      out += pc.rowspan > 1 ? " scope=\"rowgroup\"" : " scope=\"row\"";
    }
  }
  if (pc.colspan > 1) out += " colspan=\"" + std::to_string(pc.colspan) + "\"";
  if (pc.rowspan > 1) out += " rowspan=\"" + std::to_string(pc.rowspan) + "\"";
  std::string cls = align_class(cell.align);
  if (cell.number) cls += " doc-num";
  if (!cls.empty()) out += " class=\"" + cls.substr(1) + "\"";
  out += ">";
  append_text(out, cell.text);
  out += th ? "</th>" : "</td>";
}

void append_table(std::string& out, const Table& table) {
  TableGrid grid(table);
  // The wrapper scrolls a wide table on a narrow screen; keyboard users need to reach it too.
  out += "<div class=\"doc-table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"";
  append_xml_escaped(out, table.caption.empty() ? std::string_view("表格") : std::string_view(table.caption));
  out += "\"><table class=\"doc-table\">";
  if (!table.caption.empty()) {
    out += "<caption>";
    append_text(out, table.caption);
    out += "</caption>";
  }
  if (!table.column_widths.empty() && grid.cols() > 0) {
    out += "<colgroup>";
    for (double f : grid.column_fractions()) {
      int step = std::clamp(static_cast<int>(std::lround(f * 20)), 1, 20) * 5;
      out += "<col class=\"doc-w" + std::to_string(step) + "\">";
    }
    out += "</colgroup>";
  }
  for (int r = 0; r < grid.rows(); ++r) {
    bool head = r < grid.header_rows();
    if (r == 0 && head) out += "<thead>";
    if (r == grid.header_rows()) out += "<tbody>";
    out += "<tr>";
    for (const PlacedCell& pc : grid.row_cells(r)) append_cell(out, pc, head);
    out += "</tr>\n";
    if (head && r + 1 == grid.header_rows()) out += "</thead>";
  }
  if (grid.rows() > grid.header_rows()) out += "</tbody>";
  out += "</table></div>\n";
}

// The chart's SVG inline (svg_chart escapes every text it writes), its title as the caption.
void append_chart(std::string& out, const ChartBlock& c) {
  out += "<figure class=\"doc-figure chart-figure\">";
  if (!c.chart.title.empty()) {
    out += "<figcaption>";
    append_text(out, c.chart.title);
    out += "</figcaption>";
  }
  out += svg_chart(c.kind, c.chart);
  out += "</figure>\n";
}

}  // namespace

std::string to_html(const Document& doc) {
  std::string out = "<div class=\"doc";
  if (doc.landscape) out += " doc-landscape";
  out += "\">\n";
  for (const Block& block : doc.blocks) {
    if (const auto* h = std::get_if<Heading>(&block)) {
      append_heading(out, *h);
    } else if (const auto* p = std::get_if<Paragraph>(&block)) {
      append_paragraph(out, *p);
    } else if (const auto* t = std::get_if<Table>(&block)) {
      append_table(out, *t);
    } else if (const auto* c = std::get_if<ChartBlock>(&block)) {
      append_chart(out, *c);
    } else {
      out += "<div class=\"doc-page-break\" aria-hidden=\"true\"></div>\n";
    }
  }
  out += "</div>\n";
  return out;
}

}  // namespace gongkai::render
