#include "app/supervision.h"

#include <algorithm>

#include "app/errors.h"
#include "app/passwords.h"
#include "core/clock.h"
#include "core/date.h"
#include "store/audit_log.h"
#include "store/request_store.h"

namespace gongkai::app {
namespace {

using core::Role;

bool is_office(const Principal& p) { return p.is_system() || p.has(Role::kOffice); }

void require_office(const Principal& by, int64_t agency_id) {
  if (!by.in_agency(agency_id)) throw not_found("单位");
  if (!is_office(by)) throw forbidden("只有办公室可以办理");
}

void require_reader(const Principal& by, int64_t agency_id) {
  if (!by.in_agency(agency_id)) throw not_found("单位");
  if (!is_office(by) && !by.has(Role::kLeader)) throw forbidden();
}

std::optional<int64_t> actor(const Principal& by) {
  return by.user_id ? std::optional<int64_t>(by.user_id) : std::nullopt;
}

template <size_t N>
bool one_of(const std::string& v, const std::string_view (&set)[N]) {
  return std::find(std::begin(set), std::end(set), v) != std::end(set);
}

std::optional<core::Date> past_date(const std::string& s) {
  auto d = core::Date::parse(s);
  if (!d || d->year() < 2000 || *d > core::Date::today_cst()) return std::nullopt;
  return d;
}

// Checks a complaint; resolves the request code within the agency.
store::ComplaintRow check_complaint(store::Conn& c, int64_t agency_id, const ComplaintInput& in) {
  std::map<std::string, std::string> e;
  if (!one_of(in.kind, kComplaintKinds)) e["kind"] = "请选择投诉或举报";
  if (!one_of(in.channel, kComplaintChannels)) e["channel"] = "请选择收到方式";
  if (utf8_length(in.name) > 50) e["name"] = "姓名或名称不能超过50个字";
  if (utf8_length(in.contact) > 100) e["contact"] = "联系方式不能超过100个字";
  size_t len = utf8_length(in.content);
  if (len == 0) e["content"] = "请填写投诉、举报的内容";
  else if (len > 2000) e["content"] = "内容不能超过2000个字";
  auto received = past_date(in.received_on);
  if (!received) e["received_on"] = "请按 年-月-日 填写收到日期，且不能晚于今天";
  store::ComplaintRow r;
  if (!in.request_code.empty()) {
    auto req = in.request_code.size() > 40 ? std::nullopt : store::find_request_by_code(c, in.request_code);
    if (!req || req->agency_id != agency_id) e["request_code"] = "没有找到这个申请查询码，请核对";
    else r.request_id = req->id;
  }
  if (!e.empty()) throw ValidationError(e);
  r.agency_id = agency_id;
  r.kind = in.kind;
  r.channel = in.channel;
  r.name = in.name;
  r.contact = in.contact;
  r.content = in.content;
  r.received_on = received->iso();
  std::string day = received->iso();
  do {  // 16.7 million codes a day: a repeat is rare, but must not fail the submission
    r.ref_code = "TS" + day.substr(0, 4) + day.substr(5, 2) + day.substr(8, 2) + "-" + random_hex(3);
    for (auto& ch : r.ref_code) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  } while (c.query_int("SELECT COUNT(*) FROM complaints WHERE ref_code = ?", {r.ref_code}) > 0);
  return r;
}

}  // namespace

std::string submit_complaint_online(store::Database& db, int64_t agency_id, ComplaintInput in) {
  in.channel = "网上";
  in.received_on = core::Date::today_cst().iso();
  return db.with_tx([&](store::Conn& c) {
    store::ComplaintRow r = check_complaint(c, agency_id, in);
    int64_t id = store::insert_complaint(c, r, std::nullopt, core::now_iso());
    store::audit(c, {std::nullopt, "public"}, {agency_id, "complaint.receive", "complaint", std::to_string(id), r.kind + " 网上"});
    return r.ref_code;
  });
}

int64_t enter_complaint(store::Database& db, const Principal& by, int64_t agency_id, const ComplaintInput& in) {
  require_office(by, agency_id);
  return db.with_tx([&](store::Conn& c) {
    store::ComplaintRow r = check_complaint(c, agency_id, in);
    int64_t id = store::insert_complaint(c, r, actor(by), core::now_iso());
    store::audit(c, by.actor(), {agency_id, "complaint.receive", "complaint", std::to_string(id), r.kind + " " + r.channel});
    return id;
  });
}

void add_complaint_step(store::Database& db, const Principal& by, int64_t agency_id, int64_t id,
                        const std::string& on_date, const std::string& action, const std::string& note) {
  require_office(by, agency_id);
  std::map<std::string, std::string> e;
  auto d = past_date(on_date);
  if (!d) e["on_date"] = "请按 年-月-日 填写日期，且不能晚于今天";
  if (utf8_length(action) == 0) e["action"] = "请填写办理环节";
  else if (utf8_length(action) > 50) e["action"] = "办理环节不能超过50个字";
  if (utf8_length(note) > 1000) e["note"] = "说明不能超过1000个字";
  db.with_tx([&](store::Conn& c) {
    auto row = store::find_complaint(c, agency_id, id);
    if (!row) throw not_found("投诉举报");
    if (row->status == "closed") throw AppError(ErrorKind::kConflict, "closed", "该投诉举报已办结");
    if (d && *d < *core::Date::parse(row->received_on)) e["on_date"] = "办理日期不能早于收到日期";
    if (!e.empty()) throw ValidationError(e);
    store::insert_complaint_step(c, agency_id, id, {0, d->iso(), action, note}, actor(by), core::now_iso());
    store::audit(c, by.actor(), {agency_id, "complaint.step", "complaint", std::to_string(id), action});
  });
}

void close_complaint(store::Database& db, const Principal& by, int64_t agency_id, int64_t id,
                     const std::string& result, const std::string& on_date) {
  require_office(by, agency_id);
  std::map<std::string, std::string> e;
  auto d = past_date(on_date);
  if (!d) e["closed_on"] = "请按 年-月-日 填写办结日期，且不能晚于今天";
  if (utf8_length(result) == 0) e["result"] = "请填写办理结果";
  else if (utf8_length(result) > 1000) e["result"] = "办理结果不能超过1000个字";
  db.with_tx([&](store::Conn& c) {
    auto row = store::find_complaint(c, agency_id, id);
    if (!row) throw not_found("投诉举报");
    if (row->status == "closed") throw AppError(ErrorKind::kConflict, "closed", "该投诉举报已办结");
    if (d && *d < *core::Date::parse(row->received_on)) e["closed_on"] = "办结日期不能早于收到日期";
    if (!e.empty()) throw ValidationError(e);
    store::close_complaint(c, id, result, d->iso());
    store::insert_complaint_step(c, agency_id, id, {0, d->iso(), "办结", result}, actor(by), core::now_iso());
    store::audit(c, by.actor(), {agency_id, "complaint.close", "complaint", std::to_string(id), result.substr(0, 200)});
  });
}

ComplaintView view_complaint(store::Database& db, const Principal& by, int64_t agency_id, int64_t id) {
  require_reader(by, agency_id);
  auto c = db.acquire();
  auto row = store::find_complaint(*c, agency_id, id);
  if (!row) throw not_found("投诉举报");
  return {*row, store::list_complaint_steps(*c, id)};
}

std::vector<store::ComplaintRow> complaints(store::Database& db, const Principal& by, int64_t agency_id,
                                            const std::string& status) {
  require_reader(by, agency_id);
  if (!status.empty() && status != "open" && status != "closed") throw ValidationError("status", "状态只能是 办理中 或 已办结");
  auto c = db.acquire();
  return store::list_complaints(*c, agency_id, status, 500);
}

std::vector<std::pair<std::string, std::pair<int64_t, int64_t>>> complaint_counts(store::Database& db,
                                                                                  int64_t agency_id, int year) {
  auto c = db.acquire();
  return store::count_complaints(*c, agency_id, year);
}

std::string_view work_record_label(std::string_view kind) {
  if (kind == "training") return "专题培训";
  if (kind == "meeting") return "工作会议";
  if (kind == "rule") return "制度";
  return "";
}

int64_t add_work_record(store::Database& db, const Principal& by, int64_t agency_id, const WorkRecordInput& in) {
  require_office(by, agency_id);
  std::map<std::string, std::string> e;
  if (work_record_label(in.kind).empty()) e["kind"] = "请选择记录类型";
  auto d = past_date(in.on_date);
  if (!d) e["on_date"] = "请按 年-月-日 填写日期，且不能晚于今天";
  size_t tl = utf8_length(in.title);
  if (tl == 0) e["title"] = in.kind == "rule" ? "请填写制度名称" : "请填写主题";
  else if (tl > 100) e["title"] = "主题或名称不能超过100个字";
  int participants = 0;
  if (!in.participants.empty()) {
    if (in.participants.size() > 5 || in.participants.find_first_not_of("0123456789") != std::string::npos) {
      e["participants"] = "参加人数应为0至99999之间的整数";
    } else {
      participants = std::stoi(in.participants);
    }
  }
  if (utf8_length(in.detail) > 20000) e["detail"] = "内容不能超过20000个字";
  if (!e.empty()) throw ValidationError(e);
  return db.with_tx([&](store::Conn& c) {
    int64_t id = store::insert_work_record(c, agency_id, {0, in.kind, d->iso(), in.title, participants, in.detail},
                                           actor(by), core::now_iso());
    store::audit(c, by.actor(), {agency_id, "work_record.add", "work_record", std::to_string(id), in.kind + " " + in.title});
    return id;
  });
}

void remove_work_record(store::Database& db, const Principal& by, int64_t agency_id, int64_t id) {
  require_office(by, agency_id);
  db.with_tx([&](store::Conn& c) {
    auto r = store::find_work_record(c, agency_id, id);
    if (!r) throw not_found("工作记录");
    store::delete_work_record(c, agency_id, id);
    store::audit(c, by.actor(), {agency_id, "work_record.remove", "work_record", std::to_string(id), r->kind + " " + r->title});
  });
}

std::vector<store::WorkRecordRow> work_records(store::Database& db, const Principal& by, int64_t agency_id, int year) {
  require_reader(by, agency_id);
  if (year < 2000 || year > 2100) throw ValidationError("year", "年份不正确");
  auto c = db.acquire();
  return store::list_work_records(*c, agency_id, year);
}

void add_group_member(store::Database& db, const Principal& by, int64_t agency_id, const GroupMemberInput& in) {
  require_office(by, agency_id);
  std::map<std::string, std::string> e;
  if (in.duty != "组长" && in.duty != "副组长" && in.duty != "成员" && in.duty != "联络员") e["duty"] = "请选择职务";
  if (utf8_length(in.name) == 0) e["member_name"] = "请填写姓名";
  else if (utf8_length(in.name) > 30) e["member_name"] = "姓名不能超过30个字";
  if (utf8_length(in.position) > 50) e["position"] = "职务或单位不能超过50个字";
  int sort = 0;
  if (!in.sort.empty()) {
    if (in.sort.size() > 4 || in.sort.find_first_not_of("0123456789") != std::string::npos) e["sort"] = "排序应为0至9999的整数";
    else sort = std::stoi(in.sort);
  }
  if (!e.empty()) throw ValidationError(e);
  db.with_tx([&](store::Conn& c) {
    int64_t id = store::insert_group_member(c, agency_id, {0, in.duty, in.name, in.position, sort}, core::now_iso());
    store::audit(c, by.actor(), {agency_id, "group.add", "group_member", std::to_string(id), in.duty + " " + in.name});
  });
}

void remove_group_member(store::Database& db, const Principal& by, int64_t agency_id, int64_t id) {
  require_office(by, agency_id);
  db.with_tx([&](store::Conn& c) {
    auto m = store::find_group_member(c, agency_id, id);
    if (!m) throw not_found("领导小组成员");
    store::delete_group_member(c, agency_id, id);
    store::audit(c, by.actor(), {agency_id, "group.remove", "group_member", std::to_string(id), m->duty + " " + m->name});
  });
}

std::vector<store::GroupMemberRow> group_members(store::Database& db, const Principal& by, int64_t agency_id) {
  require_reader(by, agency_id);
  auto c = db.acquire();
  return store::list_group_members(*c, agency_id);
}

std::vector<std::string> overview_sentences(store::Database& db, int64_t agency_id, int year) {
  auto c = db.acquire();
  std::vector<std::string> out;
  auto members = store::list_group_members(*c, agency_id);
  std::string leader, liaisons;
  int others = 0;
  for (const auto& m : members) {
    if (m.duty == "组长" && leader.empty()) leader = (m.position.empty() ? "" : m.position) + m.name;
    else if (m.duty == "联络员") liaisons += (liaisons.empty() ? "" : "、") + m.name;
    else ++others;
  }
  if (!leader.empty()) {
    std::string s = "成立了以" + leader + "为组长的政府信息公开工作领导小组";
    if (others > 0) s += "，成员" + std::to_string(others) + "人";
    if (!liaisons.empty()) s += "，" + liaisons + "为联络员";
    out.push_back(s + "。");
  }
  int trainings = 0, people = 0, meetings = 0;
  std::vector<std::string> rules;
  for (const auto& r : store::list_work_records(*c, agency_id, year)) {
    if (r.kind == "training") ++trainings, people += r.participants;
    else if (r.kind == "meeting") ++meetings;
    else if (r.kind == "rule") rules.push_back(r.title);
  }
  if (trainings > 0) {
    out.push_back("全年组织专题培训" + std::to_string(trainings) + "次" +
                  (people > 0 ? "，参训" + std::to_string(people) + "人次" : std::string()) + "。");
  }
  if (meetings > 0) out.push_back("召开政府信息公开工作会议" + std::to_string(meetings) + "次。");
  if (!rules.empty()) {
    std::string names;
    for (size_t i = 0; i < rules.size() && i < 3; ++i) names += "《" + rules[i] + "》";
    out.push_back("制定（修订）" + names + (rules.size() > 3 ? "等" : "") + "制度" + std::to_string(rules.size()) + "项。");
  }
  int64_t total = 0;
  for (const auto& [kind, n] : store::count_complaints(*c, agency_id, year)) total += n.first;
  out.push_back(total == 0 ? "全年未收到涉及政府信息公开工作的投诉、举报。"
                           : "全年收到涉及政府信息公开工作的投诉、举报" + std::to_string(total) + "件。");
  return out;
}

}  // namespace gongkai::app
