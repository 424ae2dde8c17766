#include "app/letter_template_admin.h"

#include <map>

#include "app/errors.h"
#include "app/notice_letter_text.h"
#include "core/clock.h"
#include "store/audit_log.h"
#include "store/directory_store.h"
#include "store/letter_template_store.h"

namespace gongkai::app {
namespace {

void check_edit(const Principal& by, int64_t agency_id) {
  if (!by.in_agency(agency_id)) throw not_found("机关");
  if (!can_edit_letter_templates(by)) throw forbidden("只有办公室和系统管理员可以修改告知书文本");
}

const LetterTemplateKind& kind_of(const std::string& key) {
  const LetterTemplateKind* k = find_letter_template_kind(key);
  if (!k) throw not_found("告知书种类");
  return *k;
}

LetterTemplateView view_of(const LetterTemplateKind& k, const std::optional<store::LetterTemplateRow>& row) {
  LetterTemplateView v;
  v.kind = &k;
  v.text = row ? row->body : k.default_text;
  v.customised = row.has_value();
  if (row) {
    v.updated_by = row->updated_by;
    v.updated_at = core::utc_iso_to_cst(row->updated_at);
  }
  return v;
}

// The checked, normalised text, or ValidationError on the field "body".
std::string checked(const LetterTemplateKind& k, const std::string& raw) {
  std::string text = normalise_letter_template(raw);
  auto problems = check_letter_template(k, text);
  if (!problems.empty()) {
    std::string joined;
    for (const auto& p : problems) joined += (joined.empty() ? "" : "；") + p;
    throw ValidationError("body", joined);
  }
  return text;
}

}  // namespace

bool can_edit_letter_templates(const Principal& by) {
  return by.is_system() || by.has(core::Role::kOffice) || by.has(core::Role::kAdmin);
}

std::vector<LetterTemplateView> list_letter_templates(store::Database& db, const Principal& by, int64_t agency_id) {
  check_edit(by, agency_id);
  auto c = db.acquire();
  std::map<std::string, store::LetterTemplateRow> own;
  for (auto& r : store::list_letter_templates(*c, agency_id)) own.emplace(r.kind, std::move(r));
  std::vector<LetterTemplateView> out;
  for (const auto& k : letter_template_kinds()) {
    auto it = own.find(k.key);
    out.push_back(view_of(k, it == own.end() ? std::nullopt : std::optional(it->second)));
  }
  return out;
}

LetterTemplateView get_letter_template(store::Database& db, const Principal& by, int64_t agency_id,
                                       const std::string& key) {
  check_edit(by, agency_id);
  const auto& k = kind_of(key);
  auto c = db.acquire();
  return view_of(k, store::find_letter_template(*c, agency_id, k.key));
}

void save_letter_template(store::Database& db, const Principal& by, int64_t agency_id, const std::string& key,
                          const std::string& raw) {
  check_edit(by, agency_id);
  const auto& k = kind_of(key);
  std::string text = checked(k, raw);
  if (text == normalise_letter_template(k.default_text)) {
    reset_letter_template(db, by, agency_id, key);
    return;
  }
  db.with_tx([&](store::Conn& c) {
    store::save_letter_template(c, {agency_id, k.key, text, by.display_name.empty() ? by.username : by.display_name,
                                    core::now_iso()});
    // The new wording itself, so the log shows what every letter said from then on.
    store::audit(c, by.actor(), {agency_id, "letter_template.update", "letter_template", k.key, text});
  });
}

void reset_letter_template(store::Database& db, const Principal& by, int64_t agency_id, const std::string& key) {
  check_edit(by, agency_id);
  const auto& k = kind_of(key);
  db.with_tx([&](store::Conn& c) {
    if (store::delete_letter_template(c, agency_id, k.key)) {
      store::audit(c, by.actor(), {agency_id, "letter_template.reset", "letter_template", k.key, "恢复默认文本"});
    }
  });
}

render::Document preview_letter_template(store::Database& db, const Principal& by, int64_t agency_id,
                                         const std::string& key, const std::optional<std::string>& text,
                                         std::optional<core::Date> today) {
  check_edit(by, agency_id);
  const auto& k = kind_of(key);
  LetterInput in = sample_letter_input(k.key, today.value_or(core::Date::today_cst()));
  auto c = db.acquire();
  auto agency = store::find_agency(*c, agency_id);
  if (!agency) throw not_found("机关");
  in.agency_name = agency->name;
  in.agency_address = agency->address;
  in.agency_phone = agency->phone;
  if (text) in.custom_text = checked(k, *text);
  else in.custom_text = agency_letter_text(*c, agency_id, k.key);
  return notice_letter(in);
}

std::optional<std::string> agency_letter_text(store::Conn& c, int64_t agency_id, const std::string& key) {
  auto row = store::find_letter_template(c, agency_id, key);
  if (!row) return std::nullopt;
  return row->body;
}

}  // namespace gongkai::app
