#pragma once
// `gongkai export items`: writes every item of one agency in the import formats
// (app/item_format.h): the exported revision's metadata (the published version when there is
// one, else the working draft), category and department names, the item's status and its
// current revision state. Streams: memory does not grow with the number of items.

#include <cstdint>
#include <ostream>

#include "app/directory.h"
#include "app/item_format.h"
#include "store/db.h"

namespace gongkai::app {

// Writes the items of `agency_id` to `out` in id order and returns how many. CSV starts with
// a UTF-8 byte order mark (for spreadsheet programs) and a header row; JSON Lines writes one
// object per line with every column, null for an absent value.
int64_t export_items(store::Database& db, const Principal& by, int64_t agency_id, std::ostream& out,
                     ItemFileFormat format);

// `s` as a JSON string literal (quotes included); control characters escaped, UTF-8 kept.
std::string json_quote(std::string_view s);

}  // namespace gongkai::app
