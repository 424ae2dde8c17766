#include "render/html_sanitizer.h"

#include <gumbo.h>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <vector>

#include "render/html_parse.h"

namespace gongkai::render {
namespace {

// ---- What happens to each element ------------------------------------------

enum class Action { kKeep, kUnwrap, kDrop };

Action action_for(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_BR: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
    case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_STRONG: case GUMBO_TAG_B:
    case GUMBO_TAG_EM: case GUMBO_TAG_I: case GUMBO_TAG_U: case GUMBO_TAG_S: case GUMBO_TAG_SUB:
    case GUMBO_TAG_SUP: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_LI:
    case GUMBO_TAG_TABLE: case GUMBO_TAG_CAPTION: case GUMBO_TAG_THEAD: case GUMBO_TAG_TBODY:
    case GUMBO_TAG_TFOOT: case GUMBO_TAG_TR: case GUMBO_TAG_TH: case GUMBO_TAG_TD: case GUMBO_TAG_A:
    case GUMBO_TAG_IMG: case GUMBO_TAG_IMAGE: case GUMBO_TAG_SPAN: case GUMBO_TAG_DIV: case GUMBO_TAG_PRE:
    case GUMBO_TAG_CODE: case GUMBO_TAG_HR: case GUMBO_TAG_FIGURE: case GUMBO_TAG_FIGCAPTION:
      return Action::kKeep;
    // Executable, embedding, form and document-level elements, and fallback
    // content meant only for clients without the feature.
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_IFRAME: case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED: case GUMBO_TAG_APPLET: case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_NOEMBED: case GUMBO_TAG_NOFRAMES: case GUMBO_TAG_SVG: case GUMBO_TAG_MATH:
    case GUMBO_TAG_FORM: case GUMBO_TAG_INPUT: case GUMBO_TAG_BUTTON: case GUMBO_TAG_SELECT:
    case GUMBO_TAG_OPTION: case GUMBO_TAG_OPTGROUP: case GUMBO_TAG_DATALIST: case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_KEYGEN: case GUMBO_TAG_HEAD: case GUMBO_TAG_TITLE: case GUMBO_TAG_META:
    case GUMBO_TAG_LINK: case GUMBO_TAG_BASE: case GUMBO_TAG_FRAME: case GUMBO_TAG_FRAMESET:
    case GUMBO_TAG_PARAM: case GUMBO_TAG_AUDIO: case GUMBO_TAG_VIDEO: case GUMBO_TAG_CANVAS:
      return Action::kDrop;
    default:
      return Action::kUnwrap;
  }
}

bool is_void(GumboTag t) { return t == GUMBO_TAG_BR || t == GUMBO_TAG_IMG || t == GUMBO_TAG_HR; }

bool is_heading(GumboTag t) { return t >= GUMBO_TAG_H1 && t <= GUMBO_TAG_H6; }

// Elements whose children the parser restricts to table structure; anything
// else written there would be moved in front of the table ("foster parenting").
bool is_table_section(GumboTag t) {
  return t == GUMBO_TAG_TABLE || t == GUMBO_TAG_THEAD || t == GUMBO_TAG_TBODY || t == GUMBO_TAG_TFOOT ||
         t == GUMBO_TAG_TR;
}

// Kept elements whose start tag closes an open <p> ("in body" insertion mode).
bool closes_p(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_UL: case GUMBO_TAG_OL:
    case GUMBO_TAG_LI: case GUMBO_TAG_PRE: case GUMBO_TAG_TABLE: case GUMBO_TAG_HR: case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION:
      return true;
    default:
      return is_heading(t);
  }
}

// Kept elements in the parser's "special" category, which stop the search
// for an open <li>; div and p do not stop it.
bool stops_li_search(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_CAPTION: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_OL: case GUMBO_TAG_UL: case GUMBO_TAG_PRE: case GUMBO_TAG_TABLE: case GUMBO_TAG_TBODY:
    case GUMBO_TAG_THEAD: case GUMBO_TAG_TFOOT: case GUMBO_TAG_TR: case GUMBO_TAG_TD: case GUMBO_TAG_TH:
      return true;
    default:
      return is_heading(t);
  }
}

