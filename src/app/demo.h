#pragma once
// Loads the demo agency of the seed report with its departments, one user per role and a
// catalog whose figures are exactly the seed's (see demo_corpus.h).

#include <string>
#include <vector>

#include "store/db.h"

namespace gongkai::app {

struct DemoLogin {
  std::string username, role_label;
};

// Creates agency cxswj and its catalog; all users get `password`. Fails if cxswj exists.
std::vector<DemoLogin> load_demo(store::Database& db, const std::string& password);

}  // namespace gongkai::app
