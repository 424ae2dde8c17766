#pragma once
// Counts of published items as the catalog, the agency home, the platform home and the API
// show them: an agency's by class, topic, genre, department or year, and every agency's
// total. Counting reads every published item (about 55 ms per column at 1,000,000 items,
// five columns on the catalog page, 64 ms for the agencies' totals), so the counts are kept
// until the audit sequence moves: every change to an item is audited in its own transaction
// (store/audit_log.h), on whichever node or command made it. A minute at most, in case
// something changed items without an audit entry.

#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "store/db.h"
#include "store/portal_store.h"

namespace gongkai::web {

class FacetCounts {
 public:
  using Clock = std::chrono::steady_clock;
  explicit FacetCounts(Clock::duration longest = std::chrono::minutes(1)) : longest_(longest) {}

  // store::count_published_by, or the counts kept since nothing changed.
  std::map<int64_t, int64_t> published_by(store::Conn& c, int64_t agency_id, const std::string& column);
  // store::published_counts (each agency's total and newest date), likewise.
  std::vector<store::AgencyCount> per_agency(store::Conn& c);
  // One agency's total from those (0 when it has no published item).
  int64_t published_total(store::Conn& c, int64_t agency_id);

 private:
  template <typename T>
  struct Kept {
    int64_t audit_seq = -1;
    Clock::time_point counted;
    T value;
  };
  // The value in `slot` while it stands, else count() kept there.
  template <typename T, typename Count>
  T get(store::Conn& c, Kept<T>& slot, Count count);

  const Clock::duration longest_;
  std::mutex mu_;
  std::map<std::pair<int64_t, std::string>, Kept<std::map<int64_t, int64_t>>> by_column_;
  Kept<std::vector<store::AgencyCount>> per_agency_;
};

}  // namespace gongkai::web
