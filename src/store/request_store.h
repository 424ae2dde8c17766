#pragma once
// Requests for disclosure: the request rows, the applicant's identity document (a table of its
// own), the ordered events and the work-list queries. Every function a caller could aim at
// another agency's row takes the agency id and filters on it.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "store/db.h"

namespace gongkai::store {

// What the events add up to, cached on the request row (app/request_*.cc derive it).
struct RequestDerived {
  std::string state = "new";
  std::optional<std::string> due_on, waiting_until, outcome, closed_on;  // YYYY-MM-DD, outcome code
  std::optional<std::string> concluded_on;  // first decision or withdrawal (the report counts by it)
  std::string explanation, warnings;  // lines joined with '\n'
};

struct RequestRow {
  int64_t id = 0, agency_id = 0;
  std::string tracking_code, secret_hash;
  std::optional<std::string> idempotency_key;
  std::string channel, received_on, receipt_note, rule;
  std::string applicant_kind, applicant_name, organisation, phone, email, address, postcode;
  std::string description, delivery_form, delivery_method;
  RequestDerived derived;
  int event_count = 0;
  std::optional<int64_t> created_by;
  std::string created_at, updated_at;
};

struct RequestIdentityRow {
  int64_t request_id = 0;
  std::string id_type, id_number;
};

struct RequestEventRow {
  int64_t id = 0, request_id = 0, agency_id = 0;
  int seq = 0;  // 1, 2, ... in the order recorded
  std::string kind, event_date, detail, note;
  std::optional<int64_t> actor_id;
  std::string actor_name, created_at;
};

// Inserts a request with its derived columns; returns its id. Throws DbError (unique
// violation) when the tracking code or the (agency, idempotency key) pair is taken.
int64_t insert_request(Conn& c, const RequestRow& r);
bool tracking_code_taken(Conn& c, const std::string& code);
std::optional<RequestRow> find_request(Conn& c, int64_t agency_id, int64_t id);
// Any agency's request by its tracking code (the public status page).
std::optional<RequestRow> find_request_by_code(Conn& c, const std::string& code);
std::optional<RequestRow> find_request_by_idempotency_key(Conn& c, int64_t agency_id, const std::string& key);
// Locks the request row for the rest of the transaction (row lock on PostgreSQL; SQLite's
// write lock is already held) so that concurrent events are appended one after the other.
// False when there is no such request in the agency.
bool lock_request(Conn& c, int64_t agency_id, int64_t id, const std::string& now);
void set_request_derived(Conn& c, int64_t id, const RequestDerived& d, int event_count, const std::string& now);

void insert_request_identity(Conn& c, int64_t agency_id, const RequestIdentityRow& r);
std::optional<RequestIdentityRow> find_request_identity(Conn& c, int64_t agency_id, int64_t request_id);

// Appends an event with the next sequence number; returns that number.
int insert_request_event(Conn& c, const RequestEventRow& e);
// The request's events in the order recorded.
std::vector<RequestEventRow> list_request_events(Conn& c, int64_t agency_id, int64_t request_id);

// A work list: requests of one agency in some states, optionally with the due date (or the
// waiting-until date) in a range.
struct RequestFilter {
  int64_t agency_id = 0;
  std::vector<std::string> states;             // empty: any
  std::optional<std::string> due_from, due_to;  // on due_on, inclusive
  bool by_waiting_until = false;               // order by waiting_until instead of due_on
  bool newest_first = false;                   // order by received_on descending
  int page = 1, per_page = 20;
};
struct RequestPage {
  std::vector<RequestRow> rows;
  int64_t total = 0;
};
RequestPage list_requests(Conn& c, const RequestFilter& f);

// Ids of every request in one of these states, over all agencies, in id order.
std::vector<int64_t> request_ids_in_states(Conn& c, const std::vector<std::string>& states);
// Requests of every agency in one of `states` with a due date on or before `due_to`, by due
// date (the reminders job).
std::vector<RequestRow> requests_due_by(Conn& c, const std::vector<std::string>& states, const std::string& due_to);
// Streams every request in one of `states` with its events (in order), one request at a time,
// by request id: one query for all of them (recomputation after a calendar change). `fn` must
// not use `c`.
struct RequestWithEvents {
  int64_t id = 0, agency_id = 0;
  int event_count = 0;
  RequestDerived derived;
  std::vector<RequestEventRow> events;
};
void for_each_request_with_events(Conn& c, const std::vector<std::string>& states,
                                  const std::function<void(const RequestWithEvents&)>& fn);
// set_request_derived, only while the request still has `event_count` events (no event was
// added since it was read); false otherwise, and then nothing changed.
bool set_request_derived_if_unchanged(Conn& c, int64_t id, const RequestDerived& d, int event_count,
                                      const std::string& now);

// Ids of every request of one agency, in id order (export).
std::vector<int64_t> request_ids_of_agency(Conn& c, int64_t agency_id);
// The agency of a request, for jobs that work across agencies.
std::optional<int64_t> request_agency(Conn& c, int64_t id);

}  // namespace gongkai::store
