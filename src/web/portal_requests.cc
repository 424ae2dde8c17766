// The public side of requests for disclosure: the application form, one question group per
// page (who you are, what you want, identity, check your answers), the confirmation with the
// tracking code, and the status page.
//
// Answers travel between the pages in hidden fields; nothing is stored until the last page is
// submitted. The idempotency key and the secret are made on the first POST (never on a GET
// page, which a shared cache could hand to someone else) and travel along too, so that a
// repeated submission returns the same request.
//
// Rate limits, per client address and per process (in memory, forgotten on restart; behind a
// proxy all clients share the proxy's address): 10 new requests per hour, 20 failed status
// look-ups per hour.

#include <chrono>

#include "app/errors.h"
#include "app/requests.h"
#include "core/deadline.h"
#include "web/pages.h"
#include "web/portal_page.h"
#include "web/request_handlers.h"
#include "web/server.h"

namespace gongkai::web {
namespace {

using app::RequestInput;
using app::RequestPart;

app::RateLimiter& submissions() {
  static app::RateLimiter limit(10, std::chrono::hours(1));
  return limit;
}

app::RateLimiter& failed_lookups() {
  static app::RateLimiter limit(20, std::chrono::hours(1));
  return limit;
}

RequestInput read_answers(const Context& c) {
  RequestInput in;
  for (const auto& [name, member] : app::applicant_input_fields()) in.*member = c.param(name);
  return app::trim_input(in);
}

std::vector<std::pair<std::string, std::string>> options(const std::vector<app::Choice>& choices) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& ch : choices) out.emplace_back(std::string(ch.id), std::string(ch.label));
  return out;
}

// The portal's frame around request pages, which hold personal data and secrets: never cached.
class RequestPage : public PortalPage {
 public:
  RequestPage(Context& c, const std::string& title, const std::string& content_tpl,
              const std::optional<store::AgencyRow>& agency)
      : PortalPage(c, title, content_tpl, agency) {
    set_private();
    if (agency) crumbs({{"政府信息公开", "/" + agency->slug + "/"}, {"依申请公开", "/" + agency->slug + "/apply"}, {title, ""}});
  }
};

struct Step {
  const char* id;
  int number;
  const char* heading;
  RequestPart part;
};
constexpr Step kSteps[] = {
    {"who", 1, "申请人信息", RequestPart::kApplicant},
    {"what", 2, "所需政府信息", RequestPart::kInformation},
    {"identity", 3, "身份证明", RequestPart::kIdentity},
};

const Step& step_for(RequestPart part) {
  for (const auto& s : kSteps) {
    if (s.part == part) return s;
  }
  return kSteps[0];
}

const Step* find_step(const std::string& id) {
  for (const auto& s : kSteps) {
    if (id == s.id) return &s;
  }
  return nullptr;
}

}  // namespace

