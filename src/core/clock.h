#pragma once
// Wall-clock time as stored in the database: ISO 8601 UTC text, sortable as text.

#include <cstdint>
#include <string>

namespace gongkai::core {

// "YYYY-MM-DDTHH:MM:SSZ" for now, or for the given Unix time.
std::string now_iso();
std::string iso_from_unix(int64_t secs);
int64_t unix_now();

}  // namespace gongkai::core
