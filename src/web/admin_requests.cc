// Back-office pages for requests for disclosure: the work lists, entry of requests received
// by letter, in person, by fax or email, and the request page with its timeline, the
// explanation of its deadline and a form for each event that may come next.
#include <map>

#include "app/errors.h"
#include "app/notice_letters.h"
#include "app/request_reminders.h"
#include "app/requests.h"
#include "app/work_calendar.h"
#include "core/calendar.h"
#include "core/clock.h"
#include "core/deadline.h"
#include "core/outcomes.h"
#include "web/pages.h"
#include "web/request_handlers.h"
#include "web/server.h"

namespace gongkai::web {
namespace {

using app::RequestInput;
using app::RequestPart;
using core::EventKind;

int page_param(const Context& c) {
  auto p = c.int_param("page");
  if (!p) return 1;
  if (*p < 1 || *p > 100000) throw app::AppError(app::ErrorKind::kInvalid, "bad_page", "页码超出范围");
  return static_cast<int>(*p);
}

bool handles_requests(const app::Principal& who) {
  return who.has(core::Role::kRequestClerk) || who.has(core::Role::kOffice);
}

// The first `n` characters of `s` (code points), with an ellipsis when cut.
std::string clip(const std::string& s, size_t n) {
  size_t count = 0, i = 0;
  for (; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && count++ == n) return s.substr(0, i) + "…";
  }
  return s;
}

std::string days_text(const std::optional<int>& days) {
  if (!days) return "";
  if (*days > 0) return "剩余" + std::to_string(*days) + "个工作日";
  if (*days == 0) return "今日到期";
  return "已过" + std::to_string(-*days) + "个工作日";
}

RequestInput read_entry(const Context& c) {
  RequestInput in;
  for (const auto& [name, member] : app::request_input_fields()) {
    in.*member = c.param(name);
  }
  return app::trim_input(in);
}

void entry_form(Context& c, const RequestInput& in, const app::RequestKeys& keys,
                const std::map<std::string, std::string>& errors, int status) {
  Page p(c, "登记申请", "requests/admin_new.tpl");
  auto& d = p.content();
  d.SetValue("CSRF", c.session->csrf_token);
  d.SetValue("KEY", keys.idempotency_key);
  d.SetValue("SECRET", keys.secret);
  std::vector<std::pair<std::string, std::string>> summary;
  for (auto [part, title] : {std::pair{RequestPart::kReceipt, "收到申请"}, {RequestPart::kApplicant, "申请人"},
                             {RequestPart::kInformation, "所需政府信息"}, {RequestPart::kIdentity, "身份证明"}}) {
    auto* group = d.AddSectionDictionary("FORM_PART");
    group->SetValue("PART_TITLE", title);
    for (const auto& f : request_fields(part, in)) {
      add_field(*group, f, errors);
      if (auto it = errors.find(f.name); it != errors.end()) summary.emplace_back(f.name, it->second);
    }
  }
  add_error_summary(d, summary);
  p.send(status);
}

// ----- The request page -----

using Values = std::map<std::string, std::string>;

std::string value_or(const Values& v, const std::string& name, const std::string& fallback) {
  auto it = v.find(name);
  return it == v.end() ? fallback : it->second;
}

std::vector<std::pair<std::string, std::vector<std::pair<std::string, std::string>>>> outcome_groups() {
  std::vector<std::pair<std::string, std::vector<std::pair<std::string, std::string>>>> groups;
  for (const auto& o : core::all_outcomes()) {
    // （六）1 and 2 come from the treated-as-withdrawn event, not from a decision.
    if (o.code == core::kOutcomeLateCorrection || o.code == core::kOutcomeFeeUnpaid) continue;
    if (groups.empty() || groups.back().first != o.group_label) groups.push_back({std::string(o.group_label), {}});
    std::string label = o.item ? std::to_string(o.item) + ". " + std::string(o.label) : std::string(o.group_label);
    groups.back().second.emplace_back(std::string(o.code), label);
  }
  return groups;
}

// The fields of the form for one kind of event, with the values to show.
std::vector<FormField> event_fields(EventKind kind, const app::RequestView& v, const app::Principal& who,
                                    const Values& values, const core::WorkCalendar& cal) {
  using K = FormField::Kind;
  const std::string kind_id(core::event_kind_id(kind));
  const std::string today = core::Date::today_cst().iso();
  std::vector<FormField> f;
  f.reserve(12);  // add() hands out pointers into f
  auto add = [&](K k, const char* name, const char* label, const std::string& fallback, const std::string& hint,
                 const char* type = "text", int max = 200, bool optional = false) {
    FormField x;
    x.kind = k;
    x.name = name;
    x.id = kind_id + "-" + name;
    x.label = label;
    x.value = value_or(values, name, fallback);
    x.hint = hint;
    x.type = type;
    x.max = max;
    x.optional = optional;
    f.push_back(std::move(x));
    return &f.back();
  };
  std::string date_hint = "事项发生（发出、收到）的日期，不能晚于今天";
  if (kind == EventKind::kCorrectionRequested) {
    core::Date last =
        core::add_working_days(cal, v.status.received, core::kCorrectionWithinWorkdays);
    date_hint = "补正通知须在收到申请后7个工作日内一次性发出（第三十条），本申请最迟 " + last.iso();
  }
  add(K::kText, "date", "日期", today, date_hint, "date", 10);
  switch (kind) {
    case EventKind::kCorrectionRequested:
      add(K::kArea, "missing", "需要补正的内容", "", "一次性告知申请人需要补正的事项，例如所需信息的名称、文号", "text", 1000);
      add(K::kText, "reply_by", "补正期限", "", "申请人应在此日期前提交补正；无正当理由逾期不补正的，视为放弃申请", "date", 10);
      break;
    case EventKind::kConsultationSent: {
      auto* with = add(K::kRadios, "consult_with", "征求意见对象", "third_party", "");
      with->options = {{"third_party", "第三方（第三十二条，15个工作日内提出意见）"},
                       {"other_agency", "其他机关（第三十四条，15个工作日内提出意见，逾期视为同意）"}};
      add(K::kText, "party", "第三方或机关名称", "", "不向申请人公开");
      break;
    }
    case EventKind::kConsultationAnswered: {
      auto* which = add(K::kSelect, "consultation", "哪一次征求意见", "", "");
      for (int n : v.status.open_consultations) {
        which->options.emplace_back(std::to_string(n), "第" + std::to_string(n) + "次");
      }
      // With one consultation open there is nothing to choose.
      if (v.status.open_consultations.size() == 1) {
        which->value = value_or(values, "consultation", std::to_string(v.status.open_consultations[0]));
      }
      add(K::kText, "answer", "意见", "", "例如：同意公开；不同意公开及理由；逾期未提出意见（视为同意）", "text", 500, true);
      break;
    }
    case EventKind::kExtension:
      add(K::kText, "days", "延长的工作日数", "",
          "最多还可延长" + std::to_string(v.status.max_extension_days - v.status.extension_days) + "个工作日", "number", 2);
      add(K::kText, "approved_by", "批准人", who.display_name, "政府信息公开工作机构负责人", "text", 50);
      add(K::kCheck, "applicant_notified", "已告知申请人延长的理由和期限", "", "第三十三条：延长答复期限的，应当告知申请人");
      break;
    case EventKind::kFeeNotice:
      add(K::kText, "amount", "信息处理费（元）", "", "按《政府信息公开信息处理费管理办法》计算，按件或按量，不能并用", "number", 8);
      add(K::kText, "pay_by", "缴费期限", "", "逾期未缴纳的，视为放弃申请；发出收费通知至缴费期间不计入答复期限", "date", 10);
      break;
    case EventKind::kFeeWaived:
      add(K::kText, "reason", "减免理由", "", "", "text", 500);
      break;
    case EventKind::kDecided: {
      auto* outcome = add(K::kSelect, "outcome", "办理结果", "", "按2021年政府信息公开工作年度报告格式");
      outcome->groups = outcome_groups();
      add(K::kText, "published_where", "已主动公开的获取途径", "",
          "仅限“予以公开”且该信息已主动公开的：告知获取的方式和途径（第三十六条第（一）项）", "text", 500, true);
      add(K::kText, "other_agency", "负责公开该信息的机关", "",
          "仅限“本机关不掌握相关政府信息”：能够确定负责公开的机关的，写明名称和联系方式（第三十六条第（五）项）", "text",
          200, true);
      add(K::kArea, "reason", "说明", "", "选择“（六）其他处理 3. 其他”的须填写", "text", 1000, true);
      break;
    }
    case EventKind::kDelivered:
      add(K::kText, "delivery", "送达方式", app::choice_label(app::delivery_methods(), v.request.delivery_method),
          "例如：邮寄（挂号信编号）、电子邮件、当面领取", "text", 100, true);
      break;
    case EventKind::kWithdrawn:
      add(K::kText, "reason", "说明", "", "例如：申请人书面撤回", "text", 500, true);
      break;
    case EventKind::kTreatedAsWithdrawn:
      add(K::kText, "reason", "说明", "", "不填则写明“申请人逾期未补正”或“申请人逾期未缴纳信息处理费”", "text", 500, true);
      break;
    default:
      break;
  }
  add(K::kArea, "note", "内部备注", "", "仅工作人员可见，不向申请人公开", "text", 1000, true);
  return f;
}

void request_page(Context& c, int64_t id, const std::string& failed_kind, const Values& values,
                  const std::map<std::string, std::string>& errors, int status) {
  const auto& who = c.who();
  app::RequestView v = app::view_request(*c.app.db, who, agency_of(c), id);
  const auto& r = v.request;
  Page p(c, "申请 " + r.tracking_code, "requests/admin_view.tpl");
  auto& d = p.content();
  d.SetValue("CODE", r.tracking_code);
  d.SetValue("STATE", std::string(core::request_state_label(v.status.state)));
  d.SetValue("DUE", v.status.due ? v.status.due->iso() : "暂无");
  if (v.status.days_left) d.SetValue("DAYS", "（" + days_text(v.status.days_left) + "）");
  if (v.status.overdue) d.ShowSection("OVERDUE");
  if (v.status.waiting_until && v.status.waiting_until != v.status.due) {
    auto* w = d.AddSectionDictionary("WAITING");
    w->SetValue("WAITING_DATE", v.status.waiting_until->iso());
  }
  for (const auto& w : v.status.warnings) d.AddSectionDictionary("WARN")->SetValue("WARN_TEXT", w);
  bool person = r.applicant_kind == "natural_person";
  std::vector<std::pair<std::string, std::string>> meta = {
      {"跟踪码", r.tracking_code},
      {"提交方式", app::choice_label(app::request_channels(), r.channel)},
      {"收到申请日期", r.received_on + (r.receipt_note.empty() ? "" : "（" + r.receipt_note + "）")},
      {"适用条例", r.rule == "2008" ? "2008年条例（国务院令第492号）" : "2019年条例（国务院令第711号）"},
      {"申请人类型", app::choice_label(app::applicant_kinds(), r.applicant_kind)},
      {person ? "姓名" : "联系人", r.applicant_name},
      {"法人或其他组织名称", r.organisation},
      {"联系电话", r.phone},
      {"电子邮箱", r.email},
      {"通讯地址", r.address + (r.postcode.empty() ? "" : "（" + r.postcode + "）")},
      {"身份证明", v.identity_visible ? v.identity_type + " " + v.identity_masked : "仅申请受理员和办公室可见"},
      {"所需政府信息", r.description},
      {"载体形式", app::choice_label(app::delivery_forms(), r.delivery_form)},
      {"获取方式", app::choice_label(app::delivery_methods(), r.delivery_method)},
  };
  if (v.status.outcome) meta.emplace_back("办理结果", core::outcome_display(*v.status.outcome));
  for (const auto& [label, value] : meta) {
    if (value.empty()) continue;
    auto* row = d.AddSectionDictionary("META");
    row->SetValue("META_LABEL", label);
    row->SetValue("META_VALUE", value);
  }
  for (const auto& line : v.status.explanation) d.AddSectionDictionary("LINE")->SetValue("LINE_TEXT", line);
  for (const auto& e : v.events) {
    auto* row = d.AddSectionDictionary("EVENT");
    row->SetValue("EVENT_DATE", e.date);
    row->SetValue("EVENT_LABEL", e.kind_label);
    row->SetValue("EVENT_SUMMARY", e.summary);
    row->SetValue("EVENT_NOTE", e.note);
    row->SetValue("EVENT_ACTOR", e.actor);
    row->SetValue("EVENT_AT", e.recorded_at);
  }
  render::Dict* notes = v.notes.empty() ? nullptr : d.AddSectionDictionary("HAS_NOTES");
  for (const auto& n : v.notes) {
    auto* row = notes->AddSectionDictionary("NOTE");
    row->SetValue("NOTE_AT", n.recorded_at);
    row->SetValue("NOTE_BODY", n.body);
    row->SetValue("NOTE_ACTOR", n.actor);
  }
  if (handles_requests(who)) {
    auto letters = app::request_letters(*c.app.db, who, agency_of(c), id);
    render::Dict* section = letters.empty() ? nullptr : d.AddSectionDictionary("LETTERS");
    for (const auto& l : letters) {
      auto* row = section->AddSectionDictionary("LETTER");
      row->SetValue("LETTER_DATE", l.event_date);
      row->SetValue("LETTER_REQUEST", std::to_string(id));
      row->SetValue("LETTER_SEQ", std::to_string(l.seq));
      row->SetValue("LETTER_TITLE", l.title);
      row->SetValue("LETTER_REF", l.reference);
      row->SetValue("LETTER_ISSUED", l.issued ? "已出具（" + l.issued_at + "）" : "未出具");
    }
  }
  std::vector<std::pair<std::string, std::string>> summary;
  auto cal = app::current_calendar(*c.app.db);
  for (EventKind kind : v.can_add) {
    std::string kind_id(core::event_kind_id(kind));
    bool failed = kind_id == failed_kind;
    auto* form = d.AddSectionDictionary("EVENT_FORM");
    form->SetValue("FORM_KIND", kind_id);
    form->SetValue("FORM_LABEL", std::string(core::event_kind_label(kind)));
    form->SetValue("FORM_ACTION", "/admin/requests/" + std::to_string(id) + "/events");
    if (failed) form->ShowSection("FORM_OPEN");
    static const std::map<std::string, std::string> kNone;
    for (const auto& f : event_fields(kind, v, who, failed ? values : Values{}, *cal)) {
      add_field(*form, f, failed ? errors : kNone);
      if (failed) {
        if (auto it = errors.find(f.name); it != errors.end()) summary.emplace_back(f.id, it->second);
      }
    }
  }
  if (!failed_kind.empty()) {
    // Messages for fields the form does not show (e.g. the event is no longer allowed).
    for (const auto& [field, msg] : errors) {
      bool shown = std::any_of(summary.begin(), summary.end(), [&](const auto& s) { return s.second == msg; });
      if (!shown) summary.emplace_back("event-forms", msg);
    }
  }
  add_error_summary(d, summary);
  if (v.can_add.empty()) d.ShowSection(handles_requests(who) ? "NO_NEXT" : "READ_ONLY");
  d.SetValue("CSRF", c.session->csrf_token);
  p.send(status);
}

}  // namespace