std::vector<FormField> request_fields(RequestPart part, const RequestInput& in) {
  using K = FormField::Kind;
  std::vector<FormField> f;
  auto text = [&](const char* name, const char* label, const std::string& value, int max, const char* hint,
                  const char* type = "text", const char* autocomplete = "", bool optional = false) {
    FormField x;
    x.name = name;
    x.label = label;
    x.value = value;
    x.max = max;
    x.hint = hint;
    x.type = type;
    x.autocomplete = autocomplete;
    x.optional = optional;
    f.push_back(x);
  };
  auto choice = [&](K kind, const char* name, const char* label, const std::string& value,
                    const std::vector<app::Choice>& choices, const char* hint) {
    FormField x;
    x.kind = kind;
    x.name = name;
    x.label = label;
    x.value = value;
    x.hint = hint;
    x.options = options(choices);
    f.push_back(x);
  };
  switch (part) {
    case RequestPart::kApplicant:
      choice(K::kRadios, "applicant_kind", "申请人类型", in.applicant_kind, app::applicant_kinds(),
             "公民个人请选择“自然人”；企业、事业单位、社会组织等请选择相应类型");
      text("applicant_name", "姓名", in.applicant_name, 50, "法人或其他组织请填写联系人姓名", "text", "name");
      text("organisation", "法人或其他组织名称", in.organisation, 100, "法人或其他组织必填，自然人不填", "text",
           "organization");
      text("phone", "联系电话", in.phone, 20, "例如 0574-12345678 或 13800000000；电话、电子邮箱、通讯地址至少填写一项",
           "tel", "tel", true);
      text("email", "电子邮箱", in.email, 100, "", "email", "email", true);
      text("address", "通讯地址", in.address, 200, "选择邮寄方式获取信息的，须填写", "text", "street-address", true);
      text("postcode", "邮政编码", in.postcode, 6, "", "text", "postal-code", true);
      break;
    case RequestPart::kInformation: {
      FormField d;
      d.kind = K::kArea;
      d.name = "description";
      d.label = "所需政府信息的描述";
      d.hint = "请写明信息的名称、文号，或者便于查询的其他特征，例如“2023年度商贸流通专项资金分配结果”";
      d.value = in.description;
      d.max = 2000;
      f.push_back(d);
      choice(K::kRadios, "delivery_form", "获取信息的载体形式", in.delivery_form, app::delivery_forms(), "");
      choice(K::kRadios, "delivery_method", "获取信息的方式", in.delivery_method, app::delivery_methods(),
             "选择邮寄的须填写通讯地址，选择电子邮件的须填写电子邮箱");
      break;
    }
    case RequestPart::kIdentity:
      choice(K::kSelect, "id_type", "身份证明类型", in.id_type, app::identity_types(),
             "自然人请选择个人身份证件；法人或其他组织请选择统一社会信用代码");
      text("id_number", "证件号码", in.id_number, 40,
           "仅用于核实申请人身份。本机关工作人员只能看到部分号码，例如 3302**********1234");
      break;
    case RequestPart::kReceipt: {
      choice(K::kSelect, "channel", "提交方式", in.channel, app::request_channels(), "");
      std::string rules;
      for (const char* ch : {"in_person", "letter", "fax"}) rules += std::string(app::receipt_rule(ch)) + "。";
      text("received_on", "收到申请日期", in.received_on, 10, rules.c_str(), "date");
      text("receipt_note", "收到情况说明", in.receipt_note, 200,
           "例如：挂号信 XA123456789CN 于当日签收；平常信函于当日电话与申请人确认", "text", "", true);
      break;
    }
  }
  return f;
}

