#include "store/supervision_store.h"

namespace gongkai::store {

int64_t insert_complaint(Conn& c, const ComplaintRow& r, std::optional<int64_t> by, const std::string& now) {
  return c.query_one("INSERT INTO complaints (agency_id, ref_code, kind, channel, name, contact, content, request_id, "
                     "received_on, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                     {r.agency_id, r.ref_code, r.kind, r.channel, r.name, r.contact, r.content, r.request_id,
                      r.received_on, by, now})
      ->i64(0);
}

namespace {
constexpr const char* kComplaintSelect =
    "SELECT c.id, c.agency_id, c.ref_code, c.kind, c.channel, c.name, c.contact, c.content, c.request_id, "
    "COALESCE(q.tracking_code, ''), c.received_on, c.status, c.result, c.closed_on, c.created_at "
    "FROM complaints c LEFT JOIN requests q ON q.id = c.request_id WHERE c.agency_id = ? ";
ComplaintRow complaint_from(const Row& r) {
  return {r.i64(0), r.i64(1), r.str(2), r.str(3), r.str(4), r.str(5), r.str(6), r.str(7), r.opt_i64(8), r.str(9),
          r.str(10), r.str(11), r.str(12), r.opt_str(13), r.str(14)};
}
}  // namespace

std::optional<ComplaintRow> find_complaint(Conn& c, int64_t agency_id, int64_t id) {
  auto r = c.query_one(std::string(kComplaintSelect) + "AND c.id = ?", {agency_id, id});
  if (!r) return std::nullopt;
  return complaint_from(*r);
}

std::vector<ComplaintRow> list_complaints(Conn& c, int64_t agency_id, const std::string& status, int limit) {
  std::vector<ComplaintRow> out;
  Rows rows = status.empty()
                  ? c.query(std::string(kComplaintSelect) + "ORDER BY c.received_on DESC, c.id DESC LIMIT ?",
                            {agency_id, limit})
                  : c.query(std::string(kComplaintSelect) + "AND c.status = ? ORDER BY c.received_on DESC, c.id DESC LIMIT ?",
                            {agency_id, status, limit});
  for (const Row& r : rows) out.push_back(complaint_from(r));
  return out;
}

void close_complaint(Conn& c, int64_t id, const std::string& result, const std::string& on_date) {
  c.query("UPDATE complaints SET status = 'closed', result = ?, closed_on = ? WHERE id = ?", {result, on_date, id});
}

void insert_complaint_step(Conn& c, int64_t agency_id, int64_t complaint_id, const ComplaintStepRow& s,
                           std::optional<int64_t> by, const std::string& now) {
  c.query("INSERT INTO complaint_steps (agency_id, complaint_id, on_date, action, note, actor_id, created_at) "
          "VALUES (?, ?, ?, ?, ?, ?, ?)",
          {agency_id, complaint_id, s.on_date, s.action, s.note, by, now});
}

std::vector<ComplaintStepRow> list_complaint_steps(Conn& c, int64_t complaint_id) {
  std::vector<ComplaintStepRow> out;
  for (const Row& r : c.query("SELECT s.id, s.on_date, s.action, s.note, COALESCE(u.display_name, ''), s.created_at "
                              "FROM complaint_steps s LEFT JOIN users u ON u.id = s.actor_id "
                              "WHERE s.complaint_id = ? ORDER BY s.on_date, s.id",
                              {complaint_id})) {
    out.push_back({r.i64(0), r.str(1), r.str(2), r.str(3), r.str(4), r.str(5)});
  }
  return out;
}

