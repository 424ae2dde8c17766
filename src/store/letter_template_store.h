#pragma once
// An agency's own wording of its notice letters (告知书), by template key
// (app/letter_templates.h). Every function takes the agency id and filters on it.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/db.h"

namespace gongkai::store {

struct LetterTemplateRow {
  int64_t agency_id = 0;
  std::string kind, body, updated_by, updated_at;
};

std::optional<LetterTemplateRow> find_letter_template(Conn& c, int64_t agency_id, const std::string& kind);
// The agency's templates, by key.
std::vector<LetterTemplateRow> list_letter_templates(Conn& c, int64_t agency_id);
// Inserts or replaces the agency's template of that kind.
void save_letter_template(Conn& c, const LetterTemplateRow& row);
// Removes it (back to the default); returns whether there was one.
bool delete_letter_template(Conn& c, int64_t agency_id, const std::string& kind);

// The wording an issued letter was written in (the template text of its kind at issue).
struct IssuedLetterText {
  int64_t agency_id = 0, request_id = 0;
  int seq = 0;
  std::string kind, body;
};
void insert_issued_letter_text(Conn& c, const IssuedLetterText& t);
// The request's issued letters' wording, in event order.
std::vector<IssuedLetterText> list_issued_letter_texts(Conn& c, int64_t agency_id, int64_t request_id);

}  // namespace gongkai::store
