// gongkai import items, gongkai export items.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Stringifier.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>

#include "app/errors.h"
#include "app/item_export.h"
#include "app/item_import.h"
#include "cli/agency_files.h"
#include "cli/args.h"
#include "cli/commands.h"
#include "store/directory_store.h"
#include "store/migrations.h"

namespace gongkai::cli {
namespace {

const char* kDbHelp =
    "  --db TARGET       SQLite file or postgresql:// URL (default $DATA_DIR/gongkai.db)\n"
    "  --data-dir DIR    data directory (default $DATA_DIR or ./data)\n";

// Prints {"ok":false,"error":...} for --json, else the message on err; returns 1.
int fail(const Args& a, std::ostream& out, std::ostream& err, const std::string& cmd, const std::string& message) {
  if (a.has("--json")) {
    Poco::JSON::Object o;
    o.set("ok", false);
    o.set("error", message);
    Poco::JSON::Stringifier::stringify(o, out);
    out << "\n";
  } else {
    err << "gongkai " << cmd << ": " << message << "\n";
  }
  return 1;
}

}  // namespace

int cmd_import(const Argv& argv, std::ostream& out, std::ostream& err) {
  if (!argv.empty() && argv[0] == "requests") return cmd_import_requests(argv, out, err);
  Args a(argv, {"--db", "--data-dir", "--agency", "--format", "--threads", "--index-now"},
         {"--help", "--json", "--skip-bad"});
  const char* help =
      "usage: gongkai import items FILE.csv|FILE.jsonl --agency SLUG [--skip-bad] [--json] [--db TARGET]\n\n"
      "Loads catalog items with their metadata into the agency (columns: docs/import-format.md).\n"
      "Every row is checked; a bad row is reported with its line number and nothing is loaded,\n"
      "unless --skip-bad is given: then the good rows are loaded and the bad ones listed.\n"
      "Rows with a publish_date are published (keeping index_no when given, else receiving a new\n"
      "index number) and made searchable; rows without one are loaded as drafts. Beyond\n"
      "--index-now N published items (default 20000) the rest are queued for the search index,\n"
      "which a running server works off after the commit (or `gongkai reindex --queued`).\n"
      "Exits 0 when the import was committed, 1 otherwise.\n\n"
      "  --agency SLUG     the agency to load into (required)\n"
      "  --skip-bad        load the good rows even if some rows are bad\n"
      "  --json            print a JSON summary on standard output\n"
      "  --format F        csv or jsonl (default: from the file name)\n"
      "  --threads N       threads checking rows (default: one per core)\n"
      "  --index-now N     published items indexed before the commit (default 20000)\n";
  if (a.has("--help")) {
    out << help << kDbHelp;
    return 0;
  }
  if (!a.ok()) { err << "gongkai import: " << a.error() << "\n"; return 2; }
  if (a.positional().size() != 2 || a.positional()[0] != "items" || !a.has("--agency")) {
    err << help << kDbHelp;
    return 2;
  }
  const std::string& path = a.positional()[1];
  auto format = file_format_of(a, path);
  if (!format) return fail(a, out, err, "import", "无法判断文件格式：文件名须以 .csv 或 .jsonl 结尾，或用 --format 指定");
  app::ImportOptions opt;
  opt.skip_bad = a.has("--skip-bad");
  if (a.has("--threads")) opt.threads = std::max(1, std::atoi(a.get("--threads").c_str()));
  if (a.has("--index-now")) {
    const std::string& v = a.get("--index-now");
    if (v.empty() || v.size() > 9 || v.find_first_not_of("0123456789") != std::string::npos) {
      return fail(a, out, err, "import", "--index-now 应为0至999999999之间的整数");
    }
    opt.index_now_max = std::stoll(v);
  }
  if (isatty(STDERR_FILENO)) {
    opt.progress = [&err](int64_t rows) { err << "\r已读取 " << rows << " 行…" << std::flush; };
  }
  app::ImportSummary s;
  try {
    OpenedAgency o = open_agency(a);
    s = app::import_items(*o.db, app::Principal::system("cli"), o.agency_id, path, *format, opt);
  } catch (const app::AppError& e) {
    return fail(a, out, err, "import", e.what());
  }
  if (opt.progress) err << "\r" << std::string(48, ' ') << "\r" << std::flush;
  if (a.has("--json")) {
    Poco::JSON::Object o;
    o.set("ok", s.committed);
    o.set("committed", s.committed);
    o.set("rows", s.rows);
    o.set("loaded", s.loaded);
    o.set("published", s.published);
    o.set("withdrawn", s.withdrawn);
    o.set("drafts", s.drafts);
    o.set("numbered", s.numbered);
    o.set("bad", s.bad);
    Poco::JSON::Array errors;
    for (const auto& e : s.errors) {
      Poco::JSON::Object r;
      r.set("line", e.line);
      r.set("reason", e.reason);
      errors.add(r);
    }
    o.set("errors", errors);
    o.set("indexed", s.indexed);
    o.set("queued", s.queued);
    o.set("seconds", s.seconds);
    o.set("load_seconds", s.load_seconds);
    o.set("index_seconds", s.index_seconds);
    Poco::JSON::Stringifier::stringify(o, out);
    out << "\n";
  } else {
    for (const auto& e : s.errors) err << "第" << e.line << "行：" << e.reason << "\n";
    if (s.bad > static_cast<int64_t>(s.errors.size())) {
      err << "……另有 " << (s.bad - static_cast<int64_t>(s.errors.size())) << " 行有误未列出\n";
    }
    if (s.committed) {
      out << "已导入 " << s.loaded << " 条信息（已发布 " << s.published << "，已撤回 " << s.withdrawn << "，草稿 "
          << s.drafts << "；新生成索引号 " << s.numbered << " 个）";
      if (s.bad) out << "，跳过有误的 " << s.bad << " 行";
      out << "，共读取 " << s.rows << " 行，用时 " << s.seconds << " 秒（其中写入全文索引 " << s.index_seconds
          << " 秒）。\n";
      if (s.queued > 0) {
        out << "另有 " << s.queued << " 条已发布信息排队等待建立搜索索引：运行中的服务会自动处理，"
            << "也可运行 gongkai reindex --queued。\n";
      }
    } else {
      err << "共读取 " << s.rows << " 行，其中 " << s.bad << " 行有误，未导入任何信息（加 --skip-bad 可只导入无误的行）。\n";
    }
  }
  return s.committed ? 0 : 1;
}

int cmd_export(const Argv& argv, std::ostream& out, std::ostream& err) {
  if (!argv.empty() && argv[0] == "requests") return cmd_export_requests(argv, out, err);
  Args a(argv, {"--db", "--data-dir", "--agency", "--format", "--out"}, {"--help", "--json"});
  const char* help =
      "usage: gongkai export items --agency SLUG --out FILE.csv|FILE.jsonl [--json] [--db TARGET]\n\n"
      "Writes every item of the agency in the import formats (docs/import-format.md): its\n"
      "metadata, class, topic, genre and department names, status and revision state.\n"
      "--out - writes to standard output (then --format csv|jsonl is required).\n\n"
      "  --agency SLUG     the agency to export (required)\n"
      "  --out FILE        where to write (required); written whole or not at all\n"
      "  --format F        csv or jsonl (default: from the file name)\n"
      "  --json            print a JSON summary on standard output\n";
  if (a.has("--help")) {
    out << help << kDbHelp;
    return 0;
  }
  if (!a.ok()) { err << "gongkai export: " << a.error() << "\n"; return 2; }
  if (a.positional().size() != 1 || a.positional()[0] != "items" || !a.has("--agency") || !a.has("--out")) {
    err << help << kDbHelp;
    return 2;
  }
  std::string path = a.get("--out");
  auto format = file_format_of(a, path);
  if (!format) return fail(a, out, err, "export", "无法判断文件格式：文件名须以 .csv 或 .jsonl 结尾，或用 --format 指定");
  int64_t n = 0;
  try {
    OpenedAgency o = open_agency(a);
    if (path == "-") {
      n = app::export_items(*o.db, app::Principal::system("cli"), o.agency_id, out, *format);
    } else {
      // Written beside the target and renamed, so a failed export never leaves half a file.
      std::string tmp = path + ".tmp";
      {
        std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
        if (!f) return fail(a, out, err, "export", "无法写入 " + tmp);
        try {
          n = app::export_items(*o.db, app::Principal::system("cli"), o.agency_id, f, *format);
        } catch (...) {
          f.close();
          std::filesystem::remove(tmp);
          throw;
        }
      }
      std::filesystem::rename(tmp, path);
    }
  } catch (const app::AppError& e) {
    return fail(a, out, err, "export", e.what());
  }
  if (path == "-") return 0;
  if (a.has("--json")) {
    Poco::JSON::Object o;
    o.set("ok", true);
    o.set("items", n);
    o.set("out", path);
    Poco::JSON::Stringifier::stringify(o, out);
    out << "\n";
  } else {
    out << "已导出 " << n << " 条信息到 " << path << "\n";
  }
  return 0;
}

}  // namespace gongkai::cli
