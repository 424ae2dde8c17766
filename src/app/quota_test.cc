#include "app/quota.h"

#include <gtest/gtest.h>

#include "app/assessment.h"
#include "app/catalog.h"
#include "app/errors.h"
#include "app/requests.h"
#include "app/test_fixture.h"
#include "core/date.h"
#include "store/directory_store.h"
#include "store/item_store.h"
#include "store/mail_store.h"
#include "store/migrations.h"
#include "store/register_store.h"
#include "store/test_databases.h"

namespace gongkai::app {
namespace {

core::Date day(const char* iso) { return *core::Date::parse(iso); }

class QuotaServiceTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = store::open_test_database(GetParam(), 8);
    if (!db_) GTEST_SKIP() << "backend not available: " << GetParam();
    store::migrate(*db_);
    a_ = make_test_agency(*db_, "qa", "000014349");
  }

  // A draft of department `dept`; returns {item, revision}.
  std::pair<int64_t, int64_t> draft(const std::string& title, int64_t dept) {
    ItemInput in;
    in.title = title;
    in.department_id = dept;
    in.class_id = a_.class_id;
    in.topic_id = a_.topic_id;
    in.genre_id = a_.genre_id;
    in.creation_date = "2026-03-01";
    Principal by = dept == a_.dept_a ? a_.who["liaison"] : a_.who["office"];
    int64_t item = create_item(*db_, by, a_.id, in);
    return {item, view_item(*db_, a_.who["office"], a_.id, item).shown->id};
  }

  // A workflow event at a fixed UTC time, as the catalog writes them.
  void event_at(std::pair<int64_t, int64_t> ir, const std::string& action, const std::string& at) {
    auto c = db_->acquire();
    store::insert_workflow_event(*c, a_.id, ir.first, ir.second, a_.who["liaison"].user_id, action, "head", "", at);
  }

  // March 2026 for 商贸流通科: quota 3 due on the 15th (a Sunday → Friday 03-13).
  void march_activity() {
    set_quota(*db_, a_.who["office"], a_.id, {std::to_string(a_.dept_a), "2026", "3", "3", "15", "previous"});
    auto x = draft("甲", a_.dept_a), y = draft("乙", a_.dept_a), z = draft("丙", a_.dept_a);
    auto w = draft("丁", a_.dept_a), v = draft("戊", a_.dept_a);
    event_at(x, "submit", "2026-03-05T02:00:00Z");
    event_at(x, "publish", "2026-03-06T02:00:00Z");
    event_at(y, "submit", "2026-03-13T15:59:00Z");  // 23:59 CST on the due day: on time
    event_at(y, "return", "2026-03-14T01:00:00Z");
    event_at(z, "submit", "2026-03-13T16:00:00Z");  // 00:00 CST on the 14th: late
    event_at(w, "submit", "2026-02-28T16:30:00Z");  // 00:30 CST on 1 March: in March
    event_at(v, "submit", "2026-02-28T15:00:00Z");  // 23:00 CST on 28 February: not in March
    event_at(x, "submit", "2026-03-07T02:00:00Z");  // a resubmission counts the item once
  }

  std::unique_ptr<store::Database> db_;
  TestAgency a_;
};

TEST_P(QuotaServiceTest, CountsTheMonthFromWorkflowEventsInChinaTime) {
  march_activity();
  DeptMonth m = department_quota(*db_, a_.who["liaison"], a_.id, a_.dept_a, 2026, 3, day("2026-03-20"));
  ASSERT_TRUE(m.rule);
  EXPECT_EQ(m.required, 3);
  EXPECT_EQ(m.deadline->due.iso(), "2026-03-13");
  EXPECT_EQ(m.activity.submitted, 4);
  EXPECT_EQ(m.activity.on_time, 3);
  EXPECT_EQ(m.activity.approved, 1);
  EXPECT_EQ(m.activity.returned, 1);
  EXPECT_EQ(m.status, core::QuotaStatus::kMet);
  EXPECT_EQ(m.days_left, 0);

  // Raised to 4: only 3 were in by the deadline.
  set_quota(*db_, a_.who["office"], a_.id, {std::to_string(a_.dept_a), "2026", "3", "4", "15", "previous"});
  m = department_quota(*db_, a_.who["head"], a_.id, a_.dept_a, 2026, 3, day("2026-03-20"));
  EXPECT_EQ(m.status, core::QuotaStatus::kOverdue);
  m = department_quota(*db_, a_.who["head"], a_.id, a_.dept_a, 2026, 3, day("2026-03-09"));
  EXPECT_EQ(m.status, core::QuotaStatus::kBehind);
  EXPECT_EQ(m.days_left, 5);
}

