#pragma once
// The catalog's rows: items, their revisions, workflow events, attachments, blobs and
// index-number serials. Every function is scoped by agency where a caller could name
// another agency's row.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/db.h"

namespace gongkai::store {

// The editable metadata of one revision (DOMAIN.md §2).
struct ItemData {
  // body_html is sanitised HTML; its plain text is derived where needed (render/body_text.h).
  std::string title, summary, body_html, doc_no, keywords;
  std::optional<int64_t> department_id, class_id, topic_id, genre_id;
  std::optional<std::string> creation_date, publish_date;  // YYYY-MM-DD
  std::string disclosure_mode = "主动公开", carrier = "电子", validity = "有效";
  std::optional<std::string> validity_changed_on;
};

struct RevisionRow {
  int64_t id = 0, item_id = 0, agency_id = 0;
  int rev_no = 0;
  std::string state;
  std::optional<std::string> step, scheduled_at;
  std::optional<int64_t> author_id;
  std::string created_at, updated_at;
  ItemData data;
};

struct ItemRow {
  int64_t id = 0, agency_id = 0;
  std::optional<std::string> index_no;
  std::string status;  // draft | published | withdrawn
  std::optional<int64_t> working_rev_id, published_rev_id;
  std::string title, doc_no, validity;
  std::optional<int64_t> department_id, class_id, topic_id, genre_id;
  std::optional<std::string> creation_date, publish_date, validity_changed_on;
  bool late = false;
  std::optional<int64_t> created_by;
  std::string created_at, updated_at;
};

struct WorkflowEventRow {
  int64_t id = 0, item_id = 0;
  std::optional<int64_t> rev_id, actor_id;
  std::string actor_name, action, step, comment, at;
};

struct AttachmentRow {
  int64_t id = 0, rev_id = 0;
  std::string sha256, filename, mime;
  int64_t size = 0;
};

// Items and revisions
// Creates an item with revision 1 as a draft; returns {item_id, rev_id}.
std::pair<int64_t, int64_t> insert_item(Conn& c, int64_t agency_id, std::optional<int64_t> author,
                                        const ItemData& d, const std::string& now);
int64_t insert_revision(Conn& c, int64_t item_id, int64_t agency_id, std::optional<int64_t> author,
                        const ItemData& d, const std::string& now);
std::optional<ItemRow> find_item(Conn& c, int64_t agency_id, int64_t item_id);
std::optional<ItemRow> find_item_by_index(Conn& c, const std::string& index_no);
std::optional<RevisionRow> find_revision(Conn& c, int64_t agency_id, int64_t rev_id);
std::vector<RevisionRow> list_revisions(Conn& c, int64_t item_id);
void update_revision_data(Conn& c, int64_t rev_id, const ItemData& d, const std::string& now);
void set_revision_state(Conn& c, int64_t rev_id, const std::string& state, const std::optional<std::string>& step,
                        const std::optional<std::string>& scheduled_at, const std::string& now);
// Copies a revision's metadata into the item's listing columns.
void set_item_summary(Conn& c, int64_t item_id, const ItemData& d, bool late, const std::string& now);
void set_item_working_rev(Conn& c, int64_t item_id, std::optional<int64_t> rev_id);
// Marks the item published with this revision and index number.
void set_item_published(Conn& c, int64_t item_id, int64_t rev_id, const std::string& index_no);
void set_item_status(Conn& c, int64_t item_id, const std::string& status, const std::string& now);
void set_item_validity(Conn& c, int64_t item_id, const std::string& validity,
                       const std::optional<std::string>& changed_on, const std::string& now);
bool index_no_taken(Conn& c, const std::string& index_no);
// Returns the next serial for (agency, year), atomically; never returns the same twice.
int64_t next_index_serial(Conn& c, int64_t agency_id, int year);
// Raises the stored serial to at least `serial` (after importing numbered items).
void bump_index_serial(Conn& c, int64_t agency_id, int year, int64_t serial);
// Scheduled revisions whose time has come.
std::vector<RevisionRow> due_scheduled_revisions(Conn& c, const std::string& now);

// Workflow events
void insert_workflow_event(Conn& c, int64_t agency_id, int64_t item_id, std::optional<int64_t> rev_id,
                           std::optional<int64_t> actor_id, const std::string& action, const std::string& step,
                           const std::string& comment, const std::string& now);
std::vector<WorkflowEventRow> list_workflow_events(Conn& c, int64_t item_id);

// Lists
struct ItemFilter {
  int64_t agency_id = 0;
  std::optional<std::string> status;     // default: any
  std::optional<int64_t> class_id, topic_id, genre_id, department_id;
  std::optional<int> year;               // publication year
  std::optional<std::string> validity;
  std::string title_contains;            // plain substring of the title
  std::string sort = "newest";           // newest | oldest | title
  int page = 1, per_page = 20;
};
struct ItemPage {
  std::vector<ItemRow> rows;
  int64_t total = 0;
};
ItemPage list_items(Conn& c, const ItemFilter& f);

struct RevisionFilter {
  int64_t agency_id = 0;
  std::optional<int64_t> author_id;
  std::vector<std::string> states;
  std::vector<std::string> steps;           // for in_review: the steps the viewer may act on
  std::optional<int64_t> department_id;     // for department heads
  int page = 1, per_page = 20;
};
struct RevisionPage {
  std::vector<RevisionRow> rows;
  int64_t total = 0;
};
RevisionPage list_revisions_filtered(Conn& c, const RevisionFilter& f);

// Attachments and blobs
void insert_blob_if_absent(Conn& c, const std::string& sha256, int64_t size, const std::string& mime,
                           const std::optional<std::string>& data, const std::string& now);
std::optional<std::string> blob_data(Conn& c, const std::string& sha256);
int64_t insert_attachment(Conn& c, const AttachmentRow& a);
std::vector<AttachmentRow> list_attachments(Conn& c, int64_t rev_id);
std::optional<AttachmentRow> find_attachment(Conn& c, int64_t agency_id, int64_t attachment_id);
// An attachment of the published version of a published item, or nullopt.
std::optional<AttachmentRow> find_public_attachment(Conn& c, int64_t attachment_id);
void delete_attachment(Conn& c, int64_t rev_id, int64_t attachment_id);
void copy_attachments(Conn& c, int64_t from_rev, int64_t to_rev);

// Counts
int64_t count_items(Conn& c, int64_t agency_id, const std::string& status);

}  // namespace gongkai::store
