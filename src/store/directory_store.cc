#include "store/directory_store.h"

namespace gongkai::store {
namespace {

constexpr const char* kAgencyCols =
    "id, slug, name, org_code, index_pattern, workflow_steps, address, phone, fax, email, office_hours, guide_html, "
    "rules_html";

AgencyRow agency_from(const Row& r) {
  AgencyRow a;
  a.id = r.i64(0);
  a.slug = r.str(1);
  a.name = r.str(2);
  a.org_code = r.str(3);
  a.index_pattern = r.str(4);
  a.workflow_steps = r.str(5);
  a.address = r.str(6);
  a.phone = r.str(7);
  a.fax = r.str(8);
  a.email = r.str(9);
  a.office_hours = r.str(10);
  a.guide_html = r.str(11);
  a.rules_html = r.str(12);
  return a;
}

DepartmentRow department_from(const Row& r) {
  return DepartmentRow{r.i64(0), r.i64(1), r.str(2), static_cast<int>(r.i64(3)), r.i64(4) != 0};
}

constexpr const char* kUserCols =
    "id, agency_id, username, display_name, password_hash, department_id, email, active, failed_logins, locked_until";

UserRow user_from(Conn& c, const Row& r) {
  UserRow u;
  u.id = r.i64(0);
  u.agency_id = r.opt_i64(1);
  u.username = r.str(2);
  u.display_name = r.str(3);
  u.password_hash = r.str(4);
  u.department_id = r.opt_i64(5);
  u.email = r.str(6);
  u.active = r.i64(7) != 0;
  u.failed_logins = static_cast<int>(r.i64(8));
  u.locked_until = r.opt_str(9);
  for (const auto& rr : c.query("SELECT role FROM user_roles WHERE user_id = ? ORDER BY role", {u.id})) {
    u.roles.push_back(rr.str(0));
  }
  return u;
}

void write_roles(Conn& c, const UserRow& u) {
  c.query("DELETE FROM user_roles WHERE user_id = ?", {u.id});
  for (const auto& role : u.roles) {
    c.query("INSERT INTO user_roles (user_id, role) VALUES (?, ?)", {u.id, role});
  }
}

CategoryRow category_from(const Row& r) {
  return CategoryRow{r.i64(0), r.i64(1), r.str(2), r.opt_i64(3), r.str(4), static_cast<int>(r.i64(5)), r.i64(6) != 0};
}

}  // namespace

int64_t insert_agency(Conn& c, const AgencyRow& a, const std::string& now) {
  return c.query_one(
              "INSERT INTO agencies (slug, name, org_code, index_pattern, workflow_steps, address, phone, fax, "
              "email, office_hours, guide_html, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
              {a.slug, a.name, a.org_code, a.index_pattern, a.workflow_steps, a.address, a.phone, a.fax, a.email,
               a.office_hours, a.guide_html, now})
      ->i64(0);
}

void update_agency(Conn& c, const AgencyRow& a) {
  c.query("UPDATE agencies SET name = ?, org_code = ?, index_pattern = ?, workflow_steps = ?, address = ?, "
          "phone = ?, fax = ?, email = ?, office_hours = ?, guide_html = ?, rules_html = ? WHERE id = ?",
          {a.name, a.org_code, a.index_pattern, a.workflow_steps, a.address, a.phone, a.fax, a.email,
           a.office_hours, a.guide_html, a.rules_html, a.id});
}

std::optional<AgencyRow> find_agency(Conn& c, int64_t id) {
  auto r = c.query_one(std::string("SELECT ") + kAgencyCols + " FROM agencies WHERE id = ?", {id});
  if (!r) return std::nullopt;
  return agency_from(*r);
}

std::optional<AgencyRow> find_agency_by_slug(Conn& c, const std::string& slug) {
  auto r = c.query_one(std::string("SELECT ") + kAgencyCols + " FROM agencies WHERE slug = ?", {slug});
  if (!r) return std::nullopt;
  return agency_from(*r);
}

std::vector<AgencyRow> list_agencies(Conn& c) {
  std::vector<AgencyRow> out;
  for (const auto& r : c.query(std::string("SELECT ") + kAgencyCols + " FROM agencies ORDER BY slug")) {
    out.push_back(agency_from(r));
  }
  return out;
}

int64_t insert_department(Conn& c, const DepartmentRow& d) {
  return c.query_one("INSERT INTO departments (agency_id, name, sort, active) VALUES (?, ?, ?, ?) RETURNING id",
                     {d.agency_id, d.name, d.sort, d.active})
      ->i64(0);
}

void update_department(Conn& c, const DepartmentRow& d) {
  c.query("UPDATE departments SET name = ?, sort = ?, active = ? WHERE id = ? AND agency_id = ?",
          {d.name, d.sort, d.active, d.id, d.agency_id});
}

std::optional<DepartmentRow> find_department(Conn& c, int64_t agency_id, int64_t id) {
  auto r = c.query_one("SELECT id, agency_id, name, sort, active FROM departments WHERE id = ? AND agency_id = ?",
                       {id, agency_id});
  if (!r) return std::nullopt;
  return department_from(*r);
}

std::optional<DepartmentRow> find_department_by_name(Conn& c, int64_t agency_id, const std::string& name) {
  auto r = c.query_one("SELECT id, agency_id, name, sort, active FROM departments WHERE agency_id = ? AND name = ?",
                       {agency_id, name});
  if (!r) return std::nullopt;
  return department_from(*r);
}

std::vector<DepartmentRow> list_departments(Conn& c, int64_t agency_id) {
  std::vector<DepartmentRow> out;
  for (const auto& r : c.query("SELECT id, agency_id, name, sort, active FROM departments WHERE agency_id = ? "
                               "ORDER BY sort, id",
                               {agency_id})) {
    out.push_back(department_from(r));
  }
  return out;
}

int64_t insert_user(Conn& c, const UserRow& u, const std::string& now) {
  UserRow copy = u;
  copy.id = c.query_one("INSERT INTO users (agency_id, username, display_name, password_hash, department_id, email, "
                        "active, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                        {u.agency_id, u.username, u.display_name, u.password_hash, u.department_id, u.email, u.active,
                         now})
                ->i64(0);
  write_roles(c, copy);
  return copy.id;
}

