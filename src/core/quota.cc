#include "core/quota.h"

#include "core/deadline.h"

namespace gongkai::core {
namespace {

int days_in_month(int year, int month) {
  Date first = *Date::from_ymd(year, month, 1);
  Date next = month == 12 ? *Date::from_ymd(year + 1, 1, 1) : *Date::from_ymd(year, month + 1, 1);
  return next - first;
}

std::string why_not_working(const WorkCalendar& cal, Date d) {
  DayInfo info = cal.classify(d);
  return info.reason.empty() ? "非工作日" : info.reason;
}

}  // namespace

std::string_view shift_id(DeadlineShift s) { return s == DeadlineShift::kPrevious ? "previous" : "next"; }

std::optional<DeadlineShift> parse_shift(std::string_view id) {
  if (id == "previous") return DeadlineShift::kPrevious;
  if (id == "next") return DeadlineShift::kNext;
  return std::nullopt;
}

std::optional<QuotaRule> resolve_quota(const std::vector<QuotaRule>& rules, int year, int month) {
  std::optional<QuotaRule> yearly;
  for (const auto& r : rules) {
    if (r.year != year) continue;
    if (r.month == month) return r;
    if (r.month == 0) yearly = r;
  }
  if (yearly) yearly->month = month;
  return yearly;
}

QuotaDeadline quota_deadline(const WorkCalendar& cal, int year, int month, int due_day, DeadlineShift shift) {
  int last = days_in_month(year, month);
  QuotaDeadline out;
  out.nominal = *Date::from_ymd(year, month, due_day > last ? last : due_day);
  out.explanation = "规定报送日 " + out.nominal.iso();
  if (due_day > last) out.explanation += "（本月只有" + std::to_string(last) + "天，取月末）";
  if (cal.is_workday(out.nominal)) {
    out.due = out.nominal;
    out.explanation += "，为工作日";
    return out;
  }
  Date first = *Date::from_ymd(year, month, 1), end = *Date::from_ymd(year, month, last);
  Date before = working_day_on_or_before(cal, out.nominal);
  Date after = working_day_on_or_after(cal, out.nominal);
  bool before_ok = before >= first, after_ok = after <= end;
  bool previous = shift == DeadlineShift::kPrevious ? (before_ok || !after_ok) : !(after_ok || !before_ok);
  out.due = previous ? before : after;
  out.explanation += "，为" + why_not_working(cal, out.nominal) + "，" +
                     (previous ? "提前至前一个工作日 " : "顺延至后一个工作日 ") + out.due.iso();
  if ((shift == DeadlineShift::kPrevious) != previous) out.explanation += "（本月内无可用工作日，改为反向调整）";
  return out;
}

std::string_view status_label(QuotaStatus s) {
  switch (s) {
    case QuotaStatus::kMet: return "达标";
    case QuotaStatus::kBehind: return "未达标";
    case QuotaStatus::kOverdue: return "逾期";
    case QuotaStatus::kNone: return "未设定";
  }
  return "";
}

std::string_view status_id(QuotaStatus s) {
  switch (s) {
    case QuotaStatus::kMet: return "met";
    case QuotaStatus::kBehind: return "behind";
    case QuotaStatus::kOverdue: return "overdue";
    case QuotaStatus::kNone: return "none";
  }
  return "";
}

QuotaStatus quota_status(int required, int on_time, Date today, Date due) {
  if (on_time >= required) return QuotaStatus::kMet;
  return today > due ? QuotaStatus::kOverdue : QuotaStatus::kBehind;
}

int quota_days_left(const WorkCalendar& cal, Date today, Date due) {
  if (today > due) return 0;
  return working_days_between(cal, today, due) + (cal.is_workday(today) ? 1 : 0);
}

}  // namespace gongkai::core