namespace {

// Hidden fields for everything not asked on this page.
void keep(render::Dict& d, const RequestInput& in, const app::RequestKeys& keys,
          const std::vector<FormField>& shown) {
  auto add = [&](const std::string& name, const std::string& value) {
    auto* k = d.AddSectionDictionary("KEEP");
    k->SetValue("KEEP_NAME", name);
    k->SetValue("KEEP_VALUE", value);
  };
  for (const auto& [name, member] : app::applicant_input_fields()) {
    bool on_page = std::any_of(shown.begin(), shown.end(), [&](const FormField& f) { return f.name == name; });
    if (!on_page) add(name, in.*member);
  }
  add("key", keys.idempotency_key);
  add("secret", keys.secret);
}

void show_step(Context& c, const store::AgencyRow& agency, const Step& s, const RequestInput& in,
               const app::RequestKeys& keys, const std::map<std::string, std::string>& errors, int status) {
  RequestPage p(c, std::string(s.heading) + " - 在线申请", "requests/apply_step.tpl", agency);
  auto& d = p.content();
  d.SetValue("HEADING", s.heading);
  d.SetIntValue("STEP_NO", s.number);
  d.SetValue("ACTION", "/requests/" + agency.slug + "/new");
  d.SetValue("CSRF", public_form_csrf(c));
  d.SetValue("STEP", s.id);
  if (s.number == 1) {
    d.AddSectionDictionary("INTRO")->SetValue("INTRO_TEXT",
        "向" + agency.name + "申请获取政府信息。共4步：申请人信息、所需信息、身份证明、核对提交。"
        "提交前不会保存您填写的内容。");
  }
  auto fields = request_fields(s.part, in);
  std::vector<std::pair<std::string, std::string>> summary;
  for (const auto& f : fields) {
    add_field(d, f, errors);
    if (auto it = errors.find(f.name); it != errors.end()) summary.emplace_back(f.name, it->second);
  }
  add_error_summary(d, summary);
  keep(d, in, keys, fields);
  p.send(status);
}

void show_check(Context& c, const store::AgencyRow& agency, const RequestInput& in, const app::RequestKeys& keys,
                const std::string& problem, int status) {
  RequestPage p(c, "核对申请内容 - 在线申请", "requests/apply_check.tpl", agency);
  auto& d = p.content();
  d.SetValue("ACTION", "/requests/" + agency.slug + "/new");
  d.SetValue("CSRF", public_form_csrf(c));
  d.SetValue("RULE", core::kCountingRule);
  if (!problem.empty()) add_error_summary(d, {{"submit", problem}});
  bool person = in.applicant_kind == "natural_person";
  auto part = [&](const Step& s, const std::vector<std::pair<std::string, std::string>>& rows) {
    auto* pd = d.AddSectionDictionary("PART");
    pd->SetValue("PART_TITLE", s.heading);
    pd->SetValue("PART_STEP", s.id);
    for (const auto& [label, value] : rows) {
      if (value.empty()) continue;
      auto* r = pd->AddSectionDictionary("ROW");
      r->SetValue("ROW_LABEL", label);
      r->SetValue("ROW_VALUE", value);
    }
  };
  part(kSteps[0], {{"申请人类型", app::choice_label(app::applicant_kinds(), in.applicant_kind)},
                   {person ? "姓名" : "联系人姓名", in.applicant_name},
                   {"法人或其他组织名称", person ? "" : in.organisation},
                   {"联系电话", in.phone},
                   {"电子邮箱", in.email},
                   {"通讯地址", in.address},
                   {"邮政编码", in.postcode}});
  part(kSteps[1], {{"所需信息", in.description},
                   {"载体形式", app::choice_label(app::delivery_forms(), in.delivery_form)},
                   {"获取方式", app::choice_label(app::delivery_methods(), in.delivery_method)}});
  part(kSteps[2], {{"身份证明类型", app::choice_label(app::identity_types(), in.id_type)},
                   {"证件号码", in.id_number}});
  keep(d, in, keys, {});
  p.send(status);
}

void show_done(Context& c, const store::AgencyRow& agency, const app::SubmitResult& r) {
  RequestPage p(c, "申请已提交", "requests/apply_done.tpl", agency);
  auto& d = p.content();
  d.SetValue("CODE", r.tracking_code);
  d.SetValue("SECRET", r.secret);
  d.SetValue("AGENCY", r.agency_name);
  d.SetValue("RECEIVED", r.received_on);
  d.SetValue("DUE", r.due_on.value_or("—"));
  d.SetValue("RULE", core::kCountingRule);
  d.SetValue("RECEIPT_RULE", std::string(app::receipt_rule("online")));
  if (r.repeated) d.ShowSection("REPEATED");
  p.send(200);
}

void status_form(Context& c, const std::map<std::string, std::string>& errors, int status) {
  RequestPage p(c, "查询办理进度", "requests/status_form.tpl", std::nullopt);
  auto& d = p.content();
  d.SetValue("CSRF", public_form_csrf(c));
  FormField code;
  code.name = "code";
  code.label = "跟踪码";
  code.hint = "提交申请后页面显示的8位跟踪码，例如 7KQ4M9XA";
  code.value = c.param("code");
  code.max = 20;
  code.autocomplete = "off";
  FormField secret;
  secret.name = "secret";
  secret.label = "查询密码";
  secret.hint = "提交申请后页面显示的查询密码，例如 ABCD-EFGH-JKMN（不区分大小写）";
  secret.type = "password";
  secret.max = 30;
  secret.autocomplete = "off";
  std::vector<std::pair<std::string, std::string>> summary;
  for (const auto& f : {code, secret}) {
    add_field(d, f, errors);
    if (auto it = errors.find(f.name); it != errors.end()) summary.emplace_back(f.name, it->second);
  }
  add_error_summary(d, summary);
  p.send(status);
}

}  // namespace

