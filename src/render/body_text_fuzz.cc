// Fuzz target: sanitises arbitrary bytes, then traps when the scan of app/body_text.h gives
// another text than render::html_to_text for the sanitised body.
#include <cstddef>
#include <cstdint>
#include <string>

#include "render/body_text.h"
#include "render/html_sanitizer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string input(reinterpret_cast<const char*>(data), size);
  auto s = gongkai::render::sanitize_html(input);
  if (!s.ok()) return 0;
  if (auto t = gongkai::render::scan_sanitized_text(s.html)) {
    if (*t != gongkai::render::html_to_text(s.html)) __builtin_trap();
  }
  return 0;
}
