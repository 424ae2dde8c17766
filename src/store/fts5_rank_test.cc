// The top-k ranking of SQLite searches (store/fts5_rank.h) against FTS5's own bm25 ordered
// by SQL, on a catalog with common characters, ties and rows of very different lengths.
#include "store/fts5_rank.h"

#include <gtest/gtest.h>

#include <map>
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
              const std::string& date, int64_t agency = 0) {
    ItemData d;
    d.title = title;
    d.body_html = "<p>" + render::xml_escape(body) + "</p>";
    d.publish_date = date;
    std::string now = core::now_iso();
    auto [item, rev] = insert_item(c, agency ? agency : agency_, std::nullopt, d, now);
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
  auto top = run_fts5_topk(*c, search::to_fts5_match(search::parse_query("局")), {},
                           {10.0, 1.0, 5.0}, 5);
  EXPECT_EQ(top.matched, 40);
  EXPECT_EQ(top.hits.size(), 40u);  // all score the same as the fifth
  // The page takes the newest of them, then the higher id.
  auto page = search_items(*c, query("局", 0, 5));
  ASSERT_EQ(page.rows.size(), 5u);
  EXPECT_EQ(page.rows[0].publish_date, "2015-09-01");
  EXPECT_GT(page.rows[0].item_id, page.rows[1].item_id);
}

std::vector<int64_t> rowids(std::vector<Fts5Hit> h) {
  std::vector<int64_t> ids;
  for (auto& x : h) ids.push_back(x.rowid);
  std::sort(ids.begin(), ids.end());
  return ids;
}

// The lengths search_lengths holds for `ids` (0 where it has none).
std::map<int64_t, int64_t> stored_lengths(Conn& c, const std::vector<int64_t>& ids) {
  std::map<int64_t, int64_t> out;
  std::vector<uint32_t> block;
  for (int64_t id : ids) {
    auto r = c.query_one("SELECT lengths FROM search_lengths WHERE block = ?", {id >> kLengthBlockShift});
    decode_lengths(r ? r->str(0) : "", &block);
    out[id] = block[static_cast<size_t>(id & (kLengthBlockRows - 1))];
  }
  return out;
}

// The lengths FTS5 itself records for `ids` (0 where it has no row).
std::map<int64_t, int64_t> docsize_lengths(Conn& c, const std::vector<int64_t>& ids) {
  std::map<int64_t, int64_t> out;
  for (int64_t id : ids) {
    auto r = c.query_one("SELECT sz FROM search_fts_docsize WHERE id = ?", {id});
    out[id] = r ? fts5_doc_tokens(r->str(0)) : 0;
  }
  return out;
}

TEST_F(Fts5RankTest, EveryWayOfReadingAgrees) {
  fill(600);
  auto c = db_->acquire();
  // The AND queries intersect rows of very different counts, in both orders.
  for (const std::string q : {"局", "公开", "局 公", "零售总额 局", "局 零售总额", "统计 公告 通知", "\"年度 报告\" 局", "局 没有",
                              "公开 -统计"}) {
    auto parsed = search::parse_query(q);
    std::string m = search::to_fts5_match(parsed);
    auto phrases = search::fts5_phrases(parsed);
    bool and_only = q.find('-') == std::string::npos;
    // Row by row through SQL; phrase by phrase; and, with the phrases' row counts kept,
    // the first time (counting) and the second (the cheaper way for those counts).
    auto by_row = run_fts5_topk(*c, m, {}, {10.0, 1.0, 5.0}, 20, false);
    std::vector<Fts5TopK> runs = {run_fts5_topk(*c, m, {}, {10.0, 1.0, 5.0}, 20, and_only),
                                  run_fts5_topk(*c, m, phrases, {10.0, 1.0, 5.0}, 20, and_only),
                                  run_fts5_topk(*c, m, phrases, {10.0, 1.0, 5.0}, 20, and_only)};
    for (const auto& r : runs) {
      EXPECT_EQ(r.matched, by_row.matched) << q;
      EXPECT_EQ(rowids(r.hits), rowids(by_row.hits)) << q;
      EXPECT_EQ(r.lengths_unknown, 0) << q;  // every length from search_lengths
    }
  }
}

