// The search index on both databases: keeping it in step, long bodies (PostgreSQL chunks),
// filling it in the migration, and the chunk layout itself.
#include "store/search_store.h"

#include <gtest/gtest.h>

#include <set>

#include "core/clock.h"
#include "render/document_text.h"
#include "search/tokenizer.h"
#include "store/directory_store.h"
#include "store/item_store.h"
#include "store/migrations.h"
#include "store/search_pg_doc.h"
#include "store/test_databases.h"

namespace gongkai::store {
namespace {

// A long run of Chinese text without punctuation: no place between tokens to cut.
std::string run_of(size_t chars) {
  static const char* kChars[] = {"甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"};
  std::string s;
  for (size_t i = 0; i < chars; ++i) s += kChars[(i * 7 + i / 10) % 10];
  return s;
}

std::string sentences(size_t n) {
  std::string s;
  for (size_t i = 0; i < n; ++i) s += "本市持续推进营商环境优化改革，第" + std::to_string(i) + "项措施已经落实。";
  return s;
}

TEST(SearchPgDoc, ShortTextIsOneChunk) {
  auto chunks = pg_search_chunks("标题", "慈商〔2013〕12号", "正文");
  ASSERT_EQ(chunks.size(), 1u);
  EXPECT_EQ(chunks[0].title, "标 标题 题" + std::string(kPgGap));
  EXPECT_EQ(chunks[0].meta, "慈 慈商 商 2013 12 号" + std::string(kPgGap));
  EXPECT_EQ(chunks[0].body, "正 正文 文");
  auto empty = pg_search_chunks("", "", "");
  ASSERT_EQ(empty.size(), 1u);
  EXPECT_EQ(empty[0].title, "");
}

TEST(SearchPgDoc, LongTextsAreCutIntoOverlappingChunksOfBoundedSize) {
  for (const std::string& body : {sentences(1500), run_of(20000), sentences(300) + run_of(9000) + sentences(300)}) {
    auto ranges = pg_chunk_ranges(body);
    ASSERT_GT(ranges.size(), 1u);
    EXPECT_EQ(ranges.front().first, 0u);
    EXPECT_EQ(ranges.back().second, body.size());
    for (size_t i = 0; i < ranges.size(); ++i) {
      auto [a, b] = ranges[i];
      ASSERT_LT(a, b);
      std::string part = body.substr(a, b - a);
      size_t tokens = 0;
      search::for_each_token(part, search::TokenizeMode::kDocument, [&](const search::TokenView&) { return ++tokens, true; });
      EXPECT_LE(tokens, static_cast<size_t>(kPgChunkTokens)) << "chunk " << i;
      if (i > 0) {
        // Overlap: the previous chunk's last kPgChunkOverlap tokens are in this one too (but
        // for the bigram across a cut inside a run, which only this chunk has).
        std::string shared = body.substr(a, ranges[i - 1].second - a);
        size_t n = 0;
        search::for_each_token(shared, search::TokenizeMode::kDocument, [&](const search::TokenView&) { return ++n, true; });
        EXPECT_GE(n + 1, static_cast<size_t>(kPgChunkOverlap)) << "chunk " << i;
        EXPECT_GT(a, ranges[i - 1].first);
      }
    }
  }
}

class SearchStoreTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = open_test_database(GetParam(), 4);
    if (!db_) GTEST_SKIP() << "backend not available: " << GetParam();
    migrate(*db_);
    db_->with_tx([&](Conn& c) {
      AgencyRow a;
      a.slug = "st";
      a.name = "测试局";
      a.org_code = "000000001";
      agency_ = insert_agency(c, a, core::now_iso());
    });
  }

  // An item published (with index number `no`) unless `publish` is false; not indexed.
  int64_t add(Conn& c, const std::string& no, const std::string& title, const std::string& body, bool publish = true) {
    ItemData d;
    d.title = title;
    d.body_html = "<p>" + render::xml_escape(body) + "</p>";
    d.publish_date = "2020-01-02";
    std::string now = core::now_iso();
    auto [item, rev] = insert_item(c, agency_, std::nullopt, d, now);
    if (publish) {
      set_revision_state(c, rev, "published", std::nullopt, std::nullopt, now);
      set_item_summary(c, item, d, false, now);
      set_item_published(c, item, rev, no);
    }
    return item;
  }

