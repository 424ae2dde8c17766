#pragma once
// The city-level view of the annual reports for the 信息中心 (DOMAIN.md §1, §4): the same
// tables summed over every agency of the platform, and the agencies that had not published
// their report by 31 March of the following year (Art. 49-50).

#include <optional>
#include <string>
#include <vector>

#include "app/annual_report.h"
#include "render/document.h"
#include "store/db.h"

namespace gongkai::app {

// Only 信息中心 users and the command line; others get AppError(kForbidden).
void check_city_reader(const Principal& by);

// Every figure of compute_report summed over all agencies; classes are summed by name in the
// order first met; problems carry "slug: " before the reason. Agency fields name the platform
// (`platform_name`).
ReportData compute_city_report(store::Database& db, const Principal& by, int year,
                               const std::string& platform_name = "全市");

struct LateAgency {
  std::string slug, name;
  std::optional<std::string> published_at;  // the first publication, when after the deadline
};
// The agencies whose report for `year` was not published by 31 March of year + 1 (no version
// published on or before that day), by slug.
std::vector<LateAgency> agencies_without_report(store::Database& db, const Principal& by, int year);

// The city summary as a document: the summed tables 二/三/四 and the list of late agencies.
render::Document city_document(const ReportData& sum, const std::vector<LateAgency>& late);

}  // namespace gongkai::app
