#include "core/clock.h"

#include <chrono>
#include <cstdio>

#include "core/date.h"

namespace gongkai::core {

int64_t unix_now() {
  using namespace std::chrono;
  return duration_cast<seconds>(system_clock::now().time_since_epoch()).count();
}

std::string iso_from_unix(int64_t secs) {
  int64_t days = secs >= 0 ? secs / 86400 : (secs - 86399) / 86400;
  int64_t rem = secs - days * 86400;
  std::string d = Date::from_days(static_cast<int>(days)).iso();
  char buf[40];
  std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02dZ", d.c_str(), static_cast<int>(rem / 3600),
                static_cast<int>(rem / 60 % 60), static_cast<int>(rem % 60));
  return buf;
}

std::string now_iso() { return iso_from_unix(unix_now()); }

}  // namespace gongkai::core

namespace gongkai::core {

std::optional<std::string> cst_to_utc_iso(std::string_view s) {
  if (s.size() != 16 || (s[10] != ' ' && s[10] != 'T') || s[13] != ':') return std::nullopt;
  auto d = Date::parse(s.substr(0, 10));
  auto two = [&](size_t p) -> int {
    if (s[p] < '0' || s[p] > '9' || s[p + 1] < '0' || s[p + 1] > '9') return -1;
    return (s[p] - '0') * 10 + (s[p + 1] - '0');
  };
  int h = two(11), m = two(14);
  if (!d || h < 0 || h > 23 || m < 0 || m > 59) return std::nullopt;
  int64_t secs = static_cast<int64_t>(d->days_since_epoch()) * 86400 + h * 3600 + m * 60 - 8 * 3600;
  return iso_from_unix(secs);
}

std::string utc_iso_to_cst(std::string_view iso) {
  auto d = Date::parse(iso.substr(0, 10));
  if (!d || iso.size() < 16) return std::string(iso);
  int h = (iso[11] - '0') * 10 + (iso[12] - '0'), m = (iso[14] - '0') * 10 + (iso[15] - '0');
  std::string local = iso_from_unix(static_cast<int64_t>(d->days_since_epoch()) * 86400 + h * 3600 + m * 60 + 8 * 3600);
  return local.substr(0, 10) + " " + local.substr(11, 5);
}

}  // namespace gongkai::core
