// gongkai search: runs searches from the command line through the same service as the
// portal and /api/v1/search (app/search.h); also prints every matching item id (for
// recall checks, bench/search.sh) and times a list of queries in-process.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>

#include "app/errors.h"
#include "app/search.h"
#include "cli/args.h"
#include "cli/commands.h"
#include "search/query.h"
#include "store/migrations.h"
#include "store/search_store.h"

namespace gongkai::cli {
namespace {

std::vector<std::string> read_lines(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("无法读取文件 " + path);
  std::vector<std::string> out;
  for (std::string line; std::getline(in, line);) {
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    if (!line.empty()) out.push_back(line);
  }
  return out;
}

// "query<TAB>id id id…": every item the query matches, in id order.
void print_ids(store::Database& db, const std::string& q, std::ostream& out) {
  auto parsed = search::parse_query(q);
  out << q << "\t";
  if (parsed.ok()) {
    auto conn = db.acquire();
    store::SearchQuery sq;
    sq.query = parsed;
    sq.sort = store::SearchSort::kOldest;
    sq.limit = 100000000;
    auto page = store::search_items(*conn, sq);
    std::vector<int64_t> ids;
    for (const auto& r : page.rows) ids.push_back(r.item_id);
    std::sort(ids.begin(), ids.end());
    for (size_t k = 0; k < ids.size(); ++k) out << (k ? " " : "") << ids[k];
  }
  out << "\n";
}

}  // namespace

int cmd_search(const Argv& argv, std::ostream& out, std::ostream& err) {
  Args a(argv, {"--db", "--data-dir", "--agency", "--sort", "--per-page", "--queries", "--passes"},
         {"--help", "--ids", "--texts"});
  const char* help =
      "usage: gongkai search [--agency SLUG] [--sort relevance|newest|oldest] [--per-page N]\n"
      "                      [--ids] [--db TARGET] (QUERY | --queries FILE [--passes N])\n"
      "       gongkai search --texts [--db TARGET]\n\n"
      "Searches the published items as the portal and /api/v1/search do and prints the total\n"
      "and the first page (index number, publication date, title). With --queries, runs each\n"
      "line of FILE instead and prints one line per query: the query, milliseconds, total;\n"
      "--passes N runs the whole list N times over in this one process (the first pass finds\n"
      "the caches cold, later ones as a running server would), one line per query each time.\n"
      "With --ids, prints for each query the ids of ALL matching items (query, a tab, the ids\n"
      "in ascending order), for checking recall.\n"
      "With --texts, prints what a search can match instead: one line per published item with\n"
      "its id, publication date, title, body text, and 文号 and 主题词, separated by tabs\n"
      "(tabs and line breaks inside them as spaces), in id order.\n\n"
      "  --agency SLUG     only this agency's items (default: all)\n"
      "  --sort S          relevance (default), newest or oldest\n"
      "  --per-page N      results on the first page (default 20, at most 1000)\n"
      "  --db TARGET       SQLite file or postgresql:// URL (default $DATA_DIR/gongkai.db)\n"
      "  --data-dir DIR    data directory (default $DATA_DIR or ./data)\n";
  if (a.has("--help")) {
    out << help;
    return 0;
  }
  bool from_file = a.has("--queries");
  if (a.ok() && a.has("--texts")) {
    if (!a.positional().empty() || from_file) {
      err << "gongkai search: --texts takes no query\n" << help;
      return 2;
    }
    auto db = store::Database::open(database_target(a), 1);
    store::migrate(*db);
    auto conn = db->acquire();
    auto field = [&](const std::string& v) {
      for (char ch : v) out << (ch == '\t' || ch == '\n' || ch == '\r' ? ' ' : ch);
    };
    store::for_each_index_text(*conn, [&](const store::IndexText& t) {
      out << t.item_id << '\t' << t.publish_date << '\t';
      field(t.title);
      out << '\t';
      field(t.body);
      out << '\t';
      field(t.meta);
      out << '\n';
    });
    return 0;
  }
  if (!a.ok() || a.positional().size() != (from_file ? 0u : 1u)) {
    err << (a.ok() ? "" : "gongkai search: " + a.error() + "\n") << help;
    return 2;
  }
  int passes = 1;
  if (a.has("--passes")) {
    const std::string v = a.get("--passes");
    bool digits = !v.empty() && v.size() <= 3 && std::all_of(v.begin(), v.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
    passes = digits ? std::stoi(v) : 0;
    if (!from_file || passes < 1 || passes > 100) {
      err << "gongkai search: --passes needs --queries and a number from 1 to 100\n" << help;
      return 2;
    }
  }
  app::SearchParams params;
  if (a.has("--agency")) params.emplace_back("agency", a.get("--agency"));
  if (a.has("--sort")) params.emplace_back("sort", a.get("--sort"));
  if (a.has("--per-page")) params.emplace_back("per_page", a.get("--per-page"));
  try {
    app::SearchParseOptions opt;
    opt.allow_per_page = true;
    app::SearchRequest req = app::parse_search_params(params, opt);
    auto list = from_file ? read_lines(a.get("--queries")) : std::vector<std::string>{a.positional()[0]};
    std::vector<std::string> queries;
    for (int i = 0; i < passes; ++i) queries.insert(queries.end(), list.begin(), list.end());
    auto db = store::Database::open(database_target(a), 1);
    store::migrate(*db);
    for (const auto& q : queries) {
      if (a.has("--ids")) {
        print_ids(*db, q, out);
        continue;
      }
      req.q = q;
      auto started = std::chrono::steady_clock::now();
      app::SearchResult res = app::run_search(*db, req);
      double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
      if (from_file) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "\t%.3f\t", ms);
        out << q << buf << res.total << "\n";
        continue;
      }
      out << "共 " << res.total << " 条（" << static_cast<int64_t>(ms) << " 毫秒）\n";
      for (const auto& h : res.hits) {
        out << h.row.index_no << "  " << h.row.publish_date << "  " << h.row.title << "\n";
      }
    }
  } catch (const app::AppError& e) {
    err << "gongkai search: " << e.what() << "\n";
    return 1;
  } catch (const store::DbError& e) {
    err << "gongkai search: 数据库错误：" << e.what() << "\n";
    return 1;
  } catch (const std::runtime_error& e) {
    err << "gongkai search: " << e.what() << "\n";
    return 1;
  }
  return 0;
}

}  // namespace gongkai::cli
