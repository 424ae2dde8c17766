#pragma once
// The annual report (年度报告, DOMAIN.md §4): every number counted from the catalog, the
// requests, their fees and the appeals of one agency for one calendar year, and the JSON form
// that the command line writes and the published snapshots keep. The counting rules are
// written down in docs/annual-report.md; the printed layouts are in app/report_document.h.

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/directory.h"
#include "core/report_tables.h"
#include "store/db.h"

namespace gongkai::app {

// The 2008-era layout of the seed report, or the 2021 national format (国办公开办函〔2021〕30号).
enum class ReportLayout { k2008, k2021 };
std::optional<ReportLayout> parse_report_layout(std::string_view id);  // "2008" | "2021"
std::string_view report_layout_id(ReportLayout l);
std::string_view report_layout_label(ReportLayout l);  // "2008年版（条例第492号）" / "2021年版（国办公开办函〔2021〕30号）"

// One of the agency's own top classes (主动公开 classes, as the seed reports them).
struct ClassFigures {
  std::string name;                     // 政策法规类; "未分类" for items without class
  std::vector<std::string> subclasses;  // for "（含规范性文件、本单位文件、上级文件等）"
  int64_t cumulative = 0, in_year = 0;
};

struct ProactiveFigures {
  int64_t cumulative = 0;  // disclosed up to 31 December of the year
  int64_t in_year = 0;     // of which published in the year
  int64_t electronic = 0;  // of the cumulative, carried electronically
  std::vector<ClassFigures> classes;
};

// Table 二, 第二十条第（一）项: one row (规章 or 行政规范性文件).
struct DocFigures {
  int64_t issued = 0, repealed = 0, in_force = 0;
};

// Table 二 figures the catalog does not hold, typed in by the office per report.
struct TypedFigures {
  int64_t permits = 0;      // 行政许可 本年处理决定数量
  int64_t penalties = 0;    // 行政处罚
  int64_t enforcement = 0;  // 行政强制
  int64_t charges_yuan = 0; // 行政事业性收费 本年收费金额, in yuan (printed in 万元)
};

// Information-processing fees of requests (2008: 检索、复制、邮寄 costs), by payment or waiver date.
struct FeeFigures {
  int64_t collected_yuan = 0, collected_requests = 0;
  int64_t waived_yuan = 0, waived_requests = 0;
};

// A request that breaks the rule 一 + 二 = 三（七） + 四 of table 三.
struct RequestProblem {
  int64_t id = 0;
  std::string tracking_code, applicant_kind, reason;
};

struct ReportData {
  int64_t agency_id = 0;
  std::string agency_slug, agency_name;
  std::string address, phone, fax, email;
  int year = 0;
  ProactiveFigures proactive;
  DocFigures rules, normative;  // 规章, 行政规范性文件
  TypedFigures typed;
  FeeFigures fees;
  // 2008 layout: received in the year by channel; concluded in the year by outcome code.
  int64_t received = 0, concluded = 0;
  std::map<std::string, int64_t> received_by_channel, concluded_by_outcome;
  core::Table3 table3;
  std::array<core::AppealCounts, 3> table4{};  // in core::kAppealKinds order
  std::vector<RequestProblem> problems;         // empty when table 三 adds up
  // Channels besides the portal (app/register.h): records per channel in the year, every
  // channel listed. Work-record sentences for the overview (app/supervision.h), the last
  // one always about complaints and reports.
  std::vector<std::pair<std::string, int64_t>> channels;
  std::vector<std::string> work_sentences;
};

// Who may see and prepare the agency's report: 办公室, 分管领导 and 系统管理员 of the agency,
// and the command line. Others get AppError(kForbidden); another agency's principal, not found.
void check_report_reader(const Principal& by, int64_t agency_id);

// Counts everything for `year` (1990-2100, else ValidationError "year"). The typed figures
// come from the office's draft of the report when one exists (either layout), else zero.
ReportData compute_report(store::Database& db, const Principal& by, int64_t agency_id, int year);

// The JSON of the report: `proactive`, `table2`, `table3`, `table4`, `fees`, `requests` as
// described in the issue and docs/annual-report.md, plus `agency`, `year`, `layout` and
// `problems`. Keys keep this order; shares are numbers rounded half-up to two decimals.
std::string report_json(const ReportData& d, ReportLayout layout);

// Reads report_json's output back (published snapshots). Throws AppError("invalid_snapshot").
ReportData report_from_json(std::string_view json);

// How the report names its agency in sentences: 我局, 我委, 我办, 我厅, 我院, 我中心 or 我单位,
// from the agency's name (a bracketed second name is ignored).
std::string self_reference(std::string_view agency_name);

}  // namespace gongkai::app
