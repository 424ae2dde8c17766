// Reading requests: the staff page of one request, the applicant's status lookup and the
// staff work lists.
#include "app/errors.h"
#include "app/passwords.h"
#include "app/request_internal.h"
#include "app/requests.h"
#include "core/clock.h"
#include "core/deadline.h"
#include "core/outcomes.h"
#include "store/audit_log.h"
#include "store/directory_store.h"
#include "store/request_note_store.h"

namespace gongkai::app {
namespace {

using namespace request_internal;
using core::EventKind;

// The public's copy of the events: names of third parties and of the approver left out.
std::vector<core::RequestEvent> for_public(std::vector<core::RequestEvent> events) {
  for (auto& e : events) {
    if (e.kind == EventKind::kConsultationSent) e.party = "名称不予显示";
    if (e.kind == EventKind::kConsultationAnswered) e.answer.clear();
    if (e.kind == EventKind::kExtension) e.approved_by = "政府信息公开工作机构负责人";
  }
  return events;
}

store::RequestFilter work_filter(const core::WorkCalendar& cal, WorkList w, int64_t agency_id, core::Date today) {
  store::RequestFilter f;
  f.agency_id = agency_id;
  f.states = work_states(w);
  if (w == WorkList::kDueSoon) {
    f.due_from = today.iso();
    f.due_to = core::add_working_days(cal, today, kDueSoonWorkdays).iso();
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
  for (const auto& n : store::list_request_notes(*c, agency_id, request_id)) {
    v.notes.push_back({n.kind, n.body, n.actor_name, core::utc_iso_to_cst(n.created_at)});
  }
  v.status = derive_or_throw(*calendar(*c), events, today_or(today));
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
  core::RequestStatus s = derive_or_throw(*calendar(*c), events, today_or(today));
  PublicStatus out;
  out.agency_name = agency ? agency->name : "";
  out.tracking_code = r->tracking_code;
  out.received_on = r->received_on;
  out.channel = choice_label(request_channels(), r->channel);
  out.description = r->description;
  out.state = std::string(core::request_state_id(s.state));
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
  store::RequestPage rows;
  std::shared_ptr<const core::WorkCalendar> cal;
  {
    auto c = db.acquire();
    cal = calendar(*c);
    store::RequestFilter f = work_filter(*cal, list, agency_id, today);
    f.page = page;
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
        w.days_left = core::working_days_between(*cal, today, *until);
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
  auto cal = calendar(*c);
  for (WorkList w : all_work_lists()) {
    store::RequestFilter f = work_filter(*cal, w, agency_id, today);
    f.per_page = 1;
    out[w] = store::list_requests(*c, f).total;
  }
  return out;
}
}  // namespace gongkai::app
