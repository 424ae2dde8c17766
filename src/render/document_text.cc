#include "render/document_text.h"

namespace gongkai::render {
namespace {

// Decodes one code point at s[i]; returns its length, or 0 when the sequence is malformed
// (overlong forms, surrogates and values past U+10FFFF count as malformed).
size_t decode(std::string_view s, size_t i, char32_t& cp) {
  auto b = [&](size_t k) { return static_cast<unsigned char>(s[i + k]); };
  unsigned char c = b(0);
  if (c < 0x80) {
    cp = c;
    return 1;
  }
  size_t len;
  char32_t min;
  if ((c & 0xE0) == 0xC0) {
    len = 2, cp = c & 0x1F, min = 0x80;
  } else if ((c & 0xF0) == 0xE0) {
    len = 3, cp = c & 0x0F, min = 0x800;
  } else if ((c & 0xF8) == 0xF0) {
    len = 4, cp = c & 0x07, min = 0x10000;
  } else {
    return 0;
  }
  if (i + len > s.size()) return 0;
  for (size_t k = 1; k < len; ++k) {
    if ((b(k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b(k) & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return len;
}

bool allowed(char32_t cp) {
  if (cp == '\t' || cp == '\n') return true;
  if (cp < 0x20 || cp == 0x7F) return false;
  if (cp >= 0x80 && cp <= 0x9F) return false;
  if (cp == 0xFFFE || cp == 0xFFFF) return false;
  return true;
}

// Walks cleaned code points of `in`, handing each one's UTF-8 bytes to `emit`.
template <typename Emit>
void walk_clean(std::string_view in, Emit emit) {
  static constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
  for (size_t i = 0; i < in.size();) {
    char32_t cp = 0;
    size_t len = decode(in, i, cp);
    if (len == 0) {
      emit(kReplacement);
      ++i;
      continue;
    }
    if (cp == '\r') {
      // CRLF and a lone CR both end a line.
      if (i + 1 < in.size() && in[i + 1] == '\n') ++i;
      emit(std::string_view("\n"));
    } else if (allowed(cp)) {
      emit(in.substr(i, len));
    }
    i += len;
  }
}

}  // namespace

std::string clean_text(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  walk_clean(in, [&](std::string_view piece) { out += piece; });
  return out;
}

void append_xml_escaped(std::string& out, std::string_view in) {
  walk_clean(in, [&](std::string_view piece) {
    if (piece.size() == 1) {
      switch (piece[0]) {
        case '&': out += "&amp;"; return;
        case '<': out += "&lt;"; return;
        case '>': out += "&gt;"; return;
        case '"': out += "&quot;"; return;
        case '\'': out += "&#39;"; return;
        default: break;
      }
    }
    out += piece;
  });
}

std::string xml_escape(std::string_view in) {
  std::string out;
  out.reserve(in.size() + in.size() / 8);
  append_xml_escaped(out, in);
  return out;
}

size_t utf8_length(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

std::string utf8_prefix(std::string_view s, size_t n) {
  size_t count = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
      if (count == n) return std::string(s.substr(0, i));
      ++count;
    }
  }
  return std::string(s);
}

}  // namespace gongkai::render
