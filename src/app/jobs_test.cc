#include "app/jobs.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "store/job_lock.h"
#include "store/migrations.h"
#include "store/test_databases.h"

namespace gongkai::app {
namespace {

TEST(JobLock, OnlyOneHolderOnPostgres) {
  auto db = store::open_test_database("postgres", 4);
  if (!db) GTEST_SKIP();
  std::atomic<bool> inner_ran{false};
  bool outer = store::with_job_lock(*db, 42, [&] {
    // While this node holds the lock, another attempt (another node) is turned away.
    inner_ran = store::with_job_lock(*db, 42, [] {});
  });
  EXPECT_TRUE(outer);
  EXPECT_FALSE(inner_ran);
  EXPECT_TRUE(store::with_job_lock(*db, 42, [] {}));  // released afterwards
}

TEST(JobRunner, RunsAndStops) {
  auto db = store::open_test_database("sqlite", 4);
  store::migrate(*db);
  EXPECT_EQ(run_jobs_once(*db).published, 0);
  { JobRunner runner(*db, std::chrono::seconds(3600)); }  // destructor stops the sleeping thread
}

}  // namespace
}  // namespace gongkai::app
