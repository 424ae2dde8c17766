// Migration 7: department quotas and their notices, the assessment (weights schemes and
// manual adjustments), publication channels per item, the disclosure attribute decided at the
// source and the confidentiality-review register.
#include "store/migrations.h"

namespace gongkai::store {

extern const Migration kSchema0007 = {7, "quotas-assessment-register", R"SQL(
CREATE TABLE quota_rules (
  id {id},
  agency_id {bigint} NOT NULL REFERENCES agencies(id),
  department_id {bigint} NOT NULL REFERENCES departments(id),
  year INTEGER NOT NULL,
  month INTEGER NOT NULL CHECK (month BETWEEN 0 AND 12),
  items INTEGER NOT NULL CHECK (items BETWEEN 0 AND 1000),
  due_day INTEGER NOT NULL CHECK (due_day BETWEEN 1 AND 31),
  shift TEXT NOT NULL DEFAULT 'previous' CHECK (shift IN ('previous', 'next')),
  updated_by {bigint} REFERENCES users(id),
  updated_at TEXT NOT NULL,
  UNIQUE (agency_id, department_id, year, month)
);

CREATE TABLE quota_settings (
  agency_id {bigint} PRIMARY KEY REFERENCES agencies(id),
  remind_workdays INTEGER NOT NULL DEFAULT 3 CHECK (remind_workdays BETWEEN 0 AND 20),
  updated_at TEXT NOT NULL
);

CREATE TABLE quota_notices (
  id {id},
  agency_id {bigint} NOT NULL REFERENCES agencies(id),
  department_id {bigint} NOT NULL REFERENCES departments(id),
  year INTEGER NOT NULL,
  month INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('reminder', 'overdue')),
  audience TEXT NOT NULL CHECK (audience IN ('department', 'office')),
  message TEXT NOT NULL,
  mailed INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  UNIQUE (agency_id, department_id, year, month, kind)
);
CREATE INDEX quota_notices_recent ON quota_notices (agency_id, audience, created_at);

CREATE TABLE assessment_schemes (
  id {id},
  agency_id {bigint} NOT NULL REFERENCES agencies(id),
  version INTEGER NOT NULL,
  weights TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  created_by {bigint} REFERENCES users(id),
  created_at TEXT NOT NULL,
  UNIQUE (agency_id, version)
);

CREATE TABLE assessment_adjustments (
  id {id},
  agency_id {bigint} NOT NULL REFERENCES agencies(id),
  department_id {bigint} NOT NULL REFERENCES departments(id),
  period TEXT NOT NULL,
  points REAL NOT NULL,
  reason TEXT NOT NULL,
  created_by {bigint} REFERENCES users(id),
  created_at TEXT NOT NULL
);
CREATE INDEX assessment_adjustments_period ON assessment_adjustments (agency_id, period, department_id);

CREATE TABLE item_channels (
  id {id},
  agency_id {bigint} NOT NULL REFERENCES agencies(id),
  item_id {bigint} NOT NULL REFERENCES items(id),
  channel TEXT NOT NULL,
  on_date TEXT NOT NULL,
  reference TEXT NOT NULL DEFAULT '',
  created_by {bigint} REFERENCES users(id),
  created_at TEXT NOT NULL
);
CREATE INDEX item_channels_item ON item_channels (item_id, on_date);
CREATE INDEX item_channels_year ON item_channels (agency_id, on_date, channel);

CREATE TABLE disclosure_attributes (
  id {id},
  agency_id {bigint} NOT NULL REFERENCES agencies(id),
  item_id {bigint} NOT NULL REFERENCES items(id),
  mode TEXT NOT NULL CHECK (mode IN ('主动公开', '依申请公开', '不予公开')),
  legal_reason TEXT NOT NULL DEFAULT '',
  remarks TEXT NOT NULL DEFAULT '',
  decided_by {bigint} REFERENCES users(id),
  decided_at TEXT NOT NULL
);
CREATE INDEX disclosure_attributes_item ON disclosure_attributes (item_id, id);
CREATE INDEX disclosure_attributes_agency ON disclosure_attributes (agency_id, decided_at);

CREATE TABLE secrecy_register (
  id {id},
  agency_id {bigint} NOT NULL REFERENCES agencies(id),
  item_id {bigint} NOT NULL REFERENCES items(id),
  rev_id {bigint} REFERENCES item_revisions(id),
  department_id {bigint} REFERENCES departments(id),
  title TEXT NOT NULL,
  reviewer_id {bigint} REFERENCES users(id),
  reviewed_at TEXT NOT NULL,
  result TEXT NOT NULL CHECK (result IN ('通过', '退回')),
  remarks TEXT NOT NULL DEFAULT ''
);
CREATE INDEX secrecy_register_agency ON secrecy_register (agency_id, reviewed_at);
CREATE INDEX secrecy_register_dept ON secrecy_register (agency_id, department_id, reviewed_at);

CREATE INDEX workflow_events_agency_at ON workflow_events (agency_id, at);
)SQL"};

}  // namespace gongkai::store
