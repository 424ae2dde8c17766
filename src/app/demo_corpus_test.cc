#include "app/demo_corpus.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace gongkai::app {
namespace {

using core::Date;

const std::vector<DemoItem>& corpus() {
  static const std::vector<DemoItem> kCorpus = generate_demo_corpus();
  return kCorpus;
}

Date ymd(int y, int m, int d) { return *Date::from_ymd(y, m, d); }

// Monday-Friday days d with from < d <= to: the Art. 26 count used until the holiday
// calendar lands.
int weekdays_between(Date from, Date to) {
  int n = 0;
  for (Date d = from.add_days(1); d <= to; d = d.add_days(1)) {
    if (!d.is_weekend()) ++n;
  }
  return n;
}

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

size_t count_of(const std::string& s, const std::string& needle) {
  size_t n = 0;
  for (size_t i = s.find(needle); i != std::string::npos; i = s.find(needle, i + needle.size())) ++n;
  return n;
}

TEST(DemoCorpus, MatchesTheSeedFigures) {
  const auto& items = corpus();
  ASSERT_EQ(items.size(), 517u);
  std::map<std::string, int> cumulative, in2013;
  int total2013 = 0;
  for (const auto& it : items) {
    ASSERT_LE(it.publish_date, ymd(2013, 12, 31)) << it.title;
    ++cumulative[it.class_top];
    if (it.publish_date.year() == 2013) {
      ++in2013[it.class_top];
      ++total2013;
    }
  }
  EXPECT_EQ(total2013, 203);
  EXPECT_EQ(cumulative["政策法规类"], 76);
  EXPECT_EQ(cumulative["业务类"], 253);
  EXPECT_EQ(cumulative["便民服务类"], 174);
  EXPECT_EQ(cumulative["计划总结类"], 14);
  EXPECT_EQ(in2013["政策法规类"], 8);
  EXPECT_EQ(in2013["业务类"], 56);
  EXPECT_EQ(in2013["便民服务类"], 137);
  EXPECT_EQ(in2013["计划总结类"], 2);
}

TEST(DemoCorpus, IsDeterministic) {
  const auto a = generate_demo_corpus();
  const auto b = generate_demo_corpus();
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    SCOPED_TRACE(a[i].title);
    EXPECT_EQ(a[i].title, b[i].title);
    EXPECT_EQ(a[i].summary, b[i].summary);
    EXPECT_EQ(a[i].body_html, b[i].body_html);
    EXPECT_EQ(a[i].doc_no, b[i].doc_no);
    EXPECT_EQ(a[i].keywords, b[i].keywords);
    EXPECT_EQ(a[i].class_top, b[i].class_top);
    EXPECT_EQ(a[i].class_sub, b[i].class_sub);
    EXPECT_EQ(a[i].topic, b[i].topic);
    EXPECT_EQ(a[i].topic_sub, b[i].topic_sub);
    EXPECT_EQ(a[i].genre, b[i].genre);
    EXPECT_EQ(a[i].department, b[i].department);
    EXPECT_EQ(a[i].creation_date, b[i].creation_date);
    EXPECT_EQ(a[i].publish_date, b[i].publish_date);
    EXPECT_EQ(a[i].validity, b[i].validity);
    EXPECT_EQ(a[i].validity_changed, b[i].validity_changed);
    EXPECT_EQ(a[i].carrier, b[i].carrier);
  }
}

// FNV-1a over every field of every item.
uint64_t fingerprint(const std::vector<DemoItem>& items) {
  uint64_t h = 1469598103934665603ULL;
  auto add = [&](const std::string& s) {
    for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
    h = (h ^ 0xFFu) * 1099511628211ULL;  // field separator
  };
  for (const auto& it : items) {
    for (const std::string* f : {&it.title, &it.summary, &it.body_html, &it.doc_no, &it.keywords,
                                 &it.class_top, &it.class_sub, &it.topic, &it.topic_sub, &it.genre,
                                 &it.department, &it.validity, &it.carrier}) {
      add(*f);
    }
    add(it.creation_date.iso());
    add(it.publish_date.iso());
    add(it.validity_changed ? it.validity_changed->iso() : "");
  }
  return h;
}

// The same output on every machine and compiler: a pinned fingerprint. If the generator is
// changed on purpose, review the new output and update the constant.
TEST(DemoCorpus, OutputIsPinned) {
  EXPECT_EQ(fingerprint(corpus()), 3775079879937456830ULL) << "demo corpus changed; see the comment above";
}

