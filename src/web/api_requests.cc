// The request API: submit a request for disclosure (POST /api/v1/requests) with the same
// validation and idempotency as the public form, and read its status with the tracking code
// and the secret (GET /api/v1/requests/{code}?secret=…). Errors are JSON with a code; a
// request that fails validation also carries "fields" (field → Chinese message).
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include "app/errors.h"
#include "app/rate_limiter.h"
#include "app/requests.h"
#include "web/api_json.h"
#include "web/request_api_handlers.h"
#include "web/server.h"

namespace gongkai::web {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

app::RateLimiter& api_submissions() {
  static app::RateLimiter limit(10, std::chrono::hours(1));
  return limit;
}

app::RateLimiter& api_failed_lookups() {
  static app::RateLimiter limit(20, std::chrono::hours(1));
  return limit;
}

app::AppError bad_json(const std::string& message) {
  return app::AppError(app::ErrorKind::kInvalid, "bad_json", message);
}

// The request body as an object with string members only, each known.
Object::Ptr read_body(const Context& c) {
  if (!c.has_json_body()) {
    throw app::AppError(app::ErrorKind::kInvalid, "json_required", "请以 Content-Type: application/json 提交");
  }
  Poco::Dynamic::Var parsed;
  try {
    parsed = Poco::JSON::Parser().parse(c.json_body());
  } catch (const Poco::Exception&) {
    throw bad_json("请求体不是有效的JSON");
  }
  if (parsed.type() != typeid(Object::Ptr)) throw bad_json("请求体应为JSON对象");
  Object::Ptr o = parsed.extract<Object::Ptr>();
  for (const auto& [name, value] : *o) {
    const auto& fields = app::applicant_input_fields();
    bool known = name == "agency" || std::any_of(fields.begin(), fields.end(),
                                                   [&](const auto& f) { return name == f.first; });
    if (!known) throw app::AppError(app::ErrorKind::kInvalid, "unknown_field", "未知字段：" + name.substr(0, 50));
    if (!value.isString()) throw bad_json("字段 " + name + " 应为字符串");
  }
  return o;
}

void send_validation(Context& c, const app::ValidationError& e) {
  Object err(Poco::JSON_PRESERVE_KEY_ORDER);
  err.set("code", e.code());
  err.set("message", std::string(e.what()));
  Object fields(Poco::JSON_PRESERVE_KEY_ORDER);
  for (const auto& [field, message] : e.fields()) fields.set(field, message);
  err.set("fields", fields);
  err.set("request_id", c.request_id);
  Object out;
  out.set("error", err);
  send_json(c, 400, out);
}

}  // namespace

void api_submit_request(Context& c) {
  cors(c);
  Object::Ptr body = read_body(c);
  std::string slug = body->optValue<std::string>("agency", "");
  if (slug.empty()) throw app::ValidationError("agency", "请填写受理机关（agency，机关简称）");
  std::string client_key = c.req.get("Idempotency-Key", "");
  if (client_key.empty()) {
    throw app::AppError(app::ErrorKind::kInvalid, "idempotency_key_required",
                        "请在 Idempotency-Key 请求头中给出本次申请的唯一随机值（16至64个字符）");
  }
  app::RequestKeys keys = app::request_keys_from_client_key(slug, client_key);
  app::RequestInput in;
  for (const auto& [name, member] : app::applicant_input_fields()) in.*member = body->optValue<std::string>(name, "");
  std::string ip = c.client_ip();
  if (!api_submissions().allowed(ip)) {
    throw app::AppError(app::ErrorKind::kTooMany, "rate_limited",
                        "提交过于频繁：同一网络地址每小时最多提交10份申请，请稍后再试");
  }
  app::SubmitResult r;
  try {
    r = app::submit_online(*c.app.db, slug, in, keys);
  } catch (const app::ValidationError& e) {
    send_validation(c, e);
    return;
  }
  if (!r.repeated) api_submissions().record(ip);
  Object out(Poco::JSON_PRESERVE_KEY_ORDER);
  out.set("tracking_code", r.tracking_code);
  out.set("secret", r.secret);
  out.set("agency", r.agency_name);
  out.set("received_on", r.received_on);
  out.set("due_on", r.due_on ? Poco::Dynamic::Var(*r.due_on) : Poco::Dynamic::Var());
  out.set("counting_rule", "收到申请的当日不计入，自次一工作日起算，按工作日计算（不含周末和法定节假日，含调休上班日）");
  out.set("status_url", "/api/v1/requests/" + r.tracking_code);
  out.set("repeated", r.repeated);
  c.resp.set("Cache-Control", "no-store");
  c.resp.set("Location", "/api/v1/requests/" + r.tracking_code);
  send_json(c, r.repeated ? 200 : 201, out);
}

void api_request_status(Context& c) {
  cors(c);
  reject_unknown_params(c, {"secret"});
  c.resp.set("Cache-Control", "no-store");
  std::string ip = c.client_ip();
  if (!api_failed_lookups().allowed(ip)) {
    throw app::AppError(app::ErrorKind::kTooMany, "rate_limited", "查询失败次数过多：同一网络地址每小时最多输错20次，请稍后再试");
  }
  std::string secret = c.param("secret");
  if (secret.empty()) throw app::AppError(app::ErrorKind::kInvalid, "secret_required", "请给出查询密码（secret）");
  app::PublicStatus s;
  try {
    s = app::lookup_status(*c.app.db, c.route.at("code"), secret);
  } catch (const app::AppError& e) {
    if (e.kind() == app::ErrorKind::kNotFound) api_failed_lookups().record(ip);
    throw;
  }
  Object out(Poco::JSON_PRESERVE_KEY_ORDER);
  out.set("tracking_code", s.tracking_code);
  out.set("agency", s.agency_name);
  out.set("received_on", s.received_on);
  out.set("channel", s.channel);
  out.set("description", s.description);
  out.set("state", s.state);
  out.set("state_label", s.state_label);
  out.set("due_on", s.due_on ? Poco::Dynamic::Var(*s.due_on) : Poco::Dynamic::Var());
  Array explanation;
  for (const auto& l : s.explanation) explanation.add(l);
  out.set("explanation", explanation);
  Array events;
  for (const auto& e : s.events) {
    Object o(Poco::JSON_PRESERVE_KEY_ORDER);
    o.set("date", e.date);
    o.set("label", e.label);
    o.set("summary", e.summary);
    events.add(o);
  }
  out.set("events", events);
  send_json(c, 200, out);
}

}  // namespace gongkai::web
