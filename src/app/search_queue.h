#pragma once
// Working off the queue of items waiting for the search index (store/search_store.h), which
// large imports fill: by the serving node's jobs (app/jobs.h) and `gongkai reindex --queued`.

#include <chrono>
#include <cstdint>
#include <functional>

#include "store/db.h"

namespace gongkai::app {

struct QueueRun {
  int64_t indexed = 0;  // items taken off the queue
  int64_t left = 0;     // items still queued
  double seconds = 0;
};

// Indexes queued items, `batch` per transaction (each commit makes its items searchable),
// until the queue is empty or `budget` has passed. `progress` gets the items done so far and
// the queue's length at the start.
QueueRun work_off_search_queue(store::Database& db, std::chrono::milliseconds budget, int batch = 2000,
                               const std::function<void(int64_t done, int64_t total)>& progress = {});

}  // namespace gongkai::app
