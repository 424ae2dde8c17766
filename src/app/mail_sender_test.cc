#include "app/mail_sender.h"

#include <gtest/gtest.h>

#include "app/errors.h"
#include "app/fake_smtp_server.h"
#include "app/mail_outbox.h"
#include "core/clock.h"
#include "store/mail_store.h"
#include "store/migrations.h"
#include "store/test_databases.h"

namespace gongkai::app {
namespace {

class MailTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = store::open_test_database(GetParam(), 4);
    if (!db_) GTEST_SKIP() << "backend not available: " << GetParam();
    store::migrate(*db_);
  }
  MailSettings settings(int port) {
    MailSettings s;
    s.host = "127.0.0.1";
    s.port = port;
    s.from = "gongkai@cixi.example";
    s.timeout = std::chrono::seconds(5);
    return s;
  }
  OutgoingMail mail(const std::string& to, const std::string& subject) {
    return {std::nullopt, to, subject, "您好：\n申请 ABCD2345 将于 2024-10-30 到期。\n.\n以上", "test", std::nullopt};
  }
  store::MailRow row(int64_t id) { return *store::find_mail(*db_->acquire(), id); }
  // An ISO time `minutes` after now.
  static std::string later(int minutes) { return core::iso_from_unix(core::unix_now() + minutes * 60); }

  std::unique_ptr<store::Database> db_;
};

TEST_P(MailTest, QueuedMailIsDeliveredOverSmtp) {
  FakeSmtpServer smtp;
  int64_t a = enqueue_mail(*db_, mail("zhang@example.com", "依申请公开答复期限提醒"));
  int64_t b = enqueue_mail(*db_, mail("li@example.com", "第二封"));
  auto r = send_pending_mail(*db_, settings(smtp.port()));
  EXPECT_EQ(r.sent, 2);
  auto got = smtp.received();
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].to, std::vector<std::string>{"<zhang@example.com>"});
  EXPECT_EQ(got[0].from, "<gongkai@cixi.example>");
  // The Chinese subject travels as an encoded word, the body as quoted-printable UTF-8.
  EXPECT_NE(got[0].data.find("Subject: =?UTF-8?"), std::string::npos) << got[0].data;
  EXPECT_NE(got[0].data.find("charset=UTF-8"), std::string::npos);
  EXPECT_NE(got[0].data.find("ABCD2345"), std::string::npos);
  EXPECT_EQ(smtp.connections(), 1) << "one connection for the run";
  EXPECT_EQ(row(a).status, "sent");
  EXPECT_EQ(row(b).attempts, 1);
  // Nothing is sent twice.
  EXPECT_EQ(send_pending_mail(*db_, settings(smtp.port())).sent, 0);
  EXPECT_EQ(smtp.received().size(), 2u);
}

TEST_P(MailTest, ARefusedMailIsRetriedLaterWithBackoffAndThenDelivered) {
  FakeSmtpServer smtp;
  smtp.refuse_next(1);
  int64_t a = enqueue_mail(*db_, mail("zhang@example.com", "提醒"));
  auto r = send_pending_mail(*db_, settings(smtp.port()));
  EXPECT_EQ(r.retried, 1);
  EXPECT_EQ(r.sent, 0);
  auto m = row(a);
  EXPECT_EQ(m.status, "pending");
  EXPECT_EQ(m.attempts, 1);
  EXPECT_NE(m.last_error.find("451"), std::string::npos) << m.last_error;
  EXPECT_GT(m.next_attempt_at, core::now_iso());
  // Not due yet: nothing happens.
  EXPECT_EQ(send_pending_mail(*db_, settings(smtp.port())).sent, 0);
  // Two minutes later it is due, and goes.
  EXPECT_EQ(send_pending_mail(*db_, settings(smtp.port()), later(2)).sent, 1);
  EXPECT_EQ(row(a).status, "sent");
  EXPECT_EQ(row(a).attempts, 2);
  ASSERT_EQ(smtp.received().size(), 1u);
}

TEST_P(MailTest, ADownServerLosesNothingAndGivesUpOnlyAfterTheLastAttempt) {
  int port;
  {
    FakeSmtpServer gone;  // a port nobody listens on any more
    port = gone.port();
  }
  int64_t a = enqueue_mail(*db_, mail("zhang@example.com", "提醒"));
  int64_t b = enqueue_mail(*db_, mail("li@example.com", "提醒"));
  auto r = send_pending_mail(*db_, settings(port));
  EXPECT_EQ(r.retried, 1) << "the run stops at an unreachable server";
  EXPECT_EQ(row(a).attempts, 1);
  EXPECT_EQ(row(b).attempts, 0);
  EXPECT_FALSE(row(a).last_error.empty());
  // Each pass tries the mail due first; both are tried until their last attempt.
  for (int i = 2; i <= 2 * kMailMaxAttempts; ++i) send_pending_mail(*db_, settings(port), later(24 * 60 * i));
  EXPECT_EQ(row(a).status, "failed");
  EXPECT_EQ(row(a).attempts, kMailMaxAttempts);
  EXPECT_EQ(row(b).status, "failed");
  EXPECT_EQ(row(b).attempts, kMailMaxAttempts);
  // Failed mail is kept with its error; once a server answers, new mail goes.
  FakeSmtpServer smtp;
  int64_t c = enqueue_mail(*db_, mail("wang@example.com", "提醒"));
  EXPECT_EQ(send_pending_mail(*db_, settings(smtp.port()), later(24 * 60 * 30)).sent, 1);
  EXPECT_EQ(row(c).status, "sent");
  EXPECT_EQ(store::count_mail(*db_->acquire(), "failed"), 2);
}

TEST_P(MailTest, DedupeKeysAndBadAddresses) {
  OutgoingMail m = mail("zhang@example.com", "提醒");
  m.dedupe_key = "reminder:1:overdue:2024-10-30";
  EXPECT_GT(enqueue_mail(*db_, m), 0);
  EXPECT_EQ(enqueue_mail(*db_, m), 0);
  EXPECT_THROW(enqueue_mail(*db_, mail("not an address", "x")), ValidationError);
  EXPECT_THROW(enqueue_mail(*db_, mail("a@b.cn", "line\r\nBcc: x@y.z")), ValidationError);
  EXPECT_THROW(enqueue_mail(*db_, mail("a@b.cn, c@d.cn", "x")), ValidationError);
  EXPECT_EQ(store::count_mail(*db_->acquire(), "pending"), 1);
  // Without a configured server the mail waits.
  EXPECT_EQ(send_pending_mail(*db_, MailSettings{}).sent, 0);
  EXPECT_EQ(store::count_mail(*db_->acquire(), "pending"), 1);
}

TEST(MailRetry, DelaysDoubleUpToSixHours) {
  EXPECT_EQ(mail_retry_delay(1).count(), 1);
  EXPECT_EQ(mail_retry_delay(2).count(), 2);
  EXPECT_EQ(mail_retry_delay(5).count(), 16);
  EXPECT_EQ(mail_retry_delay(9).count(), 256);
  EXPECT_EQ(mail_retry_delay(10).count(), 360);
}

INSTANTIATE_TEST_SUITE_P(Backends, MailTest, ::testing::Values("sqlite", "postgres"));

}  // namespace
}  // namespace gongkai::app
