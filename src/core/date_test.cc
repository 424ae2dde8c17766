#include "core/date.h"

#include <gtest/gtest.h>

namespace gongkai::core {

TEST(Date, ParsesAndFormats) {
  auto d = Date::parse("2013-12-31");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->year(), 2013);
  EXPECT_EQ(d->month(), 12);
  EXPECT_EQ(d->day(), 31);
  EXPECT_EQ(d->iso(), "2013-12-31");
  EXPECT_EQ(d->add_days(1).iso(), "2014-01-01");
}

TEST(Date, RejectsMalformedAndImpossibleDates) {
  for (const char* s : {"", "2013-2-3", "2013-02-30", "2019-02-29", "2013/12/31", "20131231xx",
                        "2013-13-01", "2013-00-10", "abcd-ef-gh", "1899-12-31"}) {
    EXPECT_FALSE(Date::parse(s)) << s;
  }
  EXPECT_TRUE(Date::parse("2020-02-29"));
}

TEST(Date, Weekdays) {
  EXPECT_EQ(Date::parse("1970-01-01")->weekday(), 4);
  EXPECT_EQ(Date::parse("2024-10-01")->weekday(), 2);  // Tuesday
  EXPECT_EQ(Date::parse("2024-09-29")->weekday(), 7);  // Sunday
  EXPECT_TRUE(Date::parse("2024-09-29")->is_weekend());
  EXPECT_EQ(*Date::parse("2024-03-01") - *Date::parse("2024-02-01"), 29);
}

}  // namespace gongkai::core
