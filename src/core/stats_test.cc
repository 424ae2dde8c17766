#include "core/stats.h"

#include <gtest/gtest.h>

namespace gongkai::core {
namespace {

TEST(Stats, DurationSummary) {
  auto e = summarize_durations({});
  EXPECT_EQ(e.count, 0);
  EXPECT_EQ(e.median, 0);
  auto odd = summarize_durations({20, 3, 7});
  EXPECT_EQ(odd.count, 3);
  EXPECT_EQ(odd.median, 7);
  EXPECT_DOUBLE_EQ(odd.average, 10.0);
  EXPECT_EQ(odd.shortest, 3);
  EXPECT_EQ(odd.longest, 20);
  auto even = summarize_durations({1, 2, 4, 10});
  EXPECT_DOUBLE_EQ(even.median, 3.0);
  EXPECT_DOUBLE_EQ(even.average, 4.3);  // 17 / 4 = 4.25 → 4.3 (half-up)
  auto same = summarize_durations({5});
  EXPECT_EQ(same.median, 5);
  EXPECT_EQ(same.shortest, same.longest);
  EXPECT_DOUBLE_EQ(summarize_durations({1, 2}).average, 1.5);
  EXPECT_DOUBLE_EQ(summarize_durations({0, 0, 1}).average, 0.3);
}

}  // namespace
}  // namespace gongkai::core
