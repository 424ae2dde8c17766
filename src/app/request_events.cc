// Events recorded by staff on a request (corrections, consultations, extensions, fees,
// decisions, delivery, withdrawal), checked against the rules of core/request_state.h.
#include <algorithm>

#include "app/errors.h"
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
using core::RequestState;

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
}  // namespace

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
    auto cal = calendar(c);
    auto rows = store::list_request_events(c, agency_id, request_id);
    std::vector<core::RequestEvent> events = to_core(rows);
    core::RequestEvent next = ev;
    if (next.kind == EventKind::kTreatedAsWithdrawn && next.reason.empty()) {
      auto now_status = derive_or_throw(*cal, events, std::nullopt);
      next.reason = now_status.state == RequestState::kAwaitingFee ? "申请人逾期未缴纳信息处理费" : "申请人逾期未补正";
    }
    std::string refused = core::check_new_event(*cal, events, next, today);
    if (!refused.empty()) throw ValidationError(field_of_refusal(next.kind, refused), refused);
    events.push_back(next);
    core::RequestStatus status = derive_or_throw(*cal, events, std::nullopt);
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
}  // namespace gongkai::app
