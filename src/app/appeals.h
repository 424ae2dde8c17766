#pragma once
// Appeals about disclosure (DOMAIN.md §3): 行政复议 (administrative reconsideration) and 行政诉讼
// (litigation, filed directly or after reconsideration), one record per case, optionally
// linked to the request it is about. Table 四 of the annual report counts them.
//
// 办公室 (office) and 申请受理员 (clerk) record and edit them; 分管领导 and 系统管理员 may read.
// Another agency's appeals are "not found". Every change is audited in its transaction.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/directory.h"
#include "core/date.h"
#include "store/appeal_store.h"
#include "store/db.h"

namespace gongkai::app {

struct AppealChoice {
  std::string_view id, label;
};
// reconsideration 行政复议; litigation_direct 行政诉讼（未经复议直接起诉）;
// litigation_after_reconsideration 行政诉讼（复议后起诉）.
const std::vector<AppealChoice>& appeal_kinds();
// pending 尚未审结; upheld 结果维持; corrected 结果纠正; other 其他结果.
const std::vector<AppealChoice>& appeal_results();
std::string appeal_kind_label(std::string_view id);
std::string appeal_result_label(std::string_view id);

// What the form sends; text as typed (trimmed here).
struct AppealInput {
  std::string kind, filed_on, case_ref, result = "pending", decided_on, remarks;
  std::string request_code;  // tracking code of the linked request; empty: none
};

inline constexpr size_t kMaxCaseRef = 100;      // characters
inline constexpr size_t kMaxAppealRemarks = 2000;

// Checks and stores a new appeal; returns its id. ValidationError with a message per field:
// kind and result from the lists, dates YYYY-MM-DD not in the future (`today`, default today
// in China), decided on or after filed and set exactly when the result is not pending, the
// request code of a request of this agency received on or before the filing date.
int64_t create_appeal(store::Database& db, const Principal& by, int64_t agency_id, const AppealInput& in,
                      std::optional<core::Date> today = std::nullopt);
void update_appeal(store::Database& db, const Principal& by, int64_t agency_id, int64_t id, const AppealInput& in,
                   std::optional<core::Date> today = std::nullopt);
store::AppealRow get_appeal(store::Database& db, const Principal& by, int64_t agency_id, int64_t id);
std::vector<store::AppealRow> list_appeals(store::Database& db, const Principal& by, int64_t agency_id);
std::vector<store::AppealRow> request_appeals(store::Database& db, const Principal& by, int64_t agency_id,
                                              int64_t request_id);

// The checks of create_appeal on everything but the linked request, without a database: kind
// and result (given by id, label or short form such as 维持), dates, lengths. Fills `row`'s
// kind, dates, case reference, result and remarks when valid; returns the message per field
// (empty when valid). The request import (app/request_transfer.h) checks its appeals with it.
std::map<std::string, std::string> check_appeal_fields(const AppealInput& in, core::Date today, store::AppealRow& row);

// Stores a checked appeal (agency, request and fields set) with its audit entry
// ("appeal.create") in the caller's transaction; returns its id. No permission check: the
// caller made it.
int64_t record_appeal(store::Conn& c, const Principal& by, store::AppealRow row);

// Office and clerk may record; leader and admin may read.
bool can_edit_appeals(const Principal& by);
bool can_read_appeals(const Principal& by);

}  // namespace gongkai::app
