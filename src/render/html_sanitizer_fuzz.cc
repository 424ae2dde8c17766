// Invariants of sanitize_html on arbitrary bytes: no crash, the fast path takes only input
// the parser returns unchanged, the output is valid UTF-8 with no script, no event handler
// and no dangerous URL scheme, and sanitising the output again changes nothing. html_to_text must survive
// both the raw input and the output.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "render/html_sanitizer.h"

namespace {

void fail(const char* what, std::string_view input, std::string_view a, std::string_view b = {}) {
  std::fprintf(stderr, "html_sanitizer_fuzz: %s\ninput:  [%.*s]\noutput: [%.*s]\nagain:  [%.*s]\n", what,
               static_cast<int>(input.size()), input.data(), static_cast<int>(a.size()), a.data(),
               static_cast<int>(b.size()), b.data());
  std::abort();
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool valid_utf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    auto b = static_cast<unsigned char>(s[i]);
    size_t n = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (size_t k = 1; k < n; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    }
    i += n;
  }
  return true;
}

// Inside a tag of the output (every '<' opens one: text and values are
// escaped), no attribute may be an event handler or carry a script URL.
void check_tags(std::string_view input, const std::string& out) {
  std::string l = lower(out);
  for (size_t lt = l.find('<'); lt != std::string::npos; lt = l.find('<', lt + 1)) {
    size_t gt = l.find('>', lt);
    if (gt == std::string::npos) fail("unterminated tag", input, out);
    std::string_view tag(l.data() + lt, gt - lt);
    // Attribute names follow a space; values are quoted and cannot hold '"'.
    bool in_value = false;
    for (size_t i = 0; i < tag.size(); ++i) {
      if (tag[i] == '"') in_value = !in_value;
      if (!in_value && tag[i] == ' ' && tag.substr(i + 1, 2) == "on") fail("event handler", input, out);
    }
    for (std::string_view bad : {"javascript:", "vbscript:", "data:"}) {
      for (std::string_view attr : {" href=\"", " src=\""}) {
        size_t at = tag.find(attr);
        if (at != std::string_view::npos && tag.substr(at + attr.size(), bad.size()) == bad) {
          fail("script URL", input, out);
        }
      }
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  if (gongkai::render::is_plain_sanitized(input)) {
    gongkai::render::SanitizeLimits slow;
    slow.fast_path = false;
    auto parsed = gongkai::render::sanitize_html(input, slow);
    if (!parsed.ok() || parsed.html != input) fail("fast path disagrees with the parser", input, parsed.html);
  }
  auto first = gongkai::render::sanitize_html(input);
  (void)gongkai::render::html_to_text(input);
  if (!first.ok()) return 0;
  const std::string& out = first.html;
  if (!valid_utf8(out)) fail("invalid UTF-8", input, out);
  std::string l = lower(out);
  for (const char* bad : {"<script", "<style", "<iframe", "<svg", "<math", "<object", "<embed", "<noscript",
                          "<template", "<base", "<meta", "<link", "<form", "<textarea", "<!--"}) {
    if (l.find(bad) != std::string::npos) fail(bad, input, out);
  }
  check_tags(input, out);
  auto second = gongkai::render::sanitize_html(out);
  if (!second.ok() || second.html != out) fail("not idempotent", input, out, second.html);
  (void)gongkai::render::html_to_text(out);
  return 0;
}
