#include "app/request_transfer.h"

#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "app/appeals.h"
#include "app/csv.h"
#include "app/errors.h"
#include "app/item_export.h"
#include "app/passwords.h"
#include "app/request_file_format.h"
#include "app/request_internal.h"
#include "app/requests.h"
#include "core/clock.h"
#include "store/appeal_store.h"
#include "store/audit_log.h"
#include "store/request_store.h"

namespace gongkai::app {
namespace {

using namespace request_internal;
using core::EventKind;
using Poco::JSON::Array;
using Poco::JSON::Object;

constexpr size_t kColumns = kRequestColumns.size();
constexpr size_t kMaxAppealsPerRequest = 20;
using Fields = std::map<std::string, std::string>;

int column_of(std::string_view name) {
  for (size_t i = 0; i < kColumns; ++i) {
    if (kRequestColumns[i] == name) return static_cast<int>(i);
  }
  return -1;
}

AppError file_error(const std::string& m) { return AppError(ErrorKind::kInvalid, "bad_file", m); }

bool may_transfer(const Principal& by, int64_t agency_id) {
  return by.is_system() || (by.in_agency(agency_id) && by.has(core::Role::kOffice));
}

// One row read from the file: its line and its fields by column name (present columns only).
struct RawRow {
  int64_t line = 0;
  Fields fields;
  std::string error;
};

std::vector<RawRow> read_rows(const std::string& path, ItemFileFormat format) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw file_error("无法打开文件 " + path);
  std::vector<RawRow> rows;
  if (format == ItemFileFormat::kCsv) {
    CsvReader reader(in);
    std::vector<std::string> header, fields;
    auto res = reader.next(header);
    if (res == CsvReader::Result::kEnd) throw file_error("文件是空的：CSV 文件第一行须为表头");
    if (res == CsvReader::Result::kError) throw file_error("表头格式有误：" + reader.error());
    std::set<std::string> seen;
    for (size_t i = 0; i < header.size(); ++i) {
      std::string name = trim(header[i]);
      if (column_of(name) < 0) throw file_error("表头第" + std::to_string(i + 1) + "列“" + name + "”不是可导入的列");
      if (!seen.insert(name).second) throw file_error("表头中“" + name + "”出现了两次");
      header[i] = name;
    }
    for (const char* need : {"received_on", "applicant_kind", "applicant_name", "description"}) {
      if (!seen.count(need)) throw file_error(std::string("表头缺少必需的列：") + need);
    }
    while ((res = reader.next(fields)) != CsvReader::Result::kEnd) {
      RawRow r;
      r.line = reader.record_line();
      if (res == CsvReader::Result::kError) {
        r.error = "CSV格式有误：" + reader.error();
      } else if (fields.size() != header.size()) {
        r.error = "本行有" + std::to_string(fields.size()) + "列，表头有" + std::to_string(header.size()) + "列";
      } else {
        for (size_t i = 0; i < header.size(); ++i) r.fields[header[i]] = fields[i];
      }
      rows.push_back(std::move(r));
    }
    return rows;
  }
  std::string line;
  int64_t n = 0;
  Poco::JSON::Parser parser;
  while (std::getline(in, line)) {
    ++n;
    if (n == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    RawRow r;
    r.line = n;
    try {
      parser.reset();
      auto v = parser.parse(line);
      if (v.type() != typeid(Object::Ptr)) throw file_error("本行不是JSON对象");
      for (const auto& [k, val] : *v.extract<Object::Ptr>()) {
        if (column_of(k) < 0) throw file_error("未知的键“" + k.substr(0, 50) + "”");
        if (val.isEmpty()) continue;
        if ((k == "events" || k == "appeals") && !val.isString()) {
          // The events and appeals may be given as the arrays themselves.
          std::ostringstream s;
          Poco::JSON::Stringifier::stringify(val, s);
          r.fields[k] = s.str();
        } else if (!val.isString()) {
          throw file_error("键“" + k + "”的值应为字符串或null");
        } else {
          r.fields[k] = val.toString();
        }
      }
    } catch (const AppError& e) {
      r.error = e.what();
    } catch (const Poco::Exception&) {
      r.error = "本行不是有效的JSON";
    }
    rows.push_back(std::move(r));
  }
  return rows;
}

std::string get(const Fields& f, const char* name) {
  auto it = f.find(name);
  return it == f.end() ? "" : it->second;
}

// The history of a row: its events column, or receipt plus an optional decision.
std::vector<std::pair<core::RequestEvent, std::string>> history(const Fields& f, core::Date received,
                                                                std::vector<std::string>& problems) {
  std::vector<std::pair<core::RequestEvent, std::string>> out;  // event, note
  std::string events = trim(get(f, "events"));
  if (events.empty()) {
    core::RequestEvent r;
    r.kind = EventKind::kReceived;
    r.on = received;
    out.emplace_back(r, "");
    std::string outcome = trim(get(f, "outcome")), decided_on = trim(get(f, "decided_on"));
    if (outcome.empty() != decided_on.empty()) {
      problems.push_back("outcome 与 decided_on 须同时填写或同时为空");
    } else if (!outcome.empty()) {
      core::RequestEvent d;
      d.kind = EventKind::kDecided;
      auto on = core::Date::parse(decided_on);
      if (!on) problems.push_back("decided_on 应为 YYYY-MM-DD");
      else d.on = *on;
      d.outcome = outcome;
      out.emplace_back(d, "");
    }
    return out;
  }
  Poco::Dynamic::Var parsed;
  try {
    parsed = Poco::JSON::Parser().parse(events);
  } catch (const Poco::Exception&) {
    problems.push_back("events 不是有效的JSON数组");
    return out;
  }
  if (parsed.type() != typeid(Array::Ptr)) {
    problems.push_back("events 应为JSON数组");
    return out;
  }
  auto arr = parsed.extract<Array::Ptr>();
  if (arr->size() > 200) problems.push_back("events 最多200个事项");
  for (size_t i = 0; i < arr->size() && i < 200; ++i) {
    std::string where = "events 第" + std::to_string(i + 1) + "项";
    auto o = arr->getObject(static_cast<unsigned>(i));
    if (!o) {
      problems.push_back(where + "应为JSON对象");
      continue;
    }
    auto kind = core::parse_event_kind(o->optValue<std::string>("kind", ""));
    auto on = core::Date::parse(o->optValue<std::string>("date", ""));
    if (!kind) problems.push_back(where + "的 kind 无效");
    if (!on) problems.push_back(where + "的 date 应为 YYYY-MM-DD");
    if (!kind || !on) continue;
    std::string note = o->optValue<std::string>("note", "");
    if (utf8_length(note) > 1000) problems.push_back(where + "的 note 超过1000字");
    Object detail;
    for (const auto& [k, v] : *o) {
      if (k != "kind" && k != "date" && k != "note") detail.set(k, v);
    }
    std::ostringstream s;
    detail.stringify(s);
    auto e = core::event_from_json(*kind, *on, s.str());
    if (!e) {
      problems.push_back(where + "：" + e.error());
      continue;
    }
    out.emplace_back(std::move(e).value(), note);
  }
  return out;
}

std::string choices_text(const std::vector<AppealChoice>& list) {
  std::string out;
  for (const auto& c : list) out += (out.empty() ? "" : "、") + std::string(c.id) + "（" + std::string(c.label) + "）";
  return out;
}

// The appeals column of a row: checked as the back office checks an appeal, and against the
// request's history (an appeal contests a decision: there must be one, filed before it).
std::vector<store::AppealRow> appeals_of(const Fields& f, const core::RequestStatus& status, core::Date today,
                                         std::vector<std::string>& problems) {
  std::vector<store::AppealRow> out;
  std::string text = trim(get(f, "appeals"));
  if (text.empty()) return out;
  Poco::Dynamic::Var parsed;
  try {
    parsed = Poco::JSON::Parser().parse(text);
  } catch (const Poco::Exception&) {
    problems.push_back("appeals 不是有效的JSON数组");
    return out;
  }
  if (parsed.type() != typeid(Array::Ptr)) {
    problems.push_back("appeals 应为JSON数组");
    return out;
  }
  auto arr = parsed.extract<Array::Ptr>();
  if (arr->size() > kMaxAppealsPerRequest) {
    problems.push_back("appeals 最多" + std::to_string(kMaxAppealsPerRequest) + "项");
    return out;
  }
  std::optional<core::Date> decided = status.decided_on ? status.decided_on : status.closed_on;
  for (size_t i = 0; i < arr->size(); ++i) {
    std::string where = "appeals 第" + std::to_string(i + 1) + "项";
    auto o = arr->getObject(static_cast<unsigned>(i));
    if (!o) {
      problems.push_back(where + "应为JSON对象");
      continue;
    }
    AppealInput in;
    std::map<std::string, std::string AppealInput::*> keys = {
        {"kind", &AppealInput::kind},         {"filed_on", &AppealInput::filed_on},
        {"case_ref", &AppealInput::case_ref}, {"result", &AppealInput::result},
        {"decided_on", &AppealInput::decided_on}, {"remarks", &AppealInput::remarks}};
    bool shape_ok = true;
    for (const auto& [k, v] : *o) {
      auto key = keys.find(k);
      if (key == keys.end()) {
        problems.push_back(where + "有未知的键“" + k.substr(0, 50) + "”");
        shape_ok = false;
      } else if (!v.isEmpty() && !v.isString()) {
        problems.push_back(where + "的 " + k + " 应为字符串");
        shape_ok = false;
      } else if (!v.isEmpty()) {
        in.*(key->second) = v.toString();
      }
    }
    if (!shape_ok) continue;
    store::AppealRow row;
    auto errors = check_appeal_fields(in, today, row);
    if (errors.count("kind")) {
      errors["kind"] = "“" + trim(in.kind).substr(0, 50) + "”无效，应为" + choices_text(appeal_kinds());
    }
    if (errors.count("result")) {
      errors["result"] = "“" + trim(in.result).substr(0, 50) + "”无效，应为" + choices_text(appeal_results());
    }
    for (const auto& [field, message] : errors) problems.push_back(where + "的 " + field + "：" + message);
    if (!errors.empty()) continue;
    if (!status.outcome || !decided) {
      problems.push_back(where + "：该申请尚无答复（办理结果），不能登记行政复议或行政诉讼");
      continue;
    }
    if (row.filed_on < decided->iso()) {
      problems.push_back(where + "的 filed_on：申请复议或起诉日期不能早于答复日期（" + decided->iso() + "）");
      continue;
    }
    out.push_back(std::move(row));
  }
  return out;
}

// A checked row, ready to write.
struct Ready {
  int64_t line = 0;
  RequestInput in;
  std::string tracking_code;  // empty: make one
  std::vector<std::pair<core::RequestEvent, std::string>> events;
  core::RequestStatus status;
  std::vector<store::AppealRow> appeals;
};

// Checks one row; fills `ready` or returns the reasons, joined.
std::string check_row(const RawRow& raw, const core::WorkCalendar& cal, core::Date today, Ready& ready) {
  if (!raw.error.empty()) return raw.error;
  const Fields& f = raw.fields;
  RequestInput in;
  for (const auto& [name, member] : request_input_fields()) {
    in.*member = get(f, name);
  }
  in = trim_input(std::move(in));
  if (in.channel.empty()) in.channel = "letter";
  std::map<std::string, std::string> errors;
  for (auto part : {RequestPart::kApplicant, RequestPart::kInformation, RequestPart::kReceipt}) {
    errors.merge(check_request(in, part));
  }
  if (!in.id_type.empty() || !in.id_number.empty()) errors.merge(check_request(in, RequestPart::kIdentity));
  std::vector<std::string> problems;
  for (const auto& [field, message] : errors) problems.push_back(field + "：" + message);
  std::string code = normalise_code(get(f, "tracking_code"));
  if (!code.empty() && !valid_code(code, kTrackingCodeLength)) {
    problems.push_back("tracking_code 应为8位跟踪码（数字2-9和大写字母，不含I、L、O）");
  }
  auto received = core::Date::parse(in.received_on);
  if (received && errors.count("received_on") == 0) {
    auto events = history(f, *received, problems);
    if (problems.empty()) {
      if (events.empty() || events[0].first.kind != EventKind::kReceived || events[0].first.on != *received) {
        problems.push_back("events 须以“收到申请”（received）开始，日期与 received_on 相同");
      }
      for (const auto& [e, note] : events) {
        if (e.on > today) problems.push_back(std::string(core::event_kind_label(e.kind)) + "的日期晚于今天");
      }
      std::vector<core::RequestEvent> plain;
      for (const auto& [e, note] : events) plain.push_back(e);
      auto s = core::derive_status(cal, plain);
      if (!s) problems.push_back("办理事项不合规则：" + s.error());
      else ready.status = std::move(s).value();
      if (s) ready.appeals = appeals_of(f, ready.status, today, problems);
      ready.events = std::move(events);
    }
  }
  if (!problems.empty()) {
    std::string out;
    for (const auto& p : problems) out += (out.empty() ? "" : "；") + p;
    return out;
  }
  ready.line = raw.line;
  ready.in = std::move(in);
  ready.tracking_code = code;
  return "";
}

}  // namespace

RequestImportSummary import_requests(store::Database& db, const Principal& by, int64_t agency_id,
                                     const std::string& path, ItemFileFormat format, bool skip_bad) {
  if (!by.in_agency(agency_id)) throw not_found("机关");
  if (!may_transfer(by, agency_id)) throw forbidden("只有办公室可以导入申请");
  std::vector<RawRow> rows = read_rows(path, format);
  RequestImportSummary out;
  out.rows = static_cast<int64_t>(rows.size());
  core::Date today = core::Date::today_cst();
  std::shared_ptr<const core::WorkCalendar> cal;
  std::set<std::string> codes_in_file;
  std::vector<Ready> ready;
  {
    auto c = db.acquire();
    cal = calendar(*c);
    for (const auto& raw : rows) {
      Ready r;
      std::string why = check_row(raw, *cal, today, r);
      if (why.empty() && !r.tracking_code.empty()) {
        if (!codes_in_file.insert(r.tracking_code).second) why = "跟踪码 " + r.tracking_code + " 在文件中出现了两次";
        else if (store::tracking_code_taken(*c, r.tracking_code)) why = "跟踪码 " + r.tracking_code + " 已被使用";
      }
      if (!why.empty()) {
        out.errors.push_back({raw.line, why});
        continue;
      }
      ready.push_back(std::move(r));
    }
  }
  out.bad = static_cast<int64_t>(out.errors.size());
  if ((out.bad > 0 && !skip_bad) || ready.empty()) return out;
  std::string who = "导入（" + std::filesystem::path(path).filename().string() + "）";
  size_t appeal_count = 0;
  for (const Ready& x : ready) appeal_count += x.appeals.size();
  db.with_tx([&](store::Conn& c) {
    std::string now = core::now_iso();
    for (const Ready& x : ready) {
      const RequestInput& in = x.in;
      store::RequestRow r;
      r.agency_id = agency_id;
      r.tracking_code = x.tracking_code;
      while (r.tracking_code.empty() || (x.tracking_code.empty() && store::tracking_code_taken(c, r.tracking_code))) {
        r.tracking_code = random_code(kTrackingCodeLength);
        if (codes_in_file.count(r.tracking_code)) r.tracking_code.clear();
      }
      r.secret_hash = secret_hash(random_code(12));
      r.channel = in.channel;
      r.received_on = in.received_on;
      r.receipt_note = in.receipt_note;
      r.rule = x.status.rule == core::DisclosureRule::k2008 ? "2008" : "2019";
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
      r.derived = derived_of(x.status);
      r.event_count = static_cast<int>(x.events.size());
      r.created_by = by.user_id ? std::optional<int64_t>(by.user_id) : std::nullopt;
      r.created_at = r.updated_at = now;
      r.id = store::insert_request(c, r);
      if (!in.id_number.empty()) store::insert_request_identity(c, agency_id, {r.id, in.id_type, in.id_number});
      for (const auto& [e, note] : x.events) {
        store::RequestEventRow row;
        row.request_id = r.id;
        row.agency_id = agency_id;
        row.kind = std::string(core::event_kind_id(e.kind));
        row.event_date = e.on.iso();
        row.detail = core::event_detail_json(e);
        row.note = note;
        row.actor_name = who + "第" + std::to_string(x.line) + "行";
        row.created_at = now;
        store::insert_request_event(c, row);
      }
      for (store::AppealRow a : x.appeals) {
        a.agency_id = agency_id;
        a.request_id = r.id;
        a.created_at = a.updated_at = now;
        record_appeal(c, by, a);
      }
    }
    store::audit(c, by.actor(),
                 {agency_id, "requests.import", "request", "",
                  std::filesystem::path(path).filename().string() + "：导入" + std::to_string(ready.size()) + "件（复议诉讼" +
                      std::to_string(appeal_count) + "件），跳过" + std::to_string(out.bad) + "行"});
  });
  out.loaded = static_cast<int64_t>(ready.size());
  out.committed = true;
  return out;
}

int64_t export_requests(store::Database& db, const Principal& by, int64_t agency_id, std::ostream& out,
                        ItemFileFormat format) {
  if (!by.in_agency(agency_id)) throw not_found("机关");
  if (!may_transfer(by, agency_id)) throw forbidden("只有办公室可以导出申请");
  auto c = db.acquire();
  std::string buf;
  if (format == ItemFileFormat::kCsv) {
    buf = "\xEF\xBB\xBF";
    append_csv_record(buf, std::vector<std::string>(kRequestColumns.begin(), kRequestColumns.end()));
  }
  int64_t n = 0;
  for (int64_t id : store::request_ids_of_agency(*c, agency_id)) {
    auto r = store::find_request(*c, agency_id, id);
    if (!r) continue;
    auto identity = store::find_request_identity(*c, agency_id, id);
    Array events;
    std::string decided_on;
    for (const auto& e : store::list_request_events(*c, agency_id, id)) {
      Object o(Poco::JSON_PRESERVE_KEY_ORDER);
      o.set("kind", e.kind);
      o.set("date", e.event_date);
      Object::Ptr detail = Poco::JSON::Parser().parse(e.detail).extract<Object::Ptr>();
      std::vector<std::string> names;
      detail->getNames(names);
      for (const auto& k : names) o.set(k, detail->get(k));
      if (!e.note.empty()) o.set("note", e.note);
      events.add(o);
      if (e.kind == "decided") decided_on = e.event_date;
    }
    std::ostringstream ev;
    events.stringify(ev);
    Array appeals;
    for (const auto& a : store::list_request_appeals(*c, agency_id, id)) {
      Object o(Poco::JSON_PRESERVE_KEY_ORDER);
      o.set("kind", a.kind);
      o.set("filed_on", a.filed_on);
      if (!a.case_ref.empty()) o.set("case_ref", a.case_ref);
      o.set("result", a.result);
      if (a.decided_on) o.set("decided_on", *a.decided_on);
      if (!a.remarks.empty()) o.set("remarks", a.remarks);
      appeals.add(o);
    }
    std::ostringstream ap;
    appeals.stringify(ap);
    std::vector<std::string> v = {r->tracking_code, r->channel, r->received_on, r->receipt_note, r->applicant_kind,
                                  r->applicant_name, r->organisation, r->phone, r->email, r->address, r->postcode,
                                  r->description, r->delivery_form, r->delivery_method,
                                  identity ? identity->id_type : "", identity ? identity->id_number : "",
                                  r->derived.outcome.value_or(""), decided_on, ev.str(),
                                  appeals.size() == 0 && format == ItemFileFormat::kCsv ? "" : ap.str(),
                                  r->derived.state,
                                  r->derived.due_on.value_or(""), r->rule};
    if (format == ItemFileFormat::kCsv) {
      append_csv_record(buf, v);
    } else {
      buf += "{";
      for (size_t i = 0; i < kColumns; ++i) {
        buf += (i ? "," : "") + json_quote(kRequestColumns[i]) + ":";
        if (kRequestColumns[i] == "events" || kRequestColumns[i] == "appeals") buf += v[i];
        else buf += v[i].empty() ? "null" : json_quote(v[i]);
      }
      buf += "}\n";
    }
    ++n;
    if (buf.size() > (1 << 20)) {
      out << buf;
      buf.clear();
    }
  }
  out << buf;
  return n;
}

}  // namespace gongkai::app
