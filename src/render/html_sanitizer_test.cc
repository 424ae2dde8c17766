#include "render/html_sanitizer.h"

#include <gtest/gtest.h>

#include <regex>

namespace gongkai::render {

TEST(Sanitizer, KeepsLegitimateContent) {
  std::string in = "<h1>通知</h1><p>关于<strong>开展</strong>工作的通知。</p>"
                   "<table><tr><th colspan=\"2\" scope=\"col\">表头</th></tr><tr><td>1</td><td>2</td></tr></table>"
                   "<ul><li>一</li></ul><a href=\"https://swj.cixi.gov.cn/a\">链接</a>";
  auto r = sanitize_html(in);
  ASSERT_TRUE(r.ok());
  EXPECT_NE(r.html.find("<h2>通知</h2>"), std::string::npos);
  EXPECT_NE(r.html.find("<strong>开展</strong>"), std::string::npos);
  EXPECT_NE(r.html.find("<th colspan=\"2\" scope=\"col\">表头</th>"), std::string::npos);
  EXPECT_NE(r.html.find("<a href=\"https://swj.cixi.gov.cn/a\" rel=\"noopener noreferrer\">链接</a>"), std::string::npos);
}

TEST(Sanitizer, RemovesScriptVectors) {
  const char* payloads[] = {
      "<script>alert(1)</script>",
      "<img src=x onerror=alert(1)>",
      "<svg onload=alert(1)>",
      "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
      "<a href=\"&#106;avascript:alert(1)\">x</a>",
      "<a href=\" JaVaScRiPt:alert(1)\">x</a>",
      "<iframe src=\"https://evil\"></iframe>",
      "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
      "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
      "<base href=\"javascript:\">",
      "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
      "<p style=\"background:url(javascript:alert(1))\">x</p>",
      "<SCRIPT SRC=//evil/x.js></SCRIPT>",
      "<img src=\"data:image/svg+xml;base64,PHN2Zz4=\">",
      "<p>a\0<script>alert(1)</script></p>",
      "<\"><img src=x onerror=alert(1)//\">",
  };
  for (const char* p : payloads) {
    std::string html = sanitize_html(p).html;
    std::string lower;
    for (char c : html) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    EXPECT_EQ(lower.find("<script"), std::string::npos) << p;
    // Every '<' left in the output opens a real tag ('<' in text and attributes is escaped),
    // so no tag may carry an event handler or a script URL.
    static const std::regex handler("<[a-z0-9]+(\\s+[a-z-]+=\"[^\"]*\")*\\s+on[a-z]+");
    EXPECT_FALSE(std::regex_search(lower, handler)) << p;
    static const std::regex script_url("<[a-z0-9]+(\\s+[a-z-]+=\"[^\"]*\")*\\s+(href|src)=\"\\s*javascript:");
    EXPECT_FALSE(std::regex_search(lower, script_url)) << p;
    EXPECT_EQ(lower.find("<iframe"), std::string::npos) << p;
    EXPECT_EQ(lower.find("style="), std::string::npos) << p;
    EXPECT_EQ(lower.find("data:"), std::string::npos) << p;
    EXPECT_EQ(sanitize_html(html).html, html) << "not idempotent for " << p;
  }
}

TEST(Sanitizer, RefusesHugeInputAndSurvivesDeepNesting) {
  EXPECT_FALSE(sanitize_html(std::string(kMaxSanitizeInput + 1, 'a')).ok());
  std::string deep;
  for (int i = 0; i < 5000; ++i) deep += "<div>";
  deep += "深";
  auto r = sanitize_html(deep);
  EXPECT_TRUE(r.ok());
  EXPECT_NE(r.html.find("深"), std::string::npos);
}

TEST(Sanitizer, PlainText) {
  EXPECT_EQ(html_to_text("<p>第一段 &amp; 说明</p><p>第二段</p>"), "第一段 & 说明\n第二段");
}

}  // namespace gongkai::render
