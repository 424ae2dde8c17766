#include "app/notice_letters.h"

#include <map>

#include "app/errors.h"
#include "app/letter_templates.h"
#include "app/mail_outbox.h"
#include "app/request_internal.h"
#include "app/requests.h"
#include "core/clock.h"
#include "core/deadline.h"
#include "core/outcomes.h"
#include "store/audit_log.h"
#include "store/directory_store.h"
#include "store/letter_template_store.h"
#include "store/request_note_store.h"
#include "store/request_store.h"

namespace gongkai::app {
namespace {

using namespace request_internal;
using core::EventKind;

constexpr const char* kIssuedKind = "notice_issued";
constexpr int kConsultationDays = 15;  // Art. 32 and 34: the consulted side's time to answer

std::optional<LetterKind> letter_kind(const core::RequestEvent& e) {
  switch (e.kind) {
    case EventKind::kReceived: return LetterKind::kAcknowledgement;
    case EventKind::kCorrectionRequested: return LetterKind::kCorrection;
    case EventKind::kExtension: return LetterKind::kExtension;
    case EventKind::kFeeNotice: return LetterKind::kFee;
    case EventKind::kDecided: return LetterKind::kDecision;
    case EventKind::kTreatedAsWithdrawn: return LetterKind::kLapsed;
    // The letter asking a third party (Art. 32) or another agency (Art. 34) for its opinion.
    case EventKind::kConsultationSent:
      if (e.consult_kind == core::PauseKind::kOther) return std::nullopt;
      return LetterKind::kConsultation;
    default: return std::nullopt;
  }
}

// What is read once for all letters of a request.
struct Loaded {
  store::RequestRow request;
  store::AgencyRow agency;
  std::vector<store::RequestEventRow> rows;
  std::vector<core::RequestEvent> events;
  std::vector<store::RequestNoteRow> notes;
  std::shared_ptr<const core::WorkCalendar> cal;
  std::map<std::string, std::string> wording;  // the agency's own templates, by key
  std::map<int, std::string> issued_wording;   // the wording of each issued letter, by event number
};

Loaded load(store::Conn& c, int64_t agency_id, int64_t request_id) {
  Loaded l;
  auto r = store::find_request(c, agency_id, request_id);
  if (!r) throw not_found("申请");
  l.request = *r;
  auto a = store::find_agency(c, agency_id);
  if (!a) throw not_found("机关");
  l.agency = *a;
  l.rows = store::list_request_events(c, agency_id, request_id);
  l.events = to_core(l.rows);
  l.notes = store::list_request_notes(c, agency_id, request_id);
  l.cal = calendar(c);
  for (auto& t : store::list_letter_templates(c, agency_id)) l.wording.emplace(t.kind, std::move(t.body));
  for (auto& t : store::list_issued_letter_texts(c, agency_id, request_id)) {
    l.issued_wording.emplace(t.seq, std::move(t.body));
  }
  return l;
}

LetterInput input_of(const Loaded& l, size_t index, LetterKind kind, core::Date issued_on) {
  const auto& r = l.request;
  LetterInput in;
  in.kind = kind;
  in.agency_name = l.agency.name;
  in.agency_address = l.agency.address;
  in.agency_phone = l.agency.phone;
  in.tracking_code = r.tracking_code;
  in.seq = l.rows[index].seq;
  in.applicant_name = r.applicant_name;
  in.organisation = r.organisation;
  in.description = r.description;
  in.received = *core::Date::parse(r.received_on);
  in.delivery_form_label = choice_label(delivery_forms(), r.delivery_form);
  in.delivery_method_label = choice_label(delivery_methods(), r.delivery_method);
  in.event = l.events[index];
  // The state right after the event: its due date and, for a lapse, its outcome code.
  std::vector<core::RequestEvent> upto(l.events.begin(), l.events.begin() + static_cast<long>(index) + 1);
  core::RequestStatus s = derive_or_throw(*l.cal, upto, std::nullopt);
  in.due = s.due;
  for (const auto& e : upto) {
    if (e.kind == EventKind::kCorrectionRequested) in.correction_asked_on = e.on;
    if (e.kind == EventKind::kFeeNotice) in.fee_noticed_on = e.on;
  }
  if (kind == LetterKind::kConsultation) {
    in.consultation_reply_due = core::add_working_days(*l.cal, in.event.on, kConsultationDays);
  }
  if (kind == LetterKind::kDecision) in.outcome = in.event.outcome;
  if (kind == LetterKind::kLapsed) in.outcome = s.outcome.value_or(std::string(core::kOutcomeLateCorrection));
  in.issued_on = issued_on;
  // An issued letter keeps the wording it was issued in; others use the agency's current one.
  auto issued = l.issued_wording.find(in.seq);
  auto own = l.wording.find(letter_template_key(in));
  if (issued != l.issued_wording.end()) in.custom_text = issued->second;
  else if (own != l.wording.end()) in.custom_text = own->second;
  return in;
}

// The issue record of a letter, matched by its reference (tracking code and event number).
const store::RequestNoteRow* issue_note(const Loaded& l, int seq) {
  std::string mark = l.request.tracking_code + "-" + std::to_string(seq) + "号";
  for (const auto& n : l.notes) {
    if (n.kind == kIssuedKind && n.body.find(mark) != std::string::npos) return &n;
  }
  return nullptr;
}

// The letter as plain text for a mail: headings and paragraphs, one per line.
std::string plain_text(const render::Document& doc) {
  std::string out;
  for (const auto& b : doc.blocks) {
    if (const auto* h = std::get_if<render::Heading>(&b)) out += h->text + "\n\n";
    if (const auto* p = std::get_if<render::Paragraph>(&b)) out += (p->first_line_indent ? "　　" : "") + p->text + "\n";
  }
  return out;
}

core::Date cst_date_of(const std::string& utc_iso) {
  return *core::Date::parse(core::utc_iso_to_cst(utc_iso).substr(0, 10));
}

size_t index_of(const Loaded& l, int seq) {
  for (size_t i = 0; i < l.rows.size(); ++i) {
    if (l.rows[i].seq == seq && letter_kind(l.events[i])) return i;
  }
  throw not_found("告知书");
}

}  // namespace

std::vector<LetterRef> request_letters(store::Database& db, const Principal& by, int64_t agency_id,
                                       int64_t request_id) {
  require_handle(by, agency_id);
  auto c = db.acquire();
  Loaded l = load(*c, agency_id, request_id);
  std::vector<LetterRef> out;
  core::Date today = core::Date::today_cst();
  for (size_t i = 0; i < l.rows.size(); ++i) {
    auto kind = letter_kind(l.events[i]);
    if (!kind) continue;
    LetterRef ref;
    ref.seq = l.rows[i].seq;
    ref.kind = *kind;
    const store::RequestNoteRow* issued = issue_note(l, ref.seq);
    LetterInput in = input_of(l, i, *kind, issued ? cst_date_of(issued->created_at) : today);
    ref.title = letter_title(in);
    ref.reference = letter_reference(in);
    ref.event_date = l.rows[i].event_date;
    if (issued) {
      ref.issued = true;
      ref.issued_at = core::utc_iso_to_cst(issued->created_at);
    }
    out.push_back(std::move(ref));
  }
  return out;
}

render::Document request_letter(store::Database& db, const Principal& by, int64_t agency_id, int64_t request_id,
                                int seq, std::optional<core::Date> today) {
  require_handle(by, agency_id);
  auto c = db.acquire();
  Loaded l = load(*c, agency_id, request_id);
  size_t i = index_of(l, seq);
  const store::RequestNoteRow* issued = issue_note(l, seq);
  core::Date on = issued ? cst_date_of(issued->created_at) : today_or(today);
  return notice_letter(input_of(l, i, *letter_kind(l.events[i]), on));
}

void issue_request_letter(store::Database& db, const Principal& by, int64_t agency_id, int64_t request_id, int seq) {
  require_handle(by, agency_id);
  db.with_tx([&](store::Conn& c) {
    std::string now = core::now_iso();
    if (!store::lock_request(c, agency_id, request_id, now)) throw not_found("申请");
    Loaded l = load(c, agency_id, request_id);
    size_t i = index_of(l, seq);
    if (issue_note(l, seq)) throw ValidationError("letter", "该告知书已出具，不能重复出具");
    LetterInput in = input_of(l, i, *letter_kind(l.events[i]), core::Date::today_cst());
    std::string body = "已出具《" + letter_title(in) + "》（" + letter_reference(in) + "）";
    // The applicant who asked for answers by email also gets the letter's text by mail; a
    // consultation letter goes to the consulted side, not to the applicant.
    if (in.kind != LetterKind::kConsultation && l.request.delivery_method == "email" &&
        plausible_address(l.request.email)) {
      OutgoingMail m;
      m.agency_id = agency_id;
      m.to = l.request.email;
      m.subject = l.agency.name + "：" + letter_title(in) + "（" + letter_reference(in) + "）";
      m.body = plain_text(notice_letter(in)) + "\n本邮件由系统自动发送。正式告知书以本机关出具的文书为准。\n";
      m.purpose = "request.letter";
      m.dedupe_key = "request-letter:" + std::to_string(request_id) + ":" + std::to_string(seq);
      enqueue_mail(c, m);
      body += "，已发送至申请人电子邮箱";
    }
    store::insert_request_note(c, {0, request_id, agency_id, kIssuedKind, body, by.display_name, now});
    // The wording in force now, so that the issued letter reads the same after later edits.
    std::string key = letter_template_key(in);
    store::insert_issued_letter_text(
        c, {agency_id, request_id, seq, key, in.custom_text.value_or(find_letter_template_kind(key)->default_text)});
    store::audit(c, by.actor(),
                 {agency_id, "request.letter", "request", std::to_string(request_id), letter_reference(in)});
  });
}

}  // namespace gongkai::app
