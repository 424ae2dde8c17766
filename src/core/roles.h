#pragma once
// The roles a user can hold within an agency (DOMAIN.md §1).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gongkai::core {

enum class Role {
  kAdmin,         // 系统管理员: users, departments, taxonomies, agency settings
  kOffice,        // 办公室: runs disclosure work; publishes, withdraws, repeals
  kLiaison,       // 科室联络员: drafts items for a department
  kHead,          // 科室负责人: first review
  kLeader,        // 分管领导: second review
  kSecrecy,       // 保密审查员: confidentiality review
  kRequestClerk,  // 申请受理员: handles requests for disclosure
  kInfoCenter,    // 信息中心: city-wide view over all agencies
};

const std::vector<Role>& all_roles();
// Stable identifier stored in the database, e.g. "head".
std::string_view role_id(Role r);
// Chinese label shown to people, e.g. "科室负责人".
std::string_view role_label(Role r);
std::optional<Role> parse_role(std::string_view id_or_label);

}  // namespace gongkai::core
