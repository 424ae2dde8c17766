// Migration 12: an agency's own wording of its notice letters (告知书), one row per kind of
// letter that differs from the default (app/letter_templates.h); no row: the default.
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
)SQL"};

}  // namespace gongkai::store
