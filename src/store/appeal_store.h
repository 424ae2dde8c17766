#pragma once
// Appeals about disclosure: 行政复议 (reconsideration) and 行政诉讼 (litigation, directly or after
// reconsideration), one row per case, optionally linked to the request it is about. Every
// function takes the agency id and filters on it.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/db.h"

namespace gongkai::store {

struct AppealRow {
  int64_t id = 0, agency_id = 0;
  std::optional<int64_t> request_id;
  std::string kind;      // reconsideration | litigation_direct | litigation_after_reconsideration
  std::string filed_on;  // YYYY-MM-DD
  std::string case_ref, result = "pending";  // pending | upheld | corrected | other
  std::optional<std::string> decided_on;
  std::string remarks;
  std::optional<int64_t> created_by;
  std::string created_at, updated_at;
  std::string request_code;  // the linked request's tracking code (read only)
};

int64_t insert_appeal(Conn& c, const AppealRow& a);
// Updates everything but the agency, creator and creation time.
void update_appeal(Conn& c, const AppealRow& a);
std::optional<AppealRow> find_appeal(Conn& c, int64_t agency_id, int64_t id);
// The agency's appeals, newest filing first.
std::vector<AppealRow> list_appeals(Conn& c, int64_t agency_id, int limit = 500, int offset = 0);
int64_t count_appeals(Conn& c, int64_t agency_id);
// The appeals about one request.
std::vector<AppealRow> list_request_appeals(Conn& c, int64_t agency_id, int64_t request_id);

}  // namespace gongkai::store
