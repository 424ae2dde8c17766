#pragma once
// The wording of the notice letters (告知书) sent to an applicant, as a printable
// render::Document: the acknowledgement, the correction notice (Art. 30), the extension
// notice (Art. 33), the fee notice (Art. 42), and the answer to the request for each outcome
// code of core/outcomes.h (Art. 36-39). Every answer names its legal basis and the applicant's
// remedies: administrative reconsideration within 60 days and litigation within 6 months of
// receipt (Art. 51). Pure: no database, no clock.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/request_state.h"
#include "render/document.h"

namespace gongkai::app {

// kConsultation is addressed to the consulted third party or agency, not to the applicant.
enum class LetterKind { kAcknowledgement, kCorrection, kExtension, kFee, kDecision, kLapsed, kConsultation };

// Everything a letter says, gathered from the request, its agency and one event.
struct LetterInput {
  LetterKind kind = LetterKind::kDecision;
  std::string agency_name, agency_address, agency_phone;
  std::string tracking_code;
  int seq = 0;  // the event's number on the request: part of the letter's reference
  std::string applicant_name, organisation;  // organisation empty for a natural person
  std::string description;
  core::Date received;
  std::string delivery_form_label, delivery_method_label;
  core::RequestEvent event;                // the event the letter is about
  std::optional<core::Date> due;           // the reply deadline after the event, if one runs
  std::optional<core::Date> correction_asked_on, fee_noticed_on;  // for the lapsed letters
  std::optional<core::Date> consultation_reply_due;  // for the consultation letter
  // Outcome code for kDecision and kLapsed (other.1 / other.2).
  std::string outcome;
  core::Date issued_on;  // the date printed under the signature
  // The agency's wording for this kind of letter (app/letter_templates.h), checked when it was
  // saved; unset: the default wording.
  std::optional<std::string> custom_text;
};

// The key of the template this letter is written from: "acknowledgement", "decision.denied.4",
// "decision.granted.published" (app/letter_templates.h). Throws std::invalid_argument for an
// outcome code core/outcomes.h does not know.
std::string letter_template_key(const LetterInput& in);

// "依申请公开告知书" and the like: the letter's title.
std::string letter_title(const LetterInput& in);
// "ABCD2345-3": the letter's reference, from the tracking code and the event number.
std::string letter_reference(const LetterInput& in);
// "2024年9月27日".
std::string chinese_date(core::Date d);

// The letter: title, reference and addressee, the template's paragraphs, "特此告知。", the
// signature, date and contact. Throws std::invalid_argument for an outcome code core/outcomes.h does not know.
render::Document notice_letter(const LetterInput& in);

// The letter of a fictitious request for the template `key` (app/letter_templates.h), for
// previews: a sample applicant, dates around `today` and the details the kind uses. The caller
// sets the agency and custom_text. Throws std::invalid_argument for an unknown key.
LetterInput sample_letter_input(std::string_view key, core::Date today);

// The sentence of the remedies, used by every answer.
std::string remedies_text(const std::string& agency_name);

}  // namespace gongkai::app
