#include "app/request_reminders.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "app/errors.h"
#include "app/fake_smtp_server.h"
#include "app/mail_sender.h"
#include "app/request_test_inputs.h"
#include "app/requests.h"
#include "app/test_fixture.h"
#include "store/directory_store.h"
#include "store/mail_store.h"
#include "store/migrations.h"
#include "store/test_databases.h"

namespace gongkai::app {
namespace {

using core::Date;

Date D(const char* s) { return *Date::parse(s); }

class RemindersTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = store::open_test_database(GetParam(), 4);
    if (!db_) GTEST_SKIP() << "backend not available: " << GetParam();
    store::migrate(*db_);
    a_ = make_test_agency(*db_, "rm", "000014349");
    b_ = make_test_agency(*db_, "rn", "000014350");
    for (auto [agency, key] : {std::pair{&a_, "clerk"}, {&a_, "office"}, {&a_, "liaison"}, {&b_, "clerk"}}) {
      auto c = db_->acquire();
      auto u = *store::find_user(*c, agency->who[key].user_id);
      u.email = u.username + "@example.com";
      update_user(*db_, Principal::system("test"), u);
    }
  }
  int64_t entered(TestAgency& t, const char* received_on) {
    return enter_request(*db_, t.who["clerk"], t.id, letter_request(received_on), new_request_keys()).id;
  }

  std::unique_ptr<store::Database> db_;
  TestAgency a_, b_;
};

TEST_P(RemindersTest, DueSoonAndOverdueRequestsRemindTheirHandlersOnce) {
  int64_t id = entered(a_, "2024-09-27");  // due 2024-10-30
  entered(a_, "2024-10-25");               // due later: no reminder yet
  ReminderSettings s;  // within 3 working days

  auto early = send_request_reminders(*db_, D("2024-10-24"), s);
  EXPECT_EQ(early.due_soon + early.overdue, 0);

  auto r = send_request_reminders(*db_, D("2024-10-28"), s);
  EXPECT_EQ(r.due_soon, 1);
  EXPECT_EQ(r.overdue, 0);
  EXPECT_EQ(r.mails, 2) << "clerk and office; not the liaison, not the other agency";
  auto again = send_request_reminders(*db_, D("2024-10-29"), s);
  EXPECT_EQ(again.due_soon + again.mails, 0) << "one reminder per request, kind and due date";

  auto notices = recent_staff_notices(*db_, a_.who["clerk"], a_.id);
  ASSERT_EQ(notices.size(), 1u);
  EXPECT_EQ(notices[0].kind, "due_soon");
  EXPECT_EQ(*notices[0].request_id, id);
  EXPECT_NE(notices[0].body.find("答复期限 2024-10-30，剩余2个工作日"), std::string::npos) << notices[0].body;
  EXPECT_TRUE(recent_staff_notices(*db_, b_.who["clerk"], b_.id).empty());
  EXPECT_THROW(recent_staff_notices(*db_, a_.who["liaison"], a_.id), AppError);
  EXPECT_THROW(recent_staff_notices(*db_, b_.who["clerk"], a_.id), AppError);

  auto v = view_request(*db_, a_.who["clerk"], a_.id, id);
  ASSERT_EQ(v.notes.size(), 1u);
  EXPECT_EQ(v.notes[0].kind, "reminder");

  auto late = send_request_reminders(*db_, D("2024-10-31"), s);
  EXPECT_EQ(late.overdue, 1);
  EXPECT_NE(recent_staff_notices(*db_, a_.who["office"], a_.id)[0].body.find("已超过答复期限1个工作日"),
            std::string::npos);

  // The mails reach an SMTP server.
  FakeSmtpServer smtp;
  MailSettings ms;
  ms.host = "127.0.0.1";
  ms.port = smtp.port();
  ms.from = "gongkai@cixi.example";
  EXPECT_EQ(send_pending_mail(*db_, ms).sent, 4);
  std::vector<std::string> to;
  for (const auto& m : smtp.received()) to.push_back(m.to.at(0));
  std::sort(to.begin(), to.end());
  EXPECT_EQ(to, (std::vector<std::string>{"<rm.clerk@example.com>", "<rm.clerk@example.com>",
                                          "<rm.office@example.com>", "<rm.office@example.com>"}));
}

TEST_P(RemindersTest, SettledRequestsAreNotReminded) {
  int64_t id = entered(a_, "2024-09-27");
  EventInput d;
  d.kind = "decided";
  d.date = "2024-10-10";
  d.outcome = "granted";
  add_request_event(*db_, a_.who["clerk"], a_.id, id, d);
  EXPECT_EQ(send_request_reminders(*db_, D("2024-11-30"), ReminderSettings{}).overdue, 0);
}

TEST_P(RemindersTest, TheApplicantIsMailedAnAcknowledgementWithoutTheSecret) {
  RequestInput in = letter_request("2024-09-27");
  in.email = "applicant@example.com";
  in.delivery_method = "email";
  in.delivery_form = "electronic";
  auto keys = new_request_keys();
  auto r = enter_request(*db_, a_.who["clerk"], a_.id, in, keys);
  enter_request(*db_, a_.who["clerk"], a_.id, in, keys);  // a repeat mails nothing more
  enter_request(*db_, a_.who["clerk"], a_.id, letter_request("2024-09-27"), new_request_keys());  // no address
  auto c = db_->acquire();
  EXPECT_EQ(store::count_mail(*c, "pending"), 1);
  auto due = store::due_mail(*c, "9999", 10);
  ASSERT_EQ(due.size(), 1u);
  EXPECT_EQ(due[0].recipient, "applicant@example.com");
  EXPECT_EQ(due[0].purpose, "request.acknowledgement");
  EXPECT_NE(due[0].subject.find(r.tracking_code), std::string::npos);
  EXPECT_NE(due[0].body.find("答复期限：2024-10-30"), std::string::npos) << due[0].body;
  EXPECT_EQ(due[0].body.find(normalise_code(keys.secret)), std::string::npos);
  EXPECT_EQ(due[0].body.find(keys.secret), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Backends, RemindersTest, ::testing::Values("sqlite", "postgres"));

}  // namespace
}  // namespace gongkai::app
