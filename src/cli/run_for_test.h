#pragma once
// Runs one `gongkai` command line in-process for a test and keeps what it printed
// (standard error only when `err` is given).

#include <unistd.h>

#include <filesystem>
#include <sstream>
#include <stdexcept>
#include <string>

#include "cli/commands.h"

namespace gongkai::cli {

inline int run(const Argv& args, std::string* out, std::string* err = nullptr) {
  std::ostringstream o, e;
  int rc = dispatch(args, o, e);
  *out = o.str();
  if (err) *err = e.str();
  return rc;
}

// A temporary directory with the demo database in it (`gongkai demo`), removed with the
// object, whether the test passed or not.
struct DemoDatabase {
  std::filesystem::path dir;
  std::string path;  // the database file
  explicit DemoDatabase(const std::string& name)
      : dir(std::filesystem::temp_directory_path() / (name + "_" + std::to_string(::getpid()))) {
    std::filesystem::create_directories(dir);
    path = (dir / "g.db").string();
    std::string out, err;
    if (run({"demo", "--db", path}, &out, &err) != 0) throw std::runtime_error("gongkai demo failed: " + err);
  }
  ~DemoDatabase() { std::filesystem::remove_all(dir); }
  DemoDatabase(const DemoDatabase&) = delete;
  DemoDatabase& operator=(const DemoDatabase&) = delete;
};

}  // namespace gongkai::cli
