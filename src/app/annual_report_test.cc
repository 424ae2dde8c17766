#include "app/annual_report.h"

#include <gtest/gtest.h>

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include "app/appeals.h"
#include "app/catalog.h"
#include "app/demo.h"
#include "app/errors.h"
#include "app/request_test_inputs.h"
#include "app/requests.h"
#include "app/test_fixture.h"
#include "core/outcomes.h"
#include "store/directory_store.h"
#include "store/item_store.h"
#include "store/migrations.h"
#include "store/report_store.h"
#include "store/test_databases.h"

namespace gongkai::app {
namespace {

using core::Date;

Date D(const char* s) { return *Date::parse(s); }
const Date kToday = D("2024-06-28");

RequestInput letter(const std::string& kind, const std::string& received_on) {
  RequestInput in;
  in.applicant_kind = kind;
  in.applicant_name = kind == "natural_person" ? "张三" : "某某单位";
  if (kind != "natural_person") in.organisation = "某某单位";
  in.phone = "0574-63012345";
  in.email = "a@example.com";
  in.address = "浙江省慈溪市某某路1号";
  in.postcode = "315300";
  in.description = "2022年度专项资金分配结果";
  in.delivery_form = "electronic";
  in.delivery_method = "email";
  in.id_type = kind == "natural_person" ? "resident_id" : "credit_code";
  in.id_number = kind == "natural_person" ? "330282198001011237" : "91330282MA2AB1234P";
  in.channel = "letter";
  in.received_on = received_on;
  in.receipt_note = "挂号信签收";
  return in;
}

class AnnualReportTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = store::open_test_database(GetParam(), 8);
    if (!db_) GTEST_SKIP() << "backend not available: " << GetParam();
    store::migrate(*db_);
    a_ = make_test_agency(*db_, "ar", "000014349");
  }

  // A request received by letter; returns its id.
  int64_t request(const std::string& kind, const std::string& received_on) {
    return enter_request(*db_, a_.who["clerk"], a_.id, letter(kind, received_on), new_request_keys()).id;
  }
  void add(int64_t id, const EventInput& e) { add_request_event(*db_, a_.who["office"], a_.id, id, e, kToday); }
  void decide(int64_t id, const std::string& outcome, const std::string& date) {
    EventInput e = ev("decided", date);
    e.outcome = outcome;
    if (outcome == core::kOutcomeWithdrawn) e.reason = "申请人口头撤回";
    add(id, e);
  }
  ReportData report(int year) { return compute_report(*db_, a_.who["office"], a_.id, year); }

  std::unique_ptr<store::Database> db_;
  TestAgency a_;
};

