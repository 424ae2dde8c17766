#pragma once
// An agency's departments and categories by name, loaded once, so that the importer and the
// exporter turn names into ids and back without a query per row.
//
// Category labels: a top category is written by its name; a subcategory by its name when no
// other category of the scheme has that name, else as "上级/名称" (e.g. 综合政务/其他). Reading
// accepts both forms; a bare name that several categories share means the top category of
// that name if there is one, and is otherwise an error asking for the "上级/名称" form.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "app/item_rules.h"
#include "store/db.h"

namespace gongkai::app {

class AgencyNames final : public ItemRefs {
 public:
  // Loads the agency's departments and its class, topic and genre categories.
  static AgencyNames load(store::Conn& c, int64_t agency_id);

  std::optional<int64_t> department_id(std::string_view name) const;
  // The department's name, or "" when the agency has no such department.
  std::string department_name(int64_t id) const;

  // The category of `scheme` ("class", "topic", "genre") that `label` names. On failure
  // returns nullopt and sets *error to a message in Chinese.
  std::optional<int64_t> category_id(const std::string& scheme, std::string_view label, std::string* error) const;
  // The label to write for category `id` (see above), or "" when unknown.
  std::string category_label(int64_t id) const;

  bool department_exists(int64_t id) const override { return departments_by_id_.count(id) > 0; }
  std::optional<std::string> category_scheme(int64_t id) const override;

 private:
  struct Category {
    std::string scheme, name;
    std::optional<int64_t> parent_id;
  };
  std::unordered_map<std::string, int64_t> departments_by_name_;
  std::unordered_map<int64_t, std::string> departments_by_id_;
  std::unordered_map<int64_t, Category> categories_;
  // scheme + '\n' + name → ids with that name; scheme + '\n' + parent + '/' + name → id.
  std::unordered_map<std::string, std::vector<int64_t>> by_name_;
  std::unordered_map<std::string, int64_t> by_path_;
};

}  // namespace gongkai::app
