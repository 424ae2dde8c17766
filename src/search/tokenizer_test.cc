#include "search/tokenizer.h"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "search/folding.h"

namespace gongkai::search {
namespace {

using Texts = std::vector<std::string>;

Texts texts(const std::vector<Token>& tokens) {
  Texts out;
  for (const auto& t : tokens) out.push_back(t.text);
  return out;
}
Texts doc(std::string_view s) { return texts(tokenize(s)); }
Texts qry(std::string_view s) { return texts(query_tokens(s)); }

// Structural promises that hold for every input.
void check_invariants(std::string_view input) {
  for (TokenizeMode mode : {TokenizeMode::kDocument, TokenizeMode::kQuery}) {
    auto tokens = tokenize(input, mode);
    std::set<uint32_t> seqs;
    for (size_t i = 0; i < tokens.size(); ++i) {
      const Token& t = tokens[i];
      EXPECT_FALSE(t.text.empty());
      EXPECT_LE(t.text.size(), kMaxTokenBytes);
      EXPECT_LT(t.start, t.end);
      EXPECT_LE(t.end, input.size());
      EXPECT_EQ(t.text.find(' '), std::string::npos);
      EXPECT_TRUE(seqs.insert(t.seq).second);
      if (i == 0) {
        EXPECT_FALSE(t.colocated);
      } else if (mode == TokenizeMode::kQuery) {
        EXPECT_EQ(t.position, tokens[i - 1].position + 1) << "query positions must be consecutive";
        EXPECT_GT(t.seq, tokens[i - 1].seq);
      } else {
        EXPECT_EQ(t.colocated, t.position == tokens[i - 1].position);
        EXPECT_LE(tokens[i - 1].position, t.position);
      }
    }
  }
}

TEST(Tokenizer, CjkRunGivesSinglesAndBigrams) {
  auto t = tokenize("慈溪市");
  EXPECT_EQ(texts(t), (Texts{"慈溪", "慈", "溪市", "溪", "市"}));
  std::vector<uint32_t> pos, start, end, seq;
  std::vector<bool> coloc;
  for (const auto& x : t) {
    pos.push_back(x.position);
    start.push_back(x.start);
    end.push_back(x.end);
    seq.push_back(x.seq);
    coloc.push_back(x.colocated);
  }
  EXPECT_EQ(pos, (std::vector<uint32_t>{0, 0, 1, 1, 2}));
  EXPECT_EQ(coloc, (std::vector<bool>{false, true, false, true, false}));
  EXPECT_EQ(start, (std::vector<uint32_t>{0, 0, 3, 3, 6}));
  EXPECT_EQ(end, (std::vector<uint32_t>{6, 3, 9, 6, 9}));
  EXPECT_EQ(seq, (std::vector<uint32_t>{1, 0, 3, 2, 4}));
  EXPECT_EQ(pg_document_text("慈溪市"), "慈 慈溪 溪 溪市 市");
}

TEST(Tokenizer, QueryModeGivesBigramPhrase) {
  EXPECT_EQ(qry("慈"), (Texts{"慈"}));
  EXPECT_EQ(qry("慈溪"), (Texts{"慈溪"}));
  EXPECT_EQ(qry("慈溪市"), (Texts{"慈溪", "溪市"}));
  EXPECT_EQ(qry("信息公开"), (Texts{"信息", "息公", "公开"}));
  // The last character of a run bridges to whatever follows in the same term.
  EXPECT_EQ(qry("信息·公开"), (Texts{"信息", "息", "公开"}));
  EXPECT_EQ(qry("信息a"), (Texts{"信息", "息", "a"}));
  EXPECT_EQ(qry("a信息"), (Texts{"a", "信息"}));
  EXPECT_EQ(qry("报 告"), (Texts{"报", "告"}));
}

TEST(Tokenizer, DocumentNumber) {
  auto t = tokenize("慈商〔2013〕12号");
  EXPECT_EQ(texts(t), (Texts{"慈商", "慈", "商", "2013", "12", "号"}));
  EXPECT_EQ(t[3].start, 9u);  // 慈商〔 = 9 bytes
  EXPECT_EQ(t[3].end, 13u);
  EXPECT_EQ(t[4].start, 16u);
  EXPECT_EQ(t[4].end, 18u);
  EXPECT_EQ(t[5].start, 18u);
  EXPECT_EQ(t[5].end, 21u);
  EXPECT_EQ(qry("慈商〔2013〕12号"), (Texts{"慈商", "商", "2013", "12", "号"}));
}

TEST(Tokenizer, MixedDigitsAndChinese) {
  EXPECT_EQ(doc("2013年度报告"), (Texts{"2013", "年度", "年", "度报", "度", "报告", "报", "告"}));
  EXPECT_EQ(qry("2013年度报告"), (Texts{"2013", "年度", "度报", "报告"}));
  EXPECT_EQ(pg_document_text("2013年度"), "2013 年 年度 度");
}

TEST(Tokenizer, LatinWords) {
  EXPECT_EQ(doc("Annual Report (English words), 2013."),
            (Texts{"annual", "report", "english", "words", "2013"}));
  EXPECT_EQ(doc("3.14 don't e-mail a_b"), (Texts{"3", "14", "don", "t", "e", "mail", "a", "b"}));
  EXPECT_EQ(doc("ÉCOLE café naïve"), (Texts{"école", "café", "naïve"}));
  EXPECT_EQ(doc("Ελληνικά русский"), (Texts{"ελληνικά", "русский"}));
  auto t = tokenize("ab cd");
  EXPECT_EQ(t[1].position, 1u);
  EXPECT_EQ(t[1].start, 3u);
  EXPECT_EQ(t[1].end, 5u);
}

TEST(Tokenizer, FullWidthFoldedWithOriginalOffsets) {
  auto t = tokenize("ＡＢＣ１２３");
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0].text, "abc123");
  EXPECT_EQ(t[0].start, 0u);
  EXPECT_EQ(t[0].end, 18u);
  t = tokenize("第２０１３号");
  EXPECT_EQ(texts(t), (Texts{"第", "2013", "号"}));
  EXPECT_EQ(t[1].start, 3u);
  EXPECT_EQ(t[1].end, 15u);
}