TEST(DemoCorpus, TextsArePresentAndTitlesUnique) {
  std::set<std::string> titles;
  for (const auto& it : corpus()) {
    SCOPED_TRACE(it.title);
    EXPECT_FALSE(it.title.empty());
    EXPECT_FALSE(it.body_html.empty());
    EXPECT_TRUE(titles.insert(it.title).second) << "duplicate title";
    EXPECT_TRUE(ends_with(it.summary, "。"));
    EXPECT_EQ(count_of(it.summary, "。"), 1u) << it.summary;
    EXPECT_EQ(it.carrier, "电子");
    EXPECT_EQ(it.title.find('{'), std::string::npos);
    EXPECT_EQ(it.body_html.find('{'), std::string::npos);
    // Keywords: 2-4 words separated by single spaces.
    EXPECT_FALSE(it.keywords.empty());
    EXPECT_EQ(it.keywords.find("  "), std::string::npos);
    EXPECT_NE(it.keywords.front(), ' ');
    EXPECT_NE(it.keywords.back(), ' ');
    const size_t words = count_of(it.keywords, " ") + 1;
    EXPECT_GE(words, 2u) << it.keywords;
    EXPECT_LE(words, 4u) << it.keywords;
  }
}

TEST(DemoCorpus, BodiesAreEscapedParagraphsOnly) {
  for (const auto& it : corpus()) {
    SCOPED_TRACE(it.title);
    const std::string& h = it.body_html;
    size_t pos = 0;
    int paragraphs = 0;
    while (pos < h.size()) {
      if (paragraphs > 0) {
        ASSERT_EQ(h[pos], '\n');
        ++pos;
      }
      ASSERT_EQ(h.compare(pos, 3, "<p>"), 0) << h.substr(pos, 40);
      pos += 3;
      const size_t close = h.find("</p>", pos);
      ASSERT_NE(close, std::string::npos);
      const std::string text = h.substr(pos, close - pos);
      EXPECT_FALSE(text.empty());
      EXPECT_EQ(text.find('<'), std::string::npos);
      EXPECT_EQ(text.find('>'), std::string::npos);
      EXPECT_EQ(text.find('"'), std::string::npos);
      for (size_t a = text.find('&'); a != std::string::npos; a = text.find('&', a + 1)) {
        const std::string rest = text.substr(a);
        EXPECT_TRUE(rest.rfind("&amp;", 0) == 0 || rest.rfind("&lt;", 0) == 0 ||
                    rest.rfind("&gt;", 0) == 0 || rest.rfind("&quot;", 0) == 0 ||
                    rest.rfind("&#39;", 0) == 0)
            << rest.substr(0, 10);
      }
      pos = close + 4;
      ++paragraphs;
    }
    EXPECT_GE(paragraphs, 2);
    EXPECT_LE(paragraphs, 6);
  }
}

TEST(DemoCorpus, DatesAreValidAndRealistic) {
  const auto& items = corpus();
  std::map<int, int> per_year;
  int late = 0, within15 = 0;
  for (size_t i = 0; i < items.size(); ++i) {
    const auto& it = items[i];
    SCOPED_TRACE(it.title);
    for (Date d : {it.creation_date, it.publish_date}) {
      EXPECT_EQ(Date::parse(d.iso()), d);
      EXPECT_EQ(Date::from_ymd(d.year(), d.month(), d.day()), d);
      EXPECT_FALSE(d.is_weekend()) << d.iso();
    }
    EXPECT_GE(it.publish_date, ymd(2008, 5, 1));
    EXPECT_LE(it.publish_date, ymd(2013, 12, 31));
    EXPECT_LE(it.creation_date, it.publish_date);
    EXPECT_GE(it.creation_date, ymd(2008, 1, 1));
    if (i > 0) {
      EXPECT_LE(items[i - 1].publish_date, it.publish_date) << "not sorted";
    }
    ++per_year[it.publish_date.year()];
    const int lag = weekdays_between(it.creation_date, it.publish_date);
    if (lag > 20) ++late;
    if (lag <= 15) ++within15;
  }
  // Art. 26: a handful of items took longer than 20 working days.
  EXPECT_GE(late, 3);
  EXPECT_LE(late, 8);
  EXPECT_GE(within15 * 100, static_cast<int>(items.size()) * 95);
  for (int y = 2008; y <= 2013; ++y) EXPECT_GE(per_year[y], 30) << y;
}

