// Migration 6: appeals (行政复议 / 行政诉讼 about disclosure, table 四 of the annual report),
// the annual report's working draft (narrative parts and figures the office types in) and the
// published reports, frozen as a snapshot of their data and text, one row per version.
#include "store/migrations.h"

namespace gongkai::store {

extern const Migration kSchema0006 = {6, "annual-report", R"SQL(
CREATE TABLE appeals (
  id {id},
  agency_id {bigint} NOT NULL REFERENCES agencies(id),
  request_id {bigint} REFERENCES requests(id),
  kind TEXT NOT NULL CHECK (kind IN ('reconsideration', 'litigation_direct', 'litigation_after_reconsideration')),
  filed_on TEXT NOT NULL,
  case_ref TEXT NOT NULL DEFAULT '',
  result TEXT NOT NULL DEFAULT 'pending' CHECK (result IN ('pending', 'upheld', 'corrected', 'other')),
  decided_on TEXT,
  remarks TEXT NOT NULL DEFAULT '',
  created_by {bigint} REFERENCES users(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX appeals_agency_filed ON appeals (agency_id, filed_on, id);
CREATE INDEX appeals_request ON appeals (request_id);

-- The report's fee query finds an agency's fee events without reading every agency's events.
CREATE INDEX request_events_agency_kind ON request_events (agency_id, kind, event_date);

CREATE TABLE report_drafts (
  agency_id {bigint} NOT NULL REFERENCES agencies(id),
  year INTEGER NOT NULL,
  layout TEXT NOT NULL CHECK (layout IN ('2008', '2021')),
  parts TEXT NOT NULL DEFAULT '{}',
  figures TEXT NOT NULL DEFAULT '{}',
  updated_by {bigint} REFERENCES users(id),
  updated_at TEXT NOT NULL,
  PRIMARY KEY (agency_id, year, layout)
);

CREATE TABLE published_reports (
  id {id},
  agency_id {bigint} NOT NULL REFERENCES agencies(id),
  year INTEGER NOT NULL,
  layout TEXT NOT NULL CHECK (layout IN ('2008', '2021')),
  version INTEGER NOT NULL,
  current INTEGER NOT NULL DEFAULT 1,
  data_json TEXT NOT NULL,
  parts TEXT NOT NULL,
  published_by {bigint} REFERENCES users(id),
  published_at TEXT NOT NULL,
  UNIQUE (agency_id, year, layout, version)
);
CREATE INDEX published_reports_agency ON published_reports (agency_id, current, year);
)SQL"};

}  // namespace gongkai::store
