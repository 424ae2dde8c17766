#include "render/body_text.h"

#include <array>

#include "render/html_sanitizer.h"

namespace gongkai::render {
namespace {

enum class Kind { kBlock, kInline, kBreak, kOther };

// How the scan treats an element of the sanitiser's whitelist; kOther for the rest.
Kind kind_of(std::string_view tag) {
  static constexpr std::array<std::string_view, 14> kBlocks = {
      "p", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "li", "div", "figure", "figcaption", "hr"};
  static constexpr std::array<std::string_view, 12> kInline = {
      "strong", "b", "em", "i", "u", "s", "sub", "sup", "a", "span", "code", "img"};
  if (tag == "br") return Kind::kBreak;
  for (auto b : kBlocks) {
    if (tag == b) return Kind::kBlock;
  }
  for (auto t : kInline) {
    if (tag == t) return Kind::kInline;
  }
  return Kind::kOther;
}

bool is_void(std::string_view tag) { return tag == "br" || tag == "hr" || tag == "img"; }

// html_to_text's TextBuilder: separators wait until visible text follows.
class Text {
 public:
  void line() { pending_ = 2; }
  void space() {
    if (pending_ < 1) pending_ = 1;
  }
  void append(std::string_view visible) {
    if (pending_ && !out_.empty()) out_ += pending_ == 2 ? '\n' : ' ';
    pending_ = 0;
    out_.append(visible);
  }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
  int pending_ = 0;  // 0 none, 1 space, 2 line
};

}  // namespace

std::optional<std::string> scan_sanitized_text(std::string_view h) {
  Text text;
  size_t i = 0, n = h.size();
  while (i < n) {
    unsigned char c = static_cast<unsigned char>(h[i]);
    if (c == '<') {
      bool closing = i + 1 < n && h[i + 1] == '/';
      size_t j = i + (closing ? 2 : 1), start = j;
      while (j < n && ((h[j] >= 'a' && h[j] <= 'z') || (h[j] >= '0' && h[j] <= '9'))) ++j;
      std::string_view tag = h.substr(start, j - start);
      Kind kind = kind_of(tag);
      if (kind == Kind::kOther || (closing && is_void(tag))) return std::nullopt;
      if (!closing) {
        // Attributes: ` name="value"` with the value escaped, so it holds no quote.
        while (j < n && h[j] == ' ') {
          ++j;
          while (j < n && ((h[j] >= 'a' && h[j] <= 'z') || h[j] == '-')) ++j;
          if (j + 1 >= n || h[j] != '=' || h[j + 1] != '"') return std::nullopt;
          size_t close = h.find('"', j + 2);
          if (close == std::string_view::npos) return std::nullopt;
          if (h.substr(j + 2, close - j - 2).find('<') != std::string_view::npos) return std::nullopt;
          j = close + 1;
        }
      }
      if (j >= n || h[j] != '>') return std::nullopt;
      i = j + 1;
      if (kind == Kind::kBlock || kind == Kind::kBreak) text.line();
      continue;
    }
    if (c == '&') {
      static constexpr std::array<std::pair<std::string_view, std::string_view>, 5> kEntities = {
          {{"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}}};
      bool found = false;
      for (auto [entity, ch] : kEntities) {
        if (h.substr(i, entity.size()) == entity) {
          text.append(ch);
          i += entity.size();
          found = true;
          break;
        }
      }
      if (!found) return std::nullopt;
      continue;
    }
    if (c < 0x80) {
      if (c == ' ' || c == '\t' || c == '\n') text.space();
      else if (c < 0x20 || c == 0x7F || c == '>' || c == '"' || c == '\'') return std::nullopt;
      else text.append(h.substr(i, 1));
      ++i;
      continue;
    }
    // A multi-byte UTF-8 sequence; anything malformed or unusual goes to the parser.
    size_t len = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
    if (len == 0 || i + len > n) return std::nullopt;
    char32_t cp = c & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
    for (size_t k = 1; k < len; ++k) {
      unsigned char cc = static_cast<unsigned char>(h[i + k]);
      if ((cc & 0xC0) != 0x80) return std::nullopt;
      cp = (cp << 6) | (cc & 0x3F);
    }
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
        (cp >= 0xD800 && cp <= 0xDFFF) || (cp >= 0x80 && cp <= 0x9F) || cp == 0xFEFF || (cp >= 0xFDD0 && cp <= 0xFDEF) ||
        (cp & 0xFFFE) == 0xFFFE) {
      return std::nullopt;
    }
    if (cp == 0xA0 || cp == 0x3000) text.space();
    else text.append(h.substr(i, len));
    i += len;
  }
  return text.take();
}

std::string sanitized_body_text(std::string_view html) {
  if (auto t = scan_sanitized_text(html)) return std::move(*t);
  return render::html_to_text(html);
}

}  // namespace gongkai::render
