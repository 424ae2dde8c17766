#pragma once
// The background work of a serving node: publishing scheduled revisions, removing expired
// sessions and writing quota reminders (app/quota.h), every `interval`. Each pass runs under a
// database lock, so with several nodes one of them does it.

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "store/db.h"

namespace gongkai::app {

// One pass of every job; returns the number of revisions published. Exposed for tests.
int run_jobs_once(store::Database& db);

class JobRunner {
 public:
  JobRunner(store::Database& db, std::chrono::seconds interval);
  ~JobRunner();  // stops and joins
  JobRunner(const JobRunner&) = delete;
  JobRunner& operator=(const JobRunner&) = delete;

 private:
  void loop();
  store::Database& db_;
  std::chrono::seconds interval_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stop_ = false;
  std::thread thread_;
};

}  // namespace gongkai::app
