#include "app/request_transfer.h"

#include <gtest/gtest.h>

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/annual_report.h"
#include "app/appeals.h"
#include "app/errors.h"
#include "app/request_test_inputs.h"
#include "app/requests.h"
#include "app/test_fixture.h"
#include "store/appeal_store.h"
#include "store/migrations.h"
#include "store/test_databases.h"

namespace gongkai::app {
namespace {

RequestInput letter(const char* received_on) {
  RequestInput in;
  in.applicant_kind = "commercial";
  in.applicant_name = "李四";
  in.organisation = "慈溪市某某贸易有限公司";
  in.phone = "0574-63012345";
  in.address = "浙江省慈溪市白沙路街道某某路1号";
  in.description = "2013年度外贸出口专项资金分配结果，含\"引号\"，逗号,和\n换行";
  in.delivery_form = "paper";
  in.delivery_method = "post";
  in.id_type = "credit_code";
  in.id_number = "91330282MA2AB1234P";
  in.channel = "letter";
  in.received_on = received_on;
  in.receipt_note = "挂号信签收";
  return in;
}

class RequestTransferTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = store::open_test_database(GetParam(), 4);
    if (!db_) GTEST_SKIP() << "backend not available: " << GetParam();
    store::migrate(*db_);
    a_ = make_test_agency(*db_, "ta", "000014349");
    dir_ = std::filesystem::temp_directory_path() /
           ("gk-req-transfer-" + std::to_string(reinterpret_cast<uintptr_t>(this)) + GetParam());
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  // Three requests: a long history, a simple decision, one still open (2008 rule).
  void fill(TestAgency& t) {
    auto clerk = t.who["clerk"], office = t.who["office"];
    int64_t a = enter_request(*db_, clerk, t.id, letter("2024-03-01"), new_request_keys()).id;
    EventInput c = ev("correction_requested", "2024-03-05");
    c.missing = "文件名称";
    c.reply_by = "2024-03-15";
    add_request_event(*db_, clerk, t.id, a, c);
    add_request_event(*db_, clerk, t.id, a, ev("correction_received", "2024-03-08"));
    EventInput s = ev("consultation_sent", "2024-03-11");
    s.consult_with = "third_party";
    s.party = "某某公司";
    s.note = "电话已告知";
    add_request_event(*db_, clerk, t.id, a, s);
    EventInput ans = ev("consultation_answered", "2024-03-20");
    ans.consultation = "1";
    ans.answer = "同意公开";
    add_request_event(*db_, clerk, t.id, a, ans);
    EventInput x = ev("extension", "2024-04-01");
    x.days = "10";
    x.applicant_notified = true;
    add_request_event(*db_, office, t.id, a, x);
    EventInput d = ev("decided", "2024-04-10");
    d.outcome = "partial";
    d.reason = "涉及个人隐私部分不予公开";
    add_request_event(*db_, clerk, t.id, a, d);
    EventInput del = ev("delivered", "2024-04-11");
    del.delivery = "挂号信";
    add_request_event(*db_, clerk, t.id, a, del);
    // The applicant contests the partial disclosure: reconsideration upheld, then a suit.
    std::string code_a = view_request(*db_, office, t.id, a).request.tracking_code;
    AppealInput rc{"reconsideration", "2024-05-10", "慈政复〔2024〕7号", "upheld", "2024-07-01", "维持原答复", ""};
    rc.request_code = code_a;
    create_appeal(*db_, office, t.id, rc);
    AppealInput suit{"litigation_after_reconsideration", "2024-07-15", "", "pending", "", "", ""};
    suit.request_code = code_a;
    create_appeal(*db_, office, t.id, suit);

    int64_t b = enter_request(*db_, clerk, t.id, letter("2024-05-06"), new_request_keys()).id;
    EventInput d2 = ev("decided", "2024-05-20");
    d2.outcome = "unable.1";
    d2.other_agency = "慈溪市财政局";
    add_request_event(*db_, clerk, t.id, b, d2);

    RequestInput old = letter("2018-06-01");
    old.id_type.clear();
    old.id_number = "";
    old.id_type = "other";
    old.id_number = "营业执照复印件";
    enter_request(*db_, clerk, t.id, old, new_request_keys());
  }

