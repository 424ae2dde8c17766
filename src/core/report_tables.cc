#include "core/report_tables.h"

#include <stdexcept>

#include "core/outcomes.h"

namespace gongkai::core {

int table3_column(std::string_view applicant_kind) {
  for (size_t i = 0; i + 1 < kTable3Columns.size(); ++i) {
    if (kTable3Columns[i] == applicant_kind) return static_cast<int>(i);
  }
  return -1;
}

const std::vector<std::string>& table3_rows() {
  static const std::vector<std::string> kRows = [] {
    std::vector<std::string> rows = {"new", "carried_in"};
    for (const auto& o : all_outcomes()) rows.emplace_back(o.code);
    rows.emplace_back("total");
    rows.emplace_back("carried_out");
    return rows;
  }();
  return kRows;
}

Table3::Table3() {
  for (const auto& r : table3_rows()) cells_[r] = Table3Row{};
}

void Table3::add(const std::string& row, std::string_view applicant_kind) {
  auto it = cells_.find(row);
  int col = table3_column(applicant_kind);
  if (it == cells_.end() || row == "total") throw std::invalid_argument("unknown table 三 row: " + row);
  if (col < 0) throw std::invalid_argument("unknown applicant kind: " + std::string(applicant_kind));
  ++it->second[static_cast<size_t>(col)];
  ++it->second[kTable3Columns.size() - 1];
}

void Table3::set(const std::string& row, std::string_view applicant_kind, int64_t n) {
  auto it = cells_.find(row);
  int col = table3_column(applicant_kind);
  if (it == cells_.end() || row == "total") throw std::invalid_argument("unknown table 三 row: " + row);
  if (col < 0) throw std::invalid_argument("unknown applicant kind: " + std::string(applicant_kind));
  if (n < 0) throw std::invalid_argument("negative count");
  auto& cell = it->second[static_cast<size_t>(col)];
  it->second[kTable3Columns.size() - 1] += n - cell;
  cell = n;
}

void Table3::sum_outcomes() {
  Table3Row total{};
  for (const auto& o : all_outcomes()) {
    const auto& r = cells_.at(std::string(o.code));
    for (size_t i = 0; i < total.size(); ++i) total[i] += r[i];
  }
  cells_["total"] = total;
}

const Table3Row& Table3::row(const std::string& key) const { return cells_.at(key); }

std::vector<int> table3_breaks(const Table3& t) {
  std::vector<int> out;
  const auto &n = t.row("new"), &in = t.row("carried_in"), &tot = t.row("total"), &outr = t.row("carried_out");
  for (size_t i = 0; i < kTable3Columns.size(); ++i) {
    if (n[i] + in[i] != tot[i] + outr[i]) out.push_back(static_cast<int>(i));
  }
  return out;
}

}  // namespace gongkai::core
