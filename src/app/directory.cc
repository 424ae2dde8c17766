#include "app/directory.h"

#include "app/default_taxonomies.h"
#include "app/errors.h"
#include "app/passwords.h"
#include "core/clock.h"
#include "core/index_no.h"
#include "core/workflow.h"
#include "render/html_sanitizer.h"

namespace gongkai::app {
namespace {

void require_admin(const Principal& by, std::optional<int64_t> agency_id) {
  if (by.is_system()) return;
  if (!by.has(core::Role::kAdmin)) throw forbidden();
  // A platform-level admin (no agency) administers every agency.
  if (by.agency_id && agency_id != by.agency_id) throw forbidden();
}

void seed_taxonomy(store::Conn& c, int64_t agency_id, const std::string& scheme,
                   const std::vector<TaxonomyNode>& nodes) {
  int sort = 0;
  for (const auto& n : nodes) {
    int64_t parent = store::insert_category(c, {0, agency_id, scheme, std::nullopt, n.name, ++sort, true});
    int child_sort = 0;
    for (const auto& ch : n.children) {
      store::insert_category(c, {0, agency_id, scheme, parent, ch, ++child_sort, true});
    }
  }
}

void check_text(std::map<std::string, std::string>& errors, const std::string& field, const std::string& value,
                size_t max, bool required, const std::string& label) {
  size_t n = utf8_length(value);
  if (required && n == 0) errors[field] = "请填写" + label;
  else if (n > max) errors[field] = label + "不能超过" + std::to_string(max) + "个字";
}

}  // namespace

store::Actor Principal::actor() const {
  return store::Actor{user_id ? std::optional<int64_t>(user_id) : std::nullopt, username};
}

Principal Principal::system(const std::string& name) {
  Principal p;
  p.username = name;
  p.display_name = name;
  return p;
}

Principal Principal::from_user(const store::UserRow& u) {
  Principal p;
  p.user_id = u.id;
  p.agency_id = u.agency_id;
  p.department_id = u.department_id;
  p.username = u.username;
  p.display_name = u.display_name;
  for (const auto& r : u.roles) {
    if (auto role = core::parse_role(r)) p.roles.insert(*role);
  }
  return p;
}

size_t utf8_length(std::string_view s) {
  size_t n = 0;
  for (unsigned char ch : s) n += (ch & 0xC0) != 0x80;
  return n;
}

bool valid_slug(const std::string& slug) {
  if (slug.size() < 2 || slug.size() > 32) return false;
  // Top-level paths of the site cannot be agency slugs.
  for (const char* reserved : {"admin", "api", "static", "items", "attachments", "requests", "search", "care",
                               "feeds", "sitemap.xml", "robots.txt", "healthz"}) {
    if (slug == reserved) return false;
  }
  for (char ch : slug) {
    if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-')) return false;
  }
  return slug.front() != '-' && slug.back() != '-';
}

namespace {

// Checks an agency's settings; returns them with the workflow steps normalised and the
// guide sanitised, or throws ValidationError.
store::AgencyRow validated_agency(store::AgencyRow a) {
  std::map<std::string, std::string> errors;
  check_text(errors, "name", a.name, 100, true, "机关名称");
  if (!core::is_valid_org_code(a.org_code)) errors["org_code"] = "组织机构代码应为9位或统一社会信用代码18位（数字或大写字母）";
  if (auto e = core::check_index_pattern(a.index_pattern)) errors["index_pattern"] = *e;
  std::string werr;
  auto wf = core::WorkflowConfig::parse(a.workflow_steps, &werr);
  if (!wf) errors["workflow_steps"] = werr;
  for (auto [f, v, l] : {std::tuple{"address", &a.address, "地址"}, {"phone", &a.phone, "电话"},
                         {"fax", &a.fax, "传真"}, {"email", &a.email, "电子邮箱"}, {"office_hours", &a.office_hours, "办公时间"}}) {
    check_text(errors, f, *v, 200, false, l);
  }
  auto guide = render::sanitize_html(a.guide_html), rules = render::sanitize_html(a.rules_html);
  if (a.guide_html.size() > 200000) errors["guide_html"] = "公开指南不能超过200KB";
  else if (!guide.ok()) errors["guide_html"] = guide.message;
  if (a.rules_html.size() > 200000) errors["rules_html"] = "公开制度不能超过200KB";
  else if (!rules.ok()) errors["rules_html"] = rules.message;
  if (!errors.empty()) throw ValidationError(errors);
  a.workflow_steps = wf->text();
  a.guide_html = std::move(guide.html);
  a.rules_html = std::move(rules.html);
  return a;
}

}  // namespace

int64_t create_agency(store::Database& db, const Principal& by, const NewAgency& a) {
  if (!by.is_system() && !(by.has(core::Role::kAdmin) && !by.agency_id)) throw forbidden();
  if (!valid_slug(a.slug)) throw ValidationError("slug", "简称须为2至32位小写字母、数字或连字符");
  store::AgencyRow row;
  row.slug = a.slug;
  row.name = a.name;
  row.org_code = a.org_code;
  row.index_pattern = a.index_pattern;
  row.workflow_steps = a.workflow_steps;
  row.address = a.address;
  row.phone = a.phone;
  row.fax = a.fax;
  row.email = a.email;
  row.office_hours = a.office_hours;
  row = validated_agency(row);
  return db.with_tx([&](store::Conn& c) {
    if (store::find_agency_by_slug(c, a.slug)) throw ValidationError("slug", "该简称已被使用");
    int64_t id = store::insert_agency(c, row, core::now_iso());
    seed_taxonomy(c, id, "topic", default_topics());
    seed_taxonomy(c, id, "genre", default_genres());
    seed_taxonomy(c, id, "class", default_agency_classes());
    store::audit(c, by.actor(), {id, "agency.create", "agency", std::to_string(id), a.slug});
    return id;
  });
}

void update_agency_settings(store::Database& db, const Principal& by, const store::AgencyRow& a) {
  require_admin(by, a.id);
  store::AgencyRow row = validated_agency(a);
  db.with_tx([&](store::Conn& c) {
    if (!store::find_agency(c, a.id)) throw not_found("机关");
    store::update_agency(c, row);
    store::audit(c, by.actor(), {a.id, "agency.update", "agency", std::to_string(a.id), ""});
  });
}

int64_t create_department(store::Database& db, const Principal& by, int64_t agency_id, const std::string& name,
                          int sort) {
  require_admin(by, agency_id);
  std::map<std::string, std::string> errors;
  check_text(errors, "name", name, 50, true, "科室名称");
  if (!errors.empty()) throw ValidationError(errors);
  return db.with_tx([&](store::Conn& c) {
    if (!store::find_agency(c, agency_id)) throw not_found("机关");
    if (store::find_department_by_name(c, agency_id, name)) throw ValidationError("name", "已有同名科室");
    int64_t id = store::insert_department(c, {0, agency_id, name, sort, true});
    store::audit(c, by.actor(), {agency_id, "department.create", "department", std::to_string(id), name});
    return id;
  });
}

void update_department(store::Database& db, const Principal& by, const store::DepartmentRow& d) {
  require_admin(by, d.agency_id);
  std::map<std::string, std::string> errors;
  check_text(errors, "name", d.name, 50, true, "科室名称");
  if (!errors.empty()) throw ValidationError(errors);
  db.with_tx([&](store::Conn& c) {
    if (!store::find_department(c, d.agency_id, d.id)) throw not_found("科室");
    auto same = store::find_department_by_name(c, d.agency_id, d.name);
    if (same && same->id != d.id) throw ValidationError("name", "已有同名科室");
    store::update_department(c, d);
    store::audit(c, by.actor(), {d.agency_id, "department.update", "department", std::to_string(d.id), d.name});
  });
}

namespace {
void validate_user_fields(store::Conn& c, std::map<std::string, std::string>& errors, std::optional<int64_t> agency_id,
                          const std::string& display_name, const std::string& email,
                          std::optional<int64_t> department_id, const std::vector<std::string>& roles) {
  check_text(errors, "display_name", display_name, 50, true, "姓名");
  check_text(errors, "email", email, 200, false, "电子邮箱");
  if (!email.empty() && email.find('@') == std::string::npos) errors["email"] = "电子邮箱格式不正确";
  if (department_id && (!agency_id || !store::find_department(c, *agency_id, *department_id))) {
    errors["department_id"] = "所选科室不属于本机关";
  }
  for (const auto& r : roles) {
    auto role = core::parse_role(r);
    if (!role) errors["roles"] = "未知角色：" + r;
    else if (*role == core::Role::kInfoCenter && agency_id) errors["roles"] = "信息中心角色只能授予平台级用户";
    else if (*role == core::Role::kHead && !department_id) errors["department_id"] = "科室负责人须指定所属科室";
  }
}
}  // namespace

int64_t create_user(store::Database& db, const Principal& by, const NewUser& u) {
  require_admin(by, u.agency_id);
  std::map<std::string, std::string> errors;
  if (u.username.size() < 3 || u.username.size() > 32 ||
      u.username.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_.-") != std::string::npos) {
    errors["username"] = "用户名须为3至32位小写字母、数字、下划线、点或连字符";
  }
  if (auto p = password_problem(u.password); !p.empty()) errors["password"] = p;
  std::string hash = errors.count("password") ? "" : hash_password(u.password);
  return db.with_tx([&](store::Conn& c) {
    auto errs = errors;
    validate_user_fields(c, errs, u.agency_id, u.display_name, u.email, u.department_id, u.roles);
    if (store::find_user_by_username(c, u.username)) errs["username"] = "该用户名已被使用";
    if (!errs.empty()) throw ValidationError(errs);
    store::UserRow row;
    row.agency_id = u.agency_id;
    row.username = u.username;
    row.display_name = u.display_name;
    row.password_hash = hash;
    row.department_id = u.department_id;
    row.email = u.email;
    for (const auto& r : u.roles) row.roles.push_back(std::string(core::role_id(*core::parse_role(r))));
    int64_t id = store::insert_user(c, row, core::now_iso());
    std::string roles;
    for (const auto& r : row.roles) roles += (roles.empty() ? "" : ",") + r;
    store::audit(c, by.actor(), {u.agency_id, "user.create", "user", std::to_string(id), u.username + " " + roles});
    return id;
  });
}

void update_user(store::Database& db, const Principal& by, const store::UserRow& u) {
  db.with_tx([&](store::Conn& c) {
    auto existing = store::find_user(c, u.id);
    if (!existing) throw not_found("用户");
    require_admin(by, existing->agency_id);
    std::map<std::string, std::string> errs;
    validate_user_fields(c, errs, existing->agency_id, u.display_name, u.email, u.department_id, u.roles);
    if (!errs.empty()) throw ValidationError(errs);
    store::UserRow row = *existing;
    row.display_name = u.display_name;
    row.department_id = u.department_id;
    row.email = u.email;
    row.active = u.active;
    row.roles.clear();
    for (const auto& r : u.roles) row.roles.push_back(std::string(core::role_id(*core::parse_role(r))));
    store::update_user(c, row);
    if (!row.active) store::delete_user_sessions(c, row.id);
    std::string roles;
    for (const auto& r : row.roles) roles += (roles.empty() ? "" : ",") + r;
    store::audit(c, by.actor(), {existing->agency_id, "user.update", "user", std::to_string(u.id),
                                 std::string(row.active ? "active " : "inactive ") + roles});
  });
}

void set_password(store::Database& db, const Principal& by, int64_t user_id, const std::string& password) {
  if (auto p = password_problem(password); !p.empty()) throw ValidationError("password", p);
  std::string hash = hash_password(password);
  db.with_tx([&](store::Conn& c) {
    auto u = store::find_user(c, user_id);
    if (!u) throw not_found("用户");
    if (by.user_id != user_id) require_admin(by, u->agency_id);
    store::set_user_password(c, user_id, hash);
    store::delete_user_sessions(c, user_id);
    store::audit(c, by.actor(), {u->agency_id, "user.password", "user", std::to_string(user_id), ""});
  });
}

int64_t create_category(store::Database& db, const Principal& by, int64_t agency_id, const std::string& scheme,
                        std::optional<int64_t> parent_id, const std::string& name, int sort) {
  require_admin(by, agency_id);
  std::map<std::string, std::string> errors;
  if (scheme != "class" && scheme != "topic" && scheme != "genre") errors["scheme"] = "未知的分类体系";
  check_text(errors, "name", name, 50, true, "分类名称");
  if (!errors.empty()) throw ValidationError(errors);
  return db.with_tx([&](store::Conn& c) {
    if (parent_id) {
      auto p = store::find_category(c, agency_id, *parent_id);
      if (!p || p->scheme != scheme || p->parent_id) throw ValidationError("parent_id", "上级分类无效");
    }
    try {
      int64_t id = store::insert_category(c, {0, agency_id, scheme, parent_id, name, sort, true});
      store::audit(c, by.actor(), {agency_id, "category.create", "category", std::to_string(id), scheme + ":" + name});
      return id;
    } catch (const store::DbError& e) {
      if (e.unique_violation()) throw ValidationError("name", "同一级已有同名分类");
      throw;
    }
  });
}

void update_category(store::Database& db, const Principal& by, const store::CategoryRow& cat) {
  require_admin(by, cat.agency_id);
  std::map<std::string, std::string> errors;
  check_text(errors, "name", cat.name, 50, true, "分类名称");
  if (!errors.empty()) throw ValidationError(errors);
  db.with_tx([&](store::Conn& c) {
    auto existing = store::find_category(c, cat.agency_id, cat.id);
    if (!existing) throw not_found("分类");
    store::CategoryRow row = *existing;
    row.name = cat.name;
    row.sort = cat.sort;
    row.active = cat.active;
    try {
      store::update_category(c, row);
    } catch (const store::DbError& e) {
      if (e.unique_violation()) throw ValidationError("name", "同一级已有同名分类");
      throw;
    }
    store::audit(c, by.actor(), {cat.agency_id, "category.update", "category", std::to_string(cat.id), cat.name});
  });
}

}  // namespace gongkai::app
