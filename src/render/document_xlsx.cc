// to_xlsx: the document as a workbook. The sheet "正文" holds the headings and paragraphs in
// order (a table leaves a line naming its sheet); each table gets a sheet of its own with the
// caption on top, merged ranges for spans, counts as numbers, header rows in bold on grey and
// repeated when printed, and column widths from the table's relative widths.

#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "render/chart_image.h"
#include "render/document.h"
#include "render/document_grid.h"
#include "render/document_text.h"

namespace gongkai::render {
namespace {

constexpr size_t kMaxCellChars = 32767;  // Excel's limit for one cell
constexpr const char* kFont = "宋体";
constexpr const char* kBodySheet = "正文";

// A cell's text within Excel's limit.
std::string cell_text(std::string_view text) { return utf8_prefix(clean_text(text), kMaxCellChars); }

std::string ascii_lower(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

// Neither Excel (for merged cells) nor LibreOffice (on opening a file) grows a row to fit
// wrapped text, so rows get a height estimated from their text: the lines `text` takes in
// `width` Excel character units at `size` points (an Excel unit is 7 pixels plus 5 of padding
// per column; a CJK character is one em wide, a Latin one about half), and their height.
int text_lines(std::string_view text, double width, double size) {
  double room = std::max(width * 7 + 5 - 8, 8.0);  // pixels inside the cell's margins
  double em = size * 96 / 72;
  int lines = 0;
  double line = 0;
  bool empty = true;
  auto end_line = [&] {
    lines += std::max(1, static_cast<int>(std::ceil(line * 1.08 / room)));  // 8% for rounding and kerning
    line = 0;
  };
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      end_line();
      continue;
    }
    empty = false;
    if (c < 0x80) {
      line += em * 0.55;
    } else if (c >= 0xC0) {  // the lead byte of a non-ASCII character: CJK or full-width
      line += em;
    }
  }
  end_line();
  return empty ? 1 : lines;
}

// Points for `lines` lines of `size`-point text, within Excel's largest row height (409 pt).
double row_points(int lines, double size) { return std::min(lines * size * 1.45 + 4, 409.0); }

// Sheet names Excel accepts: at most 31 characters, none of []:*?/\, no apostrophe at either
// end, unique without regard to case, not "History" (reserved by Excel).
class SheetNames {
 public:
  SheetNames() { taken_.insert("history"); }

  std::string add(std::string_view wanted, const std::string& fallback) {
    std::string name;
    for (char c : clean_text(wanted)) {
      if (std::string_view("[]:*?/\\").find(c) != std::string_view::npos) continue;
      name += (c == '\n' || c == '\t') ? ' ' : c;
    }
    auto trim = [](std::string& s) {
      while (!s.empty() && (s.front() == ' ' || s.front() == '\'')) s.erase(s.begin());
      while (!s.empty() && (s.back() == ' ' || s.back() == '\'')) s.pop_back();
    };
    trim(name);
    name = utf8_prefix(name, 31);
    trim(name);
    if (name.empty()) name = fallback;
    std::string candidate = name;
    for (int n = 2; taken_.contains(ascii_lower(candidate)); ++n) {
      std::string suffix = "(" + std::to_string(n) + ")";
      candidate = utf8_prefix(name, 31 - suffix.size()) + suffix;
    }
    taken_.insert(ascii_lower(candidate));
    return candidate;
  }

 private:
  std::set<std::string> taken_;
};

// The workbook in a temporary file that is removed however we leave.
struct TempFile {
  std::filesystem::path path;
  TempFile() {
    std::string pattern = (std::filesystem::temp_directory_path() / "gk-xlsx-XXXXXX").string();
    int fd = mkstemp(pattern.data());
    if (fd < 0) throw std::runtime_error("XLSX output failed: cannot create a temporary file");
    close(fd);
    path = pattern;
  }
  ~TempFile() {
    std::error_code ignored;
    std::filesystem::remove(path, ignored);
  }
};

class XlsxWriter {
 public:
  explicit XlsxWriter(const Document& doc, const std::string& path) : doc_(doc) {
    lxw_workbook_options options{};
    options.constant_memory = LXW_FALSE;  // merged ranges span rows, so rows are not final at once
    book_ = workbook_new_opt(path.c_str(), &options);
    if (!book_) throw std::runtime_error("XLSX output failed: cannot create the workbook");
  }
  ~XlsxWriter() {
    if (book_) workbook_close(book_);
  }