TEST_P(AnnualReportTest, CarriedOverRequestsCountInBothYears) {
  int64_t r1 = request("natural_person", "2022-12-20");  // decided in January: carried into 2023
  decide(r1, "granted", "2023-01-10");
  int64_t r2 = request("commercial", "2023-03-01");
  decide(r2, "partial", "2023-03-20");
  request("research", "2023-12-20");  // still open: carried out of 2023 and into 2024
  int64_t r4 = request("legal_service", "2022-06-01");  // all in 2022: not in 2023's report
  decide(r4, "granted", "2022-06-20");
  int64_t r6 = request("public_interest", "2023-12-25");
  decide(r6, "unable.1", "2024-01-05");
  int64_t r7 = request("other_org", "2023-07-03");
  add(r7, ev("withdrawn", "2023-07-05"));

  ReportData y = report(2023);
  const auto& t = y.table3;
  // Columns: natural_person, commercial, research, public_interest, legal_service, other_org, total.
  EXPECT_EQ(t.row("new"), (core::Table3Row{0, 1, 1, 1, 0, 1, 4}));
  EXPECT_EQ(t.row("carried_in"), (core::Table3Row{1, 0, 0, 0, 0, 0, 1}));
  EXPECT_EQ(t.row("granted"), (core::Table3Row{1, 0, 0, 0, 0, 0, 1}));
  EXPECT_EQ(t.row("partial"), (core::Table3Row{0, 1, 0, 0, 0, 0, 1}));
  EXPECT_EQ(t.row("other.3"), (core::Table3Row{0, 0, 0, 0, 0, 1, 1}));
  EXPECT_EQ(t.row("unable.1")[6], 0);
  EXPECT_EQ(t.row("total"), (core::Table3Row{1, 1, 0, 0, 0, 1, 3}));
  EXPECT_EQ(t.row("carried_out"), (core::Table3Row{0, 0, 1, 1, 0, 0, 2}));
  EXPECT_TRUE(core::table3_breaks(t).empty());
  EXPECT_TRUE(y.problems.empty());
  EXPECT_EQ(y.received, 4);
  EXPECT_EQ(y.received_by_channel.at("letter"), 4);
  EXPECT_EQ(y.concluded, 3);

  ReportData next = report(2024);
  EXPECT_EQ(next.table3.row("carried_in"), (core::Table3Row{0, 0, 1, 1, 0, 0, 2}));
  EXPECT_EQ(next.table3.row("new")[6], 0);
  EXPECT_EQ(next.table3.row("unable.1"), (core::Table3Row{0, 0, 0, 1, 0, 0, 1}));
  EXPECT_EQ(next.table3.row("carried_out"), (core::Table3Row{0, 0, 1, 0, 0, 0, 1}));

  ReportData before = report(2022);
  EXPECT_EQ(before.table3.row("new")[6], 2);
  EXPECT_EQ(before.table3.row("granted")[6], 1);
  EXPECT_EQ(before.table3.row("carried_out"), (core::Table3Row{1, 0, 0, 0, 0, 0, 1}));
}

TEST_P(AnnualReportTest, EveryOutcomeCodeHasItsRow) {
  for (const auto& o : core::all_outcomes()) {
    int64_t id = request("natural_person", "2023-02-01");
    std::string code(o.code);
    if (code == "unable.3") {
      EventInput c = ev("correction_requested", "2023-02-03");
      c.missing = "信息名称";
      c.reply_by = "2023-02-20";
      add(id, c);
      add(id, ev("correction_received", "2023-02-10"));
      decide(id, code, "2023-02-28");
    } else if (code == core::kOutcomeLateCorrection) {
      EventInput c = ev("correction_requested", "2023-02-03");
      c.missing = "信息名称";
      c.reply_by = "2023-02-20";
      add(id, c);
      add(id, ev("treated_as_withdrawn", "2023-02-27"));
    } else if (code == core::kOutcomeFeeUnpaid) {
      EventInput f = ev("fee_notice", "2023-02-06");
      f.amount = "300";
      f.pay_by = "2023-03-06";
      add(id, f);
      add(id, ev("treated_as_withdrawn", "2023-03-10"));
    } else if (code == core::kOutcomeWithdrawn) {
      add(id, ev("withdrawn", "2023-02-08"));
    } else {
      decide(id, code, "2023-02-20");
    }
  }
  ReportData y = report(2023);
  for (const auto& o : core::all_outcomes()) {
    EXPECT_EQ(y.table3.row(std::string(o.code)), (core::Table3Row{1, 0, 0, 0, 0, 0, 1})) << o.code;
  }
  int64_t n = static_cast<int64_t>(core::all_outcomes().size());
  EXPECT_EQ(y.table3.row("new")[6], n);
  EXPECT_EQ(y.table3.row("total")[6], n);
  EXPECT_EQ(y.table3.row("carried_out")[6], 0);
  EXPECT_TRUE(core::table3_breaks(y.table3).empty());
}

