#pragma once
// The assessment (考核) of each department's disclosure work for a month, quarter or year:
// measured indicators, the office's versioned weights, manual adjustments with reasons, and
// the sheet exported as XLSX/PDF. The formula lives in core/assessment.h; docs/assessment.md
// describes it.

#include <optional>
#include <string>
#include <vector>

#include "app/directory.h"
#include "core/assessment.h"
#include "render/document.h"
#include "store/db.h"
#include "store/quota_store.h"

namespace gongkai::app {

struct DeptScore {
  int64_t department_id = 0;
  std::string department_name;
  core::Score score;
  std::vector<store::AdjustmentRow> adjustments;
  int months_measured = 0;  // months of the period whose quota deadline had passed
};

struct Assessment {
  core::Period period;
  core::Weights weights;
  int scheme_version = 0;   // 0: the built-in default weights (no scheme saved yet)
  std::string scheme_note;
  core::Date as_of;         // measured up to this day
  std::vector<DeptScore> rows;  // ordered by total score, best first; unscored last
};

// Office and leaders; liaisons and heads see their own department's row only.
Assessment assess(store::Database& db, const Principal& by, int64_t agency_id, const std::string& period_id,
                  core::Date today);

// The current weights scheme and the history (office).
std::vector<store::SchemeRow> assessment_schemes(store::Database& db, const Principal& by, int64_t agency_id);
// Saves a new version of the weights; returns the version number.
int save_assessment_scheme(store::Database& db, const Principal& by, int64_t agency_id,
                           const std::map<std::string, std::string>& weights, const std::string& note);

// Adds a manual adjustment (office): points in -20..20 with at most one decimal, reason required.
void add_assessment_adjustment(store::Database& db, const Principal& by, int64_t agency_id,
                               const std::string& department_id, const std::string& period_id,
                               const std::string& points, const std::string& reason);

// Scores of the months of `year` up to `last_month`, per department, for the trend chart.
struct ScoreTrend {
  std::vector<std::string> months;  // "1月", ...
  std::vector<std::pair<std::string, std::vector<std::optional<double>>>> series;  // department → totals
};
ScoreTrend assessment_trend(store::Database& db, const Principal& by, int64_t agency_id, int year, int last_month,
                            core::Date today);

// The months of `year` the trend covers as of `today`: 12 for a past year, up to this month
// for this year, 0 for a later year.
int trend_months(int year, core::Date today);

// The trend as a chart, one line per department: the page shows its SVG, the sheet prints it.
render::ChartBlock trend_chart(int year, const ScoreTrend& trend);

// The assessment sheet: one row per department with each indicator's value, weight and
// contribution, the trend chart when `trend` is given and has months, the adjustments and
// their reasons, and the formula.
render::Document assessment_document(const std::string& agency_name, const Assessment& a,
                                     const ScoreTrend* trend = nullptr);

}  // namespace gongkai::app
