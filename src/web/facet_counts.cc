#include "web/facet_counts.h"

#include "store/audit_log.h"
#include "store/portal_store.h"

namespace gongkai::web {

std::map<int64_t, int64_t> FacetCounts::published_by(store::Conn& c, int64_t agency_id, const std::string& column) {
  const int64_t seq = store::audit_sequence(c);
  const auto now = Clock::now();
  const auto key = std::make_pair(agency_id, column);
  {
    std::lock_guard g(mu_);
    auto it = entries_.find(key);
    if (it != entries_.end() && it->second.audit_seq == seq && now - it->second.counted < longest_) {
      return it->second.counts;
    }
  }
  // Counted outside the lock; two readers may count at once, and either result is right.
  Entry e{seq, now, store::count_published_by(c, agency_id, column)};
  std::lock_guard g(mu_);
  auto& slot = entries_[key];
  if (slot.audit_seq <= seq) slot = e;
  return e.counts;
}

}  // namespace gongkai::web