// ----- Form fields, shared with admin_requests.cc -----

void add_field(render::Dict& d, const FormField& f, const std::map<std::string, std::string>& errors) {
  using K = FormField::Kind;
  // Every value and flag sits on the include itself: the nested sections of field.tpl
  // (the kind, BAD, HINT, …) look their variables up from there.
  auto* inc = d.AddIncludeDictionary("FIELD");
  inc->SetFilename("requests/field.tpl");
  const std::string id = f.id.empty() ? f.name : f.id;
  inc->ShowSection(f.kind == K::kText ? "TEXT" : f.kind == K::kArea ? "AREA" : f.kind == K::kRadios ? "RADIOS"
                   : f.kind == K::kSelect ? "SELECT" : "CHECK");
  inc->SetValue("ID", id);
  inc->SetValue("NAME", f.name);
  inc->SetValue("LABEL", f.label);
  inc->SetValue("VALUE", f.value);
  inc->SetValue("TYPE", f.type);
  inc->SetIntValue("MAX", f.max);
  if (f.optional) inc->ShowSection("OPTIONAL");
  if (!f.autocomplete.empty()) inc->AddSectionDictionary("AUTO")->SetValue("AUTO", f.autocomplete);
  std::string described;
  if (!f.hint.empty()) {
    inc->AddSectionDictionary("HINT")->SetValue("HINT", f.hint);
    described = id + "-hint";
  }
  if (auto it = errors.find(f.name); it != errors.end()) {
    inc->AddSectionDictionary("BAD")->SetValue("MESSAGE", it->second);
    described += (described.empty() ? "" : " ") + id + "-error";
  }
  if (!described.empty()) inc->AddSectionDictionary("DESCRIBED")->SetValue("IDS", described);
  if (f.kind == K::kCheck && f.value == "1") inc->ShowSection("SEL");
  int n = 0;
  for (const auto& [value, label] : f.options) {
    auto* o = inc->AddSectionDictionary("OPT");
    // The first radio carries the field's id, so that the error summary can link to it.
    o->SetValue("OPT_ID", n++ == 0 ? id : id + "-" + value);
    o->SetValue("VALUE", value);
    o->SetValue("LABEL", label);
    if (value == f.value) o->ShowSection("SEL");
  }
  for (const auto& [group, opts] : f.groups) {
    auto* g = inc->AddSectionDictionary("GROUP");
    g->SetValue("GROUP_LABEL", group);
    for (const auto& [value, label] : opts) {
      auto* o = g->AddSectionDictionary("GOPT");
      o->SetValue("VALUE", value);
      o->SetValue("LABEL", label);
      if (value == f.value) o->ShowSection("SEL");
    }
  }
}

void add_error_summary(render::Dict& d, const std::vector<std::pair<std::string, std::string>>& errors) {
  if (errors.empty()) return;
  auto* inc = d.AddIncludeDictionary("ERRORS");
  inc->SetFilename("admin/errors.tpl");
  auto* e = inc->AddSectionDictionary("ERRORS");
  for (const auto& [id, msg] : errors) {
    auto* row = e->AddSectionDictionary("ERR");
    row->SetValue("FIELD", id);
    row->SetValue("MESSAGE", msg);
  }
}

// ----- Handlers -----

void get_request_form(Context& c) {
  auto agency = agency_by_slug(c);
  // No keys yet: they are made on the first POST.
  show_step(c, agency, kSteps[0], RequestInput{}, app::RequestKeys{}, {}, 200);
}

