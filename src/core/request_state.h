#pragma once
// The life of a request for disclosure (依申请公开, DOMAIN.md §3) as an ordered list of events,
// from which its state, due date and explanation are derived (nothing else is stored as truth).
//
// Events and what they need:
//   received              the day of receipt (Art. 31); always first, exactly once
//   correction_requested  补正 (Art. 30): what is missing, reply-by date; once, as the first step,
//                         within 7 working days of receipt
//   correction_received   the corrected application arrived: the clock restarts from zero
//   consultation_sent     third party (Art. 32) or other agency (Art. 34): party name; the clock
//                         pauses; the other side has 15 working days
//   consultation_answered which consultation (1-based, in order sent) and optionally the answer
//   extension             days (at most the rule's maximum in total), approver's name, and the
//                         applicant was notified (Art. 33)
//   fee_notice            amount in yuan, pay-by date; the clock pauses while the fee is unpaid
//                         (国办函〔2020〕109号)
//   fee_paid / fee_waived the pause ends; a waiver gives its reason
//   decided               an outcome code (core/outcomes.h) valid as a decision; "not this
//                         agency: agency X" (unable.1) and "already published: where" (granted)
//   delivered             the answer reached the applicant: the request is closed
//   withdrawn             by the applicant, before a decision
//   treated_as_withdrawn  the correction (or fee) did not come by its date: closed as other.1
//                         (or other.2)
// Each event takes effect at the end of its day (see core/deadline.h for the counting rule).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar.h"
#include "core/checked.h"
#include "core/date.h"
#include "core/deadline.h"

namespace gongkai::core {

enum class EventKind {
  kReceived,
  kCorrectionRequested,
  kCorrectionReceived,
  kConsultationSent,
  kConsultationAnswered,
  kExtension,
  kFeeNotice,
  kFeePaid,
  kFeeWaived,
  kDecided,
  kDelivered,
  kWithdrawn,
  kTreatedAsWithdrawn,
};

const std::vector<EventKind>& all_event_kinds();
// Stable identifier stored in the database, e.g. "correction_requested".
std::string_view event_kind_id(EventKind k);
std::optional<EventKind> parse_event_kind(std::string_view id);
// Chinese label, e.g. "要求补正".
std::string_view event_kind_label(EventKind k);

enum class RequestState {
  kNew,                 // received, nothing done yet
  kProcessing,          // the clock runs
  kAwaitingCorrection,  // correction asked, not yet received (no due date)
  kConsultation,        // a consultation is open: the clock is paused (no due date)
  kAwaitingFee,         // a fee notice is unpaid: the clock is paused (no due date)
  kDecided,             // answered, not yet delivered
  kDelivered,           // closed: answered and delivered
  kWithdrawn,           // closed: withdrawn by the applicant
  kTreatedAsWithdrawn,  // closed: correction or fee not received in time
};

const std::vector<RequestState>& all_request_states();
// Stable identifier stored in the database, e.g. "awaiting_correction".
std::string_view request_state_id(RequestState s);
std::optional<RequestState> parse_request_state(std::string_view id);
// Chinese name shown to staff and the applicant, e.g. "待申请人补正".
std::string_view request_state_label(RequestState s);
// No deadline runs any more (decided or closed).
bool is_settled(RequestState s);
// Closed for good: delivered, withdrawn or treated as withdrawn.
bool is_closed(RequestState s);

// One event. Which fields a kind uses is listed at the top of this file; the others stay empty.
struct RequestEvent {
  EventKind kind = EventKind::kReceived;
  Date on;  // the day it took effect

  std::string missing;            // correction_requested
  std::optional<Date> reply_by;   // correction_requested: reply-by; fee_notice: pay-by
  PauseKind consult_kind = PauseKind::kThirdParty;  // consultation_sent
  std::string party;              // consultation_sent: the third party or agency
  int consultation = 0;           // consultation_answered: which one (1-based)
  std::string answer;             // consultation_answered, e.g. "同意公开"
  int days = 0;                   // extension
  std::string approved_by;        // extension
  bool applicant_notified = false;  // extension
  int64_t amount = 0;             // fee_notice, in yuan
  std::string outcome;            // decided
  std::string other_agency;       // decided unable.1: the agency that holds the information
  std::string published_where;    // decided granted: already published, where
  std::string reason;             // decided, fee_waived, withdrawn: free text
  std::string delivery;           // delivered: how, e.g. "电子邮件"

