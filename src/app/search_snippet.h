#pragma once
// Highlighting of search matches, the same on both databases: the query's terms are found
// in the folded text (search/folding.h) and mapped back to the original bytes, so a
// Simplified query marks the Traditional or full-width text it matched.
//
// Contract.
//  * Needles: for each term that is not excluded, the runs of its query tokens that touch
//    each other (search/tokenizer.h offsets), as folded text: 信息公开 → 信息公开;
//    慈商〔2013〕12号 → 慈商, 2013, 12号; "信息 公开" → 信息, 公开.
//  * A needle that begins (ends) with a letter or digit outside CJK only matches where the
//    folded text has no letter, digit or mark just before (after) it, as the index matches
//    whole words: 2013 is not marked inside 20130.
//  * Output is a list of segments of the ORIGINAL text; `mark` segments are matches. The
//    segments are plain text: the page escapes them and adds the <mark> tags itself.
//    Runs of whitespace (including U+3000 and line breaks) become one space.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "search/query.h"

namespace gongkai::app {

struct TextSegment {
  std::string text;
  bool mark = false;
  friend bool operator==(const TextSegment&, const TextSegment&) = default;
};
using Segments = std::vector<TextSegment>;

// The folded strings to mark for query `q` (see above); empty unless q.ok().
std::vector<std::string> highlight_needles(const search::Query& q);

// The whole of `text` with every match of a needle marked.
Segments highlight_all(std::string_view text, const std::vector<std::string>& needles);

// About `width` characters of `text` around its first match (starting up to a fifth of the
// width before it), with every match inside marked; the start of the text when nothing
// matches. A cut end gets a plain "…" segment.
Segments make_snippet(std::string_view text, const std::vector<std::string>& needles, size_t width = 120);

// The segments' texts joined, with each mark as [text] (for tests and logs).
std::string segments_debug(const Segments& s);

}  // namespace gongkai::app
