// `gongkai calendar import FILE`: a year's holiday notice into the database.
#include <Poco/JSON/Object.h>

#include <fstream>
#include <sstream>

#include "app/directory.h"
#include "app/errors.h"
#include "app/work_calendar.h"
#include "cli/args.h"
#include "cli/calendar_command.h"
#include "store/db.h"
#include "store/migrations.h"

namespace gongkai::cli {

namespace {

void print_import_help(std::ostream& out) {
  out << "用法：gongkai calendar import FILE [--year YYYY] [--db TARGET] [--json]\n\n"
         "导入一年的节假日安排（国务院办公厅通知），替换该年已有的数据，对所有机关生效；\n"
         "导入后重新计算所有在办申请的答复期限，并在期限变动的申请上留下记录。\n\n"
         "FILE 可以是：\n"
         "  npm 包 chinese-days 的 dist/years/YYYY.json（holidays / workdays）\n"
         "  npm 包 holiday-calendar 的 data/CN/YYYY.json（dates: public_holiday / transfer_workday）\n"
         "  表格：每行 YYYY-MM-DD<TAB>off|work<TAB>节日名称（off 放假，work 调休上班）\n\n"
         "选项：\n"
         "  --year YYYY       通知所属年份（默认取文件中多数日期所在年份）\n"
         "  --db TARGET       SQLite 文件或 postgresql:// URL（默认 $DATA_DIR/gongkai.db）\n"
         "  --data-dir DIR    数据目录\n"
         "  --json            输出 {\"year\":…, \"entries\":…, \"format\":…, \"requests_checked\":…, \"requests_moved\":…}\n";
}

}  // namespace

int calendar_import(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err) {
  Args a(argv, {"--db", "--data-dir", "--year"}, {"--help", "-h", "--json"});
  if (a.has("--help") || a.has("-h")) {
    print_import_help(out);
    return 0;
  }
  if (!a.ok()) {
    err << "gongkai calendar import：" << a.error() << "\n";
    return 2;
  }
  if (a.positional().size() != 1) {
    err << "gongkai calendar import：需要一个文件名\n用 gongkai calendar import --help 查看用法\n";
    return 2;
  }
  std::optional<int> year;
  if (a.has("--year")) {
    const std::string y = a.get("--year");
    if (y.size() != 4 || y.find_first_not_of("0123456789") != std::string::npos) {
      err << "gongkai calendar import：--year 应为四位年份\n";
      return 2;
    }
    year = std::stoi(y);
  }
  std::ifstream in(a.positional()[0], std::ios::binary);
  if (!in) {
    err << "gongkai calendar import：无法读取文件 " << a.positional()[0] << "\n";
    return 1;
  }
  std::ostringstream text;
  text << in.rdbuf();
  auto db = store::Database::open(database_target(a), 2);
  store::migrate(*db);
  try {
    auto r = app::import_calendar(*db, app::Principal::system("cli"), text.str(), year);
    if (a.has("--json")) {
      Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
      o.set("year", r.year);
      o.set("entries", r.entries);
      o.set("format", r.format);
      o.set("requests_checked", r.requests_checked);
      o.set("requests_moved", r.requests_moved);
      o.stringify(out);
      out << "\n";
    } else {
      out << "已导入 " << r.year << " 年节假日安排（" << r.format << "，" << r.entries << " 天）；"
          << "重新计算在办申请 " << r.requests_checked << " 件，期限变动 " << r.requests_moved << " 件\n";
    }
    return 0;
  } catch (const app::ValidationError& e) {
    for (const auto& [field, msg] : e.fields()) err << "gongkai calendar import：" << msg << "\n";
    return 1;
  }
}

}  // namespace gongkai::cli
