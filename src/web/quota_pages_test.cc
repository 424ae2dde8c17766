// The quota, assessment and register pages through the real server.
#include <gtest/gtest.h>

#include "app/auth.h"
#include "app/catalog.h"
#include "app/quota.h"
#include "app/test_fixture.h"
#include "core/date.h"
#include "render/zip_test_util.h"
#include "store/migrations.h"
#include "store/test_databases.h"
#include "web/test_server.h"

namespace gongkai::web {
namespace {

class QuotaPagesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = store::open_test_database("sqlite", 8);
    store::migrate(*db_);
    a_ = app::make_test_agency(*db_, "qp", "000014349");
    server_ = std::make_unique<TestServer>(*db_);
    for (const char* r : {"office", "liaison", "head_b", "secrecy", "leader", "head"}) {
      s_[r] = app::login(*db_, "qp." + std::string(r), "password123", "127.0.0.1");
    }
  }

  std::string this_month() const {
    core::Date t = core::Date::today_cst();
    char b[16];
    std::snprintf(b, sizeof b, "%04d-%02d", t.year(), t.month());
    return b;
  }

  std::unique_ptr<store::Database> db_;
  app::TestAgency a_;
  std::unique_ptr<TestServer> server_;
  std::map<std::string, app::Session> s_;
};

TEST_F(QuotaPagesTest, OfficeSetsAQuotaAndSeesTheTable) {
  core::Date t = core::Date::today_cst();
  std::string dept = std::to_string(a_.dept_a);
  auto r = server_->request("POST", "/admin/quota/rules", &s_["office"],
                            "department_id=" + dept + "&year=" + std::to_string(t.year()) + "&rule_month=" +
                                std::to_string(t.month()) + "&items=4&due_day=31&shift=previous&view_month=" + this_month());
  ASSERT_EQ(r.status, 303) << r.body.substr(0, 400);
  auto page = server_->get("/admin/quota?month=" + this_month(), &s_["office"]);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("商贸流通科"), std::string::npos);
  EXPECT_NE(page.body.find("quota-status behind\">未达标"), std::string::npos) << "status reads as text";
  EXPECT_NE(page.body.find("年各月趋势"), std::string::npos);
  EXPECT_NE(page.body.find("每月31日"), std::string::npos);
  // The department's own page, for its liaison.
  auto mine = server_->get("/admin/quota/departments/" + dept, &s_["liaison"]);
  ASSERT_EQ(mine.status, 200);
  EXPECT_NE(mine.body.find("本月定额"), std::string::npos);
  EXPECT_NE(mine.body.find("4 条"), std::string::npos);
  EXPECT_NE(mine.body.find("截止日计算"), std::string::npos);
  // Another department's head may not look.
  EXPECT_EQ(server_->get("/admin/quota/departments/" + dept, &s_["head_b"]).status, 403);
  EXPECT_EQ(server_->get("/admin/quota?month=2026-13", &s_["office"]).status, 400);
}

TEST_F(QuotaPagesTest, BadQuotaFormShowsChineseMessagesBesideTheFields) {
  auto r = server_->request("POST", "/admin/quota/rules", &s_["office"],
                            "department_id=&year=20x6&rule_month=13&items=5000&due_day=0&shift=previous");
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("error-summary"), std::string::npos);
  EXPECT_NE(r.body.find("请选择科室"), std::string::npos);
  EXPECT_NE(r.body.find("报送条数应为0至1000之间的整数"), std::string::npos);
  EXPECT_NE(r.body.find("href=\"#due_day\""), std::string::npos);
  EXPECT_NE(r.body.find("value=\"5000\""), std::string::npos) << "the form keeps what was typed";
  // Without the CSRF token nothing happens.
  auto forged = server_->request("POST", "/admin/quota/settings", nullptr, "remind_workdays=5");
  EXPECT_TRUE(forged.status == 401 || forged.status == 403);
}

