#pragma once
// Delivers the mail outbox over SMTP (Poco::Net::SMTPClientSession). Each mail is tried until
// the server accepts it; after a failure it waits (1, 2, 4, ... minutes, at most 6 hours) and
// after kMailMaxAttempts failures it is marked 'failed' and kept, never dropped. Delivery is
// at least once: a crash between the server's acceptance and the 'sent' mark sends it again.

#include <chrono>
#include <optional>
#include <string>

#include "store/db.h"

namespace gongkai::app {

struct MailSettings {
  std::string host;  // empty: mail stays queued (no server configured)
  int port = 25;
  std::string from;  // envelope and header sender
  std::string username, password;  // AUTH LOGIN when username is set
  std::chrono::seconds timeout{20};
};

// GK_SMTP_HOST, GK_SMTP_PORT (25), GK_SMTP_FROM, GK_SMTP_USER, GK_SMTP_PASSWORD. No server is
// configured in the repository.
MailSettings mail_settings_from_env();

inline constexpr int kMailMaxAttempts = 10;
// Wait before attempt n+1 after n failed attempts (n >= 1).
std::chrono::minutes mail_retry_delay(int failed_attempts);

struct MailRunResult {
  int sent = 0, retried = 0, failed = 0;
};

// Sends up to `limit` pending mails due at `now` (ISO-8601 UTC; default: now). Does nothing
// without a host.
MailRunResult send_pending_mail(store::Database& db, const MailSettings& settings,
                                std::optional<std::string> now = std::nullopt, int limit = 100);

}  // namespace gongkai::app
