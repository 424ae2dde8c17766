// The search service: parameters, errors for bad input, snippets, paging and the helpful
// empty result.
#include <gtest/gtest.h>

#include "app/errors.h"
#include "app/search.h"
#include "core/clock.h"
#include "store/directory_store.h"
#include "store/item_store.h"
#include "store/migrations.h"
#include "store/search_store.h"
#include "store/test_databases.h"

namespace gongkai::app {
namespace {

SearchRequest parse(const SearchParams& p, bool api = false) {
  SearchParseOptions o;
  o.allow_per_page = api;
  return parse_search_params(p, o);
}

std::string error_code(const SearchParams& p) {
  try {
    parse(p);
  } catch (const AppError& e) {
    EXPECT_FALSE(std::string(e.what()).empty());
    return e.code();
  }
  return "";
}

TEST(SearchParams, ReadsEveryParameter) {
  auto r = parse({{"q", "报告"}, {"agency", "cxswj"}, {"class", "3"}, {"topic", "4"}, {"dept", "5"}, {"year_from", "2010"},
                  {"year_to", "2013"}, {"validity", "废止"}, {"sort", "newest"}, {"page", "2"}});
  EXPECT_EQ(r.q, "报告");
  EXPECT_EQ(r.agency, "cxswj");
  EXPECT_EQ(r.class_id, 3);
  EXPECT_EQ(r.topic_id, 4);
  EXPECT_EQ(r.department_id, 5);
  EXPECT_EQ(r.year_from, 2010);
  EXPECT_EQ(r.year_to, 2013);
  EXPECT_EQ(r.validity, "废止");
  EXPECT_EQ(r.sort, store::SearchSort::kNewest);
  EXPECT_EQ(r.page, 2);
  EXPECT_EQ(r.per_page, kSearchPerPage);
  auto empty = parse({{"q", "x"}, {"class", ""}, {"sort", ""}, {"page", ""}});
  EXPECT_FALSE(empty.class_id);
  EXPECT_EQ(empty.sort, store::SearchSort::kRelevance);
  EXPECT_EQ(parse({{"per_page", "1000"}}, true).per_page, 1000);
}

TEST(SearchParams, BadParametersHaveCodes) {
  EXPECT_EQ(error_code({{"q", "a"}, {"color", "red"}}), "unknown_parameter");
  EXPECT_EQ(error_code({{"q", "a"}, {"\xff\xfe", "x"}}), "unknown_parameter");
  EXPECT_EQ(error_code({{"q", "a"}, {"q", "b"}}), "repeated_parameter");
  EXPECT_EQ(error_code({{"per_page", "10"}}), "unknown_parameter");  // only for the API
  EXPECT_EQ(error_code({{"class", "-1"}}), "bad_filter");
  EXPECT_EQ(error_code({{"dept", "abc"}}), "bad_filter");
  EXPECT_EQ(error_code({{"topic", "99999999999999999999"}}), "bad_filter");
  EXPECT_EQ(error_code({{"year_from", "13"}}), "bad_year");
  EXPECT_EQ(error_code({{"year_to", "3000"}}), "bad_year");
  EXPECT_EQ(error_code({{"year_from", "2014"}, {"year_to", "2013"}}), "bad_year");
  EXPECT_EQ(error_code({{"validity", "valid"}}), "bad_validity");
  EXPECT_EQ(error_code({{"sort", "title"}}), "bad_sort");
  EXPECT_EQ(error_code({{"page", "0"}}), "bad_page");
  EXPECT_EQ(error_code({{"page", "1001"}}), "bad_page");
  EXPECT_EQ(error_code({{"page", "1e3"}}), "bad_page");
  SearchParseOptions o;
  o.allow_per_page = true;
  o.max_per_page = 50;
  EXPECT_THROW(parse_search_params({{"per_page", "51"}}, o), AppError);
  o.ignored = {"callback"};
  EXPECT_NO_THROW(parse_search_params({{"callback", "x"}}, o));
}

class SearchServiceTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = store::open_test_database(GetParam(), 4);
    if (!db_) GTEST_SKIP() << "backend not available: " << GetParam();
    store::migrate(*db_);
    db_->with_tx([&](store::Conn& c) {
      std::string now = core::now_iso();
      store::AgencyRow a;
      a.slug = "sa";
      a.name = "示例商务局";
      a.org_code = "000000002";
      agency_ = store::insert_agency(c, a, now);
      store::CategoryRow cat;
      cat.agency_id = agency_;
      cat.scheme = "class";
      cat.name = "业务类";
      class_ = store::insert_category(c, cat);
      cat.scheme = "topic";
      cat.name = "商贸";
      topic_ = store::insert_category(c, cat);
      store::DepartmentRow d;
      d.agency_id = agency_;
      d.name = "办公室";
      dept_ = store::insert_department(c, d);
      for (int i = 1; i <= 45; ++i) {
        store::ItemData it;
        it.title = "第" + std::to_string(i) + "号通知";
        it.body_html = std::string("<p>") + (i % 2 ? "关于商贸" : "关于统计") + "工作的通知。全文较长，" +
                       std::string(300, 'x') + " 这里提到电商园区的建设。</p>";
        it.publish_date = std::to_string(2000 + i % 20) + "-03-01";
        it.class_id = class_;
        it.topic_id = topic_;
        it.department_id = dept_;
        it.validity = i == 7 ? "废止" : "有效";
        auto [item, rev] = store::insert_item(c, agency_, std::nullopt, it, now);
        store::set_revision_state(c, rev, "published", std::nullopt, std::nullopt, now);
        store::set_item_summary(c, item, it, false, now);
        store::set_item_published(c, item, rev, "S" + std::to_string(i));
        store::index_item(c, item);
      }
    });
  }