void update_user(Conn& c, const UserRow& u) {
  c.query("UPDATE users SET display_name = ?, department_id = ?, email = ?, active = ? WHERE id = ?",
          {u.display_name, u.department_id, u.email, u.active, u.id});
  write_roles(c, u);
}

void set_user_password(Conn& c, int64_t user_id, const std::string& hash) {
  c.query("UPDATE users SET password_hash = ?, failed_logins = 0, locked_until = NULL WHERE id = ?", {hash, user_id});
}

void set_login_failures(Conn& c, int64_t user_id, int failures, const std::optional<std::string>& locked_until) {
  c.query("UPDATE users SET failed_logins = ?, locked_until = ? WHERE id = ?", {failures, locked_until, user_id});
}

std::optional<UserRow> find_user(Conn& c, int64_t id) {
  auto r = c.query_one(std::string("SELECT ") + kUserCols + " FROM users WHERE id = ?", {id});
  if (!r) return std::nullopt;
  return user_from(c, *r);
}

std::optional<UserRow> find_user_by_username(Conn& c, const std::string& username) {
  auto r = c.query_one(std::string("SELECT ") + kUserCols + " FROM users WHERE username = ?", {username});
  if (!r) return std::nullopt;
  return user_from(c, *r);
}

std::vector<UserRow> list_users(Conn& c, std::optional<int64_t> agency_id) {
  std::vector<UserRow> out;
  Rows rows = agency_id ? c.query(std::string("SELECT ") + kUserCols + " FROM users WHERE agency_id = ? ORDER BY username",
                                  {*agency_id})
                        : c.query(std::string("SELECT ") + kUserCols + " FROM users WHERE agency_id IS NULL ORDER BY username");
  for (const auto& r : rows) out.push_back(user_from(c, r));
  return out;
}

void insert_session(Conn& c, const SessionRow& s, const std::string& ip) {
  c.query("INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at, ip) VALUES (?, ?, ?, ?, ?, ?)",
          {s.token_hash, s.user_id, s.csrf_token, s.created_at, s.expires_at, ip});
}

std::optional<SessionRow> find_session(Conn& c, const std::string& token_hash, const std::string& now) {
  auto r = c.query_one("SELECT token_hash, user_id, csrf_token, created_at, expires_at FROM sessions "
                       "WHERE token_hash = ? AND expires_at > ?",
                       {token_hash, now});
  if (!r) return std::nullopt;
  return SessionRow{r->str(0), r->i64(1), r->str(2), r->str(3), r->str(4)};
}

void delete_session(Conn& c, const std::string& token_hash) {
  c.query("DELETE FROM sessions WHERE token_hash = ?", {token_hash});
}

void delete_user_sessions(Conn& c, int64_t user_id) { c.query("DELETE FROM sessions WHERE user_id = ?", {user_id}); }

void delete_expired_sessions(Conn& c, const std::string& now) {
  c.query("DELETE FROM sessions WHERE expires_at <= ?", {now});
}

int64_t insert_category(Conn& c, const CategoryRow& r) {
  return c.query_one("INSERT INTO categories (agency_id, scheme, parent_id, name, sort, active) "
                     "VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                     {r.agency_id, r.scheme, r.parent_id, r.name, r.sort, r.active})
      ->i64(0);
}

void update_category(Conn& c, const CategoryRow& r) {
  c.query("UPDATE categories SET name = ?, sort = ?, active = ?, parent_id = ? WHERE id = ? AND agency_id = ?",
          {r.name, r.sort, r.active, r.parent_id, r.id, r.agency_id});
}

std::optional<CategoryRow> find_category(Conn& c, int64_t agency_id, int64_t id) {
  auto r = c.query_one("SELECT id, agency_id, scheme, parent_id, name, sort, active FROM categories "
                       "WHERE id = ? AND agency_id = ?",
                       {id, agency_id});
  if (!r) return std::nullopt;
  return category_from(*r);
}

std::optional<CategoryRow> find_category_by_name(Conn& c, int64_t agency_id, const std::string& scheme,
                                                 const std::string& name) {
  auto r = c.query_one("SELECT id, agency_id, scheme, parent_id, name, sort, active FROM categories "
                       "WHERE agency_id = ? AND scheme = ? AND name = ? "
                       "ORDER BY CASE WHEN parent_id IS NULL THEN 1 ELSE 0 END, id LIMIT 1",
                       {agency_id, scheme, name});
  if (!r) return std::nullopt;
  return category_from(*r);
}

std::vector<CategoryRow> list_categories(Conn& c, int64_t agency_id, const std::string& scheme) {
  std::vector<CategoryRow> out;
  for (const auto& r : c.query("SELECT id, agency_id, scheme, parent_id, name, sort, active FROM categories "
                               "WHERE agency_id = ? AND scheme = ? ORDER BY COALESCE(parent_id, id), "
                               "parent_id IS NOT NULL, sort, id",
                               {agency_id, scheme})) {
    out.push_back(category_from(r));
  }
  return out;
}

int64_t count_items_in_category(Conn& c, int64_t category_id) {
  return c.query_int("SELECT COUNT(*) FROM items WHERE class_id = ? OR topic_id = ? OR genre_id = ?",
                     {category_id, category_id, category_id});
}

}  // namespace gongkai::store
