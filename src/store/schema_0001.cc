// Migration 1: agencies, departments, users, sessions, taxonomies, the catalog with its
// revisions and workflow, attachments, index-number serials and the audit log.
#include "store/migrations.h"

namespace gongkai::store {

extern const Migration kSchema0001 = {1, "foundation", R"SQL(
CREATE TABLE agencies (
  id {id},
  slug TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  org_code TEXT NOT NULL,
  index_pattern TEXT NOT NULL DEFAULT '{org}/{year}-{serial:5}',
  workflow_steps TEXT NOT NULL DEFAULT 'head,leader,secrecy',
  address TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  fax TEXT NOT NULL DEFAULT '',
  email TEXT NOT NULL DEFAULT '',
  office_hours TEXT NOT NULL DEFAULT '',
  guide_html TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL
);

CREATE TABLE departments (
  id {id},
  agency_id {bigint} NOT NULL REFERENCES agencies(id),
  name TEXT NOT NULL,
  sort INTEGER NOT NULL DEFAULT 0,
  active INTEGER NOT NULL DEFAULT 1,
  UNIQUE (agency_id, name)
);

CREATE TABLE users (
  id {id},
  agency_id {bigint} REFERENCES agencies(id),
  username TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  department_id {bigint} REFERENCES departments(id),
  email TEXT NOT NULL DEFAULT '',
  active INTEGER NOT NULL DEFAULT 1,
  failed_logins INTEGER NOT NULL DEFAULT 0,
  locked_until TEXT,
  created_at TEXT NOT NULL
);

CREATE TABLE user_roles (
  user_id {bigint} NOT NULL REFERENCES users(id),
  role TEXT NOT NULL,
  PRIMARY KEY (user_id, role)
);

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id {bigint} NOT NULL REFERENCES users(id),
  csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  ip TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE categories (
  id {id},
  agency_id {bigint} NOT NULL REFERENCES agencies(id),
  scheme TEXT NOT NULL CHECK (scheme IN ('class', 'topic', 'genre')),
  parent_id {bigint} REFERENCES categories(id),
  name TEXT NOT NULL,
  sort INTEGER NOT NULL DEFAULT 0,
  active INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX categories_unique ON categories (agency_id, scheme, COALESCE(parent_id, 0), name);

CREATE TABLE items (
  id {id},
  agency_id {bigint} NOT NULL REFERENCES agencies(id),
  index_no TEXT UNIQUE,
  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'withdrawn')),
  working_rev_id {bigint},
  published_rev_id {bigint},
  title TEXT NOT NULL,
  department_id {bigint} REFERENCES departments(id),
  class_id {bigint} REFERENCES categories(id),
  topic_id {bigint} REFERENCES categories(id),
  genre_id {bigint} REFERENCES categories(id),
  doc_no TEXT NOT NULL DEFAULT '',
  creation_date TEXT,
  publish_date TEXT,
  pub_year INTEGER,
  validity TEXT NOT NULL DEFAULT '有效',
  validity_changed_on TEXT,
  late INTEGER NOT NULL DEFAULT 0,
  created_by {bigint} REFERENCES users(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX items_agency_status_date ON items (agency_id, status, publish_date, id);
CREATE INDEX items_agency_class ON items (agency_id, class_id, status, publish_date);
CREATE INDEX items_agency_dept ON items (agency_id, department_id, status, publish_date);
CREATE INDEX items_agency_year ON items (agency_id, pub_year, status, publish_date);

CREATE TABLE item_revisions (
  id {id},
  item_id {bigint} NOT NULL REFERENCES items(id),
  agency_id {bigint} NOT NULL REFERENCES agencies(id),
  rev_no INTEGER NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('draft', 'in_review', 'returned', 'scheduled', 'published', 'superseded', 'discarded')),
  step TEXT,
  title TEXT NOT NULL,
  summary TEXT NOT NULL DEFAULT '',
  body_html TEXT NOT NULL DEFAULT '',
  body_text TEXT NOT NULL DEFAULT '',
  doc_no TEXT NOT NULL DEFAULT '',
  keywords TEXT NOT NULL DEFAULT '',
  department_id {bigint} REFERENCES departments(id),
  class_id {bigint} REFERENCES categories(id),
  topic_id {bigint} REFERENCES categories(id),
  genre_id {bigint} REFERENCES categories(id),
  creation_date TEXT,
  publish_date TEXT,
  disclosure_mode TEXT NOT NULL DEFAULT '主动公开',
  carrier TEXT NOT NULL DEFAULT '电子',
  validity TEXT NOT NULL DEFAULT '有效',
  validity_changed_on TEXT,
  scheduled_at TEXT,
  author_id {bigint} REFERENCES users(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (item_id, rev_no)
);
CREATE INDEX revisions_queue ON item_revisions (agency_id, state, step, updated_at);
CREATE INDEX revisions_author ON item_revisions (author_id, state, updated_at);

CREATE TABLE workflow_events (
  id {id},
  agency_id {bigint} NOT NULL REFERENCES agencies(id),
  item_id {bigint} NOT NULL REFERENCES items(id),
  rev_id {bigint} REFERENCES item_revisions(id),
  actor_id {bigint} REFERENCES users(id),
  action TEXT NOT NULL,
  step TEXT,
  comment TEXT NOT NULL DEFAULT '',
  at TEXT NOT NULL
);
CREATE INDEX workflow_events_item ON workflow_events (item_id, id);

CREATE TABLE blobs (
  sha256 TEXT PRIMARY KEY,
  size {bigint} NOT NULL,
  mime TEXT NOT NULL,
  data {blob},
  created_at TEXT NOT NULL
);

CREATE TABLE attachments (
  id {id},
  rev_id {bigint} NOT NULL REFERENCES item_revisions(id),
  sha256 TEXT NOT NULL REFERENCES blobs(sha256),
  filename TEXT NOT NULL,
  mime TEXT NOT NULL,
  size {bigint} NOT NULL,
  sort INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX attachments_rev ON attachments (rev_id, sort);

CREATE TABLE index_serials (
  agency_id {bigint} NOT NULL REFERENCES agencies(id),
  year INTEGER NOT NULL,
  next_serial INTEGER NOT NULL,
  PRIMARY KEY (agency_id, year)
);

CREATE TABLE audit_head (
  id INTEGER PRIMARY KEY,
  seq {bigint} NOT NULL,
  last_hash TEXT NOT NULL
);
INSERT INTO audit_head (id, seq, last_hash) VALUES (1, 0, '');

CREATE TABLE audit_log (
  seq {bigint} PRIMARY KEY,
  at TEXT NOT NULL,
  agency_id {bigint},
  actor_id {bigint},
  actor TEXT NOT NULL DEFAULT '',
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL DEFAULT '',
  detail TEXT NOT NULL DEFAULT '',
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);
)SQL",
R"SQL(
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
)SQL",
R"SQL(
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$;
CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
)SQL"};

}  // namespace gongkai::store
