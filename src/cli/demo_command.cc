// gongkai demo: the seed's agency with its catalog and one user per role.
#include "app/demo.h"
#include "app/passwords.h"
#include "cli/args.h"
#include "cli/commands.h"
#include "store/directory_store.h"
#include "store/migrations.h"

namespace gongkai::cli {

int cmd_demo(const Argv& argv, std::ostream& out, std::ostream& err) {
  Args a(argv, {"--db", "--data-dir", "--password"}, {"--help"});
  if (a.has("--help")) {
    out << "usage: gongkai demo [--db TARGET] [--password PW]\n\n"
           "Creates the demo agency 慈溪市商务局（服务业发展局） (slug cxswj) with its departments, one user\n"
           "per role (cxswj.admin, cxswj.office, cxswj.liaison, cxswj.head, cxswj.leader, cxswj.secrecy,\n"
           "cxswj.clerk) and 517 published items matching the 2013 annual report. The password is\n"
           "--password, $GONGKAI_DEMO_PASSWORD, or a random one printed once.\n";
    return 0;
  }
  if (!a.ok()) { err << "gongkai demo: " << a.error() << "\n"; return 2; }
  auto db = store::Database::open(database_target(a), 4);
  store::migrate(*db);
  {
    auto c = db->acquire();
    if (store::find_agency_by_slug(*c, "cxswj")) { err << "gongkai demo: agency cxswj already exists\n"; return 1; }
  }
  const char* env = std::getenv("GONGKAI_DEMO_PASSWORD");
  std::string password = a.get("--password", env && *env ? env : "Demo-" + app::random_hex(6));
  auto logins = app::load_demo(*db, password);
  out << "demo agency cxswj loaded (517 items). Log-ins (password: " << password << "):\n";
  for (const auto& l : logins) out << "  " << l.username << "  " << l.role_label << "\n";
  return 0;
}

}  // namespace gongkai::cli
