// The portal's 政府信息公开年报 column: the published annual reports (each year's page and its
// downloads), and catalog items of the class 年度报告 that agencies published before.
#include "app/attachments.h"
#include "app/errors.h"
#include "app/report_document.h"
#include "app/report_publish.h"
#include "render/document.h"
#include "store/item_store.h"
#include "web/portal_handlers.h"
#include "web/portal_page.h"
#include "web/report_handlers.h"
#include "web/server.h"

namespace gongkai::web {
namespace {

void add_downloads(render::Dict& d, const std::string& base) {
  for (const auto& f : app::download_formats()) {
    auto* dl = d.AddSectionDictionary("DL");
    dl->SetValue("URL", base + "/report." + f);
    std::string label = f;
    for (auto& ch : label) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    dl->SetValue("FORMAT", label);
  }
}

int year_of_route(const Context& c) {
  const std::string& y = c.route.at("year");
  if (y.size() != 4 || y.find_first_not_of("0123456789") != std::string::npos) throw app::not_found("年度报告");
  return std::stoi(y);
}

}  // namespace

void get_reports(Context& c) {
  auto agency = agency_by_slug(c);
  PortalPage p(c, "政府信息公开年报", "portal/reports.tpl", agency);
  p.crumbs({{"政府信息公开", "/" + agency.slug + "/"}, {"政府信息公开年报", ""}});
  auto& d = p.content();
  d.SetValue("HEADING", "政府信息公开年报");
  auto reports = app::list_published(*c.app.db, agency.id);
  for (const auto& r : reports) {
    auto* row = d.AddSectionDictionary("REPORT");
    std::string url = "/" + agency.slug + "/reports/" + std::to_string(r.year);
    row->SetIntValue("YEAR", r.year);
    row->SetValue("URL", url);
    row->SetValue("TITLE", r.title);
    row->SetValue("DATE", r.published_at.substr(0, 10));
    add_downloads(*row, url);
  }
  if (reports.empty()) d.ShowSection("NO_REPORTS");
  // Reports an agency published as catalog items of the class 年度报告 (as the seed was).
  auto conn = c.app.db->acquire();
  if (auto cls = store::find_category_by_name(*conn, agency.id, "class", "年度报告")) {
    store::ItemFilter f;
    f.agency_id = agency.id;
    f.status = "published";
    f.class_id = cls->id;
    f.per_page = 100;
    auto page = store::list_items(*conn, f);
    if (!page.rows.empty()) {
      auto* items = d.AddSectionDictionary("ITEMS");
      for (const auto& it : page.rows) {
        auto* row = items->AddSectionDictionary("ROW");
        row->SetValue("INDEX_NO", it.index_no.value_or(""));
        row->SetValue("URL", item_url(it.index_no.value_or("")));
        row->SetValue("TITLE", it.title);
        row->SetValue("DATE", it.publish_date.value_or(""));
      }
    }
  }
  p.send();
}

void get_public_report(Context& c) {
  auto agency = agency_by_slug(c);
  int year = year_of_route(c);
  std::optional<int> version;
  if (!c.param("version").empty()) {
    auto v = c.int_param("version");
    if (!v || *v < 1 || *v > 100000) throw app::not_found("年度报告");
    version = static_cast<int>(*v);
  }
  auto pub = app::published_report(*c.app.db, agency.id, year, version);
  if (!pub) throw app::not_found("年度报告");
  auto doc = app::report_document(pub->data, pub->layout, pub->parts, pub->signed_on);
  PortalPage p(c, doc.title, "portal/report.tpl", agency);
  p.crumbs({{"政府信息公开", "/" + agency.slug + "/"},
            {"政府信息公开年报", "/" + agency.slug + "/reports"},
            {std::to_string(year) + "年度", ""}});
  auto& d = p.content();
  d.SetValue("BODY", render::to_html(doc));
  d.SetIntValue("VERSION", pub->version);
  d.SetValue("DATE", pub->published_at.substr(0, 10));
  if (version) {
    // An earlier version: the downloads are of the current one, so none are offered here.
    d.AddSectionDictionary("OLD")->SetValue("CURRENT_URL", "/" + agency.slug + "/reports/" + std::to_string(year));
  } else {
    add_downloads(d, "/" + agency.slug + "/reports/" + std::to_string(year));
  }
  auto versions = app::published_versions(*c.app.db, agency.id, year);
  if (versions.size() > 1) {
    auto* list = d.AddSectionDictionary("VERSIONS");
    for (int v : versions) {
      auto* row = list->AddSectionDictionary("V");
      row->SetIntValue("N", v);
      if (v == pub->version) row->ShowSection("THIS");
      else row->AddSectionDictionary("LINK")->SetValue("URL", "/" + agency.slug + "/reports/" + std::to_string(year) +
                                                                   (v == versions.front() ? "" : "?version=" + std::to_string(v)));
    }
  }
  p.send();
}

void get_public_report_file(Context& c) {
  auto agency = agency_by_slug(c);
  int year = year_of_route(c);
  // report.pdf, report.docx, report.xlsx or report.json: the extension names the format, so
  // that browsers and crawlers see a file.
  const std::string& file = c.route.at("file");
  if (file.rfind("report.", 0) != 0) throw app::not_found("文件");
  std::string format = file.substr(7);
  auto pub = app::published_report(*c.app.db, agency.id, year);
  if (!pub) throw app::not_found("年度报告");
  std::optional<std::string> bytes;
  if (format == "json") {
    bytes = app::report_json(pub->data, pub->layout);
  } else if (format == "pdf" || format == "docx" || format == "xlsx") {
    bytes = app::document_bytes(app::report_document(pub->data, pub->layout, pub->parts, pub->signed_on), format);
  }
  if (!bytes) throw app::not_found("文件");
  std::string name = agency.slug + "-" + std::to_string(year) + "-annual-report-v" + std::to_string(pub->version) + "." +
                     format;
  c.resp.set("Content-Disposition", app::content_disposition(name, false));
  c.resp.set("Cache-Control", "public, max-age=300");
  c.send(200, app::document_mime(format), *bytes);
}

}  // namespace gongkai::web
