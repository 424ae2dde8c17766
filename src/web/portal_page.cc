#include "web/portal_page.h"

#include <Poco/Net/HTTPCookie.h>

#include <ctime>

#include "app/errors.h"
#include "app/passwords.h"
#include "web/pages.h"
#include "web/server.h"

namespace gongkai::web {

PortalPage::PortalPage(Context& c, const std::string& title, const std::string& content_tpl,
                       const std::optional<store::AgencyRow>& agency)
    : c_(c), layout_("portal") {
  layout_.SetValue("TITLE", title);
  layout_.SetValue("SITE", agency ? agency->name : "政府信息公开平台");
  layout_.SetValue("SITE_URL", agency ? "/" + agency->slug + "/" : "/");
  layout_.SetValue("Q", c.param("q"));
  bool care = c.cookie("gk_care") == "1";
  if (care) layout_.ShowSection("CARE");
  layout_.SetValue("CARE_TOGGLE", care ? "0" : "1");
  layout_.SetValue("CARE_LABEL", care ? "标准版" : "长者模式（大字体、高对比度）");
  layout_.SetValue("BACK", url_encode(c.req.getURI()));
  if (agency) {
    layout_.AddSectionDictionary("COLUMN")->SetValue("SLUG", agency->slug);
    layout_.SetValue("SLUG", agency->slug);
    auto* f = layout_.AddSectionDictionary("AGENCY_FOOTER");
    f->SetValue("NAME", agency->name);
    if (!agency->address.empty()) f->AddSectionDictionary("ADDRESS")->SetValue("ADDRESS", agency->address);
    if (!agency->phone.empty()) f->AddSectionDictionary("PHONE")->SetValue("PHONE", agency->phone);
  }
  content_ = layout_.AddIncludeDictionary("CONTENT");
  content_->SetFilename(content_tpl);
}

void PortalPage::crumbs(const std::vector<std::pair<std::string, std::string>>& trail) {
  auto* cr = layout_.AddSectionDictionary("CRUMBS");
  for (size_t i = 0; i < trail.size(); ++i) {
    auto* one = cr->AddSectionDictionary("CRUMB");
    if (i + 1 < trail.size()) {
      auto* l = one->AddSectionDictionary("LINK");
      l->SetValue("TEXT", trail[i].first);
      l->SetValue("URL", trail[i].second);
    } else {
      one->AddSectionDictionary("HERE")->SetValue("TEXT", trail[i].first);
    }
  }
}

void PortalPage::feed(const std::string& title, const std::string& url) {
  auto* f = layout_.AddSectionDictionary("FEED");
  f->SetValue("FEED_TITLE", title);
  f->SetValue("FEED_URL", url);
}

void PortalPage::send(int status) {
  if (private_) {
    c_.resp.set("Cache-Control", "no-store");
  } else {
    // Browsers ask again each time (a withdrawn item must not linger in them); the page
    // cache and the shipped nginx keep the page for less than a second (web/page_cache.h,
    // deploy/nginx).
    c_.resp.set("Cache-Control", "public, max-age=0, must-revalidate");
    c_.resp.set("X-Accel-Expires", accel_expires_now());
    // As long as the "hit" of a page from the page cache: nginx logs "cache file has too
    // long header" [crit] when a page's stored headers grow from one version to the next.
    c_.resp.set("X-Gongkai-Cache", "new");
  }
  c_.html(status, render::expand("portal/layout.tpl", layout_));
}

store::AgencyRow agency_by_slug(Context& c) {
  auto it = c.route.find("slug");
  if (it == c.route.end()) throw app::not_found("页面");
  auto conn = c.app.db->acquire();
  auto a = store::find_agency_by_slug(*conn, it->second);
  if (!a) throw app::not_found("机关");
  return *a;
}

std::string accel_expires_now() {
  // nginx keeps a response while its clock's second is at most this one: "@now" holds it for
  // the rest of the current second (a relative "1" could hold it for up to two).
  return "@" + std::to_string(static_cast<long long>(std::time(nullptr)));
}

std::string public_form_csrf(Context& c) {
  if (c.session) return c.session->csrf_token;
  std::string token = c.cookie(kPreCsrfCookie);
  if (token.size() != 32) token = app::random_hex(16);
  Poco::Net::HTTPCookie ck(kPreCsrfCookie, token);
  ck.setPath("/");
  ck.setHttpOnly(true);
  ck.setSameSite(Poco::Net::HTTPCookie::SAME_SITE_STRICT);
  ck.setSecure(c.app.options.secure_cookies);
  ck.setMaxAge(24 * 3600);
  c.resp.addCookie(ck);
  return token;
}

std::string item_url(const std::string& index_no) { return "/items/" + index_no; }

}  // namespace gongkai::web
