#include "app/catalog.h"

#include <gtest/gtest.h>

#include <set>
#include <thread>

#include "app/errors.h"
#include "app/test_fixture.h"
#include "core/clock.h"
#include "core/date.h"
#include "store/audit_log.h"
#include "store/migrations.h"
#include "store/test_databases.h"

namespace gongkai::app {
namespace {

class CatalogTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = store::open_test_database(GetParam(), 8);
    if (!db_) GTEST_SKIP() << "backend not available: " << GetParam();
    store::migrate(*db_);
    a_ = make_test_agency(*db_, "ta", "000014349");
  }

  ItemInput input(const std::string& title, int64_t dept) {
    ItemInput in;
    in.title = title;
    in.summary = "关于" + title + "的概述";
    in.body_html = "<p>正文第一段。</p><script>alert(1)</script><p onclick=\"x()\">第二段</p>";
    in.department_id = dept;
    in.class_id = a_.class_id;
    in.topic_id = a_.topic_id;
    in.genre_id = a_.genre_id;
    in.creation_date = core::Date::today_cst().add_days(-3).iso();
    return in;
  }

  int64_t rev_of(int64_t item_id) {
    auto v = view_item(*db_, a_.who["office"], a_.id, item_id);
    return v.shown->id;
  }

  // Drafts as the liaison and walks every review step.
  int64_t publish_one(const std::string& title) {
    int64_t item = create_item(*db_, a_.who["liaison"], a_.id, input(title, a_.dept_a));
    int64_t rev = rev_of(item);
    submit_revision(*db_, a_.who["liaison"], a_.id, rev);
    approve_revision(*db_, a_.who["head"], a_.id, rev, "同意");
    approve_revision(*db_, a_.who["leader"], a_.id, rev, "同意发布");
    approve_revision(*db_, a_.who["secrecy"], a_.id, rev, "不涉密");
    return item;
  }

  std::unique_ptr<store::Database> db_;
  TestAgency a_;
};

TEST_P(CatalogTest, ReviewWorkflowPublishesWithIndexNumber) {
  int64_t item = publish_one("关于开展2026年度商贸流通统计工作的通知");
  auto v = view_item(*db_, a_.who["office"], a_.id, item);
  EXPECT_EQ(v.item.status, "published");
  int year = core::Date::today_cst().year();
  EXPECT_EQ(*v.item.index_no, "000014349/" + std::to_string(year) + "-00001");
  ASSERT_TRUE(v.shown);
  EXPECT_EQ(v.shown->state, "published");
  // The body was sanitised on the way in.
  EXPECT_EQ(v.shown->data.body_html.find("<script"), std::string::npos);
  EXPECT_EQ(v.shown->data.body_html.find("onclick"), std::string::npos);
  EXPECT_NE(v.shown->data.body_html.find("正文第一段"), std::string::npos);
  std::vector<std::string> actions;
  for (const auto& e : v.events) actions.push_back(e.action + (e.step.empty() ? "" : ":" + e.step));
  EXPECT_EQ(actions, (std::vector<std::string>{"create", "submit:head", "approve:head", "approve:leader",
                                               "approve:secrecy", "publish"}));
  EXPECT_EQ(v.events[2].actor_name, "head用户");
  EXPECT_EQ(v.events[3].comment, "同意发布");
  auto c = db_->acquire();
  auto check = store::verify_audit(*c);
  EXPECT_TRUE(check.ok) << check.problem;
  EXPECT_GT(check.rows, 6);
}

TEST_P(CatalogTest, ReturnNeedsReasonAndAuthorResubmits) {
  int64_t item = create_item(*db_, a_.who["liaison"], a_.id, input("商务局2026年工作要点", a_.dept_a));
  int64_t rev = rev_of(item);
  submit_revision(*db_, a_.who["liaison"], a_.id, rev);
  EXPECT_THROW(return_revision(*db_, a_.who["head"], a_.id, rev, ""), ValidationError);
  return_revision(*db_, a_.who["head"], a_.id, rev, "请补充文号");
  auto in = input("商务局2026年工作要点", a_.dept_a);
  in.doc_no = "慈商〔2026〕3号";
  update_revision(*db_, a_.who["liaison"], a_.id, rev, in);
  submit_revision(*db_, a_.who["liaison"], a_.id, rev);
  auto v = view_item(*db_, a_.who["office"], a_.id, item);
  EXPECT_EQ(v.shown->state, "in_review");
  EXPECT_EQ(*v.shown->step, "head");
  EXPECT_EQ(v.shown->data.doc_no, "慈商〔2026〕3号");
}