TEST_P(QuotaServiceTest, YearlyRuleWithMonthExceptionsInTheOverview) {
  set_quota(*db_, a_.who["office"], a_.id, {std::to_string(a_.dept_b), "2026", "", "2", "10", "next"});
  set_quota(*db_, a_.who["office"], a_.id, {std::to_string(a_.dept_b), "2026", "2", "0", "10", "next"});
  auto mar = quota_overview(*db_, a_.who["office"], a_.id, 2026, 3, day("2026-03-20"));
  ASSERT_EQ(mar.size(), 2u);
  EXPECT_FALSE(mar[0].rule);  // 商贸流通科 has none
  EXPECT_EQ(mar[0].status, core::QuotaStatus::kNone);
  EXPECT_EQ(mar[1].required, 2);
  EXPECT_EQ(mar[1].status, core::QuotaStatus::kOverdue);
  auto feb = quota_overview(*db_, a_.who["leader"], a_.id, 2026, 2, day("2026-03-20"));
  EXPECT_EQ(feb[1].required, 0);
  EXPECT_EQ(feb[1].status, core::QuotaStatus::kMet);
  EXPECT_EQ(quota_rules(*db_, a_.who["office"], a_.id, 2026).size(), 2u);
}

TEST_P(QuotaServiceTest, OnlyTheDepartmentAndTheOfficeSeeIt) {
  EXPECT_THROW(department_quota(*db_, a_.who["liaison"], a_.id, a_.dept_b, 2026, 3, day("2026-03-20")), AppError);
  EXPECT_THROW(department_quota(*db_, a_.who["head_b"], a_.id, a_.dept_a, 2026, 3, day("2026-03-20")), AppError);
  EXPECT_NO_THROW(department_quota(*db_, a_.who["head_b"], a_.id, a_.dept_b, 2026, 3, day("2026-03-20")));
  EXPECT_THROW(quota_overview(*db_, a_.who["liaison"], a_.id, 2026, 3, day("2026-03-20")), AppError);
  EXPECT_THROW(set_quota(*db_, a_.who["liaison"], a_.id, {std::to_string(a_.dept_a), "2026", "3", "3", "15", ""}),
               AppError);
  auto other = make_test_agency(*db_, "qb", "000014350");
  EXPECT_THROW(department_quota(*db_, other.who["office"], a_.id, a_.dept_a, 2026, 3, day("2026-03-20")), AppError);
}

TEST_P(QuotaServiceTest, TheFormSaysWhatIsWrongInChinese) {
  try {
    set_quota(*db_, a_.who["office"], a_.id, {"", "1999", "13", "-1", "32", "sideways"});
    FAIL();
  } catch (const ValidationError& e) {
    EXPECT_EQ(e.fields().at("department_id"), "请选择科室");
    EXPECT_EQ(e.fields().at("year"), "年份应为2000至2100之间的整数");
    EXPECT_EQ(e.fields().at("month"), "月份应为1至12，全年规则留空");
    EXPECT_EQ(e.fields().at("items"), "报送条数应为0至1000之间的整数");
    EXPECT_EQ(e.fields().at("due_day"), "截止日应为每月1至31日之间的一天");
    EXPECT_EQ(e.fields().at("shift"), "非工作日调整方式只能是 提前 或 顺延");
  }
  auto other = make_test_agency(*db_, "qb", "000014350");
  try {
    set_quota(*db_, a_.who["office"], a_.id, {std::to_string(other.dept_a), "2026", "3", "1", "5", ""});
    FAIL();
  } catch (const ValidationError& e) {
    EXPECT_EQ(e.fields().at("department_id"), "所选科室不存在");
  }
  EXPECT_THROW(set_reminder_days(*db_, a_.who["office"], a_.id, "21"), ValidationError);
}

