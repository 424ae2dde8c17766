#include "app/jobs.h"

#include <atomic>
#include <iostream>

#include "app/catalog.h"
#include "app/quota.h"
#include "core/clock.h"
#include "store/directory_store.h"
#include "store/job_lock.h"

namespace gongkai::app {

namespace {
constexpr int64_t kJobsLockKey = 7271002;
// Quota notices change at most daily; once an hour is enough, not every pass.
constexpr int64_t kQuotaNoticeEverySeconds = 3600;
std::atomic<int64_t> g_last_quota_run{0};
}

int run_jobs_once(store::Database& db) {
  int published = 0;
  store::with_job_lock(db, kJobsLockKey, [&] {
    std::string now = core::now_iso();
    published = publish_due(db, now);
    auto c = db.acquire();
    store::delete_expired_sessions(*c, now);
    int64_t now_s = core::unix_now();
    if (now_s - g_last_quota_run.load() >= kQuotaNoticeEverySeconds) {
      run_quota_notices(db, core::Date::today_cst());  // quota reminders and overdue notices
      g_last_quota_run.store(now_s);
    }
  });
  return published;
}

JobRunner::JobRunner(store::Database& db, std::chrono::seconds interval)
    : db_(db), interval_(interval), thread_([this] { loop(); }) {}

JobRunner::~JobRunner() {
  {
    std::lock_guard g(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  thread_.join();
}

void JobRunner::loop() {
  std::unique_lock lock(mu_);
  while (!stop_) {
    lock.unlock();
    try {
      int n = run_jobs_once(db_);
      if (n > 0) std::cerr << "jobs: published " << n << " scheduled item(s)\n";
    } catch (const std::exception& e) {
      // The next pass retries; a failing job must not take the server down.
      std::cerr << "jobs: " << e.what() << "\n";
    }
    lock.lock();
    cv_.wait_for(lock, interval_, [this] { return stop_; });
  }
}

}  // namespace gongkai::app