TEST_F(Fts5RankTest, KeptRowCountsAreForgottenWhenTheIndexChanges) {
  fill(300);
  // 审计 is rare (its idf is not clamped), so the rows added below change its scores.
  db_->with_tx([&](Conn& c) {
    for (int i = 0; i < 10; ++i) index_item(c, add(c, "A" + std::to_string(i), "审计报告", "局公告", "2023-01-01"));
  });
  auto c = db_->acquire();
  auto other = db_->acquire();  // the pool's second connection
  for (const std::string q : {"审计 局", "审计", "局 公 审计"}) {
    int64_t total = 0;
    auto check = [&](const char* when) {
      auto want = sql_page(*c, q, "", 0, 20, &total);
      auto got = search_items(*c, query(q, 0, 20));
      EXPECT_EQ(got.total, total) << q << " " << when;
      ASSERT_EQ(got.rows.size(), want.size()) << q << " " << when;
      for (size_t k = 0; k < want.size(); ++k) {
        EXPECT_EQ(got.rows[k].item_id, want[k].first) << q << " " << when << " row " << k;
        EXPECT_NEAR(got.rows[k].rank, want[k].second, 1e-9 * std::abs(want[k].second)) << q << " " << when;
      }
    };
    check("first");
    check("counts kept");
    int64_t before = total;
    // Another connection commits items that match: the counts and idf change.
    {
      Tx tx(*other);
      for (int i = 0; i < 30; ++i) index_item(*other, add(*other, "N" + q + std::to_string(i), "审计局公告", "公", "2024-01-01"));
      tx.commit();
    }
    check("after another connection's commit");
    EXPECT_EQ(total, before + 30) << q;
    // This connection's own writes, in its transaction.
    Tx tx(*c);
    index_item(*c, add(*c, "M" + q, "审计局公告", "公", "2024-01-02"));
    check("after this connection's write");
    EXPECT_EQ(total, before + 31) << q;
    tx.commit();
  }
}

TEST_F(Fts5RankTest, RowCountsAreSharedUntilTheIndexChanges) {
  fill(100);
  auto c = db_->acquire();
  auto other = db_->acquire();
  auto parsed = search::parse_query("局 公告");
  std::string m = search::to_fts5_match(parsed);
  auto phrases = search::fts5_phrases(parsed);
  auto run = [&](Conn& on) { return run_fts5_topk(on, m, phrases, {10.0, 1.0, 5.0}, 20, true).phrases_counted; };
  EXPECT_EQ(run(*c), 2);
  EXPECT_EQ(run(*other), 0);  // counted once for the process
  // A write that leaves the index alone keeps them; one that changes it does not.
  other->query("UPDATE agencies SET name = name || '一' WHERE id = ?", {agency_});
  EXPECT_EQ(run(*c), 0);
  {
    Tx tx(*other);
    index_item(*other, add(*other, "G1", "局公告", "", "2024-01-01"));
    tx.commit();
  }
  EXPECT_EQ(run(*c), 2);
  EXPECT_EQ(run(*c), 0);
  // Another agency's reindex that only removes its rows (its items withdrawn behind the
  // index's back) changes the index too.
  int64_t other_agency = 0;
  {
    Tx t(*other);
    AgencyRow a;
    a.slug = "rk2";
    a.name = "另一个局";
    a.org_code = "000000003";
    other_agency = insert_agency(*other, a, core::now_iso());
    index_item(*other, add(*other, "O1", "局公告", "局公告", "2024-02-01", other_agency));
    t.commit();
  }
  EXPECT_EQ(run(*c), 2);
  c->query("UPDATE items SET status = 'withdrawn' WHERE agency_id = ?", {other_agency});
  {
    Tx t(*other);
    reindex_search(*other, other_agency);
    t.commit();
  }
  EXPECT_EQ(run(*c), 2);
}

