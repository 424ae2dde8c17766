// The public 政府信息公开 column: platform home, agency home, guide, rules, catalog browsing
// with counts, item pages, the care-mode switch.
#include <Poco/Net/HTTPCookie.h>

#include <map>

#include "app/errors.h"
#include "store/directory_store.h"
#include "store/item_store.h"
#include "store/portal_store.h"
#include "web/pages.h"
#include "web/portal_handlers.h"
#include "web/portal_page.h"
#include "web/server.h"

namespace gongkai::web {
namespace {

int page_param(const Context& c) {
  if (c.param("page").empty()) return 1;
  auto p = c.int_param("page");
  if (!p || *p < 1 || *p > 100000) throw app::AppError(app::ErrorKind::kInvalid, "bad_page", "页码超出范围");
  return static_cast<int>(*p);
}

std::optional<int64_t> id_param(const Context& c, const char* name) {
  if (c.param(name).empty()) return std::nullopt;
  auto v = c.int_param(name);
  if (!v || *v <= 0) throw app::AppError(app::ErrorKind::kInvalid, "bad_filter", "筛选条件无效");
  return v;
}

std::map<int64_t, store::CategoryRow> categories(store::Conn& conn, int64_t agency) {
  std::map<int64_t, store::CategoryRow> m;
  for (const char* s : {"class", "topic", "genre"}) {
    for (auto& cat : store::list_categories(conn, agency, s)) m[cat.id] = cat;
  }
  return m;
}

std::string cat_name(const std::map<int64_t, store::CategoryRow>& cats, const std::optional<int64_t>& id) {
  if (!id) return "";
  auto it = cats.find(*id);
  return it == cats.end() ? "" : it->second.name;
}

}  // namespace

void get_platform_home(Context& c) {
  PortalPage p(c, "首页", "portal/home.tpl", std::nullopt);
  auto conn = c.app.db->acquire();
  std::map<int64_t, store::AgencyCount> counts;
  for (const auto& a : c.app.facet_counts->per_agency(*conn)) counts[a.agency_id] = a;
  std::map<int64_t, std::string> names;
  for (const auto& a : store::list_agencies(*conn)) {
    names[a.id] = a.name;
    auto* row = p.content().AddSectionDictionary("AGENCY");
    row->SetValue("SLUG", a.slug);
    row->SetValue("NAME", a.name);
    row->SetValue("COUNT", std::to_string(counts[a.id].published));
    row->SetValue("LAST", counts[a.id].last_published.empty() ? "—" : counts[a.id].last_published);
  }
  for (const auto& it : store::latest_published(*conn, 0, 20)) {
    auto* row = p.content().AddSectionDictionary("ITEM");
    row->SetValue("URL", item_url(*it.index_no));
    row->SetValue("TITLE", it.title);
    row->SetValue("AGENCY", names[it.agency_id]);
    row->SetValue("DATE", it.publish_date.value_or(""));
  }
  p.send();
}

void get_agency_home(Context& c) {
  auto agency = agency_by_slug(c);
  PortalPage p(c, "政府信息公开", "portal/agency.tpl", agency);
  p.feed(agency.name + " 最新公开信息", "/" + agency.slug + "/feed.atom");
  p.crumbs({{"政府信息公开", ""}});
  auto& d = p.content();
  d.SetValue("NAME", agency.name);
  d.SetValue("SLUG", agency.slug);
  auto conn = c.app.db->acquire();
  auto counts = c.app.facet_counts->published_by(*conn, agency.id, "class_id");
  int64_t total = c.app.facet_counts->published_total(*conn, agency.id);
  d.SetValue("TOTAL", std::to_string(total));
  auto classes = store::list_categories(*conn, agency.id, "class");
  for (const auto& top : classes) {
    if (top.parent_id || !top.active) continue;
    auto* row = d.AddSectionDictionary("CLASS");
    row->SetValue("ID", std::to_string(top.id));
    row->SetValue("NAME", top.name);
    row->SetValue("SLUG", agency.slug);
    int64_t sum = counts[top.id];
    render::Dict* has_sub = nullptr;
    for (const auto& sub : classes) {
      if (sub.parent_id != top.id || !sub.active) continue;
      sum += counts[sub.id];
      if (!has_sub) has_sub = row->AddSectionDictionary("HAS_SUB");
      auto* s = has_sub->AddSectionDictionary("SUB");
      s->SetValue("ID", std::to_string(sub.id));
      s->SetValue("NAME", sub.name);
      s->SetValue("SLUG", agency.slug);
      s->SetValue("COUNT", std::to_string(counts[sub.id]));
    }
    row->SetValue("COUNT", std::to_string(sum));
  }
  for (const auto& it : store::latest_published(*conn, agency.id, 15)) {
    auto* row = d.AddSectionDictionary("ITEM");
    row->SetValue("URL", item_url(*it.index_no));
    row->SetValue("TITLE", it.title);
    row->SetValue("DATE", it.publish_date.value_or(""));
  }
  p.send();
}

void get_guide(Context& c) {
  auto agency = agency_by_slug(c);
  PortalPage p(c, "政府信息公开指南", "portal/text_page.tpl", agency);
  p.crumbs({{"政府信息公开", "/" + agency.slug + "/"}, {"政府信息公开指南", ""}});
  auto& d = p.content();
  d.SetValue("HEADING", agency.name + "政府信息公开指南");
  auto* contact = d.AddSectionDictionary("CONTACT");
  for (auto [label, value] : {std::pair{"受理机构", agency.name}, {"地址", agency.address}, {"办公时间", agency.office_hours},
                              {"电话", agency.phone}, {"传真", agency.fax}, {"电子邮箱", agency.email}}) {
    if (value.empty()) continue;
    auto* row = contact->AddSectionDictionary("ROW");
    row->SetValue("LABEL", label);
    row->SetValue("VALUE", value);
  }
  // The guide was sanitised when the office saved it.
  d.SetValue("BODY", agency.guide_html);
  if (agency.guide_html.empty()) {
    d.ShowSection("EMPTY");
    d.SetValue("EMPTY_TEXT", "本机关尚未发布公开指南全文，请按上述方式联系办公室。");
  }
  p.send();
}

void get_rules(Context& c) {
  auto agency = agency_by_slug(c);
  PortalPage p(c, "政府信息公开制度", "portal/text_page.tpl", agency);
  p.crumbs({{"政府信息公开", "/" + agency.slug + "/"}, {"政府信息公开制度", ""}});
  p.content().SetValue("HEADING", "政府信息公开制度");
  p.content().SetValue("BODY", agency.rules_html);  // sanitised when saved
  if (agency.rules_html.empty()) {
    p.content().ShowSection("EMPTY");
    p.content().SetValue("EMPTY_TEXT", "本机关尚未发布政府信息公开制度。");
  }
  p.send();
}

// get_reports (政府信息公开年报) lives in portal_reports.cc.

void get_apply(Context& c) {
  auto agency = agency_by_slug(c);
  PortalPage p(c, "依申请公开", "portal/text_page.tpl", agency);
  p.crumbs({{"政府信息公开", "/" + agency.slug + "/"}, {"依申请公开", ""}});
  auto& d = p.content();
  d.SetValue("HEADING", "依申请公开");
  auto* contact = d.AddSectionDictionary("CONTACT");
  for (auto [label, value] : {std::pair{"受理机构", agency.name + "办公室"}, {"地址", agency.address},
                              {"办公时间", agency.office_hours}, {"电话", agency.phone}, {"传真", agency.fax},
                              {"电子邮箱", agency.email}}) {
    if (value.empty()) continue;
    auto* row = contact->AddSectionDictionary("ROW");
    row->SetValue("LABEL", label);
    row->SetValue("VALUE", value);
  }
  d.SetValue("BODY",
             "<p>公民、法人或者其他组织可以向本机关申请获取政府信息。申请可以通过网上提交，也可以通过信函、传真、电子邮件或当面提交。</p>"
             "<p><a href=\"/requests/" + agency.slug + "/new\">在线提交申请</a> · <a href=\"/requests/status\">查询办理进度</a></p>"
             "<p>本机关收到申请后，能够当场答复的当场答复；不能当场答复的，自收到申请之日起20个工作日内答复（收到申请当日不计入，"
             "次一工作日为第1个工作日；法定节假日不计入，调休上班日计入）；需要延长答复期限的，经政府信息公开工作机构负责人同意并告知申请人，"
             "延长的期限最长不超过20个工作日。</p>");
  p.send();
}

void get_catalog(Context& c) {
  auto agency = agency_by_slug(c);
  store::ItemFilter f;
  f.agency_id = agency.id;
  f.status = "published";
  f.class_id = id_param(c, "class");
  f.topic_id = id_param(c, "topic");
  f.genre_id = id_param(c, "genre");
  f.department_id = id_param(c, "dept");
  if (auto y = id_param(c, "year")) {
    if (*y < 1990 || *y > 2100) throw app::AppError(app::ErrorKind::kInvalid, "bad_filter", "年份无效");
    f.year = static_cast<int>(*y);
  }
  std::string sort = c.param("sort").empty() ? "newest" : c.param("sort");
  if (sort != "newest" && sort != "oldest" && sort != "title") {
    throw app::AppError(app::ErrorKind::kInvalid, "bad_sort", "排序方式无效");
  }
  f.sort = sort;
  f.page = page_param(c);
  PortalPage p(c, "法定主动公开内容", "portal/catalog.tpl", agency);
  p.crumbs({{"政府信息公开", "/" + agency.slug + "/"}, {"法定主动公开内容", ""}});
  auto& d = p.content();
  d.SetValue("SLUG", agency.slug);
  auto conn = c.app.db->acquire();
  auto cats = categories(*conn, agency.id);
  store::ItemPage page = store::list_items(*conn, f);
  std::string heading = "法定主动公开内容";
  for (auto id : {f.class_id, f.topic_id, f.genre_id}) {
    if (id && cats.count(*id)) heading = cats[*id].name;
  }
  d.SetValue("HEADING", heading);
  d.SetValue("TOTAL", std::to_string(page.total));
  bool filtered = f.class_id || f.topic_id || f.genre_id || f.department_id || f.year;
  if (filtered) d.ShowSection("FILTERED");

  // The current query string without one parameter, for facet and sort links.
  auto link = [&](const std::string& key, const std::string& value) {
    std::string q;
    for (const char* k : {"class", "topic", "genre", "dept", "year", "sort"}) {
      std::string v = k == key ? value : c.param(k);
      if (!v.empty()) q += std::string(q.empty() ? "?" : "&") + k + "=" + url_encode(v);
    }
    return "/" + agency.slug + "/catalog" + q;
  };
  // One facet: options in display order with their counts; sub-classes are indented.
  struct Opt {
    int64_t id;
    std::string text;
    int64_t count;
    bool sub;
  };
  auto facet = [&](const char* label, const char* key, const std::vector<Opt>& opts, std::optional<int64_t> selected) {
    if (opts.empty()) return;
    auto* fd = d.AddSectionDictionary("FACET");
    fd->SetValue("LABEL", label);
    for (const auto& o : opts) {
      auto* row = fd->AddSectionDictionary("OPT");
      if (o.sub) row->ShowSection("SUB");
      auto* inner = row->AddSectionDictionary(selected == o.id ? "SEL" : "LINK");
      inner->SetValue("TEXT", o.text);
      inner->SetValue("COUNT", std::to_string(o.count));
      if (selected != o.id) inner->SetValue("URL", link(key, std::to_string(o.id)));
    }
  };
  // Categories in their tree order; a top class counts its sub-classes too.
  auto tree = [&](const char* scheme, const std::map<int64_t, int64_t>& counts) {
    std::vector<Opt> out;
    auto list = store::list_categories(*conn, agency.id, scheme);
    std::map<int64_t, int64_t> rolled;
    for (const auto& cat : list) {
      int64_t n = counts.count(cat.id) ? counts.at(cat.id) : 0;
      rolled[cat.id] += n;
      if (cat.parent_id) rolled[*cat.parent_id] += n;
    }
    for (const auto& cat : list) {
      if (rolled[cat.id] > 0) out.push_back({cat.id, cat.name, rolled[cat.id], cat.parent_id.has_value()});
    }
    return out;
  };
  facet("信息分类", "class", tree("class", c.app.facet_counts->published_by(*conn, agency.id, "class_id")), f.class_id);
  facet("主题分类", "topic", tree("topic", c.app.facet_counts->published_by(*conn, agency.id, "topic_id")), f.topic_id);
  facet("体裁分类", "genre", tree("genre", c.app.facet_counts->published_by(*conn, agency.id, "genre_id")), f.genre_id);
  {
    auto counts = c.app.facet_counts->published_by(*conn, agency.id, "department_id");
    std::vector<Opt> opts;
    for (const auto& dep : store::list_departments(*conn, agency.id)) {
      if (counts.count(dep.id)) opts.push_back({dep.id, dep.name, counts[dep.id], false});
    }
    facet("发布科室", "dept", opts, f.department_id);
  }
  {
    auto years = c.app.facet_counts->published_by(*conn, agency.id, "pub_year");
    std::vector<Opt> opts;
    for (auto it = years.rbegin(); it != years.rend(); ++it) opts.push_back({it->first, std::to_string(it->first) + "年", it->second, false});
    facet("发布年份", "year", opts, f.year ? std::optional<int64_t>(*f.year) : std::nullopt);
  }
  for (auto [key, text] : {std::pair{"newest", "最新"}, {"oldest", "最早"}, {"title", "标题"}}) {
    auto* s = d.AddSectionDictionary("SORT");
    if (sort == key) s->AddSectionDictionary("SEL")->SetValue("TEXT", text);
    else {
      auto* l = s->AddSectionDictionary("LINK");
      l->SetValue("TEXT", text);
      l->SetValue("URL", link("sort", key));
    }
  }
  for (const auto& it : page.rows) {
    auto* row = d.AddSectionDictionary("ROW");
    row->SetValue("INDEX_NO", it.index_no.value_or(""));
    row->SetValue("URL", item_url(it.index_no.value_or("")));
    row->SetValue("TITLE", it.title);
    row->SetValue("DATE", it.publish_date.value_or(""));
    if (it.validity != "有效") row->AddSectionDictionary("REPEALED")->SetValue("VALIDITY", it.validity);
  }
  if (page.rows.empty()) d.ShowSection("EMPTY");
  add_pager(d, link("page", ""), f.page, f.per_page, page.total);
  p.send();
}

void get_public_item(Context& c) {
  std::string index_no = c.route.at("index_no");
  if (index_no.empty() || index_no.size() > 100) throw app::not_found("信息");
  auto conn = c.app.db->acquire();
  auto item = store::find_item_by_index(*conn, index_no);
  if (!item || item->status != "published" || !item->published_rev_id) throw app::not_found("信息");
  auto agency = store::find_agency(*conn, item->agency_id);
  auto rev = store::find_revision(*conn, item->agency_id, *item->published_rev_id);
  auto cats = categories(*conn, item->agency_id);
  std::string dept;
  if (rev->data.department_id) {
    if (auto d = store::find_department(*conn, item->agency_id, *rev->data.department_id)) dept = d->name;
  }
  PortalPage p(c, rev->data.title, "portal/item.tpl", agency);
  p.crumbs({{"政府信息公开", "/" + agency->slug + "/"}, {"法定主动公开内容", "/" + agency->slug + "/catalog"},
            {"正文", ""}});
  auto& d = p.content();
  auto dash = [](const std::string& s) { return s.empty() ? std::string("—") : s; };
  d.SetValue("INDEX_NO", index_no);
  d.SetValue("TOPIC", dash(cat_name(cats, rev->data.topic_id)));
  std::string cls = cat_name(cats, rev->data.class_id);
  if (rev->data.class_id && cats[*rev->data.class_id].parent_id) cls = cat_name(cats, cats[*rev->data.class_id].parent_id) + " / " + cls;
  d.SetValue("CLASS", dash(cls));
  d.SetValue("GENRE", dash(cat_name(cats, rev->data.genre_id)));
  d.SetValue("PUBLISHER", agency->name + (dept.empty() ? "" : " " + dept));
  d.SetValue("CREATED", dash(rev->data.creation_date.value_or("")));
  d.SetValue("PUBLISHED", dash(item->publish_date.value_or("")));
  d.SetValue("DOC_NO", dash(rev->data.doc_no));
  d.SetValue("KEYWORDS", dash(rev->data.keywords));
  d.SetValue("VALIDITY", item->validity);
  d.SetValue("TITLE", rev->data.title);
  d.SetValue("BODY", rev->data.body_html);  // sanitised on the way in
  if (item->validity != "有效" && item->validity_changed_on) {
    auto* r = d.AddSectionDictionary("REPEALED");
    r->SetValue("DATE", *item->validity_changed_on);
    r->SetValue("VALIDITY", item->validity);
  }
  auto atts = store::list_attachments(*conn, rev->id);
  if (!atts.empty()) d.ShowSection("HAS_ATTACHMENTS");
  for (const auto& a : atts) {
    auto* row = d.AddSectionDictionary("ATTACHMENT");
    row->SetValue("ID", std::to_string(a.id));
    row->SetValue("NAME", a.filename);
    std::string ext = a.filename.substr(a.filename.rfind('.') == std::string::npos ? a.filename.size() : a.filename.rfind('.') + 1);
    for (auto& ch : ext) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    row->SetValue("TYPE", ext.empty() ? a.mime : ext);
    char size[32];
    if (a.size < 1024 * 1024) std::snprintf(size, sizeof size, "%lld KB", static_cast<long long>((a.size + 1023) / 1024));
    else std::snprintf(size, sizeof size, "%.1f MB", static_cast<double>(a.size) / (1024 * 1024));
    row->SetValue("SIZE", size);
  }
  p.send();
}

void get_care(Context& c) {
  Poco::Net::HTTPCookie ck("gk_care", c.param("on") == "1" ? "1" : "0");
  ck.setPath("/");
  ck.setMaxAge(365 * 24 * 3600);
  ck.setSameSite(Poco::Net::HTTPCookie::SAME_SITE_LAX);
  c.resp.addCookie(ck);
  std::string back = c.param("back");
  if (back.empty() || back[0] != '/' || (back.size() > 1 && (back[1] == '/' || back[1] == '\\'))) back = "/";
  c.redirect(back);
}

}  // namespace gongkai::web
