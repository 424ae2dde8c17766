#include "store/request_store.h"

namespace gongkai::store {
namespace {

constexpr const char* kRequestCols =
    "id, agency_id, tracking_code, secret_hash, idempotency_key, channel, received_on, receipt_note, rule, "
    "applicant_kind, applicant_name, organisation, phone, email, address, postcode, description, delivery_form, "
    "delivery_method, state, due_on, waiting_until, outcome, closed_on, explanation, warnings, event_count, "
    "created_by, created_at, updated_at, concluded_on";

RequestRow request_from(const Row& r) {
  RequestRow q;
  q.id = r.i64(0);
  q.agency_id = r.i64(1);
  q.tracking_code = r.str(2);
  q.secret_hash = r.str(3);
  q.idempotency_key = r.opt_str(4);
  q.channel = r.str(5);
  q.received_on = r.str(6);
  q.receipt_note = r.str(7);
  q.rule = r.str(8);
  q.applicant_kind = r.str(9);
  q.applicant_name = r.str(10);
  q.organisation = r.str(11);
  q.phone = r.str(12);
  q.email = r.str(13);
  q.address = r.str(14);
  q.postcode = r.str(15);
  q.description = r.str(16);
  q.delivery_form = r.str(17);
  q.delivery_method = r.str(18);
  q.derived.state = r.str(19);
  q.derived.due_on = r.opt_str(20);
  q.derived.waiting_until = r.opt_str(21);
  q.derived.outcome = r.opt_str(22);
  q.derived.closed_on = r.opt_str(23);
  q.derived.explanation = r.str(24);
  q.derived.warnings = r.str(25);
  q.event_count = static_cast<int>(r.i64(26));
  q.created_by = r.opt_i64(27);
  q.created_at = r.str(28);
  q.updated_at = r.str(29);
  q.derived.concluded_on = r.opt_str(30);
  return q;
}

std::optional<RequestRow> one(Conn& c, const std::string& where, const Params& params) {
  auto r = c.query_one(std::string("SELECT ") + kRequestCols + " FROM requests WHERE " + where, params);
  if (!r) return std::nullopt;
  return request_from(*r);
}

}  // namespace

int64_t insert_request(Conn& c, const RequestRow& r) {
  const RequestDerived& d = r.derived;
  return c.query_one(
              "INSERT INTO requests (agency_id, tracking_code, secret_hash, idempotency_key, channel, received_on, "
              "receipt_note, rule, applicant_kind, applicant_name, organisation, phone, email, address, postcode, "
              "description, delivery_form, delivery_method, state, due_on, waiting_until, outcome, closed_on, "
              "explanation, warnings, event_count, created_by, created_at, updated_at, concluded_on) "
              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
              "RETURNING id",
              {r.agency_id, r.tracking_code, r.secret_hash, r.idempotency_key, r.channel, r.received_on,
               r.receipt_note, r.rule, r.applicant_kind, r.applicant_name, r.organisation, r.phone, r.email,
               r.address, r.postcode, r.description, r.delivery_form, r.delivery_method, d.state, d.due_on,
               d.waiting_until, d.outcome, d.closed_on, d.explanation, d.warnings, r.event_count, r.created_by,
               r.created_at, r.updated_at, d.concluded_on})
      ->i64(0);
}

bool tracking_code_taken(Conn& c, const std::string& code) {
  return c.query_int("SELECT COUNT(*) FROM requests WHERE tracking_code = ?", {code}) > 0;
}

std::optional<RequestRow> find_request(Conn& c, int64_t agency_id, int64_t id) {
  return one(c, "id = ? AND agency_id = ?", {id, agency_id});
}

std::optional<RequestRow> find_request_by_code(Conn& c, const std::string& code) {
  return one(c, "tracking_code = ?", {code});
}

std::optional<RequestRow> find_request_by_idempotency_key(Conn& c, int64_t agency_id, const std::string& key) {
  return one(c, "agency_id = ? AND idempotency_key = ?", {agency_id, key});
}

bool lock_request(Conn& c, int64_t agency_id, int64_t id, const std::string& now) {
  c.query("UPDATE requests SET updated_at = ? WHERE id = ? AND agency_id = ?", {now, id, agency_id});
  return c.changes() > 0;
}

void set_request_derived(Conn& c, int64_t id, const RequestDerived& d, int event_count, const std::string& now) {
  c.query("UPDATE requests SET state = ?, due_on = ?, waiting_until = ?, outcome = ?, closed_on = ?, explanation = ?, "
          "warnings = ?, event_count = ?, updated_at = ?, concluded_on = ? WHERE id = ?",
          {d.state, d.due_on, d.waiting_until, d.outcome, d.closed_on, d.explanation, d.warnings, event_count, now,
           d.concluded_on, id});
}

void insert_request_identity(Conn& c, int64_t agency_id, const RequestIdentityRow& r) {
  c.query("INSERT INTO request_identities (request_id, agency_id, id_type, id_number) VALUES (?, ?, ?, ?)",
          {r.request_id, agency_id, r.id_type, r.id_number});
}

std::optional<RequestIdentityRow> find_request_identity(Conn& c, int64_t agency_id, int64_t request_id) {
  auto r = c.query_one("SELECT request_id, id_type, id_number FROM request_identities "
                       "WHERE request_id = ? AND agency_id = ?",
                       {request_id, agency_id});
  if (!r) return std::nullopt;
  return RequestIdentityRow{r->i64(0), r->str(1), r->str(2)};
}

int insert_request_event(Conn& c, const RequestEventRow& e) {
  int seq = static_cast<int>(
      c.query_int("SELECT COALESCE(MAX(seq), 0) + 1 FROM request_events WHERE request_id = ?", {e.request_id}));
  c.query("INSERT INTO request_events (request_id, agency_id, seq, kind, event_date, detail, note, actor_id, "
          "actor_name, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          {e.request_id, e.agency_id, seq, e.kind, e.event_date, e.detail, e.note, e.actor_id, e.actor_name,
           e.created_at});
  return seq;
}