TEST_F(Fts5RankTest, TheLengthsFollowWrites) {
  fill(50);
  auto c = db_->acquire();
  EXPECT_EQ(stored_lengths(*c, ids_), docsize_lengths(*c, ids_));
  Tx tx(*c);
  // A new item's length is there at once; a withdrawn one's is gone.
  int64_t id = add(*c, "S1", "局", "", "2020-01-01");
  index_item(*c, id);
  EXPECT_EQ(stored_lengths(*c, {id})[id], 1);
  set_item_status(*c, id, "withdrawn", core::now_iso());
  index_item(*c, id);
  EXPECT_EQ(stored_lengths(*c, {id})[id], 0);
  // An edit that lengthens an item, written in a batch.
  ItemData d;
  d.title = "局";
  d.body_html = "<p>公告公告公告</p>";
  auto rev = insert_revision(*c, ids_[3], agency_, std::nullopt, d, core::now_iso());
  set_revision_state(*c, rev, "published", std::nullopt, std::nullopt, core::now_iso());
  set_item_published(*c, ids_[3], rev, "R3");
  index_items(*c, {ids_[3], ids_[4]});
  EXPECT_EQ(stored_lengths(*c, ids_), docsize_lengths(*c, ids_));
  reindex_search(*c, std::nullopt);
  std::vector<int64_t> all = ids_;
  all.push_back(id);
  EXPECT_EQ(stored_lengths(*c, all), docsize_lengths(*c, all));
  tx.commit();
}

TEST_F(Fts5RankTest, RowsMissingFromTheLengthsAreReadFromFts5) {
  fill(200);
  auto c = db_->acquire();
  std::string m = search::to_fts5_match(search::parse_query("局 公"));
  auto before = run_fts5_topk(*c, m, {}, {10.0, 1.0, 5.0}, 20, true);
  c->exec("DELETE FROM search_lengths");
  auto after = run_fts5_topk(*c, m, {}, {10.0, 1.0, 5.0}, 20, true);
  EXPECT_EQ(after.lengths_unknown, after.matched);
  EXPECT_EQ(rowids(after.hits), rowids(before.hits));
}

TEST_F(Fts5RankTest, KnownCountsChooseThePlanAndRuleRowsOut) {
  fill(600);
  db_->with_tx([&](Conn& c) {
    for (int i = 0; i < 10; ++i) index_item(c, add(c, "A" + std::to_string(i), "审计报告", "局公告", "2023-01-01"));
  });
  auto c = db_->acquire();
  auto run = [&](const std::string& q) {
    auto parsed = search::parse_query(q);
    return run_fts5_topk(*c, search::to_fts5_match(parsed), search::fts5_phrases(parsed), {10.0, 1.0, 5.0}, 20, true);
  };
  for (const std::string q : {"审计 局", "局 公"}) run(q);  // counts their phrases' rows
  // A rare word with a common character: FTS5's own intersection, row by row.
  auto rare = run("审计 局");
  EXPECT_TRUE(rare.row_by_row);
  EXPECT_EQ(rare.matched, 10);
  // Two common characters: phrase by phrase, some rows ruled out in the last pass unscored.
  auto common = run("局 公");
  EXPECT_FALSE(common.row_by_row);
  EXPECT_GT(common.matched, 400);
  EXPECT_LT(common.rows_scored, common.matched);  // every row is scored without the bound
}

TEST(Fts5Rank, LengthBlocksRoundTrip) {
  std::vector<uint32_t> block(kLengthBlockRows, 0), back;
  block[0] = 1;
  block[1] = 300;
  block[kLengthBlockRows - 1] = 0x01020304;
  std::string bytes = encode_lengths(block);
  EXPECT_EQ(bytes.size(), static_cast<size_t>(kLengthBlockRows) * 4);
  EXPECT_EQ(bytes.substr(4, 4), std::string("\x2c\x01\0\0", 4));  // little-endian
  decode_lengths(bytes, &back);
  EXPECT_EQ(back, block);
  decode_lengths(bytes.substr(0, 6), &back);  // a short blob: the rest unknown
  EXPECT_EQ(back.size(), static_cast<size_t>(kLengthBlockRows));
  EXPECT_EQ(back[0], 1u);
  EXPECT_EQ(back[1], 0u);
}

TEST(Fts5Rank, DocTokensAddsTheVarintsOfADocsizeBlob) {
  EXPECT_EQ(fts5_doc_tokens(""), 0);
  EXPECT_EQ(fts5_doc_tokens(std::string("\x03\x00\x05", 3)), 8);
  EXPECT_EQ(fts5_doc_tokens(std::string("\x81\x00\x02", 3)), 130);  // 0x81 0x00 = 128
}

}  // namespace
}  // namespace gongkai::store
