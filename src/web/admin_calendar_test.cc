// The back-office calendar page: administrators import a year's notice; others may not.
#include <gtest/gtest.h>

#include "app/auth.h"
#include "app/test_fixture.h"
#include "app/work_calendar.h"
#include "store/migrations.h"
#include "store/test_databases.h"
#include "web/pages.h"
#include "web/test_server.h"

namespace gongkai::web {
namespace {

class AdminCalendarTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = store::open_test_database("sqlite", 4);
    store::migrate(*db_);
    app::make_test_agency(*db_, "cal", "000014349");
    server_ = std::make_unique<TestServer>(*db_);
  }
  app::Session as(const std::string& role) { return app::login(*db_, "cal." + role, "password123", "127.0.0.1"); }

  std::unique_ptr<store::Database> db_;
  std::unique_ptr<TestServer> server_;
};

TEST_F(AdminCalendarTest, AnAdministratorImportsANewYear) {
  auto admin = as("admin");
  auto page = server_->get("/admin/calendar", &admin);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("程序自带"), std::string::npos);
  EXPECT_EQ(page.body.find("<td>2027</td>"), std::string::npos);

  std::string table = "2027-01-01\toff\t元旦\n2027-02-14\twork\t春节\n";
  auto r = server_->request("POST", "/admin/calendar", &admin, "year=2027&text=" + url_encode(table));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_NE(r.body.find("已导入 2027 年节假日安排"), std::string::npos);
  EXPECT_NE(r.body.find("<td>2027</td>"), std::string::npos);
  EXPECT_TRUE(app::current_calendar(*db_)->covers(2027));
}

TEST_F(AdminCalendarTest, ABadFileIsShownBesideTheFieldAndOthersAreRefused) {
  auto admin = as("admin");
  auto r = server_->request("POST", "/admin/calendar", &admin, "text=" + url_encode("2027-01-04\twork\t元旦\n"));
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("不是周末"), std::string::npos);
  EXPECT_NE(r.body.find("href=\"#file\""), std::string::npos) << "the error summary links to the field";
  r = server_->request("POST", "/admin/calendar", &admin, "year=27&text=x");
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("年份应为四位数字"), std::string::npos);

  auto clerk = as("clerk");
  EXPECT_EQ(server_->get("/admin/calendar", &clerk).status, 403);
  EXPECT_EQ(server_->request("POST", "/admin/calendar", &clerk, "text=" + url_encode("2027-01-01\toff\t元旦\n")).status,
            403);
  EXPECT_FALSE(app::current_calendar(*db_)->covers(2027));
}

}  // namespace
}  // namespace gongkai::web
