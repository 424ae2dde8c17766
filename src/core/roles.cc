#include "core/roles.h"

namespace gongkai::core {
namespace {
struct RoleInfo {
  Role role;
  const char* id;
  const char* label;
};
constexpr RoleInfo kRoles[] = {
    {Role::kAdmin, "admin", "系统管理员"},     {Role::kOffice, "office", "办公室"},
    {Role::kLiaison, "liaison", "科室联络员"}, {Role::kHead, "head", "科室负责人"},
    {Role::kLeader, "leader", "分管领导"},     {Role::kSecrecy, "secrecy", "保密审查员"},
    {Role::kRequestClerk, "clerk", "申请受理员"}, {Role::kInfoCenter, "infocenter", "信息中心"},
};
}  // namespace

const std::vector<Role>& all_roles() {
  static const std::vector<Role> v = [] {
    std::vector<Role> out;
    for (const auto& r : kRoles) out.push_back(r.role);
    return out;
  }();
  return v;
}

std::string_view role_id(Role r) {
  for (const auto& i : kRoles) if (i.role == r) return i.id;
  return "";
}

std::string_view role_label(Role r) {
  for (const auto& i : kRoles) if (i.role == r) return i.label;
  return "";
}

std::optional<Role> parse_role(std::string_view s) {
  for (const auto& i : kRoles) if (s == i.id || s == i.label) return i.role;
  return std::nullopt;
}

}  // namespace gongkai::core
