// Migration 12: an agency's own wording of its notice letters (告知书), one row per kind of
// letter that differs from the default (app/letter_templates.h); no row: the default. And the
// wording each issued letter was written in, so that it reads the same after later edits.
#include "store/migrations.h"

namespace gongkai::store {

extern const Migration kSchema0012 = {12, "letter-templates", R"SQL(
CREATE TABLE letter_templates (
  agency_id {bigint} NOT NULL REFERENCES agencies(id),
  kind TEXT NOT NULL,
  body TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (agency_id, kind)
);
CREATE TABLE issued_letter_texts (
  agency_id {bigint} NOT NULL REFERENCES agencies(id),
  request_id {bigint} NOT NULL REFERENCES requests(id),
  seq INTEGER NOT NULL,
  kind TEXT NOT NULL,
  body TEXT NOT NULL,
  PRIMARY KEY (request_id, seq)
);
)SQL"};

}  // namespace gongkai::store
