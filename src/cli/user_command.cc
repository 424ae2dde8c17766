// gongkai user add|passwd|list.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Stringifier.h>

#include <sstream>

#include "app/directory.h"
#include "app/errors.h"
#include "cli/args.h"
#include "cli/commands.h"
#include "store/directory_store.h"
#include "store/migrations.h"

namespace gongkai::cli {
namespace {

void print_validation(const app::ValidationError& e, std::ostream& err) {
  for (const auto& [f, m] : e.fields()) err << "  " << f << ": " << m << "\n";
}

std::string read_password(const Args& a) {
  if (a.has("--password")) return a.get("--password");
  const char* env = std::getenv("GONGKAI_PASSWORD");
  if (env && *env) return env;
  std::string line;
  std::getline(std::cin, line);
  return line;
}

}  // namespace

int cmd_user(const Argv& argv, std::ostream& out, std::ostream& err) {
  Args a(argv, {"--db", "--data-dir", "--agency", "--name", "--roles", "--department", "--email", "--password"},
         {"--help", "--json"});
  const char* help =
      "usage: gongkai user add USERNAME --agency SLUG --name NAME --roles ROLE[,ROLE] [--department NAME]\n"
      "       gongkai user passwd USERNAME\n"
      "       gongkai user list --agency SLUG [--json]\n\n"
      "The password is read from --password, $GONGKAI_PASSWORD or one line of standard input\n"
      "(at least 10 characters with letters and digits).\n"
      "Roles: admin 系统管理员, office 办公室, liaison 科室联络员, head 科室负责人, leader 分管领导,\n"
      "       secrecy 保密审查员, clerk 申请受理员, infocenter 信息中心 (platform users: no --agency).\n"
      "  --db TARGET   SQLite file or postgresql:// URL (default $DATA_DIR/gongkai.db)\n";
  if (a.has("--help")) { out << help; return 0; }
  if (!a.ok() || a.positional().empty()) { err << (a.ok() ? "" : "gongkai user: " + a.error() + "\n") << help; return 2; }
  auto db = store::Database::open(database_target(a), 2);
  store::migrate(*db);
  auto sys = app::Principal::system("cli");
  std::optional<int64_t> agency_id;
  std::optional<int64_t> dept_id;
  if (a.has("--agency")) {
    auto c = db->acquire();
    auto ag = store::find_agency_by_slug(*c, a.get("--agency"));
    if (!ag) { err << "gongkai user: no agency '" << a.get("--agency") << "'\n"; return 1; }
    agency_id = ag->id;
    if (a.has("--department")) {
      auto d = store::find_department_by_name(*c, ag->id, a.get("--department"));
      if (!d) { err << "gongkai user: no department '" << a.get("--department") << "'\n"; return 1; }
      dept_id = d->id;
    }
  }
  const std::string& action = a.positional()[0];
  try {
    if (action == "add" && a.positional().size() == 2) {
      app::NewUser u;
      u.agency_id = agency_id;
      u.username = a.positional()[1];
      u.display_name = a.get("--name", u.username);
      u.department_id = dept_id;
      u.email = a.get("--email");
      std::stringstream roles(a.get("--roles"));
      for (std::string r; std::getline(roles, r, ',');) if (!r.empty()) u.roles.push_back(r);
      u.password = read_password(a);
      int64_t id = app::create_user(*db, sys, u);
      out << "created user " << u.username << " (id " << id << ")\n";
      return 0;
    }
    if (action == "passwd" && a.positional().size() == 2) {
      std::optional<store::UserRow> u;
      {
        auto c = db->acquire();
        u = store::find_user_by_username(*c, a.positional()[1]);
      }
      if (!u) { err << "gongkai user: no user '" << a.positional()[1] << "'\n"; return 1; }
      app::set_password(*db, sys, u->id, read_password(a));
      out << "password changed for " << u->username << "\n";
      return 0;
    }
    if (action == "list") {
      auto c = db->acquire();
      Poco::JSON::Array arr;
      for (const auto& u : store::list_users(*c, agency_id)) {
        std::string roles;
        for (const auto& r : u.roles) roles += (roles.empty() ? "" : ",") + r;
        if (a.has("--json")) {
          Poco::JSON::Object o;
          o.set("username", u.username);
          o.set("name", u.display_name);
          o.set("roles", roles);
          o.set("active", u.active);
          arr.add(o);
        } else {
          out << u.username << "\t" << u.display_name << "\t" << roles << (u.active ? "" : "\t(停用)") << "\n";
        }
      }
      if (a.has("--json")) { Poco::JSON::Stringifier::stringify(arr, out); out << "\n"; }
      return 0;
    }
  } catch (const app::ValidationError& e) {
    err << "gongkai user: invalid input\n";
    print_validation(e, err);
    return 1;
  }
  err << help;
  return 2;
}

}  // namespace gongkai::cli
