// Walks every route with every role (and signed out) against a running server and checks
// that each is let in exactly where this table says. A new route must be added here.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <set>
#include <sstream>

#include "app/auth.h"
#include "app/test_fixture.h"
#include "store/migrations.h"
#include "store/test_databases.h"
#include "web/server.h"
#include "web/test_server.h"

namespace gongkai::web {
namespace {

// "METHOD pattern" → roles let in ("*" any signed-in user, "public" everyone).
const std::map<std::string, std::set<std::string>> kExpected = {
    {"GET /static/{file}", {"public"}},
    {"GET /admin/login", {"public"}},
    {"POST /admin/login", {"public"}},
    {"POST /admin/logout", {"*"}},
    {"GET /admin", {"*"}},
    {"GET /admin/drafts", {"liaison", "office", "head", "leader", "admin"}},
    {"GET /admin/reviews", {"head", "leader", "secrecy"}},
    {"GET /admin/items", {"liaison", "office", "head", "leader", "secrecy", "admin"}},
    {"GET /admin/items/new", {"liaison", "office", "head", "leader", "admin"}},
    {"POST /admin/items", {"liaison", "office", "head", "leader", "admin"}},
    {"GET /admin/items/{id}", {"liaison", "office", "head", "leader", "secrecy", "admin"}},
    {"POST /admin/items/{id}/new-version", {"liaison", "office", "head", "leader", "admin"}},
    {"POST /admin/items/{id}/withdraw", {"office"}},
    {"POST /admin/items/{id}/validity", {"office"}},
    {"GET /admin/revisions/{id}/edit", {"liaison", "office", "head", "leader", "admin"}},
    {"POST /admin/revisions/{id}", {"liaison", "office", "head", "leader", "admin"}},
    {"POST /admin/revisions/{id}/submit", {"liaison", "office", "head", "leader", "admin"}},
    {"POST /admin/revisions/{id}/approve", {"head", "leader", "secrecy"}},
    {"POST /admin/revisions/{id}/return", {"head", "leader", "secrecy"}},
    {"POST /admin/revisions/{id}/attachments", {"liaison", "office", "head", "leader", "admin"}},
    {"POST /admin/revisions/{id}/attachments/{aid}/delete", {"liaison", "office", "head", "leader", "admin"}},
    {"GET /admin/attachments/{id}", {"liaison", "office", "head", "leader", "secrecy", "admin"}},
    {"GET /attachments/{id}", {"public"}},
    {"GET /admin/users", {"admin"}},
    {"GET /admin/users/new", {"admin"}},
    {"POST /admin/users", {"admin"}},
    {"GET /admin/users/{id}/edit", {"admin"}},
    {"POST /admin/users/{id}", {"admin"}},
    {"POST /admin/users/{id}/password", {"admin"}},
    {"GET /admin/departments", {"admin"}},
    {"POST /admin/departments", {"admin"}},
    {"POST /admin/departments/{id}", {"admin"}},
    {"GET /admin/taxonomy", {"admin"}},
    {"POST /admin/taxonomy", {"admin"}},
    {"POST /admin/taxonomy/{id}", {"admin"}},
    {"GET /admin/settings", {"admin"}},
    {"POST /admin/settings", {"admin"}},
    {"GET /admin/account/password", {"*"}},
    {"POST /admin/account/password", {"*"}},
    {"GET /api/v1/openapi.json", {"public"}},
    {"GET /api/v1/agencies", {"public"}},
    {"GET /api/v1/agencies/{slug}/classes", {"public"}},
    {"GET /api/v1/items", {"public"}},
    {"GET /api/v1/items/{*index_no}", {"public"}},
    {"GET /api/v1/search", {"public"}},
    {"OPTIONS /api/v1/{*path}", {"public"}},
    {"POST /api/v1/requests", {"public"}},
    {"GET /api/v1/requests/{code}", {"public"}},
    {"GET /admin/requests", {"clerk", "office", "leader"}},
    {"GET /admin/requests/new", {"clerk", "office"}},
    {"POST /admin/requests", {"clerk", "office"}},
    {"GET /admin/requests/{id}", {"clerk", "office", "leader"}},
    {"POST /admin/requests/{id}/events", {"clerk", "office"}},
    {"GET /admin/calendar", {"admin"}},
    {"POST /admin/calendar", {"admin"}},
    {"GET /admin/requests/{id}/letters/{seq}", {"clerk", "office"}},
    {"POST /admin/requests/{id}/letters/{seq}/issue", {"clerk", "office"}},
    {"GET /admin/letter-templates", {"office", "admin"}},
    {"GET /admin/letter-templates/{kind}", {"office", "admin"}},
    {"POST /admin/letter-templates/{kind}", {"office", "admin"}},
    {"POST /admin/letter-templates/{kind}/reset", {"office", "admin"}},
    {"GET /requests/status", {"public"}},
    {"POST /requests/status", {"public"}},
    {"GET /requests/{slug}/new", {"public"}},
    {"POST /requests/{slug}/new", {"public"}},
    {"GET /admin/quota", {"office", "leader"}},
    {"POST /admin/quota/rules", {"office"}},
    {"POST /admin/quota/rules/{id}/delete", {"office"}},
    {"POST /admin/quota/settings", {"office"}},
    {"GET /admin/quota/departments/{id}", {"liaison", "head", "office", "leader"}},
    {"GET /admin/assessment", {"liaison", "head", "office", "leader"}},
    {"POST /admin/assessment/weights", {"office"}},
    {"POST /admin/assessment/adjustments", {"office"}},
    {"POST /admin/items/{id}/channels", {"liaison", "office", "head", "leader", "admin"}},
    {"POST /admin/channels/{id}/delete", {"liaison", "office", "head", "leader", "admin"}},
    {"POST /admin/items/{id}/attribute", {"liaison", "office", "head", "leader", "admin", "secrecy"}},
    {"GET /admin/registers/secrecy", {"office", "leader", "secrecy"}},
    {"GET /admin/registers/attributes", {"office", "leader", "secrecy"}},
    {"GET /admin/assessment/export", {"liaison", "head", "office", "leader"}},
    {"GET /admin/registers/secrecy/export", {"office", "leader", "secrecy"}},
    {"GET /admin/bulletin", {"office", "leader"}},
    {"GET /complaints/{slug}/new", {"public"}},
    {"POST /complaints/{slug}/new", {"public"}},
    {"GET /admin/complaints", {"office", "leader"}},
    {"POST /admin/complaints", {"office"}},
    {"GET /admin/complaints/{id}", {"office", "leader"}},
    {"POST /admin/complaints/{id}/steps", {"office"}},
    {"POST /admin/complaints/{id}/close", {"office"}},
    {"GET /admin/work-records", {"office", "leader"}},
    {"POST /admin/work-records", {"office"}},
    {"POST /admin/work-records/{id}/delete", {"office"}},
    {"POST /admin/leading-group", {"office"}},
    {"POST /admin/leading-group/{id}/delete", {"office"}},
    {"GET /", {"public"}},
    {"GET /care", {"public"}},
    {"GET /robots.txt", {"public"}},
    {"GET /sitemap.xml", {"public"}},
    {"GET /items/{*index_no}", {"public"}},
    {"GET /search", {"public"}},
    {"GET /{slug}", {"public"}},
    {"GET /{slug}/guide", {"public"}},
    {"GET /{slug}/rules", {"public"}},
    {"GET /{slug}/reports", {"public"}},
    {"GET /{slug}/apply", {"public"}},
    {"GET /{slug}/catalog", {"public"}},
    {"GET /{slug}/feed.atom", {"public"}},
    {"GET /admin/reports", {"office", "leader", "admin"}},
    {"POST /admin/reports/draft", {"office"}},
    {"POST /admin/reports/publish", {"office"}},
    {"GET /admin/reports/preview", {"office", "leader", "admin"}},
    {"GET /admin/city-reports", {"infocenter"}},
    {"GET /admin/statistics", {"office", "leader", "admin"}},
    {"GET /admin/appeals", {"office", "clerk", "leader", "admin"}},
    {"GET /admin/appeals/new", {"office", "clerk"}},
    {"POST /admin/appeals", {"office", "clerk"}},
    {"GET /admin/appeals/{id}", {"office", "clerk", "leader", "admin"}},
    {"POST /admin/appeals/{id}", {"office", "clerk"}},
    {"GET /{slug}/reports/{year}", {"public"}},
    {"GET /{slug}/reports/{year}/{file}", {"public"}},
};

const char* kRoles[] = {"liaison", "head", "leader", "secrecy", "office", "admin", "clerk"};

class RoutesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = store::open_test_database("sqlite", 8);
    store::migrate(*db_);
    agency_ = app::make_test_agency(*db_, "rt", "000014349");
    server_ = std::make_unique<TestServer>(*db_);
    for (const char* r : kRoles) sessions_[r] = app::login(*db_, "rt." + std::string(r), "password123", "127.0.0.1");
  }

