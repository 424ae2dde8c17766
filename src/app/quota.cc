#include "app/quota.h"

#include <algorithm>
#include <mutex>

#include "app/errors.h"
#include "app/mail_outbox.h"
#include "core/calendar.h"
#include "core/clock.h"
#include "store/audit_log.h"
#include "store/directory_store.h"

namespace gongkai::app {
namespace {

using core::Role;

bool is_office(const Principal& p) { return p.is_system() || p.has(Role::kOffice); }
bool sees_all(const Principal& p) { return is_office(p) || p.has(Role::kLeader); }

void require_agency(const Principal& by, int64_t agency_id) {
  if (!by.in_agency(agency_id)) throw not_found("单位");
}

std::vector<core::QuotaRule> to_rules(const std::vector<store::QuotaRuleRow>& rows, int64_t department_id) {
  std::vector<core::QuotaRule> out;
  for (const auto& r : rows) {
    if (r.department_id != department_id) continue;
    out.push_back({r.year, r.month, r.items, r.due_day, core::parse_shift(r.shift).value_or(core::DeadlineShift::kPrevious)});
  }
  return out;
}

core::Date month_first(int year, int month) { return *core::Date::from_ymd(year, month, 1); }
core::Date next_month_first(int year, int month) {
  return month == 12 ? month_first(year + 1, 1) : month_first(year, month + 1);
}

// Fills the measured part of `m` for its month.
void measure(DeptMonth& m, const std::vector<store::QuotaRuleRow>& rules,
             const std::map<int64_t, store::DeptActivity>& activity, core::Date today) {
  m.rule = core::resolve_quota(to_rules(rules, m.department_id), m.year, m.month);
  if (auto it = activity.find(m.department_id); it != activity.end()) m.activity = it->second;
  if (!m.rule) return;
  m.deadline = core::quota_deadline(core::default_calendar(), m.year, m.month, m.rule->due_day, m.rule->shift);
  m.required = m.rule->items;
  m.status = core::quota_status(m.required, m.activity.on_time, today, m.deadline->due);
  m.days_left = core::quota_days_left(core::default_calendar(), today, m.deadline->due);
}

void check_month(int year, int month) {
  if (year < 2000 || year > 2100 || month < 1 || month > 12) throw ValidationError("month", "年份或月份不正确");
}

// Activity of every department in the month; the on-time bound is per department (their
// deadlines differ), so the caller asks once per distinct deadline.
std::map<int64_t, store::DeptActivity> month_activity(store::Conn& c, int64_t agency_id, int year, int month,
                                                      core::Date due) {
  return store::department_activity(c, agency_id, cst_day_start_utc(month_first(year, month)),
                                    cst_day_start_utc(next_month_first(year, month)),
                                    cst_day_start_utc(due.add_days(1)));
}

std::vector<DeptMonth> overview(store::Conn& c, int64_t agency_id, int year, int month, core::Date today,
                                std::optional<int64_t> only) {
  auto rules = store::list_quota_rules(c, agency_id, year);
  std::vector<DeptMonth> out;
  std::map<std::string, std::map<int64_t, store::DeptActivity>> by_due;  // deadline → activity
  for (const auto& d : store::list_departments(c, agency_id)) {
    if (only ? d.id != *only : !d.active) continue;
    DeptMonth m;
    m.department_id = d.id;
    m.department_name = d.name;
    m.year = year;
    m.month = month;
    auto rule = core::resolve_quota(to_rules(rules, d.id), year, month);
    core::Date due = rule ? core::quota_deadline(core::default_calendar(), year, month, rule->due_day, rule->shift).due
                          : next_month_first(year, month).add_days(-1);
    auto it = by_due.find(due.iso());
    if (it == by_due.end()) it = by_due.emplace(due.iso(), month_activity(c, agency_id, year, month, due)).first;
    measure(m, rules, it->second, today);
    out.push_back(std::move(m));
  }
  return out;
}

// The default mail hook: the notice by mail, through the outbox, to each active user it
// concerns who has an address (the department's liaisons and heads, or the office), once.
bool mail_quota_notice(store::Conn& c, int64_t agency_id, const store::QuotaNoticeRow& n) {
  auto has = [](const store::UserRow& u, const char* role) {
    return std::find(u.roles.begin(), u.roles.end(), role) != u.roles.end();
  };
  for (const auto& u : store::list_users(c, agency_id)) {
    if (!u.active || !plausible_address(u.email)) continue;
    bool concerned = n.audience == "department"
                         ? u.department_id == n.department_id && (has(u, "liaison") || has(u, "head"))
                         : has(u, "office");
    if (!concerned) continue;
    OutgoingMail m;
    m.agency_id = agency_id;
    m.to = u.email;
    m.subject = "信息报送" + std::string(n.kind == "reminder" ? "截止提醒" : "逾期通知") + "：" + n.department_name + " " +
                std::to_string(n.year) + "年" + std::to_string(n.month) + "月";
    m.body = n.message + "\n\n请登录政府信息公开管理系统查看本科室报送情况。";
    m.purpose = "quota.notice";
    m.dedupe_key = "quota-notice-" + std::to_string(n.id) + "-" + std::to_string(u.id);
    enqueue_mail(c, m);
  }
  return true;
}

std::mutex g_hook_mu;
QuotaMailHook g_hook = mail_quota_notice;

int parse_int(const std::string& s, int lo, int hi, bool& ok) {
  if (s.empty() || s.size() > 6 || s.find_first_not_of("0123456789") != std::string::npos) {
    ok = false;
    return 0;
  }
  int v = std::stoi(s);
  ok = v >= lo && v <= hi;
  return v;
}

}  // namespace

std::string cst_day_start_utc(core::Date d) { return d.add_days(-1).iso() + "T16:00:00Z"; }

bool can_view_department_quota(const Principal& by, int64_t department_id) {
  if (sees_all(by)) return true;
  return (by.has(Role::kLiaison) || by.has(Role::kHead)) && by.department_id == department_id;
}

std::vector<DeptMonth> quota_overview(store::Database& db, const Principal& by, int64_t agency_id, int year, int month,
                                      core::Date today) {
  require_agency(by, agency_id);
  if (!sees_all(by)) throw forbidden("只有办公室和分管领导可以查看全部科室的报送情况");
  check_month(year, month);
  auto c = db.acquire();
  return overview(*c, agency_id, year, month, today, std::nullopt);
}

DeptMonth department_quota(store::Database& db, const Principal& by, int64_t agency_id, int64_t department_id,
                           int year, int month, core::Date today) {
  require_agency(by, agency_id);
  check_month(year, month);
  auto c = db.acquire();
  if (!store::find_department(*c, agency_id, department_id)) throw not_found("科室");
  if (!can_view_department_quota(by, department_id)) throw forbidden("只能查看本科室的报送情况");
  return overview(*c, agency_id, year, month, today, department_id).at(0);
}

void set_quota(store::Database& db, const Principal& by, int64_t agency_id, const QuotaInput& in) {
  require_agency(by, agency_id);
  if (!is_office(by)) throw forbidden("只有办公室可以设定报送定额");
  std::map<std::string, std::string> e;
  bool ok = true;
  store::QuotaRuleRow r;
  r.agency_id = agency_id;
  int64_t dept = 0;
  if (in.department_id.empty() || in.department_id.size() > 18 ||
      in.department_id.find_first_not_of("0123456789") != std::string::npos) {
    e["department_id"] = "请选择科室";
  } else {
    dept = std::stoll(in.department_id);
  }
  r.year = parse_int(in.year, 2000, 2100, ok);
  if (!ok) e["year"] = "年份应为2000至2100之间的整数";
  ok = true;
  r.month = in.month.empty() ? 0 : parse_int(in.month, 0, 12, ok);
  if (!ok) e["month"] = "月份应为1至12，全年规则留空";
  ok = true;
  r.items = parse_int(in.items, 0, core::kMaxQuotaItems, ok);
  if (!ok) e["items"] = "报送条数应为0至" + std::to_string(core::kMaxQuotaItems) + "之间的整数";
  ok = true;
  r.due_day = parse_int(in.due_day, 1, 31, ok);
  if (!ok) e["due_day"] = "截止日应为每月1至31日之间的一天";
  auto shift = core::parse_shift(in.shift.empty() ? "previous" : in.shift);
  if (!shift) e["shift"] = "非工作日调整方式只能是 提前 或 顺延";
  else r.shift = std::string(core::shift_id(*shift));
  db.with_tx([&](store::Conn& c) {
    if (dept && !store::find_department(c, agency_id, dept)) e["department_id"] = "所选科室不存在";
    if (!e.empty()) throw ValidationError(e);
    r.department_id = dept;
    std::string now = core::now_iso();
    store::upsert_quota_rule(c, r, by.user_id ? std::optional<int64_t>(by.user_id) : std::nullopt, now);
    store::audit(c, by.actor(), {agency_id, "quota.set", "department", std::to_string(dept),
                                 std::to_string(r.year) + (r.month ? "-" + std::to_string(r.month) : " 全年") +
                                     " items=" + std::to_string(r.items) + " due=" + std::to_string(r.due_day) +
                                     " " + r.shift});
  });
}

void delete_quota(store::Database& db, const Principal& by, int64_t agency_id, int64_t rule_id) {
  require_agency(by, agency_id);
  if (!is_office(by)) throw forbidden("只有办公室可以删除报送定额");
  db.with_tx([&](store::Conn& c) {
    auto r = store::find_quota_rule(c, agency_id, rule_id);
    if (!r) throw not_found("定额");
    store::delete_quota_rule(c, agency_id, rule_id);
    store::audit(c, by.actor(), {agency_id, "quota.delete", "department", std::to_string(r->department_id),
                                 std::to_string(r->year) + "-" + std::to_string(r->month)});
  });
}

std::vector<store::QuotaRuleRow> quota_rules(store::Database& db, const Principal& by, int64_t agency_id, int year) {
  require_agency(by, agency_id);
  if (!sees_all(by)) throw forbidden();
  auto c = db.acquire();
  return store::list_quota_rules(*c, agency_id, year);
}

void set_reminder_days(store::Database& db, const Principal& by, int64_t agency_id, const std::string& days) {
  require_agency(by, agency_id);
  if (!is_office(by)) throw forbidden("只有办公室可以设置提醒");
  bool ok = true;
  int n = parse_int(days, 0, 20, ok);
  if (!ok) throw ValidationError("remind_workdays", "提前提醒的工作日数应为0至20之间的整数");
  db.with_tx([&](store::Conn& c) {
    store::set_remind_workdays(c, agency_id, n, core::now_iso());
    store::audit(c, by.actor(), {agency_id, "quota.remind_days", "agency", std::to_string(agency_id), std::to_string(n)});
  });
}

int reminder_days(store::Database& db, const Principal& by, int64_t agency_id) {
  require_agency(by, agency_id);
  auto c = db.acquire();
  return store::remind_workdays(*c, agency_id);
}

std::vector<store::QuotaNoticeRow> quota_notices(store::Database& db, const Principal& by, int64_t agency_id,
                                                 std::optional<int64_t> department_id, int limit) {
  require_agency(by, agency_id);
  if (department_id ? !can_view_department_quota(by, *department_id) : !sees_all(by)) throw forbidden();
  auto c = db.acquire();
  return store::list_quota_notices(*c, agency_id, department_id, limit);
}

QuotaMailHook quota_mail_by_outbox() { return mail_quota_notice; }

void set_quota_mail_hook(QuotaMailHook hook) {
  std::lock_guard g(g_hook_mu);
  g_hook = std::move(hook);
}

int run_quota_notices(store::Database& db, core::Date today) {
  int written = 0;
  std::vector<store::AgencyRow> agencies;
  {
    auto c = db.acquire();
    agencies = store::list_agencies(*c);
  }
  core::Date prev = today.add_days(-today.day());  // last day of the previous month
  for (const auto& a : agencies) {
    db.with_tx([&](store::Conn& c) {
      int remind = store::remind_workdays(c, a.id);
      std::string now = core::now_iso();
      for (auto [y, m] : {std::pair{prev.year(), prev.month()}, std::pair{today.year(), today.month()}}) {
        for (const DeptMonth& d : overview(c, a.id, y, m, today, std::nullopt)) {
          if (!d.deadline || d.status == core::QuotaStatus::kMet) continue;
          std::string month_label = std::to_string(y) + "年" + std::to_string(m) + "月";
          int done = d.activity.on_time;
          if (d.status == core::QuotaStatus::kBehind && d.days_left <= remind) {
            store::QuotaNoticeRow n{0, d.department_id, "", y, m, "reminder", "department",
                                    month_label + "信息报送定额" + std::to_string(d.required) + "条，已报送" +
                                        std::to_string(done) + "条，截止日" + d.deadline->due.iso() + "，还剩" +
                                        std::to_string(d.days_left) + "个工作日。"};
            if (store::insert_quota_notice(c, a.id, n, now)) ++written;
          } else if (d.status == core::QuotaStatus::kOverdue) {
            store::QuotaNoticeRow n{0, d.department_id, "", y, m, "overdue", "office",
                                    d.department_name + month_label + "信息报送逾期：定额" + std::to_string(d.required) +
                                        "条，截止日" + d.deadline->due.iso() + "前报送" + std::to_string(done) + "条。"};
            if (store::insert_quota_notice(c, a.id, n, now)) ++written;
          }
        }
      }
      std::lock_guard g(g_hook_mu);
      if (g_hook) {
        for (const auto& n : store::unmailed_quota_notices(c, a.id)) {
          if (g_hook(c, a.id, n)) store::mark_quota_notice_mailed(c, n.id);
        }
      }
    });
  }
  return written;
}

}  // namespace gongkai::app
