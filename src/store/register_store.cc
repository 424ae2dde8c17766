#include "store/register_store.h"

namespace gongkai::store {
namespace {

std::string like_pattern(const std::string& s) {
  std::string pat = "%";
  for (char ch : s) {
    if (ch == '%' || ch == '_' || ch == '\\') pat += '\\';
    pat += ch;
  }
  return pat + "%";
}

}  // namespace

int64_t insert_channel(Conn& c, int64_t agency_id, const ChannelRow& r, std::optional<int64_t> by,
                       const std::string& now) {
  return c.query_one("INSERT INTO item_channels (agency_id, item_id, channel, on_date, reference, created_by, "
                     "created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
                     {agency_id, r.item_id, r.channel, r.on_date, r.reference, by, now})
      ->i64(0);
}

namespace {
constexpr const char* kChannelSelect =
    "SELECT ch.id, ch.item_id, ch.channel, ch.on_date, ch.reference, COALESCE(u.display_name, ''), ch.created_at "
    "FROM item_channels ch LEFT JOIN users u ON u.id = ch.created_by WHERE ch.agency_id = ? ";
ChannelRow channel_from(const Row& r) {
  return {r.i64(0), r.i64(1), r.str(2), r.str(3), r.str(4), r.str(5), r.str(6)};
}
}  // namespace

std::vector<ChannelRow> list_channels(Conn& c, int64_t agency_id, int64_t item_id) {
  std::vector<ChannelRow> out;
  for (const Row& r : c.query(std::string(kChannelSelect) + "AND ch.item_id = ? ORDER BY ch.on_date, ch.id",
                              {agency_id, item_id})) {
    out.push_back(channel_from(r));
  }
  return out;
}

std::optional<ChannelRow> find_channel(Conn& c, int64_t agency_id, int64_t channel_id) {
  auto r = c.query_one(std::string(kChannelSelect) + "AND ch.id = ?", {agency_id, channel_id});
  if (!r) return std::nullopt;
  return channel_from(*r);
}

void delete_channel(Conn& c, int64_t agency_id, int64_t channel_id) {
  c.query("DELETE FROM item_channels WHERE agency_id = ? AND id = ?", {agency_id, channel_id});
}

std::map<std::string, int64_t> count_channels(Conn& c, int64_t agency_id, int year) {
  std::map<std::string, int64_t> out;
  std::string y = std::to_string(year);
  for (const Row& r : c.query("SELECT channel, COUNT(*) FROM item_channels WHERE agency_id = ? AND on_date >= ? "
                              "AND on_date <= ? GROUP BY channel",
                              {agency_id, y + "-01-01", y + "-12-31"})) {
    out[r.str(0)] = r.i64(1);
  }
  return out;
}

int64_t insert_attribute(Conn& c, int64_t agency_id, const AttributeRow& r, std::optional<int64_t> by,
                         const std::string& now) {
  return c.query_one("INSERT INTO disclosure_attributes (agency_id, item_id, mode, legal_reason, remarks, "
                     "decided_by, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
                     {agency_id, r.item_id, r.mode, r.legal_reason, r.remarks, by, now})
      ->i64(0);
}

namespace {
constexpr const char* kAttributeSelect =
    "SELECT a.id, a.item_id, i.title, a.mode, a.legal_reason, a.remarks, COALESCE(u.display_name, ''), "
    "a.decided_at, i.index_no FROM disclosure_attributes a JOIN items i ON i.id = a.item_id "
    "LEFT JOIN users u ON u.id = a.decided_by WHERE a.agency_id = ? ";
AttributeRow attribute_from(const Row& r) {
  return {r.i64(0), r.i64(1), r.str(2), r.str(3), r.str(4), r.str(5), r.str(6), r.str(7), r.opt_str(8)};
}
}  // namespace

std::optional<AttributeRow> current_attribute(Conn& c, int64_t agency_id, int64_t item_id) {
  auto r = c.query_one(std::string(kAttributeSelect) + "AND a.item_id = ? ORDER BY a.id DESC LIMIT 1",
                       {agency_id, item_id});
  if (!r) return std::nullopt;
  return attribute_from(*r);
}

AttributePage list_attributes(Conn& c, int64_t agency_id, const std::string& mode, const std::string& title_contains,
                              int page, int per_page) {
  std::string where;
  Params p{agency_id};
  if (!mode.empty()) {
    where += "AND a.mode = ? ";
    p.push_back(mode);
  }
  if (!title_contains.empty()) {
    where += "AND i.title LIKE ? ESCAPE '\\' ";
    p.push_back(like_pattern(title_contains));
  }
  AttributePage out;
  out.total = c.query_int("SELECT COUNT(*) FROM disclosure_attributes a JOIN items i ON i.id = a.item_id "
                          "WHERE a.agency_id = ? " + where,
                          p);
  int per = per_page < 1 ? 50 : per_page;
  p.push_back(per);
  p.push_back(static_cast<int64_t>((page < 1 ? 1 : page) - 1) * per);
  for (const Row& r : c.query(std::string(kAttributeSelect) + where + "ORDER BY a.id DESC LIMIT ? OFFSET ?", p)) {
    out.rows.push_back(attribute_from(r));
  }
  return out;
}

void insert_secrecy_entry(Conn& c, int64_t agency_id, const SecrecyEntry& e) {
  c.query("INSERT INTO secrecy_register (agency_id, item_id, rev_id, department_id, title, reviewer_id, "
          "reviewed_at, result, remarks) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
          {agency_id, e.item_id, e.rev_id, e.department_id, e.title, e.reviewer_id, e.reviewed_at, e.result,
           e.remarks});
}

SecrecyPage list_secrecy_entries(Conn& c, const SecrecyFilter& f) {
  std::string where = " WHERE s.agency_id = ?";
  Params p{f.agency_id};
  if (!f.q.empty()) {
    where += " AND (s.title LIKE ? ESCAPE '\\' OR s.remarks LIKE ? ESCAPE '\\')";
    p.push_back(like_pattern(f.q));
    p.push_back(like_pattern(f.q));
  }
  if (!f.result.empty()) { where += " AND s.result = ?"; p.push_back(f.result); }
  if (!f.from.empty()) { where += " AND s.reviewed_at >= ?"; p.push_back(f.from); }
  if (!f.to.empty()) { where += " AND s.reviewed_at < ?"; p.push_back(f.to); }
  if (f.department_id) { where += " AND s.department_id = ?"; p.push_back(*f.department_id); }
  SecrecyPage out;
  out.total = c.query_int("SELECT COUNT(*) FROM secrecy_register s" + where, p);
  std::string limit;
  if (f.per_page > 0) {
    limit = " LIMIT ? OFFSET ?";
    p.push_back(f.per_page);
    p.push_back(static_cast<int64_t>((f.page < 1 ? 1 : f.page) - 1) * f.per_page);
  }
  for (const Row& r : c.query("SELECT s.id, s.item_id, s.rev_id, s.department_id, s.reviewer_id, s.title, "
                              "COALESCE(d.name, ''), COALESCE(u.display_name, ''), s.reviewed_at, s.result, "
                              "s.remarks, i.index_no FROM secrecy_register s JOIN items i ON i.id = s.item_id "
                              "LEFT JOIN departments d ON d.id = s.department_id "
                              "LEFT JOIN users u ON u.id = s.reviewer_id" +
                                  where + " ORDER BY s.reviewed_at DESC, s.id DESC" + limit,
                              p)) {
    out.rows.push_back({r.i64(0), r.i64(1), r.opt_i64(2), r.opt_i64(3), r.opt_i64(4), r.str(5), r.str(6), r.str(7),
                        r.str(8), r.str(9), r.str(10), r.opt_str(11)});
  }
  return out;
}

std::vector<BulletinRow> published_between(Conn& c, int64_t agency_id, const std::string& from, const std::string& to,
                                           int limit) {
  std::vector<BulletinRow> out;
  for (const Row& r : c.query("SELECT i.id, COALESCE(i.index_no, ''), i.title, i.doc_no, i.publish_date, "
                              "COALESCE(d.name, '') FROM items i LEFT JOIN departments d ON d.id = i.department_id "
                              "WHERE i.agency_id = ? AND i.status = 'published' AND i.publish_date >= ? "
                              "AND i.publish_date <= ? ORDER BY i.publish_date, i.id LIMIT ?",
                              {agency_id, from, to, limit})) {
    out.push_back({r.i64(0), r.str(1), r.str(2), r.str(3), r.str(4), r.str(5)});
  }
  return out;
}

}  // namespace gongkai::store
