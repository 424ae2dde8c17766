// Complaints and reports (投诉、举报): the public form and the office's pages; the work
// records (training, meetings, rules, the leading group) with the overview sentences they give.

#include "app/errors.h"
#include "app/requests.h"
#include "app/supervision.h"
#include "core/clock.h"
#include "core/date.h"
#include "web/pages.h"
#include "web/portal_page.h"
#include "web/quota_handlers.h"
#include "web/server.h"

namespace gongkai::web {
namespace {

using core::Role;

// Puts field `name`'s message (if any) into section BAD_<name> of d, for the message beside
// the field and its aria attributes.
void field_errors(render::Dict& d, const std::map<std::string, std::string>& errors) {
  for (const auto& [field, msg] : errors) d.AddSectionDictionary(("BAD_" + field).c_str())->SetValue("MESSAGE", msg);
}

// Public complaints per address and hour: enough for a person, not for a flood.
app::RateLimiter& complaint_limit() {
  static app::RateLimiter limit(10, std::chrono::hours(1));
  return limit;
}

app::ComplaintInput read_complaint(const Context& c) {
  return {c.param("kind"), c.param("channel"), c.param("name"), c.param("contact"), c.param("content"),
          app::normalise_code(c.param("request_code")), c.param("received_on")};
}

void fill_complaint_form(Context& c, render::Dict& d, const app::ComplaintInput& in,
                         const std::map<std::string, std::string>& errors) {
  for (auto k : app::kComplaintKinds) add_option(d, "KIND_OPT", std::string(k), std::string(k), in.kind == k);
  d.SetValue("NAME", in.name);
  d.SetValue("CONTACT", in.contact);
  d.SetValue("CONTENT", in.content);
  d.SetValue("REQUEST_CODE", in.request_code);
  field_errors(d, errors);
}

void public_form(Context& c, int status, const app::ComplaintInput& in, const std::map<std::string, std::string>& errors) {
  auto agency = agency_by_slug(c);
  PortalPage p(c, "投诉举报", "portal/complaint_form.tpl", agency);
  p.set_private();
  p.crumbs({{"政府信息公开", "/" + agency.slug + "/"}, {"投诉举报", ""}});
  auto& d = p.content();
  d.SetValue("CSRF", public_form_csrf(c));
  d.SetValue("SLUG", agency.slug);
  d.SetValue("AGENCY", agency.name);
  add_errors(d, errors);
  fill_complaint_form(c, d, in, errors);
  p.send(status);
}

void complaints_page(Context& c, int status, const app::ComplaintInput& in, const std::map<std::string, std::string>& errors) {
  int64_t agency = agency_of(c);
  const auto& who = c.who();
  std::string filter = c.param("status");
  auto rows = app::complaints(*c.app.db, who, agency, filter == "open" || filter == "closed" ? filter : "");
  Page p(c, "投诉举报", "admin/complaints.tpl");
  auto& d = p.content();
  add_option(d, "STATUS_OPT", "open", "办理中", filter == "open");
  add_option(d, "STATUS_OPT", "closed", "已办结", filter == "closed");
  for (const auto& r : rows) {
    auto* row = d.AddSectionDictionary("ROW");
    row->SetValue("ID", std::to_string(r.id));
    row->SetValue("REF", r.ref_code);
    row->SetValue("KIND", r.kind);
    row->SetValue("CHANNEL", r.channel);
    row->SetValue("RECEIVED", r.received_on);
    row->SetValue("SUMMARY", r.content.substr(0, 120));
    row->SetValue("STATUS", r.status == "closed" ? "已办结" : "办理中");
    row->SetValue("STATUS_ID", r.status == "closed" ? "met" : "behind");
  }
  if (who.has(Role::kOffice)) {
    auto* f = d.AddSectionDictionary("OFFICE");
    f->SetValue("CSRF", c.session->csrf_token);
    for (auto ch : app::kComplaintChannels) add_option(*f, "CHANNEL_OPT", std::string(ch), std::string(ch), in.channel == ch);
    f->SetValue("RECEIVED_ON", in.received_on.empty() ? core::Date::today_cst().iso() : in.received_on);
    fill_complaint_form(c, *f, in, errors);
  }
  add_errors(d, errors);
  p.send(status);
}

}  // namespace

void get_complaint_form(Context& c) { public_form(c, 200, {}, {}); }

void post_complaint_form(Context& c) {
  auto agency = agency_by_slug(c);
  app::ComplaintInput in = read_complaint(c);
  std::string ip = c.client_ip();
  if (!complaint_limit().allowed(ip)) {
    throw app::AppError(app::ErrorKind::kTooMany, "too_many", "提交过于频繁，请一小时后再试");
  }
  std::string ref;
  try {
    ref = app::submit_complaint_online(*c.app.db, agency.id, in);
    complaint_limit().record(ip);
  } catch (const app::ValidationError& e) {
    public_form(c, 400, in, e.fields());
    return;
  }
  PortalPage p(c, "投诉举报已提交", "portal/complaint_done.tpl", agency);
  p.set_private();
  p.content().SetValue("REF", ref);
  p.content().SetValue("AGENCY", agency.name);
  p.content().SetValue("PHONE", agency.phone);
  p.send();
}

void get_complaints(Context& c) { complaints_page(c, 200, {}, {}); }

void post_complaint(Context& c) {
  app::ComplaintInput in = read_complaint(c);
  int64_t id = 0;
  try {
    id = app::enter_complaint(*c.app.db, c.who(), agency_of(c), in);
  } catch (const app::ValidationError& e) {
    complaints_page(c, 400, in, e.fields());
    return;
  }
  c.redirect("/admin/complaints/" + std::to_string(id));
}

void get_complaint(Context& c) {
  int64_t agency = agency_of(c);
  const auto& who = c.who();
  auto v = app::view_complaint(*c.app.db, who, agency, c.route_id());
  Page p(c, v.row.kind + " " + v.row.ref_code, "admin/complaint.tpl");
  auto& d = p.content();
  d.SetValue("ID", std::to_string(v.row.id));
  d.SetValue("REF", v.row.ref_code);
  d.SetValue("KIND", v.row.kind);
  std::vector<std::pair<std::string, std::string>> meta = {
      {"编号", v.row.ref_code}, {"类型", v.row.kind}, {"收到方式", v.row.channel}, {"收到日期", v.row.received_on},
      {"投诉举报人", v.row.name.empty() ? "（未署名）" : v.row.name}, {"联系方式", v.row.contact.empty() ? "—" : v.row.contact},
      {"涉及的申请", v.row.request_code.empty() ? "—" : v.row.request_code}, {"内容", v.row.content},
      {"状态", v.row.status == "closed" ? "已办结（" + v.row.closed_on.value_or("") + "）" : "办理中"},
      {"办理结果", v.row.result.empty() ? "—" : v.row.result}};
  for (const auto& [k, val] : meta) {
    auto* m = d.AddSectionDictionary("META");
    m->SetValue("LABEL", k);
    m->SetValue("VALUE", val);
  }
  if (v.row.request_id) d.AddSectionDictionary("REQUEST")->SetValue("REQUEST_ID", std::to_string(*v.row.request_id));
  for (const auto& s : v.steps) {
    auto* row = d.AddSectionDictionary("STEP");
    row->SetValue("DATE", s.on_date);
    row->SetValue("ACTION", s.action);
    row->SetValue("NOTE", s.note);
    row->SetValue("BY", s.actor_name);
  }
  if (who.has(Role::kOffice) && v.row.status != "closed") {
    auto* f = d.AddSectionDictionary("OFFICE");
    f->SetValue("CSRF", c.session->csrf_token);
    f->SetValue("ID", std::to_string(v.row.id));
    f->SetValue("TODAY", core::Date::today_cst().iso());
  }
  p.send();
}

void post_complaint_step(Context& c) {
  int64_t id = c.route_id();
  app::add_complaint_step(*c.app.db, c.who(), agency_of(c), id, c.param("on_date"), c.param("action"), c.param("note"));
  c.redirect("/admin/complaints/" + std::to_string(id));
}

void post_complaint_close(Context& c) {
  int64_t id = c.route_id();
  app::close_complaint(*c.app.db, c.who(), agency_of(c), id, c.param("result"), c.param("closed_on"));
  c.redirect("/admin/complaints/" + std::to_string(id));
}

namespace {

void work_records_page(Context& c, int status, const std::map<std::string, std::string>& errors) {
  int64_t agency = agency_of(c);
  const auto& who = c.who();
  int year = core::Date::today_cst().year();
  if (!c.param("year").empty()) {
    auto y = c.int_param("year");
    if (!y || *y < 2000 || *y > 2100) throw app::ValidationError("year", "年份应为2000至2100之间的整数");
    year = static_cast<int>(*y);
  }
  Page p(c, "工作记录", "admin/work_records.tpl");
  auto& d = p.content();
  d.SetIntValue("YEAR", year);
  d.SetIntValue("PREV", year - 1);
  d.SetIntValue("NEXT", year + 1);
  for (const auto& r : app::work_records(*c.app.db, who, agency, year)) {
    auto* row = d.AddSectionDictionary("RECORD");
    row->SetValue("ID", std::to_string(r.id));
    row->SetValue("KIND", std::string(app::work_record_label(r.kind)));
    row->SetValue("DATE", r.on_date);
    row->SetValue("TITLE", r.title);
    row->SetValue("PARTICIPANTS", r.kind == "training" ? std::to_string(r.participants) + "人" : "—");
    row->SetValue("DETAIL", r.detail.substr(0, 300));
    if (who.has(Role::kOffice)) row->AddSectionDictionary("CAN_DELETE")->SetValue("CSRF", c.session->csrf_token);
  }
  for (const auto& m : app::group_members(*c.app.db, who, agency)) {
    auto* row = d.AddSectionDictionary("MEMBER");
    row->SetValue("ID", std::to_string(m.id));
    row->SetValue("DUTY", m.duty);
    row->SetValue("NAME", m.name);
    row->SetValue("POSITION", m.position);
    if (who.has(Role::kOffice)) row->AddSectionDictionary("CAN_DELETE")->SetValue("CSRF", c.session->csrf_token);
  }
  for (const auto& s : app::overview_sentences(*c.app.db, agency, year)) {
    d.AddSectionDictionary("SENTENCE")->SetValue("TEXT", s);
  }
  add_errors(d, errors);
  if (who.has(Role::kOffice)) {
    auto* f = d.AddSectionDictionary("OFFICE");
    f->SetValue("CSRF", c.session->csrf_token);
    f->SetIntValue("YEAR", year);
    for (const char* k : {"training", "meeting", "rule"}) {
      add_option(*f, "KIND_OPT", k, std::string(app::work_record_label(k)), c.param("kind") == k);
    }
    for (const char* duty : {"组长", "副组长", "成员", "联络员"}) add_option(*f, "DUTY_OPT", duty, duty, c.param("duty") == duty);
    f->SetValue("F_DATE", c.param("on_date"));
    f->SetValue("F_TITLE", c.param("title"));
    f->SetValue("F_PARTICIPANTS", c.param("participants"));
    f->SetValue("F_DETAIL", c.param("detail"));
    f->SetValue("F_MEMBER", c.param("member_name"));
    f->SetValue("F_POSITION", c.param("position"));
    field_errors(*f, errors);
  }
  p.send(status);
}

}  // namespace

void get_work_records(Context& c) { work_records_page(c, 200, {}); }

void post_work_record(Context& c) {
  try {
    app::add_work_record(*c.app.db, c.who(), agency_of(c),
                         {c.param("kind"), c.param("on_date"), c.param("title"), c.param("participants"), c.param("detail")});
  } catch (const app::ValidationError& e) {
    work_records_page(c, 400, e.fields());
    return;
  }
  c.redirect("/admin/work-records?year=" + c.param("on_date").substr(0, 4));
}

void post_delete_work_record(Context& c) {
  app::remove_work_record(*c.app.db, c.who(), agency_of(c), c.route_id());
  c.redirect("/admin/work-records");
}

void post_group_member(Context& c) {
  try {
    app::add_group_member(*c.app.db, c.who(), agency_of(c),
                          {c.param("duty"), c.param("member_name"), c.param("position"), c.param("sort")});
  } catch (const app::ValidationError& e) {
    work_records_page(c, 400, e.fields());
    return;
  }
  c.redirect("/admin/work-records");
}

void post_delete_group_member(Context& c) {
  app::remove_group_member(*c.app.db, c.who(), agency_of(c), c.route_id());
  c.redirect("/admin/work-records");
}

}  // namespace gongkai::web
