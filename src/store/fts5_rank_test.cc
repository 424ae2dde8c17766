// The top-k ranking of SQLite searches (store/fts5_rank.h) against FTS5's own bm25 ordered
// by SQL, on a catalog with common characters, ties and rows of very different lengths.
#include "store/fts5_rank.h"

#include <gtest/gtest.h>

#include <random>

#include "core/clock.h"
#include "render/document_text.h"
#include "search/query.h"
#include "store/directory_store.h"
#include "store/item_store.h"
#include "store/migrations.h"
#include "store/search_store.h"
#include "store/test_databases.h"

namespace gongkai::store {
namespace {

class Fts5RankTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = open_test_database("sqlite", 2);
    ASSERT_TRUE(db_);
    migrate(*db_);
    db_->with_tx([&](Conn& c) {
      AgencyRow a;
      a.slug = "rk";
      a.name = "排序测试局";
      a.org_code = "000000002";
      agency_ = insert_agency(c, a, core::now_iso());
    });
  }

  int64_t add(Conn& c, const std::string& no, const std::string& title, const std::string& body,
              const std::string& date) {
    ItemData d;
    d.title = title;
    d.body_html = "<p>" + render::xml_escape(body) + "</p>";
    d.publish_date = date;
    std::string now = core::now_iso();
    auto [item, rev] = insert_item(c, agency_, std::nullopt, d, now);
    set_revision_state(c, rev, "published", std::nullopt, std::nullopt, now);
    set_item_summary(c, item, d, false, now);
    set_item_published(c, item, rev, no);
    return item;
  }

  // A catalog where 局 and 公 are in almost every item, titles sometimes hold the query,
  // bodies range from a few characters to a few thousand, and 40 items are identical but
  // for their dates (equal scores: the tie-break decides).
  void fill(int n) {
    std::mt19937 rng(7);
    const std::vector<std::string> words = {"商务局", "公告", "通知", "公开", "信息", "年度报告", "零售总额", "统计",
                                            "电子商务", "安全生产", "局长", "办公室", "公示", "资金"};
    db_->with_tx([&](Conn& c) {
      for (int i = 0; i < n; ++i) {
        std::string title = "关于" + words[rng() % words.size()] + "的" + words[rng() % words.size()];
        std::string body;
        int len = static_cast<int>(rng() % 8 == 0 ? 1 + rng() % 3 : 5 + rng() % 400);
        for (int k = 0; k < len; ++k) body += words[rng() % words.size()] + (k % 7 == 6 ? "。" : "，");
        std::string date = std::to_string(2010 + rng() % 14) + "-0" + std::to_string(1 + rng() % 9) + "-1" +
                           std::to_string(rng() % 10);
        ids_.push_back(add(c, "R" + std::to_string(i), title, body, date));
      }
      for (int i = 0; i < 40; ++i) {
        ids_.push_back(add(c, "T" + std::to_string(i), "局公告", "商务局公开信息。", "2015-0" + std::to_string(1 + i % 9) + "-01"));
      }
      reindex_search(c, std::nullopt);
    });
  }

  SearchQuery query(const std::string& q, int64_t offset, int limit) {
    SearchQuery sq;
    sq.query = search::parse_query(q);
    sq.offset = offset;
    sq.limit = limit;
    return sq;
  }

  std::unique_ptr<Database> db_;
  int64_t agency_ = 0;
  std::vector<int64_t> ids_;
};

// FTS5's own bm25() on every match, ordered in SQL: what search_items did before.
std::vector<std::pair<int64_t, double>> sql_page(Conn& c, const std::string& q, const std::string& where, int64_t offset,
                                                 int limit, int64_t* total) {
  std::string from =
      " FROM search_fts f JOIN items i ON i.id = f.rowid WHERE search_fts MATCH ? AND i.status = 'published'" + where;
  std::string m = search::to_fts5_match(search::parse_query(q));
  *total = c.query_int("SELECT COUNT(*)" + from, {m});
  std::vector<std::pair<int64_t, double>> out;
  for (const auto& r : c.query("SELECT i.id, -bm25(search_fts, 10.0, 1.0, 5.0) AS score" + from +
                                   " ORDER BY score DESC, i.publish_date DESC, i.id DESC LIMIT ? OFFSET ?",
                               {m, limit, offset})) {
    out.emplace_back(r.i64(0), r.real(1));
  }
  return out;
}

