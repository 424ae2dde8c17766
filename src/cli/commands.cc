#include "cli/commands.h"

#include "cli/calendar_command.h"

#include <functional>
#include <map>

namespace gongkai::cli {
namespace {

struct Command {
  const char* summary;
  std::function<int(const Argv&, std::ostream&, std::ostream&)> run;
};

const std::map<std::string, Command>& commands() {
  static const std::map<std::string, Command> m = {
      {"calendar", {"working days and deadlines (calendar due|is-workday)",
                    [](const Argv& a, std::ostream& o, std::ostream& e) { return calendar_command(a, o, e); }}},
      {"demo", {"load the demo agency of the seed report (cxswj)", cmd_demo}},
      {"migrate", {"apply database migrations", cmd_migrate}},
      {"serve", {"serve the portal, back office and API (--listen 127.0.0.1:8080)", cmd_serve}},
      {"user", {"create users and set passwords (user add|passwd|list)", cmd_user}},
      {"agency", {"list agencies (agency list [--json])", cmd_agency}},
      {"audit", {"verify the audit log's hash chain (audit verify)", cmd_audit}},
      {"import", {"load catalog items or requests from CSV or JSON Lines (import items|requests FILE --agency SLUG)", cmd_import}},
      {"export", {"write an agency's catalog items or requests as CSV or JSON Lines (export items|requests)", cmd_export}},
      {"reindex", {"rebuild the search index (reindex [--agency SLUG] [--json])", cmd_reindex}},
      {"report", {"write an agency's annual report (report --agency SLUG --year YYYY --out FILE)", cmd_report}},
      {"assessment", {"departments' assessment scores (assessment --agency SLUG --period 2026-Q4)", cmd_assessment}},
      {"search", {"search the published items (search QUERY | --queries FILE [--ids])", cmd_search}},
  };
  return m;
}

void usage(std::ostream& out) {
  out << "usage: gongkai COMMAND [options]\n\n"
         "Gongkai runs government information disclosure (政府信息公开) for one or many agencies.\n\n"
         "Commands:\n";
  for (const auto& [name, c] : commands()) out << "  " << name << std::string(12 - name.size(), ' ') << c.summary << "\n";
  out << "\nCommon options: --db PATH|postgresql://URL (default $DATA_DIR/gongkai.db), --data-dir DIR.\n"
         "Run 'gongkai COMMAND --help' for a command's options.\n";
}

}  // namespace

int dispatch(const Argv& args, std::ostream& out, std::ostream& err) {
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    usage(args.empty() ? err : out);
    return args.empty() ? 2 : 0;
  }
  auto it = commands().find(args[0]);
  if (it == commands().end()) {
    err << "gongkai: unknown command '" << args[0] << "'\n";
    usage(err);
    return 2;
  }
  try {
    return it->second.run(Argv(args.begin() + 1, args.end()), out, err);
  } catch (const std::exception& e) {
    err << "gongkai " << args[0] << ": " << e.what() << "\n";
    return 1;
  }
}

}  // namespace gongkai::cli
