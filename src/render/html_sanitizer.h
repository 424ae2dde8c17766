#pragma once
// Whitelist sanitising of item bodies (rich-text editor output, imported
// Word/WPS HTML) and their plain-text form for search and summaries.
//
// The input is parsed by gumbo as the HTML5 parser of a browser would parse
// it in a no-quirks page, and the tree is written back keeping only:
//   p br h2-h6 (h1 becomes h2) strong b em i u s sub sup blockquote ul ol li
//   table caption thead tbody tfoot tr th td a img span div pre code hr
//   figure figcaption
// with the attributes title (any kept element), a href (http, https, mailto,
// relative or fragment; absolute web links get rel="noopener noreferrer"),
// img src (http, https or relative) alt width height (digits), td/th colspan
// rowspan (digits) and th scope. Other elements are unwrapped (their content
// kept), except script style iframe object embed applet template noscript
// noembed noframes svg math form input button select option optgroup datalist
// textarea keygen head title meta link base frame frameset param audio video
// canvas, which are dropped with their content. Comments, control characters,
// `style`, `class`, `id` and event handlers never survive.
//
// The output is a well-formed fragment that a browser parses back into
// exactly the tree that was written: every element is closed, text and
// attribute values are escaped (& < > " '), and nesting a browser would
// rearrange (a p inside a p, an a inside an a, text loose in a table, rows
// outside a table, ...) is unwrapped before it is written. So sanitising is
// idempotent: sanitize_html(out.html).html == out.html.

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>

namespace gongkai::render {

struct SanitizeLimits {
  // Larger inputs are refused (kTooLarge).
  size_t max_input_bytes = 2u << 20;
  // Elements nested deeper than this are unwrapped, their text kept.
  int max_depth = 64;
  // Parser budget; a spent budget refuses the input (kTooComplex).
  size_t max_parse_memory_bytes = 256u << 20;
  std::chrono::milliseconds max_parse_time{3000};
  // Return input that is_plain_sanitized() accepts as it is, without parsing it. Off only in
  // tests that compare both paths.
  bool fast_path = true;
};

enum class SanitizeError {
  kNone,
  kTooLarge,    // over max_input_bytes
  kTooComplex,  // parser memory or time budget spent (pathological nesting)
};

struct SanitizeResult {
  bool ok() const { return error == SanitizeError::kNone; }

  // The safe fragment; empty unless ok().
  std::string html;
  SanitizeError error = SanitizeError::kNone;
  // For the editor, in Chinese; empty when ok().
  std::string message;
};

// Returns the whitelisted form of `untrusted` (any bytes; invalid UTF-8
// becomes U+FFFD), or an error for input over the limits. Never throws except
// std::bad_alloc.
SanitizeResult sanitize_html(std::string_view untrusted, const SanitizeLimits& limits = {});

// True when `html` is one of the simple fragments that sanitize_html returns unchanged:
// valid UTF-8 text without & < > " ', control characters (but tab and line feed), U+FEFF
// or leading white space, in top-level <p> elements and <br>, with b strong em i u s sub
// sup inside (no attributes, every element closed, none inside itself). Most bodies written
// in an editor or exported by the old systems are like that, and a linear scan of them is
// about ten times cheaper than parsing (the 1,000,000-item import, docs/benchmarks.md).
bool is_plain_sanitized(std::string_view html);

// Returns the text a reader sees in `html` (meant for sanitize_html output;
// safe on any input): entities decoded, runs of white space (including
// U+00A0 and U+3000) collapsed to one space, one line break at each block
// boundary and <br>, cells of a row separated by a space, <pre> kept as
// written, lines trimmed, no empty lines. Script, style and the other dropped
// elements contribute nothing. Returns "" if parsing exceeds the default
// parser budget of SanitizeLimits.
std::string html_to_text(std::string_view html);

}  // namespace gongkai::render