  std::set<std::string> find(const std::string& q) {
    auto c = db_->acquire();
    SearchQuery sq;
    sq.query = search::parse_query(q);
    sq.limit = 100;
    std::set<std::string> out;
    for (const auto& h : search_items(*c, sq).rows) out.insert(h.index_no);
    return out;
  }

  std::unique_ptr<Database> db_;
  int64_t agency_ = 0;
};

TEST_P(SearchStoreTest, IndexFollowsTheItemsStatus) {
  int64_t a = 0, b = 0;
  db_->with_tx([&](Conn& c) {
    a = add(c, "N1", "园区建设情况", "正文一");
    b = add(c, "N2", "园区草稿", "正文二", false);
    index_item(c, a);
    index_item(c, b);  // a draft: nothing is written
  });
  EXPECT_EQ(find("园区"), (std::set<std::string>{"N1"}));
  db_->with_tx([&](Conn& c) {
    set_item_status(c, a, "withdrawn", core::now_iso());
    index_item(c, a);
  });
  EXPECT_TRUE(find("园区").empty());
  db_->with_tx([&](Conn& c) {
    set_item_status(c, a, "published", core::now_iso());
    index_item(c, a);
    index_item(c, a);  // twice: still one entry
    EXPECT_EQ(count_indexed(c, std::nullopt), 1);
    unindex_item(c, a);
    EXPECT_EQ(count_indexed(c, agency_), 0);
  });
  EXPECT_TRUE(find("园区").empty());
}

TEST_P(SearchStoreTest, ReindexNeedsATransaction) {
  auto c = db_->acquire();
  EXPECT_THROW(reindex_search(*c, std::nullopt), DbError);
}

TEST_P(SearchStoreTest, LongBodiesAreSearchedToTheEnd) {
  // A phrase straddling the first cut of a run without punctuation, words far apart, and
  // exclusions that occur only in a later chunk.
  std::string run = run_of(kPgChunkTokens);  // the cut falls at character kPgChunkTokens / 2
  std::string head = run.substr(0, (kPgChunkTokens / 2 - 3) * 3);
  std::string long_body = "茶叶博览会" + head + "青瓷文化节" + run + sentences(800) + "杨梅节结束";
  db_->with_tx([&](Conn& c) {
    index_item(c, add(c, "L1", "长文", long_body));
    index_item(c, add(c, "S1", "短文", "茶叶博览会和青瓷文化节"));
    index_item(c, add(c, "S2", "短文二", "茶叶博览会"));
  });
  EXPECT_EQ(find("青瓷文化节"), (std::set<std::string>{"L1", "S1"}));
  EXPECT_EQ(find("杨梅节结束"), (std::set<std::string>{"L1"}));
  EXPECT_EQ(find("茶叶 杨梅节"), (std::set<std::string>{"L1"}));
  EXPECT_EQ(find("茶叶 青瓷"), (std::set<std::string>{"L1", "S1"}));
  EXPECT_EQ(find("茶叶 -杨梅"), (std::set<std::string>{"S1", "S2"}));
  EXPECT_EQ(find("茶叶 -\"杨梅节 结束\""), (std::set<std::string>{"S1", "S2"}));
  EXPECT_EQ(find("第799项措施"), (std::set<std::string>{"L1"}));
  EXPECT_TRUE(find("杨梅节开始").empty());
  // Every 10-character piece around the cut is found.
  std::string around = long_body.substr(long_body.find("青瓷") - 30, 60);
  for (size_t i = 0; i + 30 <= around.size(); i += 3) {
    EXPECT_EQ(find(around.substr(i, 30)).count("L1"), 1u) << around.substr(i, 30);
  }
  db_->with_tx([&](Conn& c) {
    auto st = reindex_search(c, agency_);
    EXPECT_EQ(st.items, 3);
  });
  EXPECT_EQ(find("杨梅节结束"), (std::set<std::string>{"L1"}));
}

