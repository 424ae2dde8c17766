#pragma once
// A civil (proleptic Gregorian) calendar date with day arithmetic, no time zone.

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace gongkai::core {

class Date {
 public:
  // 1970-01-01.
  Date() = default;
  // Returns nullopt unless y-m-d is a real date in years 1900..2200.
  static std::optional<Date> from_ymd(int y, int m, int d);
  // Parses exactly "YYYY-MM-DD"; nullopt on anything else.
  static std::optional<Date> parse(std::string_view iso);
  static Date from_days(int days_since_epoch) { Date d; d.days_ = days_since_epoch; return d; }
  // Today's date in China Standard Time (UTC+8), which is what every deadline uses.
  static Date today_cst();

  int days_since_epoch() const { return days_; }
  int year() const;
  int month() const;
  int day() const;
  // 1 = Monday ... 7 = Sunday (ISO 8601).
  int weekday() const;
  bool is_weekend() const { return weekday() >= 6; }
  Date add_days(int n) const { return from_days(days_ + n); }
  // "YYYY-MM-DD".
  std::string iso() const;
  // "MM-DD", for compact explanations.
  std::string month_day() const;

  friend auto operator<=>(const Date&, const Date&) = default;
  friend int operator-(const Date& a, const Date& b) { return a.days_ - b.days_; }

 private:
  int days_ = 0;
};

}  // namespace gongkai::core
