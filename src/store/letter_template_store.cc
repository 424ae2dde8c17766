#include "store/letter_template_store.h"

namespace gongkai::store {
namespace {

LetterTemplateRow row_from(const Row& r) {
  return {r.i64(0), r.str(1), r.str(2), r.str(3), r.str(4)};
}

constexpr const char* kCols = "SELECT agency_id, kind, body, updated_by, updated_at FROM letter_templates ";

}  // namespace

std::optional<LetterTemplateRow> find_letter_template(Conn& c, int64_t agency_id, const std::string& kind) {
  auto r = c.query_one(std::string(kCols) + "WHERE agency_id = ? AND kind = ?", {agency_id, kind});
  if (!r) return std::nullopt;
  return row_from(*r);
}

std::vector<LetterTemplateRow> list_letter_templates(Conn& c, int64_t agency_id) {
  std::vector<LetterTemplateRow> out;
  for (const auto& r : c.query(std::string(kCols) + "WHERE agency_id = ? ORDER BY kind", {agency_id})) {
    out.push_back(row_from(r));
  }
  return out;
}

void save_letter_template(Conn& c, const LetterTemplateRow& row) {
  c.query(
      "INSERT INTO letter_templates (agency_id, kind, body, updated_by, updated_at) VALUES (?, ?, ?, ?, ?) "
      "ON CONFLICT (agency_id, kind) DO UPDATE SET body = excluded.body, updated_by = excluded.updated_by, "
      "updated_at = excluded.updated_at",
      {row.agency_id, row.kind, row.body, row.updated_by, row.updated_at});
}

bool delete_letter_template(Conn& c, int64_t agency_id, const std::string& kind) {
  return !c.query("DELETE FROM letter_templates WHERE agency_id = ? AND kind = ? RETURNING kind", {agency_id, kind})
              .empty();
}

void insert_issued_letter_text(Conn& c, const IssuedLetterText& t) {
  c.query("INSERT INTO issued_letter_texts (agency_id, request_id, seq, kind, body) VALUES (?, ?, ?, ?, ?)",
          {t.agency_id, t.request_id, t.seq, t.kind, t.body});
}

std::vector<IssuedLetterText> list_issued_letter_texts(Conn& c, int64_t agency_id, int64_t request_id) {
  std::vector<IssuedLetterText> out;
  for (const auto& r : c.query("SELECT agency_id, request_id, seq, kind, body FROM issued_letter_texts "
                               "WHERE agency_id = ? AND request_id = ? ORDER BY seq",
                               {agency_id, request_id})) {
    out.push_back({r.i64(0), r.i64(1), static_cast<int>(r.i64(2)), r.str(3), r.str(4)});
  }
  return out;
}

}  // namespace gongkai::store
