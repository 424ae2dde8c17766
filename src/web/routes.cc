// Every route of the application in one table.
#include "app/errors.h"
#include "render/templates.h"
#include "web/admin_handlers.h"
#include "web/api_handlers.h"
#include "web/calendar_handlers.h"
#include "web/letter_handlers.h"
#include "web/letter_template_handlers.h"
#include "web/request_api_handlers.h"
#include "web/portal_handlers.h"
#include "web/search_handlers.h"
#include "web/request_handlers.h"
#include "web/report_handlers.h"
#include "web/quota_handlers.h"
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
      {"GET", "/api/v1/search", api_search, Access::kPublic, {}},
      {"OPTIONS", "/api/v1/{*path}", api_preflight, Access::kPublic, {}},
      {"POST", "/api/v1/requests", api_submit_request, Access::kPublic, {}},
      {"GET", "/api/v1/requests/{code}", api_request_status, Access::kPublic, {}},
      {"GET", "/admin/requests", get_admin_requests, Access::kRoles, request_readers},
      {"GET", "/admin/requests/new", get_new_admin_request, Access::kRoles, request_handlers},
      {"POST", "/admin/requests", post_admin_request, Access::kRoles, request_handlers},
      {"GET", "/admin/requests/{id}", get_admin_request, Access::kRoles, request_readers},
      {"POST", "/admin/requests/{id}/events", post_request_event, Access::kRoles, request_handlers},
      {"GET", "/admin/reports", get_admin_reports, Access::kRoles, {Role::kOffice, Role::kLeader, Role::kAdmin}},
      {"POST", "/admin/reports/draft", post_report_draft, Access::kRoles, office},
      {"POST", "/admin/reports/publish", post_report_publish, Access::kRoles, office},
      {"GET", "/admin/reports/preview", get_report_preview, Access::kRoles, {Role::kOffice, Role::kLeader, Role::kAdmin}},
      {"GET", "/admin/statistics", get_statistics, Access::kRoles, {Role::kOffice, Role::kLeader, Role::kAdmin}},
      {"GET", "/admin/city-reports", get_city_reports, Access::kRoles, {Role::kInfoCenter}},
      {"GET", "/admin/appeals", get_admin_appeals, Access::kRoles, {Role::kOffice, Role::kRequestClerk, Role::kLeader, Role::kAdmin}},
      {"GET", "/admin/appeals/new", get_new_appeal, Access::kRoles, request_handlers},
      {"POST", "/admin/appeals", post_new_appeal, Access::kRoles, request_handlers},
      {"GET", "/admin/appeals/{id}", get_appeal, Access::kRoles, {Role::kOffice, Role::kRequestClerk, Role::kLeader, Role::kAdmin}},
      {"POST", "/admin/appeals/{id}", post_appeal, Access::kRoles, request_handlers},
      {"GET", "/admin/calendar", get_admin_calendar, Access::kRoles, admin},
      {"POST", "/admin/calendar", post_admin_calendar, Access::kRoles, admin},
      {"GET", "/admin/requests/{id}/letters/{seq}", get_request_letter, Access::kRoles, request_handlers},
      {"POST", "/admin/requests/{id}/letters/{seq}/issue", post_issue_letter, Access::kRoles, request_handlers},
      {"GET", "/requests/status", get_request_status, Access::kPublic, {}},
      {"POST", "/requests/status", post_request_status, Access::kPublic, {}},
      {"GET", "/requests/{slug}/new", get_request_form, Access::kPublic, {}},
      {"POST", "/requests/{slug}/new", post_request_form, Access::kPublic, {}},
      // Quotas, assessment, channels and registers (issue 6).
      {"GET", "/admin/quota", get_quota, Access::kRoles, {Role::kOffice, Role::kLeader}},
      {"POST", "/admin/quota/rules", post_quota_rule, Access::kRoles, office},
      {"POST", "/admin/quota/rules/{id}/delete", post_delete_quota_rule, Access::kRoles, office},
      {"POST", "/admin/quota/settings", post_quota_settings, Access::kRoles, office},
      {"GET", "/admin/quota/departments/{id}", get_department_quota, Access::kRoles,
       {Role::kLiaison, Role::kHead, Role::kOffice, Role::kLeader}},
      {"GET", "/admin/assessment", get_assessment, Access::kRoles, {Role::kLiaison, Role::kHead, Role::kOffice, Role::kLeader}},
      {"POST", "/admin/assessment/weights", post_assessment_weights, Access::kRoles, office},
      {"POST", "/admin/assessment/adjustments", post_assessment_adjustment, Access::kRoles, office},
      {"POST", "/admin/items/{id}/channels", post_item_channel, Access::kRoles, drafters},
      {"POST", "/admin/channels/{id}/delete", post_delete_channel, Access::kRoles, drafters},
      {"POST", "/admin/items/{id}/attribute", post_item_attribute, Access::kRoles,
       {Role::kLiaison, Role::kOffice, Role::kHead, Role::kLeader, Role::kAdmin, Role::kSecrecy}},
      {"GET", "/admin/registers/secrecy", get_secrecy_register, Access::kRoles, {Role::kOffice, Role::kLeader, Role::kSecrecy}},
      {"GET", "/admin/registers/attributes", get_attribute_register, Access::kRoles,
       {Role::kOffice, Role::kLeader, Role::kSecrecy}},
      {"GET", "/admin/assessment/export", get_assessment_export, Access::kRoles,
       {Role::kLiaison, Role::kHead, Role::kOffice, Role::kLeader}},
      {"GET", "/admin/registers/secrecy/export", get_secrecy_register_export, Access::kRoles,
       {Role::kOffice, Role::kLeader, Role::kSecrecy}},
      {"GET", "/admin/bulletin", get_bulletin, Access::kRoles, {Role::kOffice, Role::kLeader}},
      {"GET", "/complaints/{slug}/new", get_complaint_form, Access::kPublic, {}},
      {"POST", "/complaints/{slug}/new", post_complaint_form, Access::kPublic, {}},
      {"GET", "/admin/complaints", get_complaints, Access::kRoles, {Role::kOffice, Role::kLeader}},
      {"POST", "/admin/complaints", post_complaint, Access::kRoles, office},
      {"GET", "/admin/complaints/{id}", get_complaint, Access::kRoles, {Role::kOffice, Role::kLeader}},
      {"POST", "/admin/complaints/{id}/steps", post_complaint_step, Access::kRoles, office},
      {"POST", "/admin/complaints/{id}/close", post_complaint_close, Access::kRoles, office},
      {"GET", "/admin/work-records", get_work_records, Access::kRoles, {Role::kOffice, Role::kLeader}},
      {"POST", "/admin/work-records", post_work_record, Access::kRoles, office},
      {"POST", "/admin/work-records/{id}/delete", post_delete_work_record, Access::kRoles, office},
      {"POST", "/admin/leading-group", post_group_member, Access::kRoles, office},
      {"POST", "/admin/leading-group/{id}/delete", post_delete_group_member, Access::kRoles, office},
      // The agency's wording of its notice letters (issue 4).
      {"GET", "/admin/letter-templates", get_letter_templates, Access::kRoles, {Role::kOffice, Role::kAdmin}},
      {"GET", "/admin/letter-templates/{kind}", get_letter_template, Access::kRoles, {Role::kOffice, Role::kAdmin}},
      {"POST", "/admin/letter-templates/{kind}", post_letter_template, Access::kRoles, {Role::kOffice, Role::kAdmin}},
      {"POST", "/admin/letter-templates/{kind}/reset", post_reset_letter_template, Access::kRoles,
       {Role::kOffice, Role::kAdmin}},
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
      {"GET", "/{slug}/reports/{year}", get_public_report, Access::kPublic, {}},
      {"GET", "/{slug}/reports/{year}/{file}", get_public_report_file, Access::kPublic, {}},
  };
}

}  // namespace gongkai::web
