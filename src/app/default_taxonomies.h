#pragma once
// The taxonomies a new agency starts with (DOMAIN.md §2); administrators edit them later.

#include <string>
#include <vector>

namespace gongkai::app {

struct TaxonomyNode {
  std::string name;
  std::vector<std::string> children;
};

// 主题分类: the State Council's 22 top classes with common subclasses.
const std::vector<TaxonomyNode>& default_topics();
// 体裁分类: the 15 official document types plus 其他.
const std::vector<TaxonomyNode>& default_genres();
// The agency's own classes, as the seed reports them (four classes with subtypes).
const std::vector<TaxonomyNode>& default_agency_classes();

}  // namespace gongkai::app
