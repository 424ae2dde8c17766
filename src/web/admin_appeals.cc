// Back-office register of appeals about disclosure (行政复议 / 行政诉讼): list, record, edit.
#include "app/appeals.h"
#include "app/errors.h"
#include "web/pages.h"
#include "web/report_handlers.h"
#include "web/server.h"

namespace gongkai::web {
namespace {

app::AppealInput read_form(const Context& c) {
  app::AppealInput in;
  in.kind = c.form_param("kind");
  in.filed_on = c.form_param("filed_on");
  in.case_ref = c.form_param("case_ref");
  in.result = c.form_param("result");
  in.decided_on = c.form_param("decided_on");
  in.remarks = c.form_param("remarks");
  in.request_code = c.form_param("request_code");
  return in;
}

app::AppealInput from_row(const store::AppealRow& r) {
  app::AppealInput in;
  in.kind = r.kind;
  in.filed_on = r.filed_on;
  in.case_ref = r.case_ref;
  in.result = r.result;
  in.decided_on = r.decided_on.value_or("");
  in.remarks = r.remarks;
  in.request_code = r.request_code;
  return in;
}

void appeal_form(Context& c, const std::string& heading, const std::string& action, const app::AppealInput& in,
                 const std::map<std::string, std::string>& errors, int status) {
  Page p(c, heading, "admin/appeal_form.tpl");
  auto& d = p.content();
  bool can_edit = app::can_edit_appeals(c.who());
  d.SetValue("HEADING", heading);
  d.SetValue("ACTION", action);
  d.SetValue("CSRF", c.session->csrf_token);
  if (can_edit) d.ShowSection("CAN_EDIT");
  else d.ShowSection("READ_ONLY");
  add_errors(d, errors);
  auto select = [&](const char* name, const char* label, const std::vector<app::AppealChoice>& choices,
                    const std::string& value) {
    auto* f = d.AddSectionDictionary("SELECT_FIELD");
    f->SetValue("NAME", name);
    f->SetValue("LABEL", label);
    for (const auto& ch : choices) add_option(*f, "OPT", std::string(ch.id), std::string(ch.label), ch.id == value);
    if (auto it = errors.find(name); it != errors.end()) f->AddSectionDictionary("BAD")->SetValue("MESSAGE", it->second);
  };
  select("kind", "类别", app::appeal_kinds(), in.kind);
  auto text = [&](const char* name, const char* label, const std::string& value, const char* type, int max,
                  const char* hint) {
    auto* f = d.AddSectionDictionary("TEXT_FIELD");
    f->SetValue("NAME", name);
    f->SetValue("LABEL", label);
    f->SetValue("VALUE", value);
    f->SetValue("TYPE", type);
    f->SetIntValue("MAX", max);
    if (*hint) f->AddSectionDictionary("HINT")->SetValue("HINT", hint);
    if (auto it = errors.find(name); it != errors.end()) f->AddSectionDictionary("BAD")->SetValue("MESSAGE", it->second);
  };
  text("filed_on", "申请复议或起诉日期", in.filed_on, "date", 10, "");
  text("case_ref", "案号", in.case_ref, "text", 100, "例如 慈政复〔2024〕12号");
  text("request_code", "相关申请编号（可选）", in.request_code, "text", 20, "依申请公开的申请编号，8位");
  select("result", "结果", app::appeal_results(), in.result.empty() ? "pending" : in.result);
  text("decided_on", "审结日期", in.decided_on, "date", 10, "尚未审结的不填");
  d.SetValue("REMARKS", in.remarks);
  if (auto it = errors.find("remarks"); it != errors.end()) {
    d.AddSectionDictionary("REMARKS_BAD")->SetValue("MESSAGE", it->second);
  }
  p.send(status);
}

}  // namespace

void get_admin_appeals(Context& c) {
  auto rows = app::list_appeals(*c.app.db, c.who(), agency_of(c));
  Page p(c, "行政复议、行政诉讼", "admin/appeals.tpl");
  auto& d = p.content();
  if (app::can_edit_appeals(c.who())) d.ShowSection("CAN_EDIT");
  for (const auto& r : rows) {
    auto* row = d.AddSectionDictionary("ROW");
    row->SetValue("ID", std::to_string(r.id));
    row->SetValue("KIND", app::appeal_kind_label(r.kind));
    row->SetValue("FILED", r.filed_on);
    row->SetValue("CASE_REF", r.case_ref);
    row->SetValue("RESULT", app::appeal_result_label(r.result));
    row->SetValue("DECIDED", r.decided_on.value_or(""));
    if (r.request_id) {
      auto* req = row->AddSectionDictionary("REQ");
      req->SetValue("REQ_ID", std::to_string(*r.request_id));
      req->SetValue("REQ_CODE", r.request_code);
    }
  }
  if (rows.empty()) d.ShowSection("EMPTY");
  p.send();
}

void get_new_appeal(Context& c) {
  agency_of(c);
  app::AppealInput in;
  in.request_code = c.param("request");
  appeal_form(c, "登记复议诉讼案件", "/admin/appeals", in, {}, 200);
}

void post_new_appeal(Context& c) {
  auto in = read_form(c);
  try {
    app::create_appeal(*c.app.db, c.who(), agency_of(c), in);
  } catch (const app::ValidationError& e) {
    appeal_form(c, "登记复议诉讼案件", "/admin/appeals", in, e.fields(), 400);
    return;
  }
  c.redirect("/admin/appeals");
}

void get_appeal(Context& c) {
  auto row = app::get_appeal(*c.app.db, c.who(), agency_of(c), c.route_id());
  appeal_form(c, "复议诉讼案件", "/admin/appeals/" + std::to_string(row.id), from_row(row), {}, 200);
}

void post_appeal(Context& c) {
  int64_t id = c.route_id();
  auto in = read_form(c);
  try {
    app::update_appeal(*c.app.db, c.who(), agency_of(c), id, in);
  } catch (const app::ValidationError& e) {
    appeal_form(c, "复议诉讼案件", "/admin/appeals/" + std::to_string(id), in, e.fields(), 400);
    return;
  }
  c.redirect("/admin/appeals");
}

}  // namespace gongkai::web
