#pragma once
// Requests moved in and out of an agency's register (`gongkai import requests`,
// `gongkai export requests`), for agencies leaving their spreadsheets: historical requests with
// their receipt, applicant, identity document, events (corrections, consultations, extensions,
// fees, decision with its outcome code, delivery) in the formats of app/request_file_format.h.
//
// Import checks every row as staff entry does (the form's field rules, the Art. 31 channel and
// date rules, the identity number when given) and the history by the rules of
// core/request_state.h (order, kinds allowed in each state, dates not in the future). All rows
// are checked first; one bad row means nothing is committed, unless skip_bad. The good rows are
// written in one transaction with one audit entry. Tracking codes are kept when given (and
// unique), else made; every imported request gets a new random status secret, never shown (a
// historical applicant looks nothing up).

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "app/directory.h"
#include "app/item_format.h"
#include "app/item_import.h"
#include "store/db.h"

namespace gongkai::app {

struct RequestImportSummary {
  int64_t rows = 0, loaded = 0, bad = 0;
  std::vector<RowError> errors;  // by line, all of them
  bool committed = false;
};

// Imports the requests in `path` into agency `agency_id` on behalf of `by` (the command line,
// or that agency's 办公室). Throws AppError when the file cannot be read or its header is wrong.
RequestImportSummary import_requests(store::Database& db, const Principal& by, int64_t agency_id,
                                     const std::string& path, ItemFileFormat format, bool skip_bad = false);

// Writes every request of the agency, in id order, with its identity document and events;
// returns how many. CSV starts with a byte order mark and the header.
int64_t export_requests(store::Database& db, const Principal& by, int64_t agency_id, std::ostream& out,
                        ItemFileFormat format);

}  // namespace gongkai::app
