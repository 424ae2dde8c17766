#include "store/portal_store.h"

#include <algorithm>
#include <stdexcept>
#include <tuple>

#include "store/item_rows.h"

namespace gongkai::store {

std::map<int64_t, int64_t> count_published_by(Conn& c, int64_t agency_id, const std::string& column) {
  if (column != "class_id" && column != "topic_id" && column != "genre_id" && column != "department_id" &&
      column != "pub_year") {
    throw std::invalid_argument("count_published_by: unknown column " + column);
  }
  std::map<int64_t, int64_t> out;
  for (const auto& r : c.query("SELECT " + column + ", COUNT(*) FROM items WHERE agency_id = ? AND status = 'published' "
                               "AND " + column + " IS NOT NULL GROUP BY " + column,
                               {agency_id})) {
    out[r.i64(0)] = r.i64(1);
  }
  return out;
}

std::vector<ItemRow> latest_published(Conn& c, int64_t agency_id, int limit) {
  std::vector<ItemRow> out;
  const std::string sql = std::string("SELECT ") + kItemCols +
                          " FROM items WHERE agency_id = ? AND status = 'published' "
                          "ORDER BY publish_date DESC, id DESC LIMIT ?";
  if (agency_id) {
    for (const auto& r : c.query(sql, {agency_id, limit})) out.push_back(item_from(r));
    return out;
  }
  // Across the platform: each agency's newest from its index (items_agency_status_date),
  // merged here; one query over all items sorted every published item (2.7 s at 1,000,000).
  for (const auto& a : c.query("SELECT id FROM agencies ORDER BY id")) {
    for (const auto& r : c.query(sql, {a.i64(0), limit})) out.push_back(item_from(r));
  }
  auto newer = [](const ItemRow& x, const ItemRow& y) {
    return std::tie(x.publish_date, x.id) > std::tie(y.publish_date, y.id);
  };
  std::sort(out.begin(), out.end(), newer);
  if (out.size() > static_cast<size_t>(std::max(limit, 0))) out.resize(static_cast<size_t>(std::max(limit, 0)));
  return out;
}

std::vector<AgencyCount> published_counts(Conn& c) {
  std::vector<AgencyCount> out;
  for (const auto& r : c.query("SELECT agency_id, COUNT(*), MAX(publish_date) FROM items WHERE status = 'published' "
                               "GROUP BY agency_id")) {
    out.push_back({r.i64(0), r.i64(1), r.str(2)});
  }
  return out;
}

void for_each_published(Conn& c, int64_t agency_id, const std::function<void(const ItemRow&)>& fn) {
  c.for_each(std::string("SELECT ") + kItemCols + " FROM items WHERE agency_id = ? AND status = 'published' "
                                                  "ORDER BY publish_date DESC, id DESC",
             {agency_id}, [&](const Row& r) { fn(item_from(r)); });
}

}  // namespace gongkai::store