std::vector<RequestEventRow> list_request_events(Conn& c, int64_t agency_id, int64_t request_id) {
  std::vector<RequestEventRow> out;
  for (const auto& r : c.query("SELECT id, request_id, agency_id, seq, kind, event_date, detail, note, actor_id, "
                               "actor_name, created_at FROM request_events WHERE request_id = ? AND agency_id = ? "
                               "ORDER BY seq",
                               {request_id, agency_id})) {
    RequestEventRow e;
    e.id = r.i64(0);
    e.request_id = r.i64(1);
    e.agency_id = r.i64(2);
    e.seq = static_cast<int>(r.i64(3));
    e.kind = r.str(4);
    e.event_date = r.str(5);
    e.detail = r.str(6);
    e.note = r.str(7);
    e.actor_id = r.opt_i64(8);
    e.actor_name = r.str(9);
    e.created_at = r.str(10);
    out.push_back(std::move(e));
  }
  return out;
}

RequestPage list_requests(Conn& c, const RequestFilter& f) {
  std::string where = "agency_id = ?";
  Params params = {f.agency_id};
  if (!f.states.empty()) {
    where += " AND state IN " + placeholders(f.states.size());
    for (const auto& s : f.states) params.emplace_back(s);
  }
  if (f.due_from) {
    where += " AND due_on >= ?";
    params.emplace_back(*f.due_from);
  }
  if (f.due_to) {
    where += " AND due_on <= ?";
    params.emplace_back(*f.due_to);
  }
  RequestPage page;
  page.total = c.query_int("SELECT COUNT(*) FROM requests WHERE " + where, params);
  std::string order = f.newest_first       ? "received_on DESC, id DESC"
                      : f.by_waiting_until ? "COALESCE(waiting_until, '9999-12-31'), id"
                                           : "COALESCE(due_on, '9999-12-31'), id";
  int per_page = f.per_page < 1 ? 20 : f.per_page;
  int offset = (f.page < 1 ? 0 : f.page - 1) * per_page;
  params.emplace_back(per_page);
  params.emplace_back(offset);
  for (const auto& r : c.query(std::string("SELECT ") + kRequestCols + " FROM requests WHERE " + where +
                                   " ORDER BY " + order + " LIMIT ? OFFSET ?",
                               params)) {
    page.rows.push_back(request_from(r));
  }
  return page;
}

