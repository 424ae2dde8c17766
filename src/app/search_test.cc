// The search table (tests/search_cases.txt) on both databases, and recall against the
// substring truth.
#include <gtest/gtest.h>
#include <unicode/uchar.h>

#include <fstream>
#include <map>
#include <random>
#include <set>
#include <sstream>

#include "app/search.h"
#include "core/clock.h"
#include "render/document_text.h"
#include "search/cjk.h"
#include "search/folding.h"
#include "store/directory_store.h"
#include "store/item_store.h"
#include "store/migrations.h"
#include "store/search_store.h"
#include "store/test_databases.h"

namespace gongkai::app {
namespace {

// ---- The file -------------------------------------------------------------------------

struct CatItem {
  std::string id, agency, date;
  std::map<std::string, std::string> keys;  // class topic dept validity status
  std::string title, doc_no, keywords, body;
};

struct CatCategory {
  std::string agency, scheme, top;
  std::vector<std::string> subs;
};

struct Case {
  int line = 0;
  std::string text, query;
  SearchParams params;  // as written (names for class, topic, dept)
  std::vector<std::string> expected;
  bool ordered = false;
};

struct CaseFile {
  std::vector<std::pair<std::string, std::string>> agencies;  // slug, name
  std::map<std::string, std::vector<std::string>> departments;
  std::vector<CatCategory> categories;
  std::vector<CatItem> items;
  std::vector<Case> cases;
};

std::vector<std::string> words(const std::string& s) {
  std::istringstream in(s);
  std::vector<std::string> out;
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

std::string trim(const std::string& s) {
  size_t a = s.find_first_not_of(" \t"), b = s.find_last_not_of(" \t");
  return a == std::string::npos ? "" : s.substr(a, b - a + 1);
}

CaseFile load_case_file() {
  std::ifstream f(std::string(GK_SOURCE_DIR) + "/tests/search_cases.txt");
  if (!f) throw std::runtime_error("cannot read tests/search_cases.txt");
  CaseFile cf;
  std::string line, section;
  int n = 0;
  while (std::getline(f, line)) {
    ++n;
    if (line.empty() || line[0] == '#') continue;
    if (line.rfind("== ", 0) == 0) {
      section = line;
      continue;
    }
    if (section == "== catalog ==") {
      if (line[0] == '@') {
        auto w = words(line);
        if (w[0] == "@agency") cf.agencies.push_back({w.at(1), w.at(2)});
        else if (w[0] == "@dept") cf.departments[w.at(1)].assign(w.begin() + 2, w.end());
        else {
          CatCategory c{w.at(1), w[0].substr(1), w.at(2), {}};
          if (!c.top.empty() && c.top.back() == ':') {
            c.top.pop_back();
            c.subs.assign(w.begin() + 3, w.end());
          }
          cf.categories.push_back(c);
        }
      } else if (line[0] != ' ') {
        auto w = words(line);
        CatItem it{w.at(0), w.at(1), w.at(2), {}, "", "", "", ""};
        for (size_t k = 3; k < w.size(); ++k) {
          auto eq = w[k].find('=');
          it.keys[w[k].substr(0, eq)] = w[k].substr(eq + 1);
        }
        cf.items.push_back(it);
      } else {
        std::string t = trim(line);
        auto colon = t.find(": ");
        std::string key = t.substr(0, colon), value = t.substr(colon + 2);
        auto& it = cf.items.back();
        if (key == "title") it.title = value;
        else if (key == "doc_no") it.doc_no = value;
        else if (key == "keywords") it.keywords = value;
        else if (key == "body") it.body = value;
        else throw std::runtime_error("unknown item field on line " + std::to_string(n));
      }
    } else if (section == "== cases ==") {
      Case c;
      c.line = n;
      c.text = line;
      size_t arrow = line.find("→");
      if (arrow == std::string::npos) {
        arrow = line.find("⇒");
        c.ordered = true;
      }
      if (arrow == std::string::npos) throw std::runtime_error("no arrow on line " + std::to_string(n));
      std::string left = line.substr(0, arrow), right = line.substr(arrow + 3);
      auto bar = left.find(" | ");
      c.query = trim(left.substr(0, bar));
      if (bar != std::string::npos) {
        for (const auto& kv : words(left.substr(bar + 3))) {
          auto eq = kv.find('=');
          c.params.push_back({kv.substr(0, eq), kv.substr(eq + 1)});
        }
      }
      for (const auto& id : words(right)) {
        if (id != "-") c.expected.push_back(id);
      }
      cf.cases.push_back(c);
    }
  }
  return cf;
}

// ---- The truth ------------------------------------------------------------------------

bool word_char(char32_t c) {
  return (U_GET_GC_MASK(c) & (U_GC_L_MASK | U_GC_N_MASK | U_GC_M_MASK)) != 0 && !search::is_cjk_char(c);
}

std::vector<char32_t> code_points(const std::string& folded) {
  std::vector<search::FoldedChar> chars;
  std::string again;
  search::fold_mapped(folded, &again, &chars);
  std::vector<char32_t> out;
  for (const auto& c : chars) out.push_back(c.cp);
  return out;
}

// Whether folded `text` contains folded `q` where the index can see it: letters and digits
// outside CJK match whole words only.
bool contains_folded(const std::string& text, const std::string& q) {
  auto t = code_points(search::fold(text)), n = code_points(search::fold(q));
  if (n.empty() || n.size() > t.size()) return false;
  for (size_t i = 0; i + n.size() <= t.size(); ++i) {
    if (!std::equal(n.begin(), n.end(), t.begin() + static_cast<std::ptrdiff_t>(i))) continue;
    if (word_char(n.front()) && i > 0 && word_char(t[i - 1])) continue;
    size_t e = i + n.size();
    if (word_char(n.back()) && e < t.size() && word_char(t[e])) continue;
    return true;
  }
  return false;
}

size_t cp_count(const std::string& s) {
  size_t n = 0;
  for (unsigned char ch : s) n += (ch & 0xC0) != 0x80;
  return n;
}

// A plain query: one term, no quotes, no exclusion, no spaces.
bool plain(const std::string& q) {
  if (q.empty() || q[0] == '-' || q.find_first_of(" \"") != std::string::npos) return false;
  return q.find("“") == std::string::npos && q.find("”") == std::string::npos && q.find("\u3000") == std::string::npos;
}

// ---- The fixture ----------------------------------------------------------------------

class SearchCases : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = store::open_test_database(GetParam(), 4);
    if (!db_) GTEST_SKIP() << "backend not available: " << GetParam();
    store::migrate(*db_);
    file_ = load_case_file();
    load_catalog();
  }

