// Fuzz target: highlighting (app/search_snippet.h) on arbitrary bytes. The input is a query,
// a line feed, then the text. Besides crashes and sanitizer reports it traps on broken
// promises: empty or whitespace-edged marks, two neighbouring segments of the same kind, and
// marked text that is not a piece of the original text.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "app/search_snippet.h"

namespace {

void require(bool ok) {
  if (!ok) __builtin_trap();
}

void check(const gongkai::app::Segments& segs, std::string_view text) {
  for (size_t i = 0; i < segs.size(); ++i) {
    const auto& s = segs[i];
    require(!s.text.empty());
    if (i > 0) require(segs[i - 1].mark != s.mark);
    if (s.mark) {
      require(s.text.front() != ' ' && s.text.back() != ' ');
      // Marks hold no whitespace run, so they are verbatim pieces of the text unless the
      // text had other whitespace there (tabs, line feeds, U+3000) that became spaces.
      if (s.text.find(' ') == std::string::npos) require(text.find(s.text) != std::string_view::npos);
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  size_t nl = in.find('\n');
  std::string_view query = in.substr(0, nl), text = nl == std::string_view::npos ? "" : in.substr(nl + 1);
  auto needles = gongkai::app::highlight_needles(gongkai::search::parse_query(query));
  check(gongkai::app::highlight_all(text, needles), text);
  for (size_t width : {size_t{1}, size_t{5}, size_t{40}}) check(gongkai::app::make_snippet(text, needles, width), text);
  return 0;
}
