#include "app/requests.h"

#include <gtest/gtest.h>

#include <thread>

#include "app/errors.h"
#include "app/request_test_inputs.h"
#include "app/test_fixture.h"
#include "core/deadline.h"
#include "store/audit_log.h"
#include "store/migrations.h"
#include "store/test_databases.h"

namespace gongkai::app {
namespace {

using core::Date;

Date D(const char* s) { return *Date::parse(s); }

constexpr const char* kResidentId = "330282198001011237";  // valid check character
constexpr const char* kCreditCode = "91330282MA2AB1234P";  // valid check character

RequestInput person() {
  RequestInput in;
  in.applicant_kind = "natural_person";
  in.applicant_name = "张三";
  in.phone = "0574-63012345";
  in.email = "zhangsan@example.com";
  in.address = "浙江省慈溪市白沙路街道某某路1号";
  in.postcode = "315300";
  in.description = "慈溪市商务局2023年度商贸流通专项资金分配结果（文号不详）";
  in.delivery_form = "electronic";
  in.delivery_method = "email";
  in.id_type = "resident_id";
  in.id_number = kResidentId;
  return in;
}

RequestInput letter(const char* received_on) {
  RequestInput in = person();
  in.channel = "letter";
  in.received_on = received_on;
  in.receipt_note = "挂号信 XA1234 签收";
  return in;
}

std::string field_message(const ValidationError& e, const std::string& field) {
  auto it = e.fields().find(field);
  return it == e.fields().end() ? "(no message for " + field + ")" : it->second;
}

class RequestsTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = store::open_test_database(GetParam(), 8);
    if (!db_) GTEST_SKIP() << "backend not available: " << GetParam();
    store::migrate(*db_);
    a_ = make_test_agency(*db_, "ra", "000014349");
  }

  // A request received by letter on `received_on`, entered by the clerk; returns its id.
  int64_t entered(const char* received_on) {
    return enter_request(*db_, a_.who["clerk"], a_.id, letter(received_on), new_request_keys()).id;
  }

  store::RequestRow row(int64_t id) { return view_request(*db_, a_.who["office"], a_.id, id).request; }

  // The validation error add_request_event raises, or fails the test.
  ValidationError refusal(const std::string& who, int64_t id, const EventInput& e) {
    try {
      add_request_event(*db_, a_.who[who], a_.id, id, e);
    } catch (const ValidationError& v) {
      return v;
    }
    ADD_FAILURE() << "event " << e.kind << " on " << e.date << " was accepted";
    return ValidationError("none", "");
  }

  std::unique_ptr<store::Database> db_;
  TestAgency a_;
};

TEST_P(RequestsTest, OnlineSubmissionIsCommittedOnceAndRepeatsGiveTheSameAnswer) {
  RequestKeys keys = new_request_keys();
  SubmitResult first = submit_online(*db_, "ra", person(), keys);
  EXPECT_FALSE(first.repeated);
  EXPECT_EQ(first.tracking_code.size(), kTrackingCodeLength);
  for (char ch : first.tracking_code) EXPECT_NE(kCodeAlphabet.find(ch), std::string_view::npos) << first.tracking_code;
  EXPECT_EQ(first.secret, keys.secret);
  EXPECT_EQ(first.received_on, Date::today_cst().iso());
  ASSERT_TRUE(first.due_on);
  EXPECT_EQ(*first.due_on, core::add_working_days(core::default_calendar(), Date::today_cst(), 20).iso());

  // A refresh of the confirmation page posts the same form again.
  SubmitResult again = submit_online(*db_, "ra", person(), keys);
  EXPECT_TRUE(again.repeated);
  EXPECT_EQ(again.id, first.id);
  EXPECT_EQ(again.tracking_code, first.tracking_code);
  EXPECT_EQ(again.secret, first.secret);
  EXPECT_EQ(work_list(*db_, a_.who["clerk"], a_.id, WorkList::kNew).total, 1);

  // Another form is another request.
  SubmitResult other = submit_online(*db_, "ra", person(), new_request_keys());
  EXPECT_NE(other.id, first.id);
  EXPECT_NE(other.tracking_code, first.tracking_code);
  EXPECT_EQ(work_list(*db_, a_.who["clerk"], a_.id, WorkList::kNew).total, 2);

  auto v = view_request(*db_, a_.who["clerk"], a_.id, first.id);
  EXPECT_EQ(v.request.channel, "online");
  EXPECT_EQ(v.request.rule, "2019");
  EXPECT_EQ(v.request.derived.state, "new");
  ASSERT_EQ(v.events.size(), 1u);
  EXPECT_EQ(v.events[0].kind, "received");
  EXPECT_EQ(v.events[0].actor, "申请人（网上提交）");
}

