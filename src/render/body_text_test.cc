#include "render/body_text.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>

#include "render/html_sanitizer.h"

namespace gongkai::render {
namespace {

// Sanitises `input` and, when the scan applies, checks it against html_to_text.
// Returns whether the scan applied.
bool agrees(const std::string& input) {
  auto s = render::sanitize_html(input);
  if (!s.ok()) return false;
  auto scanned = scan_sanitized_text(s.html);
  if (scanned) EXPECT_EQ(*scanned, render::html_to_text(s.html)) << "input: " << input << "\nsanitised: " << s.html;
  EXPECT_EQ(sanitized_body_text(s.html), render::html_to_text(s.html));
  return scanned.has_value();
}

TEST(BodyTextTest, PlainParagraphBodiesAreScanned) {
  std::string body = "<p>为进一步做好商贸流通工作，现将有关事项通知如下：</p>\n<p>一、&nbsp;提高认识　加强领导</p>"
                     "<p>二、<strong>明确</strong>责任 &amp; <a href=\"http://x.cn/?a=1&b=2\" title='t\"'>分工</a></p>"
                     "<p>联系电话：63012345<br>传真：63012346</p><ul><li>一</li><li>二</li></ul><hr>"
                     "<h2>附件</h2><div><img src=\"a.png\" alt=\"图\">说明 &lt;见附件&gt;</div>";
  EXPECT_TRUE(agrees(body));
  auto t = scan_sanitized_text(render::sanitize_html(body).html);
  ASSERT_TRUE(t);
  EXPECT_NE(t->find("一、 提高认识 加强领导"), std::string::npos) << *t;
  EXPECT_NE(t->find("63012345\n传真"), std::string::npos) << *t;
}

TEST(BodyTextTest, TablesPreAndOddTextAreLeftToTheParser) {
  EXPECT_FALSE(scan_sanitized_text("<table><tbody><tr><td>甲</td><td>乙</td></tr></tbody></table>"));
  EXPECT_FALSE(scan_sanitized_text("<pre>\n  代码</pre>"));
  EXPECT_FALSE(scan_sanitized_text("<p>a&nbsp;b</p>"));   // not an entity the sanitiser writes
  EXPECT_FALSE(scan_sanitized_text("<p>a\rb</p>"));       // a control character
  EXPECT_FALSE(scan_sanitized_text("<p>\xff</p>"));       // invalid UTF-8
  EXPECT_FALSE(scan_sanitized_text("<p>a > b</p>"));      // the sanitiser escapes >
  EXPECT_FALSE(scan_sanitized_text("<blink>x</blink>"));
  EXPECT_FALSE(scan_sanitized_text("<p title=\"x>x</p>"));
  for (const char* s : {"<table><tr><td>甲</td><td>乙</td></tr></table>", "<pre>\n\nx  y</pre>"}) {
    agrees(s);
  }
}

TEST(BodyTextTest, AgreesWithHtmlToTextOnTheSanitiserCorpus) {
  int scanned = 0, total = 0;
  for (const auto& e : std::filesystem::directory_iterator(std::string(GK_SOURCE_DIR) +
                                                          "/src/render/testdata/html_sanitizer_fuzz_corpus")) {
    std::ifstream in(e.path(), std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    ++total;
    scanned += agrees(text);
  }
  EXPECT_GT(total, 5);
  EXPECT_GT(scanned, 0);
}

TEST(BodyTextTest, AgreesWithHtmlToTextOnGeneratedBodies) {
  // Random mixtures of the pieces editors and Word produce; the sanitiser makes them canonical.
  static const char* kPieces[] = {
      "<p>", "</p>", "<br>", "<b>", "</b>", "<strong>", "</strong>", "<em>", "</em>", "<span style=\"x\">", "</span>",
      "<a href=\"http://x.cn/a?b=1&c=2\">", "</a>", "<ul>", "<li>", "</li>", "</ul>", "<ol>", "</ol>", "<h1>",
      "</h1>", "<h3>", "</h3>", "<div>", "</div>", "<blockquote>", "</blockquote>", "<hr>", "<img src=\"a.png\">",
      "<table>", "<tr>", "<td>", "</td>", "</table>", "<pre>", "</pre>", "<script>x</script>", "<!-- c -->",
      "<o:p></o:p>", "<font>", "</font>", "<figure>", "<figcaption>", "</figcaption>", "</figure>", "<sub>", "</sub>",
      "商贸", "流通", "，", "。", " ", "  ", "\n", "\t", "\r\n", "&nbsp;", "&amp;", "&lt;", "&gt;", "&quot;",
      "&#39;", "&#x3000;", "\xe3\x80\x80", "\xc2\xa0", "'", "\"", ">", "a", "1", "&copy;", "\xef\xbb\xbf", "\x01"};
  std::mt19937 rng(20131231);
  int scanned = 0;
  const int kCases = 3000;
  for (int i = 0; i < kCases; ++i) {
    std::string html;
    int n = 1 + static_cast<int>(rng() % 40);
    for (int k = 0; k < n; ++k) html += kPieces[rng() % std::size(kPieces)];
    scanned += agrees(html);
  }
  // Most bodies without tables or pre take the fast path.
  EXPECT_GT(scanned, kCases / 4);
}

}  // namespace
}  // namespace gongkai::render
