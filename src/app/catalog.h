#pragma once
// The catalog of proactively disclosed information (主动公开目录) and its review workflow
// (发布审核): drafting, review by department head, supervising leader and confidentiality
// reviewer, publication with a 索引号, new versions, withdrawal and repeal. Every step is a
// workflow event and an audit entry written in the same transaction as the change.

#include <optional>
#include <string>
#include <vector>

#include "app/directory.h"
#include "app/item_rules.h"
#include "store/db.h"
#include "store/item_store.h"

namespace gongkai::app {

// Art. 26: published within 20 working days of being formed.
inline constexpr int kPublishWithinWorkdays = 20;

// Creates a draft. Liaisons and heads draft for their own department only.
int64_t create_item(store::Database& db, const Principal& by, int64_t agency_id, const ItemInput& in);
// Edits a revision that is a draft or was returned; by its author or the office.
void update_revision(store::Database& db, const Principal& by, int64_t agency_id, int64_t rev_id,
                     const ItemInput& in);
// Sends a draft into review at the agency's first step.
void submit_revision(store::Database& db, const Principal& by, int64_t agency_id, int64_t rev_id,
                     const std::string& comment = "");
// Passes the current review step. After the confidentiality review the revision is published
// at once, or at `publish_at` (ISO time, UTC) when given.
void approve_revision(store::Database& db, const Principal& by, int64_t agency_id, int64_t rev_id,
                      const std::string& comment, const std::optional<std::string>& publish_at = std::nullopt);
// Sends the revision back to its author; a reason is required.
void return_revision(store::Database& db, const Principal& by, int64_t agency_id, int64_t rev_id,
                     const std::string& reason);
// Opens a new draft revision of a published item (a copy of the published version).
int64_t start_new_version(store::Database& db, const Principal& by, int64_t agency_id, int64_t item_id);
// Takes a published item off the portal (撤回). Office only; a reason is required.
void withdraw_item(store::Database& db, const Principal& by, int64_t agency_id, int64_t item_id,
                   const std::string& reason);
// Marks a published item 废止 (or 失效) from a date. Office only.
void change_validity(store::Database& db, const Principal& by, int64_t agency_id, int64_t item_id,
                     const std::string& validity, const std::string& date, const std::string& reason);
// Publishes scheduled revisions whose time has come; returns how many.
int publish_due(store::Database& db, const std::string& now_iso);

// Working days after from_date up to and including to_date, by the State Council's holiday
// calendar (weekends, public holidays and adjusted working weekends).
int workdays_between(const std::string& from_date, const std::string& to_date);

// Everything the item page shows.
struct ItemView {
  store::ItemRow item;
  std::vector<store::RevisionRow> revisions;  // newest first
  std::vector<store::WorkflowEventRow> events;
  std::vector<store::AttachmentRow> attachments;  // of the shown revision
  std::optional<store::RevisionRow> shown;        // published revision, else the working one
};
ItemView view_item(store::Database& db, const Principal& by, int64_t agency_id, int64_t item_id);

// May this principal act on this revision's current step?
bool can_review(const Principal& by, const store::RevisionRow& rev);

}  // namespace gongkai::app