// Open elements a kept element needs, itself included, so that a table is
// only started where its rows and cells also fit under the depth limit.
int depth_needed(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_TABLE: return 4;
    case GUMBO_TAG_THEAD: case GUMBO_TAG_TBODY: case GUMBO_TAG_TFOOT: return 3;
    case GUMBO_TAG_TR: return 2;
    default: return is_void(t) ? 0 : 1;
  }
}

// ---- Text ------------------------------------------------------------------

// Decodes one UTF-8 sequence at s[i]; returns U+FFFD for a malformed one.
// *len receives the bytes consumed.
char32_t decode_utf8(std::string_view s, size_t i, size_t* len) {
  auto b = static_cast<unsigned char>(s[i]);
  int n = b < 0x80 ? 0 : b >= 0xC2 && b <= 0xDF ? 1 : b >= 0xE0 && b <= 0xEF ? 2 : b >= 0xF0 && b <= 0xF4 ? 3 : -1;
  *len = 1;
  if (n == 0) return b;
  if (n < 0 || i + n >= s.size()) return 0xFFFD;
  char32_t c = b & (0x3F >> n);
  for (int k = 1; k <= n; ++k) {
    auto cont = static_cast<unsigned char>(s[i + k]);
    if ((cont & 0xC0) != 0x80) return 0xFFFD;
    c = (c << 6) | (cont & 0x3F);
  }
  if ((n == 2 && c < 0x800) || (n == 3 && (c < 0x10000 || c > 0x10FFFF)) || (c >= 0xD800 && c <= 0xDFFF)) {
    return 0xFFFD;
  }
  *len = n + 1;
  return c;
}

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

// Returns `s` as valid UTF-8 without control characters: tab and line feed
// stay, form feed becomes a space, the rest of C0, DEL and C1 go, and so does
// U+FEFF (a byte order mark at the start of the output would be taken off by
// the next parse).
std::string clean_text(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    size_t len;
    char32_t c = decode_utf8(s, i, &len);
    i += len;
    if (c == '\t' || c == '\n') {
      out += static_cast<char>(c);
    } else if (c == '\f') {
      out += ' ';
    } else if (c >= 0x20 && !(c >= 0x7F && c <= 0x9F) && c != 0xFEFF) {
      append_utf8(out, c);
    }
  }
  return out;
}

void append_escaped(std::string& out, std::string_view s) {
  for (char ch : s) {
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += ch;
    }
  }
}

bool is_ascii_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; }

bool all_ascii_space(std::string_view s) {
  for (char c : s) {
    if (!is_ascii_space(c)) return false;
  }
  return true;
}

char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// ---- Attributes ------------------------------------------------------------

enum class UrlUse { kLink, kImage };

struct Url {
  std::string value;  // as it will be written, before escaping
  bool absolute_web;  // http(s) or scheme-relative "//host"
};

// Applies the browser's own URL clean-up (strip leading and trailing C0 and
// space, delete tab and newlines anywhere) so that "jav&#x09;ascript:" and
// " JavaScript:" are judged by the scheme the browser will see. Then accepts
// http, https, mailto (links only) and scheme-less URLs.
std::optional<Url> safe_url(std::string_view raw, UrlUse use) {
  std::string s = clean_text(raw);  // entities were decoded by the parser
  std::string v;
  for (char c : s) {
    if (c != '\t' && c != '\n' && c != '\r') v += c;
  }
  size_t b = 0, e = v.size();
  while (b < e && static_cast<unsigned char>(v[b]) <= 0x20) ++b;
  while (e > b && static_cast<unsigned char>(v[e - 1]) <= 0x20) --e;
  v = v.substr(b, e - b);
  if (v.empty() || v.size() > 8192) return std::nullopt;

  Url url{v, false};
  size_t i = 0;
  if ((v[0] >= 'a' && v[0] <= 'z') || (v[0] >= 'A' && v[0] <= 'Z')) {
    auto scheme_char = [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' || c == '-' ||
             c == '.';
    };
    while (i < v.size() && scheme_char(v[i])) ++i;
  }
  if (i > 0 && i < v.size() && v[i] == ':') {
    std::string scheme;
    for (size_t k = 0; k < i; ++k) scheme += ascii_lower(v[k]);
    if (scheme == "http" || scheme == "https") {
      url.absolute_web = true;
    } else if (!(scheme == "mailto" && use == UrlUse::kLink)) {
      return std::nullopt;
    }
  } else if (v.size() >= 2 && (v[0] == '/' || v[0] == '\\') && (v[1] == '/' || v[1] == '\\')) {
    url.absolute_web = true;  // browsers read "\\host" as "//host"
  }
  return url;
}

