// Invariants of the document writers on arbitrary documents (text, spans and header counts
// decoded from the bytes): the grid never overlaps or leaves its bounds, HTML is valid UTF-8
// without control characters or markup from the text, DOCX parts are well-formed XML (one
// input in 32), and PDF/XLSX come out (one in 512: they are slow).
//
// Input: lines; the first byte says what the line is: 'h' heading (next byte: level),
// 'p' paragraph (next byte: flags), 't' a new table (next byte: header rows, rest: caption),
// 'r' a row of the current table with cells split by '|' (each cell's first byte: colspan,
// rowspan, header and number bits), 'b' a page break, 'c' a chart (next byte: line or bar,
// gaps, size; rest: title|label|label…, values from the labels' bytes); any other line is a
// paragraph.
#include <Poco/AutoPtr.h>
#include <Poco/DOM/DOMParser.h>
#include <Poco/DOM/Document.h>
#include <Poco/DOM/Element.h>
#include <Poco/DOM/NodeList.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "render/document.h"
#include "render/document_grid.h"
#include "render/zip_test_util.h"

namespace gongkai::render {
namespace {

[[noreturn]] void fail(const char* what, std::string_view input) {
  std::fprintf(stderr, "document_fuzz: %s\ninput: [%.*s]\n", what, static_cast<int>(input.size()), input.data());
  std::abort();
}

Document decode(std::string_view in) {
  Document d;
  d.title = std::string(in.substr(0, 16));
  if (!in.empty()) {
    d.page = (in[0] & 1) ? PageSize::kA3 : PageSize::kA4;
    d.landscape = in[0] & 2;
  }
  Table* table = nullptr;
  size_t from = 0;
  while (from <= in.size()) {
    size_t nl = in.find('\n', from);
    std::string_view line = in.substr(from, nl == std::string_view::npos ? std::string_view::npos : nl - from);
    from = nl == std::string_view::npos ? in.size() + 1 : nl + 1;
    if (line.empty()) continue;
    unsigned char arg = line.size() > 1 ? static_cast<unsigned char>(line[1]) : 0;
    std::string rest(line.size() > 2 ? line.substr(2) : std::string_view());
    switch (line[0]) {
      case 'h':
        d.blocks.push_back(Heading{static_cast<int>(arg % 5) - 1, rest});
        table = nullptr;
        break;
      case 'p':
        d.blocks.push_back(Paragraph{rest, static_cast<Align>(arg % 3), (arg & 4) != 0, (arg & 8) != 0});
        table = nullptr;
        break;
      case 't': {
        Table t;
        t.caption = rest;
        t.header_rows = static_cast<int>(arg % 6) - 1;
        if (arg & 0x40) t.column_widths = {1, 2, 0.5, 3};
        d.blocks.push_back(std::move(t));
        table = &std::get<Table>(d.blocks.back());
        break;
      }
      case 'r': {
        if (!table) {
          d.blocks.push_back(Table{});
          table = &std::get<Table>(d.blocks.back());
        }
        std::vector<Cell> row;
        std::string_view cells = line.substr(1);
        size_t at = 0;
        while (at <= cells.size()) {
          size_t bar = cells.find('|', at);
          std::string_view c = cells.substr(at, bar == std::string_view::npos ? std::string_view::npos : bar - at);
          at = bar == std::string_view::npos ? cells.size() + 1 : bar + 1;
          Cell cell;
          unsigned char b = c.empty() ? 0 : static_cast<unsigned char>(c[0]);
          cell.colspan = (b & 0x80) ? 100 : 1 + (b & 3);
          cell.rowspan = (b & 0x10) ? -1 : 1 + ((b >> 2) & 3) * 3;
          cell.header = b & 0x20;
          if (b & 0x40) cell.number = static_cast<double>(b) - 100;
          cell.text = std::string(c.empty() ? c : c.substr(1));
          row.push_back(std::move(cell));
        }
        table->rows.push_back(std::move(row));
        break;
      }
      case 'c': {
        ChartBlock c;
        c.kind = (arg & 1) ? ChartKind::kLine : ChartKind::kBar;
        // Small, so the PNGs of DOCX and XLSX stay cheap; 90 is below the minimum (clamped).
        c.chart.width = (arg & 4) ? 90 : 200;
        c.chart.height = 150;
        c.chart.unit = (arg & 8) ? rest.substr(0, 3) : "";
        ChartSeries a{"甲", {}}, b{rest.substr(0, 5), {}};
        size_t at = 0;
        for (int k = 0; at <= rest.size(); ++k) {
          size_t bar = rest.find('|', at);
          std::string part = rest.substr(at, bar == std::string::npos ? std::string::npos : bar - at);
          at = bar == std::string::npos ? rest.size() + 1 : bar + 1;
          if (k == 0) {
            c.chart.title = part;
            continue;
          }
          c.chart.labels.push_back(part);
          double v = part.empty() ? 0 : static_cast<double>(static_cast<signed char>(part[0])) * 37.5;
          a.values.push_back((arg & 2) && k % 3 == 0 ? std::nullopt : std::optional<double>(v));
          b.values.push_back(static_cast<double>(part.size()));
        }
        c.chart.series = {a, b};
        d.blocks.push_back(std::move(c));
        table = nullptr;
        break;
      }
      case 'b':
        d.blocks.push_back(PageBreak{});
        table = nullptr;
        break;
      default:
        d.blocks.push_back(Paragraph{std::string(line)});
        table = nullptr;
    }
  }
  return d;
}

void check_grid(const Table& t, std::string_view input) {
  TableGrid g(t);
  if (g.cols() > TableGrid::kMaxColumns) fail("too many columns", input);
  for (size_t i = 0; i < g.cells().size(); ++i) {
    const PlacedCell& p = g.cells()[i];
    if (p.rowspan < 1 || p.colspan < 1 || p.row + p.rowspan > g.rows() || p.col + p.colspan > g.cols()) {
      fail("cell out of bounds", input);
    }
    if (p.row < g.header_rows() && p.row + p.rowspan > g.header_rows()) fail("header cell spans into the body", input);
    for (int r = p.row; r < p.row + p.rowspan; ++r) {
      for (int c = p.col; c < p.col + p.colspan; ++c) {
        if (g.at(r, c) != static_cast<int>(i)) fail("slot not owned by the cell covering it", input);
      }
    }
  }
}

void check_html(const std::string& html, std::string_view input) {
  for (unsigned char c : html) {
    if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F) fail("control character in HTML", input);
  }
  // The only elements are the writer's own.
  for (size_t lt = html.find('<'); lt != std::string::npos; lt = html.find('<', lt + 1)) {
    std::string_view tag = std::string_view(html).substr(lt + 1, 10);
    bool known = false;
    for (const char* ok : {"div", "/div", "h1", "/h1", "h2", "/h2", "h3", "/h3", "p ", "/p>", "br>", "table", "/table",
                           "caption", "/caption", "colgroup", "/colgroup", "col ", "thead", "/thead", "tbody", "/tbody",
                           "tr>", "/tr>", "th", "/th", "td", "/td", "figure", "/figure", "figcaption", "/figcapt",  // 10 bytes are compared
                           // the chart's SVG (render/svg_chart.cc)
                           "svg ", "/svg>", "title>", "/title>", "desc>", "/desc>", "rect ", "/rect>", "g>", "g ",
                           "/g>", "line ", "text ", "/text>", "polyline ", "polygon ", "/polygon>", "circle ",
                           "/circle>"}) {
      known |= tag.starts_with(ok);
    }
    if (!known) fail("unexpected tag in HTML", input);
  }
}

void check_docx(const std::string& docx, std::string_view input) {
  auto parts = testing::unzip(docx);
  Poco::XML::DOMParser parser;
  for (const auto& [name, xml] : parts) {
    if (name.ends_with('/') || name.ends_with(".png")) continue;
    try {
      Poco::AutoPtr<Poco::XML::Document> doc = parser.parseString(xml);
    } catch (const std::exception& e) {
      fail("DOCX part is not well-formed XML", input);
    }
  }
}

}  // namespace
}  // namespace gongkai::render

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace gongkai::render;
  std::string_view input(reinterpret_cast<const char*>(data), size);
  Document d = decode(input);
  for (const Block& b : d.blocks) {
    if (const auto* t = std::get_if<Table>(&b)) check_grid(*t, input);
  }
  check_html(to_html(d), input);
  unsigned hash = 2166136261u;
  for (unsigned char c : input) hash = (hash ^ c) * 16777619u;
  if (hash % 32 == 0) check_docx(to_docx(d), input);
  if (hash % 512 == 1) {
    if (!to_pdf(d).starts_with("%PDF-")) fail("no PDF", input);
    if (!to_xlsx(d).starts_with("PK")) fail("no XLSX", input);
  }
  return 0;
}