  std::string run_error(const SearchRequest& r) {
    try {
      run_search(*db_, r);
    } catch (const AppError& e) {
      return e.code();
    }
    return "";
  }

  SearchRequest req(const std::string& q) {
    SearchRequest r;
    r.q = q;
    return r;
  }

  std::unique_ptr<store::Database> db_;
  int64_t agency_ = 0, class_ = 0, topic_ = 0, dept_ = 0;
};

TEST_P(SearchServiceTest, PagesAndSnippets) {
  auto r = req("园区");
  r.sort = store::SearchSort::kNewest;
  auto res = run_search(*db_, r);
  EXPECT_EQ(res.total, 45);
  EXPECT_EQ(res.pages, 3);
  ASSERT_EQ(res.hits.size(), 20u);
  const auto& h = res.hits[0];
  EXPECT_EQ(h.row.agency_slug, "sa");
  EXPECT_EQ(h.row.agency_name, "示例商务局");
  std::string snippet = segments_debug(h.snippet);
  EXPECT_NE(snippet.find("电商[园区]的建设"), std::string::npos) << snippet;
  EXPECT_EQ(snippet.rfind("…", 0), 0u) << snippet;  // cut before the match
  EXPECT_EQ(segments_debug(h.title), h.row.title);  // nothing to mark in the title
  r.page = 3;
  EXPECT_EQ(run_search(*db_, r).hits.size(), 5u);
  r.page = 4;
  EXPECT_EQ(run_error(r), "page_out_of_range");
  auto titled = run_search(*db_, req("号通知"));
  EXPECT_EQ(titled.total, 45);
  EXPECT_NE(segments_debug(titled.hits[0].title).find("[号通知]"), std::string::npos);
}

TEST_P(SearchServiceTest, BadQueriesAreClearErrors) {
  EXPECT_EQ(run_error(req("")), "query_empty");
  EXPECT_EQ(run_error(req("   ")), "query_empty");
  EXPECT_EQ(run_error(req(std::string(201, 'a'))), "query_too_long");
  EXPECT_EQ(run_error(req("-草案")), "query_only_exclusions");
  EXPECT_EQ(run_error(req("😀😀")), "query_no_searchable_text");
  EXPECT_EQ(run_error(req("\u0301\u0301")), "query_no_searchable_text");
  EXPECT_EQ(run_error(req("报告\xff")), "query_bad_encoding");
  EXPECT_EQ(run_error(req("报告\xed\xa0\x80")), "query_bad_encoding");  // a surrogate
  EXPECT_EQ(run_error(req(std::string("报\0告", 7))), "query_bad_characters");
  EXPECT_EQ(run_error(req("报告\x1b[31m")), "query_bad_characters");
  // Right-to-left marks and combining marks with letters are searched, not refused.
  EXPECT_EQ(run_error(req("\u202e园区")), "");
  EXPECT_EQ(run_search(*db_, req("\u202e园区")).total, 45);
  EXPECT_EQ(run_error(req("e\u0301")), "");
  auto bad_agency = req("园区");
  bad_agency.agency = "nosuch";
  EXPECT_EQ(run_error(bad_agency), "unknown_agency");
  auto bad_class = req("园区");
  bad_class.class_id = topic_;  // a topic is not a class
  EXPECT_EQ(run_error(bad_class), "unknown_class");
  bad_class.class_id = 999999;
  EXPECT_EQ(run_error(bad_class), "unknown_class");
  auto bad_dept = req("园区");
  bad_dept.department_id = 999999;
  EXPECT_EQ(run_error(bad_dept), "unknown_department");
}

TEST_P(SearchServiceTest, EmptyResultSaysWhichFiltersToDrop) {
  auto r = req("商贸");
  r.agency = "sa";
  r.validity = "废止";    // item 7 is repealed and mentions 商贸
  r.year_from = 2011;     // item 7 was published in 2007; items 11 and 31 in 2011
  r.year_to = 2011;
  r.class_id = class_;
  auto res = run_search(*db_, r);
  EXPECT_EQ(res.total, 0);
  ASSERT_EQ(res.filters.size(), 4u);
  EXPECT_EQ(res.filters[0].label, "机关：示例商务局");
  EXPECT_EQ(res.filters[1].label, "信息分类：业务类");
  EXPECT_EQ(res.filters[2].label, "年份：2011");
  EXPECT_EQ(res.filters[3].label, "有效性：废止");
  ASSERT_EQ(res.relaxations.size(), 2u);
  EXPECT_EQ(res.relaxations[0].text(), "去掉「年份：2011」可找到 1 条");
  EXPECT_EQ(res.relaxations[0].drop[0].params, (std::vector<std::string>{"year_from", "year_to"}));
  EXPECT_EQ(res.relaxations[1].text(), "去掉「有效性：废止」可找到 2 条");
  // When no single filter is to blame, dropping all of them is offered.
  auto both = req("统计");  // even items only
  both.validity = "废止";    // only item 7 (odd)
  both.year_from = 2019;
  both.year_to = 2019;      // items 19 and 39 (odd)
  auto all = run_search(*db_, both);
  EXPECT_EQ(all.total, 0);
  ASSERT_EQ(all.relaxations.size(), 1u);
  EXPECT_EQ(all.relaxations[0].drop.size(), 2u);
  EXPECT_EQ(all.relaxations[0].text(), "去掉「年份：2019」「有效性：废止」可找到 22 条");
  // Nothing to drop without filters.
  EXPECT_TRUE(run_search(*db_, req("青瓷")).relaxations.empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, SearchServiceTest, ::testing::Values("sqlite", "postgres"));

}  // namespace
}  // namespace gongkai::app
