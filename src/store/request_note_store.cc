#include "store/request_note_store.h"

namespace gongkai::store {

int64_t insert_request_note(Conn& c, const RequestNoteRow& n) {
  auto r = c.query_one(
      "INSERT INTO request_notes (request_id, agency_id, kind, body, actor_name, created_at) "
      "VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
      {n.request_id, n.agency_id, n.kind, n.body, n.actor_name, n.created_at});
  return r ? r->i64(0) : 0;
}

void insert_request_notes(Conn& c, const std::vector<RequestNoteRow>& notes) {
  if (notes.empty()) return;
  std::vector<Params> rows;
  rows.reserve(notes.size());
  for (const auto& n : notes) rows.push_back({n.request_id, n.agency_id, n.kind, n.body, n.actor_name, n.created_at});
  c.bulk_insert("request_notes", {"request_id", "agency_id", "kind", "body", "actor_name", "created_at"}, rows);
}

std::vector<RequestNoteRow> list_request_notes(Conn& c, int64_t agency_id, int64_t request_id) {
  std::vector<RequestNoteRow> out;
  for (const auto& r : c.query("SELECT id, request_id, agency_id, kind, body, actor_name, created_at "
                               "FROM request_notes WHERE request_id = ? AND agency_id = ? ORDER BY id",
                               {request_id, agency_id})) {
    out.push_back({r.i64(0), r.i64(1), r.i64(2), r.str(3), r.str(4), r.str(5), r.str(6)});
  }
  return out;
}

}  // namespace gongkai::store
