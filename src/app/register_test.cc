#include "app/register.h"

#include <gtest/gtest.h>

#include "app/catalog.h"
#include "app/errors.h"
#include "app/test_fixture.h"
#include "core/date.h"
#include "store/migrations.h"
#include "store/test_databases.h"

namespace gongkai::app {
namespace {

class RegisterTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = store::open_test_database(GetParam(), 8);
    if (!db_) GTEST_SKIP() << "backend not available: " << GetParam();
    store::migrate(*db_);
    a_ = make_test_agency(*db_, "ra", "000014349");
  }

  int64_t draft(const std::string& title) {
    ItemInput in;
    in.title = title;
    in.department_id = a_.dept_a;
    in.class_id = a_.class_id;
    in.topic_id = a_.topic_id;
    in.genre_id = a_.genre_id;
    in.creation_date = core::Date::today_cst().iso();
    return create_item(*db_, a_.who["liaison"], a_.id, in);
  }
  int64_t rev_of(int64_t item) { return view_item(*db_, a_.who["office"], a_.id, item).shown->id; }

  // Up to the confidentiality step.
  int64_t to_secrecy(const std::string& title) {
    int64_t item = draft(title);
    int64_t rev = rev_of(item);
    submit_revision(*db_, a_.who["liaison"], a_.id, rev);
    approve_revision(*db_, a_.who["head"], a_.id, rev, "同意");
    approve_revision(*db_, a_.who["leader"], a_.id, rev, "同意");
    return item;
  }

  std::unique_ptr<store::Database> db_;
  TestAgency a_;
};

TEST_P(RegisterTest, TheSecrecyStepWritesTheRegister) {
  int64_t ok = to_secrecy("关于商贸流通统计数据的公告");
  approve_revision(*db_, a_.who["secrecy"], a_.id, rev_of(ok), "不涉密");
  int64_t back = to_secrecy("内部工作方案");
  return_revision(*db_, a_.who["secrecy"], a_.id, rev_of(back), "含敏感内容，请删除第三段");
  // Steps before the secrecy step write nothing.
  int64_t early = draft("尚在科室审核");
  submit_revision(*db_, a_.who["liaison"], a_.id, rev_of(early));
  return_revision(*db_, a_.who["head"], a_.id, rev_of(early), "请补充");

  auto all = secrecy_register(*db_, a_.who["office"], a_.id, {});
  ASSERT_EQ(all.total, 2);
  EXPECT_EQ(all.rows[0].result, "退回");
  EXPECT_EQ(all.rows[0].remarks, "含敏感内容，请删除第三段");
  EXPECT_EQ(all.rows[0].department_name, "商贸流通科");
  EXPECT_FALSE(all.rows[0].reviewer_name.empty());
  EXPECT_EQ(all.rows[1].result, "通过");
  EXPECT_TRUE(all.rows[1].index_no.has_value());

  RegisterQuery q;
  q.q = "统计";
  EXPECT_EQ(secrecy_register(*db_, a_.who["secrecy"], a_.id, q).total, 1);
  q = {};
  q.q = "第三段";  // remarks are searched too
  EXPECT_EQ(secrecy_register(*db_, a_.who["leader"], a_.id, q).total, 1);
  q = {};
  q.result = "通过";
  EXPECT_EQ(secrecy_register(*db_, a_.who["office"], a_.id, q).rows.at(0).item_id, ok);
  q = {};
  q.from = core::Date::today_cst().add_days(1).iso();
  EXPECT_EQ(secrecy_register(*db_, a_.who["office"], a_.id, q).total, 0);
  q.from = core::Date::today_cst().iso();
  q.to = core::Date::today_cst().iso();
  EXPECT_EQ(secrecy_register(*db_, a_.who["office"], a_.id, q).total, 2);
  q.to = "2026/01/01";
  EXPECT_THROW(secrecy_register(*db_, a_.who["office"], a_.id, q), ValidationError);
  EXPECT_THROW(secrecy_register(*db_, a_.who["liaison"], a_.id, {}), AppError);

  render::Document doc = secrecy_register_document("测试局", all);
  const auto* t = std::get_if<render::Table>(&doc.blocks.at(2));
  ASSERT_TRUE(t);
  EXPECT_EQ(t->rows.size(), 3u);
  EXPECT_EQ(t->rows[1][6].text, "退回");
}

TEST_P(RegisterTest, ChannelsPerItemAndCountsPerYear) {
  int64_t item = draft("招商引资政策解读");
  add_channel(*db_, a_.who["liaison"], a_.id, item, {"报刊", "2026-03-02", "慈溪日报第1234期"});
  add_channel(*db_, a_.who["office"], a_.id, item, {"政务新媒体（微信公众号）", "2026-03-03", "慈溪商务"});
  add_channel(*db_, a_.who["office"], a_.id, item, {"报刊", "2025-12-30", "上年"});
  auto list = item_channels(*db_, a_.who["head"], a_.id, item);
  ASSERT_EQ(list.size(), 3u);
  EXPECT_EQ(list[0].on_date, "2025-12-30");
  auto counts = channel_counts(*db_, a_.id, 2026);
  EXPECT_EQ(counts.size(), channel_names().size());
  EXPECT_EQ(counts[0], (std::pair<std::string, int64_t>{"报刊", 1}));
  EXPECT_EQ(counts[4].second, 1);
  EXPECT_EQ(counts[1].second, 0);
  try {
    add_channel(*db_, a_.who["office"], a_.id, item, {"飞鸽传书", "2026-13-01", std::string(201 * 3, 'x')});
    FAIL();
  } catch (const ValidationError& e) {
    EXPECT_EQ(e.fields().at("channel"), "请选择公开渠道");
    EXPECT_EQ(e.fields().at("on_date"), "请按 年-月-日 填写公开日期");
    EXPECT_EQ(e.fields().at("reference"), "刊期、账号或地点不能超过200个字");
  }
  // Another department's head may not record channels of this item.
  EXPECT_THROW(add_channel(*db_, a_.who["head_b"], a_.id, item, {"报刊", "2026-03-02", ""}), AppError);
  remove_channel(*db_, a_.who["office"], a_.id, list[0].id);
  EXPECT_EQ(item_channels(*db_, a_.who["head"], a_.id, item).size(), 2u);
  auto other = make_test_agency(*db_, "rb", "000014350");
  EXPECT_THROW(remove_channel(*db_, other.who["office"], a_.id, list[1].id), AppError);
  EXPECT_THROW(remove_channel(*db_, other.who["office"], other.id, list[1].id), AppError);
}