  void load_catalog() {
    db_->with_tx([&](store::Conn& c) {
      std::string now = core::now_iso();
      std::map<std::string, int64_t> agency;
      for (const auto& [slug, name] : file_.agencies) {
        store::AgencyRow a;
        a.slug = slug;
        a.name = name;
        a.org_code = "T" + slug;
        agency[slug] = store::insert_agency(c, a, now);
      }
      for (const auto& [slug, names] : file_.departments) {
        for (const auto& name : names) {
          store::DepartmentRow d;
          d.agency_id = agency.at(slug);
          d.name = name;
          ids_["dept:" + name] = store::insert_department(c, d);
        }
      }
      for (const auto& cat : file_.categories) {
        store::CategoryRow r;
        r.agency_id = agency.at(cat.agency);
        r.scheme = cat.scheme;
        r.name = cat.top;
        int64_t top = store::insert_category(c, r);
        ids_[cat.scheme + ":" + cat.top] = top;
        for (const auto& sub : cat.subs) {
          r.parent_id = top;
          r.name = sub;
          ids_[cat.scheme + ":" + sub] = store::insert_category(c, r);
        }
      }
      for (const auto& it : file_.items) {
        store::ItemData d;
        d.title = it.title;
        d.body_html = "<p>" + render::xml_escape(it.body) + "</p>";
        d.doc_no = it.doc_no;
        d.keywords = it.keywords;
        auto key = [&](const char* k) { return it.keys.count(k) ? it.keys.at(k) : std::string(); };
        d.class_id = ids_.at("class:" + key("class"));
        d.topic_id = ids_.at("topic:" + key("topic"));
        d.department_id = ids_.at("dept:" + key("dept"));
        d.creation_date = it.date;
        d.publish_date = it.date;
        if (!key("validity").empty()) d.validity = key("validity");
        std::string status = key("status").empty() ? "published" : key("status");
        auto [item_id, rev_id] = store::insert_item(c, agency.at(it.agency), std::nullopt, d, now);
        if (status != "draft") {
          store::set_revision_state(c, rev_id, "published", std::nullopt, std::nullopt, now);
          store::set_item_summary(c, item_id, d, false, now);
          store::set_item_published(c, item_id, rev_id, it.id);
          if (status == "withdrawn") store::set_item_status(c, item_id, "withdrawn", now);
        }
        store::index_item(c, item_id);
        if (status == "published") published_.push_back(it);
      }
    });
  }