TEST_P(RequestsTest, SimultaneousDoubleSubmitMakesOneRequest) {
  RequestKeys keys = new_request_keys();
  std::vector<SubmitResult> results(4);
  std::vector<std::thread> threads;
  for (auto& r : results) threads.emplace_back([&] { r = submit_online(*db_, "ra", person(), keys); });
  for (auto& t : threads) t.join();
  for (const auto& r : results) EXPECT_EQ(r.id, results[0].id);
  EXPECT_EQ(work_list(*db_, a_.who["clerk"], a_.id, WorkList::kOpen).total, 1);
}

TEST_P(RequestsTest, AKeyWithAnotherSecretIsRefused) {
  RequestKeys keys = new_request_keys();
  submit_online(*db_, "ra", person(), keys);
  RequestKeys forged = keys;
  forged.secret = new_request_keys().secret;
  EXPECT_THROW(submit_online(*db_, "ra", person(), forged), AppError);
  RequestKeys broken = new_request_keys();
  broken.idempotency_key = "not-a-key";
  EXPECT_THROW(submit_online(*db_, "ra", person(), broken), AppError);
  EXPECT_THROW(submit_online(*db_, "no-such-agency", person(), new_request_keys()), AppError);
}

TEST_P(RequestsTest, EveryFieldIsCheckedWithAChineseMessage) {
  try {
    submit_online(*db_, "ra", RequestInput{}, new_request_keys());
    FAIL() << "empty form accepted";
  } catch (const ValidationError& e) {
    for (const char* f : {"applicant_kind", "applicant_name", "phone", "description", "delivery_form",
                          "delivery_method", "id_type", "id_number"}) {
      EXPECT_TRUE(e.fields().count(f)) << f;
    }
    EXPECT_EQ(field_message(e, "phone"), "请至少填写一种联系方式（电话、电子邮箱或通讯地址）");
  }
  RequestInput bad = person();
  bad.id_number = "330282198001011238";  // wrong check character
  bad.email = "zhangsan@";
  bad.phone = "abc";
  bad.postcode = "3153";
  try {
    submit_online(*db_, "ra", bad, new_request_keys());
    FAIL() << "bad form accepted";
  } catch (const ValidationError& e) {
    EXPECT_EQ(field_message(e, "id_number"), "居民身份证号码不正确：应为18位，最后一位可以是X，请核对");
    EXPECT_NE(field_message(e, "email").find("电子邮箱格式不正确"), std::string::npos);
    EXPECT_NE(field_message(e, "phone").find("电话号码格式不正确"), std::string::npos);
    EXPECT_EQ(field_message(e, "postcode"), "邮政编码应为6位数字");
    // An email delivery needs an email address.
    EXPECT_EQ(e.fields().count("delivery_method"), 0u);
  }
  RequestInput company = person();
  company.applicant_kind = "commercial";
  auto errors = check_request(trim_input(company), RequestPart::kApplicant);
  EXPECT_EQ(errors["organisation"], "请填写法人或其他组织名称");
  errors = check_request(trim_input(company), RequestPart::kIdentity);
  EXPECT_EQ(errors["id_type"], "法人或其他组织请选择统一社会信用代码");
  company.organisation = "慈溪某某贸易有限公司";
  company.id_type = "credit_code";
  company.id_number = " 91330282ma2ab1234p ";
  EXPECT_TRUE(check_request(trim_input(company), RequestPart::kApplicant).empty());
  EXPECT_TRUE(check_request(trim_input(company), RequestPart::kIdentity).empty());
  RequestInput post = person();
  post.address = "";
  post.delivery_method = "post";
  EXPECT_EQ(check_request(post, RequestPart::kInformation)["delivery_method"], "选择邮寄的，请在申请人信息中填写通讯地址");

  RequestInput future = letter(Date::today_cst().add_days(1).iso().c_str());
  try {
    enter_request(*db_, a_.who["clerk"], a_.id, future, new_request_keys());
    FAIL() << "future date accepted";
  } catch (const ValidationError& e) {
    EXPECT_EQ(field_message(e, "received_on"), "收到日期不能晚于今天");
  }
}

