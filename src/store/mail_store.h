#pragma once
// The mail outbox (table mail_outbox) and the back office's staff notices (staff_notices).
// A mail row is written in the transaction of the change that causes it and never deleted:
// it ends as 'sent', or as 'failed' after the last attempt, with its last error.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/db.h"

namespace gongkai::store {

struct MailRow {
  int64_t id = 0;
  std::optional<int64_t> agency_id;
  std::string recipient, subject, body, purpose;
  std::optional<std::string> dedupe_key;
  std::string status = "pending";  // pending, sent, failed
  int attempts = 0;
  std::string next_attempt_at, last_error, created_at;
  std::optional<std::string> sent_at;
};

// Inserts a pending mail; returns its id, or 0 when a mail with the same dedupe key exists
// (then nothing is written).
int64_t insert_mail(Conn& c, const MailRow& m);
// Pending mails whose next attempt is due at `now`, oldest first.
std::vector<MailRow> due_mail(Conn& c, const std::string& now, int limit);
std::optional<MailRow> find_mail(Conn& c, int64_t id);
void mark_mail_sent(Conn& c, int64_t id, int attempts, const std::string& at);
// Records a failed attempt: pending again at `next_at`, or 'failed' for good when next_at is
// empty.
void mark_mail_attempt_failed(Conn& c, int64_t id, int attempts, const std::string& next_at,
                              const std::string& error);
// Mails by status (pending, sent, failed), for the operator.
int64_t count_mail(Conn& c, const std::string& status);

struct StaffNoticeRow {
  int64_t id = 0, agency_id = 0;
  std::optional<int64_t> request_id;
  std::string kind, body;
  std::optional<std::string> dedupe_key;
  std::string created_at;
};
// Returns 0 when the dedupe key was already used (nothing written).
int64_t insert_staff_notice(Conn& c, const StaffNoticeRow& n);
// The agency's newest notices.
std::vector<StaffNoticeRow> list_staff_notices(Conn& c, int64_t agency_id, int limit);

}  // namespace gongkai::store
