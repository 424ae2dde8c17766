#pragma once
// Quota and assessment demo data for the demo agency (see demo_quota.cc).

#include <cstdint>

#include "core/date.h"
#include "store/db.h"

namespace gongkai::app {

// Quotas for last year and this year, simulated submissions in the months of this year before
// `today`'s (at least the three months before it), confidentiality-review records and channel
// records.
void load_demo_quota_data(store::Database& db, int64_t agency_id, core::Date today);

}  // namespace gongkai::app
