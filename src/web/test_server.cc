#include "web/test_server.h"

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>

#include <algorithm>

namespace gongkai::web {
namespace {

// The answer on `session`: status, headers by lower-case name (repeats joined by '\n'), body.
TestReply read_reply(Poco::Net::HTTPClientSession& session) {
  Poco::Net::HTTPResponse resp;
  std::istream& in = session.receiveResponse(resp);
  TestReply r;
  r.status = resp.getStatus();
  for (const auto& [k, v] : resp) {
    std::string key = k;
    std::transform(key.begin(), key.end(), key.begin(), [](unsigned char ch) { return std::tolower(ch); });
    r.headers[key] = r.headers.count(key) ? r.headers[key] + "\n" + v : v;
  }
  Poco::StreamCopier::copyToString(in, r.body);
  return r;
}

}  // namespace

TestServer::TestServer(store::Database& db)
    : blobs_(std::make_unique<app::BlobStore>(db, "")),
      socket_(Poco::Net::SocketAddress("127.0.0.1", 0)) {
  state_.db = &db;
  state_.blobs = blobs_.get();
  state_.options.threads = 4;
  server_ = start_server(state_, socket_);
}

TestServer::~TestServer() { stop_server(*server_); }

PageCache& TestServer::enable_page_cache(std::chrono::milliseconds fresh_for) {
  cache_ = std::make_unique<PageCache>(fresh_for);
  state_.page_cache = cache_.get();
  return *cache_;
}

TestReply TestServer::send_raw(const std::string& method, const std::string& path, const std::string& content_type,
                               const std::string& body, const std::map<std::string, std::string>& headers) {
  Poco::Net::HTTPClientSession session("127.0.0.1", socket_.address().port());
  Poco::Net::HTTPRequest req(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
  for (const auto& [k, v] : headers) req.set(k, v);
  req.setContentType(content_type);
  req.setContentLength(static_cast<std::streamsize>(body.size()));
  session.sendRequest(req) << body;
  return read_reply(session);
}

TestReply TestServer::request(const std::string& method, const std::string& path, const app::Session* s,
                              const std::string& form, const std::string& cookies) {
  Poco::Net::HTTPClientSession session("127.0.0.1", socket_.address().port());
  Poco::Net::HTTPRequest req(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
  std::string cookie_header = cookies;
  std::string body = form;
  if (s) {
    cookie_header += (cookie_header.empty() ? "" : "; ") + std::string(kSessionCookie) + "=" + s->token;
    if (method == "POST") body = "_csrf=" + s->csrf_token + (body.empty() ? "" : "&" + body);
  }
  if (!cookie_header.empty()) req.set("Cookie", cookie_header);
  if (method == "POST") {
    req.setContentType("application/x-www-form-urlencoded");
    req.setContentLength(static_cast<std::streamsize>(body.size()));
    session.sendRequest(req) << body;
  } else {
    session.sendRequest(req);
  }
  return read_reply(session);
}

}  // namespace gongkai::web