  TestReply send(const std::string& method, const std::string& path, const app::Session* s) {
    return server_->request(method, path, s);
  }

  std::unique_ptr<store::Database> db_;
  app::TestAgency agency_;
  std::unique_ptr<TestServer> server_;
  std::map<std::string, app::Session> sessions_;
};

std::string message_of(const std::string& body) {
  auto p = body.find("error-message");
  return p == std::string::npos ? body.substr(0, 200) : body.substr(p, 200);
}

std::string concrete(std::string pattern) {
  for (const auto& [from, to] : {std::pair<std::string, std::string>{"{id}", "1"}, {"{aid}", "1"}, {"{file}", "gongkai.css"}, {"{slug}", "rt"}, {"{*index_no}", "000014349/2026-00001"}, {"{*path}", "items"}, {"{year}", "2023"}}) {
    for (size_t p; (p = pattern.find(from)) != std::string::npos;) pattern.replace(p, from.size(), to);
  }
  return pattern;
}

TEST_F(RoutesTest, EveryRouteIsInTheTable) {
  std::set<std::string> seen;
  for (const auto& r : all_routes()) {
    std::string key = r.method + " " + r.pattern;
    EXPECT_TRUE(kExpected.count(key)) << "route missing from the authorisation table: " << key;
    seen.insert(key);
  }
  for (const auto& [key, roles] : kExpected) EXPECT_TRUE(seen.count(key)) << "table names a route that is gone: " << key;
}

