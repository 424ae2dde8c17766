#include "app/search_snippet.h"

#include <gtest/gtest.h>

namespace gongkai::app {
namespace {

std::vector<std::string> needles(const std::string& q) { return highlight_needles(search::parse_query(q)); }

std::string marked(const std::string& text, const std::string& q) {
  return segments_debug(highlight_all(text, needles(q)));
}

TEST(SearchSnippet, NeedlesAreRunsOfTouchingTokens) {
  EXPECT_EQ(needles("信息公开"), (std::vector<std::string>{"信息公开"}));
  EXPECT_EQ(needles("慈商〔2013〕12号"), (std::vector<std::string>{"慈商", "12号", "2013"}));
  EXPECT_EQ(needles("\"信息 公开\" -草案"), (std::vector<std::string>{"信息", "公开"}));
  EXPECT_EQ(needles("OPEN Data"), (std::vector<std::string>{"open", "data"}));
  EXPECT_TRUE(needles("").empty());
}

TEST(SearchSnippet, MarksTheOriginalTextOfFoldedMatches) {
  EXPECT_EQ(marked("本專欄提供政府資訊公開目錄", "资讯公开"), "本專欄提供政府[資訊公開]目錄");
  EXPECT_EQ(marked("全市数据（２０１４年）", "2014"), "全市数据（[２０１４]年）");
  EXPECT_EQ(marked("The Open Data pilot", "open data"), "The [Open] [Data] pilot");
  EXPECT_EQ(marked("报告、年报和简报", "报"), "[报]告、年[报]和简[报]");
}

TEST(SearchSnippet, WordsMatchWhole) {
  EXPECT_EQ(marked("档案编号20130和2013年", "2013"), "档案编号20130和[2013]年");
  EXPECT_EQ(marked("reopening and open", "open"), "reopening and [open]");
}

TEST(SearchSnippet, WindowAroundTheFirstMatch) {
  std::string body;
  for (int i = 0; i < 50; ++i) body += "这是前文。";
  body += "重点：跨境电商园区。";
  for (int i = 0; i < 50; ++i) body += "这是后文。";
  auto s = make_snippet(body, needles("园区"), 40);
  std::string d = segments_debug(s);
  EXPECT_EQ(d.rfind("…", 0), 0u) << d;
  EXPECT_NE(d.find("跨境电商[园区]"), std::string::npos) << d;
  EXPECT_EQ(d.substr(d.size() - 3), "…");
  // No match: the start of the text.
  auto none = segments_debug(make_snippet(body, needles("茶叶"), 10));
  EXPECT_EQ(none, "这是前文。这是前文。…");
  EXPECT_TRUE(make_snippet("", needles("报告"), 10).empty());
}

TEST(SearchSnippet, WhitespaceIsCollapsedAndTextIsKeptAsIs) {
  auto s = highlight_all("  第一段\n\n\t第二段　<b>报告</b>  ", needles("报告"));
  EXPECT_EQ(segments_debug(s), "第一段 第二段 <b>[报告]</b>");
  ASSERT_EQ(s.size(), 3u);
  EXPECT_FALSE(s[0].mark);
  EXPECT_TRUE(s[1].mark);
}

TEST(SearchSnippet, OddTextDoesNotBreakIt) {
  std::string bad = "报告\xff\xfe\x80" "报告\u202e告";
  auto s = highlight_all(bad, needles("报告"));
  EXPECT_EQ(s.front().text, "报告");
  EXPECT_TRUE(s.front().mark);
  auto t = make_snippet(std::string(3, '\0') + "e\u0301报告", needles("报告"), 5);
  EXPECT_FALSE(t.empty());
}

}  // namespace
}  // namespace gongkai::app
