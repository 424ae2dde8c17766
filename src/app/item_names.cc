#include "app/item_names.h"

#include "store/directory_store.h"

namespace gongkai::app {
namespace {

const char* scheme_label(const std::string& scheme) {
  return scheme == "class" ? "信息分类" : scheme == "topic" ? "主题分类" : "体裁分类";
}

std::string key(const std::string& scheme, std::string_view name) {
  std::string k = scheme;
  k += '\n';
  k += name;
  return k;
}

}  // namespace

AgencyNames AgencyNames::load(store::Conn& c, int64_t agency_id) {
  AgencyNames n;
  for (const auto& d : store::list_departments(c, agency_id)) {
    n.departments_by_name_[d.name] = d.id;
    n.departments_by_id_[d.id] = d.name;
  }
  for (const char* scheme : {"class", "topic", "genre"}) {
    for (const auto& cat : store::list_categories(c, agency_id, scheme)) {
      n.categories_[cat.id] = Category{cat.scheme, cat.name, cat.parent_id};
      n.by_name_[key(cat.scheme, cat.name)].push_back(cat.id);
    }
  }
  for (const auto& [id, cat] : n.categories_) {
    if (!cat.parent_id) continue;
    auto parent = n.categories_.find(*cat.parent_id);
    if (parent != n.categories_.end()) n.by_path_[key(cat.scheme, parent->second.name + "/" + cat.name)] = id;
  }
  return n;
}

std::optional<int64_t> AgencyNames::department_id(std::string_view name) const {
  auto it = departments_by_name_.find(std::string(name));
  if (it == departments_by_name_.end()) return std::nullopt;
  return it->second;
}

std::string AgencyNames::department_name(int64_t id) const {
  auto it = departments_by_id_.find(id);
  return it == departments_by_id_.end() ? "" : it->second;
}

std::optional<int64_t> AgencyNames::category_id(const std::string& scheme, std::string_view label,
                                                std::string* error) const {
  auto named = by_name_.find(key(scheme, label));
  if (named != by_name_.end()) {
    const auto& ids = named->second;
    if (ids.size() == 1) return ids[0];
    for (int64_t id : ids) {
      if (!categories_.at(id).parent_id) return id;  // a bare shared name means the top one
    }
    *error = std::string(scheme_label(scheme)) + "“" + std::string(label) + "”不唯一，请写成“上级/" +
             std::string(label) + "”";
    return std::nullopt;
  }
  auto path = by_path_.find(key(scheme, label));
  if (path != by_path_.end()) return path->second;
  *error = std::string(scheme_label(scheme)) + "“" + std::string(label) + "”不存在";
  return std::nullopt;
}

std::string AgencyNames::category_label(int64_t id) const {
  auto it = categories_.find(id);
  if (it == categories_.end()) return "";
  const Category& cat = it->second;
  if (!cat.parent_id || by_name_.at(key(cat.scheme, cat.name)).size() == 1) return cat.name;
  auto parent = categories_.find(*cat.parent_id);
  return parent == categories_.end() ? cat.name : parent->second.name + "/" + cat.name;
}

std::optional<std::string> AgencyNames::category_scheme(int64_t id) const {
  auto it = categories_.find(id);
  if (it == categories_.end()) return std::nullopt;
  return it->second.scheme;
}

}  // namespace gongkai::app
