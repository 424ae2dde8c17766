#pragma once
// The background work of a serving node: publishing scheduled revisions, removing expired
// sessions, writing quota reminders (app/quota.h) and working off the search-index queue,
// every `interval` (every second while the queue is not empty). Each pass runs under a
// database lock, so with several nodes one of them does it.

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "store/db.h"

namespace gongkai::app {

struct JobPass {
  int published = 0;       // scheduled revisions published
  int64_t indexed = 0;     // queued items indexed
  bool more_queued = false;  // the search queue was not emptied within the pass's budget
};

// One pass of every job. Exposed for tests.
JobPass run_jobs_once(store::Database& db,
                      std::chrono::milliseconds index_budget = std::chrono::seconds(10));

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
