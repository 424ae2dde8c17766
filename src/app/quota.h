#pragma once
// Department quotas (数量和时限): the office sets per department the items to submit each month
// and the day they are due; the department's page and the office's table show progress, and a
// scheduled job leaves reminders in the back office (and hands them to the mail outbox through
// the hook below).

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "app/directory.h"
#include "core/date.h"
#include "core/quota.h"
#include "store/db.h"
#include "store/quota_store.h"

namespace gongkai::app {

// The start of a China Standard Time day as stored ISO UTC time ("2026-10-31T16:00:00Z" for
// 2026-11-01): stored times are UTC, quota months and deadlines are CST days.
std::string cst_day_start_utc(core::Date d);

// One department's month.
struct DeptMonth {
  int64_t department_id = 0;
  std::string department_name;
  int year = 0, month = 0;
  std::optional<core::QuotaRule> rule;          // none: no quota set for the month
  std::optional<core::QuotaDeadline> deadline;
  int required = 0;
  store::DeptActivity activity;
  core::QuotaStatus status = core::QuotaStatus::kNone;
  int days_left = 0;
};

// May `by` see this department's quota page? Its liaisons and head, the office, leaders.
bool can_view_department_quota(const Principal& by, int64_t department_id);

// Every active department's month (office, leaders).
std::vector<DeptMonth> quota_overview(store::Database& db, const Principal& by, int64_t agency_id, int year, int month,
                                      core::Date today);
// One department's month.
DeptMonth department_quota(store::Database& db, const Principal& by, int64_t agency_id, int64_t department_id,
                           int year, int month, core::Date today);

// The office's form.
struct QuotaInput {
  std::string department_id, year, month, items, due_day, shift;  // month "" or "0": yearly rule
};
void set_quota(store::Database& db, const Principal& by, int64_t agency_id, const QuotaInput& in);
void delete_quota(store::Database& db, const Principal& by, int64_t agency_id, int64_t rule_id);
std::vector<store::QuotaRuleRow> quota_rules(store::Database& db, const Principal& by, int64_t agency_id, int year);
void set_reminder_days(store::Database& db, const Principal& by, int64_t agency_id, const std::string& days);
int reminder_days(store::Database& db, const Principal& by, int64_t agency_id);

// In-back-office notices: a department's (liaison, head) or, without a department, the office's.
std::vector<store::QuotaNoticeRow> quota_notices(store::Database& db, const Principal& by, int64_t agency_id,
                                                 std::optional<int64_t> department_id, int limit = 20);

// The scheduled job: for every agency, on `today`, a reminder to each department behind quota
// when the deadline is within the agency's reminder days, and a notice to the office for each
// department whose deadline has passed with the quota unmet (the previous month's too, so a
// deadline on the month's last day is not missed). Idempotent: one notice per kind,
// department and month. Returns the number of notices written.
int run_quota_notices(store::Database& db, core::Date today);

// Email: run_quota_notices() hands every notice not yet mailed to the mail hook and marks it
// mailed when the hook returns true. The default hook queues a mail (app/mail_outbox.h) to
// each active user with an address whom the notice concerns: the department's liaisons and
// heads, or the office. Tests may install another; nullptr keeps notices in the back office.
using QuotaMailHook = std::function<bool(store::Conn&, int64_t agency_id, const store::QuotaNoticeRow&)>;
void set_quota_mail_hook(QuotaMailHook hook);
// The default hook.
QuotaMailHook quota_mail_by_outbox();

}  // namespace gongkai::app