  void write() {
    title_ = clean_text(doc_.title);
    lxw_doc_properties props{};
    props.title = title_.data();
    props.author = const_cast<char*>("Gongkai");
    workbook_set_properties(book_, &props);

    lxw_worksheet* body = add_sheet(names_.add(kBodySheet, kBodySheet));
    worksheet_set_column(body, 0, 0, total_width(), nullptr);
    lxw_row_t row = 0;
    std::vector<lxw_row_t> breaks;
    int table_number = 0;
    for (const Block& block : doc_.blocks) {
      if (const auto* h = std::get_if<Heading>(&block)) {
        int level = std::clamp(h->level, 1, 3);
        double size = level == 1 ? 16 : 12;
        worksheet_set_row(body, row, row_points(text_lines(h->text, total_width(), size), size), nullptr);
        worksheet_write_string(body, row++, 0, cell_text(h->text).c_str(), heading_format(level));
      } else if (const auto* p = std::get_if<Paragraph>(&block)) {
        // Two ideographic spaces: the first-line indent, as offices type it in a spreadsheet.
        std::string text = (p->first_line_indent && p->align == Align::kLeft ? "\u3000\u3000" : "") + cell_text(p->text);
        worksheet_set_row(body, row, row_points(text_lines(text, total_width(), 11), 11), nullptr);
        worksheet_write_string(body, row++, 0, utf8_prefix(text, kMaxCellChars).c_str(), paragraph_format(*p));
      } else if (const auto* t = std::get_if<Table>(&block)) {
        ++table_number;
        std::string name = names_.add(t->caption, "表" + std::to_string(table_number));
        std::string note = (t->caption.empty() ? std::string("表格") : cell_text(t->caption)) + "（见工作表「" + name + "」）";
        worksheet_write_string(body, row++, 0, utf8_prefix(note, kMaxCellChars).c_str(), paragraph_format(Paragraph{}));
        table_sheet(*t, name);
      } else if (const auto* c = std::get_if<ChartBlock>(&block)) {
        ++table_number;
        std::string name = names_.add(c->chart.title, "图" + std::to_string(table_number));
        std::string note = (c->chart.title.empty() ? std::string("图表") : cell_text(c->chart.title)) + "（见工作表「" + name + "」）";
        worksheet_write_string(body, row++, 0, utf8_prefix(note, kMaxCellChars).c_str(), paragraph_format(Paragraph{}));
        chart_sheet(*c, name);
      } else if (row > 0 && (breaks.empty() || breaks.back() != row) && breaks.size() < 1023) {
        breaks.push_back(row);
      }
    }
    worksheet_fit_to_pages(body, 1, 0);  // one page wide, as many pages down as it takes
    if (!breaks.empty()) {
      breaks.push_back(0);  // the list ends with 0
      worksheet_set_h_pagebreaks(body, breaks.data());
    }
    lxw_error error = workbook_close(book_);
    book_ = nullptr;
    if (error != LXW_NO_ERROR) throw std::runtime_error(std::string("XLSX output failed: ") + lxw_strerror(error));
  }

 private:
  double total_width() const {
    // Character widths that fill the printed page: A4 portrait takes about 80 in Excel, but
    // LibreOffice without Calibri's metric twin (Carlito) measures the unit wider and cuts
    // the body's lines at the page edge at 80, so 75.
    double w = doc_.page == PageSize::kA3 ? 108 : 75;
    return doc_.landscape ? w * 1.42 : w;
  }

  lxw_worksheet* add_sheet(const std::string& name) {
    lxw_worksheet* sheet = workbook_add_worksheet(book_, name.c_str());
    if (!sheet) throw std::runtime_error("XLSX output failed: sheet name rejected");
    worksheet_set_paper(sheet, doc_.page == PageSize::kA3 ? 8 : 9);
    if (doc_.landscape) worksheet_set_landscape(sheet);
    return sheet;
  }

