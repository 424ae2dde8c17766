// The open API over the demo agency: shapes, paging links, CORS and JSON errors with codes.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>

#include "app/demo.h"
#include "store/migrations.h"
#include "store/test_databases.h"
#include "web/server.h"
#include "web/test_server.h"

namespace gongkai::web {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

class ApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    db_ = store::open_test_database("sqlite", 8).release();
    store::migrate(*db_);
    app::load_demo(*db_, "Demo-pass123");
  }
  static void TearDownTestSuite() { delete db_; }
  void SetUp() override { server_ = std::make_unique<TestServer>(*db_); }

  Object::Ptr json(const std::string& path, int expect_status = 200) {
    auto r = server_->get(path);
    EXPECT_EQ(r.status, expect_status) << path << ": " << r.body.substr(0, 300);
    EXPECT_EQ(r.headers["content-type"], "application/json; charset=utf-8") << path;
    EXPECT_EQ(r.headers["access-control-allow-origin"], "*") << path;
    return Poco::JSON::Parser().parse(r.body).extract<Object::Ptr>();
  }
  void expect_error(const std::string& path, int status, const std::string& code) {
    auto o = json(path, status);
    ASSERT_TRUE(o->has("error")) << path;
    EXPECT_EQ(o->getObject("error")->getValue<std::string>("code"), code) << path;
    EXPECT_FALSE(o->getObject("error")->getValue<std::string>("message").empty());
  }

  static store::Database* db_;
  std::unique_ptr<TestServer> server_;
};
store::Database* ApiTest::db_ = nullptr;

TEST_F(ApiTest, AgenciesAndClasses) {
  auto a = json("/api/v1/agencies");
  auto first = a->getArray("items")->getObject(0);
  EXPECT_EQ(first->getValue<std::string>("slug"), "cxswj");
  EXPECT_EQ(first->getValue<int>("published"), 517);
  auto classes = json("/api/v1/agencies/cxswj/classes");
  std::map<std::string, int> by_name;
  auto arr = classes->getArray("classes");
  for (size_t i = 0; i < arr->size(); ++i) {
    by_name[arr->getObject(i)->getValue<std::string>("name")] = arr->getObject(i)->getValue<int>("published");
  }
  EXPECT_EQ(by_name["政策法规类"], 76);
  EXPECT_EQ(by_name["业务类"], 253);
  EXPECT_EQ(by_name["便民服务类"], 174);
  EXPECT_EQ(by_name["计划总结类"], 14);
  expect_error("/api/v1/agencies/cxswj/classes?scheme=x", 400, "bad_scheme");
  expect_error("/api/v1/agencies/nosuch/classes", 404, "not_found");
}

TEST_F(ApiTest, ItemsPageWithLinks) {
  auto p = json("/api/v1/items?agency=cxswj&year=2013&per_page=50&page=2");
  EXPECT_EQ(p->getValue<int>("total"), 203);
  EXPECT_EQ(p->getArray("items")->size(), 50u);
  auto links = p->getObject("links");
  EXPECT_EQ(links->getValue<std::string>("next"), "/api/v1/items?agency=cxswj&year=2013&per_page=50&page=3");
  EXPECT_EQ(links->getValue<std::string>("prev"), "/api/v1/items?agency=cxswj&year=2013&per_page=50&page=1");
  EXPECT_EQ(links->getValue<std::string>("last"), "/api/v1/items?agency=cxswj&year=2013&per_page=50&page=5");
  auto item = p->getArray("items")->getObject(0);
  for (const char* k : {"index_no", "title", "url", "published", "created", "doc_no", "class", "topic", "genre", "validity"}) {
    EXPECT_TRUE(item->has(k)) << k;
  }
  auto last = json("/api/v1/items?agency=cxswj&year=2013&per_page=50&page=5");
  EXPECT_EQ(last->getArray("items")->size(), 3u);
  EXPECT_FALSE(last->getObject("links")->has("next"));
}

TEST_F(ApiTest, OneItemByIndexNumber) {
  auto o = json("/api/v1/items/002953470/2013-00186");
  EXPECT_EQ(o->getValue<std::string>("index_no"), "002953470/2013-00186");
  EXPECT_EQ(o->getValue<std::string>("url"), "/items/002953470/2013-00186");
  EXPECT_FALSE(o->getValue<std::string>("body_html").empty());
  EXPECT_TRUE(o->getArray("attachments")->size() == 0);
  expect_error("/api/v1/items/002953470/2099-00001", 404, "item_not_found");
}

