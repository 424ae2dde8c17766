// The catalog's counts are kept while the audit sequence stands still and counted again as
// soon as an audited change moves it, or when they are older than the longest time allowed.
#include "web/facet_counts.h"

#include <gtest/gtest.h>

#include <optional>
#include <thread>

#include "app/demo.h"
#include "store/audit_log.h"
#include "store/directory_store.h"
#include "store/item_store.h"
#include "store/migrations.h"
#include "store/portal_store.h"
#include "store/test_databases.h"

namespace gongkai::web {
namespace {

using namespace std::chrono_literals;

int64_t total(const std::map<int64_t, int64_t>& m) {
  int64_t n = 0;
  for (const auto& [k, v] : m) n += v;
  return n;
}

// The demo database on each backend, the demo agency and a connection.
class FacetCountsTest : public ::testing::TestWithParam<const char*> {
 protected:
  void SetUp() override {
    db = store::open_test_database(GetParam(), 2);
    if (!db) GTEST_SKIP() << "no PostgreSQL";
    store::migrate(*db);
    app::load_demo(*db, "Demo-pass123");
    held.emplace(db->acquire());
    c = &**held;
    agency = store::find_agency_by_slug(*c, "cxswj")->id;
  }

  std::unique_ptr<store::Database> db;
  std::optional<store::PooledConn> held;
  store::Conn* c = nullptr;
  int64_t agency = 0;
};

TEST_P(FacetCountsTest, KeptUntilTheAuditSequenceMovesOrTheyAreTooOld) {
  FacetCounts counts(300ms);
  auto first = counts.published_by(*c, agency, "pub_year");
  EXPECT_EQ(first, store::count_published_by(*c, agency, "pub_year"));
  EXPECT_EQ(first.at(2013), 203);  // the seed's figure

  // A change without an audit entry is not seen until the counts are too old ...
  c->exec("UPDATE items SET status = 'withdrawn' WHERE id = (SELECT MIN(id) FROM items WHERE status = 'published' "
          "AND pub_year = 2013)");
  EXPECT_EQ(counts.published_by(*c, agency, "pub_year"), first);
  EXPECT_EQ(total(counts.published_by(*c, agency, "class_id")), total(first) - 1) << "each column counted by itself";
  std::this_thread::sleep_for(350ms);
  auto aged = counts.published_by(*c, agency, "pub_year");
  EXPECT_EQ(aged.at(2013), 202);

  // ... while an audited change shows at once.
  c->exec("UPDATE items SET status = 'withdrawn' WHERE id = (SELECT MIN(id) FROM items WHERE status = 'published' "
          "AND pub_year = 2013)");
  db->with_tx([&](store::Conn& tx) { store::audit(tx, {std::nullopt, "test"}, {agency, "item.withdraw", "item", "", ""}); });
  EXPECT_EQ(counts.published_by(*c, agency, "pub_year").at(2013), 201);
  // Agencies are kept apart.
  EXPECT_TRUE(counts.published_by(*c, agency + 1000, "pub_year").empty());
}

TEST_P(FacetCountsTest, EachAgencysTotalIsKeptTheSameWay) {
  FacetCounts counts(std::chrono::hours(1));
  int64_t first = counts.published_total(*c, agency);
  EXPECT_EQ(first, store::count_items(*c, agency, "published"));
  ASSERT_GT(first, 0);
  EXPECT_EQ(counts.per_agency(*c).size(), store::published_counts(*c).size());
  c->exec("UPDATE items SET status = 'withdrawn' WHERE id = (SELECT MIN(id) FROM items WHERE status = 'published')");
  EXPECT_EQ(counts.published_total(*c, agency), first);  // not audited: kept
  db->with_tx([&](store::Conn& tx) { store::audit(tx, {std::nullopt, "test"}, {agency, "item.withdraw", "item", "", ""}); });
  EXPECT_EQ(counts.published_total(*c, agency), first - 1);
  EXPECT_EQ(counts.published_total(*c, agency + 1000), 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, FacetCountsTest, ::testing::Values("sqlite", "postgres"));

}  // namespace
}  // namespace gongkai::web
