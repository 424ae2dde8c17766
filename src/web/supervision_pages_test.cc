// Complaints and work records through the real server: the public form with its CSRF cookie,
// the office's pages.
#include <gtest/gtest.h>

#include "app/auth.h"
#include "app/test_fixture.h"
#include "core/date.h"
#include "store/migrations.h"
#include "store/test_databases.h"
#include "web/test_server.h"

namespace gongkai::web {
namespace {

class SupervisionPagesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = store::open_test_database("sqlite", 8);
    store::migrate(*db_);
    a_ = app::make_test_agency(*db_, "sp", "000014349");
    server_ = std::make_unique<TestServer>(*db_);
    for (const char* r : {"office", "leader", "liaison"}) {
      s_[r] = app::login(*db_, "sp." + std::string(r), "password123", "127.0.0.1");
    }
  }

  std::unique_ptr<store::Database> db_;
  app::TestAgency a_;
  std::unique_ptr<TestServer> server_;
  std::map<std::string, app::Session> s_;
};

TEST_F(SupervisionPagesTest, PublicComplaintWithTheDoubleSubmitCookie) {
  auto form = server_->get("/complaints/sp/new");
  ASSERT_EQ(form.status, 200);
  EXPECT_NE(form.body.find("政府信息公开工作投诉举报"), std::string::npos);
  auto cookie = form.headers["set-cookie"];
  ASSERT_NE(cookie.find("gk_precsrf="), std::string::npos);
  std::string token = cookie.substr(cookie.find('=') + 1, 32);
  // Without the token: refused.
  EXPECT_EQ(server_->request("POST", "/complaints/sp/new", nullptr, "kind=%E6%8A%95%E8%AF%89&content=x").status, 403);
  // With a mistake: the form again, with the message beside the field.
  auto bad = server_->request("POST", "/complaints/sp/new", nullptr, "_csrf=" + token + "&kind=%E6%8A%95%E8%AF%89&content=",
                              "gk_precsrf=" + token);
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("id=\"content-error\""), std::string::npos);
  EXPECT_NE(bad.body.find("请填写投诉、举报的内容"), std::string::npos);
  auto ok = server_->request("POST", "/complaints/sp/new", nullptr,
                             "_csrf=" + token + "&kind=%E4%B8%BE%E6%8A%A5&content=%E6%9C%AA%E5%85%AC%E5%BC%80%E9%A2%84%E7%AE%97",
                             "gk_precsrf=" + token);  // 举报, 未公开预算
  ASSERT_EQ(ok.status, 200) << ok.body.substr(0, 400);
  EXPECT_NE(ok.body.find("投诉举报已提交"), std::string::npos);
  EXPECT_EQ(ok.headers["cache-control"], "no-store");
  auto list = server_->get("/admin/complaints?status=open", &s_["leader"]);
  ASSERT_EQ(list.status, 200);
  EXPECT_NE(list.body.find("未公开预算"), std::string::npos);
  EXPECT_EQ(list.body.find("登记来信、来访、来电"), std::string::npos) << "leaders read, the office enters";
  EXPECT_EQ(server_->get("/complaints/nosuch/new").status, 404);
}

TEST_F(SupervisionPagesTest, OfficeEntersHandlesAndClosesAComplaint) {
  std::string today = core::Date::today_cst().iso();
  auto r = server_->request("POST", "/admin/complaints", &s_["office"],
                            "kind=%E6%8A%95%E8%AF%89&channel=%E6%9D%A5%E4%BF%A1&received_on=" + today +
                                "&content=%E9%80%BE%E6%9C%9F%E6%9C%AA%E7%AD%94%E5%A4%8D&request_code=ZZZZ");
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("没有找到这个申请查询码"), std::string::npos);
  EXPECT_NE(r.body.find("逾期未答复"), std::string::npos) << "the typed content is kept";
  r = server_->request("POST", "/admin/complaints", &s_["office"],
                       "kind=%E6%8A%95%E8%AF%89&channel=%E6%9D%A5%E4%BF%A1&received_on=" + today +
                           "&content=%E9%80%BE%E6%9C%9F%E6%9C%AA%E7%AD%94%E5%A4%8D");
  ASSERT_EQ(r.status, 303);
  std::string url = r.headers["location"];
  EXPECT_EQ(server_->request("POST", url + "/steps", &s_["office"], "on_date=" + today + "&action=%E8%BD%AC%E5%8A%9E").status, 303);
  EXPECT_EQ(server_->request("POST", url + "/close", &s_["office"], "closed_on=" + today + "&result=").status, 400);
  EXPECT_EQ(server_->request("POST", url + "/close", &s_["office"],
                             "closed_on=" + today + "&result=%E5%B7%B2%E7%AD%94%E5%A4%8D")
                .status,
            303);
  auto page = server_->get(url, &s_["office"]);
  EXPECT_NE(page.body.find("已办结"), std::string::npos);
  EXPECT_NE(page.body.find("转办"), std::string::npos);
  EXPECT_EQ(page.body.find("/close\""), std::string::npos) << "no forms once closed";
}

TEST_F(SupervisionPagesTest, WorkRecordsAndTheOverview) {
  auto r = server_->request("POST", "/admin/work-records", &s_["office"],
                            "kind=training&on_date=2025-04-10&title=%E6%9D%A1%E4%BE%8B%E8%A7%A3%E8%AF%BB&participants=60");
  ASSERT_EQ(r.status, 303);
  EXPECT_EQ(r.headers["location"], "/admin/work-records?year=2025");
  r = server_->request("POST", "/admin/leading-group", &s_["office"],
                       "duty=%E7%BB%84%E9%95%BF&member_name=%E5%BC%A0%E4%BC%9F&position=%E5%89%AF%E5%B1%80%E9%95%BF");
  ASSERT_EQ(r.status, 303);
  auto bad = server_->request("POST", "/admin/work-records", &s_["office"], "kind=training&on_date=2025-04-10&title=");
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("id=\"title-error\""), std::string::npos);
  auto page = server_->get("/admin/work-records?year=2025", &s_["leader"]);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("全年组织专题培训1次，参训60人次。"), std::string::npos);
  EXPECT_NE(page.body.find("成立了以副局长张伟为组长的政府信息公开工作领导小组。"), std::string::npos);
  EXPECT_EQ(server_->get("/admin/work-records?year=abc", &s_["office"]).status, 400);
  EXPECT_EQ(server_->get("/admin/work-records", &s_["liaison"]).status, 403);
}

}  // namespace
}  // namespace gongkai::web
