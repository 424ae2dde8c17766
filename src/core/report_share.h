#pragma once
// Shares in the annual report (年度报告): a part of a whole as a percentage rounded half-up to
// two decimals, as the seed report prints them (76 of 517 → 14.70, 2 of 203 → 0.99).
// Computed in integers so that no binary fraction moves a half across the rounding line.

#include <cstdint>
#include <string>

namespace gongkai::core {

// The share in hundredths of a percent (1470 for 14.70%), rounded half-up; 0 when whole is 0.
// Requires 0 <= part and 0 <= whole.
int64_t share_hundredths(int64_t part, int64_t whole);

// The share as a number (14.7) for JSON and spreadsheets.
double share_percent(int64_t part, int64_t whole);

// Hundredths as the seed writes a percentage: no trailing zeros ("14.7", "48.94", "100", "0").
std::string format_hundredths(int64_t hundredths);

// format_hundredths(share_hundredths(part, whole)).
std::string format_share(int64_t part, int64_t whole);

}  // namespace gongkai::core
