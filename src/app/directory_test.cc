#include "app/directory.h"

#include <gtest/gtest.h>

#include "app/auth.h"
#include "app/errors.h"
#include "app/test_fixture.h"
#include "store/audit_log.h"
#include "store/migrations.h"
#include "store/test_databases.h"

namespace gongkai::app {
namespace {

class DirectoryTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = store::open_test_database(GetParam(), 4);
    if (!db_) GTEST_SKIP();
    store::migrate(*db_);
    a_ = make_test_agency(*db_, "dir", "000014349");
  }
  std::map<std::string, std::string> fields_of(const std::function<void()>& fn) {
    try {
      fn();
    } catch (const ValidationError& e) {
      return e.fields();
    }
    ADD_FAILURE() << "expected a ValidationError";
    return {};
  }
  std::unique_ptr<store::Database> db_;
  TestAgency a_;
};

TEST_P(DirectoryTest, NewAgencyGetsTheDefaultTaxonomies) {
  auto c = db_->acquire();
  EXPECT_EQ(store::list_categories(*c, a_.id, "genre").size(), 16u);
  size_t topics = 0;
  for (const auto& t : store::list_categories(*c, a_.id, "topic")) topics += !t.parent_id;
  EXPECT_EQ(topics, 22u);
  auto policy = store::find_category_by_name(*c, a_.id, "class", "规范性文件");
  ASSERT_TRUE(policy);
  EXPECT_EQ(store::find_category(*c, a_.id, *policy->parent_id)->name, "政策法规类");
}

TEST_P(DirectoryTest, AgencySettingsAreValidatedAndTheGuideSanitised) {
  auto sys = Principal::system();
  NewAgency bad;
  bad.slug = "Bad Slug";
  EXPECT_TRUE(fields_of([&] { create_agency(*db_, sys, bad); }).count("slug"));
  bad.slug = "ok";
  bad.org_code = "123";
  bad.index_pattern = "{org}/{year}";
  bad.workflow_steps = "head,boss";
  auto f = fields_of([&] { create_agency(*db_, sys, bad); });
  EXPECT_TRUE(f.count("name") && f.count("org_code") && f.count("index_pattern") && f.count("workflow_steps"));
  NewAgency dup;
  dup.slug = "dir";
  dup.name = "重复";
  dup.org_code = "000014350";
  EXPECT_EQ(fields_of([&] { create_agency(*db_, sys, dup); }).at("slug"), "该简称已被使用");

  auto c = db_->acquire();
  auto row = *store::find_agency(*c, a_.id);
  row.workflow_steps = "leader";
  row.guide_html = "<p>办公时间：工作日</p><script>alert(1)</script>";
  update_agency_settings(*db_, a_.who["admin"], row);
  auto saved = *store::find_agency(*c, a_.id);
  EXPECT_EQ(saved.workflow_steps, "leader,secrecy");
  EXPECT_EQ(saved.guide_html, "<p>办公时间：工作日</p>");
  EXPECT_THROW(update_agency_settings(*db_, a_.who["office"], row), AppError);
}

TEST_P(DirectoryTest, UsersDepartmentsAndCategories) {
  const Principal& admin = a_.who["admin"];
  NewUser u;
  u.agency_id = a_.id;
  u.username = "dir.new";
  u.display_name = "新用户";
  u.password = "short";
  u.roles = {"head", "nosuch"};
  auto f = fields_of([&] { create_user(*db_, admin, u); });
  EXPECT_TRUE(f.count("password") && f.count("roles"));
  u.password = "longenough123";
  u.roles = {"head"};
  EXPECT_EQ(fields_of([&] { create_user(*db_, admin, u); }).at("department_id"), "科室负责人须指定所属科室");
  u.department_id = a_.dept_a;
  int64_t id = create_user(*db_, admin, u);
  EXPECT_EQ(fields_of([&] { create_user(*db_, admin, u); }).at("username"), "该用户名已被使用");
  EXPECT_NO_THROW(login(*db_, "dir.new", "longenough123", "::1"));
  // Deactivating ends the user's sessions and blocks log-in.
  auto s = login(*db_, "dir.new", "longenough123", "::1");
  store::UserRow row;
  {
    auto c = db_->acquire();
    row = *store::find_user(*c, id);
  }
  row.active = false;
  update_user(*db_, admin, row);
  EXPECT_FALSE(resume_session(*db_, s.token));
  EXPECT_THROW(login(*db_, "dir.new", "longenough123", "::1"), AppError);

  EXPECT_EQ(fields_of([&] { create_department(*db_, admin, a_.id, "商贸流通科"); }).at("name"), "已有同名科室");
  int64_t top = create_category(*db_, admin, a_.id, "class", std::nullopt, "专题类", 9);
  int64_t sub = create_category(*db_, admin, a_.id, "class", top, "专项资金", 1);
  EXPECT_TRUE(fields_of([&] { create_category(*db_, admin, a_.id, "class", sub, "三级", 1); }).count("parent_id"));
  EXPECT_TRUE(fields_of([&] { create_category(*db_, admin, a_.id, "class", top, "专项资金", 2); }).count("name"));
  // Another agency's administrator changes nothing here.
  auto other = make_test_agency(*db_, "dir2", "000014350");
  EXPECT_THROW(create_department(*db_, other.who["admin"], a_.id, "渗透科"), AppError);
  EXPECT_THROW(create_category(*db_, other.who["admin"], a_.id, "class", std::nullopt, "x", 1), AppError);
  auto c = db_->acquire();
  EXPECT_TRUE(store::verify_audit(*c).ok);
}

TEST_P(DirectoryTest, LoginLocksAfterRepeatedFailures) {
  for (int i = 0; i < kMaxLoginFailures; ++i) {
    try {
      login(*db_, "dir.office", "wrong-password", "::1");
      FAIL();
    } catch (const AppError& e) {
      EXPECT_EQ(e.kind(), ErrorKind::kUnauthenticated);
      EXPECT_STREQ(e.what(), "用户名或密码不正确");
    }
  }
  try {
    login(*db_, "dir.office", "password123", "::1");
    FAIL() << "a locked account must not log in even with the right password";
  } catch (const AppError& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kTooMany);
  }
  try {
    login(*db_, "nobody", "password123", "::1");
    FAIL();
  } catch (const AppError& e) {
    EXPECT_STREQ(e.what(), "用户名或密码不正确");  // the same message for unknown users
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, DirectoryTest, ::testing::Values("sqlite", "postgres"));

}  // namespace
}  // namespace gongkai::app
