// The public portal over the demo agency: what a citizen sees, and how bad input is met.
#include <Poco/DOM/DOMParser.h>
#include <Poco/DOM/Document.h>
#include <Poco/DOM/NodeList.h>
#include <Poco/XML/XMLException.h>
#include <gtest/gtest.h>

#include "app/catalog.h"
#include "app/demo.h"
#include "app/directory.h"
#include "store/directory_store.h"
#include "store/item_store.h"
#include "store/migrations.h"
#include "store/test_databases.h"
#include "web/test_server.h"

namespace gongkai::web {
namespace {

class PortalTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    db_ = store::open_test_database("sqlite", 8).release();
    store::migrate(*db_);
    app::load_demo(*db_, "Demo-pass123");
  }
  static void TearDownTestSuite() { delete db_; }
  void SetUp() override { server_ = std::make_unique<TestServer>(*db_); }

  static int count(const std::string& hay, const std::string& needle) {
    int n = 0;
    for (size_t p = 0; (p = hay.find(needle, p)) != std::string::npos; p += needle.size()) ++n;
    return n;
  }

  static store::Database* db_;
  std::unique_ptr<TestServer> server_;
};
store::Database* PortalTest::db_ = nullptr;

TEST_F(PortalTest, PlatformAndAgencyHomesShowTheSeedsCounts) {
  auto home = server_->get("/");
  ASSERT_EQ(home.status, 200);
  EXPECT_NE(home.body.find("慈溪市商务局（服务业发展局）"), std::string::npos);
  EXPECT_NE(home.body.find("517 条"), std::string::npos);
  auto agency = server_->get("/cxswj/");
  ASSERT_EQ(agency.status, 200);
  for (const char* s : {"政策法规类</a>（76）", "业务类</a>（253）", "便民服务类</a>（174）", "计划总结类</a>（14）",
                        "政府信息公开指南", "政府信息公开制度", "法定主动公开内容", "政府信息公开年报", "依申请公开"}) {
    EXPECT_NE(agency.body.find(s), std::string::npos) << s;
  }
  EXPECT_NE(agency.body.find("lang=\"zh-CN\""), std::string::npos);
  EXPECT_NE(agency.body.find("href=\"#main\""), std::string::npos);  // skip link
}

TEST_F(PortalTest, CatalogFiltersCountAndPage) {
  auto year = server_->get("/cxswj/catalog?year=2013");
  ASSERT_EQ(year.status, 200);
  EXPECT_NE(year.body.find("共 203 条"), std::string::npos);
  EXPECT_EQ(count(year.body, "/items/002953470/2013-"), 20);  // one page
  auto last = server_->get("/cxswj/catalog?year=2013&page=11");
  EXPECT_EQ(count(last.body, "/items/002953470/2013-"), 3);  // 203 = 10 × 20 + 3
  auto oldest = server_->get("/cxswj/catalog?sort=oldest");
  EXPECT_NE(oldest.body.find("002953470/2008-00001"), std::string::npos);
  for (const char* bad : {"/cxswj/catalog?page=0", "/cxswj/catalog?page=abc", "/cxswj/catalog?sort=evil",
                          "/cxswj/catalog?class=-1", "/cxswj/catalog?year=99999"}) {
    auto r = server_->get(bad);
    EXPECT_EQ(r.status, 400) << bad;
    EXPECT_NE(r.body.find("class=\"error-message\""), std::string::npos) << bad;
  }
  EXPECT_EQ(server_->get("/nosuch/catalog").status, 404);
}

TEST_F(PortalTest, ItemPageShowsMetadataAndHidesWithdrawnItems) {
  auto r = server_->get("/items/002953470/2013-00186");
  ASSERT_EQ(r.status, 200);
  for (const char* s : {"索引号", "002953470/2013-00186", "主题分类", "发布机构", "生成日期", "发布日期", "文号", "有效性"}) {
    EXPECT_NE(r.body.find(s), std::string::npos) << s;
  }
  EXPECT_EQ(server_->get("/items/002953470/2099-00001").status, 404);
  EXPECT_EQ(server_->get("/items/").status, 404);

  // Withdrawing takes the item off the portal at once; repealing shows a notice.
  int64_t agency, item;
  {
    auto c = db_->acquire();
    agency = store::find_agency_by_slug(*c, "cxswj")->id;
    item = store::find_item_by_index(*c, "002953470/2013-00185")->id;
  }
  auto office = app::Principal::system("test");
  app::change_validity(*db_, office, agency, item, "废止", "2014-01-02", "");
  auto repealed = server_->get("/items/002953470/2013-00185");
  EXPECT_NE(repealed.body.find("本文件已于 2014-01-02 废止"), std::string::npos);
  app::withdraw_item(*db_, office, agency, item, "测试");
  EXPECT_EQ(server_->get("/items/002953470/2013-00185").status, 404);
  EXPECT_EQ(server_->get("/cxswj/catalog?year=2013").body.find("2013-00185"), std::string::npos);
}

TEST_F(PortalTest, FeedsSitemapAndRobotsAreWellFormed) {
  auto feed = server_->get("/cxswj/feed.atom");
  ASSERT_EQ(feed.status, 200);
  EXPECT_EQ(feed.headers["content-type"], "application/atom+xml; charset=utf-8");
  Poco::XML::DOMParser parser;
  Poco::AutoPtr<Poco::XML::Document> doc = parser.parseString(feed.body);
  Poco::AutoPtr<Poco::XML::NodeList> entries = doc->getElementsByTagName("entry");
  EXPECT_EQ(entries->length(), 50u);
  auto sitemap = server_->get("/sitemap.xml");
  Poco::AutoPtr<Poco::XML::Document> sm = parser.parseString(sitemap.body);
  Poco::AutoPtr<Poco::XML::NodeList> urls = sm->getElementsByTagName("url");
  EXPECT_GT(urls->length(), 500u);
  EXPECT_NE(server_->get("/robots.txt").body.find("Disallow: /admin"), std::string::npos);
  EXPECT_EQ(server_->get("/cxswj/feed.atom?class=abc").status, 400);
}

TEST_F(PortalTest, CareModePersistsInACookie) {
  auto on = server_->get("/care?on=1&back=/cxswj/");
  EXPECT_EQ(on.status, 303);
  EXPECT_EQ(on.headers["location"], "/cxswj/");
  EXPECT_NE(on.headers["set-cookie"].find("gk_care=1"), std::string::npos);
  auto page = server_->request("GET", "/cxswj/", nullptr, "", "gk_care=1");
  EXPECT_NE(page.body.find("class=\"portal care\""), std::string::npos);
  EXPECT_EQ(server_->get("/care?on=1&back=//evil.example").headers["location"], "/");
}

}  // namespace
}  // namespace gongkai::web
