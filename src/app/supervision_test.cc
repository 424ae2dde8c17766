#include "app/supervision.h"

#include <gtest/gtest.h>

#include "app/errors.h"
#include "app/requests.h"
#include "app/test_fixture.h"
#include "core/date.h"
#include "store/migrations.h"
#include "store/test_databases.h"

namespace gongkai::app {
namespace {

class SupervisionTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = store::open_test_database(GetParam(), 8);
    if (!db_) GTEST_SKIP() << "backend not available: " << GetParam();
    store::migrate(*db_);
    a_ = make_test_agency(*db_, "sv", "000014349");
  }

  std::string field_of(const std::function<void()>& fn) {
    try {
      fn();
    } catch (const ValidationError& e) {
      std::string out;
      for (const auto& [f, m] : e.fields()) out += (out.empty() ? "" : ",") + f;
      return out;
    }
    return "";
  }

  std::unique_ptr<store::Database> db_;
  TestAgency a_;
};

TEST_P(SupervisionTest, ComplaintFromTheFormToItsResult) {
  RequestInput req;
  req.applicant_kind = "natural_person";
  req.applicant_name = "张三";
  req.phone = "0574-63012345";
  req.address = "浙江省慈溪市白沙路街道某某路1号";
  req.description = "2023年度商贸流通专项资金分配结果";
  req.delivery_form = "electronic";
  req.delivery_method = "email";
  req.email = "zhangsan@example.com";
  req.id_type = "resident_id";
  req.id_number = "330282198001011237";
  auto sub = submit_online(*db_, "sv", req, new_request_keys());

  ComplaintInput in{"投诉", "", "张三", "0574-63012345", "申请超过期限仍未答复。", sub.tracking_code, ""};
  std::string ref = submit_complaint_online(*db_, a_.id, in);
  EXPECT_EQ(ref.substr(0, 2), "TS");
  auto list = complaints(*db_, a_.who["office"], a_.id, "open");
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0].channel, "网上");
  EXPECT_EQ(list[0].request_code, sub.tracking_code);
  EXPECT_EQ(list[0].received_on, core::Date::today_cst().iso());
  int64_t id = list[0].id;
  std::string today = core::Date::today_cst().iso();
  add_complaint_step(*db_, a_.who["office"], a_.id, id, today, "转办", "转商贸流通科核实");
  close_complaint(*db_, a_.who["office"], a_.id, id, "已督促答复，并向投诉人说明情况。", today);
  auto v = view_complaint(*db_, a_.who["leader"], a_.id, id);
  EXPECT_EQ(v.row.status, "closed");
  ASSERT_EQ(v.steps.size(), 2u);
  EXPECT_EQ(v.steps[1].action, "办结");
  EXPECT_THROW(close_complaint(*db_, a_.who["office"], a_.id, id, "再次", today), AppError);
  auto counts = complaint_counts(*db_, a_.id, core::Date::today_cst().year());
  EXPECT_EQ(counts[0].first, "投诉");
  EXPECT_EQ(counts[0].second, (std::pair<int64_t, int64_t>{1, 1}));
  EXPECT_EQ(counts[1].second.first, 0);
}

TEST_P(SupervisionTest, ComplaintsAreCheckedAndGuarded) {
  EXPECT_EQ(field_of([&] { submit_complaint_online(*db_, a_.id, {"表扬", "", "", "", "", "NOPE", ""}); }),
            "content,kind,request_code");
  EXPECT_EQ(field_of([&] {
              enter_complaint(*db_, a_.who["office"], a_.id, {"举报", "飞鸽", "", "", "内容", "", "2099-01-01"});
            }),
            "channel,received_on");
  int64_t id = enter_complaint(*db_, a_.who["office"], a_.id, {"举报", "来信", "", "", "某科室未按规定公开", "", "2026-01-05"});
  EXPECT_EQ(field_of([&] { add_complaint_step(*db_, a_.who["office"], a_.id, id, "2026-01-04", "调查", ""); }),
            "on_date");
  EXPECT_THROW(enter_complaint(*db_, a_.who["liaison"], a_.id, {"举报", "来信", "", "", "x", "", "2026-01-05"}), AppError);
  EXPECT_THROW(complaints(*db_, a_.who["liaison"], a_.id, ""), AppError);
  auto other = make_test_agency(*db_, "sw", "000014350");
  EXPECT_THROW(view_complaint(*db_, other.who["office"], other.id, id), AppError);
}

TEST_P(SupervisionTest, WorkRecordsMakeTheOverviewSentences) {
  Principal office = a_.who["office"];
  EXPECT_EQ(overview_sentences(*db_, a_.id, 2025), std::vector<std::string>{"全年未收到涉及政府信息公开工作的投诉、举报。"});
  add_work_record(*db_, office, a_.id, {"training", "2025-04-10", "新《条例》解读", "60", ""});
  add_work_record(*db_, office, a_.id, {"training", "2025-09-16", "依申请公开办理实务", "45", ""});
  add_work_record(*db_, office, a_.id, {"meeting", "2025-03-02", "年度政务公开工作部署会", "", ""});
  add_work_record(*db_, office, a_.id, {"rule", "2025-05-20", "政府信息公开保密审查制度", "", "第一条 ……"});
  add_work_record(*db_, office, a_.id, {"training", "2024-12-31", "上年培训", "10", ""});
  add_group_member(*db_, office, a_.id, {"组长", "张伟", "副局长", "1"});
  add_group_member(*db_, office, a_.id, {"成员", "王敏", "办公室主任", "2"});
  add_group_member(*db_, office, a_.id, {"成员", "李军", "商贸流通科科长", "3"});
  add_group_member(*db_, office, a_.id, {"联络员", "陈晓", "", "4"});
  std::vector<std::string> want = {
      "成立了以副局长张伟为组长的政府信息公开工作领导小组，成员2人，陈晓为联络员。",
      "全年组织专题培训2次，参训105人次。",
      "召开政府信息公开工作会议1次。",
      "制定（修订）《政府信息公开保密审查制度》制度1项。",
      "全年未收到涉及政府信息公开工作的投诉、举报。"};
  EXPECT_EQ(overview_sentences(*db_, a_.id, 2025), want);
  EXPECT_EQ(work_records(*db_, office, a_.id, 2025).size(), 4u);
  EXPECT_EQ(group_members(*db_, a_.who["leader"], a_.id).front().name, "张伟");
  EXPECT_EQ(field_of([&] { add_work_record(*db_, office, a_.id, {"party", "2025-13-01", "", "-1", ""}); }),
            "kind,on_date,participants,title");
  EXPECT_EQ(field_of([&] { add_group_member(*db_, office, a_.id, {"主任", "", "", "x"}); }), "duty,member_name,sort");
  EXPECT_THROW(add_work_record(*db_, a_.who["liaison"], a_.id, {"meeting", "2025-03-02", "会", "", ""}), AppError);
  auto rec = work_records(*db_, office, a_.id, 2025).front();
  remove_work_record(*db_, office, a_.id, rec.id);
  EXPECT_EQ(work_records(*db_, office, a_.id, 2025).size(), 3u);
}

INSTANTIATE_TEST_SUITE_P(Backends, SupervisionTest, ::testing::Values("sqlite", "postgres"));

}  // namespace
}  // namespace gongkai::app
