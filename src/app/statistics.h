#pragma once
// Statistics beside the annual report, per agency and optionally per department: items
// published per month and class, timeliness of publication (working days from creation to
// publication, Art. 26's 20), requests received per month and channel, response times in
// working days (median, average, shortest, longest, as FOIA.gov reports them), outcomes, and
// requests overdue today. Readers: as check_report_reader (办公室, 分管领导, 系统管理员).

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/directory.h"
#include "core/date.h"
#include "core/stats.h"
#include "render/document.h"
#include "store/db.h"

namespace gongkai::app {

struct Statistics {
  int year = 0;
  std::string agency_name, department_name;  // department_name empty: the whole agency
  std::vector<std::string> classes;                        // top class names, in order
  std::map<std::string, std::vector<int64_t>> items_by_class;  // class → 12 monthly counts
  std::vector<int64_t> items_by_month = std::vector<int64_t>(12, 0);
  int64_t published = 0, late = 0;  // late: more than 20 working days from creation
  core::DurationSummary publish_days;
  std::map<std::string, std::vector<int64_t>> requests_by_channel;  // channel id → 12 counts
  std::vector<int64_t> requests_by_month = std::vector<int64_t>(12, 0);
  core::DurationSummary response_days;  // requests concluded in the year: receipt to conclusion
  std::map<std::string, int64_t> outcomes_by_group;  // "（一）予以公开" → count, concluded in the year
  int64_t overdue_now = 0;
};

// `department_id` limits the catalog figures to one department of the agency (else not found).
Statistics compute_statistics(store::Database& db, const Principal& by, int64_t agency_id, int year,
                              std::optional<int64_t> department_id = std::nullopt,
                              std::optional<core::Date> today = std::nullopt);

// The charts, defined once for the dashboard page and the downloads: items published per
// month by top class (bars), requests received per month by channel (lines).
std::vector<render::ChartBlock> statistics_charts(const Statistics& s);

// The tables as a document (for PDF/XLSX downloads), in order: 每月发布信息, 发布及时性,
// 每月收到申请, 答复用时, 办理结果; the first and third with their chart before the table.
render::Document statistics_document(const Statistics& s);

// One table of the document as CSV (UTF-8 with BOM, CRLF), `index` counted from 0; nullopt
// when there is no such table. Spanned cells repeat nothing: each row lists its cells.
std::optional<std::string> statistics_csv(const Statistics& s, size_t index);

}  // namespace gongkai::app
