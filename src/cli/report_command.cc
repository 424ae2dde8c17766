// gongkai report: the annual report of one agency for one year, as JSON, HTML or PDF (and DOCX
// or XLSX where the writers exist), from the live data or the published version.
#include <filesystem>
#include <fstream>

#include "app/annual_report.h"
#include "app/city_report.h"
#include "app/errors.h"
#include "app/report_document.h"
#include "app/report_publish.h"
#include "cli/args.h"
#include "cli/commands.h"
#include "core/date.h"
#include "render/document.h"
#include "store/directory_store.h"
#include "store/migrations.h"

namespace gongkai::cli {
namespace {

const char* kHelp =
    "usage: gongkai report --agency SLUG --year YYYY --layout 2008|2021 --out FILE [--published] [--db TARGET]\n"
    "       gongkai report --city --year YYYY --out FILE [--db TARGET]\n\n"
    "Writes the annual report (年度报告) of one agency for one calendar year, every number counted\n"
    "from the catalog, the requests, their fees and the appeals (rules: docs/annual-report.md).\n"
    "The narrative parts come from the office's draft for that year and layout when there is one,\n"
    "else from the computed starting text.\n\n"
    "  --agency SLUG     the agency (required)\n"
    "  --year YYYY       the report year (required)\n"
    "  --layout L        2008 (the seed's layout) or 2021 (国办公开办函〔2021〕30号); default 2021\n"
    "  --out FILE        where to write; the format follows the extension:\n"
    "                    .json (the figures, for machines), .html (standalone page, prints on A4),\n"
    "                    .pdf, .docx, .xlsx\n"
    "  --published       write the published version (frozen snapshot) instead of live counts\n"
    "  --city            the 信息中心's summary: tables 二/三/四 summed over every agency, and the\n"
    "                    agencies without a report published by 31 March of the next year\n"
    "  --signed-on DATE  date printed under the agency's name (default: today; published: its date)\n"
    "  --db TARGET       SQLite file or postgresql:// URL (default $DATA_DIR/gongkai.db)\n"
    "  --data-dir DIR    data directory (default $DATA_DIR or ./data)\n\n"
    "Exits 0 when written, 1 on failure (message on standard error), 2 on bad usage.\n"
    "Example: gongkai report --agency cxswj --year 2013 --layout 2008 --out report-2013.json\n";

std::string extension(const std::string& path) {
  auto ext = std::filesystem::path(path).extension().string();
  for (auto& ch : ext) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return ext;
}

}  // namespace

int cmd_report(const Argv& argv, std::ostream& out, std::ostream& err) {
  Args a(argv, {"--db", "--data-dir", "--agency", "--year", "--layout", "--out", "--signed-on"},
         {"--help", "--published", "--city"});
  if (a.has("--help")) {
    out << kHelp;
    return 0;
  }
  if (!a.ok()) {
    err << "gongkai report: " << a.error() << "\n" << kHelp;
    return 2;
  }
  std::string slug = a.get("--agency"), year_text = a.get("--year"), path = a.get("--out");
  auto layout = app::parse_report_layout(a.get("--layout", "2021"));
  int year = 0;
  try {
    size_t used = 0;
    year = std::stoi(year_text, &used);
    if (used != year_text.size()) year = 0;
  } catch (const std::exception&) {
    year = 0;
  }
  std::string ext = extension(path);
  std::string problem;
  bool city = a.has("--city");
  if (slug.empty() && !city) problem = "--agency is required (or --city)";
  else if (year == 0) problem = "--year must be a year such as 2013";
  else if (!layout) problem = "--layout must be 2008 or 2021";
  else if (path.empty()) problem = "--out is required";
  else if (ext != ".json" && ext != ".html" && ext != ".pdf" && ext != ".docx" && ext != ".xlsx")
    problem = "--out must end in .json, .html, .pdf, .docx or .xlsx";
  if (!problem.empty()) {
    err << "gongkai report: " << problem << "\n" << kHelp;
    return 2;
  }
  auto db = store::Database::open(database_target(a), 2);
  store::migrate(*db);
  if (city) {
    auto sys = app::Principal::system();
    auto sum = app::compute_city_report(*db, sys, year);
    auto late = app::agencies_without_report(*db, sys, year);
    std::string bytes;
    if (ext == ".json") {
      bytes = app::report_json(sum, app::ReportLayout::k2021);
    } else {
      auto doc = app::city_document(sum, late);
      if (ext == ".html") bytes = app::report_html_file(doc);
      else bytes = app::document_bytes(doc, ext.substr(1)).value_or("");
    }
    if (bytes.empty()) {
      err << "gongkai report: " << ext << " output is not available in this build\n";
      return 1;
    }
    std::ofstream f(path, std::ios::binary | std::ios::trunc);
    f << bytes;
    f.close();
    if (!f) {
      err << "gongkai report: cannot write " << path << "\n";
      return 1;
    }
    out << "wrote " << path << " (" << bytes.size() << " bytes): city summary " << year << "\n";
    out << late.size() << " agencies without a report published by " << year + 1 << "-03-31";
    for (const auto& l : late) out << (&l == &late.front() ? ": " : ", ") << l.slug;
    out << "\n";
    return 0;
  }
  int64_t agency = 0;
  {
    auto c = db->acquire();
    auto ag = store::find_agency_by_slug(*c, slug);
    if (!ag) {
      err << "gongkai report: no agency with slug " << slug << "\n";
      return 1;
    }
    agency = ag->id;
  }
  auto sys = app::Principal::system();
  app::ReportData data;
  app::ReportParts parts;
  std::string signed_on = a.get("--signed-on", core::Date::today_cst().iso());
  if (a.has("--published")) {
    auto pub = app::published_report(*db, agency, year);
    if (!pub) {
      err << "gongkai report: the " << year << " report of " << slug << " is not published\n";
      return 1;
    }
    data = pub->data;
    parts = pub->parts;
    layout = pub->layout;
    if (!a.has("--signed-on")) signed_on = pub->signed_on;
  } else {
    data = app::compute_report(*db, sys, agency, year);
    parts = app::draft_parts(*db, sys, data, *layout);
  }
  std::string bytes;
  if (ext == ".json") {
    bytes = app::report_json(data, *layout);
  } else {
    auto doc = app::report_document(data, *layout, parts, signed_on);
    if (ext == ".html") bytes = app::report_html_file(doc);
    else if (ext == ".pdf") bytes = render::to_pdf(doc);
    else if (ext == ".docx") bytes = render::to_docx(doc);
    else if (ext == ".xlsx") bytes = render::to_xlsx(doc);
    else {
      auto maybe = app::document_bytes(doc, ext.substr(1));
      if (!maybe) {
        err << "gongkai report: " << ext << " output is not available in this build\n";
        return 1;
      }
      bytes = *maybe;
    }
  }
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  f << bytes;
  f.close();
  if (!f) {
    err << "gongkai report: cannot write " << path << "\n";
    return 1;
  }
  out << "wrote " << path << " (" << bytes.size() << " bytes): " << data.agency_name << " " << year << " layout "
      << app::report_layout_id(*layout) << "\n";
  if (!data.problems.empty()) {
    err << "warning: table 三 does not add up (一 + 二 = 三（七） + 四) because of " << data.problems.size()
        << " request(s):\n";
    for (const auto& p : data.problems) err << "  " << p.tracking_code << ": " << p.reason << "\n";
  }
  return 0;
}

}  // namespace gongkai::cli