TEST_P(RequestsTest, IdentityIsMaskedAndShownOnlyToClerkAndOffice) {
  int64_t id = entered("2024-09-27");
  for (const char* role : {"clerk", "office"}) {
    auto v = view_request(*db_, a_.who[role], a_.id, id);
    EXPECT_TRUE(v.identity_visible) << role;
    EXPECT_EQ(v.identity_type, "居民身份证");
    EXPECT_EQ(v.identity_masked, "3302**********1237");
  }
  // The supervising leader reads the request but not the identity document.
  auto leader = view_request(*db_, a_.who["leader"], a_.id, id);
  EXPECT_FALSE(leader.identity_visible);
  EXPECT_EQ(leader.identity_masked, "");
  EXPECT_TRUE(leader.can_add.empty());
  for (const char* role : {"liaison", "head", "secrecy", "admin"}) {
    try {
      view_request(*db_, a_.who[role], a_.id, id);
      ADD_FAILURE() << role << " saw the request";
    } catch (const AppError& e) {
      EXPECT_EQ(e.kind(), ErrorKind::kForbidden) << role;
    }
  }
  auto other = make_test_agency(*db_, "rb", "000014350");
  for (const char* role : {"clerk", "office"}) {
    for (int64_t agency : {a_.id, other.id}) {
      try {
        view_request(*db_, other.who[role], agency, id);
        ADD_FAILURE() << "another agency's " << role << " saw the request";
      } catch (const AppError& e) {
        EXPECT_EQ(e.kind(), ErrorKind::kNotFound) << role;
      }
    }
    EXPECT_THROW(add_request_event(*db_, other.who[role], other.id, id, ev("withdrawn", "2024-10-08")), AppError);
  }
  EXPECT_EQ(mask_id_number("12345678"), "12****78");
  EXPECT_EQ(mask_id_number("E1234567"), "E1****67");
  EXPECT_EQ(mask_id_number("AB12"), "A**2");
  EXPECT_EQ(mask_id_number("abc"), "***");
  EXPECT_EQ(mask_id_number("港A1234567"), "港A*****67");
}

TEST_P(RequestsTest, CorrectionMustBeAskedWithinSevenWorkingDays) {
  int64_t id = entered("2024-09-27");
  EventInput late = ev("correction_requested", "2024-10-14");  // the 8th working day (09-29, 10-12 调休上班)
  late.missing = "请写明所需文件的名称或文号";
  late.reply_by = "2024-10-25";
  ValidationError e = refusal("clerk", id, late);
  EXPECT_EQ(field_message(e, "date"),
            "补正通知应在收到申请之日起7个工作日内一次性发出（第三十条）；2024-10-14 已是收到申请后第8个工作日，不能再要求补正");
  EXPECT_EQ(row(id).derived.state, "new");

  EventInput missing = ev("correction_requested", "2024-10-12");
  missing.reply_by = "2024-10-25";
  EXPECT_EQ(field_message(refusal("clerk", id, missing), "missing"), "请填写需要补正的内容");

  EventInput ok = late;
  ok.date = "2024-10-12";  // the 7th
  add_request_event(*db_, a_.who["clerk"], a_.id, id, ok);
  auto r = row(id);
  EXPECT_EQ(r.derived.state, "awaiting_correction");
  EXPECT_FALSE(r.derived.due_on);
  EXPECT_EQ(*r.derived.waiting_until, "2024-10-25");

  add_request_event(*db_, a_.who["clerk"], a_.id, id, ev("correction_received", "2024-10-21"));
  r = row(id);
  EXPECT_EQ(r.derived.state, "processing");
  // 10-22..25=1-4 10-28..11-01=5-9 11-04..08=10-14 11-11..15=15-19 11-18=20
  EXPECT_EQ(*r.derived.due_on, "2024-11-18");
  EXPECT_NE(r.derived.explanation.find("2024-10-21 收到补正后的申请，答复期限重新起算"), std::string::npos);
}

