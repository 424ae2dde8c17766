#include "store/search_store.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <stdexcept>

#include "render/body_text.h"
#include "render/document_text.h"
#include "store/fts5_rank.h"
#include "store/search_pg_doc.h"

namespace gongkai::store {
namespace {

bool lite(Conn& c) { return c.backend() == Backend::kSqlite; }

// The published text of one item, as read for indexing.
struct Source {
  int64_t id = 0;
  std::string title, body, meta;
};

std::string meta_of(const std::string& doc_no, const std::string& keywords) {
  if (doc_no.empty()) return keywords;
  if (keywords.empty()) return doc_no;
  return doc_no + "\n" + keywords;
}

// Columns: id, title, body_html, doc_no, keywords (kSourceCols).
Source source_of(const Row& r) {
  return {r.i64(0), r.str(1), render::sanitized_body_text(r.str(2)), meta_of(r.str(3), r.str(4))};
}

// PostgreSQL: the tsvector of one chunk from its three texts (search_pg_doc.h): title A,
// meta C, body B, and the gap lexemes removed again (their positions stay unused).
std::string pg_tsv(const char* title, const char* meta, const char* body) {
  return std::string("ts_delete(setweight(to_tsvector('simple', ") + title + "), 'A') || setweight(to_tsvector('simple', " +
         meta + "), 'C') || setweight(to_tsvector('simple', " + body + "), 'B'), '" + kPgGapLexeme + "'::text)";
}

// search_lengths exists from migration 16 on; earlier migrations fill the index before it.
bool has_lengths(Conn& c) {
  return c.query_one("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'search_lengths'").has_value();
}

// One block of search_lengths (encode_lengths / decode_lengths, store/fts5_rank.h).
using LengthBlock = std::vector<uint32_t>;

// Notes one row's length (from its %_docsize blob) in the blocks being built.
void note_length(std::map<int64_t, LengthBlock>& blocks, int64_t rowid, const std::string& docsize) {
  auto& b = blocks[rowid >> kLengthBlockShift];
  if (b.empty()) b.assign(kLengthBlockRows, 0);
  b[static_cast<size_t>(rowid & (kLengthBlockRows - 1))] = static_cast<uint32_t>(fts5_doc_tokens(docsize));
}

// SQLite: the index changed (every writer comes through set_lengths,
// refresh_search_lengths or an agency's reindex): a new random generation token, so that phrase row counts kept
// for the old index are not used for this one (store/fts5_rank.h).
void new_generation(Conn& c) {
  c.query("INSERT INTO search_generation (id, token) VALUES (1, randomblob(16)) "
          "ON CONFLICT (id) DO UPDATE SET token = excluded.token");
}

// SQLite: sets the lengths of these items' rows in search_lengths (0 where an item has no row).
void set_lengths(Conn& c, const std::vector<int64_t>& ids) {
  if (ids.empty() || !has_lengths(c)) return;
  std::map<int64_t, LengthBlock> blocks;
  for (int64_t id : ids) blocks.emplace(id >> kLengthBlockShift, LengthBlock(kLengthBlockRows, 0));
  Params in;
  for (const auto& [block, b] : blocks) in.push_back(block);
  for (const auto& r : c.query("SELECT block, lengths FROM search_lengths WHERE block IN " + placeholders(in.size()), in)) {
    decode_lengths(r.str(1), &blocks[r.i64(0)]);
  }
  for (int64_t id : ids) blocks[id >> kLengthBlockShift][static_cast<size_t>(id & (kLengthBlockRows - 1))] = 0;
  Params p(ids.begin(), ids.end());
  for (const auto& r : c.query("SELECT id, sz FROM search_fts_docsize WHERE id IN " + placeholders(ids.size()), p)) {
    note_length(blocks, r.i64(0), r.str(1));
  }
  for (const auto& [block, b] : blocks) {
    c.query("INSERT INTO search_lengths (block, lengths) VALUES (?, ?) "
            "ON CONFLICT (block) DO UPDATE SET lengths = excluded.lengths",
            {block, Blob{encode_lengths(b)}});
  }
  new_generation(c);
}

void write_one(Conn& c, const Source& s) {
  if (lite(c)) {
    c.query("INSERT INTO search_fts (rowid, title, body, meta) VALUES (?, ?, ?, ?)", {s.id, s.title, s.body, s.meta});
    return;
  }
  auto chunks = pg_search_chunks(s.title, s.meta, s.body);
  bool multi = chunks.size() > 1;
  for (const auto& ch : chunks) {
    c.query("INSERT INTO search_docs (item_id, chunk, multi, tsv) VALUES (?, ?, ?, " + pg_tsv("?", "?", "?") + ")",
            {s.id, ch.chunk, multi, ch.title, ch.meta, ch.body});
  }
}

void write_batch(Conn& c, const std::vector<Source>& batch) {
  if (batch.empty()) return;
  if (lite(c)) {
    std::vector<Params> rows;
    rows.reserve(batch.size());
    for (const auto& s : batch) rows.push_back({s.id, s.title, s.body, s.meta});
    c.bulk_insert("search_fts", {"rowid", "title", "body", "meta"}, rows);
    return;
  }
  std::vector<Params> rows;
  for (const auto& s : batch) {
    auto chunks = pg_search_chunks(s.title, s.meta, s.body);
    bool multi = chunks.size() > 1;
    for (auto& ch : chunks) rows.push_back({s.id, ch.chunk, multi, std::move(ch.title), std::move(ch.meta), std::move(ch.body)});
  }
  c.exec(
      "CREATE TEMP TABLE IF NOT EXISTS search_stage (item_id BIGINT, chunk INTEGER, multi BOOLEAN, title TEXT, "
      "meta TEXT, body TEXT) ON COMMIT DROP");
  c.bulk_insert("search_stage", {"item_id", "chunk", "multi", "title", "meta", "body"}, rows);
  c.exec("INSERT INTO search_docs (item_id, chunk, multi, tsv) SELECT item_id, chunk, multi, " +
         pg_tsv("title", "meta", "body") + " FROM search_stage");
  c.exec("TRUNCATE search_stage");
}

constexpr const char* kSourceCols =
    "i.id, r.title, r.body_html, r.doc_no, r.keywords FROM items i JOIN item_revisions r ON r.id = i.published_rev_id ";

// Removes an item's entry without touching search_lengths (the caller sets it).
void remove_entry(Conn& c, int64_t item_id) {
  if (lite(c)) c.query("DELETE FROM search_fts WHERE rowid = ?", {item_id});
  else c.query("DELETE FROM search_docs WHERE item_id = ?", {item_id});
}

}  // namespace

void unindex_item(Conn& c, int64_t item_id) {
  remove_entry(c, item_id);
  if (lite(c)) set_lengths(c, {item_id});
}

void index_item(Conn& c, int64_t item_id) {
  remove_entry(c, item_id);
  auto r = c.query_one(std::string("SELECT ") + kSourceCols + "WHERE i.id = ? AND i.status = 'published'", {item_id});
  if (r) write_one(c, source_of(*r));
  if (lite(c)) set_lengths(c, {item_id});
}

void index_items(Conn& c, const std::vector<int64_t>& item_ids) {
  if (item_ids.empty()) return;
  const std::string in = placeholders(item_ids.size());
  Params p(item_ids.begin(), item_ids.end());
  if (lite(c)) c.query("DELETE FROM search_fts WHERE rowid IN " + in, p);
  else c.query("DELETE FROM search_docs WHERE item_id IN " + in, p);
  std::vector<Source> rows;
  rows.reserve(item_ids.size());
  for (const auto& r : c.query(std::string("SELECT ") + kSourceCols + "WHERE i.status = 'published' AND i.id IN " + in, p)) {
    rows.push_back(source_of(r));
  }
  write_batch(c, rows);
  if (lite(c)) set_lengths(c, item_ids);
}

void queue_for_index(Conn& c, const std::vector<int64_t>& item_ids) {
  std::vector<Params> rows;
  rows.reserve(item_ids.size());
  for (int64_t id : item_ids) rows.push_back({id});
  if (!rows.empty()) c.bulk_insert("search_queue", {"item_id"}, rows);
}

int64_t index_queued(Conn& c, int limit) {
  if (!c.in_transaction()) throw DbError("NO_TX", "index_queued needs the caller's transaction");
  std::vector<int64_t> ids;
  for (const auto& r : c.query("SELECT item_id FROM search_queue ORDER BY item_id LIMIT ?", {std::max(limit, 1)})) {
    ids.push_back(r.i64(0));
  }
  if (ids.empty()) return 0;
  index_items(c, ids);
  c.query("DELETE FROM search_queue WHERE item_id <= ?", {ids.back()});
  return static_cast<int64_t>(ids.size());
}

int64_t count_queued(Conn& c) { return c.query_int("SELECT COUNT(*) FROM search_queue"); }

ReindexStats reindex_search(Conn& c, std::optional<int64_t> agency_id, const ReindexProgress& progress, int batch) {
  if (!c.in_transaction()) throw DbError("NO_TX", "reindex_search needs the caller's transaction");
  auto started = std::chrono::steady_clock::now();
  ReindexStats st;
  if (batch < 1) batch = 1000;
  st.removed = count_indexed(c, agency_id);
  if (!lite(c)) {
    // Larger GIN pending lists merged with more memory: about a quarter faster for bulk
    // inserts. Both last until the end of the caller's transaction.
    c.exec("SET LOCAL gin_pending_list_limit = '64MB'; SET LOCAL work_mem = '256MB'");
  }
  const char* table = lite(c) ? "search_fts" : "search_docs";
  const char* key = lite(c) ? "rowid" : "item_id";
  if (agency_id) {
    c.query(std::string("DELETE FROM ") + table + " WHERE " + key + " IN (SELECT id FROM items WHERE agency_id = ?)",
            {*agency_id});
    // The index changed even if no batch below writes a row (set_lengths moves it again).
    if (lite(c)) new_generation(c);
  } else if (lite(c)) {
    // Deleting from FTS5 re-tokenizes every row; recreating the table from its own
    // definition is ten times faster and, in WAL mode, just as invisible to readers.
    std::string ddl = c.query_one("SELECT sql FROM sqlite_master WHERE name = 'search_fts'")->str(0);
    c.exec("DROP TABLE search_fts");
    c.exec(ddl);
  } else {
    c.query(std::string("DELETE FROM ") + table);
  }
  std::string where = agency_id ? "AND i.agency_id = ? " : "";
  int64_t total = c.query_int("SELECT COUNT(*) FROM items i WHERE i.status = 'published' " + where,
                              agency_id ? Params{*agency_id} : Params{});
  std::string sql = std::string("SELECT ") + kSourceCols + "WHERE i.status = 'published' AND i.id > ? " + where +
                    "ORDER BY i.id LIMIT ?";
  int64_t last = 0;
  std::vector<Source> rows;
  for (;;) {
    rows.clear();
    Params p{last};
    if (agency_id) p.push_back(*agency_id);
    p.push_back(batch);
    for (const auto& r : c.query(sql, p)) rows.push_back(source_of(r));
    if (rows.empty()) break;
    last = rows.back().id;
    write_batch(c, rows);
    if (agency_id && lite(c)) {  // a full reindex sets them all at the end
      std::vector<int64_t> ids;
      for (const auto& r : rows) ids.push_back(r.id);
      set_lengths(c, ids);
    }
    st.items += static_cast<int64_t>(rows.size());
    if (progress) progress(st.items, std::max(total, st.items));
    if (static_cast<int>(rows.size()) < batch) break;
  }
  // Merges FTS5's segments so that queries read one b-tree per term.
  if (lite(c) && st.items > 0) c.query("INSERT INTO search_fts (search_fts) VALUES ('optimize')");
  if (!agency_id) refresh_search_lengths(c);
  st.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return st;
}

void refresh_search_lengths(Conn& c) {
  if (!lite(c) || !has_lengths(c)) return;
  std::map<int64_t, LengthBlock> blocks;
  c.for_each("SELECT id, sz FROM search_fts_docsize", {}, [&](const Row& r) { note_length(blocks, r.i64(0), r.str(1)); });
  c.exec("DELETE FROM search_lengths");
  std::vector<Params> rows;
  rows.reserve(blocks.size());
  for (const auto& [block, b] : blocks) rows.push_back({block, Blob{encode_lengths(b)}});
  if (!rows.empty()) c.bulk_insert("search_lengths", {"block", "lengths"}, rows);
  new_generation(c);
}

int64_t count_indexed(Conn& c, std::optional<int64_t> agency_id) {
  if (lite(c)) {
    if (!agency_id) return c.query_int("SELECT COUNT(*) FROM search_fts");
    return c.query_int("SELECT COUNT(*) FROM search_fts f JOIN items i ON i.id = f.rowid WHERE i.agency_id = ?",
                       {*agency_id});
  }
  if (!agency_id) return c.query_int("SELECT COUNT(*) FROM search_docs WHERE chunk = 0");
  return c.query_int(
      "SELECT COUNT(*) FROM search_docs d JOIN items i ON i.id = d.item_id WHERE d.chunk = 0 AND i.agency_id = ?",
      {*agency_id});
}

std::vector<SnippetSource> snippet_sources(Conn& c, const std::vector<int64_t>& item_ids, int max_chars) {
  std::vector<SnippetSource> out;
  if (item_ids.empty()) return out;
  if (lite(c)) {
    // The index holds the texts as source_of() made them: reading them there saves
    // sanitising each hit's HTML again.
    Params p{max_chars};
    p.insert(p.end(), item_ids.begin(), item_ids.end());
    for (const auto& r : c.query("SELECT rowid, title, substr(body, 1, ?) FROM search_fts WHERE rowid IN " +
                                     placeholders(item_ids.size()), p)) {
      out.push_back({r.i64(0), r.str(1), r.str(2)});
    }
    return out;
  }
  std::string sql =
      "SELECT i.id, r.title, r.body_html FROM items i JOIN item_revisions r ON r.id = i.published_rev_id "
      "WHERE i.status = 'published' AND i.id IN " + placeholders(item_ids.size());
  Params p(item_ids.begin(), item_ids.end());
  for (const auto& r : c.query(sql, p)) {
    out.push_back({r.i64(0), r.str(1),
                   render::utf8_prefix(render::sanitized_body_text(r.str(2)), static_cast<size_t>(max_chars))});
  }
  return out;
}

std::optional<FilterTarget> find_category_any(Conn& c, int64_t category_id) {
  auto r = c.query_one("SELECT id, agency_id, name, scheme FROM categories WHERE id = ?", {category_id});
  if (!r) return std::nullopt;
  return FilterTarget{r->i64(0), r->i64(1), r->str(2), r->str(3)};
}

std::optional<FilterTarget> find_department_any(Conn& c, int64_t department_id) {
  auto r = c.query_one("SELECT id, agency_id, name FROM departments WHERE id = ?", {department_id});
  if (!r) return std::nullopt;
  return FilterTarget{r->i64(0), r->i64(1), r->str(2), ""};
}

void for_each_index_text(Conn& c, const std::function<void(const IndexText&)>& fn) {
  IndexText t;
  c.for_each("SELECT i.id, i.publish_date, r.title, r.body_html, r.doc_no, r.keywords FROM items i "
             "JOIN item_revisions r ON r.id = i.published_rev_id WHERE i.status = 'published' ORDER BY i.id",
             {}, [&](const Row& r) {
               t.item_id = r.i64(0);
               t.publish_date = r.str(1);
               t.title = r.str(2);
               t.body = render::sanitized_body_text(r.str(3));
               t.meta = meta_of(r.str(4), r.str(5));
               fn(t);
             });
}

}  // namespace gongkai::store
