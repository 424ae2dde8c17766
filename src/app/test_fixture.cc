#include "app/test_fixture.h"

#include "store/directory_store.h"

namespace gongkai::app {

TestAgency make_test_agency(store::Database& db, const std::string& slug, const std::string& org_code,
                            const std::string& workflow) {
  auto sys = Principal::system("test");
  TestAgency t;
  NewAgency na;
  na.slug = slug;
  na.name = slug + " 测试局";
  na.org_code = org_code;
  na.workflow_steps = workflow;
  t.id = create_agency(db, sys, na);
  t.dept_a = create_department(db, sys, t.id, "商贸流通科", 1);
  t.dept_b = create_department(db, sys, t.id, "对外贸易科", 2);
  {
    auto c = db.acquire();
    t.class_id = store::find_category_by_name(*c, t.id, "class", "政务动态")->id;
    t.topic_id = store::find_category_by_name(*c, t.id, "topic", "商贸、海关、旅游")->id;
    t.genre_id = store::find_category_by_name(*c, t.id, "genre", "通知")->id;
  }
  struct U { const char* key; const char* role; int64_t dept; };
  for (U u : {U{"liaison", "liaison", t.dept_a}, U{"head", "head", t.dept_a}, U{"head_b", "head", t.dept_b},
              U{"leader", "leader", 0}, U{"secrecy", "secrecy", 0}, U{"office", "office", 0}, U{"admin", "admin", 0},
              U{"clerk", "clerk", 0}}) {
    NewUser nu;
    nu.agency_id = t.id;
    nu.username = slug + "." + u.key;
    nu.display_name = std::string(u.key) + "用户";
    nu.password = "password123";
    if (u.dept) nu.department_id = u.dept;
    nu.roles = {u.role};
    int64_t id = create_user(db, sys, nu);
    auto c = db.acquire();
    t.who[u.key] = Principal::from_user(*store::find_user(*c, id));
  }
  return t;
}

}  // namespace gongkai::app
