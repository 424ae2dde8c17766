#include "render/document_text.h"

#include <gtest/gtest.h>

namespace gongkai::render {
namespace {

TEST(DocumentText, KeepsChineseAndWhitespace) {
  EXPECT_EQ(clean_text("政府信息公开\t年报\n第二行"), "政府信息公开\t年报\n第二行");
}

TEST(DocumentText, DropsXmlInvalidControls) {
  EXPECT_EQ(clean_text(std::string("a\x01" "b\x1f" "c\x7f" "d", 7)), "abcd");
  EXPECT_EQ(clean_text(std::string("x\0y", 3)), "xy");
  EXPECT_EQ(clean_text("a\xC2\x85" "b"), "ab");          // C1 control NEL
  EXPECT_EQ(clean_text("a\xEF\xBF\xBF" "b"), "ab");      // U+FFFF
}

TEST(DocumentText, LineEndingsBecomeNewlines) {
  EXPECT_EQ(clean_text("a\r\nb\rc"), "a\nb\nc");
}

TEST(DocumentText, MalformedUtf8BecomesReplacement) {
  EXPECT_EQ(clean_text("a\xFF" "b"), "a\xEF\xBF\xBD" "b");
  EXPECT_EQ(clean_text("\xE4\xB8"), "\xEF\xBF\xBD\xEF\xBF\xBD");   // truncated 3-byte sequence
  EXPECT_EQ(clean_text("\xC0\xAF"), "\xEF\xBF\xBD\xEF\xBF\xBD");   // overlong '/'
  EXPECT_EQ(clean_text("\xED\xA0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // surrogate
}

TEST(DocumentText, EscapesMarkup) {
  EXPECT_EQ(xml_escape("<a href=\"x\">'&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
}

TEST(DocumentText, Utf8Prefix) {
  EXPECT_EQ(utf8_length("政府abc"), 5u);
  EXPECT_EQ(utf8_prefix("政府abc", 3), "政府a");
  EXPECT_EQ(utf8_prefix("政府", 5), "政府");
}

}  // namespace
}  // namespace gongkai::render
