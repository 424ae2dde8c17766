#pragma once
// Fresh, empty databases for tests: a temporary SQLite file, or a new PostgreSQL schema
// inside the server named by GK_TEST_PG_URL (set by the test run, which starts a private
// server). Returns nullptr when the backend is not available.

#include <memory>
#include <string>

#include "store/db.h"

namespace gongkai::store {

// backend: "sqlite" or "postgres".
std::unique_ptr<Database> open_test_database(const std::string& backend, int pool_size = 4);

// True for a test database or directory name PREFIX<pid>_... whose process has ended.
bool leftover_of_ended_process(const std::string& name, const std::string& prefix);

// True when GK_REQUIRE_PG is set, so a missing server fails instead of skipping.
bool postgres_required();

}  // namespace gongkai::store
