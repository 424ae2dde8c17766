#include "store/quota_store.h"

namespace gongkai::store {

void upsert_quota_rule(Conn& c, const QuotaRuleRow& r, std::optional<int64_t> by, const std::string& now) {
  c.query("INSERT INTO quota_rules (agency_id, department_id, year, month, items, due_day, shift, updated_by, "
          "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
          "ON CONFLICT (agency_id, department_id, year, month) DO UPDATE SET items = excluded.items, "
          "due_day = excluded.due_day, shift = excluded.shift, updated_by = excluded.updated_by, "
          "updated_at = excluded.updated_at",
          {r.agency_id, r.department_id, r.year, r.month, r.items, r.due_day, r.shift, by, now});
}

namespace {
constexpr const char* kRuleCols = "id, agency_id, department_id, year, month, items, due_day, shift, updated_at";
QuotaRuleRow rule_from(const Row& r) {
  return {r.i64(0), r.i64(1), r.i64(2), static_cast<int>(r.i64(3)), static_cast<int>(r.i64(4)),
          static_cast<int>(r.i64(5)), static_cast<int>(r.i64(6)), r.str(7), r.str(8)};
}
}  // namespace

bool delete_quota_rule(Conn& c, int64_t agency_id, int64_t rule_id) {
  c.query("DELETE FROM quota_rules WHERE agency_id = ? AND id = ?", {agency_id, rule_id});
  return c.changes() > 0;
}

std::optional<QuotaRuleRow> find_quota_rule(Conn& c, int64_t agency_id, int64_t rule_id) {
  auto r = c.query_one(std::string("SELECT ") + kRuleCols + " FROM quota_rules WHERE agency_id = ? AND id = ?",
                       {agency_id, rule_id});
  if (!r) return std::nullopt;
  return rule_from(*r);
}

std::vector<QuotaRuleRow> list_quota_rules(Conn& c, int64_t agency_id, int year) {
  std::vector<QuotaRuleRow> out;
  for (const Row& r : c.query(std::string("SELECT ") + kRuleCols +
                                  " FROM quota_rules WHERE agency_id = ? AND year = ? ORDER BY department_id, month",
                              {agency_id, year})) {
    out.push_back(rule_from(r));
  }
  return out;
}

int remind_workdays(Conn& c, int64_t agency_id) {
  auto r = c.query_one("SELECT remind_workdays FROM quota_settings WHERE agency_id = ?", {agency_id});
  return r ? static_cast<int>(r->i64(0)) : 3;
}

void set_remind_workdays(Conn& c, int64_t agency_id, int days, const std::string& now) {
  c.query("INSERT INTO quota_settings (agency_id, remind_workdays, updated_at) VALUES (?, ?, ?) "
          "ON CONFLICT (agency_id) DO UPDATE SET remind_workdays = excluded.remind_workdays, "
          "updated_at = excluded.updated_at",
          {agency_id, days, now});
}

std::map<int64_t, DeptActivity> department_activity(Conn& c, int64_t agency_id, const std::string& from,
                                                    const std::string& to, const std::string& on_time_before) {
  std::map<int64_t, DeptActivity> out;
  for (const Row& r : c.query(
           "SELECT r.department_id, "
           "COUNT(DISTINCT CASE WHEN e.action = 'submit' THEN e.item_id END), "
           "COUNT(DISTINCT CASE WHEN e.action = 'submit' AND e.at < ? THEN e.item_id END), "
           "COUNT(DISTINCT CASE WHEN e.action = 'publish' THEN e.item_id END), "
           "SUM(CASE WHEN e.action = 'return' THEN 1 ELSE 0 END), "
           "SUM(CASE WHEN e.action = 'submit' THEN 1 ELSE 0 END) "
           "FROM workflow_events e JOIN item_revisions r ON r.id = e.rev_id "
           "WHERE e.agency_id = ? AND e.at >= ? AND e.at < ? AND e.action IN ('submit', 'publish', 'return') "
           "AND r.department_id IS NOT NULL GROUP BY r.department_id",
           {on_time_before, agency_id, from, to})) {
    out[r.i64(0)] = {static_cast<int>(r.i64(1)), static_cast<int>(r.i64(2)), static_cast<int>(r.i64(3)),
                     static_cast<int>(r.i64(4)), static_cast<int>(r.i64(5))};
  }
  return out;
}

std::map<int64_t, std::pair<int, int>> department_timeliness(Conn& c, int64_t agency_id, const std::string& from,
                                                             const std::string& to) {
  std::map<int64_t, std::pair<int, int>> out;
  for (const Row& r : c.query("SELECT department_id, COUNT(*), SUM(CASE WHEN late = 0 THEN 1 ELSE 0 END) "
                              "FROM items WHERE agency_id = ? AND status <> 'draft' AND publish_date >= ? "
                              "AND publish_date <= ? AND creation_date IS NOT NULL AND department_id IS NOT NULL "
                              "GROUP BY department_id",
                              {agency_id, from, to})) {
    out[r.i64(0)] = {static_cast<int>(r.i64(1)), static_cast<int>(r.i64(2))};
  }
  return out;
}

std::map<int64_t, std::pair<int, int>> department_secrecy_reviews(Conn& c, int64_t agency_id,
                                                                  const std::string& from, const std::string& to) {
  std::map<int64_t, std::pair<int, int>> out;
  for (const Row& r : c.query("SELECT department_id, COUNT(*), SUM(CASE WHEN result = '通过' THEN 1 ELSE 0 END) "
                              "FROM secrecy_register WHERE agency_id = ? AND reviewed_at >= ? AND reviewed_at < ? "
                              "AND department_id IS NOT NULL GROUP BY department_id",
                              {agency_id, from, to})) {
    out[r.i64(0)] = {static_cast<int>(r.i64(1)), static_cast<int>(r.i64(2))};
  }
  return out;
}

std::map<int64_t, std::pair<int, int>> department_request_timeliness(Conn& c, int64_t agency_id,
                                                                     const std::string& from, const std::string& to) {
  std::map<int64_t, std::pair<int, int>> out;
  for (const Row& r : c.query(
           "SELECT u.department_id, COUNT(*), SUM(CASE WHEN e.event_date <= q.due_on THEN 1 ELSE 0 END) "
           "FROM request_events e JOIN requests q ON q.id = e.request_id JOIN users u ON u.id = e.actor_id "
           "WHERE e.agency_id = ? AND e.kind = 'decided' AND e.event_date >= ? AND e.event_date <= ? "
           "AND q.due_on IS NOT NULL AND u.department_id IS NOT NULL "
           "AND e.id = (SELECT MAX(e2.id) FROM request_events e2 WHERE e2.request_id = e.request_id "
           "AND e2.kind = 'decided') GROUP BY u.department_id",
           {agency_id, from, to})) {
    out[r.i64(0)] = {static_cast<int>(r.i64(1)), static_cast<int>(r.i64(2))};
  }
  return out;
}

bool insert_quota_notice(Conn& c, int64_t agency_id, const QuotaNoticeRow& n, const std::string& now) {
  c.query("INSERT INTO quota_notices (agency_id, department_id, year, month, kind, audience, message, created_at) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (agency_id, department_id, year, month, kind) DO NOTHING",
          {agency_id, n.department_id, n.year, n.month, n.kind, n.audience, n.message, now});
  return c.changes() > 0;
}

namespace {
constexpr const char* kNoticeSelect =
    "SELECT n.id, n.department_id, d.name, n.year, n.month, n.kind, n.audience, n.message, n.created_at, n.mailed "
    "FROM quota_notices n JOIN departments d ON d.id = n.department_id ";
QuotaNoticeRow notice_from(const Row& r) {
  return {r.i64(0), r.i64(1), r.str(2), static_cast<int>(r.i64(3)), static_cast<int>(r.i64(4)), r.str(5), r.str(6),
          r.str(7), r.str(8), r.i64(9) != 0};
}
}  // namespace

std::vector<QuotaNoticeRow> list_quota_notices(Conn& c, int64_t agency_id, std::optional<int64_t> department_id,
                                               int limit) {
  std::vector<QuotaNoticeRow> out;
  Rows rows = department_id
                  ? c.query(std::string(kNoticeSelect) +
                                "WHERE n.agency_id = ? AND n.department_id = ? AND n.audience = 'department' "
                                "ORDER BY n.created_at DESC, n.id DESC LIMIT ?",
                            {agency_id, *department_id, limit})
                  : c.query(std::string(kNoticeSelect) +
                                "WHERE n.agency_id = ? AND n.audience = 'office' ORDER BY n.created_at DESC, n.id DESC "
                                "LIMIT ?",
                            {agency_id, limit});
  for (const Row& r : rows) out.push_back(notice_from(r));
  return out;
}

std::vector<QuotaNoticeRow> unmailed_quota_notices(Conn& c, int64_t agency_id) {
  std::vector<QuotaNoticeRow> out;
  for (const Row& r : c.query(std::string(kNoticeSelect) + "WHERE n.agency_id = ? AND n.mailed = 0 ORDER BY n.id",
                              {agency_id})) {
    out.push_back(notice_from(r));
  }
  return out;
}

void mark_quota_notice_mailed(Conn& c, int64_t notice_id) {
  c.query("UPDATE quota_notices SET mailed = 1 WHERE id = ?", {notice_id});
}

namespace {
constexpr const char* kSchemeSelect =
    "SELECT s.id, s.version, s.weights, s.note, COALESCE(u.display_name, ''), s.created_at "
    "FROM assessment_schemes s LEFT JOIN users u ON u.id = s.created_by WHERE s.agency_id = ? ";
SchemeRow scheme_from(const Row& r) {
  return {r.i64(0), static_cast<int>(r.i64(1)), r.str(2), r.str(3), r.str(4), r.str(5)};
}
}  // namespace

std::optional<SchemeRow> current_scheme(Conn& c, int64_t agency_id) {
  auto r = c.query_one(std::string(kSchemeSelect) + "ORDER BY s.version DESC LIMIT 1", {agency_id});
  if (!r) return std::nullopt;
  return scheme_from(*r);
}

std::vector<SchemeRow> list_schemes(Conn& c, int64_t agency_id) {
  std::vector<SchemeRow> out;
  for (const Row& r : c.query(std::string(kSchemeSelect) + "ORDER BY s.version DESC", {agency_id})) {
    out.push_back(scheme_from(r));
  }
  return out;
}

int insert_scheme(Conn& c, int64_t agency_id, const std::string& weights, const std::string& note,
                  std::optional<int64_t> by, const std::string& now) {
  int version = static_cast<int>(
                    c.query_int("SELECT COALESCE(MAX(version), 0) FROM assessment_schemes WHERE agency_id = ?",
                                {agency_id})) +
                1;
  c.query("INSERT INTO assessment_schemes (agency_id, version, weights, note, created_by, created_at) "
          "VALUES (?, ?, ?, ?, ?, ?)",
          {agency_id, version, weights, note, by, now});
  return version;
}

int64_t insert_adjustment(Conn& c, int64_t agency_id, const AdjustmentRow& a, std::optional<int64_t> by,
                          const std::string& now) {
  return c.query_one("INSERT INTO assessment_adjustments (agency_id, department_id, period, points, reason, "
                     "created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
                     {agency_id, a.department_id, a.period, a.points, a.reason, by, now})
      ->i64(0);
}

std::vector<AdjustmentRow> list_adjustments(Conn& c, int64_t agency_id, const std::string& period) {
  std::vector<AdjustmentRow> out;
  for (const Row& r : c.query("SELECT a.id, a.department_id, a.period, a.points, a.reason, "
                              "COALESCE(u.display_name, ''), a.created_at FROM assessment_adjustments a "
                              "LEFT JOIN users u ON u.id = a.created_by WHERE a.agency_id = ? AND a.period = ? "
                              "ORDER BY a.id",
                              {agency_id, period})) {
    out.push_back({r.i64(0), r.i64(1), r.str(2), r.real(3), r.str(4), r.str(5), r.str(6)});
  }
  return out;
}

}  // namespace gongkai::store
