#include "store/job_lock.h"

namespace gongkai::store {

bool with_job_lock(Database& db, int64_t key, const std::function<void()>& fn) {
  if (db.backend() == Backend::kSqlite) {
    fn();
    return true;
  }
  auto c = db.acquire();
  if (c->query_int("SELECT CASE WHEN pg_try_advisory_lock(?) THEN 1 ELSE 0 END", {key}) != 1) return false;
  struct Unlock {
    Conn& c;
    int64_t key;
    ~Unlock() {
      try {
        c.query("SELECT pg_advisory_unlock(?)", {key});
      } catch (const DbError&) {
        // A broken connection releases its session locks when it closes.
      }
    }
  } unlock{*c, key};
  fn();
  return true;
}

}  // namespace gongkai::store