TEST_P(RequestsTest, LateCorrectionIsTreatedAsWithdrawn) {
  int64_t id = entered("2024-03-01");
  EventInput c = ev("correction_requested", "2024-03-05");
  c.missing = "文件名称";
  c.reply_by = "2024-03-20";
  add_request_event(*db_, a_.who["clerk"], a_.id, id, c);
  EXPECT_NE(field_message(refusal("clerk", id, ev("treated_as_withdrawn", "2024-03-20")), "date").find("尚未届满"),
            std::string::npos);
  add_request_event(*db_, a_.who["clerk"], a_.id, id, ev("treated_as_withdrawn", "2024-03-21"));
  auto v = view_request(*db_, a_.who["clerk"], a_.id, id);
  EXPECT_EQ(v.request.derived.state, "treated_as_withdrawn");
  EXPECT_EQ(*v.request.derived.outcome, "other.1");
  EXPECT_EQ(*v.request.derived.closed_on, "2024-03-21");
  EXPECT_EQ(v.events.back().summary, "视为放弃申请：申请人逾期未补正");
  EXPECT_TRUE(v.can_add.empty());
}

TEST_P(RequestsTest, OnlyTheOfficeRecordsAnExtension) {
  int64_t id = entered("2024-09-27");
  EventInput x = ev("extension", "2024-10-25");
  x.days = "20";
  x.applicant_notified = true;
  try {
    add_request_event(*db_, a_.who["clerk"], a_.id, id, x);
    FAIL() << "clerk recorded an extension";
  } catch (const AppError& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kForbidden);
  }
  auto clerk_view = view_request(*db_, a_.who["clerk"], a_.id, id);
  EXPECT_EQ(std::count(clerk_view.can_add.begin(), clerk_view.can_add.end(), core::EventKind::kExtension), 0);
  auto office_view = view_request(*db_, a_.who["office"], a_.id, id);
  EXPECT_EQ(std::count(office_view.can_add.begin(), office_view.can_add.end(), core::EventKind::kExtension), 1);

  x.applicant_notified = false;
  EXPECT_EQ(field_message(refusal("office", id, x), "applicant_notified"),
            "延长答复期限应当告知申请人（第三十三条），请告知后勾选");
  x.applicant_notified = true;
  x.days = "21";
  EXPECT_EQ(field_message(refusal("office", id, x), "days"), "延长的工作日数应为1至20之间的整数");
  x.days = "15";
  add_request_event(*db_, a_.who["office"], a_.id, id, x);
  x.days = "10";
  x.date = "2024-10-28";
  EXPECT_EQ(field_message(refusal("office", id, x), "days"),
            "延长合计不能超过20个工作日（2019年条例），已延长15个工作日");
  x.days = "5";
  add_request_event(*db_, a_.who["office"], a_.id, id, x);
  auto v = view_request(*db_, a_.who["office"], a_.id, id);
  EXPECT_EQ(*v.request.derived.due_on, "2024-11-27");
  EXPECT_EQ(v.status.extension_days, 20);
  // The approver defaults to the office user who recorded it.
  EXPECT_NE(v.events[1].summary.find("office用户 批准"), std::string::npos) << v.events[1].summary;
}

TEST_P(RequestsTest, ConsultationPausesTheClockAndMovesTheDueDate) {
  int64_t id = entered("2024-03-01");
  EXPECT_EQ(*row(id).derived.due_on, "2024-03-29");
  EventInput s = ev("consultation_sent", "2024-03-04");
  s.consult_with = "third_party";
  s.party = "某某科技有限公司";
  s.note = "内部：该公司联系人李四";
  add_request_event(*db_, a_.who["clerk"], a_.id, id, s);
  auto r = row(id);
  EXPECT_EQ(r.derived.state, "consultation");
  EXPECT_FALSE(r.derived.due_on);
  EXPECT_EQ(*r.derived.waiting_until, "2024-03-25");  // the third party's 15 working days
  auto paused = work_list(*db_, a_.who["clerk"], a_.id, WorkList::kPaused, 1, D("2024-03-20"));
  ASSERT_EQ(paused.total, 1);
  EXPECT_EQ(*paused.rows[0].days_left, 3);  // 03-21, 03-22, 03-25

  EventInput a = ev("consultation_answered", "2024-03-15");
  a.consultation = "2";
  EXPECT_EQ(field_message(refusal("clerk", id, a), "consultation"), "第2次征求意见不存在或已收到意见");
  a.consultation = "1";
  a.answer = "不同意公开";
  add_request_event(*db_, a_.who["clerk"], a_.id, id, a);
  r = row(id);
  EXPECT_EQ(r.derived.state, "processing");
  EXPECT_EQ(*r.derived.due_on, "2024-04-12");
}

