// The back-office pages of the notice-letter wording: office and administrator edit, preview
// and reset; others are refused; a form without the session's CSRF token changes nothing.
#include <gtest/gtest.h>

#include "app/auth.h"
#include "app/letter_template_admin.h"
#include "app/test_fixture.h"
#include "store/migrations.h"
#include "store/test_databases.h"
#include "web/pages.h"
#include "web/test_server.h"

namespace gongkai::web {
namespace {

class LetterTemplatePagesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = store::open_test_database("sqlite", 4);
    store::migrate(*db_);
    agency_ = app::make_test_agency(*db_, "ltp", "000014349");
    server_ = std::make_unique<TestServer>(*db_);
  }
  app::Session as(const std::string& role) { return app::login(*db_, "ltp." + role, "password123", "127.0.0.1"); }
  bool customised(const std::string& key) {
    return app::get_letter_template(*db_, agency_.who["office"], agency_.id, key).customised;
  }

  std::unique_ptr<store::Database> db_;
  app::TestAgency agency_;
  std::unique_ptr<TestServer> server_;
};

const std::string kPath = "/admin/letter-templates/decision.denied.4";
const std::string kOwn = "本局<研究>：依照{法律依据}不予公开。\n{具体理由}\n{救济途径}\n{机关名称}";

TEST_F(LetterTemplatePagesTest, TheOfficePreviewsSavesAndResets) {
  auto office = as("office");
  auto list = server_->get("/admin/letter-templates", &office);
  ASSERT_EQ(list.status, 200);
  EXPECT_NE(list.body.find("href=\"/admin/letter-templates/decision.denied.4\""), std::string::npos);
  EXPECT_NE(list.body.find("政府信息公开申请登记回执"), std::string::npos);
  EXPECT_NE(list.body.find("href=\"/admin/letter-templates\">告知书文本"), std::string::npos) << "in the navigation";

  auto page = server_->get(kPath, &office);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("本机关决定不予公开"), std::string::npos);
  EXPECT_NE(page.body.find("{救济途径}"), std::string::npos);

  // Preview: the unsaved text, escaped, in the sample letter; nothing saved.
  auto preview = server_->request("POST", kPath, &office, "action=preview&body=" + url_encode(kOwn));
  ASSERT_EQ(preview.status, 200) << preview.body;
  EXPECT_NE(preview.body.find("本局&lt;研究&gt;：依照《中华人民共和国政府信息公开条例》第十五条"), std::string::npos)
      << preview.body;
  EXPECT_EQ(preview.body.find("本局<研究>"), std::string::npos);
  EXPECT_NE(preview.body.find("未保存的文本"), std::string::npos);
  EXPECT_FALSE(customised("decision.denied.4"));

  auto saved = server_->request("POST", kPath, &office, "action=save&body=" + url_encode(kOwn));
  ASSERT_EQ(saved.status, 303);
  EXPECT_EQ(saved.headers["location"], kPath + "?saved=1");
  EXPECT_TRUE(customised("decision.denied.4"));
  page = server_->get(kPath + "?saved=1", &office);
  EXPECT_NE(page.body.find("已保存"), std::string::npos);
  EXPECT_NE(page.body.find("本局&lt;研究&gt;"), std::string::npos);
  auto pdf = server_->get(kPath + "?format=pdf", &office);
  EXPECT_EQ(pdf.status, 200);
  EXPECT_EQ(pdf.body.rfind("%PDF", 0), 0u);

  auto admin = as("admin");
  auto reset = server_->request("POST", kPath + "/reset", &admin);
  EXPECT_EQ(reset.status, 303);
  EXPECT_FALSE(customised("decision.denied.4"));
}

TEST_F(LetterTemplatePagesTest, ABadTextIsShownBesideTheField) {
  auto office = as("office");
  auto r = server_->request("POST", kPath, &office, "action=save&body=" + url_encode("{机关名称}依照{法律依据}。\n{收费金额}"));
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("缺少必需的占位符{救济途径}"), std::string::npos) << r.body;
  EXPECT_NE(r.body.find("href=\"#body\""), std::string::npos) << "the error summary links to the field";
  EXPECT_NE(r.body.find("aria-invalid=\"true\""), std::string::npos);
  EXPECT_FALSE(customised("decision.denied.4"));
  EXPECT_EQ(server_->get("/admin/letter-templates/nothing", &office).status, 404);
  EXPECT_EQ(server_->get(kPath + "?format=exe", &office).status, 400);
}

TEST_F(LetterTemplatePagesTest, OthersAndFormsWithoutTheTokenAreRefused) {
  for (const char* role : {"clerk", "leader", "liaison", "head", "secrecy"}) {
    auto s = as(role);
    EXPECT_EQ(server_->get("/admin/letter-templates", &s).status, 403) << role;
    EXPECT_EQ(server_->request("POST", kPath, &s, "action=save&body=" + url_encode(kOwn)).status, 403) << role;
    EXPECT_EQ(server_->get("/admin", &s).body.find("/admin/letter-templates"), std::string::npos) << role;
  }
  app::Session forged = as("office");
  forged.csrf_token = std::string(32, 'a');
  EXPECT_EQ(server_->request("POST", kPath, &forged, "action=save&body=" + url_encode(kOwn)).status, 403);
  EXPECT_EQ(server_->request("POST", kPath + "/reset", &forged).status, 403);
  EXPECT_EQ(server_->get("/admin/letter-templates").status, 303);
  EXPECT_FALSE(customised("decision.denied.4"));
}

}  // namespace
}  // namespace gongkai::web