TEST_P(QuotaServiceTest, JobRemindsDepartmentsAndTellsTheOfficeOnce) {
  set_quota(*db_, a_.who["office"], a_.id, {std::to_string(a_.dept_a), "2026", "3", "3", "15", "previous"});
  set_quota(*db_, a_.who["office"], a_.id, {std::to_string(a_.dept_b), "2026", "", "2", "10", "previous"});
  int mailed = 0;
  set_quota_mail_hook([&](store::Conn&, int64_t, const store::QuotaNoticeRow&) { return ++mailed > 0; });
  // Wednesday 03-11: 商贸流通科 has 3 working days left (11, 12, 13), the reminder threshold;
  // 对外贸易科 missed 02-10 and 03-10.
  EXPECT_EQ(run_quota_notices(*db_, day("2026-03-11")), 3);
  EXPECT_EQ(run_quota_notices(*db_, day("2026-03-11")), 0);
  set_quota_mail_hook(quota_mail_by_outbox());
  EXPECT_EQ(mailed, 3);
  auto dept = quota_notices(*db_, a_.who["liaison"], a_.id, a_.dept_a);
  ASSERT_EQ(dept.size(), 1u);
  EXPECT_EQ(dept[0].kind, "reminder");
  EXPECT_EQ(dept[0].message, "2026年3月信息报送定额3条，已报送0条，截止日2026-03-13，还剩3个工作日。");
  EXPECT_TRUE(dept[0].mailed);
  auto office = quota_notices(*db_, a_.who["office"], a_.id, std::nullopt);
  ASSERT_EQ(office.size(), 2u);
  EXPECT_NE(office[0].message.find("对外贸易科"), std::string::npos);
  EXPECT_THROW(quota_notices(*db_, a_.who["liaison"], a_.id, std::nullopt), AppError);
  // Past the deadline the office hears about 商贸流通科 too.
  EXPECT_EQ(run_quota_notices(*db_, day("2026-03-16")), 1);
}

TEST_P(QuotaServiceTest, NoticesGoByMailToTheUsersTheyConcernOnce) {
  set_quota(*db_, a_.who["office"], a_.id, {std::to_string(a_.dept_a), "2026", "3", "3", "15", "previous"});
  {
    auto c = db_->acquire();
    for (const char* role : {"liaison", "office"}) {
      auto u = *store::find_user_by_username(*c, "qa." + std::string(role));
      u.email = std::string(role) + "@example.gov.cn";
      store::update_user(*c, u);
    }
  }
  set_quota_mail_hook(quota_mail_by_outbox());
  ASSERT_EQ(run_quota_notices(*db_, day("2026-03-11")), 1);  // the reminder to 商贸流通科
  EXPECT_EQ(run_quota_notices(*db_, day("2026-03-16")), 1);  // the office: deadline passed
  EXPECT_EQ(run_quota_notices(*db_, day("2026-03-16")), 0);
  auto c = db_->acquire();
  EXPECT_EQ(store::count_mail(*c, "pending"), 2);
  EXPECT_EQ(c->query_int("SELECT COUNT(*) FROM mail_outbox WHERE recipient = 'liaison@example.gov.cn'"), 1);
  EXPECT_EQ(c->query_int("SELECT COUNT(*) FROM mail_outbox WHERE recipient = 'office@example.gov.cn'"), 1);
}

