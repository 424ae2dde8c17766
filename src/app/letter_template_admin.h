#pragma once
// The back office of an agency's notice-letter wording (app/letter_templates.h): 办公室 and
// 系统管理员 list the kinds of letter, edit one (checked: limits, known placeholders, the
// required ones present), preview it with a fictitious request, and reset it to the default.
// Every change is audited ("letter_template.update" with the new text,
// "letter_template.reset"). Letters (app/notice_letters.h) use the agency's version.

#include <optional>
#include <string>
#include <vector>

#include "app/directory.h"
#include "app/letter_templates.h"
#include "core/date.h"
#include "render/document.h"
#include "store/db.h"

namespace gongkai::app {

struct LetterTemplateView {
  const LetterTemplateKind* kind = nullptr;
  std::string text;         // the agency's wording, or the default
  bool customised = false;  // the agency has its own
  std::string updated_by, updated_at;  // of the agency's wording (updated_at in CST)
};

// 办公室 or 系统管理员 of the agency (or the command line).
bool can_edit_letter_templates(const Principal& by);

// Every kind of letter with the wording the agency uses.
std::vector<LetterTemplateView> list_letter_templates(store::Database& db, const Principal& by, int64_t agency_id);
// One kind; not_found for an unknown key.
LetterTemplateView get_letter_template(store::Database& db, const Principal& by, int64_t agency_id,
                                       const std::string& key);

// Saves the agency's wording of `key`. ValidationError("body", problems joined by "；") when
// check_letter_template finds any. Text equal to the default removes the agency's version.
void save_letter_template(store::Database& db, const Principal& by, int64_t agency_id, const std::string& key,
                          const std::string& text);
// Back to the default; a no-op (not audited) when the agency had none.
void reset_letter_template(store::Database& db, const Principal& by, int64_t agency_id, const std::string& key);

// The letter of a fictitious request in `text` (unsaved; checked as save does) or, without it,
// in the agency's current wording, with the agency's name and contact.
render::Document preview_letter_template(store::Database& db, const Principal& by, int64_t agency_id,
                                         const std::string& key, const std::optional<std::string>& text,
                                         std::optional<core::Date> today = std::nullopt);

// The agency's own wording of `key`, if any (for the letters themselves).
std::optional<std::string> agency_letter_text(store::Conn& c, int64_t agency_id, const std::string& key);

}  // namespace gongkai::app
