#include "app/search_queue.h"

#include <algorithm>

#include "store/search_store.h"

namespace gongkai::app {

QueueRun work_off_search_queue(store::Database& db, std::chrono::milliseconds budget, int batch,
                               const std::function<void(int64_t, int64_t)>& progress) {
  auto started = std::chrono::steady_clock::now();
  QueueRun run;
  int64_t total = db.with_tx([](store::Conn& c) { return store::count_queued(c); });
  run.left = total;
  while (run.left > 0 && std::chrono::steady_clock::now() - started < budget) {
    int64_t n = db.with_tx([batch](store::Conn& c) { return store::index_queued(c, batch); });
    if (n == 0) break;
    run.indexed += n;
    run.left = std::max<int64_t>(0, run.left - n);
    if (progress) progress(run.indexed, total);
  }
  // Other writers may have queued more meanwhile.
  run.left = db.with_tx([](store::Conn& c) { return store::count_queued(c); });
  run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return run;
}

}  // namespace gongkai::app
