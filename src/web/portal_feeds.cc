// Machine-readable views of the catalog: Atom feeds, sitemap.xml, robots.txt.
#include <Poco/Net/HTTPServerRequest.h>

#include <sstream>

#include "app/errors.h"
#include "store/directory_store.h"
#include "store/item_store.h"
#include "store/portal_store.h"
#include "web/portal_handlers.h"
#include "web/portal_page.h"
#include "web/server.h"

namespace gongkai::web {
namespace {

std::string xml_escape(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (char ch : s) {
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default:
        // XML 1.0 forbids most control characters.
        if (static_cast<unsigned char>(ch) >= 0x20 || ch == '\n' || ch == '\t') out += ch;
    }
  }
  return out;
}

// The site's own origin as the client reached it (Host header), for absolute URLs.
std::string origin(const Context& c) {
  std::string host = c.req.getHost();
  for (char ch : host) {
    bool ok = std::isalnum(static_cast<unsigned char>(ch)) || ch == '.' || ch == '-' || ch == ':' || ch == '[' || ch == ']';
    if (!ok) return "http://localhost";
  }
  return (c.app.options.secure_cookies ? "https://" : "http://") + (host.empty() ? std::string("localhost") : host);
}

}  // namespace

void get_feed(Context& c) {
  auto agency = agency_by_slug(c);
  std::optional<int64_t> class_id;
  if (!c.param("class").empty()) {
    class_id = c.int_param("class");
    if (!class_id) throw app::AppError(app::ErrorKind::kInvalid, "bad_filter", "分类无效");
  }
  store::ItemFilter f;
  f.agency_id = agency.id;
  f.status = "published";
  f.class_id = class_id;
  f.per_page = 50;
  std::string title = agency.name + " 政府信息公开";
  store::ItemPage page;
  {
    auto conn = c.app.db->acquire();
    if (class_id) {
      auto cat = store::find_category(*conn, agency.id, *class_id);
      if (!cat || cat->scheme != "class") throw app::not_found("分类");
      title += " · " + cat->name;
    }
    page = store::list_items(*conn, f);
  }
  std::string base = origin(c);
  std::string self = base + "/" + agency.slug + "/feed.atom" + (class_id ? "?class=" + std::to_string(*class_id) : "");
  std::ostringstream x;
  x << "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"zh-CN\">\n"
    << "<title>" << xml_escape(title) << "</title>\n<id>" << xml_escape(self) << "</id>\n"
    << "<link rel=\"self\" href=\"" << xml_escape(self) << "\"/>\n<link href=\"" << xml_escape(base + "/" + agency.slug + "/")
    << "\"/>\n<updated>" << (page.rows.empty() ? "2008-05-01" : page.rows.front().publish_date.value_or("2008-05-01"))
    << "T00:00:00+08:00</updated>\n<author><name>" << xml_escape(agency.name) << "</name></author>\n";
  for (const auto& it : page.rows) {
    std::string url = base + item_url(it.index_no.value_or(""));
    x << "<entry><title>" << xml_escape(it.title) << "</title><id>" << xml_escape(url) << "</id><link href=\""
      << xml_escape(url) << "\"/><updated>" << it.publish_date.value_or("") << "T00:00:00+08:00</updated>"
      << "<summary>" << xml_escape("索引号：" + it.index_no.value_or("") + (it.doc_no.empty() ? "" : "；文号：" + it.doc_no))
      << "</summary></entry>\n";
  }
  x << "</feed>\n";
  c.resp.set("Cache-Control", "public, max-age=300");
  c.send(200, "application/atom+xml; charset=utf-8", x.str());
}

void get_sitemap(Context& c) {
  std::string base = origin(c);
  std::ostringstream x;
  x << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
    << "<url><loc>" << xml_escape(base + "/") << "</loc></url>\n";
  auto conn = c.app.db->acquire();
  size_t n = 0;
  for (const auto& a : store::list_agencies(*conn)) {
    for (const char* part : {"/", "/guide", "/rules", "/catalog", "/reports", "/apply"}) {
      x << "<url><loc>" << xml_escape(base + "/" + a.slug + part) << "</loc></url>\n";
    }
    // The sitemap protocol allows 50,000 URLs a file.
    store::for_each_published(*conn, a.id, [&](const store::ItemRow& it) {
      if (++n > 45000) return;
      x << "<url><loc>" << xml_escape(base + item_url(it.index_no.value_or(""))) << "</loc><lastmod>"
        << it.publish_date.value_or("") << "</lastmod></url>\n";
    });
  }
  x << "</urlset>\n";
  c.resp.set("Cache-Control", "public, max-age=3600");
  c.send(200, "application/xml; charset=utf-8", x.str());
}

void get_robots(Context& c) {
  c.resp.set("Cache-Control", "public, max-age=86400");
  c.send(200, "text/plain; charset=utf-8",
         "User-agent: *\nDisallow: /admin\nDisallow: /requests/status\nSitemap: " + origin(c) + "/sitemap.xml\n");
}

}  // namespace gongkai::web
