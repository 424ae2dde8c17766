#include <gtest/gtest.h>
#include <gumbo.h>

#include <string>

#include "render/document.h"
#include "render/document_samples.h"

namespace gongkai::render {
namespace {

size_t count(const std::string& s, std::string_view what) {
  size_t n = 0;
  for (size_t i = s.find(what); i != std::string::npos; i = s.find(what, i + 1)) ++n;
  return n;
}

// Collects elements named `tag` from a parsed tree.
void collect(GumboNode* n, GumboTag tag, std::vector<GumboElement*>& out) {
  if (n->type != GUMBO_NODE_ELEMENT) return;
  if (n->v.element.tag == tag) out.push_back(&n->v.element);
  for (unsigned i = 0; i < n->v.element.children.length; ++i) {
    collect(static_cast<GumboNode*>(n->v.element.children.data[i]), tag, out);
  }
}

std::string attr(GumboElement* e, const char* name) {
  GumboAttribute* a = gumbo_get_attribute(&e->attributes, name);
  return a ? a->value : "";
}

TEST(DocumentHtml, Table3HeaderKeepsSpansAndScopes) {
  Document d;
  d.blocks.push_back(samples::table3_2021());
  std::string html = to_html(d);
  GumboOutput* g = gumbo_parse(html.c_str());
  std::vector<GumboElement*> ths, captions, theads;
  collect(g->root, GUMBO_TAG_TH, ths);
  collect(g->root, GUMBO_TAG_CAPTION, captions);
  collect(g->root, GUMBO_TAG_THEAD, theads);
  ASSERT_EQ(theads.size(), 1u);
  EXPECT_EQ(count(html, "<thead><tr>"), 1u);
  EXPECT_EQ(captions.size(), 1u);
  // Header: the corner 3x3, 申请人情况 over 7 columns, 自然人 2 rows down.
  ASSERT_GE(ths.size(), 9u);
  EXPECT_EQ(attr(ths[0], "colspan"), "3");
  EXPECT_EQ(attr(ths[0], "rowspan"), "3");
  EXPECT_EQ(attr(ths[0], "scope"), "colgroup");
  EXPECT_EQ(attr(ths[1], "colspan"), "7");
  EXPECT_EQ(attr(ths[2], "rowspan"), "2");
  EXPECT_EQ(attr(ths[2], "scope"), "col");
  // Row labels in the body are <th scope=row|rowgroup>.
  EXPECT_NE(html.find("<th scope=\"rowgroup\" rowspan=\"22\">三、本年度办理结果</th>"),
            std::string::npos);
  EXPECT_NE(html.find("<th scope=\"row\" colspan=\"3\">四、结转下年度继续办理</th>"),
            std::string::npos);
  EXPECT_NE(html.find("<td class=\"doc-center doc-num\">100</td>"), std::string::npos);
  EXPECT_EQ(count(html, "<tr>"), 28u);
  // The scrolling wrapper is a named region keyboard users can reach.
  EXPECT_NE(html.find("<div class=\"doc-table-wrap\" role=\"region\" tabindex=\"0\" "
                      "aria-label=\"三、收到和处理政府信息公开申请情况\">"),
            std::string::npos);
  EXPECT_EQ(count(html, "<col class=\"doc-w"), 10u);
  gumbo_destroy_output(&kGumboDefaultOptions, g);
}

TEST(DocumentHtml, EscapesEverything) {
  Document d;
  d.blocks.push_back(Heading{2, "<script>alert(1)</script>"});
  d.blocks.push_back(Paragraph{.text = "a & b\n\"c\" 'd' \x01"});
  Table t;
  t.caption = "<img src=x onerror=alert(1)>";
  t.rows = {{Cell{.text = "</td><td>"}}};
  d.blocks.push_back(t);
  std::string html = to_html(d);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_EQ(html.find('\x01'), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;"), std::string::npos);
  EXPECT_NE(html.find("a &amp; b<br>&quot;c&quot; &#39;d&#39; </p>"), std::string::npos);
  EXPECT_NE(html.find("<td>&lt;/td&gt;&lt;td&gt;</td>"), std::string::npos);
  EXPECT_NE(html.find("aria-label=\"&lt;img src=x onerror=alert(1)&gt;\""), std::string::npos);
}

TEST(DocumentHtml, ParagraphClassesAndPageBreak) {
  Document d;
  d.landscape = true;
  d.blocks.push_back(Heading{1, "标题"});
  d.blocks.push_back(Paragraph{.text = "正文"});
  d.blocks.push_back(Paragraph{.text = "慈溪市商务局", .align = Align::kRight});
  d.blocks.push_back(PageBreak{});
  d.blocks.push_back(Paragraph{.text = "加粗", .bold = true, .first_line_indent = false});
  std::string html = to_html(d);
  EXPECT_NE(html.find("<div class=\"doc doc-landscape\">"), std::string::npos);
  EXPECT_NE(html.find("<h1 class=\"doc-h1\">标题</h1>"), std::string::npos);
  EXPECT_NE(html.find("<p class=\"doc-p doc-indent\">正文</p>"), std::string::npos);
  EXPECT_NE(html.find("<p class=\"doc-p doc-right\">慈溪市商务局</p>"), std::string::npos);
  EXPECT_NE(html.find("<p class=\"doc-p doc-bold\">加粗</p>"), std::string::npos);
  EXPECT_NE(html.find("class=\"doc-page-break\""), std::string::npos);
}

}  // namespace
}  // namespace gongkai::render
