// Migration 2: requests for disclosure (依申请公开). A request row holds what the applicant
// filed and, as a cache, what its events add up to (state, due date, explanation); the events
// are the truth. Identity document data lives in its own table so that it can be shown, kept
// and removed apart from the rest. Appeals and notices will get their own tables, keyed by
// request id.
#include "store/migrations.h"

namespace gongkai::store {

extern const Migration kSchema0002 = {2, "requests", R"SQL(
CREATE TABLE requests (
  id {id},
  agency_id {bigint} NOT NULL REFERENCES agencies(id),
  tracking_code TEXT NOT NULL UNIQUE,
  secret_hash TEXT NOT NULL,
  idempotency_key TEXT,
  channel TEXT NOT NULL CHECK (channel IN ('online', 'letter', 'in_person', 'fax', 'email')),
  received_on TEXT NOT NULL,
  receipt_note TEXT NOT NULL DEFAULT '',
  rule TEXT NOT NULL CHECK (rule IN ('2008', '2019')),
  applicant_kind TEXT NOT NULL CHECK (applicant_kind IN
    ('natural_person', 'commercial', 'research', 'public_interest', 'legal_service', 'other_org')),
  applicant_name TEXT NOT NULL,
  organisation TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  email TEXT NOT NULL DEFAULT '',
  address TEXT NOT NULL DEFAULT '',
  postcode TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL,
  delivery_form TEXT NOT NULL,
  delivery_method TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'new',
  due_on TEXT,
  waiting_until TEXT,
  outcome TEXT,
  closed_on TEXT,
  explanation TEXT NOT NULL DEFAULT '',
  warnings TEXT NOT NULL DEFAULT '',
  event_count INTEGER NOT NULL DEFAULT 0,
  created_by {bigint} REFERENCES users(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (agency_id, idempotency_key)
);
CREATE INDEX requests_agency_state_due ON requests (agency_id, state, due_on, id);
CREATE INDEX requests_agency_received ON requests (agency_id, received_on, id);
CREATE INDEX requests_open ON requests (state, id);

CREATE TABLE request_identities (
  request_id {bigint} PRIMARY KEY REFERENCES requests(id),
  agency_id {bigint} NOT NULL REFERENCES agencies(id),
  id_type TEXT NOT NULL,
  id_number TEXT NOT NULL
);

CREATE TABLE request_events (
  id {id},
  request_id {bigint} NOT NULL REFERENCES requests(id),
  agency_id {bigint} NOT NULL REFERENCES agencies(id),
  seq INTEGER NOT NULL,
  kind TEXT NOT NULL,
  event_date TEXT NOT NULL,
  detail TEXT NOT NULL DEFAULT '{}',
  note TEXT NOT NULL DEFAULT '',
  actor_id {bigint} REFERENCES users(id),
  actor_name TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  UNIQUE (request_id, seq)
);
)SQL"};

}  // namespace gongkai::store
