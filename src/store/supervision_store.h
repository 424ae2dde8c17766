#pragma once
// Rows of complaints and reports about the disclosure work (投诉、举报) with their handling
// steps, and of the work records (training, meetings, rules adopted, the leading group).
// Scoped by agency.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/db.h"

namespace gongkai::store {

struct ComplaintRow {
  int64_t id = 0, agency_id = 0;
  std::string ref_code, kind, channel, name, contact, content;
  std::optional<int64_t> request_id;
  std::string request_code;  // the linked request's tracking code (read only)
  std::string received_on, status, result;
  std::optional<std::string> closed_on;
  std::string created_at;
};
int64_t insert_complaint(Conn& c, const ComplaintRow& r, std::optional<int64_t> by, const std::string& now);
std::optional<ComplaintRow> find_complaint(Conn& c, int64_t agency_id, int64_t id);
// Newest first; status "" for all.
std::vector<ComplaintRow> list_complaints(Conn& c, int64_t agency_id, const std::string& status, int limit);
void close_complaint(Conn& c, int64_t id, const std::string& result, const std::string& on_date);

struct ComplaintStepRow {
  int64_t id = 0;
  std::string on_date, action, note, actor_name, created_at;
};
void insert_complaint_step(Conn& c, int64_t agency_id, int64_t complaint_id, const ComplaintStepRow& s,
                           std::optional<int64_t> by, const std::string& now);
std::vector<ComplaintStepRow> list_complaint_steps(Conn& c, int64_t complaint_id);
// Complaints received in `year` per kind, and how many of them are closed: {kind → {received, closed}}.
std::vector<std::pair<std::string, std::pair<int64_t, int64_t>>> count_complaints(Conn& c, int64_t agency_id, int year);

struct WorkRecordRow {
  int64_t id = 0;
  std::string kind, on_date, title;
  int participants = 0;
  std::string detail, created_by_name;
};
int64_t insert_work_record(Conn& c, int64_t agency_id, const WorkRecordRow& r, std::optional<int64_t> by,
                           const std::string& now);
std::optional<WorkRecordRow> find_work_record(Conn& c, int64_t agency_id, int64_t id);
void delete_work_record(Conn& c, int64_t agency_id, int64_t id);
// Records dated in `year`, by date.
std::vector<WorkRecordRow> list_work_records(Conn& c, int64_t agency_id, int year);

struct GroupMemberRow {
  int64_t id = 0;
  std::string duty, name, position;
  int sort = 0;
};
int64_t insert_group_member(Conn& c, int64_t agency_id, const GroupMemberRow& m, const std::string& now);
std::optional<GroupMemberRow> find_group_member(Conn& c, int64_t agency_id, int64_t id);
void delete_group_member(Conn& c, int64_t agency_id, int64_t id);
std::vector<GroupMemberRow> list_group_members(Conn& c, int64_t agency_id);

}  // namespace gongkai::store