TEST_P(AnnualReportTest, FeesCountByPaymentOrWaiverDate) {
  int64_t paid = request("commercial", "2023-11-01");
  EventInput f = ev("fee_notice", "2023-11-10");
  f.amount = "2000";
  f.pay_by = "2024-01-31";
  add(paid, f);
  add(paid, ev("fee_paid", "2023-12-01"));
  int64_t waived = request("natural_person", "2023-11-01");
  EventInput g = ev("fee_notice", "2023-11-10");
  g.amount = "500";
  g.pay_by = "2023-12-31";
  add(waived, g);
  EventInput w = ev("fee_waived", "2024-01-03");  // waived in the next year
  w.reason = "申请人经济困难";
  add(waived, w);
  ReportData y = report(2023);
  EXPECT_EQ(y.fees.collected_yuan, 2000);
  EXPECT_EQ(y.fees.collected_requests, 1);
  EXPECT_EQ(y.fees.waived_yuan, 0);
  ReportData next = report(2024);
  EXPECT_EQ(next.fees.collected_yuan, 0);
  EXPECT_EQ(next.fees.waived_yuan, 500);
  EXPECT_EQ(next.fees.waived_requests, 1);
}

TEST_P(AnnualReportTest, AppealsCountAsTheyStandAtYearEnd) {
  auto appeal = [&](const char* kind, const char* filed, const char* result, const char* decided) {
    AppealInput in;
    in.kind = kind;
    in.filed_on = filed;
    in.result = result;
    in.decided_on = decided;
    create_appeal(*db_, a_.who["office"], a_.id, in, kToday);
  };
  appeal("reconsideration", "2023-03-01", "upheld", "2023-05-01");
  appeal("reconsideration", "2023-10-01", "corrected", "2024-01-15");  // pending at the end of 2023
  appeal("reconsideration", "2022-10-01", "other", "2023-01-15");      // carried in, decided in 2023
  appeal("litigation_direct", "2023-04-01", "pending", "");
  appeal("litigation_after_reconsideration", "2023-06-01", "upheld", "2023-09-01");
  appeal("litigation_after_reconsideration", "2022-02-01", "upheld", "2022-09-01");  // not in 2023
  ReportData y = report(2023);
  const auto& rc = y.table4[0];
  EXPECT_EQ(rc.upheld, 1);
  EXPECT_EQ(rc.corrected, 0);
  EXPECT_EQ(rc.other, 1);
  EXPECT_EQ(rc.pending, 1);
  EXPECT_EQ(rc.total(), 3);
  EXPECT_EQ(y.table4[1].pending, 1);
  EXPECT_EQ(y.table4[1].total(), 1);
  EXPECT_EQ(y.table4[2].upheld, 1);
  EXPECT_EQ(y.table4[2].total(), 1);
  ReportData next = report(2024);
  EXPECT_EQ(next.table4[0].corrected, 1);
  EXPECT_EQ(next.table4[0].total(), 1);
  EXPECT_EQ(next.table4[1].pending, 1);
}

