#include "store/stats_store.h"

namespace gongkai::store {

std::vector<MonthClassCount> items_by_month_class(Conn& c, int64_t agency_id, const std::string& from,
                                                  const std::string& to, std::optional<int64_t> department_id) {
  std::vector<MonthClassCount> out;
  std::string sql =
      "SELECT CAST(SUBSTR(publish_date, 6, 2) AS INTEGER), class_id, COUNT(*) FROM items "
      "WHERE agency_id = ? AND status IN ('published', 'withdrawn') AND publish_date >= ? AND publish_date <= ?";
  Params p = {agency_id, from, to};
  if (department_id) {
    sql += " AND department_id = ?";
    p.emplace_back(*department_id);
  }
  sql += " GROUP BY 1, 2 ORDER BY 1, 2";
  for (const auto& r : c.query(sql, p)) out.push_back({static_cast<int>(r.i64(0)), r.opt_i64(1), r.i64(2)});
  return out;
}

std::vector<ItemDates> item_dates(Conn& c, int64_t agency_id, const std::string& from, const std::string& to,
                                  std::optional<int64_t> department_id) {
  std::vector<ItemDates> out;
  std::string sql =
      "SELECT creation_date, publish_date FROM items WHERE agency_id = ? AND status IN ('published', 'withdrawn') "
      "AND publish_date >= ? AND publish_date <= ? AND creation_date IS NOT NULL";
  Params p = {agency_id, from, to};
  if (department_id) {
    sql += " AND department_id = ?";
    p.emplace_back(*department_id);
  }
  c.for_each(sql, p, [&](const Row& r) { out.push_back({r.str(0), r.str(1)}); });
  return out;
}

std::vector<MonthChannelCount> requests_by_month_channel(Conn& c, int64_t agency_id, const std::string& from,
                                                         const std::string& to) {
  std::vector<MonthChannelCount> out;
  for (const auto& r : c.query(
           "SELECT CAST(SUBSTR(received_on, 6, 2) AS INTEGER), channel, COUNT(*) FROM requests "
           "WHERE agency_id = ? AND received_on >= ? AND received_on <= ? GROUP BY 1, 2 ORDER BY 1, 2",
           {agency_id, from, to})) {
    out.push_back({static_cast<int>(r.i64(0)), r.str(1), r.i64(2)});
  }
  return out;
}

int64_t overdue_requests(Conn& c, int64_t agency_id, const std::string& today) {
  return c.query_int(
      "SELECT COUNT(*) FROM requests WHERE agency_id = ? AND state IN ('new', 'processing') AND due_on < ?",
      {agency_id, today});
}

}  // namespace gongkai::store
