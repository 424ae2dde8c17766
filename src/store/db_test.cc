#include "store/db.h"

#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <thread>

#include "store/migrations.h"
#include "store/test_databases.h"

namespace gongkai::store {

TEST(Placeholders, RewritesOutsideQuotesAndComments) {
  EXPECT_EQ(to_dollar_placeholders("SELECT ? , '?' , \"a?\" -- ?\n , ?"),
            "SELECT $1 , '?' , \"a?\" -- ?\n , $2");
}

class DbTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = open_test_database(GetParam());
    if (!db_) GTEST_SKIP() << "backend not available: " << GetParam();
  }
  std::unique_ptr<Database> db_;
};

TEST_P(DbTest, RoundTripsValuesAndNulls) {
  auto c = db_->acquire();
  c->exec(c->backend() == Backend::kSqlite
              ? "CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT, n BIGINT, r REAL)"
              : "CREATE TABLE t (id BIGSERIAL PRIMARY KEY, name TEXT, n BIGINT, r DOUBLE PRECISION)");
  auto id = c->query_one("INSERT INTO t (name, n, r) VALUES (?, ?, ?) RETURNING id",
                         {"慈溪市商务局", 9007199254740993LL, 2.5});
  ASSERT_TRUE(id);
  c->query("INSERT INTO t (name, n, r) VALUES (?, ?, ?)", {nullptr, std::optional<int>(), 0.0});
  auto rows = c->query("SELECT id, name, n, r FROM t ORDER BY id");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].i64(0), id->i64(0));
  EXPECT_EQ(rows[0].str(1), "慈溪市商务局");
  EXPECT_EQ(rows[0].i64(2), 9007199254740993LL);
  EXPECT_DOUBLE_EQ(rows[0].real(3), 2.5);
  EXPECT_TRUE(rows[1].is_null(1));
  EXPECT_FALSE(rows[1].opt_i64(2).has_value());
  EXPECT_EQ(c->query_int("SELECT COUNT(*) FROM t WHERE name = ?", {"慈溪市商务局"}), 1);
}

TEST_P(DbTest, BlobsRoundTripEveryByte) {
  auto c = db_->acquire();
  c->exec(c->backend() == Backend::kSqlite ? "CREATE TABLE b (k INTEGER, d BLOB)" : "CREATE TABLE b (k INTEGER, d BYTEA)");
  std::string bytes;
  for (int i = 0; i < 256; ++i) bytes += static_cast<char>(i);
  c->query("INSERT INTO b (k, d) VALUES (?, ?)", {1, Blob{bytes}});
  EXPECT_EQ(c->query_one("SELECT d FROM b WHERE k = ?", {1})->str(0), bytes);
}

TEST_P(DbTest, ErrorsCarryCodes) {
  auto c = db_->acquire();
  c->exec("CREATE TABLE u (k TEXT PRIMARY KEY)");
  c->query("INSERT INTO u (k) VALUES (?)", {"a"});
  try {
    c->query("INSERT INTO u (k) VALUES (?)", {"a"});
    FAIL() << "expected a unique violation";
  } catch (const DbError& e) {
    EXPECT_TRUE(e.unique_violation()) << e.code();
    if (c->backend() == Backend::kPostgres) EXPECT_EQ(e.code(), "23505");
  }
  EXPECT_THROW(c->query("SELECT * FROM no_such_table"), DbError);
}

TEST_P(DbTest, TransactionsRollBackOnException) {
  auto c = db_->acquire();
  c->exec("CREATE TABLE v (k TEXT)");
  try {
    Tx tx(*c);
    c->query("INSERT INTO v (k) VALUES (?)", {"x"});
    throw std::runtime_error("boom");
  } catch (const std::runtime_error&) {
  }
  EXPECT_EQ(c->query_int("SELECT COUNT(*) FROM v"), 0);
  {
    Tx tx(*c);
    c->query("INSERT INTO v (k) VALUES (?)", {"y"});
    tx.commit();
  }
  EXPECT_EQ(c->query_int("SELECT COUNT(*) FROM v"), 1);
}

TEST_P(DbTest, BulkInsertAndStreaming) {
  {
    auto c = db_->acquire();
    c->exec("CREATE TABLE w (a BIGINT, b TEXT)");
    std::vector<Params> rows;
    for (int i = 0; i < 1000; ++i) rows.push_back({i, i % 7 ? Value("行\t\\" + std::to_string(i) + "\n") : Value()});
    Tx tx(*c);
    c->bulk_insert("w", {"a", "b"}, rows);
    tx.commit();
  }
  auto c = db_->acquire();
  int64_t n = 0, sum = 0;
  c->for_each("SELECT a, b FROM w WHERE a >= ? ORDER BY a", {0}, [&](const Row& r) {
    ++n;
    sum += r.i64(0);
    if (r.i64(0) == 8) EXPECT_EQ(r.str(1), "行\t\\8\n");
    if (r.i64(0) == 7) EXPECT_TRUE(r.is_null(1));
  });
  EXPECT_EQ(n, 1000);
  EXPECT_EQ(sum, 999 * 1000 / 2);
}

TEST_P(DbTest, PoolWaitsAndMigrationsApplyOnce) {
  auto first = migrate(*db_);
  EXPECT_FALSE(first.empty());
  EXPECT_TRUE(migrate(*db_).empty());
  std::atomic<int> done{0};
  std::vector<std::thread> ts;
  for (int i = 0; i < 8; ++i) {
    ts.emplace_back([&] {
      for (int j = 0; j < 20; ++j) {
        auto c = db_->acquire();
        c->query_int("SELECT COUNT(*) FROM agencies");
      }
      ++done;
    });
  }
  for (auto& t : ts) t.join();
  EXPECT_EQ(done.load(), 8);
}

INSTANTIATE_TEST_SUITE_P(Backends, DbTest, ::testing::Values("sqlite", "postgres"));

}  // namespace gongkai::store
