#include "web/facet_counts.h"

#include "store/audit_log.h"

namespace gongkai::web {

template <typename T, typename Count>
T FacetCounts::get(store::Conn& c, Kept<T>& slot, Count count) {
  const int64_t seq = store::audit_sequence(c);
  const auto now = Clock::now();
  {
    std::lock_guard g(mu_);
    if (slot.audit_seq == seq && now - slot.counted < longest_) return slot.value;
  }
  // Counted outside the lock; two readers may count at once, and either result is right.
  Kept<T> fresh{seq, now, count()};
  std::lock_guard g(mu_);
  if (slot.audit_seq <= seq) slot = fresh;
  return fresh.value;
}

std::map<int64_t, int64_t> FacetCounts::published_by(store::Conn& c, int64_t agency_id, const std::string& column) {
  Kept<std::map<int64_t, int64_t>>* slot = nullptr;
  {
    std::lock_guard g(mu_);
    slot = &by_column_[std::make_pair(agency_id, column)];  // a map's nodes stay put
  }
  return get(c, *slot, [&] { return store::count_published_by(c, agency_id, column); });
}

std::vector<store::AgencyCount> FacetCounts::per_agency(store::Conn& c) {
  return get(c, per_agency_, [&] { return store::published_counts(c); });
}

int64_t FacetCounts::published_total(store::Conn& c, int64_t agency_id) {
  for (const auto& a : per_agency(c)) {
    if (a.agency_id == agency_id) return a.published;
  }
  return 0;
}

}  // namespace gongkai::web
