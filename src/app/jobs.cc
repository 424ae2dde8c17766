#include "app/jobs.h"

#include <atomic>
#include <iostream>

#include "app/catalog.h"
#include "app/mail_sender.h"
#include "app/quota.h"
#include "app/request_reminders.h"
#include "app/search_queue.h"
#include "app/work_calendar.h"
#include "core/clock.h"
#include "store/directory_store.h"
#include "store/job_lock.h"

namespace gongkai::app {

namespace {
constexpr int64_t kJobsLockKey = 7271002;

// Reminders for requests nearing or past their due date, then the mail outbox. Each job's
// failure is logged and retried on the next pass without stopping the other.
void run_request_mail_jobs(store::Database& db) {
  try {
    finish_calendar_recompute(db);
  } catch (const std::exception& e) {
    std::cerr << "jobs: calendar recompute: " << e.what() << "\n";
  }
  try {
    send_request_reminders(db, core::Date::today_cst(), reminder_settings_from_env());
  } catch (const std::exception& e) {
    std::cerr << "jobs: request reminders: " << e.what() << "\n";
  }
  try {
    send_pending_mail(db, mail_settings_from_env());
  } catch (const std::exception& e) {
    std::cerr << "jobs: mail outbox: " << e.what() << "\n";
  }
}

// Quota notices change at most daily; once an hour is enough, not every pass.
constexpr int64_t kQuotaNoticeEverySeconds = 3600;
std::atomic<int64_t> g_last_quota_run{0};
}

JobPass run_jobs_once(store::Database& db, std::chrono::milliseconds index_budget) {
  JobPass pass;
  store::with_job_lock(db, kJobsLockKey, [&] {
    std::string now = core::now_iso();
    pass.published = publish_due(db, now);
    {
      auto c = db.acquire();
      store::delete_expired_sessions(*c, now);
    }
    int64_t now_s = core::unix_now();
    if (now_s - g_last_quota_run.load() >= kQuotaNoticeEverySeconds) {
      run_quota_notices(db, core::Date::today_cst());  // quota reminders and overdue notices
      g_last_quota_run.store(now_s);
    }
    run_request_mail_jobs(db);
    QueueRun q = work_off_search_queue(db, index_budget);
    pass.indexed = q.indexed;
    pass.more_queued = q.left > 0;
  });
  return pass;
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
  auto last_full = std::chrono::steady_clock::time_point{};
  bool more = false;
  while (!stop_) {
    lock.unlock();
    try {
      auto now = std::chrono::steady_clock::now();
      if (now - last_full >= interval_) {
        last_full = now;
        JobPass pass = run_jobs_once(db_);
        if (pass.published > 0) std::cerr << "jobs: published " << pass.published << " scheduled item(s)\n";
        if (pass.indexed > 0) std::cerr << "jobs: indexed " << pass.indexed << " queued item(s)\n";
        more = pass.more_queued;
      } else {
        // Between full passes, only the search queue, while it is not empty.
        QueueRun q;
        store::with_job_lock(db_, kJobsLockKey, [&] { q = work_off_search_queue(db_, std::chrono::seconds(10)); });
        if (q.indexed > 0) std::cerr << "jobs: indexed " << q.indexed << " queued item(s)\n";
        more = q.left > 0;
      }
    } catch (const std::exception& e) {
      // The next pass retries; a failing job must not take the server down.
      std::cerr << "jobs: " << e.what() << "\n";
    }
    lock.lock();
    cv_.wait_for(lock, more ? std::chrono::seconds(1) : interval_, [this] { return stop_; });
  }
}

}  // namespace gongkai::app
