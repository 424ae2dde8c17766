#pragma once
// Statutory reply deadlines for disclosure requests (政府信息公开条例 Art. 30-34), computed in
// working days with an explanation a reader can check line by line.
//
// Counting rules, stated in the product's help text (kCountingRule):
// - The day of receipt is not counted; day 1 is the next working day (also when the request
//   arrives on a weekend or holiday). The due date is the last counted working day.
// - Every event takes effect at the end of its day, so the day of an event is counted as in the
//   state before it:
//   * a request or a corrected application received on day R: R is not counted;
//   * a consultation sent on day A and answered on day B: A is counted (the clock still ran),
//     the working days after A up to and including B are not counted, the clock resumes on
//     the next working day after B. Overlapping consultations pause the union of their spans.
//   * a correction (补正) asked on day D stops the clock; on receipt of the corrected
//     application the clock restarts from zero (the days before D are not kept).
// - An extension adds its working days to the period; extensions together may not exceed
//   the rule's maximum.

#include <optional>
#include <string>
#include <vector>

#include "core/calendar.h"
#include "core/date.h"

namespace gongkai::core {

// The counting rule as shown to users.
inline constexpr const char* kCountingRule =
    "收到申请当日不计入，次一工作日为第1个工作日；周末和法定节假日不计，调休上班日计入；"
    "征求第三方或其他机关意见期间不计入（发出当日计入，次日起至收到意见当日不计入）；"
    "补正后自收到补正申请次一工作日重新起算。";

// ----- Working-day arithmetic (also used for publication timeliness and quota deadlines) -----

// The n-th working day after `from` (`from` itself is not counted); n == 0 returns `from`.
// A negative n gives the |n|-th working day before `from`.
Date add_working_days(const WorkCalendar& cal, Date from, int n);

// The number of working days d with from < d <= to; when to < from, minus the number with
// to < d <= from. So add_working_days(cal, f, working_days_between(cal, f, t)) <= t.
int working_days_between(const WorkCalendar& cal, Date from, Date to);

// The latest working day on or before `d` (e.g. a quota due on a holiday falls due before it).
Date working_day_on_or_before(const WorkCalendar& cal, Date d);

// The earliest working day on or after `d`.
Date working_day_on_or_after(const WorkCalendar& cal, Date d);

// The n-th working day after `from`, with explanation lines ("第1个工作日：…", "跳过 10-01至10-07
// 国庆节", "09-29 调休上班，计为工作日（第1个工作日）", "第n个工作日：…"); n in 0..3650.
struct WorkingDaySpan {
  Date due;
  std::vector<std::string> explanation;
  // Set when a counted day lies in a year whose holiday notice the calendar lacks.
  std::vector<std::string> warnings;
};
Checked<WorkingDaySpan> explain_working_days(const WorkCalendar& cal, Date from, int n);

// ----- Reply deadlines -----

enum class DisclosureRule {
  k2008,  // 国务院令第492号: 15 working days, extension up to 15
  k2019,  // 国务院令第711号, in force 2019-05-15: 20 working days, extension up to 20
};

struct RuleLimits {
  int days;
  int max_extension;
};
RuleLimits limits(DisclosureRule rule);

// The rule for a request received on `received`: k2008 before 2019-05-15, else k2019.
DisclosureRule rule_for_receipt(Date received);

enum class PauseKind {
  kThirdParty,   // Art. 32: the third party has 15 working days to answer
  kOtherAgency,  // Art. 34: 15 working days; silence is consent
  kOther,
};

// A span during which the clock stops.
struct Pause {
  PauseKind kind = PauseKind::kThirdParty;
  // Day the consultation was sent.
  Date start;
  // Day the answer arrived; nullopt while still open.
  std::optional<Date> end;
  // Free text shown after the kind, e.g. the third party's name.
  std::string note;
};

// 补正 (Art. 30).
struct Correction {
  // Day the applicant was told to correct; must be within 7 working days of receipt.
  Date requested;
  // The deadline set for the applicant, if any.
  std::optional<Date> reply_by;
  // Day the corrected application arrived; nullopt while waiting.
  std::optional<Date> received;
};

struct Extension {
  int days = 0;
  Date approved_on;
  std::string approved_by;
};

struct DeadlineInput {
  Date received;
  // Default: rule_for_receipt(received).
  std::optional<DisclosureRule> rule;
  std::optional<Correction> correction;
  std::vector<Pause> pauses;
  std::vector<Extension> extensions;
  // When set, the result says how many working days are used and left on that day.
  std::optional<Date> today;
};

enum class DeadlineState {
  kRunning,             // due is set
  kPaused,              // a consultation is open: no due date yet
  kAwaitingCorrection,  // correction asked, not yet received: no due date yet
  kWithdrawn,           // correction not received by reply_by (as of today): treated as withdrawn
};

struct Deadline {
  DisclosureRule rule = DisclosureRule::k2019;
  DeadlineState state = DeadlineState::kRunning;
  // The day the clock (re)started: receipt, or receipt of the corrected application.
  Date clock_start;
  // Statutory days plus extensions.
  int total_days = 0;
  // Set when state == kRunning.
  std::optional<Date> due;
  // The due date without extensions, when there are extensions.
  std::optional<Date> original_due;
  // For an open consultation with a third party or another agency: its 15-working-day reply
  // date, counted from the day it was sent.
  std::optional<Date> consultation_reply_due;
  // Relative to input.today (unset without today, or while awaiting correction / withdrawn):
  // counted working days up to and including today, and total_days minus that (negative when
  // overdue by that many working days).
  std::optional<int> elapsed;
  std::optional<int> remaining;
  bool overdue = false;
  // Correction asked later than 7 working days after receipt.
  bool correction_late = false;
  // Chinese lines in order, ending with "答复期限：YYYY-MM-DD（第N个工作日）" when running.
  std::vector<std::string> explanation;
  // Irregularities (also appended to the explanation, prefixed "注意：").
  std::vector<std::string> warnings;
};

// Computes the deadline. Errors (inconsistent input, not irregular conduct): dates out of
// order (a correction or consultation before receipt, an answer before its consultation, a
// corrected application before the correction request), an extension of no days or beyond the
// rule's maximum in total, an extension without approver.
Checked<Deadline> compute_deadline(const WorkCalendar& cal, const DeadlineInput& input);

// "2019年条例" / "2008年条例", for display.
const char* rule_name(DisclosureRule rule);

}  // namespace gongkai::core
