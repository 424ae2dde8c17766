#pragma once
// Queueing outgoing mail. A mail is written to the outbox (store/mail_store.h) in the caller's
// transaction, so it goes out exactly when the change that causes it is committed; the sender
// job (app/mail_sender.h) delivers it over SMTP with retries. Any feature may queue mail:
// request acknowledgements and reminders, department quota reminders, ...

#include <cstdint>
#include <optional>
#include <string>

#include "store/db.h"

namespace gongkai::app {

struct OutgoingMail {
  std::optional<int64_t> agency_id;
  std::string to;       // one address
  std::string subject;  // UTF-8, one line
  std::string body;     // UTF-8 plain text
  // What it is for, e.g. "request.reminder" (shown to the operator).
  std::string purpose;
  // When set, a second mail with the same key is not queued (e.g. one reminder per request
  // and due date, however often the job runs).
  std::optional<std::string> dedupe_key;
};

// Queues `m` within the open transaction of `c`. Returns the outbox id, or 0 when the dedupe key
// was already used. Throws ValidationError on an address or subject that cannot be sent
// (empty, not one address, a line break in the subject, over the size limits).
int64_t enqueue_mail(store::Conn& c, const OutgoingMail& m);
// Same, in a transaction of its own.
int64_t enqueue_mail(store::Database& db, const OutgoingMail& m);

// A single address of the form local@domain.tld without spaces or angle brackets.
bool plausible_address(const std::string& address);

}  // namespace gongkai::app
