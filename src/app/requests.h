#pragma once
// Requests for disclosure (依申请公开, DOMAIN.md §3): intake online and by staff, the events of
// a request's life with their rules, the public status page and the staff work lists. State,
// due date and explanation are derived from the events (core/request_state.h) and cached on
// the request row in the same transaction as every event, with its audit entry.
//
// Who may do what: staff with the roles 申请受理员 (clerk) or 办公室 (office) handle requests;
// only 办公室 records an extension (its head approves it, Art. 33); 分管领导 (leader) may read
// them. The applicant's identity document is shown, masked, to clerk and office only. Another
// agency's requests are "not found".

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/directory.h"
#include "app/rate_limiter.h"
#include "core/calendar.h"
#include "core/date.h"
#include "core/request_state.h"
#include "store/db.h"
#include "store/request_store.h"

namespace gongkai::app {

// A choice offered on a form: the stored id and its Chinese label.
struct Choice {
  std::string_view id, label;
};
// online 网上申请, letter 信函, in_person 当面提交, fax 传真, email 电子邮件.
const std::vector<Choice>& request_channels();
// The applicant kinds of the 2021 report format: natural_person 自然人, and for 法人或其他组织
// commercial 商业企业, research 科研机构, public_interest 社会公益组织, legal_service 法律服务机构,
// other_org 其他.
const std::vector<Choice>& applicant_kinds();
const std::vector<Choice>& identity_types();
// The carrier wanted: paper 纸质, electronic 电子文档, disc 光盘.
const std::vector<Choice>& delivery_forms();
// How to receive it: post 邮寄, email 电子邮件, pickup 自行领取, fax 传真.
const std::vector<Choice>& delivery_methods();
// The label of `id` in `choices`, or `id` itself when unknown.
std::string choice_label(const std::vector<Choice>& choices, std::string_view id);

// Art. 31: how the date of receipt is fixed for a channel, as shown beside the date field.
std::string_view receipt_rule(std::string_view channel);

// What the applicant (or the clerk, for a request received offline) fills in.
struct RequestInput {
  std::string applicant_kind, applicant_name, organisation;
  std::string phone, email, address, postcode;
  std::string description, delivery_form, delivery_method;
  std::string id_type, id_number;
  // Staff entry only; an online request is received today.
  std::string channel = "online", received_on, receipt_note;
};

// The text fields of RequestInput by the name forms, files and the API use, in form order:
// every field (staff entry, imports), or the applicant's alone (the public form and the
// API, whose requests are received online today).
using RequestInputField = std::pair<const char*, std::string RequestInput::*>;
const std::vector<RequestInputField>& request_input_fields();
const std::vector<RequestInputField>& applicant_input_fields();

// The parts of the form, one page each on the public form.
enum class RequestPart { kApplicant, kInformation, kIdentity, kReceipt };

// Field name → Chinese message for the fields of one part (empty when all is well). Inputs
// are taken as given; callers trim them with trim_input() first.
std::map<std::string, std::string> check_request(const RequestInput& in, RequestPart part);
// Which part a field belongs to (the form page to go back to).
RequestPart part_of_field(const std::string& field);
// Trims every field and normalises the document number (upper case, no spaces).
RequestInput trim_input(RequestInput in);

// 18 characters with a valid check character (GB 11643).
bool valid_resident_id(std::string_view number);
// 统一社会信用代码: 18 characters with a valid check character (GB 32100).
bool valid_credit_code(std::string_view number);
// Keeps the first and last four characters of a long number ("3302**********1234"), fewer of a
// short one; never shows more than half of it.
std::string mask_id_number(std::string_view number);

// The idempotency key and the status-lookup secret of one form, made when the form is first
// shown and carried through its pages, so that submitting twice (a refresh, a double click)
// gives back the same request and the same secret.
struct RequestKeys {
  std::string idempotency_key;  // 32 hex characters
  std::string secret;           // 12 characters of kCodeAlphabet, shown as XXXX-XXXX-XXXX
};
RequestKeys new_request_keys();
// The keys of an API submission, derived from the client's Idempotency-Key (16 to 64 of
// A-Z a-z 0-9 - _; AppError code bad_idempotency_key otherwise) and the agency: the same key
// gives the same request and the same secret, so the key is as secret as the status secret.
RequestKeys request_keys_from_client_key(const std::string& agency_slug, const std::string& client_key);

// Tracking codes and secrets use 31 characters that cannot be confused: no 0/O, 1/I/L.
inline constexpr std::string_view kCodeAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
inline constexpr size_t kTrackingCodeLength = 8;
// Upper case, without spaces and hyphens (what people type back).
std::string normalise_code(std::string_view typed);
// "ABCD-EFGH-JKMN".
std::string format_secret(std::string_view secret);

struct SubmitResult {
  int64_t id = 0;
  std::string tracking_code, secret;  // the secret as given in the keys
  std::string agency_name, received_on;
  std::optional<std::string> due_on;
  // True when this idempotency key had already made the request (nothing new was stored).
  bool repeated = false;
};

// A request from the public form of agency `agency_slug`, received today. Validates every
// part (ValidationError), commits the request, its identity row and its "received" event
// before returning, and returns the earlier request for a key already used.
SubmitResult submit_online(store::Database& db, const std::string& agency_slug, const RequestInput& in,
                           const RequestKeys& keys);
// A request received by letter, in person, by fax or email, entered by clerk or office with
// its date of receipt (Art. 31). Same rules as submit_online.
SubmitResult enter_request(store::Database& db, const Principal& by, int64_t agency_id, const RequestInput& in,
                           const RequestKeys& keys);

// One event as entered on the staff page; which fields a kind uses is in core/request_state.h.
struct EventInput {
  std::string kind, date, note;  // note: staff-internal, never shown to the applicant
  std::string missing, reply_by;
  std::string consult_with, party, consultation, answer;
  std::string days, approved_by;
  bool applicant_notified = false;
  std::string amount, pay_by;
  std::string outcome, other_agency, published_where, reason;
  std::string delivery;
};

// Appends an event after checking who may record it and the rules of core/request_state.h
// (ValidationError with field messages, e.g. a correction asked later than 7 working days
// after receipt), then recomputes the cached state in the same transaction. `today` defaults
// to today in China Standard Time.
void add_request_event(store::Database& db, const Principal& by, int64_t agency_id, int64_t request_id,
                       const EventInput& in, std::optional<core::Date> today = std::nullopt);

struct EventView {
  int seq = 0;
  std::string date, kind, kind_label, summary, note, actor, recorded_at;
};

// Everything the staff page of one request shows.
struct RequestView {
  store::RequestRow request;
  bool identity_visible = false;  // clerk and office only
  std::string identity_type, identity_masked;
  std::vector<EventView> events;
  // System records beside the events: a due date moved by a calendar change, a notice letter
  // issued, a reminder sent (store/request_note_store.h).
  struct Note {
    std::string kind, body, actor, recorded_at;
  };
  std::vector<Note> notes;
  core::RequestStatus status;  // as of today
  // The events this principal may record next.
  std::vector<core::EventKind> can_add;
};
RequestView view_request(store::Database& db, const Principal& by, int64_t agency_id, int64_t request_id,
                         std::optional<core::Date> today = std::nullopt);

// What the applicant sees with the tracking code and the secret: no staff notes, no names of
// third parties or staff, no identity data.
struct PublicStatus {
  std::string agency_name, tracking_code, received_on, channel, description;
  std::string state, state_label;  // state: core::request_state_id, e.g. "processing"
  std::optional<std::string> due_on;
  std::vector<std::string> explanation;
  struct Line {
    std::string date, label, summary;
  };
  std::vector<Line> events;
};
// Throws AppError(kNotFound) with one message for an unknown code and a wrong secret alike.
PublicStatus lookup_status(store::Database& db, const std::string& tracking_code, const std::string& secret,
                           std::optional<core::Date> today = std::nullopt);

// Staff work lists.
enum class WorkList {
  kNew,      // received, nothing done yet
  kDueSoon,  // running, due within 5 working days (today included)
  kOverdue,  // running, due date passed
  kPaused,   // a consultation is open
  kWaiting,  // waiting for the applicant: correction or fee
  kOpen,     // everything not yet decided
  kSettled,  // decided or closed
};
const std::vector<WorkList>& all_work_lists();
std::string_view work_list_id(WorkList w);
std::optional<WorkList> parse_work_list(std::string_view id);
std::string_view work_list_label(WorkList w);
inline constexpr int kDueSoonWorkdays = 5;

struct WorkRow {
  store::RequestRow request;
  std::string state_label;
  // Working days after today up to the date the next step is owed (the due date, or the
  // applicant's or other side's date); negative when passed.
  std::optional<int> days_left;
};
struct WorkPage {
  std::vector<WorkRow> rows;
  int64_t total = 0;
};
WorkPage work_list(store::Database& db, const Principal& by, int64_t agency_id, WorkList list, int page = 1,
                   std::optional<core::Date> today = std::nullopt);
// How many requests each list holds (for the tabs).
std::map<WorkList, int64_t> work_list_counts(store::Database& db, const Principal& by, int64_t agency_id,
                                            std::optional<core::Date> today = std::nullopt);

// Derives state and due date again for every request not yet decided, after the calendar
// changed; each request in its own transaction. Returns how many changed, and records an
// audit entry saying so.
int recompute_open_requests(store::Database& db, const core::WorkCalendar& cal);
// Same, noting `why` on the timeline of each request whose due date (or waiting date, or
// state) moved: "<why>：答复期限由 X 调整为 Y".
struct RecomputeResult {
  int checked = 0, changed = 0;
};
RecomputeResult recompute_open_requests(store::Database& db, const core::WorkCalendar& cal, const std::string& why);

}  // namespace gongkai::app
