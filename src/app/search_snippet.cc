#include "app/search_snippet.h"

#include <unicode/uchar.h>

#include <algorithm>

#include "search/cjk.h"
#include "search/folding.h"

namespace gongkai::app {
namespace {

using Span = std::pair<size_t, size_t>;  // [first, last) folded characters

// A character that continues a word token: a letter, digit or mark outside CJK.
bool is_word(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
  return (U_GET_GC_MASK(c) & (U_GC_L_MASK | U_GC_N_MASK | U_GC_M_MASK)) != 0 && !search::is_cjk_char(c);
}

char32_t first_cp(std::string_view s) {
  std::string folded;
  std::vector<search::FoldedChar> chars;
  search::fold_mapped(s, &folded, &chars);
  return chars.empty() ? 0 : chars.front().cp;
}

char32_t last_cp(std::string_view s) {
  std::string folded;
  std::vector<search::FoldedChar> chars;
  search::fold_mapped(s, &folded, &chars);
  return chars.empty() ? 0 : chars.back().cp;
}

struct Folded {
  std::string text;
  std::vector<search::FoldedChar> chars;
};

// The index of the folded character that starts at byte `out`, or the next one.
size_t char_at(const Folded& f, size_t out) {
  auto it = std::lower_bound(f.chars.begin(), f.chars.end(), out,
                             [](const search::FoldedChar& c, size_t o) { return c.out < o; });
  return static_cast<size_t>(it - f.chars.begin());
}

std::vector<Span> find_matches(const Folded& f, const std::vector<std::string>& needles) {
  std::vector<Span> spans;
  const size_t n = f.chars.size();
  for (const auto& needle : needles) {
    if (needle.empty()) continue;
    bool word_start = is_word(first_cp(needle)), word_end = is_word(last_cp(needle));
    for (size_t pos = f.text.find(needle); pos != std::string::npos; pos = f.text.find(needle, pos + 1)) {
      size_t a = char_at(f, pos), b = char_at(f, pos + needle.size());
      if (a >= b) continue;
      if (word_start && a > 0 && is_word(f.chars[a - 1].cp)) continue;
      if (word_end && b < n && is_word(f.chars[b].cp)) continue;
      spans.push_back({a, b});
    }
  }
  std::sort(spans.begin(), spans.end());
  std::vector<Span> merged;
  for (const auto& s : spans) {
    if (!merged.empty() && s.first <= merged.back().second) merged.back().second = std::max(merged.back().second, s.second);
    else merged.push_back(s);
  }
  return merged;
}

bool is_space_at(std::string_view s, size_t i, size_t* len) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
    *len = 1;
    return true;
  }
  if (s.substr(i, 3) == "\u3000") {  // ideographic space
    *len = 3;
    return true;
  }
  if (s.substr(i, 2) == "\u00a0") {
    *len = 2;
    return true;
  }
  return false;
}

// Appends text to the segments with whitespace runs made single spaces.
void append(Segments* out, std::string_view text, bool mark) {
  std::string t;
  t.reserve(text.size());
  bool space = !out->empty() && !out->back().text.empty() && out->back().text.back() == ' ';
  for (size_t i = 0; i < text.size();) {
    size_t len = 0;
    if (is_space_at(text, i, &len)) {
      if (!space && !(out->empty() && t.empty())) t += ' ';
      space = true;
      i += len;
    } else {
      t += text[i++];
      space = false;
    }
  }
  if (t.empty()) return;
  if (!out->empty() && out->back().mark == mark) out->back().text += t;
  else out->push_back({std::move(t), mark});
}

// Segments of text[begin, end) with the spans (folded characters) marked.
Segments build(std::string_view text, const Folded& f, const std::vector<Span>& spans, size_t begin, size_t end) {
  Segments out;
  size_t cursor = begin;
  for (const auto& [a, b] : spans) {
    size_t ms = std::max<size_t>(f.chars[a].src_begin, cursor), me = std::min<size_t>(f.chars[b - 1].src_end, end);
    if (ms >= end) break;
    if (me <= ms) continue;
    if (ms > cursor) append(&out, text.substr(cursor, ms - cursor), false);
    append(&out, text.substr(ms, me - ms), true);
    cursor = me;
  }
  if (end > cursor) append(&out, text.substr(cursor, end - cursor), false);
  while (!out.empty() && !out.back().mark && !out.back().text.empty() && out.back().text.back() == ' ') {
    out.back().text.pop_back();
    if (out.back().text.empty()) out.pop_back();
  }
  return out;
}

}  // namespace

std::vector<std::string> highlight_needles(const search::Query& q) {
  std::vector<std::string> out;
  if (!q.ok()) return out;
  for (const auto& t : q.terms) {
    if (t.exclude || t.tokens.empty()) continue;
    size_t a = t.tokens[0].start, b = t.tokens[0].end;
    for (size_t k = 1; k <= t.tokens.size(); ++k) {
      if (k < t.tokens.size() && t.tokens[k].start <= b) {
        b = std::max<size_t>(b, t.tokens[k].end);
        continue;
      }
      std::string piece = t.text.substr(a, b - a);
      if (std::find(out.begin(), out.end(), piece) == out.end()) out.push_back(piece);
      if (k < t.tokens.size()) {
        a = t.tokens[k].start;
        b = t.tokens[k].end;
      }
    }
  }
  // Longer needles first, so that a mark covers the longest match.
  std::stable_sort(out.begin(), out.end(), [](const std::string& x, const std::string& y) { return x.size() > y.size(); });
  return out;
}

Segments highlight_all(std::string_view text, const std::vector<std::string>& needles) {
  Folded f;
  search::fold_mapped(text, &f.text, &f.chars);
  return build(text, f, find_matches(f, needles), 0, text.size());
}

Segments make_snippet(std::string_view text, const std::vector<std::string>& needles, size_t width) {
  Folded f;
  search::fold_mapped(text, &f.text, &f.chars);
  const size_t n = f.chars.size();
  if (n == 0) return {};
  auto spans = find_matches(f, needles);
  size_t first = spans.empty() ? 0 : spans.front().first;
  size_t start = first > width / 5 ? first - width / 5 : 0;
  size_t stop = std::min(n, start + width);
  if (stop - start < width) start = stop > width ? stop - width : 0;
  size_t begin = start == 0 ? 0 : f.chars[start].src_begin;
  size_t end = stop == n ? text.size() : f.chars[stop].src_begin;
  Segments out;
  if (start > 0) out.push_back({"…", false});
  for (auto& s : build(text, f, spans, begin, end)) {
    if (!out.empty() && !out.back().mark && !s.mark) out.back().text += s.text;
    else out.push_back(std::move(s));
  }
  if (stop < n) {
    if (!out.empty() && !out.back().mark) out.back().text += "…";
    else out.push_back({"…", false});
  }
  return out;
}

std::string segments_debug(const Segments& s) {
  std::string out;
  for (const auto& seg : s) out += seg.mark ? "[" + seg.text + "]" : seg.text;
  return out;
}

}  // namespace gongkai::app
