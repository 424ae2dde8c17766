#include "app/jobs.h"

#include <iostream>

#include "app/catalog.h"
#include "app/mail_sender.h"
#include "app/request_reminders.h"
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
}

int run_jobs_once(store::Database& db) {
  int published = 0;
  store::with_job_lock(db, kJobsLockKey, [&] {
    std::string now = core::now_iso();
    published = publish_due(db, now);
    store::delete_expired_sessions(*db.acquire(), now);
    run_request_mail_jobs(db);
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
