#pragma once
// Read-only queries the public portal needs beyond item_store.h: counts for browsing and the
// newest published items.

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "store/db.h"
#include "store/item_store.h"

namespace gongkai::store {

// Published items of an agency counted by one listing column: "class_id", "topic_id",
// "genre_id", "department_id" or "pub_year" (other names are refused).
std::map<int64_t, int64_t> count_published_by(Conn& c, int64_t agency_id, const std::string& column);

// The newest published items: of one agency, or of all when agency_id is 0.
std::vector<ItemRow> latest_published(Conn& c, int64_t agency_id, int limit);

struct AgencyCount {
  int64_t agency_id = 0;
  int64_t published = 0;
  std::string last_published;  // newest publication date, "" if none
};
std::vector<AgencyCount> published_counts(Conn& c);

// Published items for the sitemap/feeds, newest first, streaming.
void for_each_published(Conn& c, int64_t agency_id, const std::function<void(const ItemRow&)>& fn);

}  // namespace gongkai::store
