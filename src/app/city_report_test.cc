#include "app/city_report.h"

#include <gtest/gtest.h>

#include "app/errors.h"
#include "app/report_publish.h"
#include "app/requests.h"
#include "app/test_fixture.h"
#include "store/migrations.h"
#include "store/test_databases.h"

namespace gongkai::app {
namespace {

class CityReportTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = store::open_test_database(GetParam(), 4);
    if (!db_) GTEST_SKIP() << "backend not available: " << GetParam();
    store::migrate(*db_);
    a_ = make_test_agency(*db_, "ca", "000014349");
    b_ = make_test_agency(*db_, "cb", "000014357");
    NewUser u;
    u.username = "city.centre";
    u.display_name = "信息中心";
    u.password = "password123";
    u.roles = {"infocenter"};
    int64_t id = create_user(*db_, Principal::system(), u);
    auto c = db_->acquire();
    centre_ = Principal::from_user(*store::find_user(*c, id));
  }
  void request(TestAgency& a, const std::string& kind, const std::string& received_on) {
    RequestInput in;
    in.applicant_kind = kind;
    in.applicant_name = "张三";
    if (kind != "natural_person") in.organisation = "某某公司";
    in.phone = "0574-63012345";
    in.email = "a@example.com";
    in.address = "浙江省慈溪市某某路1号";
    in.description = "某某文件";
    in.delivery_form = "electronic";
    in.delivery_method = "email";
    in.id_type = kind == "natural_person" ? "resident_id" : "credit_code";
    in.id_number = kind == "natural_person" ? "330282198001011237" : "91330282MA2AB1234P";
    in.channel = "letter";
    in.received_on = received_on;
    enter_request(*db_, a.who["clerk"], a.id, in, new_request_keys());
  }
  std::unique_ptr<store::Database> db_;
  TestAgency a_, b_;
  Principal centre_;
};

TEST_P(CityReportTest, TablesAreSummedOverAgencies) {
  request(a_, "natural_person", "2023-03-01");
  request(b_, "natural_person", "2023-04-01");
  request(b_, "commercial", "2022-12-01");
  ReportData city = compute_city_report(*db_, centre_, 2023);
  EXPECT_EQ(city.table3.row("new"), (core::Table3Row{2, 0, 0, 0, 0, 0, 2}));
  EXPECT_EQ(city.table3.row("carried_in"), (core::Table3Row{0, 1, 0, 0, 0, 0, 1}));
  EXPECT_EQ(city.table3.row("carried_out")[6], 3);
  EXPECT_EQ(city.received, 2);
  EXPECT_TRUE(core::table3_breaks(city.table3).empty());
  // Both agencies have the default classes: summed by name, not listed twice.
  std::set<std::string> names;
  for (const auto& k : city.proactive.classes) EXPECT_TRUE(names.insert(k.name).second) << k.name;
  try {
    compute_city_report(*db_, a_.who["office"], 2023);
    ADD_FAILURE() << "an agency's office saw the city figures";
  } catch (const AppError& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kForbidden);
  }
}

TEST_P(CityReportTest, AgenciesWithoutAReportBy31March) {
  ReportParts parts;
  parts["problems"] = "<p>问题</p>";
  for (auto* a : {&a_, &b_}) save_draft(*db_, a->who["office"], a->id, 2023, ReportLayout::k2021, parts, {});
  publish_report(*db_, a_.who["office"], a_.id, 2023, ReportLayout::k2021, "2024-03-01");
  publish_report(*db_, b_.who["office"], b_.id, 2023, ReportLayout::k2021, "2024-04-02");
  {
    auto c = db_->acquire();
    c->query("UPDATE published_reports SET published_at = '2024-03-31T15:59:59Z' WHERE agency_id = ?", {a_.id});
    c->query("UPDATE published_reports SET published_at = '2024-03-31T16:00:00Z' WHERE agency_id = ?", {b_.id});
  }
  auto late = agencies_without_report(*db_, centre_, 2023);
  ASSERT_EQ(late.size(), 1u);
  EXPECT_EQ(late[0].slug, "cb");  // published on 1 April in China
  EXPECT_EQ(late[0].published_at.value_or(""), "2024-03-31T16:00:00Z");
  auto none = agencies_without_report(*db_, centre_, 2022);
  EXPECT_EQ(none.size(), 2u);
}

INSTANTIATE_TEST_SUITE_P(Backends, CityReportTest, ::testing::Values("sqlite", "postgres"));

}  // namespace
}  // namespace gongkai::app
