#include "store/audit_log.h"

#include <gtest/gtest.h>

#include "store/migrations.h"
#include "store/test_databases.h"

namespace gongkai::store {

class AuditTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = open_test_database(GetParam());
    if (!db_) GTEST_SKIP();
    migrate(*db_);
    for (int i = 0; i < 5; ++i) {
      db_->with_tx([&](Conn& c) { audit(c, {std::nullopt, "cli"}, {std::nullopt, "test.event", "thing", std::to_string(i), "详情"}); });
    }
  }
  // Tampering needs the append-only triggers out of the way, as an attacker with the file would.
  void drop_guards(Conn& c) {
    if (c.backend() == Backend::kSqlite) c.exec("DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete");
    else c.exec("DROP TRIGGER audit_log_no_change ON audit_log");
  }
  std::unique_ptr<Database> db_;
};

TEST_P(AuditTest, IntactChainVerifies) {
  auto c = db_->acquire();
  auto r = verify_audit(*c);
  EXPECT_TRUE(r.ok) << r.problem;
  EXPECT_EQ(r.rows, 5);
}

TEST_P(AuditTest, RowsCannotBeChangedThroughTheDatabase) {
  auto c = db_->acquire();
  EXPECT_THROW(c->query("UPDATE audit_log SET detail = 'x' WHERE seq = 2"), DbError);
  EXPECT_THROW(c->query("DELETE FROM audit_log WHERE seq = 2"), DbError);
}

TEST_P(AuditTest, AlteredRowIsNamed) {
  auto c = db_->acquire();
  drop_guards(*c);
  c->query("UPDATE audit_log SET detail = '改过' WHERE seq = 3");
  auto r = verify_audit(*c);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.first_bad_seq, 3);
}

TEST_P(AuditTest, RemovedRowIsNamed) {
  auto c = db_->acquire();
  drop_guards(*c);
  c->query("DELETE FROM audit_log WHERE seq = 2");
  auto r = verify_audit(*c);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.first_bad_seq, 2);
}

TEST_P(AuditTest, RemovedTailIsNoticed) {
  auto c = db_->acquire();
  drop_guards(*c);
  c->query("DELETE FROM audit_log WHERE seq = 5");
  auto r = verify_audit(*c);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.first_bad_seq, 5);
}

INSTANTIATE_TEST_SUITE_P(Backends, AuditTest, ::testing::Values("sqlite", "postgres"));

}  // namespace gongkai::store
