// Migration 8: the rest of disclosure on request.
// - calendar_overrides: holiday notices entered by an administrator (a new year's notice, or a
//   corrected one), agency-independent; they replace the shipped data of their notice year.
//   calendar_imports logs each import and when open requests were recomputed after it.
// - request_notes: system records on a request's timeline that are not events of its life
//   (the due date moved after a calendar change, a notice letter issued, a reminder sent).
// - mail_outbox: outgoing mail, committed with the change that causes it and sent by a job with
//   retries; a row is never deleted, it ends as 'sent' or, after the last attempt, 'failed'.
// - staff_notices: reminders shown in the back office to the agency's request handlers.
#include "store/migrations.h"

namespace gongkai::store {

extern const Migration kSchema0008 = {8, "requests-calendar-mail-notices", R"SQL(
CREATE TABLE calendar_overrides (
  id {id},
  notice_year INTEGER NOT NULL,
  day TEXT NOT NULL,
  workday INTEGER NOT NULL CHECK (workday IN (0, 1)),
  name TEXT NOT NULL,
  UNIQUE (notice_year, day)
);
CREATE TABLE calendar_imports (
  id {id},
  notice_year INTEGER NOT NULL,
  source_format TEXT NOT NULL,
  entry_count INTEGER NOT NULL,
  imported_by TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  recomputed_at TEXT
);
CREATE TABLE request_notes (
  id {id},
  request_id {bigint} NOT NULL REFERENCES requests(id),
  agency_id {bigint} NOT NULL REFERENCES agencies(id),
  kind TEXT NOT NULL,
  body TEXT NOT NULL,
  actor_name TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL
);
CREATE INDEX request_notes_request ON request_notes (request_id, id);
CREATE TABLE mail_outbox (
  id {id},
  agency_id {bigint} REFERENCES agencies(id),
  recipient TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  purpose TEXT NOT NULL DEFAULT '',
  dedupe_key TEXT UNIQUE,
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  last_error TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  sent_at TEXT
);
CREATE INDEX mail_outbox_due ON mail_outbox (status, next_attempt_at, id);
CREATE TABLE staff_notices (
  id {id},
  agency_id {bigint} NOT NULL REFERENCES agencies(id),
  request_id {bigint} REFERENCES requests(id),
  kind TEXT NOT NULL,
  body TEXT NOT NULL,
  dedupe_key TEXT UNIQUE,
  created_at TEXT NOT NULL
);
CREATE INDEX staff_notices_agency ON staff_notices (agency_id, id);
)SQL"};

}  // namespace gongkai::store
