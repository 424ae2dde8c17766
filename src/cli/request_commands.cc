// gongkai import requests, gongkai export requests.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Stringifier.h>

#include <filesystem>
#include <fstream>

#include "app/errors.h"
#include "app/request_transfer.h"
#include "cli/agency_files.h"
#include "cli/args.h"
#include "cli/commands.h"
#include "store/directory_store.h"
#include "store/migrations.h"

namespace gongkai::cli {
namespace {

const char* kImportHelp =
    "usage: gongkai import requests FILE.csv|FILE.jsonl --agency SLUG [--skip-bad] [--json] [--db TARGET]\n\n"
    "Loads historical requests for disclosure (依申请公开) with their applicant, identity document\n"
    "and events into the agency (columns: docs/import-format.md, \"Requests\"). Every row is\n"
    "checked as staff entry and the event rules check them; a bad row is reported with its line\n"
    "and nothing is loaded, unless --skip-bad. Exits 0 when the import was committed.\n\n"
    "  --agency SLUG     the agency to load into (required)\n"
    "  --skip-bad        load the good rows even if some rows are bad\n"
    "  --json            print a JSON summary on standard output\n"
    "  --format F        csv or jsonl (default: from the file name)\n"
    "  --db TARGET       SQLite file or postgresql:// URL (default $DATA_DIR/gongkai.db)\n";

const char* kExportHelp =
    "usage: gongkai export requests --agency SLUG --out FILE.csv|FILE.jsonl [--json] [--db TARGET]\n\n"
    "Writes every request of the agency, with identity document data and events, in the import\n"
    "format (docs/import-format.md, \"Requests\"). The file holds personal data: keep it safe.\n"
    "--out - writes to standard output (then --format csv|jsonl is required).\n\n"
    "  --agency SLUG     the agency to export (required)\n"
    "  --out FILE        where to write (required); written whole or not at all\n"
    "  --format F        csv or jsonl (default: from the file name)\n"
    "  --db TARGET       SQLite file or postgresql:// URL (default $DATA_DIR/gongkai.db)\n";

int fail(std::ostream& err, const std::string& cmd, const std::string& message) {
  err << "gongkai " << cmd << " requests: " << message << "\n";
  return 1;
}

}  // namespace

int cmd_import_requests(const Argv& argv, std::ostream& out, std::ostream& err) {
  Args a(argv, {"--db", "--data-dir", "--agency", "--format"}, {"--help", "--json", "--skip-bad"});
  if (a.has("--help")) {
    out << kImportHelp;
    return 0;
  }
  if (!a.ok() || a.positional().size() != 2 || !a.has("--agency")) {
    err << (a.ok() ? "" : a.error() + "\n") << kImportHelp;
    return 2;
  }
  const std::string& path = a.positional()[1];
  auto format = file_format_of(a, path);
  if (!format) return fail(err, "import", "无法判断文件格式：文件名须以 .csv 或 .jsonl 结尾，或用 --format 指定");
  app::RequestImportSummary s;
  try {
    OpenedAgency o = open_agency(a);
    s = app::import_requests(*o.db, app::Principal::system("cli"), o.agency_id, path, *format, a.has("--skip-bad"));
  } catch (const app::AppError& e) {
    return fail(err, "import", e.what());
  }
  if (a.has("--json")) {
    Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
    o.set("ok", s.committed);
    o.set("rows", s.rows);
    o.set("loaded", s.loaded);
    o.set("bad", s.bad);
    Poco::JSON::Array errors;
    for (const auto& e : s.errors) {
      Poco::JSON::Object r(Poco::JSON_PRESERVE_KEY_ORDER);
      r.set("line", e.line);
      r.set("reason", e.reason);
      errors.add(r);
    }
    o.set("errors", errors);
    Poco::JSON::Stringifier::stringify(o, out);
    out << "\n";
  } else {
    for (const auto& e : s.errors) err << "第" << e.line << "行：" << e.reason << "\n";
    if (s.committed) {
      out << "已导入 " << s.loaded << " 件申请" << (s.bad ? "，跳过有误的 " + std::to_string(s.bad) + " 行" : "")
          << "，共读取 " << s.rows << " 行。\n";
    } else {
      err << "共读取 " << s.rows << " 行，其中 " << s.bad << " 行有误，未导入任何申请"
          << (s.bad ? "（加 --skip-bad 可只导入无误的行）" : "") << "。\n";
    }
  }
  return s.committed ? 0 : 1;
}

int cmd_export_requests(const Argv& argv, std::ostream& out, std::ostream& err) {
  Args a(argv, {"--db", "--data-dir", "--agency", "--format", "--out"}, {"--help", "--json"});
  if (a.has("--help")) {
    out << kExportHelp;
    return 0;
  }
  if (!a.ok() || a.positional().size() != 1 || !a.has("--agency") || !a.has("--out")) {
    err << (a.ok() ? "" : a.error() + "\n") << kExportHelp;
    return 2;
  }
  std::string path = a.get("--out");
  auto format = file_format_of(a, path);
  if (!format) return fail(err, "export", "无法判断文件格式：文件名须以 .csv 或 .jsonl 结尾，或用 --format 指定");
  int64_t n = 0;
  try {
    OpenedAgency o = open_agency(a);
    if (path == "-") return app::export_requests(*o.db, app::Principal::system("cli"), o.agency_id, out, *format), 0;
    std::string tmp = path + ".tmp";
    {
      std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
      if (!f) return fail(err, "export", "无法写入 " + tmp);
      try {
        n = app::export_requests(*o.db, app::Principal::system("cli"), o.agency_id, f, *format);
      } catch (...) {
        f.close();
        std::filesystem::remove(tmp);
        throw;
      }
    }
    std::filesystem::rename(tmp, path);
  } catch (const app::AppError& e) {
    return fail(err, "export", e.what());
  }
  if (a.has("--json")) {
    out << "{\"ok\":true,\"requests\":" << n << "}\n";
  } else {
    out << "已导出 " << n << " 件申请到 " << path << "\n";
  }
  return 0;
}

}  // namespace gongkai::cli
