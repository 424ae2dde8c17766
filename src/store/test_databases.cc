#include "store/test_databases.h"

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <stdexcept>
#include <unistd.h>

namespace gongkai::store {

bool postgres_required() { return std::getenv("GK_REQUIRE_PG") != nullptr; }

std::unique_ptr<Database> open_test_database(const std::string& backend, int pool_size) {
  static std::atomic<int> counter{0};
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
