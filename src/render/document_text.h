#pragma once
// Text hygiene shared by the document writers: every string in a Document is untrusted, so
// each writer first makes it valid UTF-8 without the control characters XML forbids, then
// escapes it for its own format.

#include <string>
#include <string_view>

namespace gongkai::render {

// `in` as valid UTF-8: malformed sequences become U+FFFD; C0 controls other than tab and
// newline, a lone CR (CRLF and CR become '\n'), DEL, C1 controls, U+FFFE/U+FFFF and
// surrogates are dropped. The result is safe in XML 1.0 character data.
std::string clean_text(std::string_view in);

// clean_text, then & < > " ' escaped as entities: safe in XML/HTML text and quoted attributes.
std::string xml_escape(std::string_view in);

// Appends xml_escape(in) to out (the writers build large documents; this avoids copies).
void append_xml_escaped(std::string& out, std::string_view in);

// Number of Unicode code points in valid UTF-8 `s`.
size_t utf8_length(std::string_view s);

// The first `n` code points of valid UTF-8 `s`.
std::string utf8_prefix(std::string_view s, size_t n);

}  // namespace gongkai::render