// Returns the decimal value of `v` (surrounding ASCII space allowed) if it is
// 1-5 digits within [lo, hi].
std::optional<int> small_number(std::string_view v, int lo, int hi) {
  while (!v.empty() && is_ascii_space(v.front())) v.remove_prefix(1);
  while (!v.empty() && is_ascii_space(v.back())) v.remove_suffix(1);
  if (v.empty() || v.size() > 5) return std::nullopt;
  int n = 0;
  for (char c : v) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + (c - '0');
  }
  if (n < lo || n > hi) return std::nullopt;
  return n;
}

void add_attribute(std::string& out, std::string_view name, std::string_view value) {
  out += ' ';
  out += name;
  out += "=\"";
  append_escaped(out, value);
  out += '"';
}

// Returns the attribute string of a kept element (leading space included), or
// nullopt when the element must not be written: <a> without a safe href,
// <img> without a safe src.
std::optional<std::string> filter_attributes(GumboTag tag, const GumboVector& attrs) {
  std::string out;
  bool has_url = false, absolute_web = false;
  for (unsigned i = 0; i < attrs.length; ++i) {
    auto* a = static_cast<const GumboAttribute*>(attrs.data[i]);
    if (a->attr_namespace != GUMBO_ATTR_NAMESPACE_NONE) continue;
    std::string_view name = a->name, value = a->value;
    if (name == "title") {
      add_attribute(out, name, clean_text(value));
    } else if ((tag == GUMBO_TAG_A && name == "href") || (tag == GUMBO_TAG_IMG && name == "src")) {
      auto url = safe_url(value, tag == GUMBO_TAG_A ? UrlUse::kLink : UrlUse::kImage);
      if (!url) return std::nullopt;
      add_attribute(out, name, url->value);
      has_url = true;
      absolute_web = url->absolute_web;
    } else if (tag == GUMBO_TAG_IMG && name == "alt") {
      add_attribute(out, name, clean_text(value));
    } else if (tag == GUMBO_TAG_IMG && (name == "width" || name == "height")) {
      if (auto n = small_number(value, 0, 99999)) add_attribute(out, name, std::to_string(*n));
    } else if ((tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) && name == "colspan") {
      if (auto n = small_number(value, 1, 1000)) add_attribute(out, name, std::to_string(*n));
    } else if ((tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) && name == "rowspan") {
      if (auto n = small_number(value, 0, 65534)) add_attribute(out, name, std::to_string(*n));
    } else if (tag == GUMBO_TAG_TH && name == "scope") {
      std::string v;
      for (char c : value) v += ascii_lower(c);
      if (v == "row" || v == "col" || v == "rowgroup" || v == "colgroup") add_attribute(out, name, v);
    }
  }
  if ((tag == GUMBO_TAG_A || tag == GUMBO_TAG_IMG) && !has_url) return std::nullopt;
  if (tag == GUMBO_TAG_A && absolute_web) out += " rel=\"noopener noreferrer\"";
  return out;
}

// ---- Writing ---------------------------------------------------------------

// Writes kept elements and text, tracking the open kept elements so that no
// element is written where the HTML parser would not put it back as a child of
// the current element.
class Writer {
 public:
  explicit Writer(int max_depth) : max_depth_(max_depth) {}

  // Walks `body`'s subtree without recursion.
  void run(const GumboNode* body);
  std::string take() { return std::move(out_); }

 private:
  struct Frame {
    const GumboNode* node;
    unsigned next_child;
    bool written;  // its end tag is due
  };

  // Returns true if a start tag `t` written now is parsed as a child of the
  // current element (given that everything open is closed in order).
  bool allowed_here(GumboTag t) const;
  bool open_in_scope(GumboTag wanted, bool (*stop)(GumboTag)) const;
  // Handles one element; returns true if its children are to be visited.
  bool start_element(const GumboNode* node, bool* written);
  void text(std::string_view raw);

