// The public search page over the demo agency: results with marks, filters, paging, the
// helpful empty result, and bad input met with a 4xx page.
#include <gtest/gtest.h>

#include "app/demo.h"
#include "store/migrations.h"
#include "store/test_databases.h"
#include "web/test_server.h"

namespace gongkai::web {
namespace {

class PortalSearchTest : public ::testing::Test {
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
store::Database* PortalSearchTest::db_ = nullptr;

TEST_F(PortalSearchTest, FormWithoutParameters) {
  auto r = server_->get("/search");
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("<label for=\"s-q\">"), std::string::npos);
  EXPECT_EQ(r.body.find("搜索结果"), std::string::npos);
}

TEST_F(PortalSearchTest, ResultsAreMarkedAndLinked) {
  auto r = server_->get("/search?q=%E9%80%9A%E7%9F%A5");  // 通知
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("<mark>通知</mark>"), std::string::npos);
  EXPECT_EQ(count(r.body, "class=\"hit-title\""), 20);
  EXPECT_NE(r.body.find("href=\"/items/002953470/"), std::string::npos);
  EXPECT_NE(r.body.find("rel=\"next\""), std::string::npos);
  EXPECT_NE(r.body.find("href=\"/search?q=%E9%80%9A%E7%9F%A5&amp;page=2\""), std::string::npos);
  auto two = server_->get("/search?q=%E9%80%9A%E7%9F%A5&page=2");
  ASSERT_EQ(two.status, 200);
  EXPECT_NE(two.body.find("rel=\"prev\""), std::string::npos);
}

TEST_F(PortalSearchTest, AgencySearchKeepsTheColumnAndFilters) {
  auto r = server_->get("/search?q=%E5%87%BA%E5%8F%A3&agency=cxswj&sort=newest");  // 出口
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("在慈溪市商务局（服务业发展局）政府信息公开中搜索"), std::string::npos);
  EXPECT_NE(r.body.find("<option value=\"cxswj\" selected>"), std::string::npos);
  EXPECT_NE(r.body.find("id=\"s-class\""), std::string::npos);  // class filter offered
  EXPECT_NE(r.body.find("机关：慈溪市商务局"), std::string::npos);
  EXPECT_NE(r.body.find("<mark>出口</mark>"), std::string::npos);
}

TEST_F(PortalSearchTest, EverythingButTheMarksIsEscaped) {
  // <script>报告 : the query is shown escaped in the form and in the top search box.
  auto r = server_->get("/search?q=%3Cscript%3E%E6%8A%A5%E5%91%8A%3C%2Fscript%3E");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.body.find("<script>"), std::string::npos);
  EXPECT_NE(r.body.find("&lt;script&gt;报告"), std::string::npos);
  EXPECT_EQ(count(r.body, "<mark>"), count(r.body, "</mark>"));
}

TEST_F(PortalSearchTest, EmptyResultOffersToDropFilters) {
  // 报告 in 2008 and repealed: nothing; without the validity there is something.
  auto r = server_->get("/search?q=%E6%8A%A5%E5%91%8A&agency=cxswj&year_from=2008&year_to=2008&validity=%E5%BA%9F%E6%AD%A2");
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("找到 0 条"), std::string::npos);
  EXPECT_NE(r.body.find("没有找到与“报告”相符的信息"), std::string::npos);
  EXPECT_NE(r.body.find("<a href=\"/search?q=%E6%8A%A5%E5%91%8A&amp;agency=cxswj&amp;year_from=2008&amp;year_to=2008\">"
                        "去掉「有效性：废止」可找到 2 条</a>"),
            std::string::npos);
  EXPECT_EQ(r.body.find("去掉「年份：2008」可找到"), std::string::npos);  // dropping the year alone finds nothing
}

TEST_F(PortalSearchTest, BadInputIsA4xxPageNeverA500) {
  struct Bad {
    const char* url;
    int status;
  };
  for (const Bad& b : {Bad{"/search?q=", 400}, Bad{"/search?q=%FF%FE", 400}, Bad{"/search?q=%00", 400},
                       Bad{"/search?q=%F0%9F%98%80", 400}, Bad{"/search?q=%CC%81%CC%81", 400},
                       Bad{"/search?q=a&color=red", 400}, Bad{"/search?q=a&q=b", 400}, Bad{"/search?q=a&page=0", 400},
                       Bad{"/search?q=a&page=99", 400}, Bad{"/search?q=a&class=x", 400},
                       Bad{"/search?q=a&year_from=13", 400}, Bad{"/search?q=a&sort=evil", 400},
                       Bad{"/search?q=a&agency=nosuch", 404}, Bad{"/search?q=a&class=999999", 400},
                       Bad{"/search?q=-%E8%8D%89%E6%A1%88", 400}}) {
    auto r = server_->get(b.url);
    EXPECT_EQ(r.status, b.status) << b.url;
    EXPECT_NE(r.body.find("class=\"error-message\""), std::string::npos) << b.url;
    EXPECT_NE(r.body.find("id=\"s-q\""), std::string::npos) << b.url;  // the form is there to correct it
  }
  std::string long_q = "/search?q=";
  for (int i = 0; i < 201; ++i) long_q += "%E6%8A%A5";
  EXPECT_EQ(server_->get(long_q).status, 400);
  // Right-to-left override and a combining mark after a letter are searched.
  EXPECT_EQ(server_->get("/search?q=%E2%80%AE%E6%8A%A5%E5%91%8A").status, 200);
  EXPECT_EQ(server_->get("/search?q=e%CC%81").status, 200);
}

}  // namespace
}  // namespace gongkai::web
