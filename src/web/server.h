#pragma once
// The HTTP server: Poco::Net::HTTPServer with one handler that routes every request
// through the middleware (request id, security headers, body limit, session, CSRF,
// authorisation, access log) and turns exceptions into error pages or JSON errors.

#include <functional>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/ServerSocket.h>

#include "app/attachments.h"
#include "core/roles.h"
#include "store/db.h"
#include "web/context.h"
#include "web/facet_counts.h"
#include "web/page_cache.h"

namespace gongkai::web {

struct ServerOptions {
  std::string listen = "127.0.0.1:8080";
  std::string data_dir = "data";
  int threads = 16;
  bool secure_cookies = false;  // set behind TLS
  bool behind_proxy = false;    // take the client's address from X-Real-IP (deploy/nginx)
};

struct AppState {
  store::Database* db = nullptr;
  app::BlobStore* blobs = nullptr;
  PageCache* page_cache = nullptr;  // none: every response is rendered
  std::shared_ptr<FacetCounts> facet_counts = std::make_shared<FacetCounts>();
  ServerOptions options;
};

using Handler = std::function<void(Context&)>;

enum class Access { kPublic, kSignedIn, kRoles };

struct Route {
  std::string method;   // GET, POST
  std::string pattern;  // "/admin/items/{id}"
  Handler handler;
  Access access = Access::kSignedIn;
  std::set<core::Role> roles;  // any of these, when access is kRoles
};

// Every route of the application, in one table (also walked by the authorisation test).
std::vector<Route> all_routes();

// Finds the route for method and path, filling ctx.route; nullptr when none matches.
// Sets *method_mismatch when the path exists for another method.
const Route* match_route(const std::vector<Route>& routes, const std::string& method, const std::string& path,
                         std::map<std::string, std::string>& params, bool* method_mismatch);

// A started HTTP server on `socket` (which may be bound to port 0 in tests).
std::unique_ptr<Poco::Net::HTTPServer> start_server(AppState& state, const Poco::Net::ServerSocket& socket);

// Stops accepting, closes the open connections and waits (up to 10 s) until no handler
// runs any more, so that what they use may be destroyed after.
void stop_server(Poco::Net::HTTPServer& server);

// Whether a signed-in principal may GET `path` under the route table's access rules.
bool may_get(const app::Principal& who, const std::string& path);

// Serves until SIGINT/SIGTERM. Returns the process exit code.
int run_server(AppState& state);

// Handles one request (exposed for tests that drive the router directly).
void handle_request(AppState& state, Poco::Net::HTTPServerRequest& req, Poco::Net::HTTPServerResponse& resp);

inline constexpr const char* kSessionCookie = "gk_session";
inline constexpr const char* kPreCsrfCookie = "gk_precsrf";

}  // namespace gongkai::web
