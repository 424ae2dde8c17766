#include "app/appeals.h"

#include <gtest/gtest.h>

#include "app/errors.h"
#include "app/requests.h"
#include "app/test_fixture.h"
#include "store/audit_log.h"
#include "store/migrations.h"
#include "store/test_databases.h"

namespace gongkai::app {
namespace {

const core::Date kToday = *core::Date::parse("2024-06-28");

class AppealsTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = store::open_test_database(GetParam(), 4);
    if (!db_) GTEST_SKIP() << "backend not available: " << GetParam();
    store::migrate(*db_);
    a_ = make_test_agency(*db_, "ap", "000014349");
  }
  std::map<std::string, std::string> refusal(const std::string& who, const AppealInput& in) {
    try {
      create_appeal(*db_, a_.who[who], a_.id, in, kToday);
    } catch (const ValidationError& e) {
      return e.fields();
    }
    ADD_FAILURE() << "accepted";
    return {};
  }
  std::unique_ptr<store::Database> db_;
  TestAgency a_;
};

AppealInput valid() {
  AppealInput in;
  in.kind = "reconsideration";
  in.filed_on = "2024-03-01";
  in.case_ref = "慈政复〔2024〕12号";
  return in;
}

TEST_P(AppealsTest, CreateEditListWithAudit) {
  int64_t id = create_appeal(*db_, a_.who["clerk"], a_.id, valid(), kToday);
  auto row = get_appeal(*db_, a_.who["leader"], a_.id, id);
  EXPECT_EQ(row.kind, "reconsideration");
  EXPECT_EQ(row.result, "pending");
  EXPECT_FALSE(row.decided_on);
  AppealInput in = valid();
  in.result = "corrected";
  in.decided_on = "2024-05-20";
  in.remarks = "复议机关责令重新答复";
  update_appeal(*db_, a_.who["office"], a_.id, id, in, kToday);
  row = get_appeal(*db_, a_.who["office"], a_.id, id);
  EXPECT_EQ(row.result, "corrected");
  EXPECT_EQ(row.decided_on.value_or(""), "2024-05-20");
  EXPECT_EQ(list_appeals(*db_, a_.who["admin"], a_.id).size(), 1u);
  auto c = db_->acquire();
  EXPECT_EQ(c->query_int("SELECT COUNT(*) FROM audit_log WHERE entity = 'appeal' AND entity_id = ?",
                         {std::to_string(id)}),
            2);
}

TEST_P(AppealsTest, LinksToARequestOfTheAgency) {
  RequestInput r;
  r.applicant_kind = "natural_person";
  r.applicant_name = "张三";
  r.phone = "0574-63012345";
  r.address = "浙江省慈溪市某某路1号";
  r.description = "某某文件";
  r.delivery_form = "electronic";
  r.delivery_method = "email";
  r.email = "a@example.com";
  r.id_type = "resident_id";
  r.id_number = "330282198001011237";
  r.channel = "letter";
  r.received_on = "2024-01-10";
  auto req = enter_request(*db_, a_.who["clerk"], a_.id, r, new_request_keys());
  AppealInput in = valid();
  in.request_code = req.tracking_code;
  int64_t id = create_appeal(*db_, a_.who["office"], a_.id, in, kToday);
  auto row = get_appeal(*db_, a_.who["office"], a_.id, id);
  EXPECT_EQ(row.request_id.value_or(0), req.id);
  EXPECT_EQ(row.request_code, req.tracking_code);
  EXPECT_EQ(request_appeals(*db_, a_.who["office"], a_.id, req.id).size(), 1u);
  in.filed_on = "2024-01-05";  // before the request was received
  EXPECT_TRUE(refusal("office", in).count("request_code"));
  in = valid();
  in.request_code = "ZZZZZZZZ";
  EXPECT_TRUE(refusal("office", in).count("request_code"));
}

TEST_P(AppealsTest, RefusesBadInputWithMessages) {
  AppealInput in = valid();
  in.kind = "appeal";
  EXPECT_TRUE(refusal("office", in).count("kind"));
  in = valid();
  in.filed_on = "2024-13-01";
  EXPECT_TRUE(refusal("office", in).count("filed_on"));
  in = valid();
  in.filed_on = "2024-07-01";  // after today
  EXPECT_TRUE(refusal("office", in).count("filed_on"));
  in = valid();
  in.result = "upheld";  // a result needs its date
  EXPECT_TRUE(refusal("office", in).count("decided_on"));
  in.decided_on = "2024-02-01";  // before filing
  EXPECT_TRUE(refusal("office", in).count("decided_on"));
  in = valid();
  in.decided_on = "2024-04-01";  // pending with a date
  EXPECT_TRUE(refusal("office", in).count("decided_on"));
  in = valid();
  in.case_ref = std::string(101 * 3, 'x');
  EXPECT_TRUE(refusal("office", in).count("case_ref"));
}

TEST_P(AppealsTest, OnlyOfficeAndClerkRecord) {
  EXPECT_THROW(create_appeal(*db_, a_.who["liaison"], a_.id, valid(), kToday), AppError);
  EXPECT_THROW(list_appeals(*db_, a_.who["liaison"], a_.id), AppError);
  auto other = make_test_agency(*db_, "ap2", "000014357");
  int64_t id = create_appeal(*db_, a_.who["office"], a_.id, valid(), kToday);
  try {
    get_appeal(*db_, other.who["office"], a_.id, id);
    ADD_FAILURE();
  } catch (const AppError& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kNotFound);
  }
  try {
    get_appeal(*db_, other.who["office"], other.id, id);
    ADD_FAILURE();
  } catch (const AppError& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kNotFound);
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, AppealsTest, ::testing::Values("sqlite", "postgres"));

}  // namespace
}  // namespace gongkai::app
