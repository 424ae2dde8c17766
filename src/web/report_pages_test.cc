// The annual report and appeals pages against a running server: the office edits and
// publishes, the portal lists the report with its year page and downloads.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "app/auth.h"
#include "app/demo.h"
#include "store/migrations.h"
#include "store/test_databases.h"
#include "web/pages.h"
#include "render/pdf_test_util.h"
#include "web/test_server.h"

namespace gongkai::web {
namespace {

class ReportPagesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = store::open_test_database("sqlite", 8);
    store::migrate(*db_);
    app::load_demo(*db_, "password123");
    server_ = std::make_unique<TestServer>(*db_);
    for (const char* r : {"office", "leader", "clerk", "liaison"}) {
      sessions_[r] = app::login(*db_, std::string("cxswj.") + r, "password123", "127.0.0.1");
    }
  }
  TestReply post(const std::string& path, const std::string& who, const std::string& form) {
    return server_->request("POST", path, &sessions_[who], form);
  }
  std::unique_ptr<store::Database> db_;
  std::unique_ptr<TestServer> server_;
  std::map<std::string, app::Session> sessions_;
};

TEST_F(ReportPagesTest, OfficeEditsPublishesAndThePortalShowsIt) {
  auto page = server_->get("/admin/reports?year=2013&layout=2008", &sessions_["office"]);
  ASSERT_EQ(page.status, 200) << page.body.substr(0, 300);
  EXPECT_NE(page.body.find("累计主动公开政府信息517条"), std::string::npos);
  EXPECT_NE(page.body.find("name=\"part.problems\""), std::string::npos);
  // The leader reads, without the forms.
  auto leader = server_->get("/admin/reports?year=2013&layout=2008", &sessions_["leader"]);
  ASSERT_EQ(leader.status, 200);
  EXPECT_EQ(leader.body.find("name=\"part.problems\""), std::string::npos);

  // Publishing without the required part is refused with a message.
  auto refused = post("/admin/reports/publish", "office", "year=2013&layout=2008&signed_on=2014-03-10");
  EXPECT_EQ(refused.status, 400);
  EXPECT_NE(refused.body.find("六、存在的主要问题及改进情况"), std::string::npos);

  auto saved = post("/admin/reports/draft", "office",
                    "year=2013&layout=2008&part.problems=" + url_encode("<p>一是规范性有待加强。</p><script>x</script>"));
  ASSERT_EQ(saved.status, 303) << saved.body.substr(0, 500);
  auto published = post("/admin/reports/publish", "office", "year=2013&layout=2008&signed_on=2014-03-10");
  ASSERT_EQ(published.status, 303) << published.body.substr(0, 500);

  auto list = server_->get("/cxswj/reports");
  ASSERT_EQ(list.status, 200);
  EXPECT_NE(list.body.find("/cxswj/reports/2013"), std::string::npos);
  EXPECT_NE(list.body.find("/cxswj/reports/2013/report.pdf"), std::string::npos);
  auto year = server_->get("/cxswj/reports/2013");
  ASSERT_EQ(year.status, 200);
  EXPECT_NE(year.body.find("截至2013年12月31日，我局累计主动公开政府信息517条，其中2013年新增主动公开政府信息203条。"),
            std::string::npos);
  EXPECT_NE(year.body.find("一是规范性有待加强。"), std::string::npos);
  EXPECT_EQ(year.body.find("<script>x"), std::string::npos);
  EXPECT_NE(year.body.find("2014年3月10日"), std::string::npos);
  auto pdf = server_->get("/cxswj/reports/2013/report.pdf");
  ASSERT_EQ(pdf.status, 200);
  EXPECT_EQ(pdf.body.rfind("%PDF-", 0), 0u);
  EXPECT_EQ(pdf.headers["content-type"], "application/pdf");
  auto docx = server_->get("/cxswj/reports/2013/report.docx");
  ASSERT_EQ(docx.status, 200);
  EXPECT_EQ(docx.body.rfind("PK", 0), 0u);
  EXPECT_NE(list.body.find("/cxswj/reports/2013/report.docx"), std::string::npos);
  EXPECT_NE(list.body.find("/cxswj/reports/2013/report.xlsx"), std::string::npos);
  auto xlsx = server_->get("/cxswj/reports/2013/report.xlsx");
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.body.rfind("PK", 0), 0u);
  auto json = server_->get("/cxswj/reports/2013/report.json");
  ASSERT_EQ(json.status, 200);
  EXPECT_NE(json.body.find("\"cumulative\": 517"), std::string::npos) << json.body.substr(0, 400);
  EXPECT_EQ(server_->get("/cxswj/reports/2012").status, 404);
  EXPECT_EQ(server_->get("/cxswj/reports/2013/report.exe").status, 404);
  // The back office lists the version.
  page = server_->get("/admin/reports?year=2013&layout=2008", &sessions_["office"]);
  EXPECT_NE(page.body.find("第1版"), std::string::npos);
  // Republished with other text: version 2 is current, version 1 stays readable.
  ASSERT_EQ(post("/admin/reports/draft", "office", "year=2013&layout=2008&part.problems=" + url_encode("<p>第二稿。</p>")).status,
            303);
  ASSERT_EQ(post("/admin/reports/publish", "office", "year=2013&layout=2008&signed_on=2014-03-12").status, 303);
  year = server_->get("/cxswj/reports/2013");
  EXPECT_NE(year.body.find("第二稿。"), std::string::npos);
  EXPECT_NE(year.body.find("?version=1"), std::string::npos);
  auto v1 = server_->get("/cxswj/reports/2013?version=1");
  ASSERT_EQ(v1.status, 200);
  EXPECT_NE(v1.body.find("一是规范性有待加强。"), std::string::npos);
  EXPECT_EQ(v1.body.find("第二稿。"), std::string::npos);
  EXPECT_EQ(server_->get("/cxswj/reports/2013?version=9").status, 404);
}

