#pragma once
// Small UTF-8 helpers for the search module (internal).

#include <cstddef>
#include <cstdint>
#include <string>

namespace gongkai::search {

// Decodes the code point starting at s[i] (i < n). On success returns it and sets *len
// to its byte length. On an ill-formed sequence returns -1 and sets *len to the length
// of its maximal subpart (at least 1), as Unicode recommends for U+FFFD substitution.
// Surrogates, overlong forms and values above U+10FFFF are ill-formed.
inline int32_t decode_utf8(const char* s, size_t n, size_t i, size_t* len) {
  const auto* u = reinterpret_cast<const unsigned char*>(s);
  unsigned c = u[i];
  if (c < 0x80) { *len = 1; return static_cast<int32_t>(c); }
  if (c < 0xC2 || c > 0xF4) { *len = 1; return -1; }
  size_t need;
  uint32_t cp;
  unsigned lo = 0x80, hi = 0xBF;
  if (c < 0xE0) {
    need = 1; cp = c & 0x1F;
  } else if (c < 0xF0) {
    need = 2; cp = c & 0x0F;
    if (c == 0xE0) lo = 0xA0; else if (c == 0xED) hi = 0x9F;
  } else {
    need = 3; cp = c & 0x07;
    if (c == 0xF0) lo = 0x90; else if (c == 0xF4) hi = 0x8F;
  }
  for (size_t k = 1; k <= need; ++k) {
    if (i + k >= n) { *len = k; return -1; }
    unsigned b = u[i + k];
    if (b < lo || b > hi) { *len = k; return -1; }
    lo = 0x80; hi = 0xBF;
    cp = (cp << 6) | (b & 0x3F);
  }
  *len = need + 1;
  return static_cast<int32_t>(cp);
}

// Byte length of the UTF-8 encoding of a valid code point.
inline size_t utf8_length(char32_t c) { return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4; }

// Appends the UTF-8 encoding of a valid code point.
inline void append_utf8(char32_t c, std::string* out) {
  char b[4];
  size_t n = utf8_length(c);
  switch (n) {
    case 1: b[0] = static_cast<char>(c); break;
    case 2: b[0] = static_cast<char>(0xC0 | (c >> 6)); b[1] = static_cast<char>(0x80 | (c & 0x3F)); break;
    case 3:
      b[0] = static_cast<char>(0xE0 | (c >> 12)); b[1] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      b[2] = static_cast<char>(0x80 | (c & 0x3F));
      break;
    default:
      b[0] = static_cast<char>(0xF0 | (c >> 18)); b[1] = static_cast<char>(0x80 | ((c >> 12) & 0x3F));
      b[2] = static_cast<char>(0x80 | ((c >> 6) & 0x3F)); b[3] = static_cast<char>(0x80 | (c & 0x3F));
  }
  out->append(b, n);
}

}  // namespace gongkai::search