TEST_F(Fts5RankTest, PagesEqualTheBm25OrderOfSql) {
  fill(600);
  auto c = db_->acquire();
  for (const std::string q : {"局", "公", "商务局", "零售总额", "局 公", "公开 -统计", "\"年度 报告\"", "没有的词", "局长",
                              "公告 统计 资金", "局 没有", "-统计 局"}) {
    for (int64_t offset : {0, 20, 40, 100}) {
      for (int filter = 0; filter < 3; ++filter) {
        SearchQuery sq = query(q, offset, 20);
        std::string where;
        if (filter == 1) {
          sq.filter.agency_id = agency_;  // keeps everything
          where = " AND i.agency_id = " + std::to_string(agency_);
        } else if (filter == 2) {
          sq.filter.year_from = 2022;  // keeps about one in seven
          where = " AND i.pub_year >= 2022";
        }
        int64_t total = 0;
        auto want = sql_page(*c, q, where, offset, 20, &total);
        auto got = search_items(*c, sq);
        EXPECT_EQ(got.total, total) << q << " filter " << filter;
        ASSERT_EQ(got.rows.size(), want.size()) << q << " offset " << offset << " filter " << filter;
        for (size_t k = 0; k < want.size(); ++k) {
          EXPECT_EQ(got.rows[k].item_id, want[k].first) << q << " offset " << offset << " filter " << filter << " row " << k;
          EXPECT_NEAR(got.rows[k].rank, want[k].second, 1e-9 * std::abs(want[k].second)) << q;
        }
      }
    }
  }
}

TEST_F(Fts5RankTest, TiesAtTheLastPlaceAreAllReturned) {
  fill(0);  // only the 40 identical items
  auto c = db_->acquire();
  auto top = run_fts5_topk(*c, "search_fts", search::to_fts5_match(search::parse_query("局")), {10.0, 1.0, 5.0}, 5,
                           length_bounds(*c));
  EXPECT_EQ(top.matched, 40);
  EXPECT_EQ(top.hits.size(), 40u);  // all score the same as the fifth
  // The page takes the newest of them, then the higher id.
  auto page = search_items(*c, query("局", 0, 5));
  ASSERT_EQ(page.rows.size(), 5u);
  EXPECT_EQ(page.rows[0].publish_date, "2015-09-01");
  EXPECT_GT(page.rows[0].item_id, page.rows[1].item_id);
}

TEST_F(Fts5RankTest, TheLengthBoundSkipsRowsButNotResults) {
  fill(600);
  auto c = db_->acquire();
  LengthBounds bounds = length_bounds(*c);
  ASSERT_FALSE(bounds.min_tokens.empty());
  EXPECT_GT(bounds.at(ids_.back()), 0);
  // The AND queries intersect rows of very different counts (the seek over the longer).
  for (const std::string q : {"局", "公开", "局 公", "零售总额 局", "统计 公告 通知"}) {
    std::string m = search::to_fts5_match(search::parse_query(q));
    auto loose = run_fts5_topk(*c, "search_fts", m, {10.0, 1.0, 5.0}, 20, LengthBounds{});
    auto tight = run_fts5_topk(*c, "search_fts", m, {10.0, 1.0, 5.0}, 20, bounds);
    auto by_phrase = run_fts5_topk(*c, "search_fts", m, {10.0, 1.0, 5.0}, 20, bounds, true);
    EXPECT_EQ(by_phrase.matched, tight.matched);
    EXPECT_EQ(loose.matched, tight.matched);
    auto key = [](std::vector<Fts5Hit> h) {
      std::sort(h.begin(), h.end(), [](auto& a, auto& b) { return a.rowid < b.rowid; });
      std::vector<int64_t> ids;
      for (auto& x : h) ids.push_back(x.rowid);
      return ids;
    };
    EXPECT_EQ(key(loose.hits), key(tight.hits)) << q;
    EXPECT_EQ(key(by_phrase.hits), key(tight.hits)) << q;
    EXPECT_LT(tight.lengths_read, loose.lengths_read) << q;
    EXPECT_LT(tight.lengths_read, tight.matched) << q;
  }
}

TEST_F(Fts5RankTest, TheLengthBoundsFollowWrites) {
  fill(50);
  auto c = db_->acquire();
  int64_t before = length_bounds(*c).at(ids_.back());
  ASSERT_GT(before, 2);
  // A shorter item lowers its block's bound at once; a full reindex sets it exactly.
  Tx tx(*c);
  int64_t id = add(*c, "S1", "局", "", "2020-01-01");
  ASSERT_EQ(id >> kLengthBlockShift, ids_.back() >> kLengthBlockShift);
  index_item(*c, id);
  EXPECT_EQ(length_bounds(*c).at(id), 1);
  set_item_status(*c, id, "withdrawn", core::now_iso());
  index_item(*c, id);
  EXPECT_EQ(length_bounds(*c).at(id), 1);  // still a bound, just not the tightest
  reindex_search(*c, std::nullopt);
  EXPECT_EQ(length_bounds(*c).at(id), before);
  // Rows of a block never written have no bound (0).
  EXPECT_EQ(length_bounds(*c).at(id + (int64_t{5} << kLengthBlockShift)), 0);
  tx.commit();
}

TEST(Fts5Rank, DocTokensAddsTheVarintsOfADocsizeBlob) {
  EXPECT_EQ(fts5_doc_tokens(""), 0);
  EXPECT_EQ(fts5_doc_tokens(std::string("\x03\x00\x05", 3)), 8);
  EXPECT_EQ(fts5_doc_tokens(std::string("\x81\x00\x02", 3)), 130);  // 0x81 0x00 = 128
}

}  // namespace
}  // namespace gongkai::store
