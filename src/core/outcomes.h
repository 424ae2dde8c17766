#pragma once
// Outcomes of a request for disclosure (办理结果), coded as the 2021 annual report format counts
// them (国办公开办函〔2021〕30号, table 三; DOMAIN.md §3):
//   granted               （一）予以公开 (also: already published, say where — Art. 36(1))
//   partial               （二）部分公开 (区分处理, counted only here)
//   denied.1 .. denied.8  （三）不予公开
//   unable.1 .. unable.3  （四）无法提供 (unable.1: may name the agency that holds it)
//   not_processed.1 .. 5  （五）不予处理
//   other.1 .. other.3    （六）其他处理
// The 2019 report format has （六） as one row; report_row() folds other.* for it.

#include <string>
#include <string_view>
#include <vector>

namespace gongkai::core {

struct Outcome {
  std::string_view code;         // "denied.4"
  std::string_view group;        // "denied"
  std::string_view group_label;  // "（三）不予公开"
  int item = 0;                  // 4 (0 for granted and partial)
  std::string_view label;        // "保护第三方合法权益"
  std::string_view basis;        // the article of the 2019 条例 it rests on
};

// Every outcome, in the order of the report table.
const std::vector<Outcome>& all_outcomes();

// The outcome with this code, or nullptr.
const Outcome* find_outcome(std::string_view code);

// "（三）不予公开 4. 保护第三方合法权益", or "（一）予以公开"; empty for an unknown code.
std::string outcome_display(std::string_view code);

// The row of table 三 the outcome is counted in: its code for the 2021 format, and for the
// 2019 format (report years 2019 and 2020) "other" for every other.N. Empty for an unknown code.
std::string report_row(std::string_view code, int report_format_year);

// Outcomes that close a request the applicant let lapse; they are recorded through the
// treated-as-withdrawn event, never as a decision: other.1 (no correction in time) and
// other.2 (fee not paid in time).
inline constexpr std::string_view kOutcomeLateCorrection = "other.1";
inline constexpr std::string_view kOutcomeFeeUnpaid = "other.2";
// A request the applicant withdrew is counted under （六）3 其他.
inline constexpr std::string_view kOutcomeWithdrawn = "other.3";

}  // namespace gongkai::core