  // The index numbers found for a query with the table's parameters (names → ids).
  std::vector<std::string> run(const std::string& query, const SearchParams& params, SearchResult* out = nullptr) {
    SearchParams p{{"q", query}, {"per_page", "1000"}};
    for (const auto& [k, v] : params) {
      if (k == "class" || k == "topic" || k == "dept") p.push_back({k, std::to_string(ids_.at(k + ":" + v))});
      else p.push_back({k, v});
    }
    SearchParseOptions opt;
    opt.allow_per_page = true;
    SearchResult r = run_search(*db_, parse_search_params(p, opt));
    std::vector<std::string> found;
    for (const auto& h : r.hits) found.push_back(h.row.index_no);
    EXPECT_EQ(r.total, static_cast<int64_t>(found.size())) << query;
    if (out) *out = std::move(r);
    return found;
  }

  void check_table() {
    for (const auto& c : file_.cases) {
      auto found = run(c.query, c.params);
      if (c.ordered) {
        EXPECT_EQ(found, c.expected) << "line " << c.line << ": " << c.text;
      } else {
        std::set<std::string> got(found.begin(), found.end()), want(c.expected.begin(), c.expected.end());
        EXPECT_EQ(got, want) << "line " << c.line << ": " << c.text;
      }
    }
  }

  // Every published item whose title or body contains q (folded, whole words) is found.
  void check_recall(const std::string& q, int line) {
    std::set<std::string> truth;
    for (const auto& it : published_) {
      if (contains_folded(it.title, q) || contains_folded(it.body, q)) truth.insert(it.id);
    }
    auto found = run(q, {});
    std::set<std::string> got(found.begin(), found.end());
    for (const auto& id : truth) EXPECT_TRUE(got.count(id)) << "recall: [" << q << "] misses " << id << " (line " << line << ")";
  }

