#include "app/request_reminders.h"

#include <cstdlib>

#include "app/mail_outbox.h"
#include "app/request_internal.h"
#include "app/work_calendar.h"
#include "core/clock.h"
#include "core/deadline.h"
#include "store/audit_log.h"
#include "store/directory_store.h"
#include "store/mail_store.h"
#include "store/request_note_store.h"
#include "store/request_store.h"

namespace gongkai::app {
namespace {

bool handles_requests(const store::UserRow& u) {
  for (const auto& r : u.roles) {
    if (r == "clerk" || r == "office") return true;
  }
  return false;
}

}  // namespace

ReminderSettings reminder_settings_from_env() {
  ReminderSettings s;
  const char* v = std::getenv("GK_REMINDER_WORKDAYS");
  if (v && *v) {
    std::string t(v);
    if (t.size() <= 2 && t.find_first_not_of("0123456789") == std::string::npos && std::stoi(t) <= 20) {
      s.due_within_workdays = std::stoi(t);
    }
  }
  return s;
}

ReminderRunResult send_request_reminders(store::Database& db, core::Date today, const ReminderSettings& s) {
  ReminderRunResult out;
  std::vector<store::RequestRow> due;
  std::shared_ptr<const core::WorkCalendar> cal;
  {
    auto c = db.acquire();
    cal = current_calendar(*c);
    core::Date limit = core::add_working_days(*cal, today, s.due_within_workdays);
    due = store::requests_due_by(*c, request_internal::work_states(WorkList::kDueSoon), limit.iso());
  }
  for (const auto& r : due) {
    auto due_on = core::Date::parse(*r.derived.due_on);
    if (!due_on) continue;
    bool overdue = *due_on < today;
    std::string kind = overdue ? "overdue" : "due_soon";
    std::string key = "reminder:" + std::to_string(r.id) + ":" + kind + ":" + due_on->iso();
    int days = core::working_days_between(*cal, today, *due_on);
    std::string when = overdue ? "已超过答复期限" + std::to_string(-days) + "个工作日"
                       : days == 0 ? "今日到期"
                                   : "剩余" + std::to_string(days) + "个工作日";
    std::string body = "申请 " + r.tracking_code + " 答复期限 " + due_on->iso() + "，" + when + "。";
    int mails = 0;
    bool added = db.with_tx([&](store::Conn& c) {
      std::string now = core::now_iso();
      if (store::insert_staff_notice(c, {0, r.agency_id, r.id, kind, body, key, now}) == 0) return false;
      store::insert_request_note(c, {0, r.id, r.agency_id, "reminder", "已提醒办理人员：" + body, "系统", now});
      for (const auto& u : store::list_users(c, r.agency_id)) {
        if (!u.active || u.email.empty() || !handles_requests(u) || !plausible_address(u.email)) continue;
        OutgoingMail m;
        m.agency_id = r.agency_id;
        m.to = u.email;
        m.subject = std::string(overdue ? "【已超期】" : "【即将到期】") + "依申请公开 " + r.tracking_code;
        m.body = u.display_name + "：\n\n" + body + "\n\n所需信息：" + r.description +
                 "\n\n请登录政府信息公开平台后台（依申请公开）办理。\n本邮件由系统自动发送。\n";
        m.purpose = "request.reminder";
        m.dedupe_key = key + ":" + std::to_string(u.id);
        if (enqueue_mail(c, m) > 0) ++mails;
      }
      store::audit(c, store::Actor{std::nullopt, "system"},
                   {r.agency_id, "request.reminder", "request", std::to_string(r.id), kind + " " + due_on->iso()});
      return true;
    });
    if (!added) continue;
    (overdue ? out.overdue : out.due_soon)++;
    out.mails += mails;
  }
  return out;
}

std::vector<StaffNoticeView> recent_staff_notices(store::Database& db, const Principal& by, int64_t agency_id,
                                                  int limit) {
  request_internal::require_read(by, agency_id);
  auto c = db.acquire();
  std::vector<StaffNoticeView> out;
  for (const auto& n : store::list_staff_notices(*c, agency_id, limit)) {
    out.push_back({n.kind, n.body, core::utc_iso_to_cst(n.created_at), n.request_id});
  }
  return out;
}

}  // namespace gongkai::app