TEST_F(QuotaPagesTest, AssessmentPageExplainsEveryScore) {
  auto r = server_->request("POST", "/admin/assessment/weights", &s_["office"],
                            "period=2026-Q1&w_quota=40&w_on_time=20&w_timely=20&w_returned=10&w_secrecy=10&w_requests=0&note=%E8%AF%95%E8%A1%8C");
  ASSERT_EQ(r.status, 303) << r.body.substr(0, 300);
  auto bad = server_->request("POST", "/admin/assessment/adjustments", &s_["office"],
                              "period=2026-Q1&department_id=" + std::to_string(a_.dept_a) + "&points=3&reason=");
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("请填写调整理由"), std::string::npos);
  auto ok = server_->request("POST", "/admin/assessment/adjustments", &s_["office"],
                             "period=2026-Q1&department_id=" + std::to_string(a_.dept_a) +
                                 "&points=-2.5&reason=%E8%BF%9F%E6%8A%A5");  // 迟报
  ASSERT_EQ(ok.status, 303);
  auto page = server_->get("/admin/assessment?period=2026-Q1", &s_["office"]);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("第1版权重"), std::string::npos);
  EXPECT_NE(page.body.find("（权重40）"), std::string::npos);
  EXPECT_NE(page.body.find("人工调整 -2.5 分：迟报"), std::string::npos);
  EXPECT_NE(page.body.find("quota=40,on_time=20"), std::string::npos);
  // A liaison sees their department only and no forms.
  auto liaison = server_->get("/admin/assessment?period=2026-Q1", &s_["liaison"]);
  ASSERT_EQ(liaison.status, 200);
  EXPECT_EQ(liaison.body.find("对外贸易科"), std::string::npos);
  EXPECT_EQ(liaison.body.find("/admin/assessment/weights"), std::string::npos);
  EXPECT_EQ(server_->get("/admin/assessment?period=2026-Q9", &s_["office"]).status, 400);
}

TEST_F(QuotaPagesTest, ItemPageRecordsChannelsAndAttributeAndTheRegisterFindsThem) {
  app::ItemInput in;
  in.title = "外贸企业扶持政策解读";
  in.department_id = a_.dept_a;
  in.class_id = a_.class_id;
  in.topic_id = a_.topic_id;
  in.genre_id = a_.genre_id;
  in.creation_date = core::Date::today_cst().iso();
  int64_t item = app::create_item(*db_, a_.who["liaison"], a_.id, in);
  std::string url = "/admin/items/" + std::to_string(item);
  auto r = server_->request("POST", url + "/channels", &s_["liaison"],
                            "channel=%E6%8A%A5%E5%88%8A&on_date=2026-03-02&reference=%E7%AC%AC12%E6%9C%9F");  // 报刊, 第12期
  ASSERT_EQ(r.status, 303) << r.body.substr(0, 300);
  r = server_->request("POST", url + "/attribute", &s_["secrecy"],
                       "mode=%E4%B8%8D%E4%BA%88%E5%85%AC%E5%BC%80&legal_reason=denied.6");  // 不予公开
  ASSERT_EQ(r.status, 303) << r.body.substr(0, 300);
  auto page = server_->get(url, &s_["liaison"]);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("第12期"), std::string::npos);
  EXPECT_NE(page.body.find("属于四类过程性信息"), std::string::npos);
  auto reg = server_->get("/admin/registers/attributes?mode=%E4%B8%8D%E4%BA%88%E5%85%AC%E5%BC%80", &s_["office"]);
  ASSERT_EQ(reg.status, 200);
  EXPECT_NE(reg.body.find("外贸企业扶持政策解读"), std::string::npos);
  auto bad = server_->request("POST", url + "/channels", &s_["liaison"], "channel=x&on_date=2026-03-02");
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("请选择公开渠道"), std::string::npos);

  // Through review to the secrecy step, then returned there: the register shows it.
  int64_t rev = app::view_item(*db_, a_.who["office"], a_.id, item).shown->id;
  app::submit_revision(*db_, a_.who["liaison"], a_.id, rev);
  app::approve_revision(*db_, a_.who["head"], a_.id, rev, "同意");
  app::approve_revision(*db_, a_.who["leader"], a_.id, rev, "同意");
  r = server_->request("POST", "/admin/revisions/" + std::to_string(rev) + "/return", &s_["secrecy"],
                       "comment=%E6%B6%89%E5%8F%8A%E6%95%8F%E6%84%9F%E4%BF%A1%E6%81%AF");  // 涉及敏感信息
  ASSERT_EQ(r.status, 303);
  auto sec = server_->get("/admin/registers/secrecy?result=%E9%80%80%E5%9B%9E", &s_["secrecy"]);
  ASSERT_EQ(sec.status, 200);
  EXPECT_NE(sec.body.find("涉及敏感信息"), std::string::npos);
  EXPECT_NE(sec.body.find("共 1 条"), std::string::npos);
  EXPECT_EQ(server_->get("/admin/registers/secrecy?from=yesterday", &s_["office"]).status, 400);
}

}  // namespace
}  // namespace gongkai::web

