#pragma once
// Summary figures for durations, as FOIA.gov reports response times: count, median, average,
// shortest and longest (here in working days).

#include <cstdint>
#include <vector>

namespace gongkai::core {

struct DurationSummary {
  int64_t count = 0;
  double median = 0;   // the middle value; the mean of the two middle values for an even count
  double average = 0;  // rounded half-up to one decimal
  int64_t shortest = 0, longest = 0;
};

// The summary of `values` (any order); all zero when empty.
DurationSummary summarize_durations(std::vector<int64_t> values);

}  // namespace gongkai::core