TEST(Tokenizer, TraditionalFolds) {
  EXPECT_EQ(doc("資訊公開"), doc("资讯公开"));
  EXPECT_EQ(qry("資訊公開"), (Texts{"资讯", "讯公", "公开"}));
  auto t = tokenize("政府資訊");
  EXPECT_EQ(t[2].text, "府资");
  EXPECT_EQ(t[2].start, 3u);
  EXPECT_EQ(t[2].end, 9u);
}

TEST(Tokenizer, KanaAndHangulLikeHan) {
  EXPECT_EQ(doc("カタカナ"), (Texts{"カタ", "カ", "タカ", "タ", "カナ", "カ", "ナ"}));
  EXPECT_EQ(qry("ｶﾀｶﾅ"), (Texts{"カタ", "タカ", "カナ"}));
  EXPECT_EQ(qry("한국어"), (Texts{"한국", "국어"}));
  EXPECT_EQ(qry("データ"), (Texts{"デー", "ータ"}));
}

TEST(Tokenizer, OddUnicode) {
  // Combining mark inside a CJK run is skipped, not a break.
  auto t = tokenize("中\u0301文");
  EXPECT_EQ(texts(t), (Texts{"中文", "中", "文"}));
  EXPECT_EQ(t[0].start, 0u);
  EXPECT_EQ(t[0].end, 8u);
  EXPECT_EQ(doc("\u0301\u0301"), Texts{});
  // RTL override and zero-width characters vanish.
  EXPECT_EQ(doc("信\u202E息"), (Texts{"信息", "信", "息"}));
  EXPECT_EQ(doc("\u202Eabc\u202C"), (Texts{"abc"}));
  // Emoji produce nothing and break runs.
  EXPECT_EQ(doc("报告😀2013"), (Texts{"报告", "报", "告", "2013"}));
  EXPECT_EQ(doc("😀👨\u200D👩\u200D👧🇨🇳"), Texts{});
  // NUL is a separator.
  EXPECT_EQ(doc(std::string("信息\0公开", 13)), (Texts{"信息", "信", "息", "公开", "公", "开"}));
  EXPECT_EQ(doc(std::string("ab\0cd", 5)), (Texts{"ab", "cd"}));
  EXPECT_EQ(doc(std::string(8, '\0')), Texts{});
  // Invalid UTF-8 is a separator; offsets still refer to the input.
  t = tokenize("\xff信息\xc3");
  EXPECT_EQ(texts(t), (Texts{"信息", "信", "息"}));
  EXPECT_EQ(t[0].start, 1u);
  EXPECT_EQ(t[0].end, 7u);
  EXPECT_EQ(doc("ab\xff" "cd\xe4\xb8"), (Texts{"ab", "cd"}));
  EXPECT_EQ(doc(""), Texts{});
  for (std::string s : {"中\u0301文", "\u202E报告\u202C", "a\u0301\u0302\u0303b", "😀a😀", "\xff\xfe\xfd",
                        "\xe4\xb8", "ภาษาไทยง่ายนิดเดียว", "مرحبا بالعالم", "ﷺ ㍿ ㈱ ½ ﬁ", "\u0301中"}) {
    check_invariants(s);
  }
}

TEST(Tokenizer, ThaiUsesIcuDictionary) {
  auto t = doc("ภาษาไทยง่ายนิดเดียว");
  EXPECT_GE(t.size(), 3u);  // split into words, not one run
}