TEST_P(RequestsTest, DecisionsNeedAnOutcomeCodeOfThe2021Format) {
  int64_t id = entered("2024-09-27");
  EventInput d = ev("decided", "2024-10-29");
  d.outcome = "denied.9";
  EXPECT_EQ(field_message(refusal("clerk", id, d), "outcome"), "请选择办理结果");
  d.outcome = "other.1";
  EXPECT_NE(field_message(refusal("clerk", id, d), "outcome").find("请记录“视为放弃申请”"), std::string::npos);
  d.outcome = "granted";
  d.other_agency = "慈溪市自然资源和规划局";
  EXPECT_EQ(field_message(refusal("clerk", id, d), "other_agency"), "只有“本机关不掌握相关政府信息”可以注明负责公开的机关");
  d.outcome = "unable.1";
  add_request_event(*db_, a_.who["clerk"], a_.id, id, d);
  auto v = view_request(*db_, a_.who["clerk"], a_.id, id);
  EXPECT_EQ(v.request.derived.state, "decided");
  EXPECT_EQ(*v.request.derived.outcome, "unable.1");
  EXPECT_EQ(v.events.back().summary,
            "作出答复：（四）无法提供 1. 本机关不掌握相关政府信息；负责公开该信息的机关：慈溪市自然资源和规划局");
  ASSERT_EQ(v.can_add.size(), 1u);
  EXPECT_EQ(v.can_add[0], core::EventKind::kDelivered);
  EventInput del = ev("delivered", "2024-10-30");
  del.delivery = "电子邮件";
  add_request_event(*db_, a_.who["clerk"], a_.id, id, del);
  EXPECT_EQ(row(id).derived.state, "delivered");
  EXPECT_EQ(work_list(*db_, a_.who["clerk"], a_.id, WorkList::kSettled).total, 1);
  EXPECT_EQ(work_list(*db_, a_.who["clerk"], a_.id, WorkList::kOpen).total, 0);
}

TEST_P(RequestsTest, StatusLookupNeedsTheRightSecretAndShowsNoInternals) {
  RequestKeys keys = new_request_keys();
  SubmitResult s = submit_online(*db_, "ra", person(), keys);
  EventInput c = ev("consultation_sent", Date::today_cst().iso());
  c.consult_with = "third_party";
  c.party = "某某科技有限公司";
  c.note = "内部备注：请科室核实";
  add_request_event(*db_, a_.who["clerk"], a_.id, s.id, c);

  PublicStatus st = lookup_status(*db_, s.tracking_code, keys.secret);
  EXPECT_EQ(st.tracking_code, s.tracking_code);
  EXPECT_EQ(st.agency_name, "ra 测试局");
  EXPECT_EQ(st.state_label, "征求意见中（暂停计算期限）");
  ASSERT_EQ(st.events.size(), 2u);
  EXPECT_EQ(st.events[1].summary, "征求第三方意见（暂停计算答复期限）");
  for (const auto& line : st.explanation) {
    EXPECT_EQ(line.find("某某科技有限公司"), std::string::npos) << line;
    EXPECT_EQ(line.find("内部备注"), std::string::npos) << line;
  }
  // People type codes in lower case and with or without the hyphens.
  std::string typed_code = s.tracking_code.substr(0, 4) + " " + s.tracking_code.substr(4);
  for (char& ch : typed_code) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  std::string typed_secret = normalise_code(keys.secret);
  for (char& ch : typed_secret) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  EXPECT_EQ(lookup_status(*db_, typed_code, typed_secret).tracking_code, s.tracking_code);

  auto expect_not_found = [&](const std::string& code, const std::string& secret) {
    try {
      lookup_status(*db_, code, secret);
      ADD_FAILURE() << "looked up with " << code << " / " << secret;
    } catch (const AppError& e) {
      EXPECT_EQ(e.kind(), ErrorKind::kNotFound);
      EXPECT_STREQ(e.what(), "跟踪码或查询密码不正确，请核对后重新输入");
    }
  };
  expect_not_found(s.tracking_code, new_request_keys().secret);
  expect_not_found(s.tracking_code, "");
  expect_not_found("ZZZZZZZZ", keys.secret);
  expect_not_found("", keys.secret);
  expect_not_found(s.tracking_code + "2", keys.secret);
}

