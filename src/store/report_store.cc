#include "store/report_store.h"

namespace gongkai::store {
namespace {

// The agency's requests received up to a day (parameters: agency, day) with the day they
// concluded (first decision, withdrawal or treated-as-withdrawn, kept on the row), read from the
// covering index requests_agency_report.
constexpr const char* kRequestsWithConclusion =
    "SELECT r.id, r.tracking_code, r.applicant_kind, r.channel, r.received_on, r.outcome, "
    "r.concluded_on AS concluded FROM requests r WHERE r.agency_id = ? AND r.received_on <= ?";

}  // namespace

std::vector<ClassCountRow> count_items_by_class(Conn& c, int64_t agency_id, const std::string& year_start,
                                                const std::string& year_end) {
  std::vector<ClassCountRow> out;
  auto rows = c.query(
      "SELECT i.class_id, COUNT(*), "
      "SUM(CASE WHEN i.publish_date >= ? THEN 1 ELSE 0 END), "
      "SUM(CASE WHEN i.carrier = '电子' THEN 1 ELSE 0 END), "
      "SUM(CASE WHEN i.validity = '废止' AND i.validity_changed_on >= ? AND i.validity_changed_on <= ? "
      "THEN 1 ELSE 0 END), "
      "SUM(CASE WHEN i.validity = '有效' OR i.validity_changed_on > ? "
      "THEN 1 ELSE 0 END) "
      "FROM items i "
      "WHERE i.agency_id = ? AND i.status IN ('published', 'withdrawn') AND i.publish_date <= ? "
      "GROUP BY i.class_id ORDER BY i.class_id",
      {year_start, year_start, year_end, year_end, agency_id, year_end});
  for (const auto& r : rows) {
    ClassCountRow x;
    x.class_id = r.opt_i64(0);
    x.cumulative = r.i64(1);
    x.in_year = r.i64(2);
    x.electronic = r.i64(3);
    x.repealed_in_year = r.i64(4);
    x.in_force = r.i64(5);
    out.push_back(x);
  }
  return out;
}

std::vector<ReportRequestRow> report_requests(Conn& c, int64_t agency_id, const std::string& year_start,
                                              const std::string& year_end) {
  std::vector<ReportRequestRow> out;
  c.for_each(
      std::string("SELECT id, tracking_code, applicant_kind, channel, received_on, outcome, concluded FROM (") +
          kRequestsWithConclusion + ") x WHERE concluded IS NULL OR concluded >= ? ORDER BY received_on, id",
      {agency_id, year_end, year_start}, [&](const Row& r) {
        ReportRequestRow x;
        x.id = r.i64(0);
        x.tracking_code = r.str(1);
        x.applicant_kind = r.str(2);
        x.channel = r.str(3);
        x.received_on = r.str(4);
        x.outcome = r.opt_str(5);
        x.concluded_on = r.opt_str(6);
        out.push_back(std::move(x));
      });
  return out;
}

std::vector<ReportRequestGroup> report_request_groups(Conn& c, int64_t agency_id, const std::string& year_start,
                                                      const std::string& year_end) {
  std::vector<ReportRequestGroup> out;
  for (const auto& r : c.query(
           std::string("SELECT applicant_kind, channel, CASE WHEN received_on >= ? THEN 1 ELSE 0 END, "
                       "CASE WHEN concluded IS NOT NULL AND concluded <= ? THEN 1 ELSE 0 END, outcome, COUNT(*) "
                       "FROM (") +
               kRequestsWithConclusion + ") x WHERE concluded IS NULL OR concluded >= ? GROUP BY 1, 2, 3, 4, 5",
           {year_start, year_end, agency_id, year_end, year_start})) {
    ReportRequestGroup g;
    g.applicant_kind = r.str(0);
    g.channel = r.str(1);
    g.received_in_year = r.i64(2) != 0;
    g.concluded_in_year = r.i64(3) != 0;
    g.outcome = r.opt_str(4);
    g.count = r.i64(5);
    out.push_back(std::move(g));
  }
  return out;
}

std::vector<FeeEventRow> report_fee_events(Conn& c, int64_t agency_id, const std::string& year_start,
                                           const std::string& year_end) {
  std::vector<FeeEventRow> out;
  for (const auto& r : c.query(
           "SELECT e.request_id, e.seq, e.kind, e.event_date, e.detail FROM request_events e "
           "WHERE e.agency_id = ? AND e.kind IN ('fee_notice', 'fee_paid', 'fee_waived') AND e.request_id IN "
           "(SELECT request_id FROM request_events WHERE agency_id = ? AND kind IN ('fee_paid', 'fee_waived') "
           "AND event_date >= ? AND event_date <= ?) ORDER BY e.request_id, e.seq",
           {agency_id, agency_id, year_start, year_end})) {
    out.push_back({r.i64(0), static_cast<int>(r.i64(1)), r.str(2), r.str(3), r.str(4)});
  }
  return out;
}

std::vector<ReportAppealRow> report_appeals(Conn& c, int64_t agency_id, const std::string& year_start,
                                            const std::string& year_end) {
  std::vector<ReportAppealRow> out;
  for (const auto& r : c.query(
           "SELECT id, kind, result, filed_on, case_ref, decided_on FROM appeals WHERE agency_id = ? "
           "AND filed_on <= ? AND (decided_on IS NULL OR decided_on >= ?) ORDER BY filed_on, id",
           {agency_id, year_end, year_start})) {
    out.push_back({r.i64(0), r.str(1), r.str(2), r.str(3), r.str(4), r.opt_str(5)});
  }
  return out;
}

std::optional<ReportDraftRow> find_report_draft(Conn& c, int64_t agency_id, int year, const std::string& layout) {
  auto r = c.query_one(
      "SELECT agency_id, year, layout, parts, figures, updated_by, updated_at FROM report_drafts "
      "WHERE agency_id = ? AND year = ? AND layout = ?",
      {agency_id, year, layout});
  if (!r) return std::nullopt;
  return ReportDraftRow{r->i64(0), static_cast<int>(r->i64(1)), r->str(2), r->str(3), r->str(4),
                        r->opt_i64(5), r->str(6)};
}

void save_report_draft(Conn& c, const ReportDraftRow& d) {
  c.query(
      "INSERT INTO report_drafts (agency_id, year, layout, parts, figures, updated_by, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (agency_id, year, layout) DO UPDATE SET "
      "parts = excluded.parts, figures = excluded.figures, updated_by = excluded.updated_by, "
      "updated_at = excluded.updated_at",
      {d.agency_id, d.year, d.layout, d.parts, d.figures, d.updated_by, d.updated_at});
}

namespace {

constexpr const char* kPubCols =
    "id, agency_id, year, layout, version, current, data_json, parts, published_by, published_at "
    "FROM published_reports ";

PublishedReportRow published_from(const Row& r) {
  PublishedReportRow p;
  p.id = r.i64(0);
  p.agency_id = r.i64(1);
  p.year = static_cast<int>(r.i64(2));
  p.layout = r.str(3);
  p.version = static_cast<int>(r.i64(4));
  p.current = r.i64(5) != 0;
  p.data_json = r.str(6);
  p.parts = r.str(7);
  p.published_by = r.opt_i64(8);
  p.published_at = r.str(9);
  return p;
}

}  // namespace

int insert_published_report(Conn& c, PublishedReportRow r) {
  r.version = static_cast<int>(c.query_int(
                  "SELECT COALESCE(MAX(version), 0) FROM published_reports WHERE agency_id = ? AND year = ? "
                  "AND layout = ?",
                  {r.agency_id, r.year, r.layout})) +
              1;
  // One current report per year: a new version (of either layout) replaces the previous one.
  c.query("UPDATE published_reports SET current = 0 WHERE agency_id = ? AND year = ?", {r.agency_id, r.year});
  c.query(
      "INSERT INTO published_reports (agency_id, year, layout, version, current, data_json, parts, published_by, "
      "published_at) VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?)",
      {r.agency_id, r.year, r.layout, r.version, r.data_json, r.parts, r.published_by, r.published_at});
  return r.version;
}

std::vector<PublishedReportRow> list_published_reports(Conn& c, int64_t agency_id) {
  std::vector<PublishedReportRow> out;
  for (const auto& r : c.query(std::string("SELECT ") + kPubCols +
                                   "WHERE agency_id = ? AND current = 1 ORDER BY year DESC",
                               {agency_id})) {
    out.push_back(published_from(r));
  }
  return out;
}

std::optional<PublishedReportRow> find_published_report(Conn& c, int64_t agency_id, int year) {
  auto r = c.query_one(std::string("SELECT ") + kPubCols + "WHERE agency_id = ? AND year = ? AND current = 1",
                       {agency_id, year});
  if (!r) return std::nullopt;
  return published_from(*r);
}

std::optional<PublishedReportRow> find_report_version(Conn& c, int64_t agency_id, int year, const std::string& layout,
                                                      int version) {
  auto r = c.query_one(std::string("SELECT ") + kPubCols + "WHERE agency_id = ? AND year = ? AND layout = ? AND version = ?",
                       {agency_id, year, layout, version});
  if (!r) return std::nullopt;
  return published_from(*r);
}

std::vector<PublishedReportRow> list_report_versions(Conn& c, int64_t agency_id, int year, const std::string& layout) {
  std::vector<PublishedReportRow> out;
  for (const auto& r : c.query(std::string("SELECT ") + kPubCols +
                                   "WHERE agency_id = ? AND year = ? AND layout = ? ORDER BY version DESC",
                               {agency_id, year, layout})) {
    out.push_back(published_from(r));
  }
  return out;
}

std::optional<std::string> first_report_publication(Conn& c, int64_t agency_id, int year) {
  auto r = c.query_one("SELECT MIN(published_at) FROM published_reports WHERE agency_id = ? AND year = ?",
                       {agency_id, year});
  if (!r || r->is_null(0)) return std::nullopt;
  return r->str(0);
}

}  // namespace gongkai::store
