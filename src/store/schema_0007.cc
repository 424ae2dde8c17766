// Migration 7: department quotas and their notices, the assessment (weights schemes and
// manual adjustments), publication channels per item, the disclosure attribute decided at the
// source, the confidentiality-review register, complaints and reports about the disclosure
// work with their handling steps, and the work records (training, meetings, rules, the
// leading group) the annual report's overview draws on.
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

CREATE TABLE complaints (
  id {id},
  agency_id {bigint} NOT NULL REFERENCES agencies(id),
  ref_code TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('投诉', '举报')),
  channel TEXT NOT NULL,
  name TEXT NOT NULL DEFAULT '',
  contact TEXT NOT NULL DEFAULT '',
  content TEXT NOT NULL,
  request_id {bigint} REFERENCES requests(id),
  received_on TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  result TEXT NOT NULL DEFAULT '',
  closed_on TEXT,
  created_by {bigint} REFERENCES users(id),
  created_at TEXT NOT NULL
);
CREATE INDEX complaints_agency ON complaints (agency_id, received_on);

CREATE TABLE complaint_steps (
  id {id},
  agency_id {bigint} NOT NULL REFERENCES agencies(id),
  complaint_id {bigint} NOT NULL REFERENCES complaints(id),
  on_date TEXT NOT NULL,
  action TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  actor_id {bigint} REFERENCES users(id),
  created_at TEXT NOT NULL
);
CREATE INDEX complaint_steps_complaint ON complaint_steps (complaint_id, id);

CREATE TABLE work_records (
  id {id},
  agency_id {bigint} NOT NULL REFERENCES agencies(id),
  kind TEXT NOT NULL CHECK (kind IN ('training', 'meeting', 'rule')),
  on_date TEXT NOT NULL,
  title TEXT NOT NULL,
  participants INTEGER NOT NULL DEFAULT 0,
  detail TEXT NOT NULL DEFAULT '',
  created_by {bigint} REFERENCES users(id),
  created_at TEXT NOT NULL
);
CREATE INDEX work_records_agency ON work_records (agency_id, kind, on_date);

CREATE TABLE leading_group (
  id {id},
  agency_id {bigint} NOT NULL REFERENCES agencies(id),
  duty TEXT NOT NULL CHECK (duty IN ('组长', '副组长', '成员', '联络员')),
  name TEXT NOT NULL,
  position TEXT NOT NULL DEFAULT '',
  sort INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
);
CREATE INDEX leading_group_agency ON leading_group (agency_id, sort);
)SQL"};

}  // namespace gongkai::store
