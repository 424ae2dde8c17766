#include "core/clock.h"

#include <gtest/gtest.h>

namespace gongkai::core {

TEST(Clock, FormatsUnixTime) {
  EXPECT_EQ(iso_from_unix(0), "1970-01-01T00:00:00Z");
  EXPECT_EQ(iso_from_unix(1388534399), "2013-12-31T23:59:59Z");
}

TEST(Clock, ChinaStandardTimeRoundTrip) {
  EXPECT_EQ(cst_to_utc_iso("2026-12-01 09:30"), "2026-12-01T01:30:00Z");
  EXPECT_EQ(cst_to_utc_iso("2026-12-01T07:00"), "2026-11-30T23:00:00Z");
  EXPECT_EQ(utc_iso_to_cst("2026-11-30T23:00:00Z"), "2026-12-01 07:00");
  for (const char* bad : {"", "2026-12-01", "2026-12-01 24:00", "2026-12-01 09:60", "2026-02-30 09:00", "2026-12-01 9:00"}) {
    EXPECT_FALSE(cst_to_utc_iso(bad)) << bad;
  }
}

}  // namespace gongkai::core
