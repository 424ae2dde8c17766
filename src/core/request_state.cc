#include "core/request_state.h"

#include <Poco/Exception.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>

#include <algorithm>
#include <map>
#include <sstream>

#include "core/outcomes.h"

namespace gongkai::core {
namespace {

constexpr int kConsultationDays = 15;  // Art. 32 and 34

struct KindInfo {
  EventKind kind;
  const char* id;
  const char* label;
};
constexpr KindInfo kKinds[] = {
    {EventKind::kReceived, "received", "收到申请"},
    {EventKind::kCorrectionRequested, "correction_requested", "要求补正"},
    {EventKind::kCorrectionReceived, "correction_received", "收到补正"},
    {EventKind::kConsultationSent, "consultation_sent", "征求意见"},
    {EventKind::kConsultationAnswered, "consultation_answered", "收到意见"},
    {EventKind::kExtension, "extension", "延长答复期限"},
    {EventKind::kFeeNotice, "fee_notice", "收费通知"},
    {EventKind::kFeePaid, "fee_paid", "已缴费"},
    {EventKind::kFeeWaived, "fee_waived", "减免费用"},
    {EventKind::kDecided, "decided", "作出答复"},
    {EventKind::kDelivered, "delivered", "送达"},
    {EventKind::kWithdrawn, "withdrawn", "申请人撤回"},
    {EventKind::kTreatedAsWithdrawn, "treated_as_withdrawn", "视为放弃申请"},
};

struct StateInfo {
  RequestState state;
  const char* id;
  const char* label;
};
constexpr StateInfo kStates[] = {
    {RequestState::kNew, "new", "新收到，待办理"},
    {RequestState::kProcessing, "processing", "办理中"},
    {RequestState::kAwaitingCorrection, "awaiting_correction", "待申请人补正"},
    {RequestState::kConsultation, "consultation", "征求意见中（暂停计算期限）"},
    {RequestState::kAwaitingFee, "awaiting_fee", "待缴纳信息处理费（暂停计算期限）"},
    {RequestState::kDecided, "decided", "已答复，待送达"},
    {RequestState::kDelivered, "delivered", "已办结"},
    {RequestState::kWithdrawn, "withdrawn", "申请人已撤回"},
    {RequestState::kTreatedAsWithdrawn, "treated_as_withdrawn", "视为放弃申请"},
};

const char* kFeePauseNote = "等待缴纳信息处理费";
// What compute_deadline says while any pause is open; reworded when the open pause is the fee's.
const std::string kConsultationBlockedLine = "征求意见期间暂停计算，收到意见后确定答复期限";

std::string num(int64_t n) { return std::to_string(n); }

bool blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

std::string consult_kind_id(PauseKind k) {
  return k == PauseKind::kOtherAgency ? "other_agency" : k == PauseKind::kThirdParty ? "third_party" : "other";
}

std::string consult_kind_label(PauseKind k) {
  return k == PauseKind::kOtherAgency ? "征求其他机关意见" : "征求第三方意见";
}

// The fields of one kind that must be present and sensible; empty when fine.
std::string field_problem(const RequestEvent& e) {
  switch (e.kind) {
    case EventKind::kCorrectionRequested:
      if (blank(e.missing)) return "请写明需要补正的内容";
      if (!e.reply_by) return "请填写补正期限";
      if (*e.reply_by <= e.on) return "补正期限应晚于补正通知日期";
      return {};
    case EventKind::kConsultationSent:
      if (e.consult_kind == PauseKind::kOther) return "请选择征求第三方意见或征求其他机关意见";
      if (blank(e.party)) return "请填写被征求意见的第三方或机关名称";
      return {};
    case EventKind::kExtension:
      if (e.days <= 0) return "延长的工作日数应大于0";
      if (blank(e.approved_by)) return "延长答复期限须经政府信息公开工作机构负责人同意，请填写批准人";
      if (!e.applicant_notified) return "延长答复期限应当告知申请人（第三十三条），请在告知后记录";
      return {};
    case EventKind::kFeeNotice:
      if (e.amount <= 0 || e.amount > kMaxFeeYuan) return "收费金额应在1至" + num(kMaxFeeYuan) + "元之间";
      if (!e.reply_by) return "请填写缴费期限";
      if (*e.reply_by <= e.on) return "缴费期限应晚于收费通知日期";
      return {};
    case EventKind::kFeeWaived:
      if (blank(e.reason)) return "请填写减免理由";
      return {};
    case EventKind::kDecided: {
      const Outcome* o = find_outcome(e.outcome);
      if (!o) return "请选择2021年年报格式中的办理结果";
      if (o->code == kOutcomeLateCorrection || o->code == kOutcomeFeeUnpaid) {
        return "逾期不补正或逾期未缴费的，请记录“视为放弃申请”，不作为答复记录";
      }
      if (o->code == kOutcomeWithdrawn && blank(e.reason)) return "“其他处理”须说明具体情况";
      if (!blank(e.other_agency) && o->code != "unable.1") return "只有“本机关不掌握相关政府信息”可以注明负责公开的机关";
      if (!blank(e.published_where) && o->code != "granted") return "只有“予以公开”可以注明已主动公开的位置";
      return {};
    }
    default:
      return {};
  }
}

bool contains(const std::vector<EventKind>& v, EventKind k) { return std::find(v.begin(), v.end(), k) != v.end(); }

// The walk over the events: state plus the deadline input built so far.
struct Walk {
  RequestStatus s;
  DeadlineInput in;
  std::map<int, size_t> pause_of_consultation;  // consultation number → index in in.pauses
  std::optional<size_t> fee_pause;
  std::optional<Date> last;
};

// Applies one event; returns an error message or empty.
std::string apply(Walk& w, const RequestEvent& e) {
  RequestStatus& s = w.s;
  if (!w.last) {
    if (e.kind != EventKind::kReceived) return "申请记录应以“收到申请”开始";
    s.received = e.on;
    s.rule = rule_for_receipt(e.on);
    s.max_extension_days = limits(s.rule).max_extension;
    s.state = RequestState::kNew;
    w.in.received = e.on;
    w.last = e.on;
    return {};
  }
  if (e.on < *w.last) {
    return "“" + std::string(event_kind_label(e.kind)) + "”的日期 " + e.on.iso() + " 早于上一事件的日期 " +
           w.last->iso();
  }
  if (!contains(allowed_next(s), e.kind)) {
    return "“" + std::string(request_state_label(s.state)) + "”状态下不能记录“" + std::string(event_kind_label(e.kind)) + "”";
  }
  if (std::string p = field_problem(e); !p.empty()) return p;
  w.last = e.on;
  switch (e.kind) {
    case EventKind::kReceived:
      return "“收到申请”只能记录一次";
    case EventKind::kCorrectionRequested:
      s.correction_asked = true;
      s.correction_reply_by = e.reply_by;
      w.in.correction = Correction{e.on, e.reply_by, std::nullopt};
      s.state = RequestState::kAwaitingCorrection;
      return {};
    case EventKind::kCorrectionReceived:
      s.correction_received = true;
      s.correction_reply_by.reset();
      w.in.correction->received = e.on;
      s.state = RequestState::kProcessing;
      return {};
    case EventKind::kConsultationSent: {
      int n = ++s.consultations;
      w.pause_of_consultation[n] = w.in.pauses.size();
      w.in.pauses.push_back(Pause{e.consult_kind, e.on, std::nullopt, e.party});
      s.open_consultations.push_back(n);
      s.state = RequestState::kConsultation;
      return {};
    }
    case EventKind::kConsultationAnswered: {
      auto open = std::find(s.open_consultations.begin(), s.open_consultations.end(), e.consultation);
      if (open == s.open_consultations.end()) {
        return "第" + num(e.consultation) + "次征求意见不存在或已收到意见";
      }
      s.open_consultations.erase(open);
      w.in.pauses[w.pause_of_consultation[e.consultation]].end = e.on;
      if (s.open_consultations.empty()) s.state = RequestState::kProcessing;
      return {};
    }
    case EventKind::kExtension:
      if (s.extension_days + e.days > s.max_extension_days) {
        return "延长合计不能超过" + num(s.max_extension_days) + "个工作日（" + rule_name(s.rule) + "），已延长" +
               num(s.extension_days) + "个工作日";
      }
      s.extension_days += e.days;
      w.in.extensions.push_back(Extension{e.days, e.on, e.approved_by});
      if (s.state == RequestState::kNew) s.state = RequestState::kProcessing;
      return {};
    case EventKind::kFeeNotice:
      s.fee_noticed = true;
      s.fee_pay_by = e.reply_by;
      w.fee_pause = w.in.pauses.size();
      w.in.pauses.push_back(Pause{PauseKind::kOther, e.on, std::nullopt, kFeePauseNote});
      s.state = RequestState::kAwaitingFee;
      return {};
    case EventKind::kFeePaid:
    case EventKind::kFeeWaived:
      w.in.pauses[*w.fee_pause].end = e.on;
      s.fee_pay_by.reset();
      s.state = RequestState::kProcessing;
      return {};
    case EventKind::kDecided:
      if (e.outcome == "unable.3" && !s.correction_received) return "“补正后申请内容仍不明确”只适用于已收到补正的申请";
      s.outcome = e.outcome;
      s.decided_on = e.on;
      if (!s.concluded_on) s.concluded_on = e.on;
      s.state = RequestState::kDecided;
      return {};
    case EventKind::kDelivered:
      s.delivered_on = s.closed_on = e.on;
      s.state = RequestState::kDelivered;
      return {};
    case EventKind::kWithdrawn:
      s.outcome = std::string(kOutcomeWithdrawn);
      s.closed_on = e.on;
      if (!s.concluded_on) s.concluded_on = e.on;
      s.state = RequestState::kWithdrawn;
      return {};
    case EventKind::kTreatedAsWithdrawn:
      s.outcome = std::string(s.state == RequestState::kAwaitingFee ? kOutcomeFeeUnpaid : kOutcomeLateCorrection);
      s.closed_on = e.on;
      if (!s.concluded_on) s.concluded_on = e.on;
      s.state = RequestState::kTreatedAsWithdrawn;
      return {};
  }
  return "未知的事件";
}

// Lines about what happened after the deadline was set, and the position on `today`.
void add_closing_lines(const WorkCalendar& cal, const std::vector<RequestEvent>& events, RequestStatus& s,
                       std::optional<Date> today) {
  auto& lines = s.explanation;
  std::optional<Date> correction_by, pay_by;
  for (const auto& e : events) {
    if (e.kind == EventKind::kCorrectionRequested) correction_by = e.reply_by;
    if (e.kind == EventKind::kFeeNotice) {
      pay_by = e.reply_by;
      lines.push_back(e.on.iso() + " 发出收费通知：信息处理费" + num(e.amount) + "元，缴费期限 " + e.reply_by->iso() +
                      "（发出收费通知至缴费期间不计入答复期限）");
    }
    if (e.kind == EventKind::kExtension && !s.original_due) {  // else the deadline's lines name it
      lines.push_back(e.on.iso() + " 延长答复期限" + num(e.days) + "个工作日（" + e.approved_by + " 批准），已告知申请人");
    }
    if (e.kind == EventKind::kDecided) {
      std::string line = e.on.iso() + " 作出答复：" + outcome_display(e.outcome);
      if (s.due && e.on <= *s.due) {
        line += "（在答复期限内）";
      } else if (s.due) {
        s.answered_late = true;
        int late = working_days_between(cal, *s.due, e.on);
        line += "（超过答复期限" + num(late) + "个工作日）";
        s.warnings.push_back("答复日期 " + e.on.iso() + " 晚于答复期限 " + s.due->iso() + "，超过" + num(late) + "个工作日");
      }
      lines.push_back(line);
    }
    if (e.kind == EventKind::kDelivered) {
      lines.push_back(e.on.iso() + " 送达申请人" + (blank(e.delivery) ? "" : "（" + e.delivery + "）") + "，办结");
    }
    if (e.kind == EventKind::kWithdrawn) lines.push_back(e.on.iso() + " 申请人撤回申请，终止办理");
    if (e.kind == EventKind::kTreatedAsWithdrawn) {
      if (s.outcome == kOutcomeFeeUnpaid) {
        lines.push_back(e.on.iso() + " 申请人未在缴费期限 " + pay_by->iso() + " 前缴纳信息处理费，视为放弃申请，不再处理");
      } else {
        lines.push_back(e.on.iso() + " 申请人未在补正期限 " + correction_by->iso() +
                        " 前补正，视为放弃申请（第三十条），不再处理");
      }
    }
  }
  if (!today) return;
  if (s.state == RequestState::kAwaitingCorrection && *today > *s.correction_reply_by) {
    lines.push_back("截至 " + today->iso() + "：补正期限 " + s.correction_reply_by->iso() +
                    " 已过，申请人仍未补正；无正当理由的，可记录“视为放弃申请”");
  }
  if (s.state == RequestState::kAwaitingFee && *today > *s.fee_pay_by) {
    lines.push_back("截至 " + today->iso() + "：缴费期限 " + s.fee_pay_by->iso() +
                    " 已过，申请人仍未缴费；可记录“视为放弃申请”");
  }
}

}  // namespace

const std::vector<EventKind>& all_event_kinds() {
  static const std::vector<EventKind> v = [] {
    std::vector<EventKind> out;
    for (const auto& k : kKinds) out.push_back(k.kind);
    return out;
  }();
  return v;
}

std::string_view event_kind_id(EventKind k) {
  for (const auto& i : kKinds) if (i.kind == k) return i.id;
  return "";
}

std::optional<EventKind> parse_event_kind(std::string_view id) {
  for (const auto& i : kKinds) if (id == i.id) return i.kind;
  return std::nullopt;
}

std::string_view event_kind_label(EventKind k) {
  for (const auto& i : kKinds) if (i.kind == k) return i.label;
  return "";
}

const std::vector<RequestState>& all_request_states() {
  static const std::vector<RequestState> v = [] {
    std::vector<RequestState> out;
    for (const auto& s : kStates) out.push_back(s.state);
    return out;
  }();
  return v;
}

std::string_view request_state_id(RequestState s) {
  for (const auto& i : kStates) if (i.state == s) return i.id;
  return "";
}

std::optional<RequestState> parse_request_state(std::string_view id) {
  for (const auto& i : kStates) if (id == i.id) return i.state;
  return std::nullopt;
}

std::string_view request_state_label(RequestState s) {
  for (const auto& i : kStates) if (i.state == s) return i.label;
  return "";
}

bool is_settled(RequestState s) { return s == RequestState::kDecided || is_closed(s); }

bool is_closed(RequestState s) {
  return s == RequestState::kDelivered || s == RequestState::kWithdrawn || s == RequestState::kTreatedAsWithdrawn;
}

std::string event_detail_json(const RequestEvent& e) {
  Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
  auto text = [&](const char* key, const std::string& v) { if (!v.empty()) o.set(key, v); };
  switch (e.kind) {
    case EventKind::kCorrectionRequested:
      text("missing", e.missing);
      if (e.reply_by) o.set("reply_by", e.reply_by->iso());
      break;
    case EventKind::kConsultationSent:
      o.set("with", consult_kind_id(e.consult_kind));
      text("party", e.party);
      break;
    case EventKind::kConsultationAnswered:
      o.set("consultation", e.consultation);
      text("answer", e.answer);
      break;
    case EventKind::kExtension:
      o.set("days", e.days);
      text("approved_by", e.approved_by);
      o.set("applicant_notified", e.applicant_notified);
      break;
    case EventKind::kFeeNotice:
      o.set("amount", e.amount);
      if (e.reply_by) o.set("pay_by", e.reply_by->iso());
      break;
    case EventKind::kDecided:
      text("outcome", e.outcome);
      text("other_agency", e.other_agency);
      text("published_where", e.published_where);
      text("reason", e.reason);
      break;
    case EventKind::kDelivered:
      text("delivery", e.delivery);
      break;
    case EventKind::kFeeWaived:
    case EventKind::kWithdrawn:
    case EventKind::kTreatedAsWithdrawn:
      text("reason", e.reason);
      break;
    default:
      break;
  }
  std::ostringstream out;
  Poco::JSON::Stringifier::stringify(o, out);
  return out.str();
}

Checked<RequestEvent> event_from_json(EventKind kind, Date on, std::string_view json) {
  using Fail = Checked<RequestEvent>;
  RequestEvent e;
  e.kind = kind;
  e.on = on;
  if (json.empty()) return e;
  try {
    Poco::JSON::Parser parser;
    auto root = parser.parse(std::string(json));
    auto o = root.extract<Poco::JSON::Object::Ptr>();
    if (!o) return Fail::failure("事件详情不是JSON对象");
    auto str = [&](const char* key) { return o->has(key) ? o->getValue<std::string>(key) : std::string(); };
    auto date = [&](const char* key) -> std::optional<Date> {
      if (!o->has(key)) return std::nullopt;
      auto d = Date::parse(o->getValue<std::string>(key));
      if (!d) throw Poco::DataFormatException(std::string("bad date in ") + key);
      return d;
    };
    e.missing = str("missing");
    e.reply_by = kind == EventKind::kFeeNotice ? date("pay_by") : date("reply_by");
    std::string with = str("with");
    e.consult_kind = with == "other_agency" ? PauseKind::kOtherAgency : with == "other" ? PauseKind::kOther
                                                                                        : PauseKind::kThirdParty;
    e.party = str("party");
    if (o->has("consultation")) e.consultation = o->getValue<int>("consultation");
    e.answer = str("answer");
    if (o->has("days")) e.days = o->getValue<int>("days");
    e.approved_by = str("approved_by");
    if (o->has("applicant_notified")) e.applicant_notified = o->getValue<bool>("applicant_notified");
    if (o->has("amount")) e.amount = o->getValue<int64_t>("amount");
    e.outcome = str("outcome");
    e.other_agency = str("other_agency");
    e.published_where = str("published_where");
    e.reason = str("reason");
    e.delivery = str("delivery");
  } catch (const Poco::Exception& ex) {
    return Fail::failure("事件详情无法读取：" + ex.displayText());
  } catch (const std::exception& ex) {
    return Fail::failure(std::string("事件详情无法读取：") + ex.what());
  }
  return e;
}

std::string event_summary(const RequestEvent& e, bool for_public) {
  std::string label(event_kind_label(e.kind));
  switch (e.kind) {
    case EventKind::kReceived:
      return label;
    case EventKind::kCorrectionRequested:
      return label + "：" + e.missing + (e.reply_by ? "；补正期限 " + e.reply_by->iso() : "");
    case EventKind::kCorrectionReceived:
      return "收到补正后的申请，答复期限重新起算";
    case EventKind::kConsultationSent:
      return consult_kind_label(e.consult_kind) + (for_public ? "" : "：" + e.party) + "（暂停计算答复期限）";
    case EventKind::kConsultationAnswered:
      return "第" + num(e.consultation) + "次征求意见结束" + (for_public || blank(e.answer) ? "" : "：" + e.answer) +
             "，恢复计算答复期限";
    case EventKind::kExtension:
      return label + num(e.days) + "个工作日" + (for_public ? "" : "（" + e.approved_by + " 批准）") +
             (e.applicant_notified ? "，已告知申请人" : "");
    case EventKind::kFeeNotice:
      return "发出收费通知：信息处理费" + num(e.amount) + "元" + (e.reply_by ? "，缴费期限 " + e.reply_by->iso() : "");
    case EventKind::kFeePaid:
      return "申请人已缴纳信息处理费";
    case EventKind::kFeeWaived:
      return label + (blank(e.reason) ? "" : "：" + e.reason);
    case EventKind::kDecided: {
      std::string out = label + "：" + outcome_display(e.outcome);
      if (!blank(e.other_agency)) out += "；负责公开该信息的机关：" + e.other_agency;
      if (!blank(e.published_where)) out += "；已主动公开，获取途径：" + e.published_where;
      if (!blank(e.reason)) out += "；" + e.reason;
      return out;
    }
    case EventKind::kDelivered:
      return "已送达申请人" + (blank(e.delivery) ? std::string() : "（" + e.delivery + "）");
    case EventKind::kWithdrawn:
      return label + "申请" + (blank(e.reason) ? "" : "：" + e.reason);
    case EventKind::kTreatedAsWithdrawn:
      return label + (blank(e.reason) ? "" : "：" + e.reason);
  }
  return label;
}

std::vector<EventKind> allowed_next(const RequestStatus& s) {
  using K = EventKind;
  std::vector<K> out;
  bool room = s.extension_days < s.max_extension_days;
  switch (s.state) {
    case RequestState::kNew:
    case RequestState::kProcessing:
      if (s.state == RequestState::kNew) out.push_back(K::kCorrectionRequested);
      out.push_back(K::kConsultationSent);
      if (room) out.push_back(K::kExtension);
      if (!s.fee_noticed) out.push_back(K::kFeeNotice);
      out.push_back(K::kDecided);
      out.push_back(K::kWithdrawn);
      break;
    case RequestState::kAwaitingCorrection:
      out = {K::kCorrectionReceived, K::kTreatedAsWithdrawn, K::kWithdrawn};
      break;
    case RequestState::kConsultation:
      out = {K::kConsultationSent, K::kConsultationAnswered};
      if (room) out.push_back(K::kExtension);
      out.push_back(K::kWithdrawn);
      break;
    case RequestState::kAwaitingFee:
      out = {K::kFeePaid, K::kFeeWaived, K::kTreatedAsWithdrawn, K::kWithdrawn};
      break;
    case RequestState::kDecided:
      out = {K::kDelivered};
      break;
    case RequestState::kDelivered:
    case RequestState::kWithdrawn:
    case RequestState::kTreatedAsWithdrawn:
      break;
  }
  return out;
}

Checked<RequestStatus> derive_status(const WorkCalendar& cal, const std::vector<RequestEvent>& events,
                                     std::optional<Date> today) {
  using Fail = Checked<RequestStatus>;
  if (events.empty()) return Fail::failure("申请没有任何记录");
  Walk w;
  for (size_t i = 0; i < events.size(); ++i) {
    if (std::string err = apply(w, events[i]); !err.empty()) return Fail::failure(err);
  }
  RequestStatus& s = w.s;
  const bool measure = today && !is_settled(s.state) && s.state != RequestState::kAwaitingCorrection;
  if (measure) w.in.today = today;
  auto d = compute_deadline(cal, w.in);
  if (!d) return Fail::failure(d.error());
  // The deadline's own "注意：" lines are written again below, after the lines added here.
  for (const auto& line : d->explanation) {
    if (line.rfind("注意：", 0) == 0) continue;
    if (line == kConsultationBlockedLine && w.fee_pause && !w.in.pauses[*w.fee_pause].end &&
        s.open_consultations.empty()) {
      s.explanation.push_back("等待缴纳信息处理费期间暂停计算，缴费后确定答复期限");
      continue;
    }
    s.explanation.push_back(line);
  }
  s.warnings = d->warnings;
  s.due = d->due;
  s.original_due = d->original_due;
  if (measure && d->due) {
    s.days_left = d->remaining;
    s.overdue = d->overdue;
  }
  for (int n : s.open_consultations) {
    Date reply = add_working_days(cal, w.in.pauses[w.pause_of_consultation[n]].start, kConsultationDays);
    if (!s.consultation_reply_due || reply < *s.consultation_reply_due) s.consultation_reply_due = reply;
  }
  add_closing_lines(cal, events, s, today);
  for (const auto& warning : s.warnings) s.explanation.push_back("注意：" + warning);
  switch (s.state) {
    case RequestState::kNew:
    case RequestState::kProcessing: s.waiting_until = s.due; break;
    case RequestState::kAwaitingCorrection: s.waiting_until = s.correction_reply_by; break;
    case RequestState::kConsultation: s.waiting_until = s.consultation_reply_due; break;
    case RequestState::kAwaitingFee: s.waiting_until = s.fee_pay_by; break;
    default: break;
  }
  return s;
}

std::string check_new_event(const WorkCalendar& cal, const std::vector<RequestEvent>& events,
                            const RequestEvent& next, Date today) {
  if (next.on > today) return "日期不能晚于今天（" + today.iso() + "）";
  if (events.empty()) return next.kind == EventKind::kReceived ? std::string() : "申请记录应以“收到申请”开始";
  auto now = derive_status(cal, events);
  if (!now) return now.error();
  const RequestEvent& last = events.back();
  if (next.on < last.on) {
    return "日期不能早于上一条记录（" + last.on.iso() + " " + std::string(event_kind_label(last.kind)) + "）";
  }
  if (!contains(allowed_next(*now), next.kind)) {
    return "“" + std::string(request_state_label(now->state)) + "”状态下不能记录“" +
           std::string(event_kind_label(next.kind)) + "”";
  }
  if (next.kind == EventKind::kCorrectionRequested) {
    int k = working_days_between(cal, now->received, next.on);
    if (k > kCorrectionWithinWorkdays) {
      return "补正通知应在收到申请之日起7个工作日内一次性发出（第三十条）；" + next.on.iso() + " 已是收到申请后第" +
             num(k) + "个工作日，不能再要求补正";
    }
  }
  if (next.kind == EventKind::kTreatedAsWithdrawn) {
    if (now->state == RequestState::kAwaitingCorrection && next.on <= *now->correction_reply_by) {
      return "补正期限 " + now->correction_reply_by->iso() + " 尚未届满，不能视为放弃申请";
    }
    if (now->state == RequestState::kAwaitingFee && next.on <= *now->fee_pay_by) {
      return "缴费期限 " + now->fee_pay_by->iso() + " 尚未届满，不能视为放弃申请";
    }
  }
  std::vector<RequestEvent> all = events;
  all.push_back(next);
  auto after = derive_status(cal, all);
  return after ? std::string() : after.error();
}

}  // namespace gongkai::core