TEST_P(RequestsTest, WorkListsShowDaysLeft) {
  int64_t a = entered("2024-09-27");  // due 2024-10-30
  // 10-09..11=1-3 10-12W=4 10-14..18=5-9 10-21..25=10-14 10-28..11-01=15-19 11-04=20
  int64_t b = entered("2024-10-08");
  EXPECT_EQ(*row(b).derived.due_on, "2024-11-04");
  // Within 5 working days of 10-25: up to 11-01.
  auto soon = work_list(*db_, a_.who["clerk"], a_.id, WorkList::kDueSoon, 1, D("2024-10-25"));
  ASSERT_EQ(soon.total, 1);
  EXPECT_EQ(soon.rows[0].request.id, a);
  EXPECT_EQ(*soon.rows[0].days_left, 3);  // 10-28, 10-29, 10-30
  EXPECT_EQ(soon.rows[0].state_label, "新收到，待办理");
  auto overdue = work_list(*db_, a_.who["clerk"], a_.id, WorkList::kOverdue, 1, D("2024-11-01"));
  ASSERT_EQ(overdue.total, 1);
  EXPECT_EQ(*overdue.rows[0].days_left, -2);
  auto counts = work_list_counts(*db_, a_.who["office"], a_.id, D("2024-11-01"));
  EXPECT_EQ(counts[WorkList::kNew], 2);
  EXPECT_EQ(counts[WorkList::kOverdue], 1);
  EXPECT_EQ(counts[WorkList::kDueSoon], 1);
  EXPECT_EQ(counts[WorkList::kOpen], 2);
  EXPECT_EQ(counts[WorkList::kSettled], 0);

  EventInput c = ev("correction_requested", "2024-10-10");
  c.missing = "文件名称";
  c.reply_by = "2024-10-21";
  add_request_event(*db_, a_.who["clerk"], a_.id, b, c);
  auto waiting = work_list(*db_, a_.who["clerk"], a_.id, WorkList::kWaiting, 1, D("2024-10-16"));
  ASSERT_EQ(waiting.total, 1);
  EXPECT_EQ(*waiting.rows[0].days_left, 3);  // 10-17, 10-18, 10-21

  auto other = make_test_agency(*db_, "rb", "000014350");
  EXPECT_EQ(work_list(*db_, other.who["clerk"], other.id, WorkList::kOpen).total, 0);
  EXPECT_THROW(work_list(*db_, other.who["clerk"], a_.id, WorkList::kOpen), AppError);
  EXPECT_THROW(work_list(*db_, a_.who["liaison"], a_.id, WorkList::kOpen), AppError);
}

TEST_P(RequestsTest, RecomputeMovesOpenRequestsWhenAHolidayIsAdded) {
  int64_t open = entered("2024-09-27");
  int64_t decided = entered("2024-09-27");
  EventInput d = ev("decided", "2024-10-29");
  d.outcome = "granted";
  add_request_event(*db_, a_.who["clerk"], a_.id, decided, d);
  EXPECT_EQ(recompute_open_requests(*db_, core::default_calendar()), 0);

  core::HolidayCalendar cal = core::default_calendar();
  std::vector<core::CalendarEntry> year;
  for (const auto& e : cal.entries()) {
    if (core::notice_year(e.date) == 2024) year.push_back(e);
  }
  year.push_back({D("2024-10-29"), false, "测试假日"});
  ASSERT_TRUE(cal.replace_year(2024, year));
  EXPECT_EQ(recompute_open_requests(*db_, cal), 1);
  EXPECT_EQ(*row(open).derived.due_on, "2024-10-31");
  EXPECT_EQ(*row(decided).derived.due_on, "2024-10-30");
  EXPECT_EQ(recompute_open_requests(*db_, cal), 0);  // nothing left to move
}

