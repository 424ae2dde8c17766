// Log-in and log-out of the back office.
#include <Poco/Net/HTTPCookie.h>

#include "app/auth.h"
#include "app/errors.h"
#include "app/passwords.h"
#include "web/admin_handlers.h"
#include "web/pages.h"
#include "web/server.h"

namespace gongkai::web {
namespace {

void set_cookie(Context& c, const std::string& name, const std::string& value, int max_age) {
  Poco::Net::HTTPCookie ck(name, value);
  ck.setPath("/");
  ck.setHttpOnly(true);
  ck.setSameSite(Poco::Net::HTTPCookie::SAME_SITE_STRICT);
  ck.setSecure(c.app.options.secure_cookies);
  ck.setMaxAge(max_age);
  c.resp.addCookie(ck);
}

// Only local paths: never redirect off-site after log-in.
std::string safe_next(const std::string& next) {
  if (next.empty() || next[0] != '/' || (next.size() > 1 && (next[1] == '/' || next[1] == '\\'))) return "/admin";
  return next;
}

void login_form(Context& c, int status, const std::string& error) {
  std::string pre = c.cookie(kPreCsrfCookie);
  if (pre.size() != 32) {
    pre = app::random_hex(16);
    set_cookie(c, kPreCsrfCookie, pre, 3600);
  }
  Page p(c, "登录", "admin/login.tpl");
  p.content().SetValue("PRE_CSRF", pre);
  p.content().SetValue("NEXT", safe_next(c.param("next")));
  p.content().SetValue("USERNAME", c.param("username"));
  if (!error.empty()) p.content().AddSectionDictionary("ERROR")->SetValue("MESSAGE", error);
  p.send(status);
}

}  // namespace

void get_login(Context& c) {
  if (c.session) return c.redirect(safe_next(c.param("next")));
  login_form(c, 200, "");
}

void post_login(Context& c) {
  try {
    auto s = app::login(*c.app.db, c.param("username"), c.param("password"), c.client_ip());
    set_cookie(c, kSessionCookie, s.token, app::kSessionHours * 3600);
    c.redirect(safe_next(c.param("next")));
  } catch (const app::AppError& e) {
    if (e.kind() != app::ErrorKind::kUnauthenticated && e.kind() != app::ErrorKind::kTooMany) throw;
    login_form(c, e.kind() == app::ErrorKind::kTooMany ? 429 : 401, e.what());
  }
}

void post_logout(Context& c) {
  app::logout(*c.app.db, c.cookie(kSessionCookie));
  set_cookie(c, kSessionCookie, "", 0);
  c.redirect("/admin/login");
}

}  // namespace gongkai::web
