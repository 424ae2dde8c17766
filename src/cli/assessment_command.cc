// gongkai assessment: an agency's assessment (考核) for a period, printed as text or written as
// PDF, DOCX or XLSX — the same sheet the back office exports.
#include <fstream>

#include "app/assessment.h"
#include "app/directory.h"
#include "app/errors.h"
#include "cli/args.h"
#include "cli/commands.h"
#include "core/assessment.h"
#include "render/document.h"
#include "store/directory_store.h"
#include "store/migrations.h"

namespace gongkai::cli {

int cmd_assessment(const Argv& argv, std::ostream& out, std::ostream& err) {
  Args a(argv, {"--db", "--data-dir", "--agency", "--period", "--format", "--out", "--as-of"}, {"--help"});
  const char* help =
      "usage: gongkai assessment --agency SLUG --period PERIOD [--format text|pdf|docx|xlsx] [--out FILE]\n\n"
      "Scores each department's disclosure work for a month (2026-11), quarter (2026-Q4) or year\n"
      "(2026) with the agency's current weights (docs/assessment.md), as the back office does.\n\n"
      "  --agency SLUG     the agency (e.g. cxswj)\n"
      "  --period PERIOD   2026-11, 2026-Q4 or 2026\n"
      "  --format F        text (default, on standard output), pdf, docx or xlsx\n"
      "  --out FILE        where to write pdf/docx/xlsx (required for them)\n"
      "  --as-of DATE      measure as on this day (YYYY-MM-DD; default today, China Standard Time)\n"
      "  --db TARGET       SQLite file or postgresql:// URL (default $DATA_DIR/gongkai.db)\n";
  if (a.has("--help")) {
    out << help;
    return 0;
  }
  std::string format = a.get("--format", "text");
  if (!a.ok() || !a.positional().empty() || !a.has("--agency") || !a.has("--period") ||
      (format != "text" && format != "pdf" && format != "docx" && format != "xlsx") ||
      (format != "text" && !a.has("--out"))) {
    err << (a.ok() ? "" : "gongkai assessment: " + a.error() + "\n") << help;
    return 2;
  }
  core::Date today = core::Date::today_cst();
  if (a.has("--as-of")) {
    auto d = core::Date::parse(a.get("--as-of"));
    if (!d) {
      err << "gongkai assessment: --as-of 应为 年-月-日\n";
      return 2;
    }
    today = *d;
  }
  auto db = store::Database::open(database_target(a), 2);
  store::migrate(*db);
  std::optional<store::AgencyRow> agency;
  {
    auto c = db->acquire();
    agency = store::find_agency_by_slug(*c, a.get("--agency"));
  }
  if (!agency) {
    err << "gongkai assessment: 没有代码为 " << a.get("--agency") << " 的机关\n";
    return 1;
  }
  app::Assessment result;
  try {
    result = app::assess(*db, app::Principal::system("cli"), agency->id, a.get("--period"), today);
  } catch (const app::ValidationError& e) {
    for (const auto& [field, message] : e.fields()) err << "gongkai assessment: " << message << "\n";
    return 1;
  }
  render::Document doc = app::assessment_document(agency->name, result);
  if (format == "text") {
    out << doc.title << "（统计截至 " << result.as_of.iso() << "，"
        << (result.scheme_version ? "权重第" + std::to_string(result.scheme_version) + "版" : std::string("默认权重"))
        << "）\n";
    int rank = 0;
    for (const auto& r : result.rows) {
      out << (r.score.scored ? std::to_string(++rank) : std::string("—")) << "\t" << r.department_name << "\t"
          << (r.score.scored ? core::format_points(r.score.total) : std::string("不计分")) << "\t" << r.score.formula
          << "\n";
    }
    return 0;
  }
  std::string bytes = render::render_document(doc, *render::parse_document_format(format));
  std::ofstream f(a.get("--out"), std::ios::binary);
  f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!f) {
    err << "gongkai assessment: 无法写入 " << a.get("--out") << "\n";
    return 1;
  }
  out << "已写入 " << a.get("--out") << "（" << bytes.size() << " 字节）\n";
  return 0;
}

}  // namespace gongkai::cli
