#include "app/requests.h"

#include <algorithm>
#include <cctype>

#include "app/errors.h"
#include "app/passwords.h"
#include "core/clock.h"
#include "core/deadline.h"
#include "core/outcomes.h"
#include "store/audit_log.h"
#include "store/directory_store.h"

namespace gongkai::app {
namespace {

using core::EventKind;
using core::RequestState;
using core::Role;

const core::WorkCalendar& calendar() { return core::default_calendar(); }

core::Date today_or(std::optional<core::Date> today) { return today ? *today : core::Date::today_cst(); }

// ----- Who may do what -----

bool can_read(const Principal& p) {
  return p.is_system() || p.has(Role::kRequestClerk) || p.has(Role::kOffice) || p.has(Role::kLeader);
}
bool can_handle(const Principal& p) { return p.is_system() || p.has(Role::kRequestClerk) || p.has(Role::kOffice); }
bool can_see_identity(const Principal& p) { return can_handle(p); }
bool can_extend(const Principal& p) { return p.is_system() || p.has(Role::kOffice); }

void require_read(const Principal& by, int64_t agency_id) {
  if (!by.in_agency(agency_id)) throw not_found("申请");  // never confirm another agency's rows
  if (!can_read(by)) throw forbidden("只有申请受理员、办公室和分管领导可以查看依申请公开");
}

void require_handle(const Principal& by, int64_t agency_id) {
  if (!by.in_agency(agency_id)) throw not_found("申请");
  if (!can_handle(by)) throw forbidden("只有申请受理员和办公室可以办理依申请公开");
}

// ----- Events as stored ↔ as the core sees them -----

std::vector<core::RequestEvent> to_core(const std::vector<store::RequestEventRow>& rows) {
  std::vector<core::RequestEvent> out;
  for (const auto& r : rows) {
    auto kind = core::parse_event_kind(r.kind);
    auto on = core::Date::parse(r.event_date);
    if (!kind || !on) throw std::runtime_error("request event " + std::to_string(r.id) + " is malformed");
    auto e = core::event_from_json(*kind, *on, r.detail);
    if (!e) throw std::runtime_error("request event " + std::to_string(r.id) + ": " + e.error());
    out.push_back(std::move(e).value());
  }
  return out;
}

std::string join_lines(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += (out.empty() ? "" : "\n") + l;
  return out;
}

std::optional<std::string> iso(const std::optional<core::Date>& d) {
  if (!d) return std::nullopt;
  return d->iso();
}

core::RequestStatus derive_or_throw(const core::WorkCalendar& cal, const std::vector<core::RequestEvent>& events,
                                    std::optional<core::Date> today) {
  auto s = core::derive_status(cal, events, today);
  if (!s) throw std::runtime_error("request events do not add up: " + s.error());
  return std::move(s).value();
}

store::RequestDerived derived_of(const core::RequestStatus& s) {
  store::RequestDerived d;
  d.state = std::string(core::request_state_id(s.state));
  d.due_on = iso(s.due);
  d.waiting_until = iso(s.waiting_until);
  d.outcome = s.outcome;
  d.closed_on = iso(s.closed_on);
  d.explanation = join_lines(s.explanation);
  d.warnings = join_lines(s.warnings);
  return d;
}

// ----- Input checks -----

bool is_choice(const std::vector<Choice>& choices, std::string_view id) {
  return std::any_of(choices.begin(), choices.end(), [&](const Choice& c) { return c.id == id; });
}

void check_text(std::map<std::string, std::string>& e, const char* field, const std::string& value, size_t max,
                bool required, const std::string& label) {
  size_t n = utf8_length(value);
  if (required && n == 0) e[field] = "请填写" + label;
  else if (n > max) e[field] = label + "不能超过" + std::to_string(max) + "个字";
}

bool valid_phone(const std::string& p) {
  if (p.size() < 7 || p.size() > 20) return false;
  int digits = 0;
  for (char ch : p) {
    if (std::isdigit(static_cast<unsigned char>(ch))) ++digits;
    else if (ch != '-' && ch != '+' && ch != ' ' && ch != '(' && ch != ')') return false;
  }
  return digits >= 7;
}

bool valid_email(const std::string& m) {
  size_t at = m.find('@');
  if (m.size() > 100 || at == std::string::npos || at == 0 || m.find('@', at + 1) != std::string::npos) return false;
  size_t dot = m.find('.', at);
  if (dot == std::string::npos || dot == at + 1 || dot + 1 >= m.size()) return false;
  return std::none_of(m.begin(), m.end(), [](char ch) {
    return std::isspace(static_cast<unsigned char>(ch)) || ch == '<' || ch == '>';
  });
}

std::string trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return {};
  size_t e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

// Code points of a UTF-8 string.
std::vector<std::string> code_points(std::string_view s) {
  std::vector<std::string> out;
  for (size_t i = 0; i < s.size();) {
    size_t n = 1;
    while (i + n < s.size() && (static_cast<unsigned char>(s[i + n]) & 0xC0) == 0x80) ++n;
    out.emplace_back(s.substr(i, n));
    i += n;
  }
  return out;
}

// ----- Codes -----

// `n` characters of kCodeAlphabet from a uniform random source (bytes 248..255 are dropped so
// that every character is equally likely).
std::string random_code(size_t n) {
  std::string out;
  while (out.size() < n) {
    std::string hex = random_hex(16);
    for (size_t i = 0; i + 1 < hex.size() && out.size() < n; i += 2) {
      int byte = std::stoi(hex.substr(i, 2), nullptr, 16);
      if (byte < 248) out += kCodeAlphabet[static_cast<size_t>(byte) % kCodeAlphabet.size()];
    }
  }
  return out;
}

bool valid_code(std::string_view s, size_t n) {
  return s.size() == n &&
         std::all_of(s.begin(), s.end(), [](char ch) { return kCodeAlphabet.find(ch) != std::string_view::npos; });
}

bool valid_keys(const RequestKeys& k) {
  auto hex = [](char ch) { return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f'); };
  return k.idempotency_key.size() == 32 && std::all_of(k.idempotency_key.begin(), k.idempotency_key.end(), hex) &&
         valid_code(normalise_code(k.secret), 12);
}

// Constant-time comparison of two hashes.
bool same_hash(const std::string& a, const std::string& b) {
  if (a.size() != b.size() || a.empty()) return false;
  unsigned char d = 0;
  for (size_t i = 0; i < a.size(); ++i) d |= static_cast<unsigned char>(a[i] ^ b[i]);
  return d == 0;
}

std::string secret_hash(const std::string& secret) { return sha256_hex("gk-request-secret:" + normalise_code(secret)); }

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
    core::RequestStatus status = derive_or_throw(calendar(), {ev}, std::nullopt);
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

// ----- Events from the form -----

std::optional<core::Date> parse_date(std::map<std::string, std::string>& e, const char* field,
                                     const std::string& value, const char* label, bool required) {
  if (value.empty()) {
    if (required) e[field] = std::string("请填写") + label;
    return std::nullopt;
  }
  auto d = core::Date::parse(value);
  if (!d) e[field] = std::string(label) + "应按 年-月-日 填写，例如 2024-03-05";
  return d;
}

std::optional<int64_t> parse_number(std::map<std::string, std::string>& e, const char* field, const std::string& value,
                                    const char* label, int64_t min, int64_t max) {
  if (value.empty()) {
    e[field] = std::string("请填写") + label;
    return std::nullopt;
  }
  int64_t v = 0;
  bool ok = value.size() <= 12 &&
            std::all_of(value.begin(), value.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
  if (ok) v = std::stoll(value);
  if (!ok || v < min || v > max) {
    e[field] = std::string(label) + "应为" + std::to_string(min) + "至" + std::to_string(max) + "之间的整数";
    return std::nullopt;
  }
  return v;
}

// Builds the core event from the form, with a message per field that is missing or malformed.
core::RequestEvent event_from_input(const EventInput& raw, EventKind kind, const Principal& by) {
  std::map<std::string, std::string> e;
  EventInput in = raw;
  for (std::string* s : {&in.date, &in.note, &in.missing, &in.reply_by, &in.party, &in.consultation, &in.answer,
                         &in.days, &in.approved_by, &in.amount, &in.pay_by, &in.outcome, &in.other_agency,
                         &in.published_where, &in.reason, &in.delivery}) {
    *s = trim(*s);
  }
  core::RequestEvent ev;
  ev.kind = kind;
  if (auto d = parse_date(e, "date", in.date, "日期", true)) ev.on = *d;
  check_text(e, "note", in.note, 1000, false, "内部备注");
  switch (kind) {
    case EventKind::kCorrectionRequested:
      check_text(e, "missing", in.missing, 1000, true, "需要补正的内容");
      ev.missing = in.missing;
      ev.reply_by = parse_date(e, "reply_by", in.reply_by, "补正期限", true);
      break;
    case EventKind::kConsultationSent:
      if (in.consult_with != "third_party" && in.consult_with != "other_agency") {
        e["consult_with"] = "请选择征求第三方意见或征求其他机关意见";
      }
      ev.consult_kind =
          in.consult_with == "other_agency" ? core::PauseKind::kOtherAgency : core::PauseKind::kThirdParty;
      check_text(e, "party", in.party, 200, true, "被征求意见的第三方或机关名称");
      ev.party = in.party;
      break;
    case EventKind::kConsultationAnswered:
      if (auto n = parse_number(e, "consultation", in.consultation, "征求意见的序号", 1, 1000)) {
        ev.consultation = static_cast<int>(*n);
      }
      check_text(e, "answer", in.answer, 500, false, "意见内容");
      ev.answer = in.answer;
      break;
    case EventKind::kExtension:
      if (auto n = parse_number(e, "days", in.days, "延长的工作日数", 1, 20)) ev.days = static_cast<int>(*n);
      ev.approved_by = in.approved_by.empty() ? by.display_name : in.approved_by;
      check_text(e, "approved_by", ev.approved_by, 50, true, "批准人");
      ev.applicant_notified = in.applicant_notified;
      if (!in.applicant_notified) e["applicant_notified"] = "延长答复期限应当告知申请人（第三十三条），请告知后勾选";
      break;
    case EventKind::kFeeNotice:
      if (auto n = parse_number(e, "amount", in.amount, "收费金额（元）", 1, core::kMaxFeeYuan)) ev.amount = *n;
      ev.reply_by = parse_date(e, "pay_by", in.pay_by, "缴费期限", true);
      break;
    case EventKind::kFeeWaived:
      check_text(e, "reason", in.reason, 500, true, "减免理由");
      ev.reason = in.reason;
      break;
    case EventKind::kDecided: {
      const core::Outcome* o = core::find_outcome(in.outcome);
      if (!o) e["outcome"] = "请选择办理结果";
      check_text(e, "other_agency", in.other_agency, 200, false, "负责公开该信息的机关");
      check_text(e, "published_where", in.published_where, 500, false, "已主动公开的获取途径");
      check_text(e, "reason", in.reason, 1000, o && o->code == core::kOutcomeWithdrawn, "说明");
      ev.outcome = in.outcome;
      ev.other_agency = in.other_agency;
      ev.published_where = in.published_where;
      ev.reason = in.reason;
      break;
    }
    case EventKind::kDelivered:
      check_text(e, "delivery", in.delivery, 100, false, "送达方式");
      ev.delivery = in.delivery;
      break;
    case EventKind::kWithdrawn:
    case EventKind::kTreatedAsWithdrawn:
      check_text(e, "reason", in.reason, 500, false, "说明");
      ev.reason = in.reason;
      break;
    default:
      break;
  }
  if (!e.empty()) throw ValidationError(e);
  return ev;
}

// The field a rule refusal from the core belongs to.
std::string field_of_refusal(EventKind kind, const std::string& message) {
  auto has = [&](const char* text) { return message.find(text) != std::string::npos; };
  if (has("状态下不能记录") || message.rfind("日期", 0) == 0) return "date";
  if (kind == EventKind::kExtension && has("延长合计")) return "days";
  if (kind == EventKind::kDecided) {
    if (has("负责公开的机关")) return "other_agency";
    if (has("已主动公开的位置")) return "published_where";
    if (has("须说明")) return "reason";
    return "outcome";
  }
  if (kind == EventKind::kConsultationAnswered && has("征求意见")) return "consultation";
  return "date";
}

// The public's copy of the events: names of third parties and of the approver left out.
std::vector<core::RequestEvent> for_public(std::vector<core::RequestEvent> events) {
  for (auto& e : events) {
    if (e.kind == EventKind::kConsultationSent) e.party = "名称不予显示";
    if (e.kind == EventKind::kConsultationAnswered) e.answer.clear();
    if (e.kind == EventKind::kExtension) e.approved_by = "政府信息公开工作机构负责人";
  }
  return events;
}

std::vector<std::string> work_states(WorkList w) {
  switch (w) {
    case WorkList::kNew: return {"new"};
    case WorkList::kDueSoon:
    case WorkList::kOverdue: return {"new", "processing"};
    case WorkList::kPaused: return {"consultation"};
    case WorkList::kWaiting: return {"awaiting_correction", "awaiting_fee"};
    case WorkList::kOpen: return {"new", "processing", "awaiting_correction", "consultation", "awaiting_fee"};
    case WorkList::kSettled: return {"decided", "delivered", "withdrawn", "treated_as_withdrawn"};
  }
  return {};
}

store::RequestFilter work_filter(WorkList w, int64_t agency_id, core::Date today) {
  store::RequestFilter f;
  f.agency_id = agency_id;
  f.states = work_states(w);
  if (w == WorkList::kDueSoon) {
    f.due_from = today.iso();
    f.due_to = core::add_working_days(calendar(), today, kDueSoonWorkdays).iso();
  }
  if (w == WorkList::kOverdue) f.due_to = today.add_days(-1).iso();
  f.by_waiting_until = w == WorkList::kPaused || w == WorkList::kWaiting || w == WorkList::kOpen;
  f.newest_first = w == WorkList::kSettled || w == WorkList::kNew;
  return f;
}

struct WorkListInfo {
  WorkList list;
  const char* id;
  const char* label;
};
constexpr WorkListInfo kWorkLists[] = {
    {WorkList::kNew, "new", "新收到"},        {WorkList::kDueSoon, "due-soon", "5个工作日内到期"},
    {WorkList::kOverdue, "overdue", "已超期"}, {WorkList::kPaused, "paused", "征求意见中"},
    {WorkList::kWaiting, "waiting", "等待申请人"}, {WorkList::kOpen, "open", "全部在办"},
    {WorkList::kSettled, "settled", "已答复/已办结"},
};

}  // namespace

// ----- Choices -----

const std::vector<Choice>& request_channels() {
  static const std::vector<Choice> v = {
      {"online", "网上申请"}, {"letter", "信函"}, {"in_person", "当面提交"}, {"fax", "传真"}, {"email", "电子邮件"}};
  return v;
}

const std::vector<Choice>& applicant_kinds() {
  static const std::vector<Choice> v = {{"natural_person", "自然人"},        {"commercial", "商业企业"},
                                        {"research", "科研机构"},           {"public_interest", "社会公益组织"},
                                        {"legal_service", "法律服务机构"}, {"other_org", "其他组织"}};
  return v;
}

const std::vector<Choice>& identity_types() {
  static const std::vector<Choice> v = {{"resident_id", "居民身份证"},
                                        {"passport", "护照"},
                                        {"hk_macao", "港澳居民来往内地通行证"},
                                        {"taiwan", "台湾居民来往大陆通行证"},
                                        {"foreign_permanent", "外国人永久居留身份证"},
                                        {"credit_code", "统一社会信用代码"},
                                        {"other", "其他身份证明"}};
  return v;
}

const std::vector<Choice>& delivery_forms() {
  static const std::vector<Choice> v = {{"paper", "纸质"}, {"electronic", "电子文档"}, {"disc", "光盘"}};
  return v;
}

const std::vector<Choice>& delivery_methods() {
  static const std::vector<Choice> v = {{"post", "邮寄"}, {"email", "电子邮件"}, {"pickup", "自行领取"}, {"fax", "传真"}};
  return v;
}

std::string choice_label(const std::vector<Choice>& choices, std::string_view id) {
  for (const auto& c : choices) {
    if (c.id == id) return std::string(c.label);
  }
  return std::string(id);
}

std::string_view receipt_rule(std::string_view channel) {
  if (channel == "letter") {
    return "以邮寄方式提交的，以本机关签收之日为收到申请之日；以平常信函等无需签收的方式提交的，"
           "应于收到当日与申请人确认，以确认之日为收到申请之日（条例第三十一条第（二）项）";
  }
  if (channel == "in_person") return "当面提交的，以提交之日为收到申请之日（条例第三十一条第（一）项）";
  if (channel == "fax" || channel == "email") {
    return "通过互联网渠道或传真提交的，以双方确认之日为收到申请之日（条例第三十一条第（三）项）";
  }
  return "通过本平台网上提交的，以提交成功之日为收到申请之日（条例第三十一条第（三）项）";
}

// ----- Input checks -----

std::map<std::string, std::string> check_request(const RequestInput& in, RequestPart part) {
  std::map<std::string, std::string> e;
  const bool person = in.applicant_kind == "natural_person";
  switch (part) {
    case RequestPart::kApplicant:
      if (!is_choice(applicant_kinds(), in.applicant_kind)) e["applicant_kind"] = "请选择申请人类型";
      check_text(e, "applicant_name", in.applicant_name, 50, true, person ? "姓名" : "联系人姓名");
      if (!person) check_text(e, "organisation", in.organisation, 100, true, "法人或其他组织名称");
      if (in.phone.empty() && in.email.empty() && in.address.empty()) {
        e["phone"] = "请至少填写一种联系方式（电话、电子邮箱或通讯地址）";
      }
      if (!in.phone.empty() && !valid_phone(in.phone)) e["phone"] = "电话号码格式不正确，例如 0574-12345678 或 13800000000";
      if (!in.email.empty() && !valid_email(in.email)) e["email"] = "电子邮箱格式不正确，例如 name@example.com";
      check_text(e, "address", in.address, 200, false, "通讯地址");
      if (!in.postcode.empty() &&
          (in.postcode.size() != 6 ||
           !std::all_of(in.postcode.begin(), in.postcode.end(), [](char ch) { return ch >= '0' && ch <= '9'; }))) {
        e["postcode"] = "邮政编码应为6位数字";
      }
      break;
    case RequestPart::kInformation:
      if (utf8_length(in.description) < 4) {
        e["description"] = in.description.empty() ? "请描述所需的政府信息" : "描述过短，请写明信息的名称、文号或其他特征";
      }
      check_text(e, "description", in.description, 2000, true, "所需信息的描述");
      if (!is_choice(delivery_forms(), in.delivery_form)) e["delivery_form"] = "请选择获取信息的载体形式";
      if (!is_choice(delivery_methods(), in.delivery_method)) {
        e["delivery_method"] = "请选择获取信息的方式";
      } else if (in.delivery_method == "post" && in.address.empty()) {
        e["delivery_method"] = "选择邮寄的，请在申请人信息中填写通讯地址";
      } else if (in.delivery_method == "email" && in.email.empty()) {
        e["delivery_method"] = "选择电子邮件的，请在申请人信息中填写电子邮箱";
      } else if (in.delivery_method == "fax" && in.phone.empty()) {
        e["delivery_method"] = "选择传真的，请在申请人信息中填写传真号码";
      }
      if (in.delivery_method == "email" && in.delivery_form == "paper") {
        e["delivery_form"] = "纸质材料不能通过电子邮件提供，请选择电子文档或其他获取方式";
      }
      break;
    case RequestPart::kIdentity:
      if (!is_choice(identity_types(), in.id_type)) {
        e["id_type"] = "请选择身份证明的类型";
      } else if (person && in.id_type == "credit_code") {
        e["id_type"] = "自然人请选择居民身份证等个人身份证明";
      } else if (!person && in.id_type != "credit_code" && in.id_type != "other") {
        e["id_type"] = "法人或其他组织请选择统一社会信用代码";
      }
      if (in.id_number.empty()) e["id_number"] = "请填写证件号码";
      else if (utf8_length(in.id_number) > 40) e["id_number"] = "证件号码不能超过40个字符";
      else if (in.id_type == "resident_id" && !valid_resident_id(in.id_number)) {
        e["id_number"] = "居民身份证号码不正确：应为18位，最后一位可以是X，请核对";
      } else if (in.id_type == "credit_code" && !valid_credit_code(in.id_number)) {
        e["id_number"] = "统一社会信用代码不正确：应为18位数字或大写字母，请核对";
      }
      break;
    case RequestPart::kReceipt: {
      if (!is_choice(request_channels(), in.channel)) e["channel"] = "请选择申请的提交方式";
      auto d = core::Date::parse(in.received_on);
      if (!d) e["received_on"] = "请按 年-月-日 填写收到申请的日期，例如 2024-03-05";
      else if (*d > core::Date::today_cst()) e["received_on"] = "收到日期不能晚于今天";
      else if (*d < *core::Date::from_ymd(2008, 5, 1)) e["received_on"] = "收到日期不能早于2008-05-01（条例施行之日）";
      check_text(e, "receipt_note", in.receipt_note, 200, false, "收到情况说明");
      break;
    }
  }
  return e;
}

RequestPart part_of_field(const std::string& field) {
  if (field == "description" || field == "delivery_form" || field == "delivery_method") {
    return RequestPart::kInformation;
  }
  if (field == "id_type" || field == "id_number") return RequestPart::kIdentity;
  if (field == "channel" || field == "received_on" || field == "receipt_note") return RequestPart::kReceipt;
  return RequestPart::kApplicant;
}

RequestInput trim_input(RequestInput in) {
  for (std::string* s : {&in.applicant_kind, &in.applicant_name, &in.organisation, &in.phone, &in.email, &in.address,
                         &in.postcode, &in.description, &in.delivery_form, &in.delivery_method, &in.id_type,
                         &in.id_number, &in.channel, &in.received_on, &in.receipt_note}) {
    *s = trim(*s);
  }
  std::string id;
  for (char ch : in.id_number) {
    if (ch != ' ') id += static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  }
  in.id_number = id;
  return in;
}

bool valid_resident_id(std::string_view n) {
  static const int kWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  if (n.size() != 18) return false;
  int sum = 0;
  for (size_t i = 0; i < 17; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(n[i]))) return false;
    sum += (n[i] - '0') * kWeights[i];
  }
  return "10X98765432"[sum % 11] == n[17];
}

bool valid_credit_code(std::string_view n) {
  static const std::string_view kChars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  static const int kWeights[17] = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
  if (n.size() != 18) return false;
  int sum = 0;
  for (size_t i = 0; i < 18; ++i) {
    size_t v = kChars.find(n[i]);
    if (v == std::string_view::npos) return false;
    if (i < 17) sum += static_cast<int>(v) * kWeights[i];
  }
  int check = (31 - sum % 31) % 31;
  return kChars[static_cast<size_t>(check)] == n[17];
}

std::string mask_id_number(std::string_view number) {
  auto cps = code_points(number);
  size_t n = cps.size();
  size_t keep = n >= 12 ? 4 : n >= 8 ? 2 : n >= 4 ? 1 : 0;
  std::string out;
  for (size_t i = 0; i < n; ++i) out += (i < keep || i >= n - keep) ? cps[i] : "*";
  return out;
}

// ----- Keys -----

RequestKeys new_request_keys() { return {random_hex(16), format_secret(random_code(12))}; }

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

// ----- Events -----

void add_request_event(store::Database& db, const Principal& by, int64_t agency_id, int64_t request_id,
                       const EventInput& in, std::optional<core::Date> today_opt) {
  require_handle(by, agency_id);
  auto kind = core::parse_event_kind(in.kind);
  if (!kind || *kind == EventKind::kReceived) throw ValidationError("kind", "请选择要记录的办理事项");
  if (*kind == EventKind::kExtension && !can_extend(by)) {
    throw forbidden("延长答复期限须经政府信息公开工作机构负责人同意，由办公室记录");
  }
  core::RequestEvent ev = event_from_input(in, *kind, by);
  core::Date today = today_or(today_opt);
  db.with_tx([&](store::Conn& c) {
    std::string now = core::now_iso();
    if (!store::lock_request(c, agency_id, request_id, now)) throw not_found("申请");
    auto rows = store::list_request_events(c, agency_id, request_id);
    std::vector<core::RequestEvent> events = to_core(rows);
    core::RequestEvent next = ev;
    if (next.kind == EventKind::kTreatedAsWithdrawn && next.reason.empty()) {
      auto now_status = derive_or_throw(calendar(), events, std::nullopt);
      next.reason = now_status.state == RequestState::kAwaitingFee ? "申请人逾期未缴纳信息处理费" : "申请人逾期未补正";
    }
    std::string refused = core::check_new_event(calendar(), events, next, today);
    if (!refused.empty()) throw ValidationError(field_of_refusal(next.kind, refused), refused);
    events.push_back(next);
    core::RequestStatus status = derive_or_throw(calendar(), events, std::nullopt);
    store::RequestEventRow row;
    row.request_id = request_id;
    row.agency_id = agency_id;
    row.kind = std::string(core::event_kind_id(next.kind));
    row.event_date = next.on.iso();
    row.detail = core::event_detail_json(next);
    row.note = trim(in.note);
    row.actor_id = by.user_id ? std::optional<int64_t>(by.user_id) : std::nullopt;
    row.actor_name = by.display_name;
    row.created_at = now;
    int seq = store::insert_request_event(c, row);
    store::set_request_derived(c, request_id, derived_of(status), seq, now);
    std::string detail = row.kind + " " + row.event_date + " → " + std::string(core::request_state_id(status.state));
    store::audit(c, by.actor(), {agency_id, "request.event", "request", std::to_string(request_id), detail});
  });
}

// ----- Reading -----

RequestView view_request(store::Database& db, const Principal& by, int64_t agency_id, int64_t request_id,
                         std::optional<core::Date> today) {
  require_read(by, agency_id);
  auto c = db.acquire();
  auto r = store::find_request(*c, agency_id, request_id);
  if (!r) throw not_found("申请");
  RequestView v;
  v.request = *r;
  if (can_see_identity(by)) {
    if (auto id = store::find_request_identity(*c, agency_id, request_id)) {
      v.identity_visible = true;
      v.identity_type = choice_label(identity_types(), id->id_type);
      v.identity_masked = mask_id_number(id->id_number);
    }
  }
  auto rows = store::list_request_events(*c, agency_id, request_id);
  auto events = to_core(rows);
  for (size_t i = 0; i < rows.size(); ++i) {
    EventView e;
    e.seq = rows[i].seq;
    e.date = rows[i].event_date;
    e.kind = rows[i].kind;
    e.kind_label = std::string(core::event_kind_label(events[i].kind));
    e.summary = core::event_summary(events[i], false);
    e.note = rows[i].note;
    e.actor = rows[i].actor_name;
    e.recorded_at = core::utc_iso_to_cst(rows[i].created_at);
    v.events.push_back(std::move(e));
  }
  v.status = derive_or_throw(calendar(), events, today_or(today));
  if (can_handle(by)) {
    for (EventKind k : core::allowed_next(v.status)) {
      if (k == EventKind::kExtension && !can_extend(by)) continue;
      v.can_add.push_back(k);
    }
  }
  return v;
}

PublicStatus lookup_status(store::Database& db, const std::string& tracking_code, const std::string& secret,
                           std::optional<core::Date> today) {
  const AppError wrong(ErrorKind::kNotFound, "not_found", "跟踪码或查询密码不正确，请核对后重新输入");
  std::string code = normalise_code(tracking_code);
  if (!valid_code(code, kTrackingCodeLength)) throw wrong;
  auto c = db.acquire();
  auto r = store::find_request_by_code(*c, code);
  // Hash even when the code is unknown, so both failures take the same time.
  std::string given = secret_hash(secret);
  if (!r || !same_hash(r->secret_hash, given)) throw wrong;
  auto agency = store::find_agency(*c, r->agency_id);
  auto events = for_public(to_core(store::list_request_events(*c, r->agency_id, r->id)));
  core::RequestStatus s = derive_or_throw(calendar(), events, today_or(today));
  PublicStatus out;
  out.agency_name = agency ? agency->name : "";
  out.tracking_code = r->tracking_code;
  out.received_on = r->received_on;
  out.channel = choice_label(request_channels(), r->channel);
  out.description = r->description;
  out.state_label = std::string(core::request_state_label(s.state));
  out.due_on = iso(s.due);
  out.explanation = s.explanation;
  for (const auto& e : events) {
    out.events.push_back({e.on.iso(), std::string(core::event_kind_label(e.kind)), core::event_summary(e, true)});
  }
  return out;
}

// ----- Work lists -----

const std::vector<WorkList>& all_work_lists() {
  static const std::vector<WorkList> v = [] {
    std::vector<WorkList> out;
    for (const auto& w : kWorkLists) out.push_back(w.list);
    return out;
  }();
  return v;
}

std::string_view work_list_id(WorkList w) {
  for (const auto& i : kWorkLists) if (i.list == w) return i.id;
  return "";
}

std::optional<WorkList> parse_work_list(std::string_view id) {
  for (const auto& i : kWorkLists) if (i.id == id) return i.list;
  return std::nullopt;
}

std::string_view work_list_label(WorkList w) {
  for (const auto& i : kWorkLists) if (i.list == w) return i.label;
  return "";
}

WorkPage work_list(store::Database& db, const Principal& by, int64_t agency_id, WorkList list, int page,
                   std::optional<core::Date> today_opt) {
  require_read(by, agency_id);
  core::Date today = today_or(today_opt);
  store::RequestFilter f = work_filter(list, agency_id, today);
  f.page = page;
  store::RequestPage rows;
  {
    auto c = db.acquire();
    rows = store::list_requests(*c, f);
  }
  WorkPage out;
  out.total = rows.total;
  for (auto& r : rows.rows) {
    WorkRow w;
    auto state = core::parse_request_state(r.derived.state);
    w.state_label = state ? std::string(core::request_state_label(*state)) : r.derived.state;
    if (state && !core::is_settled(*state) && r.derived.waiting_until) {
      if (auto until = core::Date::parse(*r.derived.waiting_until)) {
        w.days_left = core::working_days_between(calendar(), today, *until);
      }
    }
    w.request = std::move(r);
    out.rows.push_back(std::move(w));
  }
  return out;
}

std::map<WorkList, int64_t> work_list_counts(store::Database& db, const Principal& by, int64_t agency_id,
                                            std::optional<core::Date> today_opt) {
  require_read(by, agency_id);
  core::Date today = today_or(today_opt);
  std::map<WorkList, int64_t> out;
  auto c = db.acquire();
  for (WorkList w : all_work_lists()) {
    store::RequestFilter f = work_filter(w, agency_id, today);
    f.per_page = 1;
    out[w] = store::list_requests(*c, f).total;
  }
  return out;
}

// ----- After a calendar change -----

int recompute_open_requests(store::Database& db, const core::WorkCalendar& cal) {
  std::vector<int64_t> ids;
  {
    auto c = db.acquire();
    ids = store::request_ids_in_states(*c, work_states(WorkList::kOpen));
  }
  int changed = 0;
  for (int64_t id : ids) {
    bool moved = db.with_tx([&](store::Conn& c) {
      auto agency = store::request_agency(c, id);
      if (!agency) return false;
      std::string now = core::now_iso();
      store::lock_request(c, *agency, id, now);
      auto r = store::find_request(c, *agency, id);
      auto rows = store::list_request_events(c, *agency, id);
      store::RequestDerived d = derived_of(derive_or_throw(cal, to_core(rows), std::nullopt));
      const store::RequestDerived& old = r->derived;
      if (d.state == old.state && d.due_on == old.due_on && d.waiting_until == old.waiting_until &&
          d.explanation == old.explanation && d.warnings == old.warnings) {
        return false;
      }
      store::set_request_derived(c, id, d, static_cast<int>(rows.size()), now);
      store::audit(c, store::Actor{std::nullopt, "system"},
                   {*agency, "request.recompute", "request", std::to_string(id),
                    "due " + old.due_on.value_or("-") + " → " + d.due_on.value_or("-")});
      return true;
    });
    changed += moved;
  }
  db.with_tx([&](store::Conn& c) {
    store::audit(c, store::Actor{std::nullopt, "system"},
                 {std::nullopt, "requests.recompute", "request", "",
                  "checked " + std::to_string(ids.size()) + ", changed " + std::to_string(changed)});
  });
  return changed;
}

// ----- Rate limiting -----

void RateLimiter::expire(std::deque<std::chrono::steady_clock::time_point>& q,
                         std::chrono::steady_clock::time_point now) {
  while (!q.empty() && now - q.front() >= window_) q.pop_front();
}

bool RateLimiter::allowed(const std::string& key, std::chrono::steady_clock::time_point now) {
  std::lock_guard g(mu_);
  auto it = seen_.find(key);
  if (it == seen_.end()) return true;
  expire(it->second, now);
  return static_cast<int>(it->second.size()) < max_;
}

void RateLimiter::record(const std::string& key, std::chrono::steady_clock::time_point now) {
  std::lock_guard g(mu_);
  // Forget keys whose window has passed, so that the map does not grow without bound.
  if (seen_.size() > 10000) {
    for (auto it = seen_.begin(); it != seen_.end();) {
      expire(it->second, now);
      it = it->second.empty() ? seen_.erase(it) : std::next(it);
    }
  }
  auto& q = seen_[key];
  expire(q, now);
  q.push_back(now);
}

}  // namespace gongkai::app
