#include "app/notice_letters.h"

#include <gtest/gtest.h>

#include "app/errors.h"
#include "app/request_test_inputs.h"
#include "app/requests.h"
#include "app/test_fixture.h"
#include "render/document.h"
#include "store/mail_store.h"
#include "store/migrations.h"
#include "store/test_databases.h"

namespace gongkai::app {
namespace {

class NoticeLettersTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = store::open_test_database(GetParam(), 4);
    if (!db_) GTEST_SKIP() << "backend not available: " << GetParam();
    store::migrate(*db_);
    a_ = make_test_agency(*db_, "nl", "000014349");
    b_ = make_test_agency(*db_, "nm", "000014350");
    id_ = enter_request(*db_, a_.who["clerk"], a_.id, letter_request("2024-09-27"), new_request_keys()).id;
    EventInput d;
    d.kind = "decided";
    d.date = "2024-10-20";
    d.outcome = "unable.1";
    d.other_agency = "慈溪市财政局";
    add_request_event(*db_, a_.who["clerk"], a_.id, id_, d);
  }

  std::unique_ptr<store::Database> db_;
  TestAgency a_, b_;
  int64_t id_ = 0;
};

TEST_P(NoticeLettersTest, EventsCallForLettersThatAreIssuedOnce) {
  auto refs = request_letters(*db_, a_.who["clerk"], a_.id, id_);
  ASSERT_EQ(refs.size(), 2u);
  EXPECT_EQ(refs[0].kind, LetterKind::kAcknowledgement);
  EXPECT_EQ(refs[1].kind, LetterKind::kDecision);
  EXPECT_EQ(refs[1].seq, 2);
  EXPECT_FALSE(refs[1].issued);

  render::Document doc = request_letter(*db_, a_.who["clerk"], a_.id, id_, 2, *core::Date::parse("2024-10-21"));
  std::string html = render::to_html(doc);
  EXPECT_NE(html.find("nl 测试局"), std::string::npos);
  EXPECT_NE(html.find("负责公开该政府信息的行政机关为：慈溪市财政局"), std::string::npos) << html;
  EXPECT_NE(html.find("2024年10月21日"), std::string::npos);
  EXPECT_EQ(render::to_pdf(doc).rfind("%PDF", 0), 0u);
  EXPECT_EQ(render::to_docx(doc).rfind("PK", 0), 0u);

  issue_request_letter(*db_, a_.who["office"], a_.id, id_, 2);
  refs = request_letters(*db_, a_.who["clerk"], a_.id, id_);
  EXPECT_TRUE(refs[1].issued);
  EXPECT_FALSE(refs[0].issued);
  EXPECT_THROW(issue_request_letter(*db_, a_.who["office"], a_.id, id_, 2), ValidationError);
  auto v = view_request(*db_, a_.who["clerk"], a_.id, id_);
  ASSERT_EQ(v.notes.size(), 1u);
  EXPECT_EQ(v.notes[0].kind, "notice_issued");
  EXPECT_NE(v.notes[0].body.find("已出具《政府信息公开申请答复告知书》"), std::string::npos) << v.notes[0].body;
  EXPECT_EQ(v.notes[0].actor, a_.who["office"].display_name);
  auto c = db_->acquire();
  EXPECT_EQ(c->query_int("SELECT COUNT(*) FROM audit_log WHERE action = 'request.letter'"), 1);
}

TEST_P(NoticeLettersTest, OnlyThisAgencysHandlersSeeLetters) {
  EXPECT_THROW(request_letters(*db_, a_.who["leader"], a_.id, id_), AppError);
  EXPECT_THROW(request_letter(*db_, a_.who["liaison"], a_.id, id_, 2), AppError);
  try {
    request_letter(*db_, b_.who["clerk"], a_.id, id_, 2);
    FAIL();
  } catch (const AppError& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kNotFound);
  }
  // Another agency's request through one's own agency id: not found either.
  EXPECT_THROW(request_letter(*db_, b_.who["clerk"], b_.id, id_, 2), AppError);
  // An event that calls for no letter.
  EXPECT_THROW(request_letter(*db_, a_.who["clerk"], a_.id, id_, 9), AppError);
}

