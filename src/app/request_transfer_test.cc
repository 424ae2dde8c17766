#include "app/request_transfer.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/errors.h"
#include "app/requests.h"
#include "app/test_fixture.h"
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

EventInput ev(const std::string& kind, const std::string& date) {
  EventInput e;
  e.kind = kind;
  e.date = date;
  return e;
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
  }
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

INSTANTIATE_TEST_SUITE_P(Backends, RequestTransferTest, ::testing::Values("sqlite", "postgres"));

}  // namespace
}  // namespace gongkai::app
