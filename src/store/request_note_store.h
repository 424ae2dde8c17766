#pragma once
// System records on a request's timeline that are not events of its life: the due date moved
// after a calendar change, a notice letter issued, a reminder sent (table request_notes).

#include <cstdint>
#include <string>
#include <vector>

#include "store/db.h"

namespace gongkai::store {

struct RequestNoteRow {
  int64_t id = 0, request_id = 0, agency_id = 0;
  std::string kind;  // deadline_recomputed, notice_issued, reminder
  std::string body, actor_name, created_at;
};

int64_t insert_request_note(Conn& c, const RequestNoteRow& n);
// Many notes at once (Conn::bulk_insert: one prepared INSERT on SQLite, COPY on PostgreSQL),
// for the recomputation after a calendar change. Their ids are not returned.
void insert_request_notes(Conn& c, const std::vector<RequestNoteRow>& notes);
// The notes of one request of `agency_id`, oldest first.
std::vector<RequestNoteRow> list_request_notes(Conn& c, int64_t agency_id, int64_t request_id);

}  // namespace gongkai::store
