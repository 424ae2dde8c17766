// Every route of the application in one table.
#include "app/errors.h"
#include "render/templates.h"
#include "web/admin_handlers.h"
#include "web/api_handlers.h"
#include "web/calendar_handlers.h"
#include "web/letter_handlers.h"
#include "web/request_api_handlers.h"
#include "web/portal_handlers.h"
#include "web/search_handlers.h"
#include "web/request_handlers.h"
#include "web/server.h"

namespace gongkai::web {

void get_static(Context& c) {
  const std::string_view* f = render::static_file(c.route.at("file"));
  if (!f) throw app::not_found("文件");
  c.resp.set("Cache-Control", "public, max-age=3600");
  const std::string& name = c.route.at("file");
  std::string type = name.ends_with(".css") ? "text/css; charset=utf-8"
                     : name.ends_with(".js") ? "text/javascript; charset=utf-8"
                     : name.ends_with(".svg") ? "image/svg+xml"
                     : name.ends_with(".json") ? "application/json"
                                              : "application/octet-stream";
  c.send(200, type, std::string(*f));
}

std::vector<Route> all_routes() {
  using core::Role;
  const std::set<Role> drafters = {Role::kLiaison, Role::kOffice, Role::kHead, Role::kLeader, Role::kAdmin};
  const std::set<Role> reviewers = {Role::kHead, Role::kLeader, Role::kSecrecy};
  const std::set<Role> office = {Role::kOffice};
  const std::set<Role> admin = {Role::kAdmin};
  const std::set<Role> request_handlers = {Role::kRequestClerk, Role::kOffice};
  const std::set<Role> request_readers = {Role::kRequestClerk, Role::kOffice, Role::kLeader};
  const std::set<Role> staff = {Role::kLiaison, Role::kOffice, Role::kHead, Role::kLeader, Role::kSecrecy, Role::kAdmin};
  return {
      {"GET", "/static/{file}", get_static, Access::kPublic, {}},
      {"GET", "/admin/login", get_login, Access::kPublic, {}},
      {"POST", "/admin/login", post_login, Access::kPublic, {}},
      {"POST", "/admin/logout", post_logout, Access::kSignedIn, {}},
      {"GET", "/admin", get_admin_home, Access::kSignedIn, {}},
      {"GET", "/admin/drafts", get_drafts, Access::kRoles, drafters},
      {"GET", "/admin/reviews", get_reviews, Access::kRoles, reviewers},
      {"GET", "/admin/items", get_items, Access::kRoles, staff},
      {"GET", "/admin/items/new", get_new_item, Access::kRoles, drafters},
      {"POST", "/admin/items", post_new_item, Access::kRoles, drafters},
      {"GET", "/admin/items/{id}", get_item, Access::kRoles, staff},
      {"POST", "/admin/items/{id}/new-version", post_new_version, Access::kRoles, drafters},
      {"POST", "/admin/items/{id}/withdraw", post_withdraw, Access::kRoles, office},
      {"POST", "/admin/items/{id}/validity", post_validity, Access::kRoles, office},
      {"GET", "/admin/revisions/{id}/edit", get_edit_revision, Access::kRoles, drafters},
      {"POST", "/admin/revisions/{id}", post_edit_revision, Access::kRoles, drafters},
      {"POST", "/admin/revisions/{id}/submit", post_submit, Access::kRoles, drafters},
      {"POST", "/admin/revisions/{id}/approve", post_approve, Access::kRoles, reviewers},
      {"POST", "/admin/revisions/{id}/return", post_return, Access::kRoles, reviewers},
      {"POST", "/admin/revisions/{id}/attachments", post_attachment, Access::kRoles, drafters},
      {"POST", "/admin/revisions/{id}/attachments/{aid}/delete", post_delete_attachment, Access::kRoles, drafters},
      {"GET", "/admin/attachments/{id}", get_admin_attachment, Access::kRoles, staff},
      {"GET", "/attachments/{id}", get_public_attachment, Access::kPublic, {}},
      {"GET", "/admin/users", get_users, Access::kRoles, admin},
      {"GET", "/admin/users/new", get_new_user, Access::kRoles, admin},
      {"POST", "/admin/users", post_new_user, Access::kRoles, admin},
      {"GET", "/admin/users/{id}/edit", get_edit_user, Access::kRoles, admin},
      {"POST", "/admin/users/{id}", post_edit_user, Access::kRoles, admin},
      {"POST", "/admin/users/{id}/password", post_user_password, Access::kRoles, admin},
      {"GET", "/admin/departments", get_departments, Access::kRoles, admin},
      {"POST", "/admin/departments", post_new_department, Access::kRoles, admin},
      {"POST", "/admin/departments/{id}", post_edit_department, Access::kRoles, admin},
      {"GET", "/admin/taxonomy", get_taxonomy, Access::kRoles, admin},
      {"POST", "/admin/taxonomy", post_new_category, Access::kRoles, admin},
      {"POST", "/admin/taxonomy/{id}", post_edit_category, Access::kRoles, admin},
      {"GET", "/admin/settings", get_settings, Access::kRoles, admin},
      {"POST", "/admin/settings", post_settings, Access::kRoles, admin},
      {"GET", "/admin/account/password", get_password, Access::kSignedIn, {}},
      {"POST", "/admin/account/password", post_password, Access::kSignedIn, {}},
      {"GET", "/api/v1/openapi.json", api_openapi, Access::kPublic, {}},
      {"GET", "/api/v1/agencies", api_agencies, Access::kPublic, {}},
      {"GET", "/api/v1/agencies/{slug}/classes", api_classes, Access::kPublic, {}},
      {"GET", "/api/v1/items", api_items, Access::kPublic, {}},
      {"GET", "/api/v1/items/{*index_no}", api_item, Access::kPublic, {}},
      {"OPTIONS", "/api/v1/{*path}", api_preflight, Access::kPublic, {}},
      {"POST", "/api/v1/requests", api_submit_request, Access::kPublic, {}},
      {"GET", "/api/v1/requests/{code}", api_request_status, Access::kPublic, {}},
      {"GET", "/admin/requests", get_admin_requests, Access::kRoles, request_readers},
      {"GET", "/admin/requests/new", get_new_admin_request, Access::kRoles, request_handlers},
      {"POST", "/admin/requests", post_admin_request, Access::kRoles, request_handlers},
      {"GET", "/admin/requests/{id}", get_admin_request, Access::kRoles, request_readers},
      {"POST", "/admin/requests/{id}/events", post_request_event, Access::kRoles, request_handlers},
      {"GET", "/admin/calendar", get_admin_calendar, Access::kRoles, admin},
      {"POST", "/admin/calendar", post_admin_calendar, Access::kRoles, admin},
      {"GET", "/admin/requests/{id}/letters/{seq}", get_request_letter, Access::kRoles, request_handlers},
      {"POST", "/admin/requests/{id}/letters/{seq}/issue", post_issue_letter, Access::kRoles, request_handlers},
      {"GET", "/requests/status", get_request_status, Access::kPublic, {}},
      {"POST", "/requests/status", post_request_status, Access::kPublic, {}},
      {"GET", "/requests/{slug}/new", get_request_form, Access::kPublic, {}},
      {"POST", "/requests/{slug}/new", post_request_form, Access::kPublic, {}},
      // The public portal. Agency paths come last: fixed paths above win over {slug}.
      {"GET", "/", get_platform_home, Access::kPublic, {}},
      {"GET", "/care", get_care, Access::kPublic, {}},
      {"GET", "/robots.txt", get_robots, Access::kPublic, {}},
      {"GET", "/sitemap.xml", get_sitemap, Access::kPublic, {}},
      {"GET", "/items/{*index_no}", get_public_item, Access::kPublic, {}},
      {"GET", "/search", get_search, Access::kPublic, {}},
      {"GET", "/{slug}", get_agency_home, Access::kPublic, {}},
      {"GET", "/{slug}/guide", get_guide, Access::kPublic, {}},
      {"GET", "/{slug}/rules", get_rules, Access::kPublic, {}},
      {"GET", "/{slug}/reports", get_reports, Access::kPublic, {}},
      {"GET", "/{slug}/apply", get_apply, Access::kPublic, {}},
      {"GET", "/{slug}/catalog", get_catalog, Access::kPublic, {}},
      {"GET", "/{slug}/feed.atom", get_feed, Access::kPublic, {}},
  };
}

}  // namespace gongkai::web