namespace gongkai::web {
namespace {

TEST_F(QuotaPagesTest, ExportsAsPdfAndWord) {
  auto pdf = server_->get("/admin/assessment/export?period=2026-Q1&format=pdf", &s_["office"]);
  ASSERT_EQ(pdf.status, 200) << pdf.body.substr(0, 300);
  EXPECT_EQ(pdf.headers["content-type"], "application/pdf");
  EXPECT_EQ(pdf.body.rfind("%PDF-", 0), 0u);
  auto docx = server_->get("/admin/assessment/export?period=2026-Q1&format=docx", &s_["leader"]);
  ASSERT_EQ(docx.status, 200);
  EXPECT_EQ(docx.body.rfind("PK", 0), 0u);
  EXPECT_EQ(server_->get("/admin/assessment/export?period=2026-Q1&format=exe", &s_["office"]).status, 400);
  auto reg = server_->get("/admin/registers/secrecy/export?result=&format=pdf", &s_["secrecy"]);
  ASSERT_EQ(reg.status, 200);
  EXPECT_EQ(reg.body.rfind("%PDF-", 0), 0u);
  auto a3 = server_->get("/admin/bulletin?month=" + this_month() + "&size=A3", &s_["office"]);
  ASSERT_EQ(a3.status, 200);
  EXPECT_EQ(a3.body.rfind("%PDF-", 0), 0u);
  EXPECT_NE(a3.body.find("/MediaBox [ 0 0 1190"), std::string::npos) << "A3 landscape";
  EXPECT_EQ(server_->get("/admin/bulletin?size=B5", &s_["office"]).status, 400);
  // The register page links to the export with its filters.
  auto page = server_->get("/admin/registers/secrecy?q=%E6%B5%8B&result=%E9%80%9A%E8%BF%87", &s_["office"]);
  EXPECT_NE(page.body.find("/admin/registers/secrecy/export?q=%E6%B5%8B&amp;result=%E9%80%9A%E8%BF%87&amp;from="),
            std::string::npos)
      << page.body.substr(page.body.find("export?"), 200);
}

}  // namespace
}  // namespace gongkai::web

