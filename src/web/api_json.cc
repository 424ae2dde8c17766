#include "web/api_json.h"

#include <Poco/JSON/Stringifier.h>
#include <Poco/URI.h>

#include <set>
#include <sstream>

#include "app/errors.h"
#include "web/pages.h"
#include "web/portal_page.h"

namespace gongkai::web {

void cors(Context& c) { c.resp.set("Access-Control-Allow-Origin", "*"); }

void send_json(Context& c, int status, const Poco::JSON::Object& o) {
  std::ostringstream s;
  Poco::JSON::Stringifier::stringify(o, s);
  c.resp.set("Cache-Control", "public, max-age=60");
  c.json(status, s.str());
}

Paging read_paging(const Context& c, int max_per_page) {
  Paging p;
  if (!c.param("page").empty()) {
    auto v = c.int_param("page");
    if (!v || *v < 1 || *v > 1000000) throw app::AppError(app::ErrorKind::kInvalid, "bad_page", "page 应为正整数");
    p.page = static_cast<int>(*v);
  }
  if (!c.param("per_page").empty()) {
    auto v = c.int_param("per_page");
    if (!v || *v < 1 || *v > max_per_page) {
      throw app::AppError(app::ErrorKind::kInvalid, "bad_per_page",
                          "per_page 应在 1 到 " + std::to_string(max_per_page) + " 之间");
    }
    p.per_page = static_cast<int>(*v);
  }
  return p;
}

void check_page_in_range(const Paging& p, int64_t total) {
  int64_t last = total == 0 ? 1 : (total + p.per_page - 1) / p.per_page;
  if (p.page > last) {
    throw app::AppError(app::ErrorKind::kInvalid, "page_out_of_range",
                        "page 超出范围（共 " + std::to_string(last) + " 页）");
  }
}

Poco::JSON::Object paging_links(const Context& c, const std::string& path, const Paging& p, int64_t total) {
  int64_t last = total == 0 ? 1 : (total + p.per_page - 1) / p.per_page;
  Poco::URI uri(c.req.getURI());
  auto params = uri.getQueryParameters();
  auto url = [&](int64_t page) {
    std::string q;
    for (const auto& [k, v] : params) {
      if (k == "page") continue;
      q += (q.empty() ? "?" : "&") + url_encode(k) + "=" + url_encode(v);
    }
    q += (q.empty() ? "?" : "&") + std::string("page=") + std::to_string(page);
    return path + q;
  };
  Poco::JSON::Object links(Poco::JSON_PRESERVE_KEY_ORDER);
  links.set("self", url(p.page));
  links.set("first", url(1));
  links.set("last", url(last));
  if (p.page > 1) links.set("prev", url(p.page - 1));
  if (p.page < last) links.set("next", url(p.page + 1));
  return links;
}

std::optional<int64_t> optional_id(const Context& c, const char* name) {
  if (c.param(name).empty()) return std::nullopt;
  auto v = c.int_param(name);
  if (!v || *v <= 0) {
    throw app::AppError(app::ErrorKind::kInvalid, std::string("bad_") + name, std::string(name) + " 应为正整数");
  }
  return v;
}

void reject_unknown_params(const Context& c, std::initializer_list<const char*> known) {
  std::set<std::string> ok(known.begin(), known.end());
  for (const auto& [k, v] : Poco::URI(c.req.getURI()).getQueryParameters()) {
    if (!ok.count(k)) {
      throw app::AppError(app::ErrorKind::kInvalid, "unknown_parameter", "不支持的参数：" + k.substr(0, 40));
    }
  }
}

Poco::JSON::Object item_summary_json(const store::ItemRow& it, const store::AgencyRow& agency,
                                     const std::map<int64_t, store::CategoryRow>& cats,
                                     const std::map<int64_t, std::string>& departments) {
  auto name = [&](const std::optional<int64_t>& id) -> Poco::Dynamic::Var {
    if (!id || !cats.count(*id)) return Poco::Dynamic::Var();
    return cats.at(*id).name;
  };
  auto opt = [](const std::optional<std::string>& s) { return s ? Poco::Dynamic::Var(*s) : Poco::Dynamic::Var(); };
  Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
  o.set("index_no", it.index_no.value_or(""));
  o.set("title", it.title);
  o.set("url", item_url(it.index_no.value_or("")));
  o.set("agency", agency.slug);
  o.set("publisher", agency.name);
  o.set("department", it.department_id && departments.count(*it.department_id)
                          ? Poco::Dynamic::Var(departments.at(*it.department_id)) : Poco::Dynamic::Var());
  o.set("published", opt(it.publish_date));
  o.set("created", opt(it.creation_date));
  o.set("doc_no", it.doc_no);
  o.set("class", name(it.class_id));
  if (it.class_id && cats.count(*it.class_id) && cats.at(*it.class_id).parent_id) {
    o.set("class_parent", name(cats.at(*it.class_id).parent_id));
  }
  o.set("topic", name(it.topic_id));
  o.set("genre", name(it.genre_id));
  o.set("validity", it.validity);
  o.set("validity_changed_on", opt(it.validity_changed_on));
  return o;
}

}  // namespace gongkai::web
