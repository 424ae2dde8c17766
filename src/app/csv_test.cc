#include "app/csv.h"

#include <gtest/gtest.h>

#include <sstream>

namespace gongkai::app {
namespace {

using Records = std::vector<std::vector<std::string>>;

struct Parsed {
  Records records;
  std::vector<int64_t> lines;
  std::vector<std::string> errors;  // "line: message"
};

Parsed parse(const std::string& text) {
  std::istringstream in(text);
  CsvReader r(in);
  Parsed out;
  std::vector<std::string> f;
  for (;;) {
    auto res = r.next(f);
    if (res == CsvReader::Result::kEnd) break;
    if (res == CsvReader::Result::kError) {
      out.errors.push_back(std::to_string(r.record_line()) + ": " + r.error());
      continue;
    }
    out.records.push_back(f);
    out.lines.push_back(r.record_line());
  }
  return out;
}

TEST(CsvTest, PlainRecordsWithLfAndCrlf) {
  auto p = parse("a,b,c\n1,2,3\r\nx,,z");
  EXPECT_EQ(p.records, (Records{{"a", "b", "c"}, {"1", "2", "3"}, {"x", "", "z"}}));
  EXPECT_EQ(p.lines, (std::vector<int64_t>{1, 2, 3}));
  EXPECT_TRUE(p.errors.empty());
}

TEST(CsvTest, QuotedFieldsHoldCommasNewlinesAndDoubledQuotes) {
  auto p = parse("title,body\r\n\"关于\"\"十二五\"\"规划, 第一部分\",\"第一行\r\n第二行\n第三行\"\r\nnext,row\r\n");
  ASSERT_EQ(p.records.size(), 3u);
  EXPECT_EQ(p.records[1][0], "关于\"十二五\"规划, 第一部分");
  EXPECT_EQ(p.records[1][1], "第一行\r\n第二行\n第三行");
  // The record after a multi-line field starts on physical line 5.
  EXPECT_EQ(p.lines, (std::vector<int64_t>{1, 2, 5}));
}

TEST(CsvTest, BomIsSkippedOnlyAtTheStart) {
  auto p = parse("\xEF\xBB\xBFtitle,x\n\xEF\xBB\xBFy,z\n");
  EXPECT_EQ(p.records, (Records{{"title", "x"}, {"\xEF\xBB\xBFy", "z"}}));
}

TEST(CsvTest, EmptyLinesAreSkippedButCounted) {
  auto p = parse("a\n\n\r\nb\n\n");
  EXPECT_EQ(p.records, (Records{{"a"}, {"b"}}));
  EXPECT_EQ(p.lines, (std::vector<int64_t>{1, 4}));
}

TEST(CsvTest, TrailingCommaGivesAnEmptyLastField) {
  EXPECT_EQ(parse("a,b,\n").records, (Records{{"a", "b", ""}}));
  EXPECT_EQ(parse("\"\"\n").records, (Records{{""}}));
  EXPECT_EQ(parse(",\n").records, (Records{{"", ""}}));
}

TEST(CsvTest, MalformedRecordsAreReportedWithTheirLineAndReadingGoesOn) {
  auto p = parse("h1,h2\nok,1\nbad\"quote,2\n\"x\"y,3\nfine,4\n\"open,5\nnever closed");
  EXPECT_EQ(p.records, (Records{{"h1", "h2"}, {"ok", "1"}, {"fine", "4"}}));
  ASSERT_EQ(p.errors.size(), 3u);
  EXPECT_EQ(p.errors[0].substr(0, 3), "3: ");
  EXPECT_NE(p.errors[0].find("未加引号"), std::string::npos);
  EXPECT_EQ(p.errors[1].substr(0, 3), "4: ");
  EXPECT_NE(p.errors[1].find("多余的字符"), std::string::npos);
  EXPECT_EQ(p.errors[2].substr(0, 3), "6: ");
  EXPECT_NE(p.errors[2].find("没有闭合"), std::string::npos);
}

TEST(CsvTest, LoneCarriageReturnEndsALine) {
  auto p = parse("a,b\rc,d\r");
  EXPECT_EQ(p.records, (Records{{"a", "b"}, {"c", "d"}}));
  EXPECT_EQ(p.lines, (std::vector<int64_t>{1, 2}));
}

TEST(CsvTest, FieldsLongerThanTheBufferAreReadWhole) {
  std::string big(3 << 20, 'x');
  big[12345] = ',';
  std::string quoted = "\"" + std::string(2 << 20, 'y') + "\n" + std::string(1 << 20, 'z') + "\"";
  auto p = parse("a," + quoted + "\n" + "\"" + std::string(10, 'q') + "\",tail\n");
  ASSERT_EQ(p.records.size(), 2u);
  EXPECT_EQ(p.records[0][1].size(), (3u << 20) + 1);
  EXPECT_EQ(p.lines[1], 3);
  auto q = parse(big + "\n");
  ASSERT_EQ(q.records.size(), 1u);
  EXPECT_EQ(q.records[0].size(), 2u);
}

TEST(CsvTest, WriterQuotesOnlyWhatNeedsIt) {
  std::string out;
  append_csv_record(out, {"plain", "a,b", "say \"hi\"", "two\nlines", "", " padded", "中文"});
  EXPECT_EQ(out, "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",,\" padded\",中文\r\n");
  out.clear();
  append_csv_record(out, {""});
  EXPECT_EQ(out, "\"\"\r\n");
}

TEST(CsvTest, WriteThenReadGivesTheSameRecords) {
  Records recs = {{"索引号", "标题", "正文"},
                  {"000014349/2013-00001", "关于\"商贸\"的通知, 第2号", "<p>一</p>\r\n<p>二</p>"},
                  {"", "", ""},
                  {"x"},
                  {""},
                  {"\r", "\n", "\"", ","}};
  std::string text;
  for (const auto& r : recs) append_csv_record(text, r);
  auto p = parse(text);
  EXPECT_TRUE(p.errors.empty());
  EXPECT_EQ(p.records, recs);
}

}  // namespace
}  // namespace gongkai::app
