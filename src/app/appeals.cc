#include "app/appeals.h"

#include <map>

#include "app/errors.h"
#include "core/clock.h"
#include "store/audit_log.h"
#include "store/request_store.h"

namespace gongkai::app {

const std::vector<AppealChoice>& appeal_kinds() {
  static const std::vector<AppealChoice> k = {{"reconsideration", "行政复议"},
                                              {"litigation_direct", "行政诉讼（未经复议直接起诉）"},
                                              {"litigation_after_reconsideration", "行政诉讼（复议后起诉）"}};
  return k;
}

const std::vector<AppealChoice>& appeal_results() {
  static const std::vector<AppealChoice> k = {
      {"pending", "尚未审结"}, {"upheld", "结果维持"}, {"corrected", "结果纠正"}, {"other", "其他结果"}};
  return k;
}

namespace {

std::string label_of(const std::vector<AppealChoice>& list, std::string_view id) {
  for (const auto& c : list) {
    if (c.id == id) return std::string(c.label);
  }
  return std::string(id);
}

bool in_list(const std::vector<AppealChoice>& list, std::string_view id) {
  for (const auto& c : list) {
    if (c.id == id) return true;
  }
  return false;
}

std::string trim(std::string s) {
  auto is_space = [](char ch) { return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n'; };
  while (!s.empty() && is_space(s.back())) s.pop_back();
  size_t i = 0;
  while (i < s.size() && is_space(s[i])) ++i;
  return s.substr(i);
}

void check_edit(const Principal& by, int64_t agency_id) {
  if (!by.in_agency(agency_id)) throw not_found("单位");
  if (!can_edit_appeals(by)) throw forbidden("只有办公室和申请受理员可以登记行政复议、行政诉讼");
}

void check_read(const Principal& by, int64_t agency_id) {
  if (!by.in_agency(agency_id)) throw not_found("单位");
  if (!can_read_appeals(by)) throw forbidden();
}

// The id of a kind or result given by its id, its label or a short form ("维持").
std::string normalise_choice(const std::vector<AppealChoice>& list, const std::string& text) {
  static const std::map<std::string, std::string> kShort = {
      {"直接起诉", "litigation_direct"},  {"未经复议直接起诉", "litigation_direct"},
      {"复议后起诉", "litigation_after_reconsideration"}, {"维持", "upheld"}, {"纠正", "corrected"},
      {"其他", "other"}};
  for (const auto& c : list) {
    if (c.id == text || c.label == text) return std::string(c.id);
  }
  auto it = kShort.find(text);
  if (it != kShort.end() && in_list(list, it->second)) return it->second;
  return text;
}

// Validates `in` into `row` (agency and ids set by the caller).
void fill(store::Conn& c, int64_t agency_id, const AppealInput& raw, core::Date today, store::AppealRow& row) {
  std::map<std::string, std::string> errors = check_appeal_fields(raw, today, row);
  std::string request_code = trim(raw.request_code);
  row.request_id.reset();
  if (!request_code.empty()) {
    std::string code;
    for (char ch : request_code) {
      if (ch == '-' || ch == ' ') continue;
      code += static_cast<char>(ch >= 'a' && ch <= 'z' ? ch - 'a' + 'A' : ch);
    }
    auto req = store::find_request_by_code(c, code);
    if (!req || req->agency_id != agency_id) {
      errors["request_code"] = "本单位没有这个申请编号";
    } else if (!errors.count("filed_on") && req->received_on > row.filed_on) {
      errors["request_code"] = "复议或诉讼不能早于申请的收到日期（" + req->received_on + "）";
    } else {
      row.request_id = req->id;
    }
  }
  if (!errors.empty()) throw ValidationError(errors);
}

}  // namespace

std::map<std::string, std::string> check_appeal_fields(const AppealInput& raw, core::Date today,
                                                       store::AppealRow& row) {
  std::map<std::string, std::string> errors;
  AppealInput in = raw;
  in.kind = normalise_choice(appeal_kinds(), trim(in.kind));
  in.filed_on = trim(in.filed_on);
  in.case_ref = trim(in.case_ref);
  in.result = normalise_choice(appeal_results(), trim(in.result));
  in.decided_on = trim(in.decided_on);
  in.remarks = trim(in.remarks);
  if (!in_list(appeal_kinds(), in.kind)) errors["kind"] = "请选择类别：行政复议或行政诉讼";
  if (in.result.empty()) in.result = "pending";
  if (!in_list(appeal_results(), in.result)) errors["result"] = "请选择结果";
  auto filed = core::Date::parse(in.filed_on);
  if (!filed) errors["filed_on"] = "请填写申请或起诉日期，格式如2024-03-15";
  else if (*filed > today) errors["filed_on"] = "日期不能晚于今天";
  std::optional<core::Date> decided;
  if (!in.decided_on.empty()) {
    decided = core::Date::parse(in.decided_on);
    if (!decided) errors["decided_on"] = "审结日期格式如2024-06-30";
    else if (*decided > today) errors["decided_on"] = "审结日期不能晚于今天";
    else if (filed && *decided < *filed) errors["decided_on"] = "审结日期不能早于申请或起诉日期";
  }
  if (in.result != "pending" && in.decided_on.empty() && !errors.count("result")) {
    errors["decided_on"] = "已有结果的案件请填写审结日期";
  }
  if (in.result == "pending" && !in.decided_on.empty() && !errors.count("decided_on")) {
    errors["decided_on"] = "尚未审结的案件不填审结日期";
  }
  if (utf8_length(in.case_ref) > kMaxCaseRef) errors["case_ref"] = "案号不能超过100个字";
  if (utf8_length(in.remarks) > kMaxAppealRemarks) errors["remarks"] = "备注不能超过2000个字";
  if (!errors.empty()) return errors;
  row.kind = in.kind;
  row.filed_on = filed->iso();
  row.case_ref = in.case_ref;
  row.result = in.result;
  row.decided_on = decided ? std::optional<std::string>(decided->iso()) : std::nullopt;
  row.remarks = in.remarks;
  return errors;
}

int64_t record_appeal(store::Conn& c, const Principal& by, store::AppealRow row) {
  row.created_by = by.is_system() || by.user_id == 0 ? std::nullopt : std::optional<int64_t>(by.user_id);
  if (row.created_at.empty()) row.created_at = row.updated_at = core::now_iso();
  int64_t id = store::insert_appeal(c, row);
  store::audit(c, by.actor(), {row.agency_id, "appeal.create", "appeal", std::to_string(id),
                               row.kind + " " + row.filed_on + " " + row.result});
  return id;
}

bool can_edit_appeals(const Principal& by) {
  return by.is_system() || by.has(core::Role::kOffice) || by.has(core::Role::kRequestClerk);
}

bool can_read_appeals(const Principal& by) {
  return can_edit_appeals(by) || by.has(core::Role::kLeader) || by.has(core::Role::kAdmin);
}

std::string appeal_kind_label(std::string_view id) { return label_of(appeal_kinds(), id); }
std::string appeal_result_label(std::string_view id) { return label_of(appeal_results(), id); }

int64_t create_appeal(store::Database& db, const Principal& by, int64_t agency_id, const AppealInput& in,
                      std::optional<core::Date> today) {
  check_edit(by, agency_id);
  core::Date day = today.value_or(core::Date::today_cst());
  return db.with_tx([&](store::Conn& c) {
    store::AppealRow row;
    row.agency_id = agency_id;
    fill(c, agency_id, in, day, row);
    return record_appeal(c, by, row);
  });
}

void update_appeal(store::Database& db, const Principal& by, int64_t agency_id, int64_t id, const AppealInput& in,
                   std::optional<core::Date> today) {
  check_edit(by, agency_id);
  core::Date day = today.value_or(core::Date::today_cst());
  db.with_tx([&](store::Conn& c) {
    auto row = store::find_appeal(c, agency_id, id);
    if (!row) throw not_found("复议诉讼记录");
    fill(c, agency_id, in, day, *row);
    row->updated_at = core::now_iso();
    store::update_appeal(c, *row);
    store::audit(c, by.actor(), {agency_id, "appeal.update", "appeal", std::to_string(id),
                                 row->kind + " " + row->filed_on + " " + row->result});
  });
}

store::AppealRow get_appeal(store::Database& db, const Principal& by, int64_t agency_id, int64_t id) {
  check_read(by, agency_id);
  auto c = db.acquire();
  auto row = store::find_appeal(*c, agency_id, id);
  if (!row) throw not_found("复议诉讼记录");
  return *row;
}

std::vector<store::AppealRow> list_appeals(store::Database& db, const Principal& by, int64_t agency_id) {
  check_read(by, agency_id);
  auto c = db.acquire();
  return store::list_appeals(*c, agency_id);
}

std::vector<store::AppealRow> request_appeals(store::Database& db, const Principal& by, int64_t agency_id,
                                              int64_t request_id) {
  check_read(by, agency_id);
  auto c = db.acquire();
  return store::list_request_appeals(*c, agency_id, request_id);
}

}  // namespace gongkai::app