TEST_P(QuotaServiceTest, AssessmentScoresExplainThemselves) {
  march_activity();
  set_quota(*db_, a_.who["office"], a_.id, {std::to_string(a_.dept_b), "2026", "", "2", "10", "previous"});
  {
    auto c = db_->acquire();
    auto x = draft("己", a_.dept_a);
    store::SecrecyEntry pass{0, x.first, x.second, a_.dept_a, a_.who["secrecy"].user_id, "己", "", "",
                             "2026-03-10T02:00:00Z", "通过", ""};
    store::insert_secrecy_entry(*c, a_.id, pass);
    pass.result = "退回";
    pass.reviewed_at = "2026-03-11T02:00:00Z";
    store::insert_secrecy_entry(*c, a_.id, pass);
  }
  Assessment a = assess(*db_, a_.who["office"], a_.id, "2026-03", day("2026-03-20"));
  EXPECT_EQ(a.scheme_version, 0);
  ASSERT_EQ(a.rows.size(), 2u);
  const DeptScore& first = a.rows[0];
  EXPECT_EQ(first.department_name, "商贸流通科");
  // quota 3/3, on time 3/3, first-pass 4/5 (5 submissions with 甲's resubmission, 1 return),
  // secrecy 1/2; timeliness and requests do not apply: 100 × (30 + 20 + 8 + 5) ÷ 70 = 90.0.
  EXPECT_EQ(core::format_points(first.score.total), "90.0") << first.score.formula;
  auto& ret = first.score.indicators[static_cast<int>(core::Indicator::kReturned)];
  EXPECT_EQ(ret.measure.good, 4);
  EXPECT_EQ(ret.measure.total, 5);
  EXPECT_EQ(first.score.formula, "得分 = 100 × (30×100.0% + 20×100.0% + 10×80.0% + 10×50.0%) ÷ 70 = 90.0");
  EXPECT_FALSE(first.score.indicators[static_cast<int>(core::Indicator::kTimely)].applicable);
  EXPECT_EQ(a.rows[1].department_name, "对外贸易科");
  EXPECT_EQ(core::format_points(a.rows[1].score.total), "0.0");

  add_assessment_adjustment(*db_, a_.who["office"], a_.id, std::to_string(a_.dept_b), "2026-03", "5.5",
                            "承担专项公开任务");
  a = assess(*db_, a_.who["office"], a_.id, "2026-03", day("2026-03-20"));
  EXPECT_EQ(core::format_points(a.rows[1].score.total), "5.5");
  ASSERT_EQ(a.rows[1].adjustments.size(), 1u);
  EXPECT_EQ(a.rows[1].adjustments[0].reason, "承担专项公开任务");

  int v = save_assessment_scheme(*db_, a_.who["office"], a_.id, {{"quota", "50"}, {"on_time", "50"}}, "只看数量和时限");
  EXPECT_EQ(v, 1);
  a = assess(*db_, a_.who["office"], a_.id, "2026-03", day("2026-03-20"));
  EXPECT_EQ(a.scheme_version, 1);
  EXPECT_EQ(core::format_points(a.rows[0].score.total), "100.0");

  // A liaison sees only their department's row.
  Assessment mine = assess(*db_, a_.who["liaison"], a_.id, "2026-Q1", day("2026-03-20"));
  ASSERT_EQ(mine.rows.size(), 1u);
  EXPECT_EQ(mine.rows[0].department_id, a_.dept_a);

  render::Document doc = assessment_document("测试局", a);
  EXPECT_NE(doc.title.find("2026年3月"), std::string::npos);
  const auto* table = std::get_if<render::Table>(&doc.blocks[2]);
  ASSERT_TRUE(table);
  EXPECT_EQ(table->rows.size(), 4u);  // two header rows, two departments
  EXPECT_EQ(table->rows[2][1].text, "商贸流通科");
  EXPECT_EQ(table->rows[2].back().text, "100.0");

  // With the trend, its chart follows the score table: one line per department by month.
  ScoreTrend trend = assessment_trend(*db_, a_.who["office"], a_.id, 2026, 3, day("2026-03-20"));
  EXPECT_EQ(trend_months(2026, day("2026-03-20")), 3);
  EXPECT_EQ(trend_months(2025, day("2026-03-20")), 12);
  EXPECT_EQ(trend_months(2027, day("2026-03-20")), 0);
  render::Document charted = assessment_document("测试局", a, &trend);
  ASSERT_EQ(charted.blocks.size(), doc.blocks.size() + 1);
  const auto* chart = std::get_if<render::ChartBlock>(&charted.blocks[3]);
  ASSERT_TRUE(chart);
  EXPECT_EQ(chart->kind, render::ChartKind::kLine);
  EXPECT_EQ(chart->chart.title, "2026年各科室月度考核得分");
  EXPECT_EQ(chart->chart.labels, (std::vector<std::string>{"1月", "2月", "3月"}));
  ASSERT_EQ(chart->chart.series.size(), trend.series.size());
  EXPECT_EQ(chart->chart.series[0].name, trend.series[0].first);
  EXPECT_EQ(chart->chart.series[0].values, trend.series[0].second);
}

