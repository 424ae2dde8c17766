#pragma once
// Agencies, departments, users, roles, sessions and taxonomies: rows and the SQL for them.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/db.h"

namespace gongkai::store {

struct AgencyRow {
  int64_t id = 0;
  std::string slug, name, org_code, index_pattern = "{org}/{year}-{serial:5}",
                                    workflow_steps = "head,leader,secrecy";
  std::string address, phone, fax, email, office_hours, guide_html, rules_html;
};

struct DepartmentRow {
  int64_t id = 0, agency_id = 0;
  std::string name;
  int sort = 0;
  bool active = true;
};

struct UserRow {
  int64_t id = 0;
  std::optional<int64_t> agency_id;  // nullopt: platform-level (信息中心, platform admin)
  std::string username, display_name, password_hash;
  std::optional<int64_t> department_id;
  std::string email;
  bool active = true;
  int failed_logins = 0;
  std::optional<std::string> locked_until;
  std::vector<std::string> roles;  // role ids
};

struct CategoryRow {
  int64_t id = 0, agency_id = 0;
  std::string scheme;  // "class", "topic", "genre"
  std::optional<int64_t> parent_id;
  std::string name;
  int sort = 0;
  bool active = true;
};

struct SessionRow {
  std::string token_hash;
  int64_t user_id = 0;
  std::string csrf_token, created_at, expires_at;
};

// Agencies
int64_t insert_agency(Conn& c, const AgencyRow& a, const std::string& now);
void update_agency(Conn& c, const AgencyRow& a);
std::optional<AgencyRow> find_agency(Conn& c, int64_t id);
std::optional<AgencyRow> find_agency_by_slug(Conn& c, const std::string& slug);
std::vector<AgencyRow> list_agencies(Conn& c);

// Departments
int64_t insert_department(Conn& c, const DepartmentRow& d);
void update_department(Conn& c, const DepartmentRow& d);
std::optional<DepartmentRow> find_department(Conn& c, int64_t agency_id, int64_t id);
std::optional<DepartmentRow> find_department_by_name(Conn& c, int64_t agency_id, const std::string& name);
std::vector<DepartmentRow> list_departments(Conn& c, int64_t agency_id);

// Users
int64_t insert_user(Conn& c, const UserRow& u, const std::string& now);
void update_user(Conn& c, const UserRow& u);  // not the password or counters
void set_user_password(Conn& c, int64_t user_id, const std::string& hash);
void set_login_failures(Conn& c, int64_t user_id, int failures, const std::optional<std::string>& locked_until);
std::optional<UserRow> find_user(Conn& c, int64_t id);
std::optional<UserRow> find_user_by_username(Conn& c, const std::string& username);
// Users of one agency (agency_id) or the platform-level ones (nullopt).
std::vector<UserRow> list_users(Conn& c, std::optional<int64_t> agency_id);

// Sessions
void insert_session(Conn& c, const SessionRow& s, const std::string& ip);
std::optional<SessionRow> find_session(Conn& c, const std::string& token_hash, const std::string& now);
void delete_session(Conn& c, const std::string& token_hash);
void delete_user_sessions(Conn& c, int64_t user_id);
void delete_expired_sessions(Conn& c, const std::string& now);

// Categories
int64_t insert_category(Conn& c, const CategoryRow& r);
void update_category(Conn& c, const CategoryRow& r);
std::optional<CategoryRow> find_category(Conn& c, int64_t agency_id, int64_t id);
std::optional<CategoryRow> find_category_by_name(Conn& c, int64_t agency_id, const std::string& scheme,
                                                 const std::string& name);
std::vector<CategoryRow> list_categories(Conn& c, int64_t agency_id, const std::string& scheme);
int64_t count_items_in_category(Conn& c, int64_t category_id);

}  // namespace gongkai::store
