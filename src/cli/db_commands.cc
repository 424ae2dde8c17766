// migrate, agency list, audit verify.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Stringifier.h>

#include <filesystem>

#include "cli/args.h"
#include "cli/commands.h"
#include "store/audit_log.h"
#include "store/db.h"
#include "store/directory_store.h"
#include "store/item_store.h"
#include "store/migrations.h"

namespace gongkai::cli {
namespace {

const char* kDbHelp =
    "  --db TARGET       SQLite file or postgresql:// URL (default $DATA_DIR/gongkai.db)\n"
    "  --data-dir DIR    data directory (default $DATA_DIR or ./data)\n";

std::unique_ptr<store::Database> open_db(const Args& a) {
  std::string target = database_target(a);
  if (target.rfind("postgres", 0) != 0) {
    auto parent = std::filesystem::path(target).parent_path();
    if (!parent.empty()) std::filesystem::create_directories(parent);
  }
  return store::Database::open(target, 4);
}

}  // namespace

int cmd_migrate(const Argv& argv, std::ostream& out, std::ostream& err) {
  Args a(argv, {"--db", "--data-dir"}, {"--help", "--json"});
  if (a.has("--help")) {
    out << "usage: gongkai migrate [--db TARGET] [--json]\n\nApplies every pending schema migration.\n" << kDbHelp;
    return 0;
  }
  if (!a.ok()) { err << "gongkai migrate: " << a.error() << "\n"; return 2; }
  auto db = open_db(a);
  auto applied = store::migrate(*db);
  int version = store::schema_version(*db->acquire());
  if (a.has("--json")) {
    Poco::JSON::Object o;
    Poco::JSON::Array arr;
    for (int v : applied) arr.add(v);
    o.set("applied", arr);
    o.set("version", version);
    Poco::JSON::Stringifier::stringify(o, out);
    out << "\n";
  } else {
    out << "schema version " << version << " (" << applied.size() << " migration(s) applied now)\n";
  }
  return 0;
}

int cmd_agency(const Argv& argv, std::ostream& out, std::ostream& err) {
  Args a(argv, {"--db", "--data-dir"}, {"--help", "--json"});
  if (a.has("--help") || a.positional().empty()) {
    (a.has("--help") ? out : err) << "usage: gongkai agency list [--json] [--db TARGET]\n\n"
                                     "Lists the agencies with slug, name and item counts.\n" << kDbHelp;
    return a.has("--help") ? 0 : 2;
  }
  if (!a.ok()) { err << "gongkai agency: " << a.error() << "\n"; return 2; }
  if (a.positional()[0] != "list") { err << "gongkai agency: unknown action " << a.positional()[0] << "\n"; return 2; }
  auto db = open_db(a);
  store::migrate(*db);
  auto c = db->acquire();
  Poco::JSON::Array arr;
  for (const auto& ag : store::list_agencies(*c)) {
    int64_t published = store::count_items(*c, ag.id, "published");
    int64_t drafts = store::count_items(*c, ag.id, "draft");
    if (a.has("--json")) {
      Poco::JSON::Object o;
      o.set("slug", ag.slug);
      o.set("name", ag.name);
      o.set("published", published);
      o.set("drafts", drafts);
      arr.add(o);
    } else {
      out << ag.slug << "\t" << ag.name << "\t已发布 " << published << "\t草稿 " << drafts << "\n";
    }
  }
  if (a.has("--json")) {
    Poco::JSON::Stringifier::stringify(arr, out);
    out << "\n";
  }
  return 0;
}

int cmd_audit(const Argv& argv, std::ostream& out, std::ostream& err) {
  Args a(argv, {"--db", "--data-dir"}, {"--help", "--json"});
  if (a.has("--help") || a.positional().empty() || a.positional()[0] != "verify") {
    (a.has("--help") ? out : err)
        << "usage: gongkai audit verify [--json] [--db TARGET]\n\n"
           "Walks the audit log and checks every row's hash and its link to the row before.\n"
           "Exits 0 when the chain is intact, 1 naming the first bad row otherwise.\n" << kDbHelp;
    return a.has("--help") ? 0 : 2;
  }
  if (!a.ok()) { err << "gongkai audit: " << a.error() << "\n"; return 2; }
  auto db = open_db(a);
  auto c = db->acquire();
  auto check = store::verify_audit(*c);
  if (a.has("--json")) {
    Poco::JSON::Object o;
    o.set("ok", check.ok);
    o.set("rows", check.rows);
    if (check.first_bad_seq) o.set("first_bad_row", *check.first_bad_seq);
    if (!check.ok) o.set("problem", check.problem);
    Poco::JSON::Stringifier::stringify(o, out);
    out << "\n";
  } else if (check.ok) {
    out << "audit log intact: " << check.rows << " rows\n";
  } else {
    err << "audit log broken at row " << *check.first_bad_seq << ": " << check.problem << "\n";
  }
  return check.ok ? 0 : 1;
}

}  // namespace gongkai::cli
