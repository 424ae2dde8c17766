#pragma once
// The plain text of an item body that render::sanitize_html wrote, without parsing it again
// when that is not needed.
//
// render::html_to_text parses its input with gumbo, which costs as much as sanitising it. But
// sanitize_html's output is canonical: every element it keeps is written with its end tag, text
// and attribute values are escaped with exactly &amp; &lt; &gt; &quot; &#39;, and a browser parses
// it back into exactly the tree written (render/html_sanitizer.h). For such text a linear scan
// finds the same elements and characters the parser would, so it can apply html_to_text's rules
// (block boundaries and <br> end lines, white space including U+00A0 and U+3000 collapses to one
// space, lines are trimmed, no empty lines) directly. Tables, <pre> and anything unexpected are
// left to html_to_text. body_text_test.cc and body_text_fuzz.cc check that both always agree.

#include <optional>
#include <string>
#include <string_view>

namespace gongkai::render {

// html_to_text(html) for `html` made only of the elements the scan knows (paragraphs,
// headings, lists, div, blockquote, figure, hr, br and inline elements), computed without a
// parser; nullopt when `html` holds anything else (tables, pre, other tags, other entities,
// control characters, invalid UTF-8).
std::optional<std::string> scan_sanitized_text(std::string_view html);

// The plain text of sanitize_html output: the scan when it applies, else html_to_text.
std::string sanitized_body_text(std::string_view html);

}  // namespace gongkai::render
