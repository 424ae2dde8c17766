#include "app/demo_quota.h"

#include <gtest/gtest.h>

#include "app/assessment.h"
#include "app/demo.h"
#include "app/quota.h"
#include "app/register.h"
#include "store/directory_store.h"
#include "store/migrations.h"
#include "store/test_databases.h"

namespace gongkai::app {
namespace {

TEST(DemoQuotaTest, TheDemoAgencyHasQuotasAndAnAssessmentToShow) {
  auto db = store::open_test_database("sqlite", 4);
  store::migrate(*db);
  load_demo(*db, "Demo-pass123");
  int64_t agency;
  {
    auto c = db->acquire();
    agency = store::find_agency_by_slug(*c, "cxswj")->id;
  }
  core::Date today = core::Date::today_cst();
  core::Date last = *core::Date::from_ymd(today.year(), today.month(), 1);
  last = last.add_days(-1);
  Principal office = Principal::system("test");
  auto rows = quota_overview(*db, office, agency, last.year(), last.month(), today);
  int with_quota = 0, met = 0;
  for (const auto& r : rows) {
    if (r.rule) ++with_quota;
    if (r.status == core::QuotaStatus::kMet) ++met;
  }
  EXPECT_EQ(with_quota, 6);  // every department but 办公室
  EXPECT_GT(met, 0);
  EXPECT_LT(met, 6);          // some fall short in the demo
  char id[16];
  std::snprintf(id, sizeof id, "%04d-%02d", last.year(), last.month());
  Assessment a = assess(*db, office, agency, id, today);
  ASSERT_FALSE(a.rows.empty());
  EXPECT_TRUE(a.rows.front().score.scored);
  EXPECT_GT(a.rows.front().score.total, a.rows[5].score.total);
  auto channels = channel_counts(*db, agency, 2013);
  EXPECT_EQ(channels.at(2).first, "政务公开栏");
  EXPECT_EQ(channels.at(2).second, 18);  // three items per department, newest first: all of 2013
  EXPECT_EQ(channels.at(0).second, 6);   // 报刊: one per department
}

}  // namespace
}  // namespace gongkai::app