TEST_P(RegisterTest, DisclosureAttributeAtTheSource) {
  int64_t item = draft("干部考察材料");
  // The 公开方式 chosen in the editor is the first decision, by the drafter.
  auto first = disclosure_attribute(*db_, a_.who["office"], a_.id, item);
  ASSERT_TRUE(first);
  EXPECT_EQ(first->mode, "主动公开");
  EXPECT_EQ(first->remarks, "起草时选定公开方式");
  EXPECT_EQ(first->decided_by_name, a_.who["liaison"].display_name);
  try {
    set_disclosure_attribute(*db_, a_.who["liaison"], a_.id, item, {"不予公开", "", ""});
    FAIL();
  } catch (const ValidationError& e) {
    EXPECT_EQ(e.fields().at("legal_reason"), "不予公开须选择法定理由");
  }
  EXPECT_THROW(set_disclosure_attribute(*db_, a_.who["liaison"], a_.id, item, {"半公开", "", ""}), ValidationError);
  EXPECT_THROW(set_disclosure_attribute(*db_, a_.who["liaison"], a_.id, item, {"主动公开", "denied.1", ""}),
               ValidationError);
  set_disclosure_attribute(*db_, a_.who["liaison"], a_.id, item, {"依申请公开", "", ""});
  set_disclosure_attribute(*db_, a_.who["secrecy"], a_.id, item, {"不予公开", "denied.5", "内部人事管理"});
  auto cur = disclosure_attribute(*db_, a_.who["office"], a_.id, item);
  ASSERT_TRUE(cur);
  EXPECT_EQ(cur->mode, "不予公开");
  EXPECT_EQ(legal_reason_label(cur->legal_reason), "属于三类内部事务信息（《条例》第十六条第一款）");
  auto reg = attribute_register(*db_, a_.who["office"], a_.id, "", "", 1);
  EXPECT_EQ(reg.total, 3);
  EXPECT_EQ(attribute_register(*db_, a_.who["office"], a_.id, "不予公开", "干部", 1).total, 1);
  EXPECT_EQ(attribute_register(*db_, a_.who["office"], a_.id, "主动公开", "", 1).total, 1);
  // Editing the draft without changing its 公开方式 records nothing new.
  ItemInput same;
  same.title = "干部考察材料（修改）";
  same.department_id = a_.dept_a;
  same.class_id = a_.class_id;
  same.topic_id = a_.topic_id;
  same.genre_id = a_.genre_id;
  same.creation_date = core::Date::today_cst().iso();
  same.disclosure_mode = "不予公开";
  update_revision(*db_, a_.who["liaison"], a_.id, rev_of(item), same);
  EXPECT_EQ(attribute_register(*db_, a_.who["office"], a_.id, "", "", 1).total, 3);
  same.disclosure_mode = "依申请公开";
  update_revision(*db_, a_.who["liaison"], a_.id, rev_of(item), same);
  auto now = disclosure_attribute(*db_, a_.who["office"], a_.id, item);
  EXPECT_EQ(now->mode, "依申请公开");
  EXPECT_EQ(now->remarks, "在信息编辑中修改公开方式");
  EXPECT_THROW(set_disclosure_attribute(*db_, a_.who["head_b"], a_.id, item, {"主动公开", "", ""}), AppError);
}

TEST_P(RegisterTest, BulletinListsTheMonthsPublications) {
  int64_t item = to_secrecy("二〇二六年商务工作要点");
  approve_revision(*db_, a_.who["secrecy"], a_.id, rev_of(item), "不涉密");
  core::Date today = core::Date::today_cst();
  render::Document doc = bulletin_document(*db_, a_.who["office"], a_.id, today.year(), today.month(),
                                           render::PageSize::kA3);
  EXPECT_EQ(doc.page, render::PageSize::kA3);
  const render::Table* t = nullptr;
  for (const auto& b : doc.blocks) {
    if (auto* x = std::get_if<render::Table>(&b)) t = x;
  }
  ASSERT_TRUE(t);
  ASSERT_EQ(t->rows.size(), 2u);
  EXPECT_EQ(t->rows[1][2].text, "二〇二六年商务工作要点");
  EXPECT_EQ(t->rows[1][4].text, "商贸流通科");
  render::Document empty = bulletin_document(*db_, a_.who["office"], a_.id, 2001, 1, render::PageSize::kA4);
  EXPECT_EQ(std::get<render::Paragraph>(empty.blocks.at(2)).text, "本月没有新公开的政府信息。");
  EXPECT_THROW(bulletin_document(*db_, a_.who["liaison"], a_.id, 2026, 1, render::PageSize::kA4), AppError);
}

INSTANTIATE_TEST_SUITE_P(Backends, RegisterTest, ::testing::Values("sqlite", "postgres"));

}  // namespace
}  // namespace gongkai::app
