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

}  // namespace gongkai::store
