#pragma once
// Helpers shared by the request service files (request_intake.cc, request_events.cc,
// request_queries.cc, request_recompute.cc); not part of the app's interface.

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/directory.h"
#include "app/requests.h"
#include "core/calendar.h"
#include "core/date.h"
#include "core/request_state.h"
#include "store/request_store.h"

namespace gongkai::app::request_internal {

// The working-day calendar deadlines are counted with: shipped plus imported years
// (app/work_calendar.h).
std::shared_ptr<const core::WorkCalendar> calendar(store::Conn& c);
core::Date today_or(std::optional<core::Date> today);

// ----- Who may do what -----
bool can_read(const Principal& p);
bool can_handle(const Principal& p);
bool can_see_identity(const Principal& p);
bool can_extend(const Principal& p);
// not_found for another agency's principal, forbidden without a reading/handling role.
void require_read(const Principal& by, int64_t agency_id);
void require_handle(const Principal& by, int64_t agency_id);

// ----- Events as stored <-> as the core sees them -----
std::vector<core::RequestEvent> to_core(const std::vector<store::RequestEventRow>& rows);
std::optional<std::string> iso(const std::optional<core::Date>& d);
core::RequestStatus derive_or_throw(const core::WorkCalendar& cal, const std::vector<core::RequestEvent>& events,
                                    std::optional<core::Date> today);
// The cached columns of the request row.
store::RequestDerived derived_of(const core::RequestStatus& s);

// ----- Input checks -----
bool is_choice(const std::vector<Choice>& choices, std::string_view id);
// Adds "请填写<label>" or a too-long message for `field` to `e`.
void check_text(std::map<std::string, std::string>& e, const char* field, const std::string& value, size_t max,
                bool required, const std::string& label);
std::string trim(const std::string& s);
// Code points of a UTF-8 string.
std::vector<std::string> code_points(std::string_view s);

// ----- Codes -----
// `n` characters of kCodeAlphabet from a uniform random source.
std::string random_code(size_t n);
bool valid_code(std::string_view s, size_t n);
// Constant-time comparison of two hashes.
bool same_hash(const std::string& a, const std::string& b);
std::string secret_hash(const std::string& secret);

// ----- Work lists -----
std::vector<std::string> work_states(WorkList w);

}  // namespace gongkai::app::request_internal