void post_request_form(Context& c) {
  auto agency = agency_by_slug(c);
  RequestInput in = read_answers(c);
  app::RequestKeys keys{c.param("key"), c.param("secret")};
  if (keys.idempotency_key.size() != 32 || keys.secret.empty()) keys = app::new_request_keys();

  if (const Step* back = find_step(c.param("goto"))) return show_step(c, agency, *back, in, keys, {}, 200);
  const std::string step = c.param("step");
  if (step == "submit") {
    std::string ip = c.client_ip();
    if (!submissions().allowed(ip)) {
      return show_check(c, agency, in, keys, "提交过于频繁：同一网络地址每小时最多提交10份申请，请稍后再试", 429);
    }
    try {
      app::SubmitResult r = app::submit_online(*c.app.db, agency.slug, in, keys);
      if (!r.repeated) submissions().record(ip);
      return show_done(c, agency, r);
    } catch (const app::ValidationError& e) {
      // Back to the first page with a problem, with every message of that page.
      RequestPart first = app::part_of_field(e.fields().begin()->first);
      for (const auto& s : kSteps) {
        bool bad = std::any_of(e.fields().begin(), e.fields().end(),
                               [&](const auto& kv) { return app::part_of_field(kv.first) == s.part; });
        if (bad) {
          first = s.part;
          break;
        }
      }
      return show_step(c, agency, step_for(first), in, keys, e.fields(), 400);
    }
  }
  const Step* current = find_step(step);
  if (!current) return show_step(c, agency, kSteps[0], in, keys, {}, 200);
  auto errors = app::check_request(in, current->part);
  if (!errors.empty()) return show_step(c, agency, *current, in, keys, errors, 400);
  if (current->number < 3) return show_step(c, agency, kSteps[current->number], in, keys, {}, 200);
  show_check(c, agency, in, keys, "", 200);
}

void get_request_status(Context& c) { status_form(c, {}, 200); }

void post_request_status(Context& c) {
  std::string ip = c.client_ip();
  if (!failed_lookups().allowed(ip)) {
    return status_form(c, {{"code", "查询失败次数过多：同一网络地址每小时最多输错20次，请稍后再试"}}, 429);
  }
  std::map<std::string, std::string> errors;
  if (c.param("code").empty()) errors["code"] = "请填写跟踪码";
  if (c.param("secret").empty()) errors["secret"] = "请填写查询密码";
  if (!errors.empty()) return status_form(c, errors, 400);
  app::PublicStatus s;
  try {
    s = app::lookup_status(*c.app.db, c.param("code"), c.param("secret"));
  } catch (const app::AppError& e) {
    if (e.kind() != app::ErrorKind::kNotFound) throw;
    failed_lookups().record(ip);
    return status_form(c, {{"code", e.what()}}, 404);
  }
  RequestPage p(c, "办理进度", "requests/status.tpl", std::nullopt);
  auto& d = p.content();
  for (auto [label, value] : {std::pair<const char*, std::string>{"跟踪码", s.tracking_code},
                              {"受理机关", s.agency_name},
                              {"提交方式", s.channel},
                              {"收到申请日期", s.received_on},
                              {"当前状态", s.state_label},
                              {"答复期限", s.due_on.value_or("暂无（见下方说明）")}}) {
    auto* row = d.AddSectionDictionary("META");
    row->SetValue("META_LABEL", label);
    row->SetValue("META_VALUE", value);
  }
  d.SetValue("DESCRIPTION", s.description);
  for (const auto& e : s.events) {
    auto* row = d.AddSectionDictionary("EVENT");
    row->SetValue("EVENT_DATE", e.date);
    row->SetValue("EVENT_LABEL", e.label);
    row->SetValue("EVENT_SUMMARY", e.summary);
  }
  for (const auto& line : s.explanation) d.AddSectionDictionary("LINE")->SetValue("LINE_TEXT", line);
  p.send();
}

}  // namespace gongkai::web