  friend bool operator==(const RequestEvent&, const RequestEvent&) = default;
};

// The kind-specific fields as a JSON object (kind and date are stored beside it).
std::string event_detail_json(const RequestEvent& e);
// The reverse; fails on malformed JSON or a field of the wrong type. Unknown keys are ignored.
Checked<RequestEvent> event_from_json(EventKind kind, Date on, std::string_view json);

// One Chinese line describing the event for its timeline, e.g. "要求补正：缺少文件名称；
// 补正期限 2024-03-20". For the public, third-party names are left out.
std::string event_summary(const RequestEvent& e, bool for_public);

// What the events add up to.
struct RequestStatus {
  RequestState state = RequestState::kNew;
  DisclosureRule rule = DisclosureRule::k2019;
  Date received;
  // The reply deadline; unset while paused or awaiting correction, and when withdrawn
  // before a deadline ran.
  std::optional<Date> due;
  std::optional<Date> original_due;        // without extensions, when extended
  int extension_days = 0;                  // granted so far
  int max_extension_days = 0;              // the rule's maximum in total
  std::optional<Date> correction_reply_by; // while awaiting correction
  std::optional<Date> fee_pay_by;          // while awaiting the fee
  std::optional<Date> consultation_reply_due;  // while a consultation is open
  std::vector<int> open_consultations;     // numbers of the consultations not yet answered
  int consultations = 0;                   // sent so far
  bool correction_asked = false, correction_received = false, fee_noticed = false;
  // Outcome code: the decision's, or other.1 / other.2 / other.3 when closed without one.
  std::optional<std::string> outcome;
  std::optional<Date> decided_on, delivered_on, closed_on;
  // The first decision, withdrawal or treated-as-withdrawn: the day the request counts as
  // concluded in the annual report (a later decision does not move it).
  std::optional<Date> concluded_on;
  bool answered_late = false;  // decided after the due date
  // The day by which the next step is owed: the due date, or the applicant's or other
  // side's date while waiting. For work lists.
  std::optional<Date> waiting_until;
  // Relative to `today` when given and a deadline runs: working days after today up to the
  // due date (0 on the due date, negative when overdue).
  std::optional<int> days_left;
  bool overdue = false;
  // Chinese lines: the deadline's explanation (core/deadline.h) and what happened after.
  std::vector<std::string> explanation;
  std::vector<std::string> warnings;
};

// Derives the status from the events in order. `today`, when given, adds the position of the
// deadline on that day (days left, overdue) and late-reply notes; without it the result
// depends on the events and the calendar only (what is cached on the request row).
// Fails when the sequence is impossible (an event not allowed in the state reached so far,
// dates out of order, missing fields); checks that depend on the calendar or on today (the
// 7-working-day limit for a correction) are only warnings here, see check_new_event().
Checked<RequestStatus> derive_status(const WorkCalendar& cal, const std::vector<RequestEvent>& events,
                                     std::optional<Date> today = std::nullopt);

// The event kinds that may follow in this status (before the date checks of check_new_event).
std::vector<EventKind> allowed_next(const RequestStatus& s);

// Whether `next` may be appended to `events` on `today`: a Chinese message saying why not,
// or empty. Adds to derive_status's rules: the date is not in the future nor before the last
// event; a correction is asked within 7 working days of receipt (Art. 30); treated-as-withdrawn
// only after the applicant's date has passed.
std::string check_new_event(const WorkCalendar& cal, const std::vector<RequestEvent>& events,
                            const RequestEvent& next, Date today);

// Art. 30: a correction must be asked within this many working days of receipt.
inline constexpr int kCorrectionWithinWorkdays = 7;
// Largest fee a notice may state, in yuan (a mistyped amount is refused).
inline constexpr int64_t kMaxFeeYuan = 10'000'000;

}  // namespace gongkai::core
