#pragma once
// Where items went out besides the portal (公开形式), the disclosure attribute decided at the
// source (源头认定: 主动公开 / 依申请公开 / 不予公开 with its legal ground), the
// confidentiality-review register written by the workflow's secrecy step, and the monthly
// notice-board bulletin (政务公开栏).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/directory.h"
#include "render/document.h"
#include "store/db.h"
#include "store/item_store.h"
#include "store/register_store.h"

namespace gongkai::app {

// The channels an item can go out through besides the portal, in display order.
const std::vector<std::string_view>& channel_names();
bool is_channel(std::string_view name);

struct ChannelInput {
  std::string channel, on_date, reference;
};
// Records a channel for an item (drafters of its department, the office).
int64_t add_channel(store::Database& db, const Principal& by, int64_t agency_id, int64_t item_id,
                    const ChannelInput& in);
void remove_channel(store::Database& db, const Principal& by, int64_t agency_id, int64_t channel_id);
std::vector<store::ChannelRow> item_channels(store::Database& db, const Principal& by, int64_t agency_id,
                                             int64_t item_id);
// Channel records of `year`, per channel name, every channel listed (0 where none): the
// annual report's 公开形式 part calls this.
std::vector<std::pair<std::string, int64_t>> channel_counts(store::Database& db, int64_t agency_id, int year);

// Disclosure attribute
inline constexpr std::string_view kModeProactive = "主动公开";
inline constexpr std::string_view kModeOnRequest = "依申请公开";
inline constexpr std::string_view kModeWithheld = "不予公开";
struct AttributeInput {
  std::string mode, legal_reason, remarks;  // legal_reason: an outcome code denied.1..denied.8
};
// Records who decided the item's attribute; 不予公开 needs its legal ground.
void set_disclosure_attribute(store::Database& db, const Principal& by, int64_t agency_id, int64_t item_id,
                              const AttributeInput& in);
// Called by the catalog when a draft is created or edited: records the 公开方式 chosen in the
// editor as the item's attribute when it differs from the current one (源头认定 at creation).
void record_attribute_from_draft(store::Conn& c, const Principal& by, int64_t agency_id, int64_t item_id,
                                 const std::string& mode, const std::string& now);
std::optional<store::AttributeRow> disclosure_attribute(store::Database& db, const Principal& by, int64_t agency_id,
                                                        int64_t item_id);
store::AttributePage attribute_register(store::Database& db, const Principal& by, int64_t agency_id,
                                        const std::string& mode, const std::string& q, int page);
// "属于国家秘密（第十四条）" for a ground's code; empty otherwise.
std::string legal_reason_label(const std::string& code);

// The confidentiality-review register. Called by the catalog in the transaction of the
// secrecy step's approve (passed) or return.
void record_secrecy_review(store::Conn& c, const Principal& by, const store::RevisionRow& rev, bool passed,
                           const std::string& remarks, const std::string& now);
struct RegisterQuery {
  std::string q, result, from, to;  // from/to: YYYY-MM-DD (China Standard Time days)
  std::string department_id;
  int page = 1;
};
// Office, leaders and confidentiality reviewers. all = every row (for exports).
store::SecrecyPage secrecy_register(store::Database& db, const Principal& by, int64_t agency_id,
                                    const RegisterQuery& q, bool all = false);
render::Document secrecy_register_document(const std::string& agency_name, const store::SecrecyPage& page);

// The bulletin for a month: items published that month, laid out for a notice board.
render::Document bulletin_document(store::Database& db, const Principal& by, int64_t agency_id, int year, int month,
                                   render::PageSize size);

}  // namespace gongkai::app
