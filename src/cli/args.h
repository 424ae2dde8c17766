#pragma once
// Command-line parsing for the gongkai subcommands: --flag value, --flag=value, --switch.

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace gongkai::cli {

class Args {
 public:
  // `value_flags` take a value; `switches` do not. Unknown flags are errors.
  Args(const std::vector<std::string>& argv, const std::set<std::string>& value_flags,
       const std::set<std::string>& switches);
  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }
  bool has(const std::string& flag) const { return values_.count(flag) > 0; }
  std::string get(const std::string& flag, const std::string& def = "") const;
  const std::vector<std::string>& positional() const { return positional_; }

 private:
  std::map<std::string, std::string> values_;
  std::vector<std::string> positional_;
  std::string error_;
};

// The database target: --db, else $DATA_DIR/gongkai.db, else ./data/gongkai.db.
std::string database_target(const Args& a);
// The data directory: --data-dir, else $DATA_DIR, else ./data.
std::string data_dir(const Args& a);

}  // namespace gongkai::cli
