#pragma once
// The search service behind the public search page and the JSON API: reads and checks the
// parameters, runs the query on the index (store/search_store.h), highlights titles and
// snippets (app/search_snippet.h), and when filters leave nothing, says which filters to drop.
//
// Contract.
//  * Parameters (GET /search and GET /api/v1/search): q, agency (slug; absent = every
//    agency), class, topic, dept (ids; a class or topic includes its sub-categories),
//    year_from, year_to (publication years, inclusive), validity (有效|失效|废止), sort
//    (relevance|newest|oldest), page (1-based), per_page (only when the caller allows it).
//    Empty values count as absent.
//  * Every bad input is an AppError of kind kInvalid (or kNotFound for an unknown agency)
//    with a stable code and a Chinese message; nothing else is thrown for bad input:
//      unknown_parameter, repeated_parameter, bad_filter, bad_year, bad_validity, bad_sort,
//      bad_page, bad_per_page, page_out_of_range, unknown_agency, unknown_class,
//      unknown_topic, unknown_department, query_bad_encoding (not UTF-8),
//      query_bad_characters (control characters, NUL), and the parser's codes
//      (search/query.h: query_empty, query_too_long, …).
//  * Results: total, the page of hits (newest first or by relevance as asked), each with
//    its title and a snippet of its body as highlighted segments.
//  * When filters are active and nothing matched, `relaxations` lists, for each filter
//    whose removal (keeping the others) finds something, how many items that finds; when
//    no single removal helps but dropping all filters would, one entry for all of them.

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "app/search_snippet.h"
#include "search/query.h"
#include "store/db.h"
#include "store/directory_store.h"
#include "store/search_store.h"

namespace gongkai::app {

inline constexpr int kSearchPerPage = 20;
inline constexpr int kMaxSearchPage = 1000;    // deeper pages are refused (bad_page)
inline constexpr int kMaxSearchPerPage = 1000;
inline constexpr int kSnippetSourceChars = 20000;  // body characters searched for a snippet

// Query string parameters in the order given (names may repeat; repeats are refused).
using SearchParams = std::vector<std::pair<std::string, std::string>>;

struct SearchRequest {
  std::string q;
  std::string agency;  // slug; "" = all agencies
  std::optional<int64_t> class_id, topic_id, department_id;
  std::optional<int> year_from, year_to;
  std::string validity;  // "" = any
  store::SearchSort sort = store::SearchSort::kRelevance;
  int page = 1;
  int per_page = kSearchPerPage;
};

struct SearchParseOptions {
  bool allow_per_page = false;   // accept per_page (the API)
  int max_per_page = kMaxSearchPerPage;
  std::set<std::string> ignored;  // further names the caller handles itself
};

// Reads the parameters; throws AppError as listed above (not the query's own errors, which
// run_search reports after parsing q).
SearchRequest parse_search_params(const SearchParams& params, const SearchParseOptions& opt = {});

// The sort's parameter value: relevance | newest | oldest.
const char* sort_name(store::SearchSort s);

// One active filter as shown to people, with the parameters that express it.
struct ActiveFilter {
  std::string label;                // 年份：2013, 机关：慈溪市商务局, 信息分类：业务类, …
  std::vector<std::string> params;  // agency | class | topic | dept | year_from, year_to | validity
};

// A way out of an empty result: drop these filters to find `total` items.
struct Relaxation {
  std::vector<ActiveFilter> drop;
  int64_t total = 0;
  // 去掉「年份：2013」可找到 12 条 (several filters: 去掉「…」「…」可找到 …).
  std::string text() const;
};

struct SearchHit {
  store::SearchHitRow row;
  Segments title;    // the whole title, matches marked
  Segments snippet;  // part of the body around the first match
};

struct SearchResult {
  SearchRequest request;
  search::Query query;
  std::optional<store::AgencyRow> agency;
  std::vector<ActiveFilter> filters;
  int64_t total = 0;
  int pages = 0;  // ceil(total / per_page)
  std::vector<SearchHit> hits;
  std::vector<Relaxation> relaxations;
  double millis = 0;  // time spent in the database and highlighting
};

// Checks q and the filters against the database and runs the search (see the contract).
SearchResult run_search(store::Database& db, const SearchRequest& r);

}  // namespace gongkai::app
