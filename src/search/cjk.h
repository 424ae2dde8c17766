#pragma once
// Which code points the tokenizer treats as CJK (the same test as search/tokenizer.cc):
// Han ideographs, kana (and ー) and hangul. For code outside the tokenizer that must agree
// with it (highlighting, PostgreSQL phrase rendering).

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <string_view>

namespace gongkai::search {

inline bool is_cjk_char(char32_t c) {
  if (c < 0x1100) return false;
  if (c >= 0x4E00 && c <= 0x9FFF) return true;
  if (c == 0x30FC) return true;  // ー, script Common
  if (u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_IDEOGRAPHIC)) return true;
  UErrorCode st = U_ZERO_ERROR;
  UScriptCode sc = uscript_getScript(static_cast<UChar32>(c), &st);
  return sc == USCRIPT_HAN || sc == USCRIPT_HIRAGANA || sc == USCRIPT_KATAKANA || sc == USCRIPT_HANGUL;
}

// The first code point of valid UTF-8 text and its byte length (0, 0 for empty text).
inline char32_t first_code_point(std::string_view s, size_t* len) {
  if (s.empty()) {
    *len = 0;
    return 0;
  }
  auto u = static_cast<unsigned char>(s[0]);
  size_t n = u < 0x80 ? 1 : u < 0xE0 ? 2 : u < 0xF0 ? 3 : 4;
  if (n > s.size()) n = s.size();
  char32_t c = n == 1 ? u : u & (0xFF >> (n + 1));
  for (size_t i = 1; i < n; ++i) c = (c << 6) | (static_cast<unsigned char>(s[i]) & 0x3F);
  *len = n;
  return c;
}

}  // namespace gongkai::search
