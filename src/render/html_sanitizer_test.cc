#include "render/html_sanitizer.h"

#include <gtest/gtest.h>
#include <gumbo.h>

#include <random>
#include <set>
#include <string>
#include <vector>

namespace gongkai::render {
namespace {

using namespace std::string_literals;

std::string S(std::string_view in) {
  auto r = sanitize_html(in);
  EXPECT_TRUE(r.ok()) << r.message;
  return r.html;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// What a browser would make of a URL's scheme: controls and spaces gone.
bool script_url(std::string_view v) {
  std::string s;
  for (char c : lower(v)) {
    if (static_cast<unsigned char>(c) > 0x20) s += c;
  }
  return s.rfind("javascript:", 0) == 0 || s.rfind("vbscript:", 0) == 0 || s.rfind("data:", 0) == 0;
}

// Parses `html` the way a browser would and checks every element and
// attribute against the whitelist, independently of the sanitiser's code.
void ExpectSafe(const std::string& html, std::string_view input) {
  static const std::set<std::string> kElements = {
      "html", "head", "body", "p", "br", "h2", "h3", "h4", "h5", "h6", "strong", "b", "em", "i", "u", "s",
      "sub", "sup", "blockquote", "ul", "ol", "li", "table", "caption", "thead", "tbody", "tfoot", "tr", "th",
      "td", "a", "img", "span", "div", "pre", "code", "hr", "figure", "figcaption"};
  static const std::set<std::string> kAttributes = {"title", "href", "rel", "src", "alt", "width",
                                                    "height", "colspan", "rowspan", "scope"};
  std::string l = lower(html);
  for (const char* bad : {"<script", "<iframe", "<svg", "<math", "<object", "<embed", "<style", "<base", "<meta",
                          "<link", "<form", "<noscript", "<template", "<!--", "<img src=x onerror"}) {
    EXPECT_EQ(l.find(bad), std::string::npos) << bad << " in output of " << input << "\n" << html;
  }
  GumboOutput* doc = gumbo_parse(html.c_str());
  std::vector<const GumboNode*> todo{doc->root};
  while (!todo.empty()) {
    const GumboNode* n = todo.back();
    todo.pop_back();
    if (n->type == GUMBO_NODE_COMMENT) ADD_FAILURE() << "comment in output of " << input;
    if (n->type != GUMBO_NODE_ELEMENT && n->type != GUMBO_NODE_TEMPLATE) continue;
    const GumboElement& e = n->v.element;
    std::string tag = e.tag == GUMBO_TAG_UNKNOWN ? "?" : gumbo_normalized_tagname(e.tag);
    EXPECT_EQ(e.tag_namespace, GUMBO_NAMESPACE_HTML) << input;
    EXPECT_TRUE(kElements.count(tag)) << "<" << tag << "> in output of " << input << "\n" << html;
    for (unsigned i = 0; i < e.attributes.length; ++i) {
      auto* a = static_cast<const GumboAttribute*>(e.attributes.data[i]);
      EXPECT_TRUE(kAttributes.count(a->name)) << a->name << " in output of " << input << "\n" << html;
      if (std::string_view(a->name) == "href" || std::string_view(a->name) == "src") {
        EXPECT_FALSE(script_url(a->value)) << a->value << " in output of " << input;
      }
    }
    for (unsigned i = 0; i < e.children.length; ++i) todo.push_back(static_cast<const GumboNode*>(e.children.data[i]));
  }
  gumbo_destroy_output(&kGumboDefaultOptions, doc);
}

// ---- Legitimate content -----------------------------------------------------

TEST(HtmlSanitizer, LegitimateContentSurvivesExactly) {
  const char* docs[] = {
      "<h2>关于开展2024年政府信息公开工作的通知</h2>\n"
      "<p>\u3000\u3000各科室、下属单位：</p>\n"
      "<p>\u3000\u3000根据《中华人民共和国政府信息公开条例》（国务院令第711号），现将有关事项通知如下。</p>\n"
      "<p style=\"display:none\" class=\"x\"></p>",
      "<table><caption>2013年依申请公开情况</caption>"
      "<thead><tr><th scope=\"col\">项目</th><th colspan=\"2\" scope=\"colgroup\">件数</th></tr></thead>"
      "<tbody><tr><td rowspan=\"2\">受理</td><td>当面</td><td>3</td></tr><tr><td>网上</td><td>12</td></tr></tbody>"
      "<tfoot><tr><th scope=\"row\">合计</th><td colspan=\"2\">15</td></tr></tfoot></table>",
      "<p>详见<a href=\"https://www.gov.cn/zhengce/\" rel=\"noopener noreferrer\">中国政府网</a>、"
      "<a href=\"/xxgk/2024/0101.html\" title=\"本站\">本站文件</a>、<a href=\"#attachments\">附件</a>、"
      "<a href=\"../up.html?a=1&amp;b=2\">上级</a>或来信<a href=\"mailto:xxgk@cixi.gov.cn\">xxgk@cixi.gov.cn</a>。</p>",
      "<ol><li>主动公开<strong>不少于</strong>20条；</li><li>依申请公开<em>按期</em>答复：<ul><li>当场答复</li>"
      "<li>20个工作日内答复</li></ul></li></ol>",
      "<figure><img src=\"/files/2024/chart.png\" alt=\"收费情况\" width=\"640\" height=\"480\">"
      "<figcaption>图1 收费情况</figcaption></figure><hr>"
      "<p><img src=\"https://cdn.example.gov.cn/a.jpg\" alt=\"\"></p>",
      "<blockquote>第一行<br>第二行</blockquote><pre><code>if (a &lt; b &amp;&amp; c) {}\n  return;</code></pre>"
      "<p>H<sub>2</sub>O, 10<sup>3</sup>, <s>旧</s><u>新</u><i>斜</i><b>粗</b><span title=\"说明\">注</span></p>"
      "<div><h3>三级</h3><h4>四级</h4><h5>五级</h5><h6>六级</h6></div>",
      "纯文本，没有标签 &amp; 符号 &lt;尖括号&gt; &quot;引号&quot; &#39;单引号&#39;",
  };
  for (const char* doc : docs) {
    std::string expected = doc;
    if (expected.find("style=") != std::string::npos) {
      expected.replace(expected.find("<p style"), std::string::npos, "<p></p>");
    }
    EXPECT_EQ(S(doc), expected);
  }
}

TEST(HtmlSanitizer, Normalises) {
  EXPECT_EQ(S("<H1 ALIGN=center>标题</H1>"), "<h2>标题</h2>");
  EXPECT_EQ(S("<P>a<BR/>b<br></br>c"), "<p>a<br>b<br><br>c</p>");
  EXPECT_EQ(S("<table><tr><td colspan=02>x</td></tr></table>"),
            "<table><tbody><tr><td colspan=\"2\">x</td></tr></tbody></table>");
  EXPECT_EQ(S("<th scope=COL>x"), "x");  // a cell outside a table is no cell
  EXPECT_EQ(S("<table><th scope=COL>x"), "<table><tbody><tr><th scope=\"col\">x</th></tr></tbody></table>");
  EXPECT_EQ(S("<p title='say \"hi\" & <go>'>x</p>"), "<p title=\"say &quot;hi&quot; &amp; &lt;go&gt;\">x</p>");
  EXPECT_EQ(S("a&nbsp;b &copy; &#x4E2D;&#25991; &amp;amp; ' \""), "a\u00a0b \u00a9 中文 &amp;amp; &#39; &quot;");
  EXPECT_EQ(S("<a href=\"http://example.com/a b\">x</a>"),
            "<a href=\"http://example.com/a b\" rel=\"noopener noreferrer\">x</a>");
  EXPECT_EQ(S("<image src=a.png>"), "<img src=\"a.png\">");
  EXPECT_EQ(S("<p>a<p>b<ul><li>1<li>2</ul>"), "<p>a</p><p>b</p><ul><li>1</li><li>2</li></ul>");
  EXPECT_EQ(S("<b><i>x</b>y</i>"), "<b><i>x</i></b><i>y</i>");
}

TEST(HtmlSanitizer, UnwrapsUnknownAndPresentationalElements) {
  EXPECT_EQ(S("<font face=\"仿宋\" size=4>通知</font>"), "通知");
  EXPECT_EQ(S("<center><big>标题</big></center><marquee>滚动</marquee>"), "标题滚动");
  EXPECT_EQ(S("<p class=MsoNormal style=\"text-indent:21pt\"><span lang=EN-US style=\"font-size:16pt\">"
              "第一条<o:p></o:p></span></p>"),
            "<p><span>第一条</span></p>");
  EXPECT_EQ(S("<section><article><header>头</header><dl><dt>术语</dt><dd>解释</dd></dl></article></section>"),
            "头术语解释");
  EXPECT_EQ(S("<a name=\"top\">锚点</a><a>无链接</a><img alt=无地址>"), "锚点无链接");
  // A whole Word document: head, styles and conditional comments go, text stays.
  EXPECT_EQ(S("<html xmlns:o=\"urn:schemas-microsoft-com:office:office\"><head><meta charset=utf-8>"
              "<title>文档</title><style>p.MsoNormal{margin:0}</style></head><body lang=ZH-CN>"
              "<div class=WordSection1><!--[if gte mso 9]><xml><o:DocumentProperties/></xml><![endif]-->"
              "<p class=MsoNormal><b><span>一、总体情况</span></b></p></div></body></html>"),
            "<div><p><b><span>一、总体情况</span></b></p></div>");
}

TEST(HtmlSanitizer, DropsDangerousElementsWithTheirContent) {
  const char* cases[] = {
      "<script>alert(1)</script>", "<style>body{}</style>", "<iframe src=\"/x\">fallback</iframe>",
      "<object data=x>fallback</object>", "<embed src=x>", "<applet code=x>fallback</applet>",
      "<template><p>t</p></template>", "<noscript><p>n</p></noscript>", "<svg><text>s</text></svg>",
      "<math><mi>m</mi></math>", "<form action=/x><p>f</p></form>", "<input value=v>", "<button>b</button>",
      "<select><option>o</option></select>", "<textarea>t</textarea>", "<title>t</title>", "<meta name=x>",
      "<link rel=stylesheet href=x>", "<base href=\"/\">", "<noembed>n</noembed>", "<noframes>n</noframes>",
      "<video src=x>fallback</video>", "<audio src=x>fallback</audio>", "<canvas>fallback</canvas>",
      "<!-- 注释 -->", "<frameset><frame src=x></frameset>",
  };
  for (const char* c : cases) {
    std::string in = std::string("<p>前</p>") + c + "<p>后</p>";
    EXPECT_EQ(S(in), "<p>前</p><p>后</p>") << c;
  }
}

// ---- Attack payloads -----------------------------------------------------------

// OWASP XSS filter evasion cheat sheet and mutation-XSS classics.
const char* const kPayloads[] = {
    "<script>alert(1)</script>",
    "<SCRIPT SRC=https://xss.example/xss.js></SCRIPT>",
    "<ScRiPt>alert(1)</sCrIpT>",
    "<script/xss src=\"https://xss.example/xss.js\"></script>",
    "<<script>alert(1);//<</script>",
    "<script>alert(1)",
    "<img src=x onerror=alert(1)>",
    "<IMG SRC=\"javascript:alert('XSS');\">",
    "<IMG SRC=javascript:alert('XSS')>",
    "<IMG SRC=JaVaScRiPt:alert('XSS')>",
    "<IMG SRC=`javascript:alert(\"RSnake says, 'XSS'\")`>",
    "<IMG \"\"\"><SCRIPT>alert(\"XSS\")</SCRIPT>\"\\>",
    "<IMG SRC=# onmouseover=\"alert('xxs')\">",
    "<IMG SRC= onmouseover=\"alert('xxs')\">",
    "<IMG onmouseover=\"alert('xxs')\">",
    "<IMG SRC=/ onerror=\"alert(String.fromCharCode(88,83,83))\"></img>",
    "<img src=x:alert(alt) onerror=eval(src) alt=0>",
    "<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;"
    "&#88;&#83;&#83;&#39;&#41;>",
    "<IMG SRC=&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058"
    "&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041>",
    "<IMG SRC=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x27&#x58&#x53"
    "&#x53&#x27&#x29>",
    "<IMG SRC=\"jav\tascript:alert('XSS');\">",
    "<IMG SRC=\"jav&#x09;ascript:alert('XSS');\">",
    "<IMG SRC=\"jav&#x0A;ascript:alert('XSS');\">",
    "<IMG SRC=\"jav&#x0D;ascript:alert('XSS');\">",
    "<IMG SRC=\" &#14;  javascript:alert('XSS');\">",
    "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
    "<a href=\"&#106;avascript:alert(1)\">x</a>",
    "<a href=\"&#x6a;avascript&#x3a;alert(1)\">x</a>",
    "<a href=\"javascript&colon;alert(1)\">x</a>",
    "<a href=\" JaVaScRiPt:alert(1)\">x</a>",
    "<a href=\"\x01javascript:alert(1)\">x</a>",
    "<a href=\"vbscript:msgbox(1)\">x</a>",
    "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
    "<a href=\"DATA:text/html,<script>alert(1)</script>\">x</a>",
    "<a href=javascript:alert(1) onmouseover=alert(2)>x</a>",
    "<a href=\"https://ok.example/\" onclick=\"alert(1)\" target=\"_blank\" style=\"x\">x</a>",
    "<img src=\"data:image/svg+xml;base64,PHN2Zz48c2NyaXB0PmFsZXJ0KDEpPC9zY3JpcHQ+PC9zdmc+\">",
    "<svg onload=alert(1)>",
    "<svg/onload=alert('XSS')>",
    "<svg><script>alert(1)</script></svg>",
    "<svg><a xlink:href=\"javascript:alert(1)\"><text>x</text></a></svg>",
    "<svg><p><style><img src=x onerror=alert(1)></style></p></svg>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
    "<math href=\"javascript:alert(1)\">x</math>",
    "<iframe src=\"javascript:alert(1)\"></iframe>",
    "<iframe srcdoc=\"&lt;script&gt;alert(1)&lt;/script&gt;\"></iframe>",
    "<IFRAME SRC=# onmouseover=\"alert(document.cookie)\"></IFRAME>",
    "<FRAMESET><FRAME SRC=\"javascript:alert('XSS');\"></FRAMESET>",
    "<object data=\"javascript:alert(1)\"></object>",
    "<EMBED SRC=\"data:image/svg+xml;base64,PHN2Zz4=\" type=\"image/svg+xml\">",
    "<BODY ONLOAD=alert('XSS')>",
    "<BODY BACKGROUND=\"javascript:alert('XSS')\">",
    "<INPUT TYPE=\"IMAGE\" SRC=\"javascript:alert('XSS');\">",
    "<form><button formaction=javascript:alert(1)>x</button></form>",
    "<isindex action=javascript:alert(1) type=image>",
    "<details open ontoggle=alert(1)>",
    "<video><source onerror=\"alert(1)\">",
    "<marquee onstart=alert(1)>x</marquee>",
    "<div style=\"width: expression(alert('XSS'));\">x</div>",
    "<DIV STYLE=\"background-image: url(javascript:alert('XSS'))\">x</DIV>",
    "<STYLE>@import'http://xss.example/xss.css';</STYLE>",
    "<STYLE>BODY{-moz-binding:url(\"http://xss.example/xssmoz.xml#xss\")}</STYLE>",
    "<LINK REL=\"stylesheet\" HREF=\"javascript:alert('XSS');\">",
    "<META HTTP-EQUIV=\"refresh\" CONTENT=\"0;url=javascript:alert('XSS');\">",
    "<META HTTP-EQUIV=\"refresh\" CONTENT=\"0;url=data:text/html base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg\">",
    "<BASE HREF=\"javascript:alert('XSS');//\">",
    "<TABLE BACKGROUND=\"javascript:alert('XSS')\"><TD BACKGROUND=\"javascript:alert('XSS')\">x",
    "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
    "<p><noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript></p>",
    "<noembed><img title=\"</noembed><img src=x onerror=alert(1)>\"></noembed>",
    "<xmp><img title=\"</xmp><img src=x onerror=alert(1)>\"></xmp>",
    "<textarea><img title=\"</textarea><img src=x onerror=alert(1)>\"></textarea>",
    "<title><img title=\"</title><img src=x onerror=alert(1)>\"></title>",
    "<template><img src=x onerror=alert(1)></template>",
    "<form><math><mtext></form><form><mglyph><svg><mtext><textarea><path id=\"</textarea><img onerror=alert(1) "
    "src=1>\">",
    "<p title=\"x\" onmouseover=\"alert(1)\">p</p>",
    "<p \"onmouseover=alert(1)\">p</p>",
    "<a href=\"/x\" title='\"><script>alert(1)</script>'>x</a>",
    "<a title=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\">x</a>",
    "<<img src=x onerror=alert(1)//<",
    "<\"><img src=x onerror=alert(1)//\">",
    "<img src=\"x` `<script>alert(1)</script>\"` `>",
    "<img/src=x/onerror=alert(1)>",
    "<img\nsrc=x\nonerror=alert(1)>",
    "<img src=x onerror=alert(1)",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "<!--<img src=x onerror=alert(1)>-->",
    "<!-- --!><img src=x onerror=alert(1)> -->",
    "<![CDATA[<img src=x onerror=alert(1)>]]>",
    "<?xml-stylesheet href=\"javascript:alert(1)\"?>",
    "<a href=\"javascript:alert(1)\"><img src=\"javascript:alert(2)\"></a>",
    "<a href=\"&#1;javascript:alert(1)\">x</a>",
    "<a href=\"java&Tab;script:alert(1)\">x</a>",
    "<a href=\"java&NewLine;script:alert(1)\">x</a>",
};

TEST(HtmlSanitizer, NeutralisesKnownPayloads) {
  for (const char* p : kPayloads) {
    std::string in = p;  // payloads with NUL bytes: see PayloadsWithNullBytes
    auto r = sanitize_html(in);
    ASSERT_TRUE(r.ok()) << p;
    ExpectSafe(r.html, in);
    EXPECT_EQ(S(r.html), r.html) << "not idempotent for " << in;
  }
}

TEST(HtmlSanitizer, PayloadsWithNullBytes) {
  for (std::string in : {"<p>a\0<script>alert(1)</script></p>"s,
                         "<scr\0ipt>alert(1)</scr\0ipt>"s,
                         "<a href=\"java\0script:alert(1)\">x</a>"s,
                         "<img src=x o\0nerror=alert(1)>"s}) {
    auto r = sanitize_html(in);
    ASSERT_TRUE(r.ok());
    ExpectSafe(r.html, in);
    EXPECT_EQ(r.html.find('\0'), std::string::npos);
  }
}

TEST(HtmlSanitizer, PinsPayloadResults) {
  EXPECT_EQ(S("<img src=x onerror=alert(1)>"), "<img src=\"x\">");
  EXPECT_EQ(S("<a href=\"jav&#x09;ascript:alert(1)\">点我</a>"), "点我");
  EXPECT_EQ(S("<svg onload=alert(1)>x</svg>后"), "后");
  EXPECT_EQ(S("<p title=\"x\" onmouseover=\"alert(1)\" style=\"color:red\" class=c id=i>p</p>"),
            "<p title=\"x\">p</p>");
  // The attribute keeps its text, escaped; no element comes out of it.
  EXPECT_EQ(S("<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">"), "");
  EXPECT_EQ(S("<p title=\"</p><img src=x onerror=alert(1)>\">t</p>"),
            "<p title=\"&lt;/p&gt;&lt;img src=x onerror=alert(1)&gt;\">t</p>");
  EXPECT_EQ(S("<<script>alert(1);//<</script>"), "&lt;");
  EXPECT_EQ(S("<a href=\"https://ok.example/\" onclick=\"alert(1)\" target=\"_blank\">x</a>"),
            "<a href=\"https://ok.example/\" rel=\"noopener noreferrer\">x</a>");
}

// ---- URLs and attributes -----------------------------------------------------

TEST(HtmlSanitizer, LinkUrls) {
  struct Case {
    const char* href;
    const char* written;  // null: the link is unwrapped
    bool rel;
  };
  const Case cases[] = {
      {"https://www.gov.cn/", "https://www.gov.cn/", true},
      {"HTTP://WWW.GOV.CN/", "HTTP://WWW.GOV.CN/", true},
      {"  http://a.example/x  ", "http://a.example/x", true},
      {"//cdn.example/x", "//cdn.example/x", true},
      {"\\\\evil.example/x", "\\\\evil.example/x", true},
      {"mailto:a@b.cn", "mailto:a@b.cn", false},
      {"/a/b.html", "/a/b.html", false},
      {"b.html?x=1&amp;y=2", "b.html?x=1&amp;y=2", false},
      {"#sec", "#sec", false},
      {"?page=2", "?page=2", false},
      {"a/b:c", "a/b:c", false},
      {"h\tt\ntp://x.example/", "http://x.example/", true},
      {"javascript:alert(1)", nullptr, false},
      {"JAVASCRIPT:alert(1)", nullptr, false},
      {"java\tscript:alert(1)", nullptr, false},
      {"&#x20;javascript:alert(1)", nullptr, false},
      {"javascript&#58;alert(1)", nullptr, false},
      {"vbscript:x", nullptr, false},
      {"data:text/html,x", nullptr, false},
      {"file:///etc/passwd", nullptr, false},
      {"ftp://x.example/", nullptr, false},
      {"tel:123", nullptr, false},
      {"", nullptr, false},
      {"   ", nullptr, false},
  };
  for (const Case& c : cases) {
    std::string out = S(std::string("<a href=\"") + c.href + "\">x</a>");
    if (c.written == nullptr) {
      EXPECT_EQ(out, "x") << c.href;
    } else {
      EXPECT_EQ(out, std::string("<a href=\"") + c.written + "\"" + (c.rel ? " rel=\"noopener noreferrer\"" : "") +
                         ">x</a>")
          << c.href;
    }
  }
}

TEST(HtmlSanitizer, ImageAttributes) {
  EXPECT_EQ(S("<img src=\"https://a.example/p.png\" alt=\"图\" width=\"100\" height=\" 50 \" title=t>"),
            "<img src=\"https://a.example/p.png\" alt=\"图\" width=\"100\" height=\"50\" title=\"t\">");
  EXPECT_EQ(S("<img src=p.png width=100px height=-1 border=0 srcset=\"x 2x\" usemap=#m>"), "<img src=\"p.png\">");
  EXPECT_EQ(S("<img src=\"mailto:a@b.cn\">"), "");
  EXPECT_EQ(S("<img src=\"data:image/png;base64,iVBORw0KGgo=\">"), "");
  EXPECT_EQ(S("<img>"), "");
}

TEST(HtmlSanitizer, CellAttributes) {
  EXPECT_EQ(S("<table><tr><td colspan=0 rowspan=0>a</td><td colspan=1001 rowspan=x>b</td>"
              "<td colspan=\"3\" rowspan=\"65534\" scope=row align=left>c</td></tr></table>"),
            "<table><tbody><tr><td rowspan=\"0\">a</td><td>b</td><td colspan=\"3\" rowspan=\"65534\">c</td></tr>"
            "</tbody></table>");
  EXPECT_EQ(S("<table><tr><th scope=bogus>a</th><th scope=ROWGROUP>b</th></tr></table>"),
            "<table><tbody><tr><th>a</th><th scope=\"rowgroup\">b</th></tr></tbody></table>");
}

// ---- Structure ---------------------------------------------------------------

TEST(HtmlSanitizer, ClosesEverything) {
  EXPECT_EQ(S("<p><b>粗<i>斜"), "<p><b>粗<i>斜</i></b></p>");
  EXPECT_EQ(S("<ul><li>一<li>二"), "<ul><li>一</li><li>二</li></ul>");
  EXPECT_EQ(S("<table><tr><td>1<td>2<tr><td>3"),
            "<table><tbody><tr><td>1</td><td>2</td></tr><tr><td>3</td></tr></tbody></table>");
  EXPECT_EQ(S("<div><span>x"), "<div><span>x</span></div>");
  EXPECT_EQ(S("</p></div>x</b>"), "<p></p>x");
}

TEST(HtmlSanitizer, NeverWritesNestingABrowserWouldRearrange) {
  // Each input parses into a tree that, with its unknown wrappers removed,
  // would not parse back the same; the inner element is unwrapped instead.
  EXPECT_EQ(S("<p>a<marquee><p>b</p></marquee>c</p>"), "<p>abc</p>");
  EXPECT_EQ(S("<a href=/1>a<marquee><a href=/2>b</a></marquee></a>"), "<a href=\"/1\">ab</a>");
  EXPECT_EQ(S("<ul><li>a<center><li>b</li></center></li></ul>"), "<ul><li>ab</li></ul>");
  EXPECT_EQ(S("<h2>a<font><h3>b</h3></font></h2>"), "<h2>ab</h2>");
  EXPECT_EQ(S("<p><marquee><table><tr><td>x</td></tr></table></marquee></p>"), "<p>x</p>");
  // Allowed because a cell bounds the scope, as in a browser.
  EXPECT_EQ(S("<a href=/1><table><tr><td><a href=/2>x</a></td></tr></table></a>"),
            "<a href=\"/1\"><table><tbody><tr><td><a href=\"/2\">x</a></td></tr></tbody></table></a>");
  // Text loose in a table is moved in front of it by the parser.
  EXPECT_EQ(S("<table><tr>loose<td>x</td></tr></table>"),
            "loose<table><tbody><tr><td>x</td></tr></tbody></table>");
}

TEST(HtmlSanitizer, PreKeepsItsLeadingNewline) {
  EXPECT_EQ(S("<pre>\nx</pre>"), "<pre>x</pre>");
  EXPECT_EQ(S("<pre>\n\nx</pre>"), "<pre>\n\nx</pre>");
  EXPECT_EQ(S("<pre><font>\nx</font></pre>"), "<pre>\n\nx</pre>");
  for (const char* in : {"<pre>\n\nx</pre>", "<pre><font>\nx</font></pre>", "<pre><b>\nx</b></pre>"}) {
    std::string once = S(in);
    EXPECT_EQ(S(once), once) << in;
  }
}

TEST(HtmlSanitizer, TextIsCleaned) {
  // The parser drops NUL in body text and turns other controls into U+FFFD;
  // form feed is white space.
  EXPECT_EQ(S("a\0b\x01" "c\x7f" "d\x0c" "e\r\nf\rg"s), "ab\xEF\xBF\xBD" "c\xEF\xBF\xBD" "d e\nf\ng");
  EXPECT_EQ(S("\xEF\xBB\xBF<p>BOM</p>"), "<p>BOM</p>");
  // U+FEFF anywhere goes: first in the output, the next parse would drop it.
  EXPECT_EQ(S("<x>\xEF\xBB\xBF" "c</x>a\xEF\xBB\xBF" "b"), "cab");
  EXPECT_EQ(S("bad \xC3\x28 \xED\xA0\x80 \xF8"), "bad \xEF\xBF\xBD( \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD \xEF\xBF\xBD");
  EXPECT_EQ(S("&#0;&#x80;&#xD800;"), "\xEF\xBF\xBD\xE2\x82\xAC\xEF\xBF\xBD");  // as HTML5 says
  EXPECT_EQ(S("  leading space kept"), "  leading space kept");
}

// ---- Limits ------------------------------------------------------------------

TEST(HtmlSanitizer, RefusesOversizedInput) {
  SanitizeLimits limits;
  std::string max(limits.max_input_bytes, 'a');
  EXPECT_TRUE(sanitize_html(max).ok());
  auto r = sanitize_html(max + "a");
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.error, SanitizeError::kTooLarge);
  EXPECT_EQ(r.message, "正文内容过大（超过2MB），请删减内容或将大段内容改为附件后重试。");
  EXPECT_EQ(r.html, "");
}

TEST(HtmlSanitizer, FlattensDeepNesting) {
  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += "<span>";  // gumbo_destroy_output would recurse 100000 deep
  deep += "深处";
  std::string expected;
  for (int i = 0; i < 64; ++i) expected += "<span>";
  expected += "深处";
  for (int i = 0; i < 64; ++i) expected += "</span>";
  EXPECT_EQ(S(deep), expected);

  SanitizeLimits shallow;
  shallow.max_depth = 3;
  auto r = sanitize_html("<div><ul><li><p>文<b>字</b></p></li></ul></div><table><tr><td>格</td></tr></table>", shallow);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.html, "<div><ul><li>文字</li></ul></div>格");  // a table needs 4 levels
}

TEST(HtmlSanitizer, RefusesPathologicalInputWithinBudget) {
  SanitizeLimits small;
  small.max_parse_memory_bytes = 32u << 20;
  // Reconstructing 3000 distinct formatting elements in each of 3000
  // paragraphs: 9 million nodes from 40 KB.
  std::string bomb = "<p>";
  for (int i = 0; i < 3000; ++i) bomb += "<b a=" + std::to_string(i) + ">";
  for (int i = 0; i < 3000; ++i) bomb += "<p>x";
  auto r = sanitize_html(bomb, small);
  EXPECT_EQ(r.error, SanitizeError::kTooComplex);
  EXPECT_EQ(r.message, "正文结构过于复杂（标签嵌套过深或过多），无法处理，请清除格式后重新粘贴。");

  // 300k nested <div>s cost the parser a scope scan per tag: quadratic.
  SanitizeLimits quick;
  quick.max_parse_time = std::chrono::milliseconds(200);
  std::string divs;
  for (int i = 0; i < 300000; ++i) divs += "<div>";
  auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(sanitize_html(divs, quick).error, SanitizeError::kTooComplex);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
}

// ---- Idempotence on generated tag soup ---------------------------------------

TEST(HtmlSanitizer, IdempotentOnGeneratedTagSoup) {
  static const char* kTags[] = {
      "p", "p", "div", "span", "b", "i", "em", "strong", "u", "s", "a", "a", "li", "li", "ul", "ol", "h1", "h2",
      "h3", "pre", "table", "table", "tr", "td", "td", "th", "tbody", "thead", "caption", "colgroup", "col",
      "font", "marquee", "center", "dl", "dd", "nobr", "blockquote", "figure", "figcaption", "code", "sub", "hr",
      "br", "img", "image", "address", "section", "details", "listing", "o:p", "strike", "big", "select",
      "svg", "math", "object", "applet", "template", "button", "form", "noscript", "textarea", "mtext"};
  static const char* kAttrs[] = {"href=\"http://x\"", "href=\"javascript:alert(1)\"", "href=1", "src=x",
                                 "title=\"t\"",       "colspan=2",                    "scope=COL",
                                 "onclick=x",         "style=\"a:b\"",                "a=1"};
  static const char* kText[] = {"x", "\n", "  ", "\n\n", "中文", "&amp;", "&nbsp;", "<", "\r\n", "\u3000"};
  std::mt19937 rng(20240101);
  auto pick = [&rng](const auto& array) { return array[rng() % std::size(array)]; };
  for (int n = 0; n < 3000; ++n) {
    std::string in;
    for (int k = 0, len = 1 + static_cast<int>(rng() % 60); k < len; ++k) {
      switch (rng() % 9) {
        case 0: case 1: case 2: case 3:
          in += std::string("<") + pick(kTags);
          if (rng() % 2) in += std::string(" ") + pick(kAttrs);
          in += ">";
          break;
        case 4: case 5:
          in += std::string("</") + pick(kTags) + ">";
          break;
        default:
          in += pick(kText);
      }
    }
    std::string once = S(in);
    ASSERT_EQ(S(once), once) << "input: " << in;
    ExpectSafe(once, in);
  }
}

// The fast path may only take input that parsing would return unchanged: generated fragments
// of the simple vocabulary, valid and broken, go through both paths and must agree.
TEST(HtmlSanitizer, FastPathAgreesWithTheParser) {
  static const char* kPieces[] = {"<p>", "</p>", "<br>", "<b>", "</b>", "<strong>", "</strong>", "<em>", "</em>",
                                  "<i>", "</i>", "<sub>", "</sub>", "<sup>", "</sup>", "<u>", "</u>", "<s>",
                                  "</s>", "<br/>", "<P>", "<p class=x>", "<span>", "</span>", "<h2>", "</h2>",
                                  "中文", "商务局", "2013", "x", "\n", "\t", " ", "\u3000", "\r", "&", "\"",
                                  "'", ">", "\x01", "\xef\xbb\xbf", "\xc2\x85", "\xe4\xb8", "<"};
  SanitizeLimits slow;
  slow.fast_path = false;
  std::mt19937 rng(20131231);
  int accepted = 0;
  for (int n = 0; n < 20000; ++n) {
    std::string in;
    for (int k = 0, len = static_cast<int>(rng() % 14); k < len; ++k) in += kPieces[rng() % std::size(kPieces)];
    // Bias toward well-formed input so that both answers are exercised.
    if (n % 2 == 0) in = "<p>" + in + "</p>";
    auto parsed = sanitize_html(in, slow);
    ASSERT_TRUE(parsed.ok());
    if (is_plain_sanitized(in)) {
      ++accepted;
      ASSERT_EQ(parsed.html, in) << "fast path took input the parser changes: [" << in << "]";
    }
    ASSERT_EQ(sanitize_html(in).html, parsed.html) << "[" << in << "]";
  }
  EXPECT_GT(accepted, 1000);
}

TEST(HtmlSanitizer, FastPathTakesTypicalBodies) {
  EXPECT_TRUE(is_plain_sanitized("<p>为进一步<strong>加强</strong>管理，现通知如下：</p>\n<p>一、总体要求<br>二、工作任务</p>"));
  EXPECT_TRUE(is_plain_sanitized(""));
  EXPECT_TRUE(is_plain_sanitized("纯文本，没有标签"));
  for (const char* no : {" <p>x</p>", "\n<p>x</p>", "<p>x", "<p><p>x</p></p>", "<b><p>x</p></b>", "<b><b>x</b></b>",
                         "<p>a &amp; b</p>", "<p>x</p\n>", "<p>x\r\ny</p>", "<p onclick=x>y</p>", "<script>x</script>",
                         "<b><i>x</b></i>", "<p>\xef\xbb\xbfx</p>", "<p>\xff</p>", "x>y"}) {
    EXPECT_FALSE(is_plain_sanitized(no)) << no;
  }
}

// ---- Plain text --------------------------------------------------------------

TEST(HtmlToText, BlocksBecomeLines) {
  EXPECT_EQ(html_to_text("<h2>标题</h2><p>\u3000\u3000第一段 &amp; 说明</p><p>第二段<br>换行</p>"),
            "标题\n第一段 & 说明\n第二段\n换行");
  EXPECT_EQ(html_to_text("<ul><li>一</li><li>二<ul><li>二.1</li></ul></li></ul>"), "一\n二\n二.1");
  EXPECT_EQ(html_to_text("<table><caption>表</caption><tr><th>项目</th><td>3</td></tr><tr><td>a</td><td>b</td>"
                         "</tr></table>"),
            "表\n项目 3\na b");
  EXPECT_EQ(html_to_text("<p>a   b\n\tc&nbsp;&nbsp;d</p>\n\n<p></p><div> e </div>"), "a b c d\ne");
  EXPECT_EQ(html_to_text("<pre>x  y\n\nz</pre>"), "x y\nz");
  EXPECT_EQ(html_to_text("前<b>粗</b>后 <a href=\"/x\">链</a>。"), "前粗后 链。");
  EXPECT_EQ(html_to_text("&lt;script&gt; &#x4E2D; &copy;"), "<script> 中 ©");
}

TEST(HtmlToText, IgnoresWhatIsNotShown) {
  EXPECT_EQ(html_to_text("<script>var a;</script><style>p{}</style><p>正文</p><!-- 注释 --><title>t</title>"),
            "正文");
  EXPECT_EQ(html_to_text(""), "");
  EXPECT_EQ(html_to_text("<p> </p><br><br>"), "");
}

TEST(HtmlToText, SanitisedBodyGivesSameTextAsTheOriginal) {
  std::string word = "<p class=MsoNormal><span style=\"font-family:仿宋\">第一条<o:p></o:p></span></p>"
                     "<p><font>第二条</font><script>x()</script></p>";
  EXPECT_EQ(html_to_text(S(word)), "第一条\n第二条");
  EXPECT_EQ(html_to_text(word), "第一条\n第二条");
}

}  // namespace
}  // namespace gongkai::render
