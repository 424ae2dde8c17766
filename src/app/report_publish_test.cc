#include "app/report_publish.h"

#include <gtest/gtest.h>

#include "app/errors.h"
#include "app/requests.h"
#include "app/test_fixture.h"
#include "store/migrations.h"
#include "store/test_databases.h"

namespace gongkai::app {
namespace {

class ReportPublishTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = store::open_test_database(GetParam(), 4);
    if (!db_) GTEST_SKIP() << "backend not available: " << GetParam();
    store::migrate(*db_);
    a_ = make_test_agency(*db_, "rp", "000014349");
  }
  int64_t request(const std::string& received_on) {
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
    in.channel = "letter";
    in.received_on = received_on;
    return enter_request(*db_, a_.who["clerk"], a_.id, in, new_request_keys()).id;
  }
  std::map<std::string, std::string> refusal(const std::function<void()>& f) {
    try {
      f();
    } catch (const ValidationError& e) {
      return e.fields();
    }
    ADD_FAILURE() << "accepted";
    return {};
  }
  std::unique_ptr<store::Database> db_;
  TestAgency a_;
};

TEST_P(ReportPublishTest, DraftStartsFromComputedTextAndIsSanitised) {
  auto d = load_draft(*db_, a_.who["office"], a_.id, 2023, ReportLayout::k2021);
  EXPECT_FALSE(d.stored);
  EXPECT_NE(d.parts["overview"].find("全年未收到政府信息公开申请"), std::string::npos) << d.parts["overview"];
  EXPECT_TRUE(d.parts["problems"].empty());
  ReportParts parts;
  parts["problems"] = "<p onclick=\"x()\">一是<script>alert(1)</script>规范性有待加强</p>";
  parts["nonsense"] = "<p>ignored</p>";
  save_draft(*db_, a_.who["office"], a_.id, 2023, ReportLayout::k2021, parts, {"3", "2", "1", "1.25"});
  d = load_draft(*db_, a_.who["office"], a_.id, 2023, ReportLayout::k2021);
  EXPECT_TRUE(d.stored);
  EXPECT_EQ(d.parts["problems"].find("script"), std::string::npos) << d.parts["problems"];
  EXPECT_EQ(d.parts["problems"].find("onclick"), std::string::npos);
  EXPECT_NE(d.parts["problems"].find("规范性有待加强"), std::string::npos);
  EXPECT_EQ(d.parts.count("nonsense"), 0u);
  EXPECT_EQ(d.figures.permits, 3);
  EXPECT_EQ(d.figures.charges_yuan, 12500);
  // The figures feed table 二 of the computed report.
  auto data = compute_report(*db_, a_.who["office"], a_.id, 2023);
  EXPECT_EQ(data.typed.penalties, 2);
  EXPECT_EQ(data.typed.enforcement, 1);
  auto f = refusal([&] {
    save_draft(*db_, a_.who["office"], a_.id, 2023, ReportLayout::k2021, {}, {"-1", "x", "1", "1.23456"});
  });
  EXPECT_TRUE(f.count("permits"));
  EXPECT_TRUE(f.count("penalties"));
  EXPECT_TRUE(f.count("charges_wan_yuan"));
  EXPECT_THROW(save_draft(*db_, a_.who["leader"], a_.id, 2023, ReportLayout::k2021, {}, {}), AppError);
}

