#include "web/server.h"

#include <Poco/Net/HTTPCookie.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Stringifier.h>
#include <Poco/String.h>

#include <atomic>
#include <chrono>
#include <thread>
#include <csignal>
#include <iostream>
#include <mutex>
#include <sstream>

#include "app/errors.h"
#include "app/passwords.h"
#include "web/pages.h"
#include "web/portal_page.h"

namespace gongkai::web {
namespace {

std::atomic<uint64_t> g_request_counter{0};
std::mutex g_log_mu;

std::vector<std::string> split_path(const std::string& p) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < p.size()) {
    size_t j = p.find('/', i);
    if (j == std::string::npos) j = p.size();
    if (j > i) out.push_back(p.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

int status_for(app::ErrorKind k) {
  switch (k) {
    case app::ErrorKind::kInvalid: return 400;
    case app::ErrorKind::kNotFound: return 404;
    case app::ErrorKind::kForbidden: return 403;
    case app::ErrorKind::kConflict: return 409;
    case app::ErrorKind::kUnauthenticated: return 401;
    case app::ErrorKind::kTooMany: return 429;
    case app::ErrorKind::kMethodNotAllowed: return 405;
  }
  return 500;
}

bool wants_json(const Context& c) { return c.path.rfind("/api/", 0) == 0; }

void send_error(Context& c, int status, const std::string& code, const std::string& message) {
  if (c.sent()) return;
  if (wants_json(c)) {
    c.resp.set("Access-Control-Allow-Origin", "*");
    Poco::JSON::Object o, e;
    e.set("code", code);
    e.set("message", message);
    e.set("request_id", c.request_id);
    o.set("error", e);
    std::ostringstream s;
    Poco::JSON::Stringifier::stringify(o, s);
    c.json(status, s.str());
  } else {
    c.html(status, error_page(c, status, message));
  }
}

void security_headers(Poco::Net::HTTPServerResponse& r) {
  r.set("X-Content-Type-Options", "nosniff");
  r.set("X-Frame-Options", "DENY");
  r.set("Referrer-Policy", "same-origin");
  r.set("Content-Security-Policy",
        "default-src 'self'; img-src 'self' data: https:; style-src 'self'; script-src 'self'; "
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
}

// Constant-time comparison for tokens.
bool same_token(const std::string& a, const std::string& b) {
  if (a.size() != b.size() || a.empty()) return false;
  unsigned char d = 0;
  for (size_t i = 0; i < a.size(); ++i) d |= static_cast<unsigned char>(a[i] ^ b[i]);
  return d == 0;
}

void check_csrf(Context& c) {
  if (c.method != "POST") return;
  // A JSON body cannot be sent cross-site without a CORS preflight, which POST does not pass;
  // the API takes no session either.
  if (wants_json(c) && c.has_json_body()) return;
  std::string sent = c.form_param("_csrf");
  std::string expected = c.session ? c.session->csrf_token : c.cookie(kPreCsrfCookie);
  if (!same_token(sent, expected)) {
    throw app::AppError(app::ErrorKind::kForbidden, "csrf", "页面已过期或来源不明，请刷新页面后重试");
  }
}

class Dispatcher : public Poco::Net::HTTPRequestHandler {
 public:
  explicit Dispatcher(AppState& s) : state_(s) {}
  void handleRequest(Poco::Net::HTTPServerRequest& req, Poco::Net::HTTPServerResponse& resp) override {
    handle_request(state_, req, resp);
  }

 private:
  AppState& state_;
};

class Factory : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  explicit Factory(AppState& s) : state_(s) {}
  Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override {
    return new Dispatcher(state_);
  }

 private:
  AppState& state_;
};

}  // namespace

const Route* match_route(const std::vector<Route>& routes, const std::string& method, const std::string& path,
                         std::map<std::string, std::string>& params, bool* method_mismatch) {
  auto segs = split_path(path);
  for (const auto& r : routes) {
    auto pat = split_path(r.pattern);
    // A last segment {*name} takes the rest of the path (index numbers contain '/').
    bool rest = !pat.empty() && pat.back().rfind("{*", 0) == 0;
    if (rest ? segs.size() < pat.size() : pat.size() != segs.size()) continue;
    std::map<std::string, std::string> got;
    bool ok = true;
    for (size_t i = 0; i < pat.size() && ok; ++i) {
      if (rest && i + 1 == pat.size()) {
        std::string tail;
        for (size_t j = i; j < segs.size(); ++j) tail += (j > i ? "/" : "") + segs[j];
        got[pat[i].substr(2, pat[i].size() - 3)] = tail;
      } else if (pat[i].size() > 2 && pat[i].front() == '{' && pat[i].back() == '}') {
        got[pat[i].substr(1, pat[i].size() - 2)] = segs[i];
      } else {
        ok = pat[i] == segs[i];
      }
    }
    if (!ok) continue;
    bool same = r.method == method || (r.method == "GET" && method == "HEAD");
    if (!same) {
      // The CORS preflight route takes any path; it does not make a path exist.
      if (method_mismatch && r.method != "OPTIONS") *method_mismatch = true;
      continue;
    }
    params = std::move(got);
    return &r;
  }
  return nullptr;
}

namespace {
const std::vector<Route>& routes() {
  static const std::vector<Route> r = all_routes();
  return r;
}

bool access_ok(const Route& r, const app::Principal* who) {
  if (r.access == Access::kPublic) return true;
  if (!who) return false;
  if (r.access == Access::kSignedIn) return true;
  for (auto role : r.roles) if (who->has(role)) return true;
  return false;
}
// Headers of a response that belong to that exchange only, never replayed from the cache.
bool exchange_header(const std::string& name) {
  for (const char* n : {"Set-Cookie", "Content-Length", "X-Request-Id", "Date", "Connection", "Keep-Alive",
                        "Transfer-Encoding"}) {
    if (Poco::icompare(name, n) == 0) return true;
  }
  return false;
}

// Keeps the response in the page cache when web/page_cache.h allows it.
void maybe_keep(PageCache& cache, const std::string& key, uint64_t generation, Context& c) {
  const auto& resp = c.resp;
  if (resp.getStatus() != Poco::Net::HTTPResponse::HTTP_OK || resp.has("Set-Cookie")) return;
  if (resp.get("Cache-Control", "").find("public") == std::string::npos) return;
  auto e = std::make_shared<PageCache::Entry>();
  for (const auto& [name, value] : resp) {
    if (!exchange_header(name)) e->headers.emplace_back(name, value);
  }
  e->body = std::move(c.kept_body);
  e->stored = PageCache::Clock::now();
  e->generation = generation;
  cache.store(key, std::move(e));
}

void replay(Context& c, const PageCache::Entry& e) {
  for (const auto& [name, value] : e.headers) c.resp.set(name, value);
  if (c.resp.has("X-Accel-Expires")) c.resp.set("X-Accel-Expires", accel_expires_now());
  c.resp.set("X-Gongkai-Cache", "hit");
  c.resp.setStatus(Poco::Net::HTTPResponse::HTTP_OK);
  c.resp.setContentLength64(static_cast<Poco::Int64>(e.body.size()));
  std::ostream& out = c.resp.send();
  if (c.method != "HEAD") out.write(e.body.data(), static_cast<std::streamsize>(e.body.size()));
}

}  // namespace

bool may_get(const app::Principal& who, const std::string& path) {
  std::map<std::string, std::string> params;
  const Route* r = match_route(routes(), "GET", path, params, nullptr);
  return r && access_ok(*r, &who);
}

void handle_request(AppState& state, Poco::Net::HTTPServerRequest& req, Poco::Net::HTTPServerResponse& resp) {
  auto start = std::chrono::steady_clock::now();
  Context c(state, req, resp);
  c.request_id = std::to_string(++g_request_counter);
  resp.set("X-Request-Id", c.request_id);
  security_headers(resp);
  int status_logged = 0;
  PageCache* cache = state.page_cache;
  bool reads = c.method == "GET" || c.method == "HEAD";
  std::string cache_key;
  uint64_t generation = 0;
  bool claimed = false;
  // Read once: it decides both the page cache and the session.
  const std::string token = c.cookie(kSessionCookie);
  if (cache && reads && token.empty() && c.path.size() <= 2000) {
    cache_key = PageCache::key(req.getURI(), c.cookie("gk_care") == "1");
    if (auto hit = cache->find(cache_key, PageCache::Clock::now())) {
      replay(c, *hit);
      return;
    }
    auto aged = cache->find_aged(cache_key);
    if (aged && !cache->try_begin_render(cache_key)) {
      replay(c, *aged);  // another reader is rendering it anew
      return;
    }
    claimed = aged ? true : cache->begin_render(cache_key);
    if (!claimed) {
      if (auto hit = cache->find(cache_key, PageCache::Clock::now())) {
        replay(c, *hit);
        return;
      }
    }
    generation = cache->generation();
    c.keep_body = true;
  }
  // Whatever happens below, the next reader waiting for this page may go on.
  struct EndRender {
    PageCache* cache;
    const std::string& key;
    bool claimed;
    ~EndRender() {
      if (claimed) cache->end_render(key);
    }
  } end_render{cache, cache_key, claimed};
  try {
    if (c.path.size() > 2000) throw app::AppError(app::ErrorKind::kInvalid, "bad_path", "请求地址过长");
    bool mismatch = false;
    const Route* r = match_route(routes(), c.method, c.path, c.route, &mismatch);
    if (!r) {
      if (mismatch) throw app::AppError(app::ErrorKind::kMethodNotAllowed, "method_not_allowed", "不支持的请求方法");
      throw app::not_found("页面");
    }
    if (!token.empty()) c.session = app::resume_session(*state.db, token);
    bool multipart = req.getContentType().find("multipart/") != std::string::npos;
    c.parse_body(multipart ? 25 * 1024 * 1024 : 1024 * 1024);
    check_csrf(c);
    if (r->access != Access::kPublic) {
      if (!c.session) {
        if (c.method == "GET" && !wants_json(c)) {
          c.redirect("/admin/login?next=" + url_encode(c.path));
          return;
        }
        throw app::AppError(app::ErrorKind::kUnauthenticated, "login_required", "请先登录");
      }
      if (!access_ok(*r, &c.session->who)) throw app::forbidden();
    }
    r->handler(c);
    if (!c.sent()) throw std::logic_error("handler sent no response");
    if (c.keep_body) maybe_keep(*cache, cache_key, generation, c);
  } catch (const app::ValidationError& e) {
    // Forms that can show messages beside fields catch this themselves; elsewhere the
    // field messages are the explanation.
    std::string message;
    for (const auto& [field, m] : e.fields()) message += (message.empty() ? "" : "；") + m;
    send_error(c, 400, e.code(), message.empty() ? e.what() : message);
  } catch (const app::AppError& e) {
    send_error(c, status_for(e.kind()), e.code(), e.what());
  } catch (const store::DbError& e) {
    std::lock_guard g(g_log_mu);
    std::cerr << "request " << c.request_id << " " << c.method << " " << c.path << ": database error " << e.code()
              << ": " << e.what() << "\n";
    send_error(c, 503, "database", "系统繁忙，请稍后再试");
  } catch (const std::exception& e) {
    std::lock_guard g(g_log_mu);
    std::cerr << "request " << c.request_id << " " << c.method << " " << c.path << ": " << e.what() << "\n";
    send_error(c, 500, "internal", "系统内部错误，请稍后再试（请求编号 " + c.request_id + "）");
  }
  // Any other method may have changed what pages show.
  if (cache && !reads && c.method != "OPTIONS") cache->invalidate();
  status_logged = resp.getStatus();
  auto ms = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start).count();
  if (std::getenv("GK_ACCESS_LOG")) {
    std::lock_guard g(g_log_mu);
    std::cerr << c.request_id << " " << c.method << " " << c.path << " " << status_logged << " " << ms << "us\n";
  }
}

std::unique_ptr<Poco::Net::HTTPServer> start_server(AppState& state, const Poco::Net::ServerSocket& socket) {
  auto* params = new Poco::Net::HTTPServerParams;
  params->setMaxThreads(state.options.threads);
  params->setMaxQueued(256);
  params->setKeepAlive(true);
  // Each connection holds a worker thread while it stays open, idle or not, so idle
  // keep-alive connections must not hold them long (Poco's default is 10 s). The shipped
  // nginx configuration closes its idle connections sooner (deploy/nginx/gongkai.conf).
  params->setKeepAliveTimeout(Poco::Timespan(5, 0));
  auto server = std::make_unique<Poco::Net::HTTPServer>(new Factory(state), socket, params);
  server->start();
  return server;
}

void stop_server(Poco::Net::HTTPServer& server) {
  server.stopAll(true);
  // stopAll closes the connections but does not wait for the threads still inside a
  // handler; the state they use must outlive them (else a crash at exit, seen under wrk).
  for (int i = 0; i < 1000 && server.currentConnections() > 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
}

int run_server(AppState& state) {
  // Block the stop signals before any thread starts, so only sigwait below receives them.
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  Poco::Net::SocketAddress addr(state.options.listen);
  Poco::Net::ServerSocket socket(addr, 128);
  auto server = start_server(state, socket);
  std::cout << "gongkai serving on http://" << socket.address().toString() << "/" << std::endl;
  int sig = 0;
  sigwait(&set, &sig);
  std::cout << "gongkai stopping (signal " << sig << ")" << std::endl;
  stop_server(*server);
  return 0;
}

}  // namespace gongkai::web
