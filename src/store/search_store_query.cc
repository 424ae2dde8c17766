// search_items(): the SQL of a search on each backend (contract in store/search_store.h).
#include <stdexcept>
#include <optional>
#include <unordered_map>

#include <algorithm>

#include "search/cjk.h"
#include "store/fts5_rank.h"
#include "store/search_store.h"

namespace gongkai::store {
namespace {

// Columns 0-6 of a hit: i.id, i.index_no, i.title, a.slug, a.name, i.publish_date, i.validity.
SearchHitRow hit_from(const Row& r) {
  SearchHitRow h;
  h.item_id = r.i64(0);
  h.index_no = r.str(1);
  h.title = r.str(2);
  h.agency_slug = r.str(3);
  h.agency_name = r.str(4);
  h.publish_date = r.str(5);
  h.validity = r.str(6);
  return h;
}

// Appends the filters on items i (and their parameters).
void add_filters(const SearchFilter& f, std::string* where, Params* p) {
  *where += "i.status = 'published'";
  if (f.agency_id) {
    *where += " AND i.agency_id = ?";
    p->push_back(*f.agency_id);
  }
  // Categories are two levels deep: a top class includes its sub-classes (as the catalog).
  if (f.class_id) {
    *where += " AND i.class_id IN (SELECT id FROM categories WHERE id = ? OR parent_id = ?)";
    p->push_back(*f.class_id);
    p->push_back(*f.class_id);
  }
  if (f.topic_id) {
    *where += " AND i.topic_id IN (SELECT id FROM categories WHERE id = ? OR parent_id = ?)";
    p->push_back(*f.topic_id);
    p->push_back(*f.topic_id);
  }
  if (f.department_id) {
    *where += " AND i.department_id = ?";
    p->push_back(*f.department_id);
  }
  if (f.year_from) {
    *where += " AND i.pub_year >= ?";
    p->push_back(*f.year_from);
  }
  if (f.year_to) {
    *where += " AND i.pub_year <= ?";
    p->push_back(*f.year_to);
  }
  if (f.validity) {
    *where += " AND i.validity = ?";
    p->push_back(*f.validity);
  }
}

std::string order_by(SearchSort s) {
  switch (s) {
    case SearchSort::kNewest: return " ORDER BY i.publish_date DESC, i.id DESC";
    case SearchSort::kOldest: return " ORDER BY i.publish_date, i.id";
    default: return " ORDER BY h.score DESC, i.publish_date DESC, i.id DESC";
  }
}

// A lexeme for to_tsquery: single-quoted, ' doubled and \ escaped (as search/query.cc).
std::string lexeme(std::string_view t) {
  std::string out = "'";
  for (char ch : t) {
    if (ch == '\'') out += "''";
    else if (ch == '\\') out += "\\\\";
    else out += ch;
  }
  return out + "'";
}

bool single_cjk(std::string_view t) {
  size_t len = 0;
  char32_t c = search::first_code_point(t, &len);
  return len == t.size() && search::is_cjk_char(c);
}

// One term as a tsquery phrase (never negated). As search::to_pg_tsquery, with one
// difference that makes PostgreSQL agree with FTS5: where the term has a break between two
// CJK runs ("信息 公开", 信息·公开), FTS5 also matches text in which the run goes on
// (信息公开), because each single character is colocated with the bigram it starts. In
// pg_document_text() that text has the bigram across the break one position after the
// single, so the rest of the phrase comes one position later. The part after a break is
// therefore a group of both layouts (PostgreSQL measures <N> to the start of a group and
// continues from its end):
//   …c <1> (T | ('cX' <-> T))            T the single X right after the break, or
//   …c <1> (('X' <-> T) | ('cX' <2> T))  T the bigram XY starting the next run.
std::string pg_term(const search::QueryTerm& term) {
  const auto& toks = term.tokens;
  std::string out = lexeme(toks.at(0).text);
  for (size_t i = 1; i < toks.size(); ++i) {
    const auto& prev = toks[i - 1];
    const auto& t = toks[i];
    uint32_t d = t.seq - prev.seq;
    size_t len = 0;
    char32_t first = search::first_code_point(t.text, &len);
    if (single_cjk(prev.text) && search::is_cjk_char(first) && (d == 1 || d == 2)) {
      std::string x = t.text.substr(0, len), bigram = prev.text + x;
      if (d == 1) out += " <1> (" + lexeme(t.text) + " | (" + lexeme(bigram) + " <-> " + lexeme(t.text) + "))";
      else out += " <1> ((" + lexeme(x) + " <-> " + lexeme(t.text) + ") | (" + lexeme(bigram) + " <2> " + lexeme(t.text) + "))";
    } else {
      out += " <" + std::to_string(d) + "> " + lexeme(t.text);
    }
  }
  return toks.size() > 1 ? "(" + out + ")" : out;
}

// The whole query: positive terms ANDed, excluded ones negated.
std::string pg_query(const search::Query& q) {
  std::string out;
  for (const auto& t : q.terms) {
    if (!out.empty()) out += " & ";
    out += t.exclude ? "!" + pg_term(t) : pg_term(t);
  }
  return out;
}

constexpr const char* kPgRank = "ts_rank('{0.1, 0.6, 0.4, 1.0}'::float4[], %s, to_tsquery('simple', ?), 1)";

std::string pg_rank(const char* tsv) {
  std::string s = kPgRank;
  s.replace(s.find("%s"), 2, tsv);
  return s;
}

// PostgreSQL: the matching items with their score, as a subquery h(item_id, score).
// Items of one chunk are matched by the whole query at once; items of several chunks need
// each positive term in some chunk and each excluded term in none (search_pg_doc.h).
std::string pg_hits(const search::Query& q, bool ranked, Params* p) {
  std::vector<const search::QueryTerm*> pos, neg;
  for (const auto& t : q.terms) (t.exclude ? neg : pos).push_back(&t);
  if (pos.empty()) throw std::invalid_argument("search query without a positive term");
  std::string t1 = pg_term(*pos[0]);
  // The score, unless sorting by date: ts_rank reads every matching tsvector.
  auto rank = [&](const char* tsv, const std::string& query) -> std::string {
    if (!ranked) return "0";
    p->push_back(query);
    return pg_rank(tsv);
  };
  if (pos.size() == 1 && neg.empty()) {
    // One term: a chunk matching it is an item matching it.
    std::string sql = "SELECT item_id, max(" + rank("tsv", t1) +
                      ") AS score FROM search_docs WHERE tsv @@ to_tsquery('simple', ?) GROUP BY item_id";
    p->push_back(t1);
    return sql;
  }
  std::string full = pg_query(q);
  std::string sql = "SELECT item_id, " + rank("tsv", full) +
                    " AS score FROM search_docs WHERE tsv @@ to_tsquery('simple', ?) AND NOT multi";
  p->push_back(full);
  sql += " UNION ALL SELECT x.item_id, max(" + rank("x.tsv", t1) +
         ") FROM search_docs x WHERE x.multi AND x.tsv @@ to_tsquery('simple', ?)";
  p->push_back(t1);
  auto exists = [&](const search::QueryTerm* t, bool negate) {
    sql += negate ? " AND NOT EXISTS" : " AND EXISTS";
    sql += " (SELECT 1 FROM search_docs y WHERE y.item_id = x.item_id AND y.tsv @@ to_tsquery('simple', ?))";
    p->push_back(pg_term(*t));
  };
  for (size_t k = 1; k < pos.size(); ++k) exists(pos[k], false);
  for (const auto* t : neg) exists(t, true);
  sql += " GROUP BY x.item_id";
  return sql;
}

bool has_filter(const SearchFilter& f) {
  return f.agency_id || f.class_id || f.topic_id || f.department_id || f.year_from || f.year_to || f.validity;
}

// SQLite, ranked: the best rows by bm25 from FTS5 alone (store/fts5_rank.h), then the
// items of those rows only. Without filters the total comes from the same pass. With
// filters the best k rows are taken for k = 8 and then 128 times the rows wanted, and the
// filters applied to them: once enough pass, they are the page, since every row left out
// scores below all of them (the ties at the k-th place are all in); the total is then
// counted with the filters. Returns nothing when too few pass even then (the caller uses
// the SQL plan).
std::optional<SearchPage> sqlite_top(Conn& c, const SearchQuery& sq) {
  const size_t want = static_cast<size_t>(sq.offset + sq.limit);
  const bool filtered = has_filter(sq.filter);
  const std::string match = search::to_fts5_match(sq.query);
  const std::vector<std::string> phrases = search::fts5_phrases(sq.query);
  const bool and_only =
      std::none_of(sq.query.terms.begin(), sq.query.terms.end(), [](const auto& t) { return t.exclude; });
  std::string where;
  Params where_p;
  add_filters(sq.filter, &where, &where_p);
  for (size_t k = filtered ? want * 8 : want;; k *= 16) {
    auto top = run_fts5_topk(c, match, phrases, {10.0, 1.0, 5.0}, k, and_only);
    const bool all_scored = static_cast<int64_t>(top.hits.size()) >= top.matched;
    std::vector<SearchHitRow> rows;
    rows.reserve(top.hits.size());
    for (size_t at = 0; at < top.hits.size(); at += 500) {
      size_t end = std::min(top.hits.size(), at + 500);
      std::string sql =
          // NOT INDEXED: the ids are few, but the planner would rather scan an index of the
          // filter's columns (all of an agency's items) than look them up by rowid.
          "SELECT i.id, i.index_no, i.title, a.slug, a.name, i.publish_date, i.validity FROM items i NOT INDEXED "
          "JOIN agencies a ON a.id = i.agency_id WHERE " + where + " AND i.id IN " + placeholders(end - at);
      Params p = where_p;
      std::unordered_map<int64_t, double> score;
      for (size_t j = at; j < end; ++j) {
        p.push_back(top.hits[j].rowid);
        score[top.hits[j].rowid] = top.hits[j].score;
      }
      for (const auto& r : c.query(sql, p)) {
        SearchHitRow h = hit_from(r);
        h.rank = score[h.item_id];
        rows.push_back(std::move(h));
      }
    }
    if (filtered && rows.size() < want && !all_scored) {
      if (k >= want * 128) return std::nullopt;
      continue;
    }
    SearchPage page;
    if (!filtered) {
      page.total = top.matched;
    } else if (all_scored) {
      page.total = static_cast<int64_t>(rows.size());
    } else {
      Params p{match};
      p.insert(p.end(), where_p.begin(), where_p.end());
      page.total = c.query_int(
          // CROSS JOIN: the matches drive (one pass of FTS5), not one MATCH per item of the agency.
          "SELECT COUNT(*) FROM (SELECT rowid AS item_id FROM search_fts WHERE search_fts MATCH ?) h "
          "CROSS JOIN items i NOT INDEXED ON i.id = h.item_id JOIN agencies a ON a.id = i.agency_id WHERE " + where, p);
    }
    // The order of order_by(kRelevance): score, then the newer date, then the higher id.
    std::sort(rows.begin(), rows.end(), [](const SearchHitRow& a, const SearchHitRow& b) {
      if (a.rank != b.rank) return a.rank > b.rank;
      if (a.publish_date != b.publish_date) return a.publish_date > b.publish_date;
      return a.item_id > b.item_id;
    });
    for (size_t j = static_cast<size_t>(sq.offset); j < rows.size() && page.rows.size() < static_cast<size_t>(sq.limit); ++j) {
      page.rows.push_back(std::move(rows[j]));
    }
    return page;
  }
}

}  // namespace

SearchPage search_items(Conn& c, const SearchQuery& sq) {
  if (!sq.query.ok() || sq.query.terms.empty()) throw std::invalid_argument("search query not ok");
  if (c.backend() == Backend::kSqlite && sq.sort == SearchSort::kRelevance && sq.limit > 0) {
    if (auto page = sqlite_top(c, sq)) return std::move(*page);
  }
  Params p;
  std::string hits;
  // Counting and sorting by date need no score.
  const bool ranked = sq.sort == SearchSort::kRelevance && sq.limit > 0;
  if (c.backend() == Backend::kSqlite) {
    hits = std::string("SELECT rowid AS item_id, ") + (ranked ? "-bm25(search_fts, 10.0, 1.0, 5.0)" : "0") +
           " AS score FROM search_fts WHERE search_fts MATCH ?";
    p.push_back(search::to_fts5_match(sq.query));
  } else {
    hits = pg_hits(sq.query, ranked, &p);
  }
  std::string where = " WHERE ";
  add_filters(sq.filter, &where, &p);
  std::string from = " FROM (" + hits + ") h JOIN items i ON i.id = h.item_id JOIN agencies a ON a.id = i.agency_id";
  SearchPage page;
  if (sq.limit <= 0) {
    page.total = c.query_int("SELECT COUNT(*)" + from + where, p);
    return page;
  }
  Params rows_p = p;
  rows_p.push_back(sq.limit);
  rows_p.push_back(sq.offset);
  std::string sql =
      "SELECT i.id, i.index_no, i.title, a.slug, a.name, i.publish_date, i.validity, h.score, COUNT(*) OVER ()" + from +
      where + order_by(sq.sort) + " LIMIT ? OFFSET ?";
  for (const auto& r : c.query(sql, rows_p)) {
    SearchHitRow h = hit_from(r);
    h.rank = r.real(7);
    page.total = r.i64(8);
    page.rows.push_back(std::move(h));
  }
  if (page.rows.empty() && sq.offset > 0) page.total = c.query_int("SELECT COUNT(*)" + from + where, p);
  return page;
}

}  // namespace gongkai::store