  int max_depth_;
  std::string out_;
  std::vector<GumboTag> open_;
  bool after_pre_start_ = false;
};

bool Writer::open_in_scope(GumboTag wanted, bool (*stop)(GumboTag)) const {
  for (auto it = open_.rbegin(); it != open_.rend(); ++it) {
    if (*it == wanted) return true;
    if (stop(*it)) return false;
  }
  return false;
}

bool Writer::allowed_here(GumboTag t) const {
  GumboTag top = open_.empty() ? GUMBO_TAG_BODY : open_.back();
  switch (t) {
    case GUMBO_TAG_CAPTION: case GUMBO_TAG_THEAD: case GUMBO_TAG_TBODY: case GUMBO_TAG_TFOOT:
      return top == GUMBO_TAG_TABLE;
    case GUMBO_TAG_TR:
      return top == GUMBO_TAG_THEAD || top == GUMBO_TAG_TBODY || top == GUMBO_TAG_TFOOT;
    case GUMBO_TAG_TD: case GUMBO_TAG_TH:
      return top == GUMBO_TAG_TR;
    default:
      break;
  }
  if (is_table_section(top)) return false;
  // Button scope for <p>: table, td, th and caption bound it.
  auto p_scope_end = [](GumboTag x) {
    return x == GUMBO_TAG_TABLE || x == GUMBO_TAG_TD || x == GUMBO_TAG_TH || x == GUMBO_TAG_CAPTION;
  };
  if (closes_p(t) && open_in_scope(GUMBO_TAG_P, p_scope_end)) return false;
  if (is_heading(t) && is_heading(top)) return false;
  if (t == GUMBO_TAG_LI && open_in_scope(GUMBO_TAG_LI, stops_li_search)) return false;
  // An open <a> since the last cell or caption (the formatting-list marker).
  auto marker = [](GumboTag x) { return x == GUMBO_TAG_TD || x == GUMBO_TAG_TH || x == GUMBO_TAG_CAPTION; };
  if (t == GUMBO_TAG_A && open_in_scope(GUMBO_TAG_A, marker)) return false;
  return true;
}

bool Writer::start_element(const GumboNode* node, bool* written) {
  *written = false;
  const GumboElement& e = node->v.element;
  if (e.tag_namespace != GUMBO_NAMESPACE_HTML) return false;  // inside <svg> or <math>
  Action action = action_for(e.tag);
  if (action == Action::kDrop) return false;
  GumboTag tag = e.tag == GUMBO_TAG_H1 ? GUMBO_TAG_H2 : e.tag == GUMBO_TAG_IMAGE ? GUMBO_TAG_IMG : e.tag;
  if (action == Action::kUnwrap) return true;

  auto attrs = filter_attributes(tag, e.attributes);
  if (!attrs || !allowed_here(tag) ||
      static_cast<int>(open_.size()) + depth_needed(tag) > max_depth_) {
    return !is_void(tag);  // unwrapped
  }
  out_ += '<';
  out_ += gumbo_normalized_tagname(tag);
  out_ += *attrs;
  out_ += '>';
  after_pre_start_ = tag == GUMBO_TAG_PRE;
  if (is_void(tag)) return false;
  open_.push_back(tag);
  *written = true;
  return true;
}

void Writer::text(std::string_view raw) {
  std::string s = clean_text(raw);
  if (s.empty()) return;
  // Text loose in a table would be moved in front of it; the parser only
  // leaves white space there.
  if (!open_.empty() && is_table_section(open_.back()) && !all_ascii_space(s)) return;
  // The parser drops one newline right after <pre>; keep a leading one alive.
  if (after_pre_start_ && s[0] == '\n') out_ += '\n';
  after_pre_start_ = false;
  append_escaped(out_, s);
}

void Writer::run(const GumboNode* body) {
  std::vector<Frame> frames{{body, 0, false}};
  while (!frames.empty()) {
    Frame& f = frames.back();
    const GumboVector& children = f.node->v.element.children;
    if (f.next_child == children.length) {
      if (f.written) {
        out_ += "</";
        out_ += gumbo_normalized_tagname(open_.back());
        out_ += '>';
        open_.pop_back();
        after_pre_start_ = false;
      }
      frames.pop_back();
      continue;
    }
    auto* child = static_cast<const GumboNode*>(children.data[f.next_child++]);
    switch (child->type) {
      case GUMBO_NODE_TEXT: case GUMBO_NODE_WHITESPACE: case GUMBO_NODE_CDATA:
        text(child->v.text.text);
        break;
      case GUMBO_NODE_ELEMENT: case GUMBO_NODE_TEMPLATE: {
        bool written;
        if (start_element(child, &written)) frames.push_back({child, 0, written});  // invalidates f
        break;
      }
      default:  // comments
        break;
    }
  }
}

