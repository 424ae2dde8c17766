#pragma once
// Notice letters (告知书) of a request, made from its stored data and events
// (app/notice_letter_text.h lays it out, in the agency's own wording of app/letter_template_admin.h
// when it has one): which letters the events call for, the letter
// itself as a render::Document (shown as HTML, downloaded as PDF or DOCX) and the record that
// it was issued (a system record on the request's timeline and an audit entry). Letters carry
// the applicant's name and address: only the agency's request handlers (申请受理员, 办公室)
// see them.

#include <optional>
#include <string>
#include <vector>

#include "app/directory.h"
#include "app/notice_letter_text.h"
#include "render/document.h"
#include "store/db.h"

namespace gongkai::app {

struct LetterRef {
  int seq = 0;  // the event the letter is about
  LetterKind kind = LetterKind::kDecision;
  std::string title, reference, event_date;
  bool issued = false;
  std::string issued_at;  // China Standard Time, when issued
};

// The letters the request's events call for, in event order: acknowledgement (received),
// correction, extension, fee notice, the answer (decided) and the lapse notice
// (treated as withdrawn).
std::vector<LetterRef> request_letters(store::Database& db, const Principal& by, int64_t agency_id,
                                       int64_t request_id);

// The letter about event `seq`; not_found when that event calls for no letter. Dated the day
// it was issued, or `today` (default: today in China Standard Time) when not yet issued.
render::Document request_letter(store::Database& db, const Principal& by, int64_t agency_id, int64_t request_id,
                                int seq, std::optional<core::Date> today = std::nullopt);

// Records that the letter about event `seq` was issued to the applicant: a system record on the
// request ("已出具《…》…号") and an audit entry; when the applicant asked for email delivery,
// the letter's text is queued for them in the outbox. Issuing again is refused
// (ValidationError).
void issue_request_letter(store::Database& db, const Principal& by, int64_t agency_id, int64_t request_id, int seq);

}  // namespace gongkai::app
