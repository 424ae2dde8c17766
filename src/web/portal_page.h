#pragma once
// The public portal's page frame: masthead, the 政府信息公开 column of one agency, the search
// box, breadcrumbs, the 适老化 (care) mode kept in a cookie, and the footer.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "render/templates.h"
#include "store/directory_store.h"
#include "web/context.h"

namespace gongkai::web {

class PortalPage {
 public:
  PortalPage(Context& c, const std::string& title, const std::string& content_tpl,
             const std::optional<store::AgencyRow>& agency);
  render::Dict& content() { return *content_; }
  // Breadcrumbs: (text, url); the last one is the current page and gets no link.
  void crumbs(const std::vector<std::pair<std::string, std::string>>& trail);
  void feed(const std::string& title, const std::string& url);
  // For pages with personal data or secrets: sent with Cache-Control: no-store.
  void set_private() { private_ = true; }
  void send(int status = 200);

 private:
  Context& c_;
  render::Dict layout_;
  render::Dict* content_;
  bool private_ = false;
};

// The agency named by route parameter "slug", or 404.
store::AgencyRow agency_by_slug(Context& c);

// Public URL of an item: /items/<index number>.
std::string item_url(const std::string& index_no);

// The CSRF token for a public form: the session's when signed in, else the double-submit
// cookie server.cc checks (renewed with every form, so that a long form does not outlive
// it). Setting the cookie also keeps the page out of every cache.
std::string public_form_csrf(Context& c);

// The X-Accel-Expires value that lets the shipped nginx keep a public page until the end of
// the current second (deploy/nginx/gongkai.conf).
std::string accel_expires_now();

}  // namespace gongkai::web