TEST_F(RoutesTest, EveryRoleIsLetInExactlyWhereAllowed) {
  for (const auto& [key, allowed] : kExpected) {
    std::string method = key.substr(0, key.find(' '));
    std::string path = concrete(key.substr(key.find(' ') + 1));
    if (path == "/admin/login" && method == "POST") continue;  // the log-in form has its own CSRF token
    bool is_public = allowed.count("public") > 0;
    TestReply out = send(method, path, nullptr);
    if (!is_public) {
      if (method == "GET") {
        EXPECT_EQ(out.status, 303) << key << " signed out";
        EXPECT_EQ(out.headers["location"].rfind("/admin/login?next=", 0), 0u) << key;
      } else {
        EXPECT_TRUE(out.status == 401 || out.status == 403) << key << " signed out: " << out.status;
      }
    }
    for (const char* role : kRoles) {
      bool let_in = is_public || allowed.count("*") || allowed.count(role);
      TestReply r = send(method, path, &sessions_[role]);
      if (key == "POST /admin/logout") {  // that ended the session: sign in again
        sessions_[role] = app::login(*db_, "rt." + std::string(role), "password123", "127.0.0.1");
      }
      if (let_in) {
        EXPECT_NE(r.status, 403) << key << " as " << role << ": " << message_of(r.body);
        EXPECT_NE(r.status, 401) << key << " as " << role;
        EXPECT_LT(r.status, 500) << key << " as " << role << ": " << message_of(r.body);
      } else {
        EXPECT_EQ(r.status, 403) << key << " as " << role;
      }
    }
  }
}

TEST_F(RoutesTest, PostsWithoutTheSessionsCsrfTokenAreRefused) {
  app::Session forged = sessions_["office"];
  forged.csrf_token = std::string(32, 'a');
  EXPECT_EQ(send("POST", "/admin/items/1/withdraw", &forged).status, 403);
  EXPECT_EQ(send("POST", "/admin/departments", &forged).status, 403);
  // The token counts only in the body: a token in the URL leaks through logs and Referer.
  app::Session no_body = sessions_["admin"];
  auto r = server_->request("POST", "/admin/departments?_csrf=" + no_body.csrf_token + "&name=x", nullptr, "",
                            std::string(kSessionCookie) + "=" + no_body.token);
  EXPECT_EQ(r.status, 403);
}

}  // namespace
}  // namespace gongkai::web
