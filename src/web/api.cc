// The read-only open API under /api/v1: agencies, classes, items with filters and paging,
// one item by index number, search, and its OpenAPI description. Errors are JSON with a code
// (server.cc); every GET carries CORS headers so any site may read it.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Stringifier.h>

#include <sstream>

#include "app/errors.h"
#include "render/body_text.h"
#include "render/templates.h"
#include "store/directory_store.h"
#include "store/item_store.h"
#include "store/portal_store.h"
#include "web/api_handlers.h"
#include "web/api_json.h"
#include "web/pages.h"
#include "web/portal_page.h"
#include "web/search_handlers.h"
#include "web/server.h"

namespace gongkai::web {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

std::map<int64_t, store::CategoryRow> all_categories(store::Conn& conn, int64_t agency) {
  std::map<int64_t, store::CategoryRow> m;
  for (const char* s : {"class", "topic", "genre"}) {
    for (auto& cat : store::list_categories(conn, agency, s)) m[cat.id] = cat;
  }
  return m;
}

}  // namespace

void api_agencies(Context& c) {
  cors(c);
  auto conn = c.app.db->acquire();
  std::map<int64_t, store::AgencyCount> counts;
  for (const auto& a : c.app.facet_counts->per_agency(*conn)) counts[a.agency_id] = a;
  Array list;
  for (const auto& a : store::list_agencies(*conn)) {
    Object o(Poco::JSON_PRESERVE_KEY_ORDER);
    o.set("slug", a.slug);
    o.set("name", a.name);
    o.set("org_code", a.org_code);
    o.set("published", counts[a.id].published);
    o.set("last_published", counts[a.id].last_published.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(counts[a.id].last_published));
    o.set("url", "/" + a.slug + "/");
    list.add(o);
  }
  Object out(Poco::JSON_PRESERVE_KEY_ORDER);
  out.set("total", static_cast<int64_t>(list.size()));
  out.set("items", list);
  send_json(c, 200, out);
}

void api_classes(Context& c) {
  cors(c);
  auto agency = agency_by_slug(c);
  std::string scheme = c.param("scheme").empty() ? "class" : c.param("scheme");
  if (scheme != "class" && scheme != "topic" && scheme != "genre") {
    throw app::AppError(app::ErrorKind::kInvalid, "bad_scheme", "scheme 只能是 class、topic 或 genre");
  }
  auto conn = c.app.db->acquire();
  const char* column = scheme == "class" ? "class_id" : scheme == "topic" ? "topic_id" : "genre_id";
  auto counts = c.app.facet_counts->published_by(*conn, agency.id, column);
  auto list = store::list_categories(*conn, agency.id, scheme);
  std::map<int64_t, int64_t> rolled;
  for (const auto& cat : list) {
    rolled[cat.id] += counts[cat.id];
    if (cat.parent_id) rolled[*cat.parent_id] += counts[cat.id];
  }
  Array arr;
  for (const auto& cat : list) {
    if (!cat.active) continue;
    Object o(Poco::JSON_PRESERVE_KEY_ORDER);
    o.set("id", cat.id);
    o.set("name", cat.name);
    o.set("parent_id", cat.parent_id ? Poco::Dynamic::Var(*cat.parent_id) : Poco::Dynamic::Var());
    o.set("published", rolled[cat.id]);
    arr.add(o);
  }
  Object out(Poco::JSON_PRESERVE_KEY_ORDER);
  out.set("agency", agency.slug);
  out.set("scheme", scheme);
  out.set("classes", arr);
  send_json(c, 200, out);
}

