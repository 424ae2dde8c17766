// The public search page: the form with its filters, highlighted results, paging, and the
// helpful empty result.
#include <Poco/URI.h>

#include <algorithm>

#include "app/errors.h"
#include "store/directory_store.h"
#include "web/pages.h"
#include "web/portal_page.h"
#include "web/search_handlers.h"
#include "web/server.h"

namespace gongkai::web {
namespace {

// Adds the segments as sections `name` of d: each TEXT with M (marked) or P (plain) shown.
void add_segments(render::Dict& d, const char* name, const app::Segments& segs) {
  for (const auto& s : segs) {
    auto* one = d.AddSectionDictionary(name);
    one->SetValue("TEXT", s.text);
    one->ShowSection(s.mark ? "M" : "P");
  }
}

std::string id_text(const std::optional<int64_t>& v) { return v ? std::to_string(*v) : ""; }
std::string year_text(const std::optional<int>& v) { return v ? std::to_string(*v) : ""; }

// The form's own fields, filled with what was asked (raw values when the request was bad).
void fill_form(render::Dict& d, store::Conn& conn, const app::SearchParams& raw) {
  auto get = [&](const char* k) {
    for (const auto& [name, value] : raw) {
      if (name == k) return value;
    }
    return std::string();
  };
  d.SetValue("Q", get("q"));
  d.SetValue("YEAR_FROM", get("year_from"));
  d.SetValue("YEAR_TO", get("year_to"));
  std::string agency_slug = get("agency");
  std::optional<store::AgencyRow> agency;
  for (const auto& a : store::list_agencies(conn)) {
    add_option(d, "AGENCY_OPT", a.slug, a.name, a.slug == agency_slug);
    if (a.slug == agency_slug) agency = a;
  }
  if (agency) {
    auto* f = d.AddSectionDictionary("AGENCY_FILTERS");
    auto tree = [&](const char* scheme, const char* section, const std::string& selected) {
      auto list = store::list_categories(conn, agency->id, scheme);
      for (const auto& top : list) {
        if (top.parent_id || !top.active) continue;
        add_option(*f, section, std::to_string(top.id), top.name, std::to_string(top.id) == selected);
        for (const auto& sub : list) {
          if (sub.parent_id != top.id || !sub.active) continue;
          add_option(*f, section, std::to_string(sub.id), "— " + sub.name, std::to_string(sub.id) == selected);
        }
      }
    };
    tree("class", "CLASS_OPT", get("class"));
    tree("topic", "TOPIC_OPT", get("topic"));
    for (const auto& dep : store::list_departments(conn, agency->id)) {
      if (dep.active) add_option(*f, "DEPT_OPT", std::to_string(dep.id), dep.name, std::to_string(dep.id) == get("dept"));
    }
  }
  for (const char* v : {"有效", "失效", "废止"}) add_option(d, "VALIDITY_OPT", v, v, get("validity") == v);
  std::string sort = get("sort").empty() ? "relevance" : get("sort");
  for (auto [v, label] : {std::pair{"relevance", "按相关度"}, {"newest", "最新发布在前"}, {"oldest", "最早发布在前"}}) {
    add_option(d, "SORT_OPT", v, label, sort == v);
  }
}

}  // namespace

app::SearchParams search_params_of(const Context& c) {
  Poco::URI uri(c.req.getURI());
  app::SearchParams out;
  for (const auto& [k, v] : uri.getQueryParameters()) out.push_back({k, v});
  return out;
}

std::string search_url(const app::SearchRequest& r, const std::vector<std::string>& drop, int page) {
  std::vector<std::pair<std::string, std::string>> kv = {
      {"q", r.q},
      {"agency", r.agency},
      {"class", id_text(r.class_id)},
      {"topic", id_text(r.topic_id)},
      {"dept", id_text(r.department_id)},
      {"year_from", year_text(r.year_from)},
      {"year_to", year_text(r.year_to)},
      {"validity", r.validity},
      {"sort", r.sort == store::SearchSort::kRelevance ? "" : app::sort_name(r.sort)},
      {"page", page > 1 ? std::to_string(page) : ""},
  };
  std::string url = "/search";
  for (const auto& [k, v] : kv) {
    if (v.empty() || std::find(drop.begin(), drop.end(), k) != drop.end()) continue;
    url += (url.size() == 7 ? "?" : "&") + k + "=" + url_encode(v);
  }
  return url;
}

void get_search(Context& c) {
  app::SearchParams raw = search_params_of(c);
  std::optional<app::SearchResult> res;
  std::optional<app::AppError> error;
  if (!raw.empty()) {
    try {
      res = app::run_search(*c.app.db, app::parse_search_params(raw));
    } catch (const app::AppError& e) {
      error = e;
    }
  }
  std::optional<store::AgencyRow> agency = res ? res->agency : std::nullopt;
  std::string title = res ? "搜索：" + res->request.q : "搜索";
  PortalPage p(c, title, "portal/search.tpl", agency);
  if (agency) p.crumbs({{"政府信息公开", "/" + agency->slug + "/"}, {"搜索", ""}});
  else p.crumbs({{"政府信息公开平台", "/"}, {"搜索", ""}});
  auto& d = p.content();
  d.SetValue("HEADING", agency ? "在" + agency->name + "政府信息公开中搜索" : "搜索政府信息");
  auto conn = c.app.db->acquire();
  fill_form(d, *conn, raw);
  if (error) {
    d.AddSectionDictionary("ERROR")->SetValue("MESSAGE", error->what());
    p.send(error->kind() == app::ErrorKind::kNotFound ? 404 : 400);
    return;
  }
  if (!res) {
    p.send();
    return;
  }
  const auto& r = res->request;
  auto* out = d.AddSectionDictionary("RESULTS");
  out->SetValue("TOTAL", std::to_string(res->total));
  if (res->pages > 1) {
    auto* paged = out->AddSectionDictionary("PAGED");
    paged->SetIntValue("PAGE", r.page);
    paged->SetIntValue("PAGES", res->pages);
  }
  if (!res->filters.empty()) {
    auto* fs = out->AddSectionDictionary("FILTERS");
    for (const auto& f : res->filters) {
      auto* one = fs->AddSectionDictionary("FILTER");
      one->SetValue("LABEL", f.label);
      one->SetValue("URL", search_url(r, f.params));
    }
  }
  for (const auto& h : res->hits) {
    auto* row = out->AddSectionDictionary("HIT");
    row->SetValue("URL", item_url(h.row.index_no));
    add_segments(*row, "T", h.title);
    if (!h.snippet.empty()) add_segments(*row->AddSectionDictionary("HAS_SNIPPET"), "S", h.snippet);
    row->SetValue("INDEX_NO", h.row.index_no);
    row->SetValue("AGENCY", h.row.agency_name);
    row->SetValue("DATE", h.row.publish_date);
    if (h.row.validity != "有效") row->AddSectionDictionary("REPEALED")->SetValue("VALIDITY", h.row.validity);
  }
  if (res->hits.empty()) {
    auto* e = out->AddSectionDictionary("EMPTY");
    e->SetValue("Q", r.q);
    if (!res->relaxations.empty()) {
      auto* rl = e->AddSectionDictionary("RELAX");
      for (const auto& x : res->relaxations) {
        std::vector<std::string> drop;
        for (const auto& f : x.drop) drop.insert(drop.end(), f.params.begin(), f.params.end());
        auto* one = rl->AddSectionDictionary("R");
        one->SetValue("TEXT", x.text());
        one->SetValue("URL", search_url(r, drop));
      }
    }
  }
  if (res->pages > 1) {
    std::string base = search_url(r);
    add_pager(*out, base, r.page, r.per_page, res->total);
  }
  p.send();
}

}  // namespace gongkai::web
