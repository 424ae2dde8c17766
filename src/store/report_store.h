#pragma once
// The annual report's queries (counts over the catalog, requests, fees and appeals of one
// agency up to the end of a year), its working drafts and its published versions. Every
// function takes the agency id and filters on it. The counting rules are in
// docs/annual-report.md; app/annual_report.cc turns these rows into the report's tables.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/db.h"

namespace gongkai::store {

// Catalog counts of one class (the item's class_id, a sub- or top class; nullopt for items
// without class) over items disclosed up to `year_end`: published or later withdrawn, with
// a publication date on or before `year_end`.
struct ClassCountRow {
  std::optional<int64_t> class_id;
  int64_t cumulative = 0;        // publication date <= year_end
  int64_t in_year = 0;           // publication date in [year_start, year_end]
  int64_t electronic = 0;        // cumulative, of which the published version's carrier is 电子
  int64_t repealed_in_year = 0;  // validity 废止 with the change dated in the year
  int64_t in_force = 0;          // cumulative, and 有效 at year_end (never changed, or changed after it)
};
std::vector<ClassCountRow> count_items_by_class(Conn& c, int64_t agency_id, const std::string& year_start,
                                                const std::string& year_end);

// A request that counts in the year: received on or before year_end and not concluded
// before year_start. concluded_on is the first decision, withdrawal or treated-as-withdrawn
// event; outcome is the cached outcome code.
struct ReportRequestRow {
  int64_t id = 0;
  std::string tracking_code, applicant_kind, channel, received_on;
  std::optional<std::string> outcome, concluded_on;
};
std::vector<ReportRequestRow> report_requests(Conn& c, int64_t agency_id, const std::string& year_start,
                                              const std::string& year_end);

// The same requests counted in SQL: one row per (applicant kind, channel, received in the
// year, outcome, concluded in the year) with its count, so that 200,000 requests cost a
// grouped scan and not 200,000 rows.
struct ReportRequestGroup {
  std::string applicant_kind, channel;
  bool received_in_year = false, concluded_in_year = false;
  std::optional<std::string> outcome;
  int64_t count = 0;
};
std::vector<ReportRequestGroup> report_request_groups(Conn& c, int64_t agency_id, const std::string& year_start,
                                                      const std::string& year_end);

// The fee events (fee_notice, fee_paid, fee_waived) of every request with a payment or a
// waiver dated in the year, by request and in recorded order.
struct FeeEventRow {
  int64_t request_id = 0;
  int seq = 0;
  std::string kind, event_date, detail;
};
std::vector<FeeEventRow> report_fee_events(Conn& c, int64_t agency_id, const std::string& year_start,
                                           const std::string& year_end);

// An appeal that counts in the year: filed on or before year_end and not decided before
// year_start.
struct ReportAppealRow {
  int64_t id = 0;
  std::string kind, result, filed_on, case_ref;
  std::optional<std::string> decided_on;
};
std::vector<ReportAppealRow> report_appeals(Conn& c, int64_t agency_id, const std::string& year_start,
                                            const std::string& year_end);

// The office's working draft of one report: narrative parts and typed-in figures, as JSON.
struct ReportDraftRow {
  int64_t agency_id = 0;
  int year = 0;
  std::string layout;  // "2008" | "2021"
  std::string parts = "{}", figures = "{}";
  std::optional<int64_t> updated_by;
  std::string updated_at;
};
std::optional<ReportDraftRow> find_report_draft(Conn& c, int64_t agency_id, int year, const std::string& layout);
void save_report_draft(Conn& c, const ReportDraftRow& d);

// One published version of a report: the data and the parts as they were when published.
struct PublishedReportRow {
  int64_t id = 0, agency_id = 0;
  int year = 0;
  std::string layout;
  int version = 0;
  bool current = true;
  std::string data_json, parts;
  std::optional<int64_t> published_by;
  std::string published_at;
};
// Inserts the next version of (agency, year, layout) and makes it the current one; returns
// its version number. Run inside a transaction.
int insert_published_report(Conn& c, PublishedReportRow r);
// The current version of every year's report of the agency, newest year first.
std::vector<PublishedReportRow> list_published_reports(Conn& c, int64_t agency_id);
// The current version of one year (either layout; the newest published when both exist).
std::optional<PublishedReportRow> find_published_report(Conn& c, int64_t agency_id, int year);
// One version of one year and layout, current or not.
std::optional<PublishedReportRow> find_report_version(Conn& c, int64_t agency_id, int year, const std::string& layout,
                                                      int version);
// Every version of one year and layout, newest first.
std::vector<PublishedReportRow> list_report_versions(Conn& c, int64_t agency_id, int year, const std::string& layout);

// The time of the first published version of the agency's report for `year` (any layout).
std::optional<std::string> first_report_publication(Conn& c, int64_t agency_id, int year);

}  // namespace gongkai::store
