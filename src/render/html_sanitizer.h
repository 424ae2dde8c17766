#pragma once
// Whitelist HTML sanitiser for item bodies: parses with gumbo (a real HTML5 parser), keeps
// only safe elements and attributes, and re-serialises well-formed, escaped HTML.

#include <string>
#include <string_view>

namespace gongkai::render {

inline constexpr size_t kMaxSanitizeInput = 2 * 1024 * 1024;

struct SanitizeResult {
  std::string html;
  std::string error;  // Chinese message when the input was refused (too large)
  bool ok() const { return error.empty(); }
};

SanitizeResult sanitize_html(std::string_view untrusted);

// Plain text of sanitised HTML: block elements become line breaks, entities decoded.
std::string html_to_text(std::string_view html);

}  // namespace gongkai::render
