#include "store/migrations.h"

#include <gtest/gtest.h>

#include "store/test_databases.h"

namespace gongkai::store {
namespace {

class MigrationsTest : public ::testing::TestWithParam<std::string> {};

// Migrations 11 and 13 convert rows that already exist: the carrier moves onto the items row,
// the day a request concluded onto the request row, and the stored body text goes while the
// HTML stays.
TEST_P(MigrationsTest, ReportColumnsAreFilledAndTheBodyTextGoesFromExistingRows) {
  auto db = open_test_database(GetParam(), 2);
  if (!db) GTEST_SKIP() << "backend not available: " << GetParam();
  EXPECT_EQ(migrate(*db, 10).back(), 10);
  {
    auto c = db->acquire();
    const char* t = "2024-01-01T00:00:00Z";
    c->query("INSERT INTO agencies (id, slug, name, org_code, created_at) VALUES (1, 'm', '测试局', '000000001', ?)",
             {t});
    c->query("INSERT INTO items (id, agency_id, status, published_rev_id, working_rev_id, title, created_at, "
             "updated_at) VALUES (1, 1, 'published', 11, 12, '甲', ?, ?), (2, 1, 'draft', NULL, 21, '乙', ?, ?)",
             {t, t, t, t});
    c->query("INSERT INTO item_revisions (id, item_id, agency_id, rev_no, state, title, body_html, body_text, "
             "carrier, created_at, updated_at) VALUES "
             "(11, 1, 1, 1, 'published', '甲', '<p>正文</p>', '正文', '纸质', ?, ?), "
             "(12, 1, 1, 2, 'draft', '甲', '', '', '电子', ?, ?), "
             "(21, 2, 1, 1, 'draft', '乙', '', '', '电子和纸质', ?, ?)",
             {t, t, t, t, t, t});
    std::string cols =
        "INSERT INTO requests (id, agency_id, tracking_code, secret_hash, channel, received_on, rule, "
        "applicant_kind, applicant_name, description, delivery_form, delivery_method, state, created_at, "
        "updated_at) VALUES ";
    c->query(cols + "(1, 1, 'A1', '', 'letter', '2023-12-20', '2019', 'natural_person', '张三', 'x', 'paper', "
                    "'post', 'delivered', ?, ?), (2, 1, 'A2', '', 'letter', '2023-12-21', '2019', "
                    "'natural_person', '张三', 'x', 'paper', 'post', 'processing', ?, ?)",
             {t, t, t, t});
    c->query("INSERT INTO request_events (request_id, agency_id, seq, kind, event_date, created_at) VALUES "
             "(1, 1, 1, 'received', '2023-12-20', ?), (1, 1, 2, 'decided', '2024-01-10', ?), "
             "(1, 1, 3, 'delivered', '2024-01-12', ?), (2, 1, 1, 'received', '2023-12-21', ?)",
             {t, t, t, t});
  }
  EXPECT_FALSE(migrate(*db).empty());
  auto c = db->acquire();
  EXPECT_EQ(c->query_one("SELECT carrier FROM items WHERE id = 1")->str(0), "纸质");  // the published version's
  EXPECT_EQ(c->query_one("SELECT carrier FROM items WHERE id = 2")->str(0), "电子和纸质");
  EXPECT_EQ(c->query_one("SELECT concluded_on FROM requests WHERE id = 1")->str(0), "2024-01-10");
  EXPECT_TRUE(c->query_one("SELECT concluded_on FROM requests WHERE id = 2")->is_null(0));
  EXPECT_EQ(c->query_one("SELECT body_html FROM item_revisions WHERE id = 11")->str(0), "<p>正文</p>");
  EXPECT_THROW(c->query("SELECT body_text FROM item_revisions"), DbError);
}

INSTANTIATE_TEST_SUITE_P(Backends, MigrationsTest, ::testing::Values("sqlite", "postgres"));

}  // namespace
}  // namespace gongkai::store
