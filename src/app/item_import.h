#pragma once
// `gongkai import items`: loads catalog items with their metadata from a CSV or JSON Lines
// file (app/item_format.h, docs/import-format.md) into one agency.
//
// Every row is checked by the editor's rules (app/item_rules.h) plus the import's own:
// names of departments and categories must exist, dates must be real, an item with a
// publish_date is published with it (keeping its index_no when given, else receiving a
// new one from the agency's pattern), an item without one is a draft, and index numbers
// must be unique in the file and on the platform. All rows are checked; any bad row means
// nothing is committed, unless skip_bad, in which case the good rows are loaded and the
// bad ones listed. Rows are written in batches with bulk inserts inside one transaction,
// which also bumps the agency's index serials past every imported number, adds the published
// items to the search index (the first index_now_max of them; the rest are queued for it,
// store/search_store.h), refreshes the planner's statistics and appends one audit entry
// for the whole import.

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "app/directory.h"
#include "app/item_format.h"
#include "store/db.h"

namespace gongkai::app {

struct ImportOptions {
  bool skip_bad = false;
  // Threads checking and sanitising rows while the calling thread writes; 0: one per core.
  int threads = 0;
  // Rows per bulk insert.
  size_t batch_rows = 2000;
  // Called on the calling thread with the rows read so far, every `progress_every` rows.
  std::function<void(int64_t rows)> progress;
  int64_t progress_every = 10000;
  // Published items made searchable in the import's own transaction; the others are queued
  // and indexed after the commit by the serving node's jobs or `gongkai reindex --queued`.
  int64_t index_now_max = 20000;
  // SQLite: when the file holds at least this many rows (counted as its size over 4 KB) and
  // more than twice the items already on the platform, the item tables' secondary indexes
  // are dropped for the load and built again before the commit (store/item_bulk_store.h).
  int64_t rebuild_indexes_min_rows = 100000;
  // How many bad rows the summary lists (all are counted).
  size_t max_listed_errors = 1000;
};

struct RowError {
  int64_t line = 0;    // physical line of the file where the row starts (1 = the first line)
  std::string reason;  // in Chinese
  friend bool operator==(const RowError&, const RowError&) = default;
};

struct ImportSummary {
  int64_t rows = 0;    // data rows read (the CSV header not counted)
  int64_t loaded = 0;  // items written (0 when nothing was committed)
  int64_t published = 0, withdrawn = 0, drafts = 0;
  int64_t numbered = 0;  // index numbers generated (the others were kept as given)
  int64_t bad = 0;       // rows rejected
  std::vector<RowError> errors;  // the first max_listed_errors bad rows, by line
  bool committed = false;
  int64_t indexed = 0;        // published items added to the search index
  int64_t queued = 0;         // published items queued for the search index
  double seconds = 0;         // the whole import
  double load_seconds = 0;    // of which reading, checking and writing the items
  double index_seconds = 0;   // of which adding them to the search index or its queue
};

// Imports the items in `path` into agency `agency_id` on behalf of `by` (the command line,
// the office or an administrator of that agency). Throws AppError when the file cannot be
// read or its header is wrong (nothing is written then); bad rows are reported in the summary.
ImportSummary import_items(store::Database& db, const Principal& by, int64_t agency_id, const std::string& path,
                           ItemFileFormat format, const ImportOptions& options = {});

}  // namespace gongkai::app
