#include "core/stats.h"

#include <algorithm>

namespace gongkai::core {

DurationSummary summarize_durations(std::vector<int64_t> values) {
  DurationSummary s;
  if (values.empty()) return s;
  std::sort(values.begin(), values.end());
  s.count = static_cast<int64_t>(values.size());
  s.shortest = values.front();
  s.longest = values.back();
  size_t mid = values.size() / 2;
  s.median = values.size() % 2 ? static_cast<double>(values[mid])
                               : (static_cast<double>(values[mid - 1]) + static_cast<double>(values[mid])) / 2.0;
  int64_t sum = 0;
  for (int64_t v : values) sum += v;
  // Tenths, half-up, in integers: floor((20 × sum + n) / (2n)) / 10 for non-negative sums.
  int64_t tenths = sum >= 0 ? (20 * sum + s.count) / (2 * s.count) : -((-20 * sum + s.count) / (2 * s.count));
  s.average = static_cast<double>(tenths) / 10.0;
  return s;
}

}  // namespace gongkai::core