TEST(Tokenizer, LongWordIsCut) {
  std::string s(100, 'a');
  auto t = tokenize(s + " b");
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0].text, std::string(kMaxTokenBytes, 'a'));
  EXPECT_EQ(t[0].end, kMaxTokenBytes);
  std::string e;
  for (int i = 0; i < 40; ++i) e += "é";  // 2 bytes each: cut at a code point
  t = tokenize(e);
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0].text.size(), kMaxTokenBytes);
  EXPECT_EQ(t[0].end, kMaxTokenBytes);
}

TEST(Tokenizer, InputIsCapped) {
  std::string s;
  while (s.size() < kMaxTokenizeBytes + 100) s += "报告 ";
  uint32_t last_end = 0;
  size_t n = 0;
  for_each_token(s, TokenizeMode::kDocument, [&](const TokenView& t) {
    last_end = t.end;
    ++n;
    return true;
  });
  EXPECT_LE(last_end, kMaxTokenizeBytes);
  EXPECT_GT(n, 0u);
}

TEST(Tokenizer, CallbackCanStop) {
  int calls = 0;
  for_each_token("信息公开工作年度报告", TokenizeMode::kDocument, [&](const TokenView&) { return ++calls < 2; });
  EXPECT_EQ(calls, 2);
}

TEST(Tokenizer, FoldedInputTokenizesTheSame) {
  for (std::string s : {"資訊公開 ＡＢＣ１２３", "慈商〔2013〕12号", "Straße café ﬁ", "a\xff" "b\0c"}) {
    EXPECT_EQ(doc(s), doc(fold(s))) << s;
  }
}

// Matches a query term against a document the way each database would, and checks
// recall: every substring of the folded document is found.
struct Index {
  std::map<std::string, std::set<uint32_t>> fts5;  // token → positions
  std::map<std::string, std::set<uint32_t>> pg;    // token → tsvector positions
  explicit Index(std::string_view text) {
    for (const auto& t : tokenize(text)) {
      fts5[t.text].insert(t.position);
      pg[t.text].insert(t.seq + 1);
    }
  }
  bool has(const std::map<std::string, std::set<uint32_t>>& m, const std::string& tok, uint32_t at) const {
    auto it = m.find(tok);
    return it != m.end() && it->second.count(at);
  }
  bool fts5_phrase(const std::vector<Token>& q) const {
    auto it = fts5.find(q[0].text);
    if (it == fts5.end()) return false;
    for (uint32_t p : it->second) {
      bool all = true;
      for (size_t i = 1; i < q.size() && all; ++i) all = has(fts5, q[i].text, p + static_cast<uint32_t>(i));
      if (all) return true;
    }
    return false;
  }
  bool pg_phrase(const std::vector<Token>& q) const {
    auto it = pg.find(q[0].text);
    if (it == pg.end()) return false;
    for (uint32_t p : it->second) {
      bool all = true;
      for (size_t i = 1; i < q.size() && all; ++i) all = has(pg, q[i].text, p + q[i].seq - q[0].seq);
      if (all) return true;
    }
    return false;
  }
};

bool ascii_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

TEST(Tokenizer, EverySubstringIsFoundByBothPhraseModels) {
  for (std::string text : {"关于2013年度政府信息公开工作报告的通知", "慈商〔2013〕12号 慈溪市商务局",
                           "資訊公開：信息·公开 a信息b 报告2013年", "《宁波市政府信息公开规定》（市政府令第123号）"}) {
    Index index(text);
    std::string f = fold(text);
    std::vector<size_t> cps;  // code point starts
    for (size_t i = 0; i < f.size(); ++i)
      if ((static_cast<unsigned char>(f[i]) & 0xC0) != 0x80) cps.push_back(i);
    cps.push_back(f.size());
    for (size_t a = 0; a + 1 < cps.size(); ++a) {
      for (size_t b = a + 1; b < cps.size() && b - a <= 10; ++b) {
        size_t s = cps[a], e = cps[b];
        // Words match whole: skip substrings that cut an ASCII word.
        if (s > 0 && ascii_alnum(f[s - 1]) && ascii_alnum(f[s])) continue;
        if (e < f.size() && ascii_alnum(f[e - 1]) && ascii_alnum(f[e])) continue;
        std::string sub = f.substr(s, e - s);
        auto q = query_tokens(sub);
        if (q.empty()) continue;
        EXPECT_TRUE(index.fts5_phrase(q)) << "FTS5 misses [" << sub << "] in " << text;
        EXPECT_TRUE(index.pg_phrase(q)) << "PostgreSQL misses [" << sub << "] in " << text;
      }
    }
  }
}

TEST(Tokenizer, PhraseDoesNotMatchScatteredCharacters) {
  Index index("信息和公开");
  EXPECT_FALSE(index.fts5_phrase(query_tokens("信息公开")));
  EXPECT_FALSE(index.pg_phrase(query_tokens("信息公开")));
  EXPECT_TRUE(index.fts5_phrase(query_tokens("公开")));
}

}  // namespace
}  // namespace gongkai::search
