#pragma once
// Agencies, departments, users and taxonomies: validation, authorisation and audit around
// the rows in store/directory_store.h. Every change runs in one transaction with its audit entry.

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/roles.h"
#include "store/audit_log.h"
#include "store/db.h"
#include "store/directory_store.h"

namespace gongkai::app {

// The signed-in person (or the command line) on whose behalf a service acts.
struct Principal {
  int64_t user_id = 0;  // 0: the command line / system
  std::optional<int64_t> agency_id;
  std::optional<int64_t> department_id;
  std::string username, display_name;
  std::set<core::Role> roles;

  bool has(core::Role r) const { return roles.count(r) > 0; }
  bool is_system() const { return user_id == 0; }
  // True when this principal may act within the agency.
  bool in_agency(int64_t agency) const { return is_system() || (agency_id && *agency_id == agency); }
  store::Actor actor() const;
  static Principal system(const std::string& name = "cli");
  static Principal from_user(const store::UserRow& u);
};

struct NewAgency {
  std::string slug, name, org_code;
  std::string index_pattern = "{org}/{year}-{serial:5}";
  std::string workflow_steps = "head,leader,secrecy";
  std::string address, phone, fax, email, office_hours;
};

// Creates an agency with the default taxonomies (主题分类, 体裁, the seed's own classes).
int64_t create_agency(store::Database& db, const Principal& by, const NewAgency& a);
// Updates an agency's settings (not its slug). Requires 系统管理员 of that agency.
void update_agency_settings(store::Database& db, const Principal& by, const store::AgencyRow& a);

int64_t create_department(store::Database& db, const Principal& by, int64_t agency_id, const std::string& name,
                          int sort = 0);
void update_department(store::Database& db, const Principal& by, const store::DepartmentRow& d);

struct NewUser {
  std::optional<int64_t> agency_id;
  std::string username, display_name, password, email;
  std::optional<int64_t> department_id;
  std::vector<std::string> roles;  // role ids
};
int64_t create_user(store::Database& db, const Principal& by, const NewUser& u);
// Updates name, department, email, active flag and roles.
void update_user(store::Database& db, const Principal& by, const store::UserRow& u);
void set_password(store::Database& db, const Principal& by, int64_t user_id, const std::string& password);

int64_t create_category(store::Database& db, const Principal& by, int64_t agency_id, const std::string& scheme,
                        std::optional<int64_t> parent_id, const std::string& name, int sort);
void update_category(store::Database& db, const Principal& by, const store::CategoryRow& c);

// Validation helpers shared by the forms and the importers.
bool valid_slug(const std::string& slug);
// Length in Unicode code points (for limits on Chinese text).
size_t utf8_length(std::string_view s);

}  // namespace gongkai::app
