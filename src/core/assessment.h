#pragma once
// Performance assessment of disclosure work (把政府信息公开工作纳入机关效能考核): a score per
// department and period from measured indicators, weighted by the office's configured scheme.
// Every score explains itself (each indicator's value, weight and contribution). Pure rules,
// table-tested against testdata/assessment_cases.txt; docs/assessment.md states the formula.

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/checked.h"
#include "core/date.h"

namespace gongkai::core {

enum class Indicator { kQuota, kOnTime, kTimely, kReturned, kSecrecy, kRequests };
inline constexpr std::array<Indicator, 6> kIndicators = {Indicator::kQuota,    Indicator::kOnTime,
                                                         Indicator::kTimely,   Indicator::kReturned,
                                                         Indicator::kSecrecy,  Indicator::kRequests};
std::string_view indicator_id(Indicator i);     // "quota", "on_time", "timely", "returned", "secrecy", "requests"
std::string_view indicator_label(Indicator i);  // "数量完成率", ...
// What the indicator's value measures, for the explanation beside each score.
std::string_view indicator_rule(Indicator i);
std::optional<Indicator> parse_indicator(std::string_view id);

// Weights in whole points, 0..100 each, at least one above 0. Text form
// "quota=30,on_time=20,timely=20,returned=10,secrecy=10,requests=10"; an indicator left out
// weighs 0.
struct Weights {
  std::array<int, 6> w{};
  int of(Indicator i) const { return w[static_cast<int>(i)]; }
  std::string text() const;
  static Checked<Weights> parse(std::string_view text);
  static Weights defaults();  // 30/20/20/10/10/10
};

// A measurement: `good` of `total` (for 退回率 and 保密审查: the ones NOT returned / NOT
// found wanting, so that higher is always better). total == 0 means not applicable.
struct Measure {
  int good = 0;
  int total = 0;
};

struct IndicatorScore {
  Indicator id;
  Measure measure;
  bool applicable = false;
  double value = 0;         // good / total, 0..1
  int weight = 0;
  double contribution = 0;  // points of the 100 this indicator gives
};

struct Score {
  std::vector<IndicatorScore> indicators;
  bool scored = false;      // false when no weighted indicator applies
  double base = 0;          // 0..100
  double adjustment = 0;    // sum of the office's manual adjustments
  double total = 0;         // clamp(base + adjustment, 0, 100)
  std::string formula;      // the formula in words, with this score's numbers
};

// score = 100 × Σ(w·v) / Σ(w) over the applicable indicators with weight > 0; the weight of an
// indicator that does not apply is shared out among the others (so a department without
// requests is not marked down for them). Contribution = 100 × w·v / Σ(w).
Score compute_score(const Weights& weights, const std::array<Measure, 6>& measures, double adjustment);

// One decimal, as shown ("87.5").
std::string format_points(double v);
// Percent with one decimal ("87.5%").
std::string format_percent(double ratio);

// An assessment period: "2026-11" (month), "2026-Q4" (quarter) or "2026" (year).
struct Period {
  std::string id;
  std::string label;  // "2026年11月", "2026年第四季度", "2026年"
  int year = 0;
  int first_month = 1, last_month = 12;
  Date first_day() const { return *Date::from_ymd(year, first_month, 1); }
  Date last_day() const;
};
std::optional<Period> parse_period(std::string_view id);

// Limit for a manual adjustment, in points either way.
inline constexpr double kMaxAdjustment = 20;

}  // namespace gongkai::core
