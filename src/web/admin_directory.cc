// Back-office administration: users, departments, taxonomies, agency settings, own password.
#include <algorithm>

#include "app/auth.h"
#include "app/directory.h"
#include "app/errors.h"
#include "app/passwords.h"
#include "store/directory_store.h"
#include "store/item_store.h"
#include "web/admin_handlers.h"
#include "web/pages.h"
#include "web/server.h"

namespace gongkai::web {
namespace {

void bad(render::Dict& d, const std::map<std::string, std::string>& e, const char* field, const char* section) {
  if (auto it = e.find(field); it != e.end()) d.AddSectionDictionary(section)->SetValue("MESSAGE", it->second);
}

int sort_param(const Context& c) {
  auto v = c.int_param("sort");
  return v && *v >= 0 && *v < 10000 ? static_cast<int>(*v) : 0;
}

void user_form(Context& c, int status, const std::optional<store::UserRow>& existing, const store::UserRow& values,
               const std::map<std::string, std::string>& errors) {
  int64_t agency = agency_of(c);
  Page p(c, existing ? "编辑用户" : "新建用户", "admin/user_form.tpl");
  auto& d = p.content();
  d.SetValue("HEADING", existing ? "编辑用户" : "新建用户");
  d.SetValue("ACTION", existing ? "/admin/users/" + std::to_string(existing->id) : "/admin/users");
  d.SetValue("CSRF", c.session->csrf_token);
  d.SetValue("USERNAME", values.username);
  d.SetValue("NAME", values.display_name);
  d.SetValue("EMAIL", values.email);
  if (existing) {
    auto* ex = d.AddSectionDictionary("EXISTING");
    ex->SetValue("ID", std::to_string(existing->id));
    if (values.active) ex->ShowSection("ACTIVE");
  } else {
    d.ShowSection("NEW");
  }
  add_errors(d, errors);
  bad(d, errors, "username", "BAD_USERNAME");
  bad(d, errors, "password", "BAD_PASSWORD");
  bad(d, errors, "display_name", "BAD_NAME");
  bad(d, errors, "department_id", "BAD_DEPT");
  bad(d, errors, "roles", "BAD_ROLES");
  {
    auto conn = c.app.db->acquire();
    for (const auto& dep : store::list_departments(*conn, agency)) {
      add_option(d, "DEPT_OPT", std::to_string(dep.id), dep.name, values.department_id == dep.id);
    }
  }
  for (auto r : core::all_roles()) {
    if (r == core::Role::kInfoCenter) continue;  // platform-level only
    std::string id(core::role_id(r));
    bool on = std::find(values.roles.begin(), values.roles.end(), id) != values.roles.end();
    add_option(d, "ROLE", id, std::string(core::role_label(r)), on);
  }
  p.send(status);
}

store::UserRow read_user(const Context& c) {
  store::UserRow u;
  u.username = c.param("username");
  u.display_name = c.param("display_name");
  u.email = c.param("email");
  u.department_id = c.int_param("department_id");
  u.roles = c.params("roles");
  u.active = c.param("active") == "1";
  return u;
}

std::optional<store::UserRow> agency_user(Context& c, int64_t id) {
  auto conn = c.app.db->acquire();
  auto u = store::find_user(*conn, id);
  if (!u || u->agency_id != c.who().agency_id) return std::nullopt;  // never another agency's user
  return u;
}

}  // namespace

void get_users(Context& c) {
  int64_t agency = agency_of(c);
  Page p(c, "用户管理", "admin/users.tpl");
  auto conn = c.app.db->acquire();
  std::map<int64_t, std::string> depts;
  for (const auto& d : store::list_departments(*conn, agency)) depts[d.id] = d.name;
  for (const auto& u : store::list_users(*conn, agency)) {
    auto* row = p.content().AddSectionDictionary("ROW");
    row->SetValue("ID", std::to_string(u.id));
    row->SetValue("USERNAME", u.username);
    row->SetValue("NAME", u.display_name);
    row->SetValue("DEPT", u.department_id ? depts[*u.department_id] : "—");
    std::string roles;
    for (const auto& r : u.roles) {
      if (auto role = core::parse_role(r)) roles += (roles.empty() ? "" : "、") + std::string(core::role_label(*role));
    }
    row->SetValue("ROLES", roles);
    row->SetValue("STATUS", u.active ? "启用" : "停用");
  }
  p.send();
}

void get_new_user(Context& c) { user_form(c, 200, std::nullopt, store::UserRow{}, {}); }

void post_new_user(Context& c) {
  store::UserRow v = read_user(c);
  app::NewUser u;
  u.agency_id = agency_of(c);
  u.username = v.username;
  u.display_name = v.display_name;
  u.email = v.email;
  u.department_id = v.department_id;
  u.roles = v.roles;
  u.password = c.param("password");
  try {
    app::create_user(*c.app.db, c.who(), u);
    c.redirect("/admin/users");
  } catch (const app::ValidationError& e) {
    user_form(c, 400, std::nullopt, v, e.fields());
  }
}

void get_edit_user(Context& c) {
  auto u = agency_user(c, c.route_id());
  if (!u) throw app::not_found("用户");
  user_form(c, 200, u, *u, {});
}

void post_edit_user(Context& c) {
  auto u = agency_user(c, c.route_id());
  if (!u) throw app::not_found("用户");
  store::UserRow v = read_user(c);
  v.id = u->id;
  v.username = u->username;
  if (v.id == c.who().user_id && !v.active) throw app::ValidationError("active", "不能停用自己的账号");
  try {
    app::update_user(*c.app.db, c.who(), v);
    c.redirect("/admin/users");
  } catch (const app::ValidationError& e) {
    user_form(c, 400, u, v, e.fields());
  }
}

void post_user_password(Context& c) {
  auto u = agency_user(c, c.route_id());
  if (!u) throw app::not_found("用户");
  app::set_password(*c.app.db, c.who(), u->id, c.param("password"));
  c.redirect("/admin/users/" + std::to_string(u->id) + "/edit");
}

void get_departments(Context& c) {
  int64_t agency = agency_of(c);
  Page p(c, "科室管理", "admin/departments.tpl");
  auto& d = p.content();
  d.SetValue("CSRF", c.session->csrf_token);
  add_errors(d, {});
  auto conn = c.app.db->acquire();
  for (const auto& dep : store::list_departments(*conn, agency)) {
    auto* row = d.AddSectionDictionary("ROW");
    row->SetValue("ID", std::to_string(dep.id));
    row->SetValue("NAME", dep.name);
    row->SetIntValue("SORT", dep.sort);
    row->SetValue("CSRF", c.session->csrf_token);
    if (dep.active) row->ShowSection("ACTIVE");
  }
  p.send();
}

void post_new_department(Context& c) {
  int64_t agency = agency_of(c);
  app::create_department(*c.app.db, c.who(), agency, c.param("name"), sort_param(c));
  c.redirect("/admin/departments");
}

void post_edit_department(Context& c) {
  int64_t agency = agency_of(c);
  store::DepartmentRow d{c.route_id(), agency, c.param("name"), sort_param(c), c.param("active") == "1"};
  app::update_department(*c.app.db, c.who(), d);
  c.redirect("/admin/departments");
}

void get_taxonomy(Context& c) {
  int64_t agency = agency_of(c);
  std::string scheme = c.param("scheme").empty() ? "class" : c.param("scheme");
  static const std::vector<std::pair<std::string, std::string>> kSchemes = {
      {"class", "信息分类"}, {"topic", "主题分类"}, {"genre", "体裁分类"}};
  auto it = std::find_if(kSchemes.begin(), kSchemes.end(), [&](auto& s) { return s.first == scheme; });
  if (it == kSchemes.end()) throw app::AppError(app::ErrorKind::kInvalid, "bad_scheme", "未知的分类体系");
  Page p(c, "分类管理", "admin/taxonomy.tpl");
  auto& d = p.content();
  d.SetValue("CSRF", c.session->csrf_token);
  d.SetValue("SCHEME_VALUE", scheme);
  d.SetValue("SCHEME_LABEL", it->second);
  add_errors(d, {});
  for (const auto& [v, l] : kSchemes) add_option(d, "SCHEME", v, l, v == scheme);
  auto conn = c.app.db->acquire();
  for (const auto& cat : store::list_categories(*conn, agency, scheme)) {
    auto* row = d.AddSectionDictionary("ROW");
    row->SetValue("ID", std::to_string(cat.id));
    row->SetValue("NAME", cat.name);
    row->SetIntValue("SORT", cat.sort);
    row->SetValue("CSRF", c.session->csrf_token);
    row->SetValue("COUNT", std::to_string(store::count_items_in_category(*conn, cat.id)));
    if (cat.active) row->ShowSection("ACTIVE");
    if (cat.parent_id) row->ShowSection("CHILD");
    else add_option(d, "PARENT_OPT", std::to_string(cat.id), cat.name, false);
  }
  p.send();
}

void post_new_category(Context& c) {
  int64_t agency = agency_of(c);
  std::string scheme = c.param("scheme");
  app::create_category(*c.app.db, c.who(), agency, scheme, c.int_param("parent_id"), c.param("name"), sort_param(c));
  c.redirect("/admin/taxonomy?scheme=" + url_encode(scheme));
}

void post_edit_category(Context& c) {
  int64_t agency = agency_of(c);
  store::CategoryRow row;
  row.id = c.route_id();
  row.agency_id = agency;
  row.name = c.param("name");
  row.sort = sort_param(c);
  row.active = c.param("active") == "1";
  app::update_category(*c.app.db, c.who(), row);
  std::string scheme;
  {
    auto conn = c.app.db->acquire();
    auto cat = store::find_category(*conn, agency, row.id);
    scheme = cat ? cat->scheme : "class";
  }
  c.redirect("/admin/taxonomy?scheme=" + scheme);
}

namespace {
void settings_form(Context& c, int status, const store::AgencyRow& a, const std::map<std::string, std::string>& errors) {
  Page p(c, "机关设置", "admin/settings.tpl");
  auto& d = p.content();
  d.SetValue("CSRF", c.session->csrf_token);
  d.SetValue("SLUG", a.slug);
  d.SetValue("GUIDE", a.guide_html);
  d.SetValue("RULES", a.rules_html);
  add_errors(d, errors);
  struct F { const char* name; const char* label; const std::string* value; int max; const char* hint; };
  for (F f : {F{"name", "机关名称", &a.name, 100, ""},
              F{"org_code", "组织机构代码或统一社会信用代码", &a.org_code, 18, "9位组织机构代码或18位统一社会信用代码"},
              F{"index_pattern", "索引号规则", &a.index_pattern, 64,
                "占位符：{org} 机构代码，{slug} 简称，{year} 年份，{serial:5} 5位流水号；例如 {org}/{year}-{serial:5}"},
              F{"workflow_steps", "发布审核环节", &a.workflow_steps, 40,
                "head 科室负责人、leader 分管领导、secrecy 保密审查（必经），用逗号分隔"},
              F{"address", "地址", &a.address, 200, ""}, F{"phone", "电话", &a.phone, 200, ""},
              F{"fax", "传真", &a.fax, 200, ""}, F{"email", "电子邮箱", &a.email, 200, ""},
              F{"office_hours", "办公时间", &a.office_hours, 200, ""}}) {
    auto* row = d.AddSectionDictionary("FIELD");
    row->SetValue("NAME", f.name);
    row->SetValue("LABEL", f.label);
    row->SetValue("VALUE", *f.value);
    row->SetIntValue("MAX", f.max);
    if (*f.hint) row->AddSectionDictionary("HINT")->SetValue("TEXT", f.hint);
    if (auto it = errors.find(f.name); it != errors.end()) row->AddSectionDictionary("BAD")->SetValue("MESSAGE", it->second);
  }
  p.send(status);
}
}  // namespace

void get_settings(Context& c) {
  int64_t agency = agency_of(c);
  auto conn = c.app.db->acquire();
  auto a = store::find_agency(*conn, agency);
  if (!a) throw app::not_found("机关");
  settings_form(c, 200, *a, {});
}

void post_settings(Context& c) {
  int64_t agency = agency_of(c);
  store::AgencyRow a;
  {
    auto conn = c.app.db->acquire();
    a = *store::find_agency(*conn, agency);
  }
  a.name = c.param("name");
  a.org_code = c.param("org_code");
  a.index_pattern = c.param("index_pattern");
  a.workflow_steps = c.param("workflow_steps");
  a.address = c.param("address");
  a.phone = c.param("phone");
  a.fax = c.param("fax");
  a.email = c.param("email");
  a.office_hours = c.param("office_hours");
  a.guide_html = c.param("guide_html");
  a.rules_html = c.param("rules_html");
  try {
    app::update_agency_settings(*c.app.db, c.who(), a);
    c.redirect("/admin/settings");
  } catch (const app::ValidationError& e) {
    settings_form(c, 400, a, e.fields());
  }
}

void get_password(Context& c) {
  Page p(c, "修改密码", "admin/password.tpl");
  p.content().SetValue("CSRF", c.session->csrf_token);
  add_errors(p.content(), {});
  p.send();
}

void post_password(Context& c) {
  const auto& who = c.who();
  std::optional<store::UserRow> me;
  {
    auto conn = c.app.db->acquire();
    me = store::find_user(*conn, who.user_id);
  }
  std::map<std::string, std::string> errors;
  if (!me || !app::verify_password(c.param("current"), me->password_hash)) errors["current"] = "当前密码不正确";
  else if (auto problem = app::password_problem(c.param("password")); !problem.empty()) errors["password"] = problem;
  if (!errors.empty()) {
    Page p(c, "修改密码", "admin/password.tpl");
    p.content().SetValue("CSRF", c.session->csrf_token);
    add_errors(p.content(), errors);
    p.send(400);
    return;
  }
  // Changing the password ends every session, this one included: sign in again.
  app::set_password(*c.app.db, who, who.user_id, c.param("password"));
  c.redirect("/admin/login");
}

}  // namespace gongkai::web
