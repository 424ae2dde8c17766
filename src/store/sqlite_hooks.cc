#include "store/sqlite_hooks.h"

#include <mutex>
#include <vector>

namespace gongkai::store {
namespace {
std::mutex g_mu;
std::vector<std::function<void(sqlite3*)>>& hooks() {
  static std::vector<std::function<void(sqlite3*)>> h;
  return h;
}
}  // namespace

void add_sqlite_connection_hook(std::function<void(sqlite3*)> fn) {
  std::lock_guard g(g_mu);
  hooks().push_back(std::move(fn));
}

void run_sqlite_connection_hooks(sqlite3* db) {
  std::lock_guard g(g_mu);
  for (auto& h : hooks()) h(db);
}

}  // namespace gongkai::store