void get_admin_requests(Context& c) {
  const auto& who = c.who();
  int64_t agency = agency_of(c);
  std::string list_id = c.param("list");
  auto list = list_id.empty() ? std::optional(app::WorkList::kOpen) : app::parse_work_list(list_id);
  if (!list) throw app::AppError(app::ErrorKind::kInvalid, "bad_filter", "未知的工作列表");
  int page = page_param(c);
  auto counts = app::work_list_counts(*c.app.db, who, agency);
  auto rows = app::work_list(*c.app.db, who, agency, *list, page);
  Page p(c, "依申请公开", "requests/admin_list.tpl");
  auto& d = p.content();
  d.SetValue("LIST_LABEL", std::string(app::work_list_label(*list)));
  for (app::WorkList w : app::all_work_lists()) {
    auto* tab = d.AddSectionDictionary("TAB");
    tab->SetValue("TAB_URL", "/admin/requests?list=" + std::string(app::work_list_id(w)));
    tab->SetValue("TAB_LABEL", std::string(app::work_list_label(w)));
    tab->SetValue("TAB_COUNT", std::to_string(counts[w]));
    if (w == *list) tab->ShowSection("CURRENT");
  }
  if (handles_requests(who)) d.ShowSection("CAN_ENTER");
  auto notices = app::recent_staff_notices(*c.app.db, who, agency, 5);
  render::Dict* reminders = notices.empty() ? nullptr : d.AddSectionDictionary("REMINDERS");
  for (const auto& n : notices) {
    auto* row = reminders->AddSectionDictionary("REMINDER");
    row->SetValue("REMINDER_AT", n.created_at);
    row->SetValue("REMINDER_BODY", n.body);
    if (n.request_id) row->AddSectionDictionary("REMINDER_LINK")->SetValue("REMINDER_ID", std::to_string(*n.request_id));
  }
  for (const auto& w : rows.rows) {
    const auto& r = w.request;
    auto* row = d.AddSectionDictionary("ROW");
    row->SetValue("ID", std::to_string(r.id));
    row->SetValue("CODE", r.tracking_code);
    row->SetValue("RECEIVED", r.received_on);
    row->SetValue("APPLICANT", r.organisation.empty() ? r.applicant_name : r.organisation);
    row->SetValue("DESCRIPTION", clip(r.description, 40));
    row->SetValue("STATE_LABEL", w.state_label);
    row->SetValue("UNTIL", r.derived.waiting_until.value_or(r.derived.closed_on.value_or("—")));
    row->SetValue("DAYS", days_text(w.days_left));
    if (w.days_left && *w.days_left < 0) row->ShowSection("LATE");
  }
  if (rows.rows.empty()) d.ShowSection("EMPTY");
  add_pager(d, "/admin/requests?list=" + std::string(app::work_list_id(*list)), page, 20, rows.total);
  p.send();
}