// ---- Plain text ------------------------------------------------------------

// Elements that start and end a line in html_to_text.
bool is_block(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_ASIDE: case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_CAPTION: case GUMBO_TAG_CENTER: case GUMBO_TAG_DD: case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_DIR: case GUMBO_TAG_DIV: case GUMBO_TAG_DL: case GUMBO_TAG_DT: case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_FIGURE: case GUMBO_TAG_FOOTER: case GUMBO_TAG_HEADER:
    case GUMBO_TAG_HGROUP: case GUMBO_TAG_HR: case GUMBO_TAG_LEGEND: case GUMBO_TAG_LI: case GUMBO_TAG_LISTING:
    case GUMBO_TAG_MAIN: case GUMBO_TAG_MENU: case GUMBO_TAG_NAV: case GUMBO_TAG_OL: case GUMBO_TAG_P:
    case GUMBO_TAG_PLAINTEXT: case GUMBO_TAG_PRE: case GUMBO_TAG_SECTION: case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_TABLE: case GUMBO_TAG_TBODY: case GUMBO_TAG_TFOOT: case GUMBO_TAG_THEAD: case GUMBO_TAG_TR:
    case GUMBO_TAG_UL: case GUMBO_TAG_XMP:
      return true;
    default:
      return is_heading(t);
  }
}

// Collects text with collapsed white space; separators are held back until
// visible text follows, so lines never start or end with one.
class TextBuilder {
 public:
  enum class Gap { kNone, kSpace, kLine };

  void gap(Gap g) {
    if (g > pending_) pending_ = g;
  }

  void text(std::string_view raw, bool pre) {
    std::string s = clean_text(raw);
    for (size_t i = 0; i < s.size();) {
      size_t len;
      char32_t c = decode_utf8(s, i, &len);
      if (pre && c == '\n') {
        gap(Gap::kLine);
      } else if (c == ' ' || c == '\t' || c == '\n' || c == 0xA0 || c == 0x3000) {
        gap(Gap::kSpace);
      } else {
        if (pending_ != Gap::kNone && !out_.empty()) out_ += pending_ == Gap::kLine ? '\n' : ' ';
        pending_ = Gap::kNone;
        out_.append(s, i, len);
      }
      i += len;
    }
  }

  std::string take() { return std::move(out_); }

 private:
  std::string out_;
  Gap pending_ = Gap::kNone;
};

}  // namespace

bool is_plain_sanitized(std::string_view html) {
  // Open elements, innermost last; p only at the top level, phrasing ones anywhere but
  // never inside themselves (browsers reparent nested formatting elements).
  constexpr std::string_view kPhrasing[] = {"b", "strong", "em", "i", "u", "s", "sub", "sup"};
  constexpr size_t kMaxOpen = 8;
  std::string_view open[kMaxOpen];
  size_t depth = 0;
  auto is_open = [&](std::string_view name) {
    for (size_t k = 0; k < depth; ++k) {
      if (open[k] == name) return true;
    }
    return false;
  };
  // The parser drops white space before the first element or text.
  if (!html.empty() && is_ascii_space(html[0])) return false;
  for (size_t i = 0; i < html.size();) {
    auto b = static_cast<unsigned char>(html[i]);
    if (b == '<') {
      size_t gt = html.find('>', i);
      if (gt == std::string_view::npos) return false;
      std::string_view tag = html.substr(i + 1, gt - i - 1);
      i = gt + 1;
      bool closing = !tag.empty() && tag[0] == '/';
      std::string_view name = closing ? tag.substr(1) : tag;
      if (name == "br" && !closing) continue;
      bool phrasing = std::find(std::begin(kPhrasing), std::end(kPhrasing), name) != std::end(kPhrasing);
      if (!phrasing && name != "p") return false;
      if (closing) {
        if (depth == 0 || open[depth - 1] != name) return false;
        --depth;
        continue;
      }
      if ((name == "p" && depth > 0) || is_open(name) || depth == kMaxOpen) return false;
      open[depth++] = name;
      continue;
    }
    if (b < 0x80) {
      if (b == '&' || b == '>' || b == '"' || b == '\'' || b == 0x7F) return false;
      if (b < 0x20 && b != '\t' && b != '\n') return false;
      ++i;
      continue;
    }
    size_t len;
    char32_t c = decode_utf8(html, i, &len);
    if (c == 0xFFFD || (c >= 0x80 && c <= 0x9F) || c == 0xFEFF) return false;
    i += len;
  }
  return depth == 0;
}