TEST(DemoCorpus, ClassificationIsConsistent) {
  const DemoAgency& ag = demo_agency();
  std::map<std::string, std::set<std::string>> subs;
  for (const auto& c : ag.classes) subs[c.name] = {c.subclasses.begin(), c.subclasses.end()};
  const std::set<std::string> depts(ag.departments.begin(), ag.departments.end());
  const std::set<std::string> genres = {"通知", "公告", "通告", "意见", "通报", "报告",
                                        "批复", "函",   "纪要", "决定", "其他"};
  const std::set<std::string> topics = {"商贸、海关、旅游", "综合政务", "国民经济管理、国有资产监管",
                                        "财政、金融、审计"};
  std::map<std::string, int> by_topic;
  for (const auto& it : corpus()) {
    SCOPED_TRACE(it.title);
    ASSERT_TRUE(subs.count(it.class_top)) << it.class_top;
    EXPECT_TRUE(subs[it.class_top].count(it.class_sub)) << it.class_sub;
    EXPECT_TRUE(depts.count(it.department)) << it.department;
    EXPECT_TRUE(genres.count(it.genre)) << it.genre;
    EXPECT_TRUE(topics.count(it.topic)) << it.topic;
    EXPECT_FALSE(it.topic_sub.empty());
    ++by_topic[it.topic];
    if (it.class_sub == "政务动态") {
      EXPECT_EQ(it.genre, "其他");
    }
  }
  // Mostly 商贸、海关、旅游 and 综合政务.
  EXPECT_GT(by_topic["商贸、海关、旅游"] + by_topic["综合政务"], 517 * 3 / 4);
  EXPECT_GT(by_topic["国民经济管理、国有资产监管"], 0);
  EXPECT_GT(by_topic["财政、金融、审计"], 0);
}

TEST(DemoCorpus, ValidityChangesAreDated) {
  int expired = 0, repealed = 0;
  for (const auto& it : corpus()) {
    SCOPED_TRACE(it.title);
    if (it.validity == "有效") {
      EXPECT_FALSE(it.validity_changed.has_value());
      continue;
    }
    EXPECT_TRUE(it.validity == "失效" || it.validity == "废止") << it.validity;
    ASSERT_TRUE(it.validity_changed.has_value());
    EXPECT_GT(*it.validity_changed, it.publish_date);
    EXPECT_LE(*it.validity_changed, ymd(2013, 12, 31));
    EXPECT_EQ(it.class_top, "政策法规类");
    (it.validity == "失效" ? expired : repealed)++;
  }
  EXPECT_GE(expired, 1);
  EXPECT_GE(repealed, 1);
  EXPECT_LE(expired + repealed, 10);
}

struct DocNo {
  std::string prefix;
  int year = 0;
  int serial = 0;
};

// Parses PREFIX〔YYYY〕N号.
std::optional<DocNo> parse_doc_no(const std::string& s) {
  const std::string open = "〔", close = "〕", hao = "号";
  const size_t o = s.find(open), c = s.find(close);
  if (o == std::string::npos || c == std::string::npos || o == 0 || !ends_with(s, hao)) return std::nullopt;
  DocNo d;
  d.prefix = s.substr(0, o);
  const std::string year = s.substr(o + open.size(), c - o - open.size());
  const std::string serial = s.substr(c + close.size(), s.size() - c - close.size() - hao.size());
  if (year.size() != 4 || serial.empty() || serial[0] == '0') return std::nullopt;
  for (char ch : year + serial) {
    if (ch < '0' || ch > '9') return std::nullopt;
  }
  d.year = std::stoi(year);
  d.serial = std::stoi(serial);
  return d;
}

TEST(DemoCorpus, DocumentNumbersAreUniqueAndIncreasing) {
  std::map<std::pair<std::string, int>, std::vector<std::pair<Date, int>>> by_issuer;
  std::set<std::string> seen;
  for (const auto& it : corpus()) {
    SCOPED_TRACE(it.title);
    if (it.class_sub == "政务动态") {
      EXPECT_TRUE(it.doc_no.empty());
    }
    if (it.class_sub == "规范性文件" || it.class_sub == "本单位文件" || it.class_sub == "上级文件") {
      EXPECT_FALSE(it.doc_no.empty());
    }
    if (it.doc_no.empty()) continue;
    const auto d = parse_doc_no(it.doc_no);
    ASSERT_TRUE(d.has_value()) << it.doc_no;
    EXPECT_EQ(d->year, it.creation_date.year()) << it.doc_no;
    EXPECT_TRUE(seen.insert(it.doc_no).second) << "duplicate " << it.doc_no;
    if (it.class_sub == "规范性文件" || it.class_sub == "本单位文件") {
      EXPECT_EQ(d->prefix, "慈商");
    }
    if (it.class_sub == "上级文件") {
      EXPECT_NE(d->prefix, "慈商");
    }
    by_issuer[{d->prefix, d->year}].push_back({it.creation_date, d->serial});
  }
  for (auto& [key, v] : by_issuer) {
    std::sort(v.begin(), v.end());
    for (size_t i = 1; i < v.size(); ++i) {
      EXPECT_LT(v[i - 1].second, v[i].second) << key.first << key.second;
    }
  }
  EXPECT_GT(by_issuer.size(), 10u);
}

