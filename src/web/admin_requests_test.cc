// Back-office request pages: reminders on the work lists, system records on the request page.
#include <gtest/gtest.h>

#include "app/auth.h"
#include "app/request_reminders.h"
#include "app/request_test_inputs.h"
#include "app/requests.h"
#include "app/test_fixture.h"
#include "app/work_calendar.h"
#include "store/migrations.h"
#include "store/test_databases.h"
#include "web/pages.h"
#include "web/test_server.h"

namespace gongkai::web {
namespace {

class AdminRequestsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = store::open_test_database("sqlite", 4);
    store::migrate(*db_);
    a_ = app::make_test_agency(*db_, "web", "000014349");
    server_ = std::make_unique<TestServer>(*db_);
  }
  app::Session as(const std::string& role) { return app::login(*db_, "web." + role, "password123", "127.0.0.1"); }
  int64_t entered(const char* received_on) {
    return app::enter_request(*db_, a_.who["clerk"], a_.id, app::letter_request(received_on), app::new_request_keys()).id;
  }

  std::unique_ptr<store::Database> db_;
  app::TestAgency a_;
  std::unique_ptr<TestServer> server_;
};

TEST_F(AdminRequestsTest, RemindersShowOnTheWorkListAndTheRequestPage) {
  int64_t id = entered("2024-09-27");
  app::send_request_reminders(*db_, *core::Date::parse("2024-10-31"), {});
  auto clerk = as("clerk");
  auto list = server_->get("/admin/requests", &clerk);
  ASSERT_EQ(list.status, 200);
  EXPECT_NE(list.body.find("期限提醒"), std::string::npos);
  EXPECT_NE(list.body.find("已超过答复期限1个工作日"), std::string::npos);
  EXPECT_NE(list.body.find("href=\"/admin/requests/" + std::to_string(id) + "\""), std::string::npos);
  auto page = server_->get("/admin/requests/" + std::to_string(id), &clerk);
  EXPECT_NE(page.body.find("系统记录"), std::string::npos);
  EXPECT_NE(page.body.find("已提醒办理人员"), std::string::npos);
}

TEST_F(AdminRequestsTest, TheRequestPageSaysWhyACalendarChangeMovedTheDueDate) {
  int64_t id = entered("2024-09-27");
  app::import_calendar(*db_, app::Principal::system(), "2024-10-29\toff\t测试假日\n", 2024);
  auto office = as("office");
  auto page = server_->get("/admin/requests/" + std::to_string(id), &office);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("答复期限由 2024-10-30 调整为"), std::string::npos);
}

TEST_F(AdminRequestsTest, NoticeLettersAreShownDownloadedAndIssued) {
  int64_t id = entered("2024-09-27");
  app::EventInput d;
  d.kind = "decided";
  d.date = "2024-10-20";
  d.outcome = "denied.4";
  d.reason = "涉及第三方商业秘密<script>";
  app::add_request_event(*db_, a_.who["clerk"], a_.id, id, d);
  auto clerk = as("clerk");
  std::string base = "/admin/requests/" + std::to_string(id);
  auto page = server_->get(base, &clerk);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("href=\"" + base + "/letters/2\""), std::string::npos);
  EXPECT_NE(page.body.find("政府信息公开申请答复告知书"), std::string::npos);

  auto letter = server_->get(base + "/letters/2", &clerk);
  ASSERT_EQ(letter.status, 200) << letter.body;
  EXPECT_NE(letter.body.find("第十五条和第三十六条第（三）项"), std::string::npos);
  EXPECT_NE(letter.body.find("六十日内依法申请行政复议"), std::string::npos);
  EXPECT_NE(letter.body.find("&lt;script&gt;"), std::string::npos) << "the applicant-facing text is escaped";
  EXPECT_EQ(letter.body.find("商业秘密<script>"), std::string::npos);
  EXPECT_NE(letter.body.find("尚未出具"), std::string::npos);

  auto pdf = server_->get(base + "/letters/2?format=pdf", &clerk);
  EXPECT_EQ(pdf.status, 200);
  EXPECT_EQ(pdf.headers["content-type"], "application/pdf");
  EXPECT_EQ(pdf.body.rfind("%PDF", 0), 0u);
  auto docx = server_->get(base + "/letters/2?format=docx", &clerk);
  EXPECT_EQ(docx.status, 200);
  EXPECT_EQ(docx.body.rfind("PK", 0), 0u);
  EXPECT_EQ(server_->get(base + "/letters/2?format=exe", &clerk).status, 400);
  EXPECT_EQ(server_->get(base + "/letters/9", &clerk).status, 404);

  auto issued = server_->request("POST", base + "/letters/2/issue", &clerk);
  EXPECT_EQ(issued.status, 303);
  letter = server_->get(base + "/letters/2", &clerk);
  EXPECT_NE(letter.body.find("出具"), std::string::npos);
  EXPECT_EQ(letter.body.find("尚未出具"), std::string::npos);
  page = server_->get(base, &clerk);
  EXPECT_NE(page.body.find("已出具《政府信息公开申请答复告知书》"), std::string::npos);

  // The leader reads requests but not the letters with the applicant's particulars.
  auto leader = as("leader");
  EXPECT_EQ(server_->get(base + "/letters/2", &leader).status, 403);
  EXPECT_EQ(server_->get(base, &leader).body.find("/letters/"), std::string::npos);
}

}  // namespace
}  // namespace gongkai::web
