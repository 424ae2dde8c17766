#include "search/folding.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

namespace gongkai::search {
namespace {

bool valid_utf8(const std::string& s) {
  for (size_t i = 0; i < s.size();) {
    unsigned char c = s[i];
    size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (size_t k = 1; k < n; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    i += n;
  }
  return true;
}

TEST(Folding, LoadsDebianOpenccConfig) {
  init_folding();
  EXPECT_TRUE(opencc_config_path().ends_with("t2s.json")) << opencc_config_path();
}

TEST(Folding, FullWidthAndCase) {
  EXPECT_EQ(fold("ＡＢＣ１２３"), "abc123");
  EXPECT_EQ(fold("（２０１３）"), "(2013)");
  EXPECT_EQ(fold("Hello WORLD"), "hello world");
  EXPECT_EQ(fold("Straße"), "strasse");
  EXPECT_EQ(fold("信息\u3000公开"), "信息 公开");  // ideographic space
  EXPECT_EQ(fold("①②"), "12");
  EXPECT_EQ(fold("ｶﾀｶﾅ"), "カタカナ");
}

TEST(Folding, TraditionalToSimplified) {
  EXPECT_EQ(fold("資訊公開"), "资讯公开");
  EXPECT_EQ(fold("臺灣政府資訊公開條例"), "台湾政府资讯公开条例");
  EXPECT_EQ(fold("资讯公开"), "资讯公开");
  // Character by character, not phrase by phrase: 乾 always folds the same way, so a
  // query for 乾 finds it inside 乾隆 too.
  EXPECT_EQ(fold("乾隆"), fold("乾") + fold("隆"));
}

TEST(Folding, CombiningMarksCompose) {
  EXPECT_EQ(fold("e\u0301"), "\u00e9");
  EXPECT_EQ(fold("E\u0301"), "\u00e9");
  EXPECT_EQ(fold("中\u0301"), "中\u0301");  // nothing to compose with; kept
}

TEST(Folding, InvisibleAndControlCharacters) {
  EXPECT_EQ(fold("ab\u202Ecd"), "abcd");                  // RTL override removed
  EXPECT_EQ(fold("信\u200B息"), "信息");                   // zero-width space removed
  EXPECT_EQ(fold(std::string("a\0b", 3)), "a b");           // NUL becomes a space
  EXPECT_EQ(fold("a\tb\nc\x01" "d"), "a\tb\nc d");
  EXPECT_EQ(fold("😀"), "😀");
  EXPECT_EQ(fold("👨\u200D👩"), "👨👩");                    // ZWJ removed
}

TEST(Folding, InvalidUtf8BecomesReplacementCharacter) {
  EXPECT_EQ(fold("a\xff" "b"), "a\uFFFD" "b");
  EXPECT_EQ(fold("\xe4\xb8"), "\uFFFD");                  // truncated 中
  EXPECT_EQ(fold("\xc0\xaf"), "\uFFFD\uFFFD");            // overlong '/'
  EXPECT_EQ(fold("\xed\xa0\x80"), "\uFFFD\uFFFD\uFFFD");  // surrogate
  EXPECT_EQ(fold("\xf4\x90\x80\x80"), "\uFFFD\uFFFD\uFFFD\uFFFD");  // > U+10FFFF
  for (std::string s : {"\x80", "\xe4\xb8\xad\xe4", "\xf0\x9f\x98", "a\xc3", "\xc3(", "\xfe\xfe"})
    EXPECT_TRUE(valid_utf8(fold(s))) << s;
}

TEST(Folding, Idempotent) {
  for (std::string s : {"ＡＢＣ１２３ 資訊公開", "Straße e\u0301 ǅ ﬁ ㈱ ½", "a\xff\xc3 中\u0301\u0302文",
                        "カ\u3099 ｶﾞ 한국어 ᄀ\u1161", "薴 苧", "ΣΑΣ İstanbul"}) {
    std::string once = fold(s);
    EXPECT_EQ(fold(once), once) << s;
  }
}

TEST(Folding, MapsFoldedCharsToSourceBytes) {
  std::string out;
  std::vector<FoldedChar> chars;
  fold_mapped("Ａ資\xff㈱", &out, &chars);
  EXPECT_EQ(out, "a资\uFFFD(株)");
  ASSERT_EQ(chars.size(), 6u);
  EXPECT_EQ(chars[0].cp, U'a');
  EXPECT_EQ(chars[0].src_begin, 0u);
  EXPECT_EQ(chars[0].src_end, 3u);
  EXPECT_EQ(chars[1].cp, U'资');
  EXPECT_EQ(chars[1].out, 1u);
  EXPECT_EQ(chars[1].src_begin, 3u);
  EXPECT_EQ(chars[1].src_end, 6u);
  EXPECT_EQ(chars[2].cp, 0xFFFDu);
  EXPECT_EQ(chars[2].src_begin, 6u);
  EXPECT_EQ(chars[2].src_end, 7u);
  for (int i = 3; i < 6; ++i) {  // ( 株 ) all come from ㈱
    EXPECT_EQ(chars[i].src_begin, 7u);
    EXPECT_EQ(chars[i].src_end, 10u);
  }
  EXPECT_EQ(chars[4].cp, U'株');
}

TEST(Folding, LongRunOfCombiningMarksIsCheap) {
  std::string s = "a";
  for (int i = 0; i < 100000; ++i) s += (i % 2) ? "\u0301" : "\u0316";  // alternating classes
  std::string out = fold(s);
  EXPECT_TRUE(valid_utf8(out));
  EXPECT_LE(out.size(), s.size());      // a + U+0301 composes into á
  EXPECT_GE(out.size() + 10, s.size());
}

TEST(Folding, ThreadSafe) {
  const std::string input = "資訊公開 ＡＢＣ１２３ Straße";
  const std::string expected = fold(input);
  std::vector<std::thread> threads;
  std::vector<int> bad(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 2000; ++i) bad[t] += fold(input) != expected;
    });
  }
  for (auto& th : threads) th.join();
  for (int b : bad) EXPECT_EQ(b, 0);
}

}  // namespace
}  // namespace gongkai::search