TEST_P(SearchStoreTest, FullReindexOnAConnectionThatHasSearched) {
  // One connection: its cached statements on the index survive the rebuild (SQLite recreates
  // the FTS5 table).
  auto one = Database::open(db_->target(), 1);
  one->with_tx([&](Conn& c) { index_item(c, add(c, "R1", "园区", "正文")); });
  auto c = one->acquire();
  SearchQuery sq;
  sq.query = search::parse_query("园区");
  EXPECT_EQ(search_items(*c, sq).total, 1);
  {
    Tx tx(*c);
    EXPECT_EQ(reindex_search(*c, std::nullopt).items, 1);
    EXPECT_EQ(search_items(*c, sq).total, 1);
    tx.commit();
  }
  EXPECT_EQ(search_items(*c, sq).total, 1);
  EXPECT_EQ(find("园区"), (std::set<std::string>{"R1"}));  // and on the other connections
}

TEST_P(SearchStoreTest, MigrationFillsTheIndexFromPublishedItems) {
  const Migration* m4 = nullptr;
  for (const auto& m : all_migrations()) {
    if (m.version == 4) m4 = &m;
  }
  ASSERT_NE(m4, nullptr);
  ASSERT_NE(m4->after, nullptr);
  db_->with_tx([&](Conn& c) {
    add(c, "M1", "信息公开指南", "正文");
    add(c, "M2", "草稿", "正文", false);
    EXPECT_EQ(count_indexed(c, std::nullopt), 0);
    m4->after(c);
    EXPECT_EQ(count_indexed(c, std::nullopt), 1);
  });
  EXPECT_EQ(find("指南"), (std::set<std::string>{"M1"}));
}

TEST_P(SearchStoreTest, FiltersAndSorting) {
  db_->with_tx([&](Conn& c) {
    for (int y = 2010; y < 2016; ++y) {
      ItemData d;
      d.title = "年度报告" + std::to_string(y);
      d.publish_date = std::to_string(y) + "-06-01";
      d.validity = y < 2012 ? "废止" : "有效";
      std::string now = core::now_iso();
      auto [item, rev] = insert_item(c, agency_, std::nullopt, d, now);
      set_revision_state(c, rev, "published", std::nullopt, std::nullopt, now);
      set_item_summary(c, item, d, false, now);
      set_item_published(c, item, rev, "Y" + std::to_string(y));
      index_item(c, item);
    }
  });
  auto c = db_->acquire();
  SearchQuery sq;
  sq.query = search::parse_query("报告");
  sq.filter.year_from = 2011;
  sq.filter.year_to = 2014;
  sq.sort = SearchSort::kOldest;
  sq.limit = 2;
  sq.offset = 1;
  auto page = search_items(*c, sq);
  EXPECT_EQ(page.total, 4);
  ASSERT_EQ(page.rows.size(), 2u);
  EXPECT_EQ(page.rows[0].index_no, "Y2012");
  EXPECT_EQ(page.rows[1].index_no, "Y2013");
  EXPECT_EQ(page.rows[0].agency_slug, "st");
  sq.sort = SearchSort::kNewest;
  sq.offset = 0;
  EXPECT_EQ(search_items(*c, sq).rows[0].index_no, "Y2014");
  sq.filter.validity = "废止";
  EXPECT_EQ(search_items(*c, sq).total, 1);
  sq.offset = 10;  // beyond the end: no rows, the total still counted
  auto beyond = search_items(*c, sq);
  EXPECT_TRUE(beyond.rows.empty());
  EXPECT_EQ(beyond.total, 1);
  sq.limit = 0;
  EXPECT_EQ(search_items(*c, sq).total, 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, SearchStoreTest, ::testing::Values("sqlite", "postgres"));

}  // namespace
}  // namespace gongkai::store
