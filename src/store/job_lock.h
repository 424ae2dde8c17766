#pragma once
// Background jobs run on one node at a time: a PostgreSQL advisory lock held for the run.

#include <cstdint>
#include <functional>

#include "store/db.h"

namespace gongkai::store {

// Runs fn and returns true when this process got the lock for `key`; returns false at once
// when another node holds it. SQLite has one node, so fn always runs there.
bool with_job_lock(Database& db, int64_t key, const std::function<void()>& fn);

}  // namespace gongkai::store
