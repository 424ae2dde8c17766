#pragma once
// Parsing untrusted HTML with gumbo under hard memory and time limits.
//
// gumbo 0.10 has three failure modes on hostile input that a plain
// gumbo_parse() call does not guard against: gumbo_destroy_output() recurses
// once per nesting level (a few hundred thousand unclosed <span>s overflow the
// stack), reconstructing formatting elements can build millions of nodes from
// a few kilobytes (`<p>` + 2000 distinct `<b a=N>` + 2000 `<p>x` needs 1.5 GB),
// and scope checks make deep nesting quadratic (400k `<b>`: 20 s). Here every
// gumbo allocation goes through a counting allocator that aborts the parse when
// the budget is spent, and the tree is freed by sweeping the allocation list,
// never by walking the tree.

#include <gumbo.h>

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace gongkai::render {

struct HtmlParseLimits {
  // Bytes gumbo may hold at once, bookkeeping included.
  size_t max_memory_bytes = 256u << 20;
  // Wall-clock time the parse may take.
  std::chrono::milliseconds max_time{3000};
};

enum class HtmlParseStatus { kOk, kOutOfMemory, kTimeout };

// A parsed document. Owns its input copy and every node; not copyable.
class ParsedHtml {
 public:
  // Parses `html` as the body of a no-quirks document ("<!DOCTYPE html><body>"
  // is put in front, so leading whitespace stays in the body, <frameset> is
  // ignored and a leading BOM is dropped). On a spent budget, *status says
  // which and the result is null.
  static std::unique_ptr<ParsedHtml> parse(std::string_view html, const HtmlParseLimits& limits,
                                           HtmlParseStatus* status);

  ParsedHtml(const ParsedHtml&) = delete;
  ParsedHtml& operator=(const ParsedHtml&) = delete;
  ~ParsedHtml();

  // The <body> element; everything the input put on the page is below it.
  const GumboNode* body() const { return body_; }

 private:
  struct Arena;
  ParsedHtml() = default;

  std::string buffer_;  // gumbo keeps pointers into it
  std::unique_ptr<Arena> arena_;
  const GumboNode* body_ = nullptr;
};

}  // namespace gongkai::render
