#pragma once
// One HTTP exchange as handlers see it: the parsed request (query, form fields, uploaded
// files, cookies), the signed-in session if any, and the response being built.

#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/auth.h"
#include "store/db.h"

namespace gongkai::web {

struct UploadedFile {
  std::string field, filename, content_type, data;
};

struct AppState;  // server-wide: database, settings (server.h)

class Context {
 public:
  Context(AppState& app, Poco::Net::HTTPServerRequest& req, Poco::Net::HTTPServerResponse& resp);

  AppState& app;
  Poco::Net::HTTPServerRequest& req;
  Poco::Net::HTTPServerResponse& resp;

  std::string method, path;
  std::map<std::string, std::string> route;  // {id} and friends from the route pattern
  std::optional<app::Session> session;
  std::string request_id;

  // Query parameter or form field (form wins); "" when absent.
  std::string param(const std::string& name) const;
  std::vector<std::string> params(const std::string& name) const;
  // A field of the request body only (never the query string): for tokens that must not
  // travel in URLs, such as the CSRF token.
  std::string form_param(const std::string& name) const;
  bool has_param(const std::string& name) const;
  std::optional<int64_t> int_param(const std::string& name) const;
  int64_t route_id(const std::string& name = "id") const;
  const std::vector<UploadedFile>& files() const { return files_; }
  // The body of a POST sent as application/json (the API), unparsed; empty otherwise.
  const std::string& json_body() const { return json_body_; }
  bool has_json_body() const { return json_posted_; }
  std::string cookie(const std::string& name) const;
  std::string client_ip() const;

  // Reads and parses the body (url-encoded or multipart) within the size limit.
  void parse_body(size_t limit);

  // Response helpers.
  void send(int status, const std::string& content_type, const std::string& body);
  void html(int status, const std::string& body) { send(status, "text/html; charset=utf-8", body); }
  void json(int status, const std::string& body) { send(status, "application/json; charset=utf-8", body); }
  void redirect(const std::string& location, int status = 303);
  bool sent() const { return sent_; }

  // Set by the dispatcher when the response may go into the page cache (web/page_cache.h):
  // send() then keeps a copy of the body.
  bool keep_body = false;
  std::string kept_body;

  // The signed-in principal; throws AppError(kUnauthenticated) if none.
  const app::Principal& who() const;

 private:
  std::multimap<std::string, std::string> query_, form_;
  std::vector<UploadedFile> files_;
  std::string json_body_;
  bool json_posted_ = false;
  bool sent_ = false;
};

}  // namespace gongkai::web
