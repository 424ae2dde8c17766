#include "render/document_grid.h"

#include <algorithm>
#include <cmath>

namespace gongkai::render {

TableGrid::TableGrid(const Table& table) : table_(table) {
  rows_ = static_cast<int>(table.rows.size());
  header_rows_ = std::clamp(table.header_rows, 0, rows_);
  // Occupancy per row while placing; the width is only known at the end.
  std::vector<std::vector<int>> occ(rows_);
  auto taken = [&](int r, int c) {
    return c < static_cast<int>(occ[r].size()) && occ[r][c] >= 0;
  };
  row_start_.reserve(rows_ + 1);
  for (int r = 0; r < rows_; ++r) {
    row_start_.push_back(cells_.size());
    int section_end = r < header_rows_ ? header_rows_ : rows_;
    int c = 0;
    for (const Cell& cell : table.rows[r]) {
      while (c < kMaxColumns && taken(r, c)) ++c;
      if (c >= kMaxColumns) break;  // no room left in this row: the rest is dropped
      int cs = std::clamp(cell.colspan, 1, kMaxColumns - c);
      for (int k = 1; k < cs; ++k) {
        if (taken(r, c + k)) {
          cs = k;
          break;
        }
      }
      int rs = std::clamp(cell.rowspan, 1, section_end - r);
      for (int k = 1; k < rs; ++k) {
        bool clash = false;
        for (int j = 0; j < cs && !clash; ++j) clash = taken(r + k, c + j);
        if (clash) {
          rs = k;
          break;
        }
      }
      int index = static_cast<int>(cells_.size());
      cells_.push_back(PlacedCell{&cell, r, c, rs, cs});
      for (int k = 0; k < rs; ++k) {
        auto& o = occ[r + k];
        if (static_cast<int>(o.size()) < c + cs) o.resize(c + cs, -1);
        for (int j = 0; j < cs; ++j) o[c + j] = index;
      }
      cols_ = std::max(cols_, c + cs);
      c += cs;
    }
  }
  row_start_.push_back(cells_.size());
  owner_.assign(static_cast<size_t>(rows_) * cols_, -1);
  for (int r = 0; r < rows_; ++r) {
    std::copy(occ[r].begin(), occ[r].end(), owner_.begin() + static_cast<size_t>(r) * cols_);
  }
}

std::span<const PlacedCell> TableGrid::row_cells(int r) const {
  return std::span<const PlacedCell>(cells_.data() + row_start_[r], row_start_[r + 1] - row_start_[r]);
}

std::vector<double> TableGrid::column_fractions() const {
  std::vector<double> out(cols_, cols_ > 0 ? 1.0 / cols_ : 0.0);
  const auto& w = table_.column_widths;
  if (static_cast<int>(w.size()) != cols_) return out;
  double sum = 0;
  for (double x : w) {
    if (!std::isfinite(x) || x <= 0) return out;
    sum += x;
  }
  if (!std::isfinite(sum)) return out;
  for (int c = 0; c < cols_; ++c) out[c] = w[c] / sum;
  return out;
}

int TableGrid::group_end(int r) const {
  int end = r + 1;
  for (int i = r; i < end && i < rows_; ++i) {
    for (const PlacedCell& p : row_cells(i)) end = std::max(end, p.row + p.rowspan);
  }
  return std::min(end, rows_);
}

}  // namespace gongkai::render
