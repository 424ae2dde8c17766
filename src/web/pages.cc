#include "web/pages.h"

#include "web/server.h"

#include <Poco/URI.h>

#include "app/errors.h"
#include "core/roles.h"

namespace gongkai::web {

Page::Page(Context& c, const std::string& title, const std::string& content_tpl) : c_(c), layout_("layout") {
  layout_.SetValue("TITLE", title);
  layout_.SetValue("SITE_NAME", "政府信息公开管理平台");
  layout_.SetValue("HOME_URL", c.session ? "/admin" : "/");
  if (c.session) {
    auto* s = layout_.AddSectionDictionary("SIGNED_IN");
    const auto& who = c.session->who;
    s->SetValue("DISPLAY_NAME", who.display_name);
    std::string roles;
    for (auto r : who.roles) roles += (roles.empty() ? "" : "、") + std::string(core::role_label(r));
    s->SetValue("ROLE_LABELS", roles);
    s->SetValue("CSRF", c.session->csrf_token);
    layout_.ShowSection("NAV");
    if (who.has(core::Role::kAdmin)) layout_.ShowSection("ADMIN_NAV");
    // Only the links this user may follow, as the route table decides.
    if (may_get(who, "/admin/drafts")) layout_.ShowSection("DRAFTER_NAV");
    if (may_get(who, "/admin/reviews")) layout_.ShowSection("REVIEWER_NAV");
    if (may_get(who, "/admin/items")) layout_.ShowSection("STAFF_NAV");
    if (may_get(who, "/admin/requests")) layout_.ShowSection("REQUESTS_NAV");
    if (may_get(who, "/admin/appeals")) layout_.ShowSection("APPEALS_NAV");
    if (may_get(who, "/admin/letter-templates")) layout_.ShowSection("LETTERS_NAV");
    if (may_get(who, "/admin/reports")) layout_.ShowSection("REPORTS_NAV");
    if (may_get(who, "/admin/city-reports")) layout_.ShowSection("CITY_REPORTS_NAV");
    if (may_get(who, "/admin/quota")) layout_.ShowSection("QUOTA_NAV");
    if (who.department_id && (who.has(core::Role::kLiaison) || who.has(core::Role::kHead))) {
      layout_.AddSectionDictionary("MY_QUOTA_NAV")->SetValue("MY_DEPT", std::to_string(*who.department_id));
    }
    if (may_get(who, "/admin/assessment")) layout_.ShowSection("ASSESS_NAV");
    if (may_get(who, "/admin/registers/secrecy")) layout_.ShowSection("REGISTER_NAV");
    if (may_get(who, "/admin/complaints")) layout_.ShowSection("SUPERVISION_NAV");
    layout_.SetValue("CSRF", c.session->csrf_token);
  }
  content_ = layout_.AddIncludeDictionary("CONTENT");
  content_->SetFilename(content_tpl);
}

void Page::flash(const std::string& message) {
  layout_.AddSectionDictionary("FLASH")->SetValue("MESSAGE", message);
}

void Page::send(int status) {
  c_.resp.set("Cache-Control", "no-store");
  c_.html(status, render::expand("layout.tpl", layout_));
}

std::string error_page(Context& c, int status, const std::string& message) {
  const char* heading = status == 404 ? "找不到页面" : status == 403 ? "没有权限" : status == 401 ? "请先登录"
                        : status == 429 ? "请求过于频繁" : status >= 500 ? "系统错误" : "无法完成操作";
  bool back_office = c.path.rfind("/admin", 0) == 0;
  // Public pages keep the portal's frame; the back office its own.
  if (!back_office) {
    render::Dict d("portal");
    d.SetValue("TITLE", heading);
    d.SetValue("SITE", "政府信息公开平台");
    d.SetValue("SITE_URL", "/");
    d.SetValue("CARE_TOGGLE", "1");
    d.SetValue("CARE_LABEL", "长者模式（大字体、高对比度）");
    d.SetValue("BACK", "/");
    auto* inc = d.AddIncludeDictionary("CONTENT");
    inc->SetFilename("error.tpl");
    inc->SetValue("HEADING", heading);
    inc->SetValue("MESSAGE", message);
    inc->SetValue("BACK_URL", "/");
    return render::expand("portal/layout.tpl", d);
  }
  Page p(c, heading, "error.tpl");
  p.content().SetValue("HEADING", heading);
  p.content().SetValue("MESSAGE", message);
  p.content().SetValue("BACK_URL", c.session ? "/admin" : "/admin/login");
  return render::expand("layout.tpl", p.layout());
}

void add_pager(render::Dict& d, const std::string& base_url, int page, int per_page, int64_t total) {
  auto* pager = d.AddIncludeDictionary("PAGER");
  pager->SetFilename("admin/pager.tpl");
  int64_t pages = total == 0 ? 1 : (total + per_page - 1) / per_page;
  pager->SetIntValue("PAGE", page);
  pager->SetValue("PAGES", std::to_string(pages));
  std::string sep = base_url.find('?') == std::string::npos ? "?" : "&";
  if (page > 1) pager->AddSectionDictionary("PREV")->SetValue("URL", base_url + sep + "page=" + std::to_string(page - 1));
  if (page < pages) pager->AddSectionDictionary("NEXT")->SetValue("URL", base_url + sep + "page=" + std::to_string(page + 1));
}

void add_option(render::Dict& d, const char* section, const std::string& value, const std::string& label,
                bool selected) {
  auto* o = d.AddSectionDictionary(section);
  o->SetValue("VALUE", value);
  o->SetValue("LABEL", label);
  if (selected) o->ShowSection("SEL");
}

void add_errors(render::Dict& d, const std::map<std::string, std::string>& errors) {
  auto* inc = d.AddIncludeDictionary("ERRORS");
  inc->SetFilename("admin/errors.tpl");
  if (errors.empty()) return;
  auto* e = inc->AddSectionDictionary("ERRORS");
  for (const auto& [field, msg] : errors) {
    auto* row = e->AddSectionDictionary("ERR");
    row->SetValue("FIELD", field);
    row->SetValue("MESSAGE", msg);
  }
}

int64_t agency_of(const Context& c) {
  const auto& who = c.who();
  if (!who.agency_id) throw app::forbidden("平台级用户暂不能在此处理某个机关的信息");
  return *who.agency_id;
}

std::string url_encode(const std::string& s) {
  std::string out;
  Poco::URI::encode(s, "&=+?#/%", out);
  return out;
}

}  // namespace gongkai::web