void get_new_admin_request(Context& c) {
  agency_of(c);
  RequestInput in;
  in.channel = "letter";
  in.received_on = core::Date::today_cst().iso();
  entry_form(c, in, app::new_request_keys(), {}, 200);
}

void post_admin_request(Context& c) {
  RequestInput in = read_entry(c);
  app::RequestKeys keys{c.param("key"), c.param("secret")};
  try {
    app::SubmitResult r = app::enter_request(*c.app.db, c.who(), agency_of(c), in, keys);
    Page p(c, "申请已登记", "requests/admin_entered.tpl");
    auto& d = p.content();
    d.SetValue("ID", std::to_string(r.id));
    d.SetValue("CODE", r.tracking_code);
    d.SetValue("SECRET", r.secret);
    d.SetValue("RECEIVED", r.received_on);
    d.SetValue("DUE", r.due_on.value_or("—"));
    d.SetValue("RULE", core::kCountingRule);
    if (r.repeated) d.ShowSection("REPEATED");
    p.send();
  } catch (const app::ValidationError& e) {
    entry_form(c, in, keys, e.fields(), 400);
  }
}

void get_admin_request(Context& c) { request_page(c, c.route_id(), "", {}, {}, 200); }

void post_request_event(Context& c) {
  int64_t id = c.route_id();
  app::EventInput in;
  in.kind = c.param("kind");
  in.date = c.param("date");
  in.note = c.param("note");
  in.missing = c.param("missing");
  in.reply_by = c.param("reply_by");
  in.consult_with = c.param("consult_with");
  in.party = c.param("party");
  in.consultation = c.param("consultation");
  in.answer = c.param("answer");
  in.days = c.param("days");
  in.approved_by = c.param("approved_by");
  in.applicant_notified = c.param("applicant_notified") == "1";
  in.amount = c.param("amount");
  in.pay_by = c.param("pay_by");
  in.outcome = c.param("outcome");
  in.other_agency = c.param("other_agency");
  in.published_where = c.param("published_where");
  in.reason = c.param("reason");
  in.delivery = c.param("delivery");
  try {
    app::add_request_event(*c.app.db, c.who(), agency_of(c), id, in);
    c.redirect("/admin/requests/" + std::to_string(id) + "#timeline");
  } catch (const app::ValidationError& e) {
    Values values;
    for (const char* name : {"date", "note", "missing", "reply_by", "consult_with", "party", "consultation", "answer",
                             "days", "approved_by", "applicant_notified", "amount", "pay_by", "outcome",
                             "other_agency", "published_where", "reason", "delivery"}) {
      if (c.has_param(name)) values[name] = c.param(name);
    }
    request_page(c, id, in.kind, values, e.fields(), 400);
  }
}

}  // namespace gongkai::web
