#pragma once
// Wall-clock time as stored in the database: ISO 8601 UTC text, sortable as text.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace gongkai::core {

// "YYYY-MM-DDTHH:MM:SSZ" for now, or for the given Unix time.
std::string now_iso();
std::string iso_from_unix(int64_t secs);
int64_t unix_now();

// Parses a China Standard Time wall-clock "YYYY-MM-DD HH:MM" (or with a 'T') and returns the
// UTC ISO text; nullopt when malformed.
std::optional<std::string> cst_to_utc_iso(std::string_view local);
// The reverse, for showing stored times to people: "YYYY-MM-DD HH:MM" in China Standard Time.
std::string utc_iso_to_cst(std::string_view iso);

}  // namespace gongkai::core
