#pragma once
// Rows of the publication channels of items, the disclosure attribute decided at the source
// (源头认定) and the confidentiality-review register (保密审查登记). Scoped by agency.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "store/db.h"

namespace gongkai::store {

// Channels
struct ChannelRow {
  int64_t id = 0, item_id = 0;
  std::string channel, on_date, reference, created_by_name, created_at;
};
int64_t insert_channel(Conn& c, int64_t agency_id, const ChannelRow& r, std::optional<int64_t> by,
                       const std::string& now);
std::vector<ChannelRow> list_channels(Conn& c, int64_t agency_id, int64_t item_id);
std::optional<ChannelRow> find_channel(Conn& c, int64_t agency_id, int64_t channel_id);
void delete_channel(Conn& c, int64_t agency_id, int64_t channel_id);
// Channel records dated in `year`, counted per channel (the annual report's 公开形式).
std::map<std::string, int64_t> count_channels(Conn& c, int64_t agency_id, int year);

// Disclosure attributes
struct AttributeRow {
  int64_t id = 0, item_id = 0;
  std::string item_title, mode, legal_reason, remarks, decided_by_name, decided_at;
  std::optional<std::string> index_no;
};
int64_t insert_attribute(Conn& c, int64_t agency_id, const AttributeRow& r, std::optional<int64_t> by,
                         const std::string& now);
// The item's current attribute (the newest decision), if any.
std::optional<AttributeRow> current_attribute(Conn& c, int64_t agency_id, int64_t item_id);
// Every decision, newest first, optionally of one mode, paged.
struct AttributePage {
  std::vector<AttributeRow> rows;
  int64_t total = 0;
};
AttributePage list_attributes(Conn& c, int64_t agency_id, const std::string& mode, const std::string& title_contains,
                              int page, int per_page);

// Confidentiality-review register
struct SecrecyEntry {
  int64_t id = 0, item_id = 0;
  std::optional<int64_t> rev_id, department_id, reviewer_id;
  std::string title, department_name, reviewer_name, reviewed_at, result, remarks;
  std::optional<std::string> index_no;
};
void insert_secrecy_entry(Conn& c, int64_t agency_id, const SecrecyEntry& e);
struct SecrecyFilter {
  int64_t agency_id = 0;
  std::string q;                 // substring of the title or the remarks
  std::string result;            // 通过 | 退回 | empty: both
  std::string from, to;          // ISO UTC times, [from, to); empty: open
  std::optional<int64_t> department_id;
  int page = 1, per_page = 50;   // per_page 0: every row (exports)
};
struct SecrecyPage {
  std::vector<SecrecyEntry> rows;
  int64_t total = 0;
};
SecrecyPage list_secrecy_entries(Conn& c, const SecrecyFilter& f);

// Items published in [from, to] (YYYY-MM-DD), for the notice-board bulletin, oldest first.
struct BulletinRow {
  int64_t id = 0;
  std::string index_no, title, doc_no, publish_date, department_name;
};
std::vector<BulletinRow> published_between(Conn& c, int64_t agency_id, const std::string& from, const std::string& to,
                                           int limit);

}  // namespace gongkai::store