TEST_P(AnnualReportTest, CatalogCountsByPublicationDateWithRepealedItemsInTotals) {
  int serial = 0;
  // Publishes an item straight through the store (as the demo loader does).
  auto item = [&](const char* cls, const char* published, const char* validity, const char* changed,
                  const char* carrier = "电子", const char* status = "published") {
    db_->with_tx([&](store::Conn& c) {
      auto k = store::find_category_by_name(c, a_.id, "class", cls);
      ASSERT_TRUE(k) << cls;
      store::ItemData d;
      d.title = std::string("条目") + std::to_string(++serial);
      d.class_id = k->id;
      d.creation_date = published;
      d.publish_date = published;
      d.carrier = carrier;
      d.validity = validity;
      if (*changed) d.validity_changed_on = changed;
      auto [item_id, rev_id] = store::insert_item(c, a_.id, std::nullopt, d, "2024-01-01T00:00:00Z");
      store::set_revision_state(c, rev_id, "published", std::nullopt, std::nullopt, "2024-01-01T00:00:00Z");
      store::set_item_summary(c, item_id, d, false, "2024-01-01T00:00:00Z");
      store::set_item_published(c, item_id, rev_id, "ar/" + std::to_string(serial));
      if (std::string(status) != "published") {
        c.query("UPDATE items SET status = ? WHERE id = ?", {status, item_id});
      }
    });
  };
  {
    auto c = db_->acquire();
    auto top = store::find_category_by_name(*c, a_.id, "class", "政策法规类");
    ASSERT_TRUE(top);
    store::CategoryRow rules;
    rules.agency_id = a_.id;
    rules.scheme = "class";
    rules.parent_id = top->id;
    rules.name = "规章";
    store::insert_category(*c, rules);
  }
  item("规范性文件", "2021-03-01", "废止", "2023-06-01");  // repealed in 2023: in totals, not in force
  item("规范性文件", "2022-05-01", "有效", "");
  item("规范性文件", "2023-02-01", "有效", "");
  item("规范性文件", "2023-04-01", "失效", "2024-02-01");  // expired after the year: in force at its end
  item("规范性文件", "2024-01-05", "有效", "");            // after the year: not counted
  item("规章", "2023-08-08", "有效", "");
  item("政务动态", "2023-12-31", "有效", "", "纸质");      // the last day counts; paper lowers the rate
  item("政务动态", "2022-12-31", "有效", "", "电子", "withdrawn");  // withdrawn later: was disclosed
  ReportData y = report(2023);
  EXPECT_EQ(y.proactive.cumulative, 7);
  EXPECT_EQ(y.proactive.in_year, 4);
  EXPECT_EQ(y.proactive.electronic, 6);
  ASSERT_GE(y.proactive.classes.size(), 2u);
  EXPECT_EQ(y.proactive.classes[0].name, "政策法规类");
  EXPECT_EQ(y.proactive.classes[0].cumulative, 5);
  EXPECT_EQ(y.proactive.classes[0].in_year, 3);
  EXPECT_EQ(y.proactive.classes[1].name, "业务类");
  EXPECT_EQ(y.proactive.classes[1].cumulative, 2);
  EXPECT_EQ(y.proactive.classes[1].in_year, 1);
  EXPECT_EQ(y.normative.issued, 2);
  EXPECT_EQ(y.normative.repealed, 1);
  EXPECT_EQ(y.normative.in_force, 3);
  EXPECT_EQ(y.rules.issued, 1);
  EXPECT_EQ(y.rules.in_force, 1);
  ReportData next = report(2024);
  EXPECT_EQ(next.normative.issued, 1);
  EXPECT_EQ(next.normative.repealed, 0);  // 失效 is not 废止
  EXPECT_EQ(next.normative.in_force, 3);  // 2022's, 2024's and the 2023 one still 有效
}

TEST_P(AnnualReportTest, OnlyOfficeLeaderAndAdminReadTheReport) {
  EXPECT_NO_THROW(compute_report(*db_, a_.who["leader"], a_.id, 2023));
  EXPECT_NO_THROW(compute_report(*db_, a_.who["admin"], a_.id, 2023));
  try {
    compute_report(*db_, a_.who["liaison"], a_.id, 2023);
    ADD_FAILURE() << "liaison read the report";
  } catch (const AppError& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kForbidden);
  }
  auto other = make_test_agency(*db_, "ar2", "000014357");
  try {
    compute_report(*db_, other.who["office"], a_.id, 2023);
    ADD_FAILURE() << "another agency read the report";
  } catch (const AppError& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kNotFound);
  }
  EXPECT_THROW(compute_report(*db_, a_.who["office"], a_.id, 1900), ValidationError);
}

TEST_P(AnnualReportTest, JsonRoundTripKeepsEveryFigure) {
  int64_t r1 = request("natural_person", "2022-12-20");
  decide(r1, "denied.6", "2023-01-10");
  request("legal_service", "2023-12-20");
  ReportData d = report(2023);
  std::string json = report_json(d, ReportLayout::k2021);
  ReportData back = report_from_json(json);
  EXPECT_EQ(back.year, 2023);
  EXPECT_EQ(back.agency_name, d.agency_name);
  EXPECT_EQ(back.table3.cells(), d.table3.cells());
  EXPECT_EQ(report_json(back, ReportLayout::k2021), json);
  EXPECT_THROW(report_from_json("not json"), AppError);
}

