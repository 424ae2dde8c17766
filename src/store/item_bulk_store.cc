#include "store/item_bulk_store.h"

#include <algorithm>
#include <thread>

namespace gongkai::store {
namespace {

const char* table_name(IdTable t) { return t == IdTable::kItems ? "items" : "item_revisions"; }

std::optional<int> year_of(const std::optional<std::string>& date) {
  if (!date || date->size() < 4) return std::nullopt;
  return std::stoi(date->substr(0, 4));
}

constexpr size_t kInChunk = 500;

}  // namespace

std::vector<int64_t> reserve_ids(Conn& c, IdTable table, int64_t n) {
  std::vector<int64_t> ids;
  if (n <= 0) return ids;
  ids.reserve(static_cast<size_t>(n));
  std::string name = table_name(table);
  if (c.backend() == Backend::kSqlite) {
    // AUTOINCREMENT never goes below sqlite_sequence, so raising it reserves the range.
    int64_t base = c.query_int("SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = ?), 0), "
                               "COALESCE((SELECT MAX(id) FROM " + name + "), 0))",
                               {name});
    c.query("UPDATE sqlite_sequence SET seq = ? WHERE name = ?", {base + n, name});
    if (c.changes() == 0) c.query("INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)", {name, base + n});
    for (int64_t i = 1; i <= n; ++i) ids.push_back(base + i);
    return ids;
  }
  // The sequence is named once, as a literal, so that nextval does not look it up per row.
  std::string seq = c.query_one("SELECT pg_get_serial_sequence(?, 'id')", {name})->str(0);
  std::string quoted = "'";
  for (char ch : seq) quoted += ch == '\'' ? std::string("''") : std::string(1, ch);
  quoted += "'";
  c.for_each("SELECT nextval(" + quoted + "::regclass) FROM generate_series(1, ?)", {n},
             [&](const Row& r) { ids.push_back(r.i64(0)); });
  std::sort(ids.begin(), ids.end());
  return ids;
}

int64_t reserve_index_serials(Conn& c, int64_t agency_id, int year, int64_t count) {
  int64_t last = c.query_one("INSERT INTO index_serials (agency_id, year, next_serial) VALUES (?, ?, ?) "
                             "ON CONFLICT (agency_id, year) DO UPDATE SET "
                             "next_serial = index_serials.next_serial + excluded.next_serial "
                             "RETURNING next_serial",
                             {agency_id, year, count})
                     ->i64(0);
  return last - count + 1;
}

std::unordered_set<std::string> taken_index_nos(Conn& c, const std::vector<std::string>& candidates) {
  std::unordered_set<std::string> taken;
  if (candidates.empty()) return taken;
  // Always kInChunk parameters (the last chunk padded with a repeat), so one prepared
  // statement serves every chunk.
  const std::string sql = "SELECT index_no FROM items WHERE index_no IN " + placeholders(kInChunk);
  Params p;
  p.reserve(kInChunk);
  for (size_t start = 0; start < candidates.size(); start += kInChunk) {
    p.clear();
    size_t end = std::min(candidates.size(), start + kInChunk);
    for (size_t i = start; i < end; ++i) p.emplace_back(candidates[i]);
    while (p.size() < kInChunk) p.emplace_back(candidates[start]);
    for (const auto& r : c.query(sql, p)) taken.insert(r.str(0));
  }
  return taken;
}

// Column positions the ids and index number go to (see make_bulk_rows).
constexpr size_t kItemId = 0, kItemIndexNo = 2, kItemWorkingRev = 4, kItemPublishedRev = 5;
constexpr size_t kRevId = 0, kRevItemId = 1;
constexpr size_t kEventItemId = 1, kEventRevId = 2;

BulkRows make_bulk_rows(int64_t agency_id, BulkItem&& b, std::optional<int64_t> actor, const std::string& action,
                        const std::string& now) {
  ItemData& d = b.data;
  BulkRows r;
  r.draft = b.status == "draft";
  r.item = Params{Value(), agency_id, Value(), b.status, Value(), Value(), d.title, d.department_id, d.class_id,
                  d.topic_id, d.genre_id, d.doc_no, d.creation_date, d.publish_date, year_of(d.publish_date),
                  d.validity, d.validity_changed_on, b.late, d.carrier, actor, now, now};
  r.revision = Params{Value(), Value(), agency_id, 1, r.draft ? "draft" : "published", std::move(d.title),
                      std::move(d.summary), std::move(d.body_html), std::move(d.doc_no),
                      std::move(d.keywords), d.department_id, d.class_id, d.topic_id, d.genre_id,
                      d.creation_date, d.publish_date, std::move(d.disclosure_mode), std::move(d.carrier),
                      std::move(d.validity), d.validity_changed_on, actor, now, now};
  r.event = Params{agency_id, Value(), Value(), actor, action, std::move(b.event_comment), now};
  return r;
}

void set_bulk_ids(BulkRows& r, int64_t item_id, int64_t rev_id, const std::optional<std::string>& index_no) {
  r.item[kItemId] = item_id;
  r.item[kItemIndexNo] = index_no;
  r.item[r.draft ? kItemWorkingRev : kItemPublishedRev] = rev_id;
  r.revision[kRevId] = rev_id;
  r.revision[kRevItemId] = item_id;
  r.event[kEventItemId] = item_id;
  r.event[kEventRevId] = rev_id;
}

void insert_bulk_rows(Conn& c, std::vector<BulkRows>& rows) {
  static const std::vector<std::string> kItemCols = {
      "id", "agency_id", "index_no", "status", "working_rev_id", "published_rev_id", "title", "department_id",
      "class_id", "topic_id", "genre_id", "doc_no", "creation_date", "publish_date", "pub_year", "validity",
      "validity_changed_on", "late", "carrier", "created_by", "created_at", "updated_at"};
  static const std::vector<std::string> kRevCols = {
      "id", "item_id", "agency_id", "rev_no", "state", "title", "summary", "body_html", "doc_no",
      "keywords", "department_id", "class_id", "topic_id", "genre_id", "creation_date", "publish_date",
      "disclosure_mode", "carrier", "validity", "validity_changed_on", "author_id", "created_at", "updated_at"};
  static const std::vector<std::string> kEventCols = {"agency_id", "item_id", "rev_id", "actor_id",
                                                      "action",    "comment", "at"};
  std::vector<Params> table;
  table.reserve(rows.size());
  for (auto& r : rows) table.push_back(std::move(r.item));
  c.bulk_insert("items", kItemCols, table);
  table.clear();
  for (auto& r : rows) table.push_back(std::move(r.revision));
  c.bulk_insert("item_revisions", kRevCols, table);
  table.clear();
  for (auto& r : rows) table.push_back(std::move(r.event));
  c.bulk_insert("workflow_events", kEventCols, table);
}

void tune_for_bulk_load(Conn& c) {
  if (c.backend() == Backend::kSqlite) {
    c.exec("PRAGMA cache_size = -524288");  // 512 MiB
  } else {
    // Revision rows carry the body and so are TOASTed; lz4 compresses several times
    // faster than the default pglz. Until the end of the transaction only.
    c.exec("SET LOCAL default_toast_compression = 'lz4'");
  }
}

std::vector<std::string> drop_item_indexes(Conn& c) {
  std::vector<std::string> ddl;
  if (c.backend() != Backend::kSqlite) return ddl;
  std::vector<std::string> names;
  // Automatic indexes of UNIQUE constraints have no sql and cannot be dropped: they stay.
  // Revisions keep theirs: their keys include columns stored after the bodies, so building
  // them afresh reads every body again and costs more than it saves (measured at 1,000,000).
  for (const auto& r : c.query("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND "
                               "tbl_name IN ('items', 'workflow_events') ORDER BY name")) {
    names.push_back(r.str(0));
    ddl.push_back(r.str(1));
  }
  for (const auto& n : names) c.exec("DROP INDEX \"" + n + "\"");
  return ddl;
}

void restore_item_indexes(Conn& c, const std::vector<std::string>& definitions) {
  if (definitions.empty()) return;
  // SQLite sorts an index's keys in runs the size of the page cache. With small runs kept in
  // temporary files and helper threads, runs are sorted on other cores while this one reads
  // the table: the seven items indexes of migration 14 at 1,000,000 rows took 5.5 s, against
  // 8.9 s in one run in memory and 12.1 s in small runs in memory (temp_store=MEMORY).
  const int64_t cache_size = c.query_int("PRAGMA cache_size");
  c.exec("PRAGMA cache_size = -8192");
  c.exec("PRAGMA temp_store = FILE");
  c.exec("PRAGMA threads = " + std::to_string(std::max(1u, std::thread::hardware_concurrency())));
  for (const auto& d : definitions) c.exec(d);
  c.exec("PRAGMA threads = 0");
  c.exec("PRAGMA temp_store = MEMORY");
  c.exec("PRAGMA cache_size = " + std::to_string(cache_size));
}

int64_t count_item_index_definitions(Conn& c) {
  if (c.backend() != Backend::kSqlite) return 0;
  return c.query_int("SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND "
                     "tbl_name IN ('items', 'workflow_events')");
}

int64_t count_all_items(Conn& c) { return c.query_int("SELECT COUNT(*) FROM items"); }

void refresh_item_statistics(Conn& c) {
  if (c.backend() == Backend::kPostgres) c.exec("ANALYZE items, item_revisions");
}

void for_each_export_row(Conn& c, int64_t agency_id, const std::function<void(const ExportRow&)>& fn) {
  ExportRow x;
  c.for_each(
      "SELECT i.id, i.index_no, i.status, i.working_rev_id, i.published_rev_id, i.late, i.created_at, "
      "i.updated_at, r.title, r.summary, r.body_html, r.doc_no, r.keywords, r.department_id, "
      "r.class_id, r.topic_id, r.genre_id, r.creation_date, r.publish_date, r.disclosure_mode, r.carrier, "
      "r.validity, r.validity_changed_on, COALESCE(w.state, r.state) "
      "FROM items i JOIN item_revisions r ON r.id = COALESCE(i.published_rev_id, i.working_rev_id) "
      "LEFT JOIN item_revisions w ON w.id = i.working_rev_id "
      "WHERE i.agency_id = ? ORDER BY i.id",
      {agency_id}, [&](const Row& r) {
        ItemRow& i = x.item;
        i.id = r.i64(0);
        i.agency_id = agency_id;
        i.index_no = r.opt_str(1);
        i.status = r.str(2);
        i.working_rev_id = r.opt_i64(3);
        i.published_rev_id = r.opt_i64(4);
        i.late = r.i64(5) != 0;
        i.created_at = r.str(6);
        i.updated_at = r.str(7);
        ItemData& d = x.data;
        d.title = r.str(8);
        d.summary = r.str(9);
        d.body_html = r.str(10);
        d.doc_no = r.str(11);
        d.keywords = r.str(12);
        d.department_id = r.opt_i64(13);
        d.class_id = r.opt_i64(14);
        d.topic_id = r.opt_i64(15);
        d.genre_id = r.opt_i64(16);
        d.creation_date = r.opt_str(17);
        d.publish_date = r.opt_str(18);
        d.disclosure_mode = r.str(19);
        d.carrier = r.str(20);
        d.validity = r.str(21);
        d.validity_changed_on = r.opt_str(22);
        x.revision_state = r.str(23);
        i.title = d.title;
        i.doc_no = d.doc_no;
        i.validity = d.validity;
        i.department_id = d.department_id;
        i.class_id = d.class_id;
        i.topic_id = d.topic_id;
        i.genre_id = d.genre_id;
        i.creation_date = d.creation_date;
        i.publish_date = d.publish_date;
        i.validity_changed_on = d.validity_changed_on;
        fn(x);
      });
}

}  // namespace gongkai::store
