#include "search/query.h"

#include <gtest/gtest.h>

#include <string>

namespace gongkai::search {
namespace {

TEST(Query, WordsAreAndedPhrasesOfTokens) {
  Query q = parse_query("信息公开 报告");
  ASSERT_TRUE(q.ok());
  ASSERT_EQ(q.terms.size(), 2u);
  EXPECT_EQ(q.terms[0].text, "信息公开");
  EXPECT_FALSE(q.terms[0].quoted);
  EXPECT_FALSE(q.terms[0].exclude);
  EXPECT_EQ(q.terms[0].tokens.size(), 3u);
  EXPECT_EQ(to_fts5_match(q), "\"信息公开\" AND \"报告\"");
  EXPECT_EQ(to_pg_tsquery(q), "('信息' <2> '息公' <2> '公开') & '报告'");
}

TEST(Query, SingleCharacter) {
  Query q = parse_query("报");
  ASSERT_TRUE(q.ok());
  EXPECT_EQ(to_fts5_match(q), "\"报\"");
  EXPECT_EQ(to_pg_tsquery(q), "'报'");
}

TEST(Query, QuotedPhraseAndExclusion) {
  Query q = parse_query("\"政府 信息\" -草案");
  ASSERT_TRUE(q.ok());
  ASSERT_EQ(q.terms.size(), 2u);
  EXPECT_TRUE(q.terms[0].quoted);
  EXPECT_EQ(q.terms[0].text, "政府 信息");
  EXPECT_TRUE(q.terms[1].exclude);
  EXPECT_EQ(q.terms[1].text, "草案");
  EXPECT_EQ(to_fts5_match(q), "\"政府 信息\" NOT \"草案\"");
  EXPECT_EQ(to_pg_tsquery(q), "('政府' <-> '府' <2> '信息') & !'草案'");
}

TEST(Query, SeveralPositivesWithExclusionsAreGrouped) {
  Query q = parse_query("年报 2013 -草案 -\"征求 意见\"");
  ASSERT_TRUE(q.ok());
  EXPECT_EQ(to_fts5_match(q), "(\"年报\" AND \"2013\") NOT \"草案\" NOT \"征求 意见\"");
  EXPECT_EQ(to_pg_tsquery(q), "'年报' & '2013' & !'草案' & !('征求' <-> '求' <2> '意见')");
  // FTS5 numbers the phrases in that order: the terms searched for, then the excluded.
  Query mixed = parse_query("-草案 年报 2013");
  EXPECT_EQ(fts5_phrases(mixed), (std::vector<std::string>{"\"年报\"", "\"2013\"", "\"草案\""}));
  EXPECT_EQ(to_fts5_match(mixed), "(\"年报\" AND \"2013\") NOT \"草案\"");
  EXPECT_TRUE(fts5_phrases(parse_query("")).empty());
}

TEST(Query, MixedTermDistances) {
  Query q = parse_query("2013年度");
  ASSERT_TRUE(q.ok());
  EXPECT_EQ(to_pg_tsquery(q), "('2013' <2> '年度')");
  q = parse_query("慈商〔2013〕12号");
  ASSERT_TRUE(q.ok());
  EXPECT_EQ(to_fts5_match(q), "\"慈商〔2013〕12号\"");
  EXPECT_EQ(to_pg_tsquery(q), "('慈商' <-> '商' <-> '2013' <-> '12' <-> '号')");
}

TEST(Query, UnbalancedQuoteRunsToTheEnd) {
  Query q = parse_query("报告 \"信息 公开");
  ASSERT_TRUE(q.ok());
  ASSERT_EQ(q.terms.size(), 2u);
  EXPECT_TRUE(q.terms[1].quoted);
  EXPECT_EQ(q.terms[1].text, "信息 公开");
}

TEST(Query, ChineseAndFullWidthPunctuation) {
  Query q = parse_query("“信息 公开”　－草案");  // curly quotes, U+3000, U+FF0D
  ASSERT_TRUE(q.ok());
  ASSERT_EQ(q.terms.size(), 2u);
  EXPECT_TRUE(q.terms[0].quoted);
  EXPECT_EQ(q.terms[0].text, "信息 公开");
  EXPECT_TRUE(q.terms[1].exclude);
  EXPECT_EQ(q.terms[1].text, "草案");
  // Inside a word the quotes are ordinary punctuation.
  q = parse_query("关于“十四五”规划");
  ASSERT_EQ(q.terms.size(), 1u);
  EXPECT_FALSE(q.terms[0].quoted);
  // A hyphen inside a word does not exclude.
  q = parse_query("2013-2014");
  ASSERT_EQ(q.terms.size(), 1u);
  EXPECT_FALSE(q.terms[0].exclude);
}

TEST(Query, TraditionalAndFullWidthAreFolded) {
  Query q = parse_query("資訊公開 ＡＢＣ");
  ASSERT_TRUE(q.ok());
  EXPECT_EQ(q.terms[0].text, "资讯公开");
  EXPECT_EQ(q.terms[1].text, "abc");
}

TEST(Query, EscapesDoubleQuotesForFts5) {
  Query q = parse_query("ab\"cd");
  ASSERT_TRUE(q.ok());
  EXPECT_EQ(q.terms[0].text, "ab\"cd");
  EXPECT_EQ(to_fts5_match(q), "\"ab\"\"cd\"");
  EXPECT_EQ(to_pg_tsquery(q), "('ab' <-> 'cd')");
}

TEST(Query, TsquerySyntaxInInputCannotEscapeQuotes) {
  Query q = parse_query("a&b|c!d:*<->'e\\f' )(");
  ASSERT_TRUE(q.ok());
  EXPECT_EQ(to_pg_tsquery(q), "('a' <-> 'b' <-> 'c' <-> 'd' <-> 'e' <-> 'f')");
  // Lexemes are escaped even though the tokenizer never yields ' or \.
  Query manual;
  QueryTerm t;
  t.text = "x";
  t.tokens.push_back(Token{"it's\\", 0, 1, 0, false, 0});
  manual.terms.push_back(t);
  EXPECT_EQ(to_pg_tsquery(manual), "'it''s\\\\'");
}

TEST(Query, ControlCharactersNeverReachFts5) {
  Query q = parse_query(std::string("ab\0cd\x01" "ef", 8));
  ASSERT_TRUE(q.ok());
  std::string m = to_fts5_match(q);
  for (char c : m) EXPECT_GE(static_cast<unsigned char>(c), 0x20);
}

TEST(Query, TermsWithoutWordsAreDropped) {
  Query q = parse_query("报告 !!! 😀 -");
  ASSERT_TRUE(q.ok());
  ASSERT_EQ(q.terms.size(), 1u);
  EXPECT_EQ(q.terms[0].text, "报告");
}

TEST(Query, Errors) {
  EXPECT_EQ(parse_query("").error, QueryError::kEmpty);
  EXPECT_EQ(parse_query(" \t\u3000 ").error, QueryError::kEmpty);
  EXPECT_EQ(parse_query("-报告").error, QueryError::kOnlyExclusions);
  EXPECT_EQ(parse_query("-a -\"b c\"").error, QueryError::kOnlyExclusions);
  EXPECT_EQ(parse_query("!!! 😀").error, QueryError::kNoSearchableText);
  EXPECT_EQ(parse_query("\"\"").error, QueryError::kEmpty);

  std::string s;
  for (int i = 0; i < 200; ++i) s += "报";
  EXPECT_TRUE(parse_query(s).ok());
  EXPECT_EQ(parse_query(s + "报").error, QueryError::kTooLong);
  EXPECT_EQ(parse_query(std::string(801, '\x80')).error, QueryError::kTooLong);

  std::string terms;
  for (int i = 0; i < 32; ++i) terms += "a ";
  EXPECT_TRUE(parse_query(terms).ok());
  EXPECT_EQ(parse_query(terms + "b").error, QueryError::kTooManyTerms);

  Query bad = parse_query("-报告");
  EXPECT_TRUE(bad.terms.empty());
  EXPECT_EQ(to_fts5_match(bad), "");
  EXPECT_EQ(to_pg_tsquery(bad), "");
  for (QueryError e : {QueryError::kEmpty, QueryError::kTooLong, QueryError::kTooManyTerms,
                       QueryError::kOnlyExclusions, QueryError::kNoSearchableText}) {
    EXPECT_TRUE(std::string(query_error_code(e)).starts_with("query_"));
    EXPECT_GT(std::string(query_error_message(e)).size(), 6u);
  }
  EXPECT_STREQ(query_error_code(QueryError::kTooLong), "query_too_long");
  EXPECT_STREQ(query_error_message(QueryError::kOnlyExclusions),
               "查询不能只包含排除词（以“-”开头的词），请至少输入一个要查找的词。");
}

TEST(Query, OddBytesNeverCrash) {
  for (std::string s : {std::string("\xff\"\xc3-", 4), std::string("-\"", 2), std::string("\0\0-\0", 4),
                        std::string("\u202E报告\u202C -\u0301"), std::string("“”“")}) {
    Query q = parse_query(s);
    to_fts5_match(q);
    to_pg_tsquery(q);
  }
}

}  // namespace
}  // namespace gongkai::search
