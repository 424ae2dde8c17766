#include "render/html_sanitizer.h"

#include <gumbo.h>

#include <algorithm>
#include <cctype>
#include <set>
#include <vector>

namespace gongkai::render {
namespace {

constexpr int kMaxDepth = 64;

const std::set<std::string, std::less<>> kAllowed = {
    "p", "br", "h2", "h3", "h4", "h5", "h6", "strong", "b", "em", "i", "u", "s", "sub", "sup", "blockquote",
    "ul", "ol", "li", "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "a", "img", "span",
    "div", "pre", "code", "hr", "figure", "figcaption"};
const std::set<std::string, std::less<>> kDropWithContent = {
    "script", "style", "iframe", "object", "embed", "template", "noscript", "svg", "math", "form", "input",
    "button", "select", "textarea", "head", "title", "meta", "link", "base", "frame", "frameset", "applet"};
const std::set<std::string, std::less<>> kVoid = {"br", "hr", "img"};
const std::set<std::string, std::less<>> kBlock = {"p", "div", "h2", "h3", "h4", "h5", "h6", "li", "tr",
                                                   "blockquote", "pre", "br", "table", "ul", "ol", "hr", "figure"};

void escape(std::string& out, std::string_view s) {
  for (char ch : s) {
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      case '\0': break;
      default: out += ch;
    }
  }
}

// gumbo has already decoded entities; strip whitespace and control characters before
// looking at the scheme so "jav\tascript:" is seen for what it is.
bool safe_url(std::string_view url, bool allow_mailto) {
  std::string s;
  for (unsigned char ch : url) if (ch > 0x20 && ch != 0x7f) s += static_cast<char>(std::tolower(ch));
  auto colon = s.find(':');
  if (colon == std::string::npos) return true;
  auto first_special = s.find_first_of("/?#");
  if (first_special != std::string::npos && first_special < colon) return true;  // relative path with a colon later
  std::string scheme = s.substr(0, colon);
  return scheme == "http" || scheme == "https" || (allow_mailto && scheme == "mailto");
}

bool digits(std::string_view v) {
  return !v.empty() && v.size() <= 5 && std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; });
}

void attributes(std::string& out, const std::string& tag, const GumboVector& attrs) {
  bool external = false;
  for (unsigned i = 0; i < attrs.length; ++i) {
    auto* a = static_cast<GumboAttribute*>(attrs.data[i]);
    std::string_view name = a->name, value = a->value;
    bool keep = name == "title";
    if (tag == "a" && name == "href") {
      keep = safe_url(value, true);
      external = keep && (value.rfind("http://", 0) == 0 || value.rfind("https://", 0) == 0);
    }
    if (tag == "img" && name == "src") keep = safe_url(value, false);
    if (tag == "img" && (name == "alt")) keep = true;
    if (tag == "img" && (name == "width" || name == "height")) keep = digits(value);
    if ((tag == "td" || tag == "th") && (name == "colspan" || name == "rowspan")) keep = digits(value);
    if (tag == "th" && name == "scope") keep = value == "row" || value == "col" || value == "rowgroup" || value == "colgroup";
    if (!keep) continue;
    out += ' ';
    out += name;
    out += "=\"";
    escape(out, value);
    out += '"';
  }
  if (external) out += " rel=\"noopener noreferrer\"";
}

void walk(std::string& out, const GumboNode* node, int depth) {
  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE || node->type == GUMBO_NODE_CDATA) {
    escape(out, node->v.text.text);
    return;
  }
  if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT && node->type != GUMBO_NODE_TEMPLATE) return;
  const GumboVector* children = node->type == GUMBO_NODE_DOCUMENT ? &node->v.document.children : &node->v.element.children;
  std::string tag;
  if (node->type == GUMBO_NODE_ELEMENT) {
    if (node->v.element.tag == GUMBO_TAG_UNKNOWN) {
      GumboStringPiece piece = node->v.element.original_tag;
      gumbo_tag_from_original_text(&piece);
      tag.assign(piece.data, piece.length);
    } else {
      tag = gumbo_normalized_tagname(node->v.element.tag);
    }
    std::transform(tag.begin(), tag.end(), tag.begin(), [](unsigned char c) { return std::tolower(c); });
    if (node->v.element.tag_namespace != GUMBO_NAMESPACE_HTML) return;  // svg and math content
    if (kDropWithContent.count(tag)) return;
  }
  if (tag == "h1") tag = "h2";
  bool keep = !tag.empty() && kAllowed.count(tag) && depth < kMaxDepth;
  if (keep) {
    out += '<';
    out += tag;
    attributes(out, tag, node->v.element.attributes);
    out += '>';
    if (kVoid.count(tag)) return;
  }
  for (unsigned i = 0; i < children->length; ++i) walk(out, static_cast<GumboNode*>(children->data[i]), depth + 1);
  if (keep) {
    out += "</";
    out += tag;
    out += '>';
  }
}

}  // namespace

SanitizeResult sanitize_html(std::string_view untrusted) {
  SanitizeResult r;
  if (untrusted.size() > kMaxSanitizeInput) {
    r.error = "正文过长（不能超过2MB）";
    return r;
  }
  std::string input(untrusted);
  input.erase(std::remove(input.begin(), input.end(), '\0'), input.end());
  GumboOptions opts = kGumboDefaultOptions;
  GumboOutput* doc = gumbo_parse_with_options(&opts, input.data(), input.size());
  // Only the body's content: the parser wraps fragments in html/head/body.
  const GumboNode* root = doc->root;
  const GumboVector& kids = root->v.element.children;
  for (unsigned i = 0; i < kids.length; ++i) {
    auto* n = static_cast<GumboNode*>(kids.data[i]);
    if (n->type == GUMBO_NODE_ELEMENT && n->v.element.tag == GUMBO_TAG_BODY) {
      const GumboVector& body = n->v.element.children;
      for (unsigned j = 0; j < body.length; ++j) walk(r.html, static_cast<GumboNode*>(body.data[j]), 0);
    }
  }
  gumbo_destroy_output(&opts, doc);
  return r;
}

std::string html_to_text(std::string_view html) {
  std::string out;
  std::string input(html);
  GumboOutput* doc = gumbo_parse_with_options(&kGumboDefaultOptions, input.data(), input.size());
  std::vector<std::pair<const GumboNode*, bool>> stack{{doc->root, false}};
  while (!stack.empty()) {
    auto [n, closing] = stack.back();
    stack.pop_back();
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE) {
      out += n->v.text.text;
      continue;
    }
    if (n->type != GUMBO_NODE_ELEMENT) continue;
    const char* tag = gumbo_normalized_tagname(n->v.element.tag);
    if (closing) {
      if (kBlock.count(tag) && !out.empty() && out.back() != '\n') out += '\n';
      continue;
    }
    stack.push_back({n, true});
    const GumboVector& ch = n->v.element.children;
    for (unsigned i = ch.length; i-- > 0;) stack.push_back({static_cast<GumboNode*>(ch.data[i]), false});
  }
  gumbo_destroy_output(&kGumboDefaultOptions, doc);
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  return out;
}

}  // namespace gongkai::render
