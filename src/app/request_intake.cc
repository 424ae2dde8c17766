// Intake: the public form's submission and staff entry of requests received offline, with
// the idempotency keys that make a repeated submission return the first request.
#include <algorithm>
#include <cctype>

#include "app/errors.h"
#include "app/mail_outbox.h"
#include "app/passwords.h"
#include "app/request_internal.h"
#include "app/requests.h"
#include "core/clock.h"
#include "core/deadline.h"
#include "core/outcomes.h"
#include "store/audit_log.h"
#include "store/directory_store.h"

namespace gongkai::app {
namespace {

using namespace request_internal;
using core::EventKind;

bool valid_keys(const RequestKeys& k) {
  auto hex = [](char ch) { return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f'); };
  return k.idempotency_key.size() == 32 && std::all_of(k.idempotency_key.begin(), k.idempotency_key.end(), hex) &&
         valid_code(normalise_code(k.secret), 12);
}


// ----- Creating a request -----

SubmitResult result_of(const store::RequestRow& r, const std::string& agency_name, const std::string& secret,
                       bool repeated) {
  SubmitResult out;
  out.id = r.id;
  out.tracking_code = r.tracking_code;
  out.secret = format_secret(normalise_code(secret));
  out.agency_name = agency_name;
  out.received_on = r.received_on;
  out.due_on = r.derived.due_on;
  out.repeated = repeated;
  return out;
}

// Queues the acknowledgement to the applicant's email address, if one was given, in the
// transaction that stores the request. The status secret is not mailed.
void acknowledge_by_mail(store::Conn& c, const store::AgencyRow& agency, const store::RequestRow& r) {
  if (r.email.empty() || !plausible_address(r.email)) return;
  OutgoingMail m;
  m.agency_id = agency.id;
  m.to = r.email;
  m.subject = agency.name + "：政府信息公开申请已收到（跟踪码 " + r.tracking_code + "）";
  m.body = (r.organisation.empty() ? r.applicant_name : r.organisation) + "：\n\n" + agency.name + "于" +
           r.received_on + "收到您的政府信息公开申请。\n\n跟踪码：" + r.tracking_code + "\n所需信息：" + r.description +
           "\n答复期限：" + r.derived.due_on.value_or("—") + "\n\n" + core::kCountingRule +
           "\n\n凭跟踪码和提交时显示的查询密码，可以在本机关政府信息公开网站的“查询办理进度”页面查询办理情况。"
           "\n本邮件由系统自动发送，请勿直接回复。\n";
  m.purpose = "request.acknowledgement";
  m.dedupe_key = "request-ack:" + std::to_string(r.id);
  enqueue_mail(c, m);
}

// An earlier request made with these keys, or nullopt. The secret must match: a key alone
// never reveals another submission.
std::optional<SubmitResult> earlier(store::Conn& c, const store::AgencyRow& agency, const RequestKeys& keys) {
  auto r = store::find_request_by_idempotency_key(c, agency.id, keys.idempotency_key);
  if (!r) return std::nullopt;
  if (!same_hash(r->secret_hash, secret_hash(keys.secret))) {
    throw AppError(ErrorKind::kConflict, "duplicate_key", "该表单已提交过，请重新打开申请页面填写");
  }
  return result_of(*r, agency.name, keys.secret, true);
}

SubmitResult create_request(store::Database& db, const store::Actor& actor, const std::string& actor_name,
                            std::optional<int64_t> agency_id, const std::string& agency_slug, RequestInput in,
                            const RequestKeys& keys, bool online) {
  if (!valid_keys(keys)) {
    throw AppError(ErrorKind::kInvalid, "bad_form", "表单已失效，请重新打开申请页面填写");
  }
  in = trim_input(std::move(in));
  if (online) {
    in.channel = "online";
    in.received_on = core::Date::today_cst().iso();
    in.receipt_note = "网上申请，提交成功即确认收到";
  }
  std::map<std::string, std::string> errors;
  for (auto part :
       {RequestPart::kApplicant, RequestPart::kInformation, RequestPart::kIdentity, RequestPart::kReceipt}) {
    errors.merge(check_request(in, part));
  }
  auto load_agency = [&](store::Conn& c) {
    auto a = agency_id ? store::find_agency(c, *agency_id) : store::find_agency_by_slug(c, agency_slug);
    if (!a) throw not_found("机关");
    return *a;
  };
  auto run = [&](store::Conn& c) -> SubmitResult {
    store::AgencyRow agency = load_agency(c);
    if (auto e = earlier(c, agency, keys)) return *e;
    if (!errors.empty()) throw ValidationError(errors);
    core::Date received = *core::Date::parse(in.received_on);
    core::RequestEvent ev;
    ev.kind = EventKind::kReceived;
    ev.on = received;
    core::RequestStatus status = derive_or_throw(*calendar(c), {ev}, std::nullopt);
    std::string now = core::now_iso();
    store::RequestRow r;
    r.agency_id = agency.id;
    do {
      r.tracking_code = random_code(kTrackingCodeLength);
    } while (store::tracking_code_taken(c, r.tracking_code));
    r.secret_hash = secret_hash(keys.secret);
    r.idempotency_key = keys.idempotency_key;
    r.channel = in.channel;
    r.received_on = in.received_on;
    r.receipt_note = in.receipt_note;
    r.rule = status.rule == core::DisclosureRule::k2008 ? "2008" : "2019";
    r.applicant_kind = in.applicant_kind;
    r.applicant_name = in.applicant_name;
    r.organisation = in.applicant_kind == "natural_person" ? "" : in.organisation;
    r.phone = in.phone;
    r.email = in.email;
    r.address = in.address;
    r.postcode = in.postcode;
    r.description = in.description;
    r.delivery_form = in.delivery_form;
    r.delivery_method = in.delivery_method;
    r.derived = derived_of(status);
    r.event_count = 1;
    r.created_by = actor.user_id;
    r.created_at = r.updated_at = now;
    r.id = store::insert_request(c, r);
    store::insert_request_identity(c, agency.id, {r.id, in.id_type, in.id_number});
    store::RequestEventRow e;
    e.request_id = r.id;
    e.agency_id = agency.id;
    e.kind = "received";
    e.event_date = received.iso();
    e.detail = core::event_detail_json(ev);
    e.note = online ? "" : in.receipt_note;
    e.actor_id = actor.user_id;
    e.actor_name = actor_name;
    e.created_at = now;
    store::insert_request_event(c, e);
    acknowledge_by_mail(c, agency, r);
    // No personal data in the audit log: the code and the channel say enough.
    store::audit(c, actor, {agency.id, online ? "request.submit" : "request.enter", "request", std::to_string(r.id),
                            r.tracking_code + " " + r.channel + " " + r.received_on});
    return result_of(r, agency.name, keys.secret, false);
  };
  try {
    return db.with_tx(run);
  } catch (const store::DbError& e) {
    // Two submissions with one key at the same moment: the second finds the first's row.
    if (!e.unique_violation()) throw;
    auto c = db.acquire();
    store::AgencyRow agency = load_agency(*c);
    if (auto prior = earlier(*c, agency, keys)) return *prior;
    throw;
  }
}
}  // namespace

// ----- Keys -----

RequestKeys new_request_keys() { return {random_hex(16), format_secret(random_code(12))}; }

RequestKeys request_keys_from_client_key(const std::string& agency_slug, const std::string& client_key) {
  bool ok = client_key.size() >= 16 && client_key.size() <= 64 &&
            std::all_of(client_key.begin(), client_key.end(), [](char ch) {
              return std::isalnum(static_cast<unsigned char>(ch)) || ch == '-' || ch == '_';
            });
  if (!ok) {
    throw AppError(ErrorKind::kInvalid, "bad_idempotency_key",
                   "Idempotency-Key 应为16至64个字母、数字、连字符或下划线，每份申请使用一个新的随机值");
  }
  RequestKeys k;
  k.idempotency_key = sha256_hex("gk-api-idempotency:" + agency_slug + ":" + client_key).substr(0, 32);
  // 12 characters of the code alphabet from the hash stream, dropping bytes >= 248 (as
  // random_code does) so every character is equally likely.
  std::string secret, seed = "gk-api-secret:" + agency_slug + ":" + client_key;
  for (int round = 0; secret.size() < 12; ++round) {
    std::string hex = sha256_hex(seed + ":" + std::to_string(round));
    for (size_t i = 0; i + 1 < hex.size() && secret.size() < 12; i += 2) {
      int byte = std::stoi(hex.substr(i, 2), nullptr, 16);
      if (byte < 248) secret += kCodeAlphabet[static_cast<size_t>(byte) % kCodeAlphabet.size()];
    }
  }
  k.secret = format_secret(secret);
  return k;
}

std::string normalise_code(std::string_view typed) {
  std::string out;
  for (char ch : typed) {
    if (ch == ' ' || ch == '-' || ch == '\t') continue;
    out += static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  }
  return out;
}

std::string format_secret(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (i > 0 && i % 4 == 0) out += '-';
    out += s[i];
  }
  return out;
}

// ----- Intake -----

SubmitResult submit_online(store::Database& db, const std::string& agency_slug, const RequestInput& in,
                           const RequestKeys& keys) {
  return create_request(db, store::Actor{std::nullopt, "public"}, "申请人（网上提交）", std::nullopt, agency_slug, in,
                        keys, true);
}

SubmitResult enter_request(store::Database& db, const Principal& by, int64_t agency_id, const RequestInput& in,
                           const RequestKeys& keys) {
  require_handle(by, agency_id);
  return create_request(db, by.actor(), by.display_name, agency_id, "", in, keys, false);
}
}  // namespace gongkai::app
