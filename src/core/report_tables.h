#pragma once
// The cells of the 2021 annual report format (国办公开办函〔2021〕30号, DOMAIN.md §4) that are
// counted from requests and appeals: table 三 (requests by applicant kind and outcome) and
// table 四 (reconsideration and litigation), with the consistency rule of table 三.

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace gongkai::core {

// Columns of table 三, as JSON keys: the six applicant kinds, then "total".
inline constexpr std::array<std::string_view, 7> kTable3Columns = {
    "natural_person", "commercial", "research", "public_interest", "legal_service", "other_org", "total"};
// Index of an applicant kind in kTable3Columns, or -1 (the total column is not a kind).
int table3_column(std::string_view applicant_kind);

// Rows of table 三 in printed order, as JSON keys: "new", "carried_in", every outcome code of
// core/outcomes.h, "total" (三（七）, the sum of the outcome rows) and "carried_out".
const std::vector<std::string>& table3_rows();

using Table3Row = std::array<int64_t, 7>;

class Table3 {
 public:
  Table3();
  // Adds one request of `applicant_kind` to `row` and to the row's total column. Throws
  // std::invalid_argument for an unknown row or kind.
  void add(const std::string& row, std::string_view applicant_kind);
  // Sets one cell (a stored count read back), keeping the row's total column the sum of its
  // kinds. Same errors as add(); n must not be negative.
  void set(const std::string& row, std::string_view applicant_kind, int64_t n);
  // Recomputes the "total" row from the outcome rows (call after the last add).
  void sum_outcomes();
  const Table3Row& row(const std::string& key) const;
  const std::map<std::string, Table3Row>& cells() const { return cells_; }

 private:
  std::map<std::string, Table3Row> cells_;
};

// The rule 一 + 二 = 三（七） + 四 checked per column: the indices (into kTable3Columns) of
// the columns where new + carried_in differs from total + carried_out. Empty when it holds.
std::vector<int> table3_breaks(const Table3& t);

// One line of table 四: how the year's cases stand at its end.
struct AppealCounts {
  int64_t upheld = 0, corrected = 0, other = 0, pending = 0;
  int64_t total() const { return upheld + corrected + other + pending; }
};

// The three lines of table 四, as JSON keys and in printed order.
inline constexpr std::array<std::string_view, 3> kAppealKinds = {"reconsideration", "litigation_direct",
                                                                 "litigation_after_reconsideration"};
// The results of an appeal, as stored: upheld 维持, corrected 纠正, other 其他结果, pending 尚未审结.
inline constexpr std::array<std::string_view, 4> kAppealResults = {"upheld", "corrected", "other", "pending"};

}  // namespace gongkai::core
