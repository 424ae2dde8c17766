#pragma once
// The request file formats of `gongkai import requests` and `gongkai export requests`
// (docs/import-format.md, "Requests"): CSV with a header row or JSON Lines, one request per row,
// with the columns below. The request's whole history is the `events` column: a JSON array of
// {"kind", "date", "note"?, ...the kind's fields (core/request_state.h)}, starting with
// "received". Without it, `outcome` and `decided_on` make a history of receipt and decision.
// Appeals about the decision (行政复议、行政诉讼) are the `appeals` column: a JSON array of
// {"kind", "filed_on", "case_ref"?, "result", "decided_on"?, "remarks"?} (app/appeals.h).
// `state` and `due_on` are written by export and ignored by import (they are derived).

#include <array>
#include <string_view>

namespace gongkai::app {

inline constexpr std::array<std::string_view, 23> kRequestColumns = {
    "tracking_code", "channel",       "received_on",   "receipt_note",    "applicant_kind", "applicant_name",
    "organisation",  "phone",         "email",         "address",         "postcode",       "description",
    "delivery_form", "delivery_method", "id_type",     "id_number",       "outcome",        "decided_on",
    "events",        "appeals",       "state",         "due_on",        "rule"};

}  // namespace gongkai::app