TEST_P(CatalogTest, OnlyTheStepsReviewerMayAct) {
  int64_t item = create_item(*db_, a_.who["liaison"], a_.id, input("对外贸易情况通报", a_.dept_a));
  int64_t rev = rev_of(item);
  submit_revision(*db_, a_.who["liaison"], a_.id, rev);
  EXPECT_THROW(approve_revision(*db_, a_.who["head_b"], a_.id, rev, ""), AppError);   // other department
  EXPECT_THROW(approve_revision(*db_, a_.who["leader"], a_.id, rev, ""), AppError);   // not yet their step
  EXPECT_THROW(approve_revision(*db_, a_.who["secrecy"], a_.id, rev, ""), AppError);  // confidentiality comes last
  EXPECT_THROW(approve_revision(*db_, a_.who["liaison"], a_.id, rev, ""), AppError);
  EXPECT_THROW(create_item(*db_, a_.who["clerk"], a_.id, input("x", a_.dept_a)), AppError);
  // A liaison drafts for their own department only.
  EXPECT_THROW(create_item(*db_, a_.who["liaison"], a_.id, input("y", a_.dept_b)), ValidationError);
  approve_revision(*db_, a_.who["head"], a_.id, rev, "");
  EXPECT_THROW(approve_revision(*db_, a_.who["head"], a_.id, rev, ""), AppError);
}

TEST_P(CatalogTest, MergedStepsStillEndWithConfidentialityReview) {
  auto small = make_test_agency(*db_, "tb", "000014350", "leader");
  ItemInput in = input("小机关的信息", small.dept_a);
  in.class_id = small.class_id;
  in.topic_id = small.topic_id;
  in.genre_id = small.genre_id;
  int64_t item = create_item(*db_, small.who["liaison"], small.id, in);
  int64_t rev = view_item(*db_, small.who["office"], small.id, item).shown->id;
  submit_revision(*db_, small.who["liaison"], small.id, rev);
  approve_revision(*db_, small.who["leader"], small.id, rev, "");
  auto v = view_item(*db_, small.who["office"], small.id, item);
  EXPECT_EQ(v.item.status, "draft");
  EXPECT_EQ(*v.shown->step, "secrecy");
  approve_revision(*db_, small.who["secrecy"], small.id, rev, "");
  EXPECT_EQ(view_item(*db_, small.who["office"], small.id, item).item.status, "published");
}

TEST_P(CatalogTest, AgenciesCannotSeeOrChangeEachOthersDrafts) {
  auto other = make_test_agency(*db_, "tc", "000014351");
  int64_t item = create_item(*db_, a_.who["liaison"], a_.id, input("本机关草稿", a_.dept_a));
  int64_t rev = rev_of(item);
  for (const char* role : {"office", "admin", "liaison", "head"}) {
    const Principal& intruder = other.who[role];
    EXPECT_THROW(view_item(*db_, intruder, a_.id, item), AppError) << role;
    EXPECT_THROW(view_item(*db_, intruder, other.id, item), AppError) << role;  // wrong agency id, same item id
    EXPECT_THROW(update_revision(*db_, intruder, other.id, rev, input("改", other.dept_a)), AppError) << role;
    EXPECT_THROW(submit_revision(*db_, intruder, other.id, rev), AppError) << role;
    EXPECT_THROW(withdraw_item(*db_, intruder, other.id, item, "x"), AppError) << role;
  }
  EXPECT_EQ(view_item(*db_, a_.who["office"], a_.id, item).shown->data.title, "本机关草稿");
}

TEST_P(CatalogTest, NewVersionKeepsIndexNumberAndHistory) {
  int64_t item = publish_one("原标题");
  auto before = view_item(*db_, a_.who["office"], a_.id, item);
  int64_t rev2 = start_new_version(*db_, a_.who["liaison"], a_.id, item);
  EXPECT_THROW(start_new_version(*db_, a_.who["liaison"], a_.id, item), AppError);
  update_revision(*db_, a_.who["liaison"], a_.id, rev2, input("修订后的标题", a_.dept_a));
  // The public version is unchanged while the new one is reviewed.
  EXPECT_EQ(view_item(*db_, a_.who["office"], a_.id, item).item.title, "原标题");
  submit_revision(*db_, a_.who["liaison"], a_.id, rev2);
  approve_revision(*db_, a_.who["head"], a_.id, rev2, "");
  approve_revision(*db_, a_.who["leader"], a_.id, rev2, "");
  approve_revision(*db_, a_.who["secrecy"], a_.id, rev2, "");
  auto after = view_item(*db_, a_.who["office"], a_.id, item);
  EXPECT_EQ(after.item.title, "修订后的标题");
  EXPECT_EQ(after.item.index_no, before.item.index_no);
  ASSERT_EQ(after.revisions.size(), 2u);
  EXPECT_EQ(after.revisions[0].state, "published");
  EXPECT_EQ(after.revisions[1].state, "superseded");
}

TEST_P(CatalogTest, WithdrawAndRepealAreOfficeSteps) {
  int64_t item = publish_one("某规范性文件");
  EXPECT_THROW(withdraw_item(*db_, a_.who["liaison"], a_.id, item, "错误"), AppError);
  EXPECT_THROW(change_validity(*db_, a_.who["office"], a_.id, item, "作废", "2026-01-01", ""), ValidationError);
  change_validity(*db_, a_.who["office"], a_.id, item, "废止", "2026-01-05", "已被新文件替代");
  auto v = view_item(*db_, a_.who["office"], a_.id, item);
  EXPECT_EQ(v.item.validity, "废止");
  EXPECT_EQ(*v.item.validity_changed_on, "2026-01-05");
  withdraw_item(*db_, a_.who["office"], a_.id, item, "内容有误");
  v = view_item(*db_, a_.who["office"], a_.id, item);
  EXPECT_EQ(v.item.status, "withdrawn");
  EXPECT_EQ(v.events.back().action, "withdraw");
  EXPECT_EQ(v.events.back().comment, "内容有误");
}