  lxw_format* format(const std::string& key, int size, bool bold, bool border, bool grey, Align align) {
    auto it = formats_.find(key);
    if (it != formats_.end()) return it->second;
    lxw_format* f = workbook_add_format(book_);
    format_set_font_name(f, kFont);
    format_set_font_size(f, size);
    if (bold) format_set_bold(f);
    if (border) format_set_border(f, LXW_BORDER_THIN);
    if (grey) format_set_bg_color(f, 0xF2F2F2);
    format_set_text_wrap(f);
    format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
    format_set_align(f, align == Align::kCenter ? LXW_ALIGN_CENTER : align == Align::kRight ? LXW_ALIGN_RIGHT : LXW_ALIGN_LEFT);
    formats_[key] = f;
    return f;
  }

  lxw_format* heading_format(int level) {
    return format("h" + std::to_string(level), level == 1 ? 16 : 12, true, false, false,
                  level == 1 ? Align::kCenter : Align::kLeft);
  }

  lxw_format* paragraph_format(const Paragraph& p) {
    return format("p" + std::to_string(static_cast<int>(p.align)) + (p.bold ? "b" : ""), 11, p.bold, false, false, p.align);
  }

  // kind: 0 header row, 1 row label (header cell in the body), 2 plain.
  lxw_format* cell_format(int kind, Align align) {
    return format("c" + std::to_string(kind) + std::to_string(static_cast<int>(align)), 10, kind < 2, true, kind == 0,
                  align);
  }

  void table_sheet(const Table& t, const std::string& name) {
    lxw_worksheet* sheet = add_sheet(name);
    TableGrid grid(t);
    int cols = std::max(grid.cols(), 1);
    std::vector<double> widths;  // Excel character units
    for (double f : grid.column_fractions()) widths.push_back(std::max(4.0, std::round(f * total_width() * 10) / 10));
    for (int c = 0; c < grid.cols(); ++c) worksheet_set_column(sheet, c, c, widths[c], nullptr);
    lxw_row_t top = 0;
    if (!t.caption.empty()) {
      lxw_format* f = format("caption", 12, true, false, false, Align::kCenter);
      std::string caption = cell_text(t.caption);
      if (cols > 1) {
        worksheet_merge_range(sheet, 0, 0, 0, cols - 1, caption.c_str(), f);
      } else {
        worksheet_write_string(sheet, 0, 0, caption.c_str(), f);
      }
      top = 1;
    }
    // Row heights for the wrapped text: single-row cells first, then a cell spanning rows
    // stretches its last row when the rows together are too low for it (as the PDF does).
    std::vector<double> heights(grid.rows(), row_points(1, 10));
    auto need = [&](const PlacedCell& pc) {
      double width = 0;
      for (int c = pc.col; c < pc.col + pc.colspan; ++c) width += widths[c];
      return row_points(text_lines(clean_text(pc.cell->text), width + (pc.colspan - 1) * 0.7, 10), 10);
    };
    for (int r = 0; r < grid.rows(); ++r) {
      for (const PlacedCell& pc : grid.row_cells(r)) {
        if (pc.rowspan == 1) heights[r] = std::max(heights[r], need(pc));
      }
    }
    for (const PlacedCell& pc : grid.cells()) {
      if (pc.rowspan == 1) continue;
      int last = std::min(pc.row + pc.rowspan, grid.rows()) - 1;
      double sum = 0;
      for (int r = pc.row; r <= last; ++r) sum += heights[r];
      if (sum < need(pc)) heights[last] += need(pc) - sum;
    }
    for (int r = 0; r < grid.rows(); ++r) worksheet_set_row(sheet, top + r, std::min(heights[r], 409.0), nullptr);
    // One page wide: LibreOffice (and Excel) would otherwise print the right-hand columns on
    // pages of their own.
    worksheet_fit_to_pages(sheet, 1, 0);
    for (int r = 0; r < grid.rows(); ++r) {
      for (int c = 0; c < grid.cols(); ++c) {
        if (grid.at(r, c) < 0) worksheet_write_blank(sheet, top + r, c, cell_format(2, Align::kLeft));
      }
      for (const PlacedCell& pc : grid.row_cells(r)) {
        const Cell& cell = *pc.cell;
        int kind = r < grid.header_rows() ? 0 : cell.header ? 1 : 2;
        lxw_format* f = cell_format(kind, cell.align);
        lxw_row_t row = top + r;
        std::string text = cell_text(cell.text);
        if (pc.rowspan > 1 || pc.colspan > 1) {
          worksheet_merge_range(sheet, row, pc.col, row + pc.rowspan - 1, pc.col + pc.colspan - 1, text.c_str(), f);
        } else {
          worksheet_write_string(sheet, row, pc.col, text.c_str(), f);
        }
        // Counts as numbers, so offices can sum and check them (merge_range wrote text first).
        if (cell.number && std::isfinite(*cell.number)) worksheet_write_number(sheet, row, pc.col, *cell.number, f);
      }
    }
    if (grid.header_rows() > 0) {
      worksheet_repeat_rows(sheet, top, top + grid.header_rows() - 1);
      worksheet_freeze_panes(sheet, top + grid.header_rows(), 0);
    }
  }

