#pragma once
// Supervision of the disclosure work and its records: complaints and reports from the public
// (投诉、举报; a public form and staff entry, handling steps, a result; an applicant's
// complaint links to the request it concerns), and the work records the annual report's
// overview draws on (training sessions, work meetings, rules adopted, the leading group and
// its liaison), with the overview's sentences built from them.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/directory.h"
#include "store/db.h"
#include "store/supervision_store.h"

namespace gongkai::app {

inline constexpr std::string_view kComplaintKinds[] = {"投诉", "举报"};
inline constexpr std::string_view kComplaintChannels[] = {"网上", "来信", "来访", "电话", "其他"};

struct ComplaintInput {
  std::string kind, channel, name, contact, content;
  std::string request_code;  // optional: the tracking code of the request it concerns
  std::string received_on;   // staff entry: YYYY-MM-DD; the public form: today
};

// The public form: received online today. Returns the reference code shown to the person.
std::string submit_complaint_online(store::Database& db, int64_t agency_id, ComplaintInput in);
// Staff entry of a complaint received by letter, visit or telephone (office). Returns its id.
int64_t enter_complaint(store::Database& db, const Principal& by, int64_t agency_id, const ComplaintInput& in);
// A handling step (转办、调查、答复 …) on a date, by the office.
void add_complaint_step(store::Database& db, const Principal& by, int64_t agency_id, int64_t id,
                        const std::string& on_date, const std::string& action, const std::string& note);
// Closes it with its result.
void close_complaint(store::Database& db, const Principal& by, int64_t agency_id, int64_t id,
                     const std::string& result, const std::string& on_date);

struct ComplaintView {
  store::ComplaintRow row;
  std::vector<store::ComplaintStepRow> steps;
};
ComplaintView view_complaint(store::Database& db, const Principal& by, int64_t agency_id, int64_t id);
std::vector<store::ComplaintRow> complaints(store::Database& db, const Principal& by, int64_t agency_id,
                                            const std::string& status);
// For the annual report: per kind, {received in the year, of which closed}.
std::vector<std::pair<std::string, std::pair<int64_t, int64_t>>> complaint_counts(store::Database& db,
                                                                                  int64_t agency_id, int year);

// Work records
struct WorkRecordInput {
  std::string kind;  // training | meeting | rule
  std::string on_date, title, participants, detail;
};
std::string_view work_record_label(std::string_view kind);  // "专题培训", "工作会议", "制度"
int64_t add_work_record(store::Database& db, const Principal& by, int64_t agency_id, const WorkRecordInput& in);
void remove_work_record(store::Database& db, const Principal& by, int64_t agency_id, int64_t id);
std::vector<store::WorkRecordRow> work_records(store::Database& db, const Principal& by, int64_t agency_id, int year);

struct GroupMemberInput {
  std::string duty, name, position, sort;
};
void add_group_member(store::Database& db, const Principal& by, int64_t agency_id, const GroupMemberInput& in);
void remove_group_member(store::Database& db, const Principal& by, int64_t agency_id, int64_t id);
std::vector<store::GroupMemberRow> group_members(store::Database& db, const Principal& by, int64_t agency_id);

// Sentences for the annual report's 概述 from the year's records, e.g. "全年组织专题培训2次，
// 参训120人次。"; only facts that are recorded (no training recorded: no training sentence),
// except complaints, which are always stated (the seed reports none received).
std::vector<std::string> overview_sentences(store::Database& db, int64_t agency_id, int year);

}  // namespace gongkai::app