std::vector<std::pair<std::string, std::pair<int64_t, int64_t>>> count_complaints(Conn& c, int64_t agency_id, int year) {
  std::vector<std::pair<std::string, std::pair<int64_t, int64_t>>> out;
  std::string y = std::to_string(year);
  for (const char* kind : {"投诉", "举报"}) {
    auto r = c.query_one("SELECT COUNT(*), SUM(CASE WHEN status = 'closed' THEN 1 ELSE 0 END) FROM complaints "
                         "WHERE agency_id = ? AND kind = ? AND received_on >= ? AND received_on <= ?",
                         {agency_id, kind, y + "-01-01", y + "-12-31"});
    out.push_back({kind, {r ? r->i64(0) : 0, r ? r->i64(1) : 0}});
  }
  return out;
}

int64_t insert_work_record(Conn& c, int64_t agency_id, const WorkRecordRow& r, std::optional<int64_t> by,
                           const std::string& now) {
  return c.query_one("INSERT INTO work_records (agency_id, kind, on_date, title, participants, detail, created_by, "
                     "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                     {agency_id, r.kind, r.on_date, r.title, r.participants, r.detail, by, now})
      ->i64(0);
}

namespace {
constexpr const char* kRecordSelect =
    "SELECT w.id, w.kind, w.on_date, w.title, w.participants, w.detail, COALESCE(u.display_name, '') "
    "FROM work_records w LEFT JOIN users u ON u.id = w.created_by WHERE w.agency_id = ? ";
WorkRecordRow record_from(const Row& r) {
  return {r.i64(0), r.str(1), r.str(2), r.str(3), static_cast<int>(r.i64(4)), r.str(5), r.str(6)};
}
}  // namespace

std::optional<WorkRecordRow> find_work_record(Conn& c, int64_t agency_id, int64_t id) {
  auto r = c.query_one(std::string(kRecordSelect) + "AND w.id = ?", {agency_id, id});
  if (!r) return std::nullopt;
  return record_from(*r);
}

void delete_work_record(Conn& c, int64_t agency_id, int64_t id) {
  c.query("DELETE FROM work_records WHERE agency_id = ? AND id = ?", {agency_id, id});
}

std::vector<WorkRecordRow> list_work_records(Conn& c, int64_t agency_id, int year) {
  std::vector<WorkRecordRow> out;
  std::string y = std::to_string(year);
  for (const Row& r : c.query(std::string(kRecordSelect) + "AND w.on_date >= ? AND w.on_date <= ? ORDER BY w.on_date, w.id",
                              {agency_id, y + "-01-01", y + "-12-31"})) {
    out.push_back(record_from(r));
  }
  return out;
}

int64_t insert_group_member(Conn& c, int64_t agency_id, const GroupMemberRow& m, const std::string& now) {
  return c.query_one("INSERT INTO leading_group (agency_id, duty, name, position, sort, created_at) "
                     "VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                     {agency_id, m.duty, m.name, m.position, m.sort, now})
      ->i64(0);
}

std::optional<GroupMemberRow> find_group_member(Conn& c, int64_t agency_id, int64_t id) {
  auto r = c.query_one("SELECT id, duty, name, position, sort FROM leading_group WHERE agency_id = ? AND id = ?",
                       {agency_id, id});
  if (!r) return std::nullopt;
  return GroupMemberRow{r->i64(0), r->str(1), r->str(2), r->str(3), static_cast<int>(r->i64(4))};
}

void delete_group_member(Conn& c, int64_t agency_id, int64_t id) {
  c.query("DELETE FROM leading_group WHERE agency_id = ? AND id = ?", {agency_id, id});
}

std::vector<GroupMemberRow> list_group_members(Conn& c, int64_t agency_id) {
  std::vector<GroupMemberRow> out;
  for (const Row& r : c.query("SELECT id, duty, name, position, sort FROM leading_group WHERE agency_id = ? "
                              "ORDER BY CASE duty WHEN '组长' THEN 0 WHEN '副组长' THEN 1 WHEN '成员' THEN 2 ELSE 3 END, "
                              "sort, id",
                              {agency_id})) {
    out.push_back({r.i64(0), r.str(1), r.str(2), r.str(3), static_cast<int>(r.i64(4))});
  }
  return out;
}

}  // namespace gongkai::store