namespace gongkai::web {
namespace {

TEST_F(QuotaPagesTest, ChartsAndSpreadsheetExport) {
  auto xlsx = server_->get("/admin/assessment/export?period=2026&format=xlsx", &s_["office"]);
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.body.rfind("PK", 0), 0u);
  EXPECT_NE(xlsx.headers["content-disposition"].find(".xlsx"), std::string::npos);
  // The sheet carries the page's trend chart for those who see every department, not for a
  // liaison (whose page has no trend either).
  auto sheets = [&](const std::string& who) {
    auto r = server_->get("/admin/assessment/export?period=" + this_month().substr(0, 4) + "&format=xlsx", &s_[who]);
    return render::testing::unzip(r.body)["xl/workbook.xml"];
  };
  EXPECT_NE(sheets("office").find("各科室月度考核得分"), std::string::npos);
  EXPECT_EQ(sheets("liaison").find("各科室月度考核得分"), std::string::npos);
  auto reg = server_->get("/admin/registers/secrecy/export?format=xlsx", &s_["leader"]);
  ASSERT_EQ(reg.status, 200);
  EXPECT_EQ(reg.body.rfind("PK", 0), 0u);
  // The quota page draws the month as bars, the assessment page the year's scores as lines.
  auto quota = server_->get("/admin/quota", &s_["office"]);
  EXPECT_NE(quota.body.find("<svg"), std::string::npos);
  EXPECT_NE(quota.body.find("各科室定额与报送"), std::string::npos);
  auto page = server_->get("/admin/assessment?period=" + this_month().substr(0, 4), &s_["leader"]);
  EXPECT_NE(page.body.find("月度考核得分"), std::string::npos);
  EXPECT_NE(page.body.find("aria-current=\"page\">本年</a>"), std::string::npos) << "the period shortcuts";
  EXPECT_NE(page.body.find("<svg"), std::string::npos);
  auto liaison = server_->get("/admin/assessment", &s_["liaison"]);
  EXPECT_EQ(liaison.body.find("月度考核得分"), std::string::npos) << "the chart compares departments";
}

}  // namespace
}  // namespace gongkai::web

namespace gongkai::web {
namespace {

TEST_F(QuotaPagesTest, ItemPageShowsOnlyTheFormsOneMayUse) {
  app::ItemInput in;
  in.title = "商贸流通统计月报";
  in.department_id = a_.dept_a;
  in.class_id = a_.class_id;
  in.topic_id = a_.topic_id;
  in.genre_id = a_.genre_id;
  in.creation_date = core::Date::today_cst().iso();
  int64_t item = app::create_item(*db_, a_.who["liaison"], a_.id, in);
  std::string url = "/admin/items/" + std::to_string(item);
  auto liaison = server_->get(url, &s_["liaison"]);
  EXPECT_NE(liaison.body.find("登记渠道"), std::string::npos);
  EXPECT_NE(liaison.body.find("登记公开属性"), std::string::npos);
  EXPECT_NE(liaison.body.find("起草时选定公开方式"), std::string::npos);
  auto secrecy = server_->get(url, &s_["secrecy"]);
  EXPECT_EQ(secrecy.body.find("登记渠道"), std::string::npos);
  EXPECT_NE(secrecy.body.find("登记公开属性"), std::string::npos);
  auto other = server_->get(url, &s_["head_b"]);
  ASSERT_EQ(other.status, 200);
  EXPECT_EQ(other.body.find("登记渠道"), std::string::npos);
  EXPECT_EQ(other.body.find("登记公开属性"), std::string::npos);
}

}  // namespace
}  // namespace gongkai::web

namespace gongkai::web {
namespace {

TEST_F(QuotaPagesTest, RemindersShowOnTheHomePage) {
  // On 2026-03-11 商贸流通科 is behind its March quota (due 03-13) and 对外贸易科 missed February's.
  app::set_reminder_days(*db_, a_.who["office"], a_.id, "5");
  app::set_quota(*db_, a_.who["office"], a_.id, {std::to_string(a_.dept_a), "2026", "3", "3", "15", "previous"});
  app::set_quota(*db_, a_.who["office"], a_.id, {std::to_string(a_.dept_b), "2026", "2", "2", "1", "next"});
  EXPECT_EQ(app::run_quota_notices(*db_, *core::Date::parse("2026-03-11")), 2);
  auto liaison = server_->get("/admin", &s_["liaison"]);
  EXPECT_NE(liaison.body.find("报送提醒"), std::string::npos);
  EXPECT_NE(liaison.body.find("截止提醒"), std::string::npos);
  auto office = server_->get("/admin", &s_["office"]);
  EXPECT_NE(office.body.find("逾期通知"), std::string::npos);
  EXPECT_NE(office.body.find("对外贸易科"), std::string::npos);
  auto secrecy = server_->get("/admin", &s_["secrecy"]);
  EXPECT_EQ(secrecy.body.find("报送提醒"), std::string::npos);
}

}  // namespace
}  // namespace gongkai::web