  // A chart's sheet: the title, its numbers as a table (a row per label, a column per series,
  // numbers as numbers) and below it the PNG of the same drawing the other formats show.
  void chart_sheet(const ChartBlock& c, const std::string& name) {
    lxw_worksheet* sheet = add_sheet(name);
    const Chart& chart = c.chart;
    size_t series = std::min<size_t>(chart.series.size(), 200);
    size_t labels = std::min<size_t>(chart.labels.size(), 10000);
    lxw_col_t cols = static_cast<lxw_col_t>(series + 1);
    worksheet_set_column(sheet, 0, 0, 12, nullptr);
    if (series > 0) worksheet_set_column(sheet, 1, cols - 1, 12, nullptr);
    std::string title = cell_text(chart.title);
    lxw_format* caption = format("caption", 12, true, false, false, Align::kCenter);
    if (cols > 1) {
      worksheet_merge_range(sheet, 0, 0, 0, cols - 1, title.c_str(), caption);
    } else {
      worksheet_write_string(sheet, 0, 0, title.c_str(), caption);
    }
    std::string unit = chart.unit.empty() ? "" : "单位：" + cell_text(chart.unit);
    worksheet_write_string(sheet, 1, 0, unit.c_str(), cell_format(0, Align::kCenter));
    for (size_t k = 0; k < series; ++k) {
      worksheet_write_string(sheet, 1, static_cast<lxw_col_t>(k + 1), cell_text(chart.series[k].name).c_str(),
                             cell_format(0, Align::kCenter));
    }
    for (size_t i = 0; i < labels; ++i) {
      lxw_row_t r = static_cast<lxw_row_t>(i + 2);
      worksheet_write_string(sheet, r, 0, cell_text(chart.labels[i]).c_str(), cell_format(1, Align::kCenter));
      for (size_t k = 0; k < series; ++k) {
        const auto& values = chart.series[k].values;
        lxw_col_t col = static_cast<lxw_col_t>(k + 1);
        if (i < values.size() && values[i] && std::isfinite(*values[i])) {
          worksheet_write_number(sheet, r, col, *values[i], cell_format(2, Align::kCenter));
        } else {
          worksheet_write_blank(sheet, r, col, cell_format(2, Align::kCenter));
        }
      }
    }
    images_.push_back(ChartImage(c).png(2));
    lxw_image_options options{};
    options.x_scale = 0.5;  // the PNG has two pixels per SVG pixel
    options.y_scale = 0.5;
    std::string alt = utf8_prefix(chart_description(c.kind, chart), 200);  // Excel keeps short alt texts
    options.description = alt.data();
    const std::string& png = images_.back();
    // Below the table, and the sheet printed one page wide, so the picture is never cut.
    lxw_error error = worksheet_insert_image_buffer_opt(sheet, static_cast<lxw_row_t>(labels + 3), 0,
                                                        reinterpret_cast<const unsigned char*>(png.data()), png.size(), &options);
    worksheet_fit_to_pages(sheet, 1, 0);
    if (error != LXW_NO_ERROR) throw std::runtime_error(std::string("XLSX output failed: ") + lxw_strerror(error));
  }

  const Document& doc_;
  std::vector<std::string> images_;  // PNG bytes kept until the workbook is written
  lxw_workbook* book_ = nullptr;
  std::string title_;
  SheetNames names_;
  std::map<std::string, lxw_format*> formats_;
};

}  // namespace

std::string to_xlsx(const Document& doc) {
  TempFile file;
  XlsxWriter(doc, file.path.string()).write();
  std::ifstream in(file.path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in && !in.eof()) throw std::runtime_error("XLSX output failed: cannot read the workbook back");
  return bytes.str();
}

}  // namespace gongkai::render