TEST_P(NoticeLettersTest, ALetterIssuedToAnEmailApplicantIsMailed) {
  RequestInput in = letter_request("2024-09-27");
  in.email = "applicant@example.com";
  in.delivery_form = "electronic";
  in.delivery_method = "email";
  int64_t id = enter_request(*db_, a_.who["clerk"], a_.id, in, new_request_keys()).id;
  EventInput d;
  d.kind = "decided";
  d.date = "2024-10-20";
  d.outcome = "denied.6";
  add_request_event(*db_, a_.who["clerk"], a_.id, id, d);
  issue_request_letter(*db_, a_.who["clerk"], a_.id, id, 2);
  auto c = db_->acquire();
  std::vector<store::MailRow> letters;
  for (auto& m : store::due_mail(*c, "9999", 10)) {
    if (m.purpose == "request.letter") letters.push_back(m);
  }
  ASSERT_EQ(letters.size(), 1u);
  EXPECT_EQ(letters[0].recipient, "applicant@example.com");
  EXPECT_NE(letters[0].subject.find("政府信息公开申请答复告知书"), std::string::npos);
  EXPECT_NE(letters[0].body.find("属于四类过程性信息"), std::string::npos) << letters[0].body;
  EXPECT_NE(letters[0].body.find("六十日内依法申请行政复议"), std::string::npos);
  auto v = view_request(*db_, a_.who["clerk"], a_.id, id);
  EXPECT_NE(v.notes.back().body.find("已发送至申请人电子邮箱"), std::string::npos);
  // The postal applicant of SetUp gets no mail.
  issue_request_letter(*db_, a_.who["clerk"], a_.id, id_, 2);
  EXPECT_EQ(store::count_mail(*c, "pending"), 2);  // the acknowledgement and this letter
}

TEST_P(NoticeLettersTest, AConsultationLetterGoesToTheConsultedSideNotTheApplicant) {
  RequestInput in = letter_request("2024-09-27");
  in.email = "applicant@example.com";
  in.delivery_form = "electronic";
  in.delivery_method = "email";
  int64_t id = enter_request(*db_, a_.who["clerk"], a_.id, in, new_request_keys()).id;
  EventInput s;
  s.kind = "consultation_sent";
  s.date = "2024-09-30";
  s.consult_with = "third_party";
  s.party = "某某贸易有限公司";
  add_request_event(*db_, a_.who["clerk"], a_.id, id, s);
  auto refs = request_letters(*db_, a_.who["clerk"], a_.id, id);
  ASSERT_EQ(refs.size(), 2u);
  EXPECT_EQ(refs[1].kind, LetterKind::kConsultation);
  EXPECT_EQ(refs[1].title, "政府信息公开征求意见函");
  std::string html = render::to_html(request_letter(*db_, a_.who["clerk"], a_.id, id, 2));
  EXPECT_NE(html.find("某某贸易有限公司："), std::string::npos) << html;
  EXPECT_NE(html.find("第三十二条"), std::string::npos);
  // Fifteen working days from 2024-09-30: over the National Day holiday, counting Saturday 10-12 (调休).
  EXPECT_NE(html.find("请于2024年10月25日前提出是否同意公开的意见"), std::string::npos) << html;
  EXPECT_EQ(html.find("张三"), std::string::npos) << "the applicant's name stays out";
  EXPECT_EQ(html.find("行政复议"), std::string::npos);
  auto c = db_->acquire();
  int64_t before = store::count_mail(*c, "pending");
  issue_request_letter(*db_, a_.who["clerk"], a_.id, id, 2);
  EXPECT_EQ(store::count_mail(*c, "pending"), before) << "not mailed to the applicant";
  EXPECT_TRUE(request_letters(*db_, a_.who["clerk"], a_.id, id)[1].issued);
}

INSTANTIATE_TEST_SUITE_P(Backends, NoticeLettersTest, ::testing::Values("sqlite", "postgres"));

}  // namespace
}  // namespace gongkai::app