TEST_F(ApiTest, SearchAnswersWithHitsSnippetsAndLinks) {
  auto p = json("/api/v1/search?q=%E6%8A%A5%E5%91%8A&agency=cxswj&per_page=5");  // q=报告
  int total = p->getValue<int>("total");
  EXPECT_GT(total, 5);
  auto items = p->getArray("items");
  ASSERT_EQ(items->size(), 5u);
  for (size_t i = 0; i < items->size(); ++i) {
    auto h = items->getObject(i);
    for (const char* k : {"index_no", "title", "url", "published", "snippet"}) EXPECT_TRUE(h->has(k)) << k;
    std::string text = h->getValue<std::string>("title") + h->getValue<std::string>("snippet");
    EXPECT_NE(text.find("报告"), std::string::npos) << text;
    EXPECT_EQ(h->getValue<std::string>("url"), "/items/" + h->getValue<std::string>("index_no"));
  }
  auto links = p->getObject("links");
  EXPECT_EQ(links->getValue<std::string>("next"), "/api/v1/search?q=%E6%8A%A5%E5%91%8A&agency=cxswj&per_page=5&page=2");
  // One page of up to 1000 holds every hit; the same total with the year filter narrower.
  auto all = json("/api/v1/search?q=%E6%8A%A5%E5%91%8A&per_page=1000");
  EXPECT_EQ(all->getValue<int>("total"), total);
  EXPECT_EQ(static_cast<int>(all->getArray("items")->size()), total);
  auto y = json("/api/v1/search?q=%E6%8A%A5%E5%91%8A&agency=cxswj&year_from=2013&year_to=2013");
  EXPECT_LT(y->getValue<int>("total"), total);
  auto none = json("/api/v1/search?q=%E4%B8%8D%E5%AD%98%E5%9C%A8%E7%9A%84%E8%AF%8D%E8%AF%AD%E7%BB%84%E5%90%88xyz");
  EXPECT_EQ(none->getValue<int>("total"), 0);
  EXPECT_EQ(none->getArray("items")->size(), 0u);
  expect_error("/api/v1/search", 400, "query_empty");
  expect_error("/api/v1/search?q=x&per_page=1001", 400, "bad_per_page");
  expect_error("/api/v1/search?q=x&page=0", 400, "bad_page");
  expect_error("/api/v1/search?q=x&q=y", 400, "repeated_parameter");
  expect_error("/api/v1/search?q=x&colour=red", 400, "unknown_parameter");
  expect_error("/api/v1/search?q=x&agency=nosuch", 404, "unknown_agency");
  expect_error("/api/v1/search?q=%FF%FE", 400, "query_bad_encoding");
  expect_error("/api/v1/search?q=" + std::string(300, 'a'), 400, "query_too_long");
}

TEST_F(ApiTest, BadInputIsAJsonErrorWithACode) {
  expect_error("/api/v1/items", 400, "agency_required");
  expect_error("/api/v1/items?agency=cxswj&per_page=1001", 400, "bad_per_page");
  expect_error("/api/v1/items?agency=cxswj&page=0", 400, "bad_page");
  expect_error("/api/v1/items?agency=cxswj&page=9999", 400, "page_out_of_range");
  expect_error("/api/v1/items?agency=cxswj&colour=red", 400, "unknown_parameter");
  expect_error("/api/v1/items?agency=cxswj&class=abc", 400, "bad_class");
  expect_error("/api/v1/items?agency=cxswj&sort=random", 400, "bad_sort");
  expect_error("/api/v1/items?agency=cxswj&validity=x", 400, "bad_validity");
  expect_error("/api/v1/nothing-here", 404, "not_found");
  auto post = server_->request("POST", "/api/v1/items");
  EXPECT_EQ(post.status, 405);
}

TEST_F(ApiTest, PreflightAndOpenApiDescribeEveryRoute) {
  auto pre = server_->request("OPTIONS", "/api/v1/items");
  EXPECT_EQ(pre.status, 204);
  EXPECT_EQ(pre.headers["access-control-allow-origin"], "*");
  EXPECT_NE(pre.headers["access-control-allow-methods"].find("GET"), std::string::npos);
  auto doc = json("/api/v1/openapi.json");
  auto paths = doc->getObject("paths");
  for (const auto& r : all_routes()) {
    if (r.method != "GET" || r.pattern.rfind("/api/v1/", 0) != 0 || r.pattern == "/api/v1/openapi.json") continue;
    std::string p = r.pattern.substr(7);
    for (auto [from, to] : {std::pair<std::string, std::string>{"{*index_no}", "{index_no}"}, {"{code}", "{tracking_code}"}}) {
      if (auto at = p.find(from); at != std::string::npos) p.replace(at, from.size(), to);
    }
    EXPECT_TRUE(paths->has(p)) << "openapi.json does not describe " << p;
  }
}

}  // namespace
}  // namespace gongkai::web
