#pragma once
// The subcommands of `gongkai`. Each takes its arguments (without the command name),
// writes to out/err and returns the process exit code: 0 ok, 1 failure, 2 bad usage.

#include <ostream>
#include <string>
#include <vector>

namespace gongkai::cli {

using Argv = std::vector<std::string>;

int dispatch(const Argv& args, std::ostream& out, std::ostream& err);

int cmd_migrate(const Argv& a, std::ostream& out, std::ostream& err);
int cmd_agency(const Argv& a, std::ostream& out, std::ostream& err);
int cmd_audit(const Argv& a, std::ostream& out, std::ostream& err);
int cmd_demo(const Argv& a, std::ostream& out, std::ostream& err);
int cmd_serve(const Argv& a, std::ostream& out, std::ostream& err);
int cmd_user(const Argv& a, std::ostream& out, std::ostream& err);
int cmd_import(const Argv& a, std::ostream& out, std::ostream& err);
int cmd_export(const Argv& a, std::ostream& out, std::ostream& err);
int cmd_reindex(const Argv& a, std::ostream& out, std::ostream& err);
int cmd_report(const Argv& a, std::ostream& out, std::ostream& err);
int cmd_assessment(const Argv& a, std::ostream& out, std::ostream& err);
int cmd_search(const Argv& a, std::ostream& out, std::ostream& err);
// `import requests` and `export requests` (request_commands.cc), reached through cmd_import/cmd_export.
int cmd_import_requests(const Argv& a, std::ostream& out, std::ostream& err);
int cmd_export_requests(const Argv& a, std::ostream& out, std::ostream& err);

}  // namespace gongkai::cli
