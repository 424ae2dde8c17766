#include "app/statistics.h"

#include <gtest/gtest.h>

#include "app/demo.h"
#include "app/errors.h"
#include "app/requests.h"
#include "app/test_fixture.h"
#include "store/directory_store.h"
#include "store/migrations.h"
#include "store/test_databases.h"

namespace gongkai::app {
namespace {

class StatisticsTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = store::open_test_database(GetParam(), 4);
    if (!db_) GTEST_SKIP() << "backend not available: " << GetParam();
    store::migrate(*db_);
  }
  std::unique_ptr<store::Database> db_;
};

TEST_P(StatisticsTest, DemoCatalogByMonthAndClass) {
  load_demo(*db_, "password123");
  int64_t agency = 0;
  {
    auto c = db_->acquire();
    agency = store::find_agency_by_slug(*c, "cxswj")->id;
  }
  auto s = compute_statistics(*db_, Principal::system(), agency, 2013);
  int64_t total = 0;
  for (int64_t v : s.items_by_month) total += v;
  EXPECT_EQ(total, 203);
  EXPECT_EQ(s.published, 203);
  ASSERT_EQ(s.classes.size(), 4u);
  int64_t policy = 0;
  for (int64_t v : s.items_by_class.at("政策法规类")) policy += v;
  EXPECT_EQ(policy, 8);
  EXPECT_LE(s.publish_days.shortest, s.publish_days.median);
  EXPECT_LE(s.publish_days.median, s.publish_days.longest);
  auto doc = statistics_document(s);
  // The charts are in the document, each before its table: what the PDF and XLSX carry.
  std::vector<const render::ChartBlock*> charts;
  for (size_t i = 0; i < doc.blocks.size(); ++i) {
    if (const auto* ch = std::get_if<render::ChartBlock>(&doc.blocks[i])) {
      charts.push_back(ch);
      ASSERT_LT(i + 1, doc.blocks.size());
      EXPECT_TRUE(std::holds_alternative<render::Table>(doc.blocks[i + 1]));
    }
  }
  ASSERT_EQ(charts.size(), 2u);
  EXPECT_EQ(charts[0]->chart.title, "2013年每月发布信息（按分类）");
  EXPECT_EQ(charts[0]->kind, render::ChartKind::kBar);
  ASSERT_EQ(charts[0]->chart.series.size(), 4u);
  EXPECT_EQ(charts[0]->chart.series[0].name, "政策法规类");
  double charted = 0;
  for (const auto& v : charts[0]->chart.series[0].values) charted += v.value_or(0);
  EXPECT_EQ(charted, 8);
  EXPECT_EQ(charts[1]->chart.title, "2013年每月收到申请（按渠道）");
  EXPECT_EQ(charts[1]->kind, render::ChartKind::kLine);
  auto csv = statistics_csv(s, 0);
  ASSERT_TRUE(csv);
  EXPECT_EQ(csv->rfind("\xEF\xBB\xBF,1月,2月", 0), 0u) << csv->substr(0, 40);
  EXPECT_NE(csv->find("\r\n合计,"), std::string::npos);
  EXPECT_FALSE(statistics_csv(s, 9));
}

TEST_P(StatisticsTest, RequestsByMonthChannelAndResponseTimes) {
  auto a = make_test_agency(*db_, "st", "000014349");
  auto enter = [&](const char* received, const char* channel) {
    RequestInput in;
    in.applicant_kind = "natural_person";
    in.applicant_name = "张三";
    in.phone = "0574-63012345";
    in.email = "a@example.com";
    in.address = "浙江省慈溪市某某路1号";
    in.description = "某某文件";
    in.delivery_form = "electronic";
    in.delivery_method = "email";
    in.id_type = "resident_id";
    in.id_number = "330282198001011237";
    in.channel = channel;
    in.received_on = received;
    return enter_request(*db_, a.who["clerk"], a.id, in, new_request_keys()).id;
  };
  auto decide = [&](int64_t id, const char* on, const char* outcome) {
    EventInput e;
    e.kind = "decided";
    e.date = on;
    e.outcome = outcome;
    add_request_event(*db_, a.who["office"], a.id, id, e, *core::Date::parse("2024-06-28"));
  };
  // 2023-03-01 (Wed) → 2023-03-08 (Wed): 5 working days; → 2023-03-15: 10.
  decide(enter("2023-03-01", "email"), "2023-03-08", "granted");
  decide(enter("2023-03-01", "letter"), "2023-03-15", "denied.4");
  enter("2023-11-20", "letter");  // still open: overdue by 2024
  auto s = compute_statistics(*db_, a.who["leader"], a.id, 2023, std::nullopt, *core::Date::parse("2024-06-28"));
  EXPECT_EQ(s.requests_by_month[2], 2);
  EXPECT_EQ(s.requests_by_month[10], 1);
  EXPECT_EQ(s.requests_by_channel.at("letter")[2], 1);
  EXPECT_EQ(s.requests_by_channel.at("email")[2], 1);
  EXPECT_EQ(s.response_days.count, 2);
  EXPECT_EQ(s.response_days.shortest, 5);
  EXPECT_EQ(s.response_days.longest, 10);
  EXPECT_DOUBLE_EQ(s.response_days.median, 7.5);
  EXPECT_EQ(s.outcomes_by_group.at("（一）予以公开"), 1);
  EXPECT_EQ(s.outcomes_by_group.at("（三）不予公开"), 1);
  EXPECT_EQ(s.overdue_now, 1);
  // One department: its catalog only.
  auto dept = compute_statistics(*db_, a.who["office"], a.id, 2023, a.dept_a);
  EXPECT_EQ(dept.department_name, "商贸流通科");
  EXPECT_THROW(compute_statistics(*db_, a.who["office"], a.id, 2023, 999999), AppError);
  EXPECT_THROW(compute_statistics(*db_, a.who["liaison"], a.id, 2023), AppError);
}

INSTANTIATE_TEST_SUITE_P(Backends, StatisticsTest, ::testing::Values("sqlite", "postgres"));

}  // namespace
}  // namespace gongkai::app
