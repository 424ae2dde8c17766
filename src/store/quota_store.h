#pragma once
// Rows of department quotas, quota notices, assessment schemes and adjustments, and the
// workflow counts that quotas and assessment are measured by. Every function is scoped by
// agency.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "store/db.h"

namespace gongkai::store {

struct QuotaRuleRow {
  int64_t id = 0, agency_id = 0, department_id = 0;
  int year = 0, month = 0;  // month 0: the yearly rule
  int items = 0, due_day = 0;
  std::string shift;        // previous | next
  std::string updated_at;
};

// Inserts or replaces the rule for (department, year, month).
void upsert_quota_rule(Conn& c, const QuotaRuleRow& r, std::optional<int64_t> by, const std::string& now);
// Removes a rule; returns whether one was removed.
bool delete_quota_rule(Conn& c, int64_t agency_id, int64_t rule_id);
std::optional<QuotaRuleRow> find_quota_rule(Conn& c, int64_t agency_id, int64_t rule_id);
// Every rule of the agency for `year`, by department then month.
std::vector<QuotaRuleRow> list_quota_rules(Conn& c, int64_t agency_id, int year);

// Working days before the deadline at which departments behind quota are reminded (default 3).
int remind_workdays(Conn& c, int64_t agency_id);
void set_remind_workdays(Conn& c, int64_t agency_id, int days, const std::string& now);

// What each department did in a time window [from, to) of ISO UTC times, from the workflow
// events of its items (the department of the revision acted on).
struct DeptActivity {
  int submitted = 0;      // distinct items submitted for review in the window
  int on_time = 0;        // distinct items submitted before `on_time_before`
  int approved = 0;       // distinct items published in the window
  int returned = 0;       // return events in the window
  int submit_events = 0;  // submit events in the window (a resubmission counts again)
};
// Keyed by department id.
std::map<int64_t, DeptActivity> department_activity(Conn& c, int64_t agency_id, const std::string& from,
                                                    const std::string& to, const std::string& on_time_before);

// Items first published with publish_date in [from, to] (YYYY-MM-DD) that have a creation
// date, per department: {published, published within the Art. 26 limit}.
std::map<int64_t, std::pair<int, int>> department_timeliness(Conn& c, int64_t agency_id, const std::string& from,
                                                             const std::string& to);

// Confidentiality reviews per department in [from, to) (ISO UTC): {reviews, passed}.
std::map<int64_t, std::pair<int, int>> department_secrecy_reviews(Conn& c, int64_t agency_id,
                                                                  const std::string& from, const std::string& to);

// Requests answered (the last "decided" event) with a date in [from, to] (YYYY-MM-DD), per
// department of the staff member who recorded the answer: {answered, answered by the due date}.
std::map<int64_t, std::pair<int, int>> department_request_timeliness(Conn& c, int64_t agency_id,
                                                                     const std::string& from, const std::string& to);

// Notices (in-back-office reminders)
struct QuotaNoticeRow {
  int64_t id = 0, department_id = 0;
  std::string department_name;
  int year = 0, month = 0;
  std::string kind, audience, message, created_at;
  bool mailed = false;
};
// Inserts a notice unless one of the same kind exists for the department and month; returns
// whether it was inserted.
bool insert_quota_notice(Conn& c, int64_t agency_id, const QuotaNoticeRow& n, const std::string& now);
// Newest first; department_id set: that department's notices (audience "department"),
// otherwise the office's.
std::vector<QuotaNoticeRow> list_quota_notices(Conn& c, int64_t agency_id, std::optional<int64_t> department_id,
                                               int limit);
// Notices not yet handed to the mail outbox.
std::vector<QuotaNoticeRow> unmailed_quota_notices(Conn& c, int64_t agency_id);
void mark_quota_notice_mailed(Conn& c, int64_t notice_id);

// Assessment schemes (versioned weights)
struct SchemeRow {
  int64_t id = 0;
  int version = 0;
  std::string weights, note, created_by_name, created_at;
};
// The newest version, or nullopt before the office saved one.
std::optional<SchemeRow> current_scheme(Conn& c, int64_t agency_id);
std::vector<SchemeRow> list_schemes(Conn& c, int64_t agency_id);
// Appends version (newest + 1); returns it.
int insert_scheme(Conn& c, int64_t agency_id, const std::string& weights, const std::string& note,
                  std::optional<int64_t> by, const std::string& now);

struct AdjustmentRow {
  int64_t id = 0, department_id = 0;
  std::string period;
  double points = 0;
  std::string reason, created_by_name, created_at;
};
int64_t insert_adjustment(Conn& c, int64_t agency_id, const AdjustmentRow& a, std::optional<int64_t> by,
                          const std::string& now);
std::vector<AdjustmentRow> list_adjustments(Conn& c, int64_t agency_id, const std::string& period);

}  // namespace gongkai::store