SanitizeResult sanitize_html(std::string_view untrusted, const SanitizeLimits& limits) {
  SanitizeResult r;
  if (untrusted.size() > limits.max_input_bytes) {
    r.error = SanitizeError::kTooLarge;
    size_t kb = limits.max_input_bytes / 1024;
    std::string size = kb % 1024 == 0 ? std::to_string(kb / 1024) + "MB" : std::to_string(kb) + "KB";
    r.message = "正文内容过大（超过" + size + "），请删减内容或将大段内容改为附件后重试。";
    return r;
  }
  if (limits.fast_path && is_plain_sanitized(untrusted)) {
    r.html = std::string(untrusted);
    return r;
  }
  HtmlParseStatus status;
  auto doc = ParsedHtml::parse(untrusted, {limits.max_parse_memory_bytes, limits.max_parse_time}, &status);
  if (!doc) {
    r.error = SanitizeError::kTooComplex;
    r.message = "正文结构过于复杂（标签嵌套过深或过多），无法处理，请清除格式后重新粘贴。";
    return r;
  }
  if (doc->body() == nullptr) return r;
  Writer w(limits.max_depth);
  w.run(doc->body());
  r.html = w.take();
  return r;
}

std::string html_to_text(std::string_view html) {
  SanitizeLimits defaults;
  HtmlParseStatus status;
  auto doc = ParsedHtml::parse(html, {defaults.max_parse_memory_bytes, defaults.max_parse_time}, &status);
  if (!doc || doc->body() == nullptr) return "";

  struct Frame {
    const GumboNode* node;
    unsigned next_child;
  };
  TextBuilder tb;
  std::vector<Frame> frames{{doc->body(), 0}};
  int in_pre = 0;
  while (!frames.empty()) {
    Frame& f = frames.back();
    const GumboVector& children = f.node->v.element.children;
    if (f.next_child == children.length) {
      GumboTag tag = f.node->v.element.tag;
      if (is_block(tag)) tb.gap(TextBuilder::Gap::kLine);
      if (tag == GUMBO_TAG_PRE || tag == GUMBO_TAG_LISTING || tag == GUMBO_TAG_XMP || tag == GUMBO_TAG_PLAINTEXT) {
        --in_pre;
      }
      frames.pop_back();
      continue;
    }
    auto* child = static_cast<const GumboNode*>(children.data[f.next_child++]);
    if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_WHITESPACE || child->type == GUMBO_NODE_CDATA) {
      tb.text(child->v.text.text, in_pre > 0);
      continue;
    }
    if (child->type != GUMBO_NODE_ELEMENT) continue;
    const GumboElement& e = child->v.element;
    if (e.tag_namespace != GUMBO_NAMESPACE_HTML || action_for(e.tag) == Action::kDrop) continue;
    if (e.tag == GUMBO_TAG_BR) tb.gap(TextBuilder::Gap::kLine);
    if (e.tag == GUMBO_TAG_TD || e.tag == GUMBO_TAG_TH) tb.gap(TextBuilder::Gap::kSpace);
    if (is_block(e.tag)) tb.gap(TextBuilder::Gap::kLine);
    if (e.tag == GUMBO_TAG_PRE || e.tag == GUMBO_TAG_LISTING || e.tag == GUMBO_TAG_XMP || e.tag == GUMBO_TAG_PLAINTEXT) {
      ++in_pre;
    }
    frames.push_back({child, 0});  // invalidates f
  }
  return tb.take();
}

}  // namespace gongkai::render
