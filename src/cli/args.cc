#include "cli/args.h"

#include <cstdlib>

namespace gongkai::cli {

Args::Args(const std::vector<std::string>& argv, const std::set<std::string>& value_flags,
           const std::set<std::string>& switches) {
  for (size_t i = 0; i < argv.size(); ++i) {
    const std::string& a = argv[i];
    if (a.rfind("--", 0) != 0 || a == "--") {
      positional_.push_back(a);
      continue;
    }
    std::string name = a, value;
    bool inline_value = false;
    if (auto eq = a.find('='); eq != std::string::npos) {
      name = a.substr(0, eq);
      value = a.substr(eq + 1);
      inline_value = true;
    }
    if (switches.count(name)) {
      if (inline_value) { error_ = name + " takes no value"; return; }
      values_[name] = "1";
    } else if (value_flags.count(name)) {
      if (!inline_value) {
        if (i + 1 >= argv.size()) { error_ = name + " needs a value"; return; }
        value = argv[++i];
      }
      values_[name] = value;
    } else {
      error_ = "unknown option " + name;
      return;
    }
  }
}

std::string Args::get(const std::string& flag, const std::string& def) const {
  auto it = values_.find(flag);
  return it == values_.end() ? def : it->second;
}

std::string data_dir(const Args& a) {
  if (a.has("--data-dir")) return a.get("--data-dir");
  const char* env = std::getenv("DATA_DIR");
  return env && *env ? env : "data";
}

std::string database_target(const Args& a) {
  if (a.has("--db")) return a.get("--db");
  return data_dir(a) + "/gongkai.db";
}

}  // namespace gongkai::cli
