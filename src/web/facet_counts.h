#pragma once
// Counts of an agency's published items by class, topic, genre, department or year, as the
// catalog, the agency home and the API show them. Counting reads every published item (about
// 55 ms per column at 1,000,000 items, five columns on the catalog page), so the counts are
// kept until the audit sequence moves: every change to an item is audited in its own
// transaction (store/audit_log.h), on whichever node or command made it. A minute at most,
// in case something changed items without an audit entry.

#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <utility>

#include "store/db.h"

namespace gongkai::web {

class FacetCounts {
 public:
  using Clock = std::chrono::steady_clock;
  explicit FacetCounts(Clock::duration longest = std::chrono::minutes(1)) : longest_(longest) {}

  // store::count_published_by, or the counts kept since nothing changed.
  std::map<int64_t, int64_t> published_by(store::Conn& c, int64_t agency_id, const std::string& column);

 private:
  struct Entry {
    int64_t audit_seq = 0;
    Clock::time_point counted;
    std::map<int64_t, int64_t> counts;
  };
  const Clock::duration longest_;
  std::mutex mu_;
  std::map<std::pair<int64_t, std::string>, Entry> entries_;
};

}  // namespace gongkai::web