INSTANTIATE_TEST_SUITE_P(Backends, AnnualReportTest, ::testing::Values("sqlite", "postgres"));

// The demo agency reproduces the seed report's figures (慈溪市商务局 2013).
class DemoReportTest : public ::testing::TestWithParam<std::string> {};

TEST_P(DemoReportTest, Demo2013EqualsTheSeed) {
  auto db = store::open_test_database(GetParam(), 4);
  if (!db) GTEST_SKIP() << "backend not available: " << GetParam();
  store::migrate(*db);
  load_demo(*db, "password123");
  int64_t agency = 0;
  {
    auto c = db->acquire();
    agency = store::find_agency_by_slug(*c, "cxswj")->id;
  }
  ReportData d = compute_report(*db, Principal::system(), agency, 2013);
  EXPECT_EQ(d.proactive.cumulative, 517);
  EXPECT_EQ(d.proactive.in_year, 203);
  EXPECT_EQ(d.proactive.electronic, 517);
  ASSERT_EQ(d.proactive.classes.size(), 4u);
  struct Want {
    const char* name;
    int64_t cumulative, in_year;
  };
  const Want want[] = {{"政策法规类", 76, 8}, {"业务类", 253, 56}, {"便民服务类", 174, 137}, {"计划总结类", 14, 2}};
  for (size_t i = 0; i < 4; ++i) {
    EXPECT_EQ(d.proactive.classes[i].name, want[i].name);
    EXPECT_EQ(d.proactive.classes[i].cumulative, want[i].cumulative) << want[i].name;
    EXPECT_EQ(d.proactive.classes[i].in_year, want[i].in_year) << want[i].name;
  }
  EXPECT_EQ(d.received, 0);
  EXPECT_EQ(d.table3.row("total")[6], 0);
  EXPECT_EQ(d.fees.collected_yuan, 0);
  EXPECT_EQ(d.table4[0].total() + d.table4[1].total() + d.table4[2].total(), 0);

  // The JSON carries the seed's shares as numbers.
  Poco::JSON::Parser p;
  auto root = p.parse(report_json(d, ReportLayout::k2008)).extract<Poco::JSON::Object::Ptr>();
  auto pro = root->getObject("proactive");
  EXPECT_EQ(pro->getValue<int>("cumulative"), 517);
  EXPECT_EQ(pro->getValue<int>("in_year"), 203);
  EXPECT_DOUBLE_EQ(pro->getValue<double>("electronic_rate"), 100.0);
  auto classes = pro->getArray("classes");
  const double cum_share[] = {14.70, 48.94, 33.66, 2.71};
  const double year_share[] = {3.94, 27.59, 67.49, 0.99};
  for (unsigned i = 0; i < 4; ++i) {
    EXPECT_DOUBLE_EQ(classes->getObject(i)->getValue<double>("cumulative_share"), cum_share[i]);
    EXPECT_DOUBLE_EQ(classes->getObject(i)->getValue<double>("in_year_share"), year_share[i]);
  }
  // 2012's figures are what 2013 added to: 517 - 203 = 314 items.
  ReportData prev = compute_report(*db, Principal::system(), agency, 2012);
  EXPECT_EQ(prev.proactive.cumulative, 314);
}

INSTANTIATE_TEST_SUITE_P(Backends, DemoReportTest, ::testing::Values("sqlite", "postgres"));

TEST(SelfReference, FromTheAgencyName) {
  EXPECT_EQ(self_reference("慈溪市商务局（服务业发展局）"), "我局");
  EXPECT_EQ(self_reference("慈溪市发展和改革局"), "我局");
  EXPECT_EQ(self_reference("慈溪市卫生健康委员会"), "我委");
  EXPECT_EQ(self_reference("慈溪市人民政府办公室"), "我办");
  EXPECT_EQ(self_reference("浙江省商务厅"), "我厅");
  EXPECT_EQ(self_reference("慈溪市信息中心"), "我中心");
  EXPECT_EQ(self_reference("某某公司"), "我单位");
}

}  // namespace
}  // namespace gongkai::app