  std::string exported(TestAgency& t, ItemFileFormat f) {
    std::ostringstream s;
    export_requests(*db_, Principal::system(), t.id, s, f);
    return s.str();
  }
  std::string write(const std::string& name, const std::string& text) {
    auto p = dir_ / name;
    std::ofstream(p, std::ios::binary) << text;
    return p.string();
  }

  std::unique_ptr<store::Database> db_;
  TestAgency a_;
  std::filesystem::path dir_;
};

TEST_P(RequestTransferTest, ExportThenImportGivesTheSameRequestsBack) {
  fill(a_);
  for (auto format : {ItemFileFormat::kCsv, ItemFileFormat::kJsonl}) {
    std::string first = exported(a_, format);
    // Into a fresh database (tracking codes are unique on a platform).
    auto other = store::open_test_database(GetParam(), 4);
    store::migrate(*other);
    auto b = make_test_agency(*other, "tb", "000014350");
    std::string path = write(format == ItemFileFormat::kCsv ? "r.csv" : "r.jsonl", first);
    auto s = import_requests(*other, Principal::system(), b.id, path, format);
    ASSERT_TRUE(s.committed) << (s.errors.empty() ? "" : s.errors[0].reason);
    EXPECT_EQ(s.loaded, 3);
    std::ostringstream again;
    export_requests(*other, Principal::system(), b.id, again, format);
    EXPECT_EQ(again.str(), first);
    // The imported history is a real one: state, due date and timeline as entered.
    auto open = work_list(*other, b.who["clerk"], b.id, WorkList::kOpen);
    ASSERT_EQ(open.total, 1);
    EXPECT_EQ(open.rows[0].request.rule, "2008");
    auto v = view_request(*other, b.who["office"], b.id, open.rows[0].request.id);
    EXPECT_TRUE(v.identity_visible);
    EXPECT_EQ(v.events[0].actor.rfind("导入（", 0), 0u);
    // The appeals came along, linked to their request, each with its audit entry.
    auto appeals = list_appeals(*other, b.who["office"], b.id);
    ASSERT_EQ(appeals.size(), 2u);
    EXPECT_EQ(appeals[1].kind, "reconsideration");
    EXPECT_EQ(appeals[1].case_ref, "慈政复〔2024〕7号");
    EXPECT_EQ(appeals[1].result, "upheld");
    EXPECT_EQ(appeals[1].decided_on.value_or(""), "2024-07-01");
    EXPECT_EQ(appeals[0].result, "pending");
    EXPECT_FALSE(appeals[0].request_code.empty());
    auto c = other->acquire();
    EXPECT_EQ(c->query_int("SELECT COUNT(*) FROM audit_log WHERE action = 'appeal.create' AND agency_id = ?", {b.id}),
              2);
  }
  EXPECT_NE(exported(a_, ItemFileFormat::kCsv).find("慈政复〔2024〕7号"), std::string::npos);
  EXPECT_NE(exported(a_, ItemFileFormat::kCsv).find("\"\"引号\"\""), std::string::npos);
}

TEST_P(RequestTransferTest, SpreadsheetRowsWithOutcomeColumnsAndBadRows) {
  std::string csv =
      "received_on,channel,applicant_kind,applicant_name,phone,address,description,delivery_form,delivery_method,"
      "outcome,decided_on\n"
      "2023-02-01,in_person,natural_person,王五,13800000000,慈溪市某路2号,2022年度部门预算,paper,pickup,granted,2023-02-10\n"
      "2023-02-02,fax,natural_person,赵六,0574-63000000,,2022年度部门决算,paper,fax,,\n"
      "2023-02-30,letter,natural_person,钱七,13800000001,慈溪市某路3号,无效日期,paper,post,,\n"
      "2023-02-03,letter,alien,孙八,13800000002,慈溪市某路4号,申请人类型无效,paper,post,granted,\n"
      "2023-02-04,letter,natural_person,周九,13800000003,慈溪市某路5号,答复早于收到,paper,post,granted,2023-01-01\n";
  std::string path = write("sheet.csv", csv);
  auto all = import_requests(*db_, a_.who["office"], a_.id, path, ItemFileFormat::kCsv);
  EXPECT_FALSE(all.committed);
  EXPECT_EQ(all.rows, 5);
  ASSERT_EQ(all.bad, 3);
  EXPECT_EQ(all.errors[0].line, 4);
  EXPECT_NE(all.errors[0].reason.find("received_on"), std::string::npos) << all.errors[0].reason;
  EXPECT_EQ(all.errors[1].line, 5);
  EXPECT_NE(all.errors[1].reason.find("outcome 与 decided_on"), std::string::npos) << all.errors[1].reason;
  EXPECT_EQ(all.errors[2].line, 6);
  EXPECT_NE(all.errors[2].reason.find("办理事项不合规则"), std::string::npos) << all.errors[2].reason;
  EXPECT_EQ(work_list(*db_, a_.who["clerk"], a_.id, WorkList::kSettled).total, 0);

  auto some = import_requests(*db_, a_.who["office"], a_.id, path, ItemFileFormat::kCsv, true);
  EXPECT_TRUE(some.committed);
  EXPECT_EQ(some.loaded, 2);
  auto settled = work_list(*db_, a_.who["clerk"], a_.id, WorkList::kSettled);
  ASSERT_EQ(settled.total, 1);
  EXPECT_EQ(*settled.rows[0].request.derived.outcome, "granted");
  EXPECT_EQ(work_list(*db_, a_.who["clerk"], a_.id, WorkList::kOpen).total, 1);
}

TEST_P(RequestTransferTest, FilesAndPeopleThatAreRefused) {
  EXPECT_THROW(import_requests(*db_, a_.who["office"], a_.id, write("h.csv", "received_on,colour\n"),
                               ItemFileFormat::kCsv),
               AppError);
  EXPECT_THROW(import_requests(*db_, a_.who["office"], a_.id, write("m.csv", "received_on\n"), ItemFileFormat::kCsv),
               AppError);
  EXPECT_THROW(import_requests(*db_, a_.who["clerk"], a_.id, write("ok.csv", "received_on\n"), ItemFileFormat::kCsv),
               AppError);
  std::ostringstream s;
  EXPECT_THROW(export_requests(*db_, a_.who["leader"], a_.id, s, ItemFileFormat::kCsv), AppError);
  auto bad = import_requests(*db_, a_.who["office"], a_.id,
                             write("bad.jsonl", "{\"received_on\": \"2023-01-01\", \"is_admin\": \"1\"}\nnot json\n"),
                             ItemFileFormat::kJsonl);
  EXPECT_EQ(bad.bad, 2);
  EXPECT_NE(bad.errors[0].reason.find("未知的键"), std::string::npos);
}

// A decided request for a JSON Lines file, with `appeals` as given (a JSON array text).
std::string decided_line(const std::string& received, const std::string& decided, const std::string& appeals) {
  return "{\"received_on\":\"" + received +
         "\",\"applicant_kind\":\"natural_person\",\"applicant_name\":\"王五\",\"phone\":\"13800000000\","
         "\"description\":\"部门预算说明\",\"delivery_form\":\"paper\",\"delivery_method\":\"post\","
         "\"address\":\"慈溪市某路2号\"" +
         (decided.empty() ? std::string() : ",\"outcome\":\"denied.4\",\"decided_on\":\"" + decided + "\"") +
         ",\"appeals\":" + appeals + "}\n";
}

TEST_P(RequestTransferTest, BadAppealsAreNamedByLineAndFieldAndNothingIsLoaded) {
  std::string file =
      decided_line("2023-03-01", "2023-03-10",
                   R"([{"kind":"行政复议","filed_on":"2023-04-01","result":"维持","decided_on":"2023-05-01"}])") +
      decided_line("2023-03-01", "2023-03-10", R"([{"kind":"complaint","filed_on":"2023-04-01"}])") +
      decided_line("2023-03-01", "2023-03-10", R"([{"kind":"reconsideration","filed_on":"2023-04-01","result":"won"}])") +
      decided_line("2023-03-01", "2023-03-10", R"([{"kind":"reconsideration","filed_on":"2023-04-31"}])") +
      decided_line("2023-03-01", "2023-03-10",
                   R"([{"kind":"reconsideration","filed_on":"2023-04-01","result":"upheld","decided_on":"2023-03-20"}])") +
      decided_line("2023-03-01", "", R"([{"kind":"reconsideration","filed_on":"2023-04-01"}])") +
      decided_line("2023-03-01", "2023-03-10", R"([{"kind":"reconsideration","filed_on":"2023-03-05"}])") +
      decided_line("2023-03-01", "2023-03-10", R"([{"kind":"reconsideration","filed_on":"2023-04-01","judge":"x"}])") +
      decided_line("2023-03-01", "2023-03-10", R"({"kind":"reconsideration"})");
  auto s = import_requests(*db_, a_.who["office"], a_.id, write("appeals.jsonl", file), ItemFileFormat::kJsonl);
  EXPECT_FALSE(s.committed);
  EXPECT_EQ(s.rows, 9);
  ASSERT_EQ(s.bad, 8);
  auto expect = [&](size_t i, int64_t line, const char* part) {
    EXPECT_EQ(s.errors[i].line, line);
    EXPECT_NE(s.errors[i].reason.find(part), std::string::npos) << s.errors[i].reason;
  };
  expect(0, 2, "appeals 第1项的 kind：“complaint”无效");
  expect(1, 3, "appeals 第1项的 result：“won”无效");
  expect(2, 4, "appeals 第1项的 filed_on");
  expect(3, 5, "appeals 第1项的 decided_on：审结日期不能早于申请或起诉日期");
  expect(4, 6, "该申请尚无答复");
  expect(5, 7, "不能早于答复日期（2023-03-10）");
  expect(6, 8, "未知的键“judge”");
  expect(7, 9, "appeals 应为JSON数组");
  auto c = db_->acquire();
  EXPECT_EQ(store::count_appeals(*c, a_.id), 0);
  EXPECT_EQ(c->query_int("SELECT COUNT(*) FROM requests WHERE agency_id = ?", {a_.id}), 0);
}

TEST_P(RequestTransferTest, ImportedAppealsCountInTableFourOfThe2021Report) {
  // CSV, with the appeals column holding the JSON array as events do; labels are accepted.
  std::string csv =
      "received_on,applicant_kind,applicant_name,organisation,phone,address,description,delivery_form,"
      "delivery_method,outcome,decided_on,appeals\n"
      "2021-03-01,natural_person,王五,,13800000000,慈溪市某路2号,预算说明,paper,post,denied.4,2021-03-15,"
      "\"[{\"\"kind\"\":\"\"reconsideration\"\",\"\"filed_on\"\":\"\"2021-04-01\"\",\"\"result\"\":\"\"corrected\"\","
      "\"\"decided_on\"\":\"\"2021-06-01\"\"},{\"\"kind\"\":\"\"复议后起诉\"\",\"\"filed_on\"\":\"\"2021-06-20\"\"}]\"\n"
      "2021-05-06,commercial,李四,某某贸易有限公司,0574-63012345,慈溪市某路3号,决算说明,paper,post,unable.1,"
      "2021-05-20,\"[{\"\"kind\"\":\"\"litigation_direct\"\",\"\"filed_on\"\":\"\"2021-07-01\"\",\"\"result\"\":\"\"维持\"\","
      "\"\"decided_on\"\":\"\"2021-11-30\"\"}]\"\n"
      "2021-05-07,natural_person,赵六,,13800000001,慈溪市某路4号,规划说明,paper,post,granted,2021-05-20,\n";
  auto s = import_requests(*db_, a_.who["office"], a_.id, write("y2021.csv", csv), ItemFileFormat::kCsv);
  ASSERT_TRUE(s.committed) << (s.errors.empty() ? "" : s.errors[0].reason);
  EXPECT_EQ(s.loaded, 3);
  auto data = compute_report(*db_, a_.who["office"], a_.id, 2021);
  std::string json = report_json(data, ReportLayout::k2021);
  // Read back from the report's JSON, as the published report and the city summary read it.
  auto t4 = Poco::JSON::Parser().parse(json).extract<Poco::JSON::Object::Ptr>()->getObject("table4");
  ASSERT_TRUE(t4);
  auto cell = [&](const char* kind, const char* col) { return t4->getObject(kind)->getValue<int>(col); };
  EXPECT_EQ(cell("reconsideration", "corrected"), 1);
  EXPECT_EQ(cell("reconsideration", "total"), 1);
  EXPECT_EQ(cell("litigation_direct", "upheld"), 1);
  EXPECT_EQ(cell("litigation_direct", "total"), 1);
  EXPECT_EQ(cell("litigation_after_reconsideration", "pending"), 1);
  EXPECT_EQ(cell("litigation_after_reconsideration", "total"), 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, RequestTransferTest, ::testing::Values("sqlite", "postgres"));

}  // namespace
}  // namespace gongkai::app
