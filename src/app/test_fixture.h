#pragma once
// A small agency with one user per role, on a fresh test database, for service tests.

#include <map>
#include <memory>
#include <string>

#include "app/directory.h"
#include "store/db.h"

namespace gongkai::app {

struct TestAgency {
  int64_t id = 0;
  int64_t dept_a = 0, dept_b = 0;       // 商贸流通科, 对外贸易科
  int64_t class_id = 0, topic_id = 0, genre_id = 0;
  std::map<std::string, Principal> who;  // "liaison", "head", "head_b", "leader", "secrecy", "office", "admin", "clerk"
};

// Creates agency `slug` with departments, categories and users; passwords are "password123".
TestAgency make_test_agency(store::Database& db, const std::string& slug, const std::string& org_code,
                            const std::string& workflow = "head,leader,secrecy");

}  // namespace gongkai::app