void api_items(Context& c) {
  cors(c);
  if (c.param("agency").empty()) {
    throw app::AppError(app::ErrorKind::kInvalid, "agency_required", "请用 agency 参数指定机关简称");
  }
  reject_unknown_params(c, {"agency", "class", "topic", "genre", "dept", "year", "validity", "sort", "page", "per_page"});
  c.route["slug"] = c.param("agency");
  auto agency = agency_by_slug(c);
  Paging paging = read_paging(c, 100);
  store::ItemFilter f;
  f.agency_id = agency.id;
  f.status = "published";
  f.class_id = optional_id(c, "class");
  f.topic_id = optional_id(c, "topic");
  f.genre_id = optional_id(c, "genre");
  f.department_id = optional_id(c, "dept");
  if (auto y = optional_id(c, "year")) {
    if (*y < 1990 || *y > 2100) throw app::AppError(app::ErrorKind::kInvalid, "bad_year", "year 应为四位年份");
    f.year = static_cast<int>(*y);
  }
  if (!c.param("validity").empty()) {
    std::string v = c.param("validity");
    if (v != "有效" && v != "失效" && v != "废止") throw app::AppError(app::ErrorKind::kInvalid, "bad_validity", "validity 只能是 有效、失效 或 废止");
    f.validity = v;
  }
  std::string sort = c.param("sort").empty() ? "newest" : c.param("sort");
  if (sort != "newest" && sort != "oldest" && sort != "title") {
    throw app::AppError(app::ErrorKind::kInvalid, "bad_sort", "sort 只能是 newest、oldest 或 title");
  }
  f.sort = sort;
  f.page = paging.page;
  f.per_page = paging.per_page;
  auto conn = c.app.db->acquire();
  auto page = store::list_items(*conn, f);
  check_page_in_range(paging, page.total);
  auto cats = all_categories(*conn, agency.id);
  std::map<int64_t, std::string> depts;
  for (const auto& d : store::list_departments(*conn, agency.id)) depts[d.id] = d.name;
  Array arr;
  for (const auto& it : page.rows) arr.add(item_summary_json(it, agency, cats, depts));
  Object out(Poco::JSON_PRESERVE_KEY_ORDER);
  out.set("total", page.total);
  out.set("page", paging.page);
  out.set("per_page", paging.per_page);
  out.set("items", arr);
  out.set("links", paging_links(c, "/api/v1/items", paging, page.total));
  send_json(c, 200, out);
}

void api_item(Context& c) {
  cors(c);
  std::string index_no = c.route.at("index_no");
  auto conn = c.app.db->acquire();
  auto item = index_no.size() <= 100 ? store::find_item_by_index(*conn, index_no) : std::nullopt;
  if (!item || item->status != "published") {
    throw app::AppError(app::ErrorKind::kNotFound, "item_not_found", "没有索引号为 " + index_no.substr(0, 100) + " 的公开信息");
  }
  auto agency = store::find_agency(*conn, item->agency_id);
  auto rev = store::find_revision(*conn, item->agency_id, *item->published_rev_id);
  auto cats = all_categories(*conn, agency->id);
  std::map<int64_t, std::string> depts;
  for (const auto& d : store::list_departments(*conn, agency->id)) depts[d.id] = d.name;
  Object out = item_summary_json(*item, *agency, cats, depts);
  out.set("summary", rev->data.summary);
  out.set("keywords", rev->data.keywords);
  out.set("disclosure_mode", rev->data.disclosure_mode);
  out.set("carrier", rev->data.carrier);
  out.set("body_html", rev->data.body_html);
  out.set("body_text", render::sanitized_body_text(rev->data.body_html));
  Array atts;
  for (const auto& a : store::list_attachments(*conn, rev->id)) {
    Object o(Poco::JSON_PRESERVE_KEY_ORDER);
    o.set("name", a.filename);
    o.set("mime", a.mime);
    o.set("size", a.size);
    o.set("sha256", a.sha256);
    o.set("url", "/attachments/" + std::to_string(a.id));
    atts.add(o);
  }
  out.set("attachments", atts);
  send_json(c, 200, out);
}

void api_search(Context& c) {
  cors(c);
  app::SearchParseOptions opt;
  opt.allow_per_page = true;
  app::SearchRequest r = app::parse_search_params(search_params_of(c), opt);
  app::SearchResult res = app::run_search(*c.app.db, r);
  auto plain = [](const app::Segments& segs) {
    std::string s;
    for (const auto& seg : segs) s += seg.text;
    return s;
  };
  Array arr;
  for (const auto& h : res.hits) {
    Object o(Poco::JSON_PRESERVE_KEY_ORDER);
    o.set("index_no", h.row.index_no);
    o.set("title", h.row.title);
    o.set("url", item_url(h.row.index_no));
    o.set("published", h.row.publish_date);
    o.set("snippet", plain(h.snippet));
    o.set("agency", h.row.agency_slug);
    o.set("validity", h.row.validity);
    arr.add(o);
  }
  Object out(Poco::JSON_PRESERVE_KEY_ORDER);
  out.set("total", res.total);
  out.set("page", r.page);
  out.set("per_page", r.per_page);
  out.set("items", arr);
  out.set("links", paging_links(c, "/api/v1/search", {r.page, r.per_page}, res.total));
  send_json(c, 200, out);
}

void api_openapi(Context& c) {
  cors(c);
  const std::string_view* doc = render::static_file("openapi.json");
  if (!doc) throw app::not_found("接口说明");
  c.resp.set("Cache-Control", "public, max-age=3600");
  c.json(200, std::string(*doc));
}

void api_preflight(Context& c) {
  cors(c);
  c.resp.set("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS");
  c.resp.set("Access-Control-Allow-Headers", "Content-Type");
  c.resp.set("Access-Control-Max-Age", "86400");
  c.send(204, "text/plain", "");
}

}  // namespace gongkai::web