TEST_P(QuotaServiceTest, AdjustmentsNeedAReasonAndStayWithinLimits) {
  auto dept = std::to_string(a_.dept_a);
  auto field_of = [&](const std::string& points, const std::string& reason) {
    try {
      add_assessment_adjustment(*db_, a_.who["office"], a_.id, dept, "2026-03", points, reason);
    } catch (const ValidationError& e) {
      return e.fields().begin()->first;
    }
    return std::string();
  };
  EXPECT_EQ(field_of("21", "理由"), "points");
  EXPECT_EQ(field_of("0", "理由"), "points");
  EXPECT_EQ(field_of("1.25", "理由"), "points");
  EXPECT_EQ(field_of("abc", "理由"), "points");
  EXPECT_EQ(field_of("-3", ""), "reason");
  EXPECT_EQ(field_of("-3", "扣分：未按时报送年报材料"), "");
  EXPECT_THROW(add_assessment_adjustment(*db_, a_.who["liaison"], a_.id, dept, "2026-03", "3", "理由"), AppError);
  EXPECT_THROW(assess(*db_, a_.who["office"], a_.id, "2026-13", day("2026-03-20")), ValidationError);
  EXPECT_THROW(save_assessment_scheme(*db_, a_.who["office"], a_.id, {{"quota", "0"}}, ""), ValidationError);
  EXPECT_THROW(save_assessment_scheme(*db_, a_.who["office"], a_.id, {{"quota", "101"}}, ""), ValidationError);
}


}  // namespace
}  // namespace gongkai::app

namespace gongkai::app {
namespace {

TEST_P(QuotaServiceTest, RequestsCountForTheDepartmentThatAnswered) {
  // A clerk of 对外贸易科 answers one request in time and one late.
  NewUser nu;
  nu.agency_id = a_.id;
  nu.username = "qa.clerk_b";
  nu.display_name = "受理员乙";
  nu.password = "password123";
  nu.department_id = a_.dept_b;
  nu.roles = {"clerk"};
  int64_t uid = create_user(*db_, Principal::system("test"), nu);
  Principal clerk;
  {
    auto c = db_->acquire();
    clerk = Principal::from_user(*store::find_user(*c, uid));
  }
  auto letter = [&](const char* received) {
    RequestInput in;
    in.applicant_kind = "natural_person";
    in.applicant_name = "张三";
    in.phone = "0574-63012345";
    in.address = "浙江省慈溪市白沙路街道某某路1号";
    in.description = "商贸流通专项资金分配结果";
    in.delivery_form = "paper";
    in.delivery_method = "post";
    in.id_type = "resident_id";
    in.id_number = "330282198001011237";
    in.channel = "letter";
    in.received_on = received;
    return enter_request(*db_, clerk, a_.id, in, new_request_keys()).id;
  };
  int64_t on_time = letter("2026-02-02"), late = letter("2026-02-03");
  EventInput d;
  d.kind = "decided";
  d.outcome = "granted";
  d.date = "2026-03-02";  // 2 Feb + 20 working days (春节 in between) is after this
  add_request_event(*db_, clerk, a_.id, on_time, d);
  d.date = "2026-03-31";
  add_request_event(*db_, clerk, a_.id, late, d);
  Assessment a = assess(*db_, a_.who["office"], a_.id, "2026-03", day("2026-04-10"));
  const DeptScore* b = nullptr;
  for (const auto& r : a.rows) {
    if (r.department_id == a_.dept_b) b = &r;
  }
  ASSERT_TRUE(b);
  auto& req = b->score.indicators[static_cast<int>(core::Indicator::kRequests)];
  EXPECT_TRUE(req.applicable);
  EXPECT_EQ(req.measure.good, 1);
  EXPECT_EQ(req.measure.total, 2);
  EXPECT_EQ(core::format_points(b->score.total), "50.0") << b->score.formula;
  // 商贸流通科 answered none: not assessed on requests.
  for (const auto& r : a.rows) {
    if (r.department_id == a_.dept_a) {
      EXPECT_FALSE(r.score.indicators[static_cast<int>(core::Indicator::kRequests)].applicable);
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, QuotaServiceTest, ::testing::Values("sqlite", "postgres"));

}  // namespace
}  // namespace gongkai::app