TEST_F(ReportPagesTest, AppealsAreRecordedAndCountInTable4) {
  auto form = server_->get("/admin/appeals/new", &sessions_["clerk"]);
  ASSERT_EQ(form.status, 200);
  auto bad = post("/admin/appeals", "clerk", "kind=reconsideration&filed_on=2013-13-01&result=pending");
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("请填写申请或起诉日期"), std::string::npos);
  auto ok = post("/admin/appeals", "clerk",
                 "kind=litigation_direct&filed_on=2013-06-01&case_ref=" + url_encode("（2013）甬慈行初字第1号") +
                     "&result=upheld&decided_on=2013-09-01&remarks=");
  ASSERT_EQ(ok.status, 303) << ok.body.substr(0, 500);
  auto list = server_->get("/admin/appeals", &sessions_["leader"]);
  ASSERT_EQ(list.status, 200);
  EXPECT_NE(list.body.find("（2013）甬慈行初字第1号"), std::string::npos);
  EXPECT_EQ(server_->get("/admin/appeals", &sessions_["liaison"]).status, 403);
  auto json = server_->get("/admin/reports/preview?year=2013&layout=2021&format=json", &sessions_["office"]);
  ASSERT_EQ(json.status, 200);
  auto at = json.body.find("\"litigation_direct\"");
  ASSERT_NE(at, std::string::npos);
  EXPECT_NE(json.body.find("\"upheld\": 1", at), std::string::npos) << json.body.substr(at, 200);
  auto page = server_->get("/admin/reports?year=2013&layout=2008", &sessions_["office"]);
  EXPECT_NE(page.body.find("被提起行政诉讼1件（其中未经复议直接起诉1件）"), std::string::npos);
}

}  // namespace
}  // namespace gongkai::web

namespace gongkai::web {
namespace {

TEST_F(ReportPagesTest, TheInformationCentreSeesTheCitySummary) {
  app::NewUser u;
  u.username = "city.centre";
  u.display_name = "信息中心";
  u.password = "password123";
  u.roles = {"infocenter"};
  app::create_user(*db_, app::Principal::system(), u);
  auto centre = app::login(*db_, "city.centre", "password123", "127.0.0.1");
  auto page = server_->get("/admin/city-reports?year=2013", &centre);
  ASSERT_EQ(page.status, 200) << page.body.substr(0, 300);
  EXPECT_NE(page.body.find("全市年报汇总"), std::string::npos);  // the nav link
  EXPECT_NE(page.body.find("慈溪市商务局（服务业发展局）"), std::string::npos);  // not yet published
  EXPECT_NE(page.body.find("尚未发布"), std::string::npos);
  auto pdf = server_->get("/admin/city-reports?year=2013&format=pdf", &centre);
  EXPECT_EQ(pdf.status, 200);
  EXPECT_EQ(pdf.body.rfind("%PDF-", 0), 0u);
  EXPECT_EQ(server_->get("/admin/city-reports?year=2013", &sessions_["office"]).status, 403);
}

}  // namespace
}  // namespace gongkai::web

namespace gongkai::web {
namespace {

TEST_F(ReportPagesTest, StatisticsWithChartsAndDownloads) {
  auto page = server_->get("/admin/statistics?year=2013", &sessions_["leader"]);
  ASSERT_EQ(page.status, 200) << page.body.substr(0, 300);
  EXPECT_NE(page.body.find("<svg"), std::string::npos);
  EXPECT_NE(page.body.find("每月发布信息"), std::string::npos);
  EXPECT_NE(page.body.find("<figcaption>2013年每月发布信息（按分类）</figcaption><svg"), std::string::npos);
  EXPECT_NE(page.body.find("<figcaption>2013年每月收到申请（按渠道）</figcaption><svg"), std::string::npos);
  auto pdf = server_->get("/admin/statistics?year=2013&format=pdf", &sessions_["office"]);
  ASSERT_EQ(pdf.status, 200);
  EXPECT_EQ(pdf.body.rfind("%PDF-", 0), 0u);
  if (std::system("command -v pdftotext >/dev/null 2>&1") == 0) {
    // The PDF download carries both charts, their text set as text.
    std::string text = render::testing::PdfFile(pdf.body).text();
    for (const char* s : {"2013年每月发布信息（按分类）", "2013年每月收到申请（按渠道）", "政策法规类", "12月"}) {
      EXPECT_NE(text.find(s), std::string::npos) << s;
    }
  }
  auto csv = server_->get("/admin/statistics?year=2013&format=csv&table=0", &sessions_["office"]);
  ASSERT_EQ(csv.status, 200);
  EXPECT_NE(csv.body.find("政策法规类"), std::string::npos);
  EXPECT_EQ(server_->get("/admin/statistics?year=2013&format=csv&table=7", &sessions_["office"]).status, 404);
  auto xlsx = server_->get("/admin/statistics?year=2013&format=xlsx", &sessions_["office"]);
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.body.rfind("PK", 0), 0u);
  EXPECT_EQ(server_->get("/admin/statistics?year=2013", &sessions_["liaison"]).status, 403);
}

}  // namespace
}  // namespace gongkai::web