TEST_P(RequestsTest, EventsAreAttributedAndAudited) {
  int64_t id = entered("2024-09-27");
  EventInput w = ev("withdrawn", "2024-10-08");
  w.reason = "申请人来电撤回";
  w.note = "电话记录见台账";
  add_request_event(*db_, a_.who["clerk"], a_.id, id, w);
  auto v = view_request(*db_, a_.who["office"], a_.id, id);
  ASSERT_EQ(v.events.size(), 2u);
  EXPECT_EQ(v.events[0].actor, "clerk用户");
  EXPECT_EQ(v.events[0].note, "挂号信 XA1234 签收");
  EXPECT_EQ(v.events[1].actor, "clerk用户");
  EXPECT_EQ(v.events[1].note, "电话记录见台账");
  EXPECT_EQ(v.events[1].summary, "申请人撤回申请：申请人来电撤回");
  EXPECT_EQ(v.request.derived.state, "withdrawn");
  EXPECT_EQ(*v.request.derived.outcome, "other.3");
  EXPECT_EQ(v.request.event_count, 2);
  // Nothing may follow a withdrawal.
  EventInput d = ev("decided", "2024-10-09");
  d.outcome = "granted";
  EXPECT_EQ(field_message(refusal("clerk", id, d), "date"), "“申请人已撤回”状态下不能记录“作出答复”");
  EXPECT_THROW(add_request_event(*db_, a_.who["clerk"], a_.id, id, ev("received", "2024-10-09")), ValidationError);
  auto c = db_->acquire();
  auto check = store::verify_audit(*c);
  EXPECT_TRUE(check.ok) << check.problem;
}

INSTANTIATE_TEST_SUITE_P(Backends, RequestsTest, ::testing::Values("sqlite", "postgres"));

// ----- Without a database -----

TEST(RequestChecks, IdentityNumbers) {
  EXPECT_TRUE(valid_resident_id("11010519491231002X"));  // the example of GB 11643
  EXPECT_TRUE(valid_resident_id(kResidentId));
  EXPECT_FALSE(valid_resident_id("110105194912310021"));
  EXPECT_FALSE(valid_resident_id("11010519491231002"));
  EXPECT_FALSE(valid_resident_id("1101051949123100AX"));
  EXPECT_TRUE(valid_credit_code("91350100M000100Y43"));  // a published example
  EXPECT_TRUE(valid_credit_code(kCreditCode));
  EXPECT_FALSE(valid_credit_code("91350100M000100Y44"));
  EXPECT_FALSE(valid_credit_code("91350100I000100Y43"));  // I is not in the alphabet
}

TEST(RequestChecks, CodesAndSecrets) {
  RequestKeys k = new_request_keys();
  EXPECT_EQ(k.idempotency_key.size(), 32u);
  ASSERT_EQ(k.secret.size(), 14u);
  EXPECT_EQ(k.secret[4], '-');
  EXPECT_EQ(k.secret[9], '-');
  EXPECT_NE(new_request_keys().secret, k.secret);
  EXPECT_EQ(normalise_code(" ab2c-d3ef "), "AB2CD3EF");
  EXPECT_EQ(format_secret("ABCDEFGHJKMN"), "ABCD-EFGH-JKMN");
  for (char ch : std::string("0O1IL")) EXPECT_EQ(kCodeAlphabet.find(ch), std::string_view::npos) << ch;
  EXPECT_EQ(kCodeAlphabet.size(), 31u);
}

TEST(RequestChecks, ReceiptRulesNameArticle31) {
  EXPECT_NE(std::string(receipt_rule("letter")).find("签收之日"), std::string::npos);
  EXPECT_NE(std::string(receipt_rule("in_person")).find("提交之日"), std::string::npos);
  EXPECT_NE(std::string(receipt_rule("fax")).find("双方确认之日"), std::string::npos);
  EXPECT_NE(std::string(receipt_rule("online")).find("第三十一条"), std::string::npos);
}

TEST(RateLimiter, AllowsTheLimitPerWindowAndKey) {
  using namespace std::chrono;
  RateLimiter limit(3, hours(1));
  auto t0 = steady_clock::time_point{} + hours(100);
  for (int i = 0; i < 3; ++i) {
    EXPECT_TRUE(limit.allowed("10.0.0.1", t0 + minutes(i)));
    limit.record("10.0.0.1", t0 + minutes(i));
  }
  EXPECT_FALSE(limit.allowed("10.0.0.1", t0 + minutes(10)));
  EXPECT_TRUE(limit.allowed("10.0.0.2", t0 + minutes(10)));
  // The first attempt leaves the window an hour after it was made.
  EXPECT_FALSE(limit.allowed("10.0.0.1", t0 + minutes(59)));
  EXPECT_TRUE(limit.allowed("10.0.0.1", t0 + minutes(60)));
}

}  // namespace
}  // namespace gongkai::app