  std::unique_ptr<store::Database> db_;
  CaseFile file_;
  std::map<std::string, int64_t> ids_;  // "class:名称", "topic:…", "dept:…"
  std::vector<CatItem> published_;
};

TEST_P(SearchCases, FileIsReadable) {
  EXPECT_GE(file_.items.size(), 38u);
  EXPECT_GE(file_.cases.size(), 80u);
  for (const auto& c : file_.cases) {
    for (const auto& id : c.expected) {
      bool known = false;
      for (const auto& it : published_) known = known || it.id == id;
      EXPECT_TRUE(known) << "line " << c.line << ": " << id << " is not a published item";
    }
  }
}

TEST_P(SearchCases, TableHolds) { check_table(); }

TEST_P(SearchCases, TableHoldsAfterReindex) {
  db_->with_tx([&](store::Conn& c) {
    int64_t calls = 0;
    auto st = store::reindex_search(c, std::nullopt, [&](int64_t, int64_t) { ++calls; }, 7);
    EXPECT_EQ(st.items, static_cast<int64_t>(published_.size()));
    EXPECT_EQ(st.removed, static_cast<int64_t>(published_.size()));
    EXPECT_GE(calls, static_cast<int64_t>(published_.size() / 7));
  });
  check_table();
}

TEST_P(SearchCases, RecallOfTheTablesShortQueries) {
  int checked = 0;
  for (const auto& c : file_.cases) {
    if (!plain(c.query) || cp_count(c.query) > 10) continue;
    check_recall(c.query, c.line);
    ++checked;
  }
  EXPECT_GE(checked, 50);
}

// Beyond the table: every substring of 1 to 6 characters of the first titles.
TEST_P(SearchCases, RecallOfTitleSubstrings) {
  std::set<std::string> queries;
  for (size_t k = 0; k < published_.size() && k < 12; ++k) {
    std::string f = search::fold(published_[k].title);
    std::vector<size_t> starts;
    for (size_t i = 0; i < f.size(); ++i) {
      if ((static_cast<unsigned char>(f[i]) & 0xC0) != 0x80) starts.push_back(i);
    }
    starts.push_back(f.size());
    for (size_t a = 0; a + 1 < starts.size(); ++a) {
      for (size_t b = a + 1; b < starts.size() && b - a <= 6; ++b) {
        std::string sub = f.substr(starts[a], starts[b] - starts[a]);
        if (!plain(sub) || !search::parse_query(sub).ok()) continue;
        queries.insert(sub);
      }
    }
  }
  ASSERT_GT(queries.size(), 300u);
  for (const auto& q : queries) check_recall(q, 0);
}

TEST_P(SearchCases, ReindexOfOneAgencyKeepsTheOthers) {
  db_->with_tx([&](store::Conn& c) {
    auto tb = store::find_agency_by_slug(c, "tb");
    int64_t all = store::count_indexed(c, std::nullopt), in_tb = store::count_indexed(c, tb->id);
    EXPECT_GT(in_tb, 0);
    auto st = store::reindex_search(c, tb->id);
    EXPECT_EQ(st.items, in_tb);
    EXPECT_EQ(st.removed, in_tb);
    EXPECT_EQ(store::count_indexed(c, std::nullopt), all);
  });
  check_table();
}

INSTANTIATE_TEST_SUITE_P(Backends, SearchCases, ::testing::Values("sqlite", "postgres"));

// Both databases find the same items for random queries: pieces of the catalog's texts as
// words, quoted phrases with a space put in, and exclusions.
class SearchBackendsAgree : public SearchCases {};

TEST_P(SearchBackendsAgree, OnRandomQueries) {
  auto pg = store::open_test_database("postgres", 2);
  if (!pg) GTEST_SKIP() << "PostgreSQL not available";
  store::migrate(*pg);
  std::swap(db_, pg);
  published_.clear();
  ids_.clear();
  load_catalog();
  std::swap(db_, pg);  // db_: SQLite (the parameter), pg: the same catalog on PostgreSQL
  std::mt19937 rng(20240601);
  auto pick = [&](size_t n) { return static_cast<size_t>(rng() % n); };
  auto piece = [&]() {
    const auto& it = published_[pick(published_.size())];
    std::string f = search::fold(pick(2) ? it.title : it.body);
    std::vector<size_t> starts;
    for (size_t i = 0; i < f.size(); ++i) {
      if ((static_cast<unsigned char>(f[i]) & 0xC0) != 0x80) starts.push_back(i);
    }
    starts.push_back(f.size());
    size_t a = pick(starts.size() - 1), len = 1 + pick(6);
    size_t b = std::min(starts.size() - 1, a + len);
    return f.substr(starts[a], starts[b] - starts[a]);
  };
  int compared = 0;
  for (int n = 0; n < 400; ++n) {
    std::string q;
    int terms = 1 + static_cast<int>(pick(3));
    for (int t = 0; t < terms; ++t) {
      std::string w = piece();
      if (w.find_first_of("\"-") != std::string::npos || w.find("“") != std::string::npos ||
          w.find("”") != std::string::npos) {
        continue;
      }
      if (pick(3) == 0) {
        size_t cut = w.size() / 2;
        while (cut > 0 && (static_cast<unsigned char>(w[cut]) & 0xC0) == 0x80) --cut;
        w = "\"" + w.substr(0, cut) + " " + w.substr(cut) + "\"";
      }
      if (t > 0 && pick(4) == 0) w = "-" + w;
      q += (q.empty() ? "" : " ") + w;
    }
    if (!search::parse_query(q).ok()) continue;
    auto lite = run(q, {});
    std::swap(db_, pg);
    auto post = run(q, {});
    std::swap(db_, pg);
    std::set<std::string> a(lite.begin(), lite.end()), b(post.begin(), post.end());
    EXPECT_EQ(a, b) << "query [" << q << "]";
    ++compared;
  }
  EXPECT_GT(compared, 300);
}

INSTANTIATE_TEST_SUITE_P(Sqlite, SearchBackendsAgree, ::testing::Values("sqlite"));

}  // namespace
}  // namespace gongkai::app
