#pragma once
// Bulk writes for the item importer: ids reserved in one step, items with their first
// revision and a workflow event written with bulk_insert (a prepared INSERT on SQLite, COPY
// on PostgreSQL), index-number serials reserved per year at once and index numbers checked
// in batches. Everything runs in the caller's transaction.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "store/db.h"
#include "store/item_store.h"

namespace gongkai::store {

// One imported item: the item row and its revision 1, which carry the same metadata.
struct BulkItem {
  std::string status;  // item: draft | published | withdrawn
  bool late = false;
  ItemData data;
  std::string event_comment;  // the workflow event's comment (e.g. where the row came from)
};

// The tables whose ids reserve_ids hands out.
enum class IdTable { kItems, kItemRevisions };

// Reserves `n` ids of `table` that no other writer will use, in ascending order. SQLite (the
// caller's transaction holds the write lock): a contiguous range, recorded in
// sqlite_sequence at once. PostgreSQL: values of the table's sequence, so concurrent writers
// never collide (a range is contiguous unless another session draws at the same time).
std::vector<int64_t> reserve_ids(Conn& c, IdTable table, int64_t n);

// Reserves `count` (≥ 1) consecutive index serials of (agency, year) in one statement and
// returns the first. Like next_index_serial, no serial is ever handed out twice.
int64_t reserve_index_serials(Conn& c, int64_t agency_id, int year, int64_t count);

// The index numbers among `candidates` that some item already holds (any agency: index
// numbers are unique across the platform). Queries in chunks; no per-number round trip.
std::unordered_set<std::string> taken_index_nos(Conn& c, const std::vector<std::string>& candidates);

// The rows one imported item writes: the item, its revision 1 (state "published" for
// published and withdrawn items, "draft" for drafts, with working_rev_id or published_rev_id
// set accordingly) and one workflow event. Built away from the writing thread; the ids and
// the index number are filled in by set_bulk_ids just before writing.
struct BulkRows {
  Params item, revision, event;
  bool draft = false;
};

// Builds the rows of `b` (its bodies and comment are moved out) for an event `action` by
// `actor` (nullopt: the command line) at `now`.
BulkRows make_bulk_rows(int64_t agency_id, BulkItem&& b, std::optional<int64_t> actor, const std::string& action,
                        const std::string& now);

// Sets the ids (from reserve_ids) and the index number (nullopt for drafts) of the rows.
void set_bulk_ids(BulkRows& rows, int64_t item_id, int64_t rev_id, const std::optional<std::string>& index_no);

// Writes the rows with bulk_insert: items, then revisions, then events. The rows are moved out.
void insert_bulk_rows(Conn& c, std::vector<BulkRows>& rows);

// Makes a bulk write cheaper. Must run inside the caller's transaction. SQLite: a 512 MiB page
// cache for the rest of the connection's life. PostgreSQL: lz4 instead of pglz for values
// TOASTed until the transaction ends (readers need nothing special).
void tune_for_bulk_load(Conn& c);

// Secondary indexes of the item tables (items and workflow_events) set aside for
// a load much larger than the tables: inserting a million rows into six b-trees in random
// key order costs several times building each b-tree once from sorted keys. Both run in the
// caller's transaction, so readers keep seeing the old indexes until it commits. Unique
// constraints (the index-number one) stay in place and keep checking every row.
// SQLite only: drop_item_indexes returns their definitions (none on PostgreSQL).
std::vector<std::string> drop_item_indexes(Conn& c);
void restore_item_indexes(Conn& c, const std::vector<std::string>& definitions);
// Number of index definitions drop_item_indexes would set aside (for tests; 0 on PostgreSQL).
int64_t count_item_index_definitions(Conn& c);
// Number of items on the platform (cheap: the primary key's b-tree).
int64_t count_all_items(Conn& c);

// Refreshes the planner's statistics of the item tables during and after a bulk load.
// PostgreSQL: ANALYZE, which also sees the rows of the running transaction and makes cached
// plans of prepared statements be made again; without it a plan chosen while the table was
// small (a sequential scan for an index-number lookup, say) stays in use as the table grows
// and the load turns quadratic. SQLite is left alone: it keeps no statistics unless ANALYZE
// was run, and plans every statement from the schema alone.
void refresh_item_statistics(Conn& c);

// Export: one row per item of the agency, in id order, with the revision it exports (the
// published one when there is one, else the working one).
struct ExportRow {
  ItemRow item;
  ItemData data;               // of the exported revision
  std::string revision_state;  // of the working revision if any, else of the published one
};
// Streams the rows to `fn` without holding them all in memory.
void for_each_export_row(Conn& c, int64_t agency_id, const std::function<void(const ExportRow&)>& fn);

}  // namespace gongkai::store
