#include "web/context.h"

#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/MessageHeader.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/Net/PartHandler.h>
#include <Poco/StreamCopier.h>
#include <Poco/URI.h>

#include <charconv>
#include <sstream>

#include "app/errors.h"
#include "web/server.h"

namespace gongkai::web {
namespace {

class FilePartHandler : public Poco::Net::PartHandler {
 public:
  FilePartHandler(std::vector<UploadedFile>& files, size_t limit) : files_(files), limit_(limit) {}
  void handlePart(const Poco::Net::MessageHeader& header, std::istream& stream) override {
    std::string disp;
    Poco::Net::NameValueCollection params;
    Poco::Net::MessageHeader::splitParameters(header.get("Content-Disposition", ""), disp, params);
    UploadedFile f;
    f.field = params.get("name", "");
    f.filename = params.get("filename", "");
    f.content_type = header.get("Content-Type", "application/octet-stream");
    char buf[65536];
    while (stream.read(buf, sizeof buf) || stream.gcount() > 0) {
      total_ += static_cast<size_t>(stream.gcount());
      if (total_ > limit_) throw app::AppError(app::ErrorKind::kInvalid, "too_large", "上传的文件过大");
      f.data.append(buf, static_cast<size_t>(stream.gcount()));
    }
    if (!f.filename.empty() || !f.data.empty()) files_.push_back(std::move(f));
  }

 private:
  std::vector<UploadedFile>& files_;
  size_t limit_;
  size_t total_ = 0;
};

}  // namespace

Context::Context(AppState& a, Poco::Net::HTTPServerRequest& rq, Poco::Net::HTTPServerResponse& rs)
    : app(a), req(rq), resp(rs) {
  method = req.getMethod();
  Poco::URI uri(req.getURI());
  path = uri.getPath();
  for (const auto& [k, v] : uri.getQueryParameters()) query_.emplace(k, v);
}

void Context::parse_body(size_t limit) {
  if (method != "POST") return;
  if (req.hasContentLength() && static_cast<size_t>(req.getContentLength64()) > limit) {
    throw app::AppError(app::ErrorKind::kInvalid, "too_large", "提交的内容过大");
  }
  if (req.getContentType().rfind("application/json", 0) == 0) {
    // Kept as sent: API handlers parse it. Read at most limit + 1 bytes to tell "too large".
    json_posted_ = true;
    std::string body(limit + 1, '\0');
    req.stream().read(body.data(), static_cast<std::streamsize>(body.size()));
    body.resize(static_cast<size_t>(req.stream().gcount()));
    if (body.size() > limit) throw app::AppError(app::ErrorKind::kInvalid, "too_large", "提交的内容过大");
    json_body_ = std::move(body);
    return;
  }
  Poco::Net::HTMLForm form;
  form.setFieldLimit(200);
  form.setValueLengthLimit(static_cast<int>(std::min<size_t>(limit, 8 * 1024 * 1024)));
  FilePartHandler files(files_, limit);
  // Load from a copy without the query string: form fields come from the body alone
  // (query parameters are kept apart in query_).
  Poco::Net::HTTPRequest body_only(req.getMethod(), path, req.getVersion());
  body_only.setContentType(req.getContentType());
  if (req.hasContentLength()) body_only.setContentLength64(req.getContentLength64());
  form.load(body_only, req.stream(), files);
  for (const auto& [k, v] : form) form_.emplace(k, v);
}

std::string Context::param(const std::string& name) const {
  if (auto it = form_.find(name); it != form_.end()) return it->second;
  if (auto it = query_.find(name); it != query_.end()) return it->second;
  return "";
}

std::string Context::form_param(const std::string& name) const {
  auto it = form_.find(name);
  return it == form_.end() ? "" : it->second;
}

std::vector<std::string> Context::params(const std::string& name) const {
  std::vector<std::string> out;
  for (auto [b, e] = form_.equal_range(name); b != e; ++b) out.push_back(b->second);
  if (out.empty()) {
    for (auto [b, e] = query_.equal_range(name); b != e; ++b) out.push_back(b->second);
  }
  return out;
}

bool Context::has_param(const std::string& name) const { return form_.count(name) || query_.count(name); }

std::optional<int64_t> Context::int_param(const std::string& name) const {
  std::string v = param(name);
  int64_t out = 0;
  auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
  if (v.empty() || ec != std::errc() || p != v.data() + v.size()) return std::nullopt;
  return out;
}

int64_t Context::route_id(const std::string& name) const {
  auto it = route.find(name);
  int64_t out = 0;
  if (it == route.end()) throw app::not_found("页面");
  auto [p, ec] = std::from_chars(it->second.data(), it->second.data() + it->second.size(), out);
  if (ec != std::errc() || p != it->second.data() + it->second.size() || out <= 0) throw app::not_found("页面");
  return out;
}

std::string Context::cookie(const std::string& name) const {
  Poco::Net::NameValueCollection cookies;
  req.getCookies(cookies);
  return cookies.get(name, "");
}

std::string Context::client_ip() const {
  // Behind the shipped nginx every peer is the proxy; it passes the reader's address. Only
  // trusted when the peer is on this machine, so a reader cannot forge it by sending it.
  if (app.options.behind_proxy && req.clientAddress().host().isLoopback()) {
    std::string real = req.get("X-Real-IP", "");
    if (!real.empty() && real.size() <= 64) return real;
  }
  return req.clientAddress().host().toString();
}

void Context::send(int status, const std::string& content_type, const std::string& body) {
  resp.setStatus(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(status));
  resp.setContentType(content_type);
  resp.setContentLength64(static_cast<Poco::Int64>(body.size()));
  std::ostream& out = resp.send();
  if (method != "HEAD") out.write(body.data(), static_cast<std::streamsize>(body.size()));
  if (keep_body) kept_body = body;
  sent_ = true;
}

void Context::redirect(const std::string& location, int status) {
  resp.set("Location", location);
  send(status, "text/plain; charset=utf-8", "");
}

const app::Principal& Context::who() const {
  if (!session) throw app::AppError(app::ErrorKind::kUnauthenticated, "login_required", "请先登录");
  return session->who;
}

}  // namespace gongkai::web