TEST(DemoCorpus, AnnualReportsCoverEveryYearAndQuoteTheCatalog) {
  const auto& items = corpus();
  std::set<int> years;
  for (const auto& it : items) {
    if (it.class_sub != "年度报告") continue;
    SCOPED_TRACE(it.title);
    const int y = it.publish_date.year() - 1;
    years.insert(y);
    EXPECT_EQ(it.publish_date.month(), 3);
    EXPECT_NE(it.title.find(std::to_string(y) + "年度"), std::string::npos);
    int cumulative = 0, in_year = 0;
    for (const auto& o : items) {
      if (o.publish_date.year() <= y) ++cumulative;
      if (o.publish_date.year() == y) ++in_year;
    }
    EXPECT_NE(it.body_html.find("累计主动公开政府信息" + std::to_string(cumulative) + "条"), std::string::npos);
    EXPECT_NE(it.body_html.find(std::to_string(y) + "年新增主动公开政府信息" + std::to_string(in_year) + "条"),
              std::string::npos);
  }
  EXPECT_EQ(years, (std::set<int>{2008, 2009, 2010, 2011, 2012}));
}

TEST(DemoCorpus, BigBatchOfServiceGuidesIn2013) {
  int guides2013 = 0;
  for (const auto& it : corpus()) {
    if (it.class_sub == "办事指南" && it.publish_date.year() == 2013) ++guides2013;
  }
  EXPECT_GE(guides2013, 100);
}

TEST(DemoAgency, DescribesTheSeedAgency) {
  const DemoAgency& a = demo_agency();
  EXPECT_EQ(a.name, "慈溪市商务局（服务业发展局）");
  EXPECT_EQ(a.slug, "cxswj");
  EXPECT_EQ(a.address, "慈溪市三北大街777号综合写字楼1号楼11层");
  EXPECT_EQ(a.phone, "0574-63961109");
  EXPECT_EQ(a.fax, "0574-63812058");
  EXPECT_EQ(a.email, "vilar007@163.com");
  EXPECT_FALSE(a.office_hours.empty());
  ASSERT_FALSE(a.departments.empty());
  EXPECT_EQ(a.departments.front(), "办公室");
  EXPECT_GE(a.departments.size(), 6u);
  // GB 11714 check digit.
  ASSERT_EQ(a.org_code.size(), 9u);
  static const int kWeights[] = {3, 7, 9, 10, 5, 8, 4, 2};
  int sum = 0;
  for (int i = 0; i < 8; ++i) sum += (a.org_code[static_cast<size_t>(i)] - '0') * kWeights[i];
  const int c = 11 - sum % 11;
  const char check = c == 10 ? 'X' : c == 11 ? '0' : static_cast<char>('0' + c);
  EXPECT_EQ(a.org_code[8], check);
  ASSERT_EQ(a.classes.size(), 4u);
  EXPECT_EQ(a.classes[0].name, "政策法规类");
  EXPECT_EQ(a.classes[0].subclasses, (std::vector<std::string>{"规范性文件", "本单位文件", "上级文件"}));
  EXPECT_EQ(a.classes[1].name, "业务类");
  EXPECT_EQ(a.classes[1].subclasses, (std::vector<std::string>{"政务动态", "业务工作"}));
  EXPECT_EQ(a.classes[2].name, "便民服务类");
  EXPECT_EQ(a.classes[2].subclasses, (std::vector<std::string>{"公开指南", "机构职能", "领导信息", "办事指南"}));
  EXPECT_EQ(a.classes[3].name, "计划总结类");
  EXPECT_EQ(a.classes[3].subclasses, (std::vector<std::string>{"发展规划", "计划总结", "年度报告"}));
}

}  // namespace
}  // namespace gongkai::app
