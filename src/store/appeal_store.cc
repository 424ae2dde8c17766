#include "store/appeal_store.h"

namespace gongkai::store {
namespace {

constexpr const char* kCols =
    "a.id, a.agency_id, a.request_id, a.kind, a.filed_on, a.case_ref, a.result, a.decided_on, a.remarks, "
    "a.created_by, a.created_at, a.updated_at, COALESCE(r.tracking_code, '') "
    "FROM appeals a LEFT JOIN requests r ON r.id = a.request_id AND r.agency_id = a.agency_id ";

AppealRow appeal_from(const Row& r) {
  AppealRow a;
  a.id = r.i64(0);
  a.agency_id = r.i64(1);
  a.request_id = r.opt_i64(2);
  a.kind = r.str(3);
  a.filed_on = r.str(4);
  a.case_ref = r.str(5);
  a.result = r.str(6);
  a.decided_on = r.opt_str(7);
  a.remarks = r.str(8);
  a.created_by = r.opt_i64(9);
  a.created_at = r.str(10);
  a.updated_at = r.str(11);
  a.request_code = r.str(12);
  return a;
}

}  // namespace

int64_t insert_appeal(Conn& c, const AppealRow& a) {
  return c.query_int(
      "INSERT INTO appeals (agency_id, request_id, kind, filed_on, case_ref, result, decided_on, remarks, "
      "created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {a.agency_id, a.request_id, a.kind, a.filed_on, a.case_ref, a.result, a.decided_on, a.remarks, a.created_by,
       a.created_at, a.updated_at});
}

void update_appeal(Conn& c, const AppealRow& a) {
  c.query(
      "UPDATE appeals SET request_id = ?, kind = ?, filed_on = ?, case_ref = ?, result = ?, decided_on = ?, "
      "remarks = ?, updated_at = ? WHERE id = ? AND agency_id = ?",
      {a.request_id, a.kind, a.filed_on, a.case_ref, a.result, a.decided_on, a.remarks, a.updated_at, a.id,
       a.agency_id});
}

std::optional<AppealRow> find_appeal(Conn& c, int64_t agency_id, int64_t id) {
  auto r = c.query_one(std::string("SELECT ") + kCols + "WHERE a.agency_id = ? AND a.id = ?", {agency_id, id});
  if (!r) return std::nullopt;
  return appeal_from(*r);
}

std::vector<AppealRow> list_appeals(Conn& c, int64_t agency_id, int limit, int offset) {
  std::vector<AppealRow> out;
  for (const auto& r : c.query(std::string("SELECT ") + kCols +
                                   "WHERE a.agency_id = ? ORDER BY a.filed_on DESC, a.id DESC LIMIT ? OFFSET ?",
                               {agency_id, limit, offset})) {
    out.push_back(appeal_from(r));
  }
  return out;
}

int64_t count_appeals(Conn& c, int64_t agency_id) {
  return c.query_int("SELECT COUNT(*) FROM appeals WHERE agency_id = ?", {agency_id});
}

std::vector<AppealRow> list_request_appeals(Conn& c, int64_t agency_id, int64_t request_id) {
  std::vector<AppealRow> out;
  for (const auto& r : c.query(std::string("SELECT ") + kCols +
                                   "WHERE a.agency_id = ? AND a.request_id = ? ORDER BY a.filed_on, a.id",
                               {agency_id, request_id})) {
    out.push_back(appeal_from(r));
  }
  return out;
}

}  // namespace gongkai::store
