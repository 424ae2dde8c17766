#include "core/report_share.h"

namespace gongkai::core {

int64_t share_hundredths(int64_t part, int64_t whole) {
  if (whole <= 0 || part <= 0) return 0;
  // part/whole × 10000, half-up: floor((2 × part × 10000 + whole) / (2 × whole)).
  return (part * 20000 + whole) / (2 * whole);
}

double share_percent(int64_t part, int64_t whole) {
  return static_cast<double>(share_hundredths(part, whole)) / 100.0;
}

std::string format_hundredths(int64_t hundredths) {
  std::string out = hundredths < 0 ? "-" : "";
  int64_t v = hundredths < 0 ? -hundredths : hundredths;
  out += std::to_string(v / 100);
  int64_t frac = v % 100;
  if (frac != 0) {
    out += '.';
    out += static_cast<char>('0' + frac / 10);
    if (frac % 10 != 0) out += static_cast<char>('0' + frac % 10);
  }
  return out;
}

std::string format_share(int64_t part, int64_t whole) { return format_hundredths(share_hundredths(part, whole)); }

}  // namespace gongkai::core
