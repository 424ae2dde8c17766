#pragma once
// Reminders to the staff who handle requests: a request nearing its due date (within a
// configurable number of working days) or past it produces, once per request, kind and due
// date, a notice in the back office (the work-list page), a system record on the request page
// and an email through the outbox to each active 申请受理员 and 办公室 user of the agency who has
// an address. Run by the jobs (app/jobs.h) under the job lock, so once per deployment.

#include <optional>
#include <string>
#include <vector>

#include "app/directory.h"
#include "core/date.h"
#include "store/db.h"

namespace gongkai::app {

struct ReminderSettings {
  // Remind when the due date is at most this many working days after today (0: on the day).
  int due_within_workdays = 3;
};
// GK_REMINDER_WORKDAYS (0-20, default 3).
ReminderSettings reminder_settings_from_env();

struct ReminderRunResult {
  int due_soon = 0, overdue = 0, mails = 0;
};
ReminderRunResult send_request_reminders(store::Database& db, core::Date today, const ReminderSettings& s);

struct StaffNoticeView {
  std::string kind, body, created_at;
  std::optional<int64_t> request_id;
};
// The agency's newest notices, for the request handlers and readers (as the work lists).
std::vector<StaffNoticeView> recent_staff_notices(store::Database& db, const Principal& by, int64_t agency_id,
                                                  int limit = 10);

}  // namespace gongkai::app