TEST_P(ReportPublishTest, PublishedReportsAreFrozenAndVersioned) {
  auto f = refusal([&] { publish_report(*db_, a_.who["office"], a_.id, 2023, ReportLayout::k2008, "2024-03-10"); });
  EXPECT_TRUE(f.count("part.problems"));  // required and empty
  ReportParts parts;
  parts["problems"] = "<p>一是规范性有待加强。</p>";
  save_draft(*db_, a_.who["office"], a_.id, 2023, ReportLayout::k2008, parts, {});
  request("2023-05-05");
  EXPECT_EQ(publish_report(*db_, a_.who["office"], a_.id, 2023, ReportLayout::k2008, "2024-03-10"), 1);
  request("2023-06-06");  // a later change to the data
  auto pub = published_report(*db_, a_.id, 2023);
  ASSERT_TRUE(pub);
  EXPECT_EQ(pub->version, 1);
  EXPECT_EQ(pub->signed_on, "2024-03-10");
  EXPECT_EQ(pub->data.received, 1);  // frozen
  EXPECT_NE(pub->parts["problems"].find("规范性有待加强"), std::string::npos);
  EXPECT_EQ(compute_report(*db_, a_.who["office"], a_.id, 2023).received, 2);
  EXPECT_EQ(publish_report(*db_, a_.who["office"], a_.id, 2023, ReportLayout::k2008, "2024-03-12"), 2);
  pub = published_report(*db_, a_.id, 2023);
  EXPECT_EQ(pub->version, 2);
  EXPECT_EQ(pub->data.received, 2);
  auto list = list_published(*db_, a_.id);
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0].version, 2);
  EXPECT_EQ(report_versions(*db_, a_.who["leader"], a_.id, 2023, ReportLayout::k2008).size(), 2u);
  EXPECT_FALSE(published_report(*db_, a_.id, 2022));
  auto c = db_->acquire();
  EXPECT_EQ(c->query_int("SELECT COUNT(*) FROM audit_log WHERE action = 'report.publish'"), 2);
  EXPECT_THROW(publish_report(*db_, a_.who["clerk"], a_.id, 2023, ReportLayout::k2008), AppError);
}

TEST_P(ReportPublishTest, ATableThatDoesNotAddUpBlocksPublishing) {
  int64_t id = request("2023-05-05");
  // A decision whose outcome the report cannot count (as a broken import would leave it).
  {
    auto c = db_->acquire();
    c->query("UPDATE requests SET outcome = 'denied.9', concluded_on = '2023-05-20' WHERE id = ?", {id});
    c->query(
        "INSERT INTO request_events (request_id, agency_id, seq, kind, event_date, detail, created_at) "
        "VALUES (?, ?, 99, 'decided', '2023-05-20', '{}', '2023-05-20T00:00:00Z')",
        {id, a_.id});
  }
  auto data = compute_report(*db_, a_.who["office"], a_.id, 2023);
  ASSERT_EQ(data.problems.size(), 1u);
  EXPECT_EQ(data.problems[0].id, id);
  auto breaks = core::table3_breaks(data.table3);
  EXPECT_FALSE(breaks.empty());
  ReportParts parts;
  parts["problems"] = "<p>问题</p>";
  save_draft(*db_, a_.who["office"], a_.id, 2023, ReportLayout::k2021, parts, {});
  auto f = refusal([&] { publish_report(*db_, a_.who["office"], a_.id, 2023, ReportLayout::k2021); });
  ASSERT_TRUE(f.count("table3"));
  EXPECT_NE(f["table3"].find(data.problems[0].tracking_code), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Backends, ReportPublishTest, ::testing::Values("sqlite", "postgres"));

TEST(ReportPublish, WanYuanParsing) {
  EXPECT_EQ(parse_wan_yuan("1.25"), 12500);
  EXPECT_EQ(parse_wan_yuan("0"), 0);
  EXPECT_EQ(parse_wan_yuan(""), 0);
  EXPECT_EQ(parse_wan_yuan("12"), 120000);
  EXPECT_EQ(parse_wan_yuan("0.0001"), 1);
  EXPECT_FALSE(parse_wan_yuan("1."));
  EXPECT_FALSE(parse_wan_yuan("-1"));
  EXPECT_FALSE(parse_wan_yuan("1.23456"));
  EXPECT_FALSE(parse_wan_yuan("1e5"));
}

}  // namespace
}  // namespace gongkai::app
