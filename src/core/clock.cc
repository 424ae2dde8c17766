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
