#pragma once
// Runs one `gongkai` command line in-process for a test and keeps what it printed
// (standard error only when `err` is given).

#include <sstream>
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

}  // namespace gongkai::cli
