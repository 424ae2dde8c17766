#pragma once
// 索引号 (index number) patterns: e.g. "{org}/{year}-{serial:5}" gives 000014349/2020-00072.
// Placeholders: {org} organisation code, {slug} agency slug, {year} 4-digit year,
// {serial:N} serial zero-padded to N digits (1..9). Other text is literal.

#include <optional>
#include <string>
#include <string_view>

namespace gongkai::core {

// Checks a pattern: known placeholders only, exactly one {serial:N}, one {year}, at most
// 64 characters. Returns an error message in Chinese, or nullopt when valid.
std::optional<std::string> check_index_pattern(std::string_view pattern);

// Formats an index number; the pattern must be valid.
std::string format_index_no(std::string_view pattern, std::string_view org_code,
                            std::string_view slug, int year, long serial);

// The serial an index number holds under a pattern, or nullopt if it does not match
// (used to keep imported numbers from being reused).
std::optional<long> parse_index_serial(std::string_view pattern, std::string_view org_code,
                                       std::string_view slug, int year, std::string_view index_no);

// Checks an organisation code: 9 characters (8 digits/letters, then a check character)
// or an 18-character unified social credit code; letters and digits only.
bool is_valid_org_code(std::string_view code);

}  // namespace gongkai::core
