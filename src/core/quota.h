#pragma once
// Department quotas (各科室每月上报信息的时限和数量): which rule applies to a month, the month's
// deadline on the working-day calendar, and the month's status. Pure rules, table-tested in
// quota_test.cc against testdata/quota_deadlines.txt.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar.h"
#include "core/date.h"

namespace gongkai::core {

// Where a deadline that falls on a non-working day moves to.
enum class DeadlineShift { kPrevious, kNext };
std::string_view shift_id(DeadlineShift s);  // "previous" | "next"
std::optional<DeadlineShift> parse_shift(std::string_view id);

// One stored rule: month 0 is the yearly rule, 1..12 an exception for that month.
struct QuotaRule {
  int year = 0;
  int month = 0;
  int items = 0;    // items to submit in the month, 0..1000
  int due_day = 0;  // day of the month, 1..31 (clamped to the month's last day)
  DeadlineShift shift = DeadlineShift::kPrevious;
};

// The rule for (year, month): the month's exception, else the yearly rule, else none.
std::optional<QuotaRule> resolve_quota(const std::vector<QuotaRule>& rules, int year, int month);

// A month's deadline and how it was found.
struct QuotaDeadline {
  Date nominal;  // the due day in the month (clamped)
  Date due;      // after moving off a non-working day
  std::string explanation;
};
// Requires 1 <= month <= 12 and 1 <= due_day <= 31. A shift never leaves the month: when
// there is no working day on the chosen side within the month, the other side is used.
QuotaDeadline quota_deadline(const WorkCalendar& cal, int year, int month, int due_day, DeadlineShift shift);

// 达标 (met), 未达标 (behind, deadline not passed yet), 逾期 (deadline passed, quota not met in
// time), or no quota for the month.
enum class QuotaStatus { kMet, kBehind, kOverdue, kNone };
std::string_view status_label(QuotaStatus s);  // "达标", "未达标", "逾期", "未设定"
std::string_view status_id(QuotaStatus s);     // "met", "behind", "overdue", "none"

// `on_time` is the number of items submitted by the end of the deadline day; `today` is the
// day the status is looked at (China Standard Time).
QuotaStatus quota_status(int required, int on_time, Date today, Date due);

// Working days left from today to the deadline: working days after today up to and including
// `due`, plus one when today itself is a working day before or on the deadline (today can
// still be used). 0 once the deadline has passed.
int quota_days_left(const WorkCalendar& cal, Date today, Date due);

// Limits for the office's quota form.
inline constexpr int kMaxQuotaItems = 1000;

}  // namespace gongkai::core
