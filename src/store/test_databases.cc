#include "store/test_databases.h"

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <stdexcept>
#include <unistd.h>

namespace gongkai::store {

bool postgres_required() { return std::getenv("GK_REQUIRE_PG") != nullptr; }

bool leftover_of_ended_process(const std::string& name, const std::string& prefix) {
  if (name.rfind(prefix, 0) != 0) return false;
  size_t end = name.find('_', prefix.size());
  if (end == std::string::npos || end == prefix.size()) return false;
  std::string digits = name.substr(prefix.size(), end - prefix.size());
  if (digits.size() > 10 || digits.find_first_not_of("0123456789") != std::string::npos) return false;
  long long pid = std::stoll(digits);
  if (pid <= 0 || pid > 2147483647LL) return false;
  return ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH;
}

namespace {

// Test databases are not dropped when a test ends (its Database may outlive the fixture);
// the first one a test process opens removes those of processes that have ended, so that a
// developer's temporary directory and PostgreSQL server do not fill up run after run.
void remove_leftovers(const char* pg_url) {
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(std::filesystem::temp_directory_path(), ec)) {
    if (leftover_of_ended_process(e.path().filename().string(), "gongkai_test_")) {
      std::filesystem::remove_all(e.path(), ec);
    }
  }
  if (!pg_url || !*pg_url) return;
  try {
    auto admin = Database::open(pg_url, 1);
    auto c = admin->acquire();
    std::vector<std::string> names;
    for (const auto& r : c->query("SELECT datname FROM pg_database WHERE datname LIKE 'gk\\_test\\_%'")) {
      if (leftover_of_ended_process(r.str(0), "gk_test_")) names.push_back(r.str(0));
    }
    for (const auto& n : names) {
      try {
        c->exec("DROP DATABASE IF EXISTS " + n);
      } catch (const DbError&) {
        // Still in use by someone: left for a later run.
      }
    }
  } catch (const DbError&) {
    // The server is not reachable: the test that needs it reports that.
  }
}

}  // namespace

std::unique_ptr<Database> open_test_database(const std::string& backend, int pool_size) {
  static std::atomic<int> counter{0};
  static const bool cleaned = (remove_leftovers(std::getenv("GK_TEST_PG_URL")), true);
  (void)cleaned;
  std::random_device rd;
  std::string tag = std::to_string(getpid()) + "_" + std::to_string(counter++) + "_" +
                    std::to_string(rd() % 100000);
  if (backend == "sqlite") {
    auto dir = std::filesystem::temp_directory_path() / ("gongkai_test_" + tag);
    std::filesystem::create_directories(dir);
    return Database::open((dir / "test.db").string(), pool_size);
  }
  const char* url = std::getenv("GK_TEST_PG_URL");
  if (!url || !*url) {
    if (postgres_required()) throw std::runtime_error("GK_REQUIRE_PG is set but GK_TEST_PG_URL is not");
    return nullptr;
  }
  // A database per test keeps tests independent; created through the maintenance URL.
  std::string name = "gk_test_" + tag;
  {
    auto admin = Database::open(url, 1);
    auto c = admin->acquire();
    c->exec("CREATE DATABASE " + name);
  }
  std::string base(url);
  auto q = base.find('?');
  std::string params = q == std::string::npos ? "" : base.substr(q);
  std::string head = q == std::string::npos ? base : base.substr(0, q);
  auto slash = head.rfind('/');
  std::string target = head.substr(0, slash + 1) + name + params;
  return Database::open(target, pool_size);
}

}  // namespace gongkai::store