TEST_P(CatalogTest, BadInputGetsFieldMessages) {
  ItemInput in = input("", a_.dept_a);
  in.creation_date = "2013-02-30";
  in.class_id = a_.topic_id;  // a topic is not an agency class
  try {
    create_item(*db_, a_.who["liaison"], a_.id, in);
    FAIL();
  } catch (const ValidationError& e) {
    EXPECT_EQ(e.fields().at("title"), "请填写标题");
    EXPECT_TRUE(e.fields().count("creation_date"));
    EXPECT_TRUE(e.fields().count("class_id"));
  }
  in = input(std::string(201 * 3, 'x'), a_.dept_a);
  EXPECT_THROW(create_item(*db_, a_.who["liaison"], a_.id, in), ValidationError);
}

TEST_P(CatalogTest, ParallelPublishesNeverShareAnIndexNumber) {
  const int kThreads = 4, kEach = 5;
  std::vector<int64_t> revs;
  for (int i = 0; i < kThreads * kEach; ++i) {
    int64_t item = create_item(*db_, a_.who["liaison"], a_.id, input("并发发布 " + std::to_string(i), a_.dept_a));
    int64_t rev = rev_of(item);
    submit_revision(*db_, a_.who["liaison"], a_.id, rev);
    approve_revision(*db_, a_.who["head"], a_.id, rev, "");
    approve_revision(*db_, a_.who["leader"], a_.id, rev, "");
    revs.push_back(rev);
  }
  std::vector<std::thread> ts;
  std::atomic<int> failures{0};
  for (int t = 0; t < kThreads; ++t) {
    ts.emplace_back([&, t] {
      for (int i = 0; i < kEach; ++i) {
        try {
          approve_revision(*db_, a_.who["secrecy"], a_.id, revs[t * kEach + i], "");
        } catch (const std::exception& e) {
          ++failures;
          ADD_FAILURE() << e.what();
        }
      }
    });
  }
  for (auto& t : ts) t.join();
  EXPECT_EQ(failures.load(), 0);
  std::set<std::string> numbers;
  auto c = db_->acquire();
  for (int64_t rev : revs) {
    auto r = store::find_revision(*c, a_.id, rev);
    numbers.insert(*store::find_item(*c, a_.id, r->item_id)->index_no);
  }
  EXPECT_EQ(numbers.size(), revs.size());
  int year = core::Date::today_cst().year();
  EXPECT_TRUE(numbers.count("000014349/" + std::to_string(year) + "-00020"));
  EXPECT_TRUE(store::verify_audit(*c).ok);
}

TEST_P(CatalogTest, ScheduledPublicationWaitsForItsTime) {
  int64_t item = create_item(*db_, a_.who["liaison"], a_.id, input("定时发布的通知", a_.dept_a));
  int64_t rev = rev_of(item);
  submit_revision(*db_, a_.who["liaison"], a_.id, rev);
  approve_revision(*db_, a_.who["head"], a_.id, rev, "");
  approve_revision(*db_, a_.who["leader"], a_.id, rev, "");
  std::string later = core::iso_from_unix(core::unix_now() + 3600);
  approve_revision(*db_, a_.who["secrecy"], a_.id, rev, "", later);
  auto v = view_item(*db_, a_.who["office"], a_.id, item);
  EXPECT_EQ(v.item.status, "draft");
  EXPECT_EQ(v.shown->state, "scheduled");
  EXPECT_EQ(publish_due(*db_, core::now_iso()), 0);
  EXPECT_EQ(publish_due(*db_, core::iso_from_unix(core::unix_now() + 7200)), 1);
  v = view_item(*db_, a_.who["office"], a_.id, item);
  EXPECT_EQ(v.item.status, "published");
  EXPECT_TRUE(v.item.index_no);
  EXPECT_EQ(v.events.back().action, "publish");
}

TEST(Timeliness, CountsWorkingDaysAfterCreation) {
  EXPECT_EQ(workdays_between("2013-05-03", "2013-05-06"), 1);   // Friday → Monday
  EXPECT_EQ(workdays_between("2013-05-01", "2013-05-29"), 20);
  EXPECT_EQ(workdays_between("2013-05-29", "2013-05-01"), 0);
  // 劳动节 2013: 04-29..05-01 off, the weekend before (04-27, 04-28) worked.
  EXPECT_EQ(workdays_between("2013-04-26", "2013-05-02"), 3);
  EXPECT_EQ(workdays_between("2013-09-30", "2013-10-08"), 1);  // 国庆节 10-01..10-07
}

INSTANTIATE_TEST_SUITE_P(Backends, CatalogTest, ::testing::Values("sqlite", "postgres"));

}  // namespace
}  // namespace gongkai::app