std::vector<int64_t> request_ids_in_states(Conn& c, const std::vector<std::string>& states) {
  std::vector<int64_t> out;
  if (states.empty()) return out;
  Params params(states.begin(), states.end());
  c.for_each("SELECT id FROM requests WHERE state IN " + placeholders(states.size()) + " ORDER BY id", params,
             [&](const Row& r) { out.push_back(r.i64(0)); });
  return out;
}

std::vector<RequestRow> requests_due_by(Conn& c, const std::vector<std::string>& states, const std::string& due_to) {
  std::vector<RequestRow> out;
  if (states.empty()) return out;
  Params params(states.begin(), states.end());
  params.push_back(due_to);
  c.for_each(std::string("SELECT ") + kRequestCols + " FROM requests WHERE state IN " + placeholders(states.size()) +
                 " AND due_on IS NOT NULL AND due_on <= ? ORDER BY due_on, id",
             params, [&](const Row& r) { out.push_back(request_from(r)); });
  return out;
}

void for_each_request_with_events(Conn& c, const std::vector<std::string>& states,
                                  const std::function<void(const RequestWithEvents&)>& fn) {
  if (states.empty()) return;
  Params params(states.begin(), states.end());
  RequestWithEvents cur;
  c.for_each("SELECT r.id, r.agency_id, r.event_count, r.state, r.due_on, r.waiting_until, r.outcome, r.closed_on, "
             "r.explanation, r.warnings, e.id, e.seq, e.kind, e.event_date, e.detail FROM requests r "
             "JOIN request_events e ON e.request_id = r.id WHERE r.state IN " + placeholders(states.size()) +
                 " ORDER BY r.id, e.seq",
             params, [&](const Row& row) {
               int64_t id = row.i64(0);
               if (id != cur.id) {
                 if (cur.id != 0) fn(cur);
                 cur.id = id;
                 cur.agency_id = row.i64(1);
                 cur.event_count = static_cast<int>(row.i64(2));
                 cur.derived.state = row.str(3);
                 cur.derived.due_on = row.opt_str(4);
                 cur.derived.waiting_until = row.opt_str(5);
                 cur.derived.outcome = row.opt_str(6);
                 cur.derived.closed_on = row.opt_str(7);
                 cur.derived.explanation = row.str(8);
                 cur.derived.warnings = row.str(9);
                 cur.events.clear();
               }
               RequestEventRow e;
               e.id = row.i64(10);
               e.request_id = id;
               e.agency_id = cur.agency_id;
               e.seq = static_cast<int>(row.i64(11));
               e.kind = row.str(12);
               e.event_date = row.str(13);
               e.detail = row.str(14);
               cur.events.push_back(std::move(e));
             });
  if (cur.id != 0) fn(cur);
}

bool set_request_derived_if_unchanged(Conn& c, int64_t id, const RequestDerived& d, int event_count,
                                      const std::string& now) {
  c.query("UPDATE requests SET state = ?, due_on = ?, waiting_until = ?, outcome = ?, closed_on = ?, explanation = ?, "
          "warnings = ?, updated_at = ?, concluded_on = ? WHERE id = ? AND event_count = ?",
          {d.state, d.due_on, d.waiting_until, d.outcome, d.closed_on, d.explanation, d.warnings, now,
           d.concluded_on, id, event_count});
  return c.changes() == 1;
}

std::vector<int64_t> request_ids_of_agency(Conn& c, int64_t agency_id) {
  std::vector<int64_t> out;
  c.for_each("SELECT id FROM requests WHERE agency_id = ? ORDER BY id", {agency_id},
             [&](const Row& r) { out.push_back(r.i64(0)); });
  return out;
}

std::optional<int64_t> request_agency(Conn& c, int64_t id) {
  auto r = c.query_one("SELECT agency_id FROM requests WHERE id = ?", {id});
  if (!r) return std::nullopt;
  return r->i64(0);
}

}  // namespace gongkai::store
