#pragma once
// Places a Table's cells on its grid, the one place where rowspan/colspan are resolved into
// positions. Every writer (HTML, PDF, DOCX, XLSX) uses it, so all formats agree on where a
// cell lands, even for malformed input.

#include <span>
#include <vector>

#include "render/document.h"

namespace gongkai::render {

// A cell at its grid position with its span as placed (clamped, see TableGrid).
struct PlacedCell {
  const Cell* cell = nullptr;
  int row = 0;
  int col = 0;
  int rowspan = 1;
  int colspan = 1;
};

// The grid of a table, built as HTML's table model does: each cell takes the first free
// column of its row. Spans are clamped so cells never overlap: a span stops at a slot already
// taken, at kMaxColumns, and a rowspan stops at the end of its section (the header rows, or the
// table), because header rows are repeated on their own on every PDF page. Slots no cell covers
// stay empty. The table must outlive the grid.
class TableGrid {
 public:
  static constexpr int kMaxColumns = 63;  // Word's limit for a table

  explicit TableGrid(const Table& table);

  int rows() const { return rows_; }
  int cols() const { return cols_; }
  int header_rows() const { return header_rows_; }

  // Every placed cell, row by row in source order.
  const std::vector<PlacedCell>& cells() const { return cells_; }
  // The cells that start in row r.
  std::span<const PlacedCell> row_cells(int r) const;
  // Index into cells() of the cell covering slot (r, c), or -1 for an empty slot.
  int at(int r, int c) const { return owner_[static_cast<size_t>(r) * cols_ + c]; }

  // Column widths as fractions summing to 1: the table's column_widths when they give one
  // positive finite number per column, otherwise equal.
  std::vector<double> column_fractions() const;

  // The first row after the row group that starts at r: the rows a rowspan ties to r (and to
  // each other), which must stay together unless they do not fit on a page.
  int group_end(int r) const;

 private:
  const Table& table_;
  int rows_ = 0;
  int cols_ = 0;
  int header_rows_ = 0;
  std::vector<PlacedCell> cells_;
  std::vector<size_t> row_start_;  // rows_ + 1 offsets into cells_
  std::vector<int> owner_;         // rows_ * cols_
};

}  // namespace gongkai::render
