#include "app/annual_report.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <functional>
#include <sstream>

#include "app/errors.h"
#include "app/register.h"
#include "app/supervision.h"
#include "core/date.h"
#include "core/outcomes.h"
#include "core/report_share.h"
#include "core/request_state.h"
#include "store/directory_store.h"
#include "store/report_store.h"

namespace gongkai::app {

using Poco::JSON::Array;
using Poco::JSON::Object;

std::optional<ReportLayout> parse_report_layout(std::string_view id) {
  if (id == "2008") return ReportLayout::k2008;
  if (id == "2021") return ReportLayout::k2021;
  return std::nullopt;
}

std::string_view report_layout_id(ReportLayout l) { return l == ReportLayout::k2008 ? "2008" : "2021"; }

std::string_view report_layout_label(ReportLayout l) {
  return l == ReportLayout::k2008 ? "2008年版（条例国务院令第492号）" : "2021年版（国办公开办函〔2021〕30号）";
}

void check_report_reader(const Principal& by, int64_t agency_id) {
  if (!by.in_agency(agency_id)) throw not_found("单位");
  if (by.is_system()) return;
  if (!by.has(core::Role::kOffice) && !by.has(core::Role::kLeader) && !by.has(core::Role::kAdmin)) {
    throw forbidden("只有办公室、分管领导和系统管理员可以查看年度报告");
  }
}

namespace {

std::string year_start(int y) { return std::to_string(y) + "-01-01"; }
std::string year_end(int y) { return std::to_string(y) + "-12-31"; }

// Typed figures from the office's drafts (the 2021 one first).
TypedFigures typed_from_drafts(store::Conn& c, int64_t agency_id, int year);

void count_proactive(store::Conn& c, ReportData& d) {
  auto cats = store::list_categories(c, d.agency_id, "class");
  std::map<int64_t, const store::CategoryRow*> by_id;
  for (const auto& k : cats) by_id[k.id] = &k;
  // The top class of a category (walks up, bounded against cycles).
  auto top_of = [&](int64_t id) {
    for (int guard = 0; guard < 16; ++guard) {
      auto it = by_id.find(id);
      if (it == by_id.end() || !it->second->parent_id) return id;
      id = *it->second->parent_id;
    }
    return id;
  };
  // Whether a category or one of its ancestors has one of these names.
  auto under = [&](int64_t id, std::initializer_list<std::string_view> names) {
    for (int guard = 0; guard < 16; ++guard) {
      auto it = by_id.find(id);
      if (it == by_id.end()) return false;
      for (auto n : names) {
        if (it->second->name == n) return true;
      }
      if (!it->second->parent_id) return false;
      id = *it->second->parent_id;
    }
    return false;
  };
  std::map<int64_t, size_t> class_index;  // top class id → index in d.proactive.classes
  for (const auto& k : cats) {
    if (k.parent_id || !k.active) continue;
    class_index[k.id] = d.proactive.classes.size();
    ClassFigures f;
    f.name = k.name;
    for (const auto& s : cats) {
      if (s.parent_id && *s.parent_id == k.id && s.active) f.subclasses.push_back(s.name);
    }
    d.proactive.classes.push_back(std::move(f));
  }
  std::optional<size_t> unclassified;
  for (const auto& r : store::count_items_by_class(c, d.agency_id, year_start(d.year), year_end(d.year))) {
    d.proactive.cumulative += r.cumulative;
    d.proactive.in_year += r.in_year;
    d.proactive.electronic += r.electronic;
    ClassFigures* f = nullptr;
    if (r.class_id) {
      int64_t top = top_of(*r.class_id);
      auto it = class_index.find(top);
      if (it == class_index.end()) {  // an inactive class still counts under its own name
        class_index[top] = d.proactive.classes.size();
        ClassFigures nf;
        nf.name = by_id.count(top) ? by_id[top]->name : "未分类";
        d.proactive.classes.push_back(nf);
        it = class_index.find(top);
      }
      f = &d.proactive.classes[it->second];
      DocFigures* doc = under(*r.class_id, {"规章"}) ? &d.rules
                        : under(*r.class_id, {"行政规范性文件", "规范性文件"}) ? &d.normative
                                                                                : nullptr;
      if (doc) {
        doc->issued += r.in_year;
        doc->repealed += r.repealed_in_year;
        doc->in_force += r.in_force;
      }
    } else {
      if (!unclassified) {
        unclassified = d.proactive.classes.size();
        d.proactive.classes.push_back(ClassFigures{"未分类", {}, 0, 0});
      }
      f = &d.proactive.classes[*unclassified];
    }
    f->cumulative += r.cumulative;
    f->in_year += r.in_year;
  }
}

void count_requests(store::Conn& c, ReportData& d) {
  std::string start = year_start(d.year), end = year_end(d.year);
  bool problems = false;
  for (const auto& g : store::report_request_groups(c, d.agency_id, start, end)) {
    const core::Outcome* o = g.outcome ? core::find_outcome(*g.outcome) : nullptr;
    if (core::table3_column(g.applicant_kind) < 0 || (g.concluded_in_year && !o)) {
      problems = true;  // listed one by one below
      continue;
    }
    d.table3.set(g.received_in_year ? "new" : "carried_in", g.applicant_kind,
                 d.table3.row(g.received_in_year ? "new" : "carried_in")[static_cast<size_t>(
                     core::table3_column(g.applicant_kind))] +
                     g.count);
    if (g.received_in_year) {
      d.received += g.count;
      d.received_by_channel[g.channel] += g.count;
    }
    std::string row = g.concluded_in_year ? std::string(o->code) : "carried_out";
    size_t col = static_cast<size_t>(core::table3_column(g.applicant_kind));
    d.table3.set(row, g.applicant_kind, d.table3.row(row)[col] + g.count);
    if (g.concluded_in_year) {
      d.concluded += g.count;
      d.concluded_by_outcome[row] += g.count;
    }
  }
  if (problems) {
    // The few requests that cannot be counted, by name, with the row they miss.
    for (const auto& r : store::report_requests(c, d.agency_id, start, end)) {
      if (core::table3_column(r.applicant_kind) < 0) {
        d.problems.push_back({r.id, r.tracking_code, r.applicant_kind, "申请人类型未知，未计入表三"});
        continue;
      }
      bool concluded = r.concluded_on && *r.concluded_on <= end;
      if (!concluded || (r.outcome && core::find_outcome(*r.outcome))) continue;
      d.table3.add(r.received_on >= start ? "new" : "carried_in", r.applicant_kind);
      if (r.received_on >= start) {
        ++d.received;
        ++d.received_by_channel[r.channel];
      }
      d.problems.push_back({r.id, r.tracking_code, r.applicant_kind,
                            "已于" + *r.concluded_on + "办结，但没有可统计的办理结果（" + r.outcome.value_or("空") +
                                "）"});
    }
  }
  d.table3.sum_outcomes();
}

void count_fees(store::Conn& c, ReportData& d) {
  std::string start = year_start(d.year), end = year_end(d.year);
  int64_t request = 0, amount = 0;
  for (const auto& e : store::report_fee_events(c, d.agency_id, start, end)) {
    if (e.request_id != request) {
      request = e.request_id;
      amount = 0;
    }
    auto kind = core::parse_event_kind(e.kind);
    auto on = core::Date::parse(e.event_date);
    if (!kind || !on) continue;
    if (*kind == core::EventKind::kFeeNotice) {
      auto ev = core::event_from_json(*kind, *on, e.detail);
      amount = ev ? ev->amount : 0;
      continue;
    }
    if (e.event_date < start || e.event_date > end) continue;
    if (*kind == core::EventKind::kFeePaid) {
      d.fees.collected_yuan += amount;
      ++d.fees.collected_requests;
    } else {
      d.fees.waived_yuan += amount;
      ++d.fees.waived_requests;
    }
  }
}

void count_appeals(store::Conn& c, ReportData& d) {
  std::string end = year_end(d.year);
  for (const auto& a : store::report_appeals(c, d.agency_id, year_start(d.year), end)) {
    size_t k = 0;
    while (k < core::kAppealKinds.size() && core::kAppealKinds[k] != a.kind) ++k;
    if (k == core::kAppealKinds.size()) continue;
    auto& line = d.table4[k];
    bool decided = a.result != "pending" && a.decided_on && *a.decided_on <= end;
    if (!decided) ++line.pending;
    else if (a.result == "upheld") ++line.upheld;
    else if (a.result == "corrected") ++line.corrected;
    else ++line.other;
  }
}

int64_t json_int(const Object::Ptr& o, const std::string& key) {
  if (!o || !o->has(key)) return 0;
  auto v = o->get(key);
  if (v.isEmpty()) return 0;
  // Counts in a snapshot are whole numbers far below 2^53; anything else reads as 0.
  constexpr double kLimit = 1e15;
  try {
    if (v.isInteger()) {
      auto n = v.convert<int64_t>();
      return n > -kLimit && n < kLimit ? n : 0;
    }
    double x = v.isString() ? std::stod(v.toString()) : v.convert<double>();
    if (!(x > -kLimit && x < kLimit)) return 0;
    return static_cast<int64_t>(x + (x >= 0 ? 0.5 : -0.5));
  } catch (const std::exception&) {
    return 0;
  }
}

TypedFigures typed_from_drafts(store::Conn& c, int64_t agency_id, int year) {
  TypedFigures t;
  for (const char* layout : {"2021", "2008"}) {
    auto draft = store::find_report_draft(c, agency_id, year, layout);
    if (!draft) continue;
    try {
      Poco::JSON::Parser p;
      auto o = p.parse(draft->figures).extract<Object::Ptr>();
      t.permits = json_int(o, "permits");
      t.penalties = json_int(o, "penalties");
      t.enforcement = json_int(o, "enforcement");
      t.charges_yuan = json_int(o, "charges_yuan");
      return t;
    } catch (const Poco::Exception&) {
      continue;
    }
  }
  return t;
}

}  // namespace

ReportData compute_report(store::Database& db, const Principal& by, int64_t agency_id, int year) {
  check_report_reader(by, agency_id);
  if (year < 1990 || year > 2100) throw ValidationError("year", "年份应在1990至2100之间");
  ReportData d;
  {
    auto c = db.acquire();
    auto agency = store::find_agency(*c, agency_id);
    if (!agency) throw not_found("单位");
    d.agency_id = agency_id;
    d.agency_slug = agency->slug;
    d.agency_name = agency->name;
    d.address = agency->address;
    d.phone = agency->phone;
    d.fax = agency->fax;
    d.email = agency->email;
    d.year = year;
    count_proactive(*c, d);
    count_requests(*c, d);
    count_fees(*c, d);
    count_appeals(*c, d);
    d.typed = typed_from_drafts(*c, agency_id, year);
  }
  d.channels = channel_counts(db, agency_id, year);
  d.work_sentences = overview_sentences(db, agency_id, year);
  return d;
}

// ---- JSON ----

namespace {

Object::Ptr ordered() { return new Object(Poco::JSON_PRESERVE_KEY_ORDER); }

Object::Ptr doc_json(const DocFigures& f) {
  auto o = ordered();
  o->set("issued", f.issued);
  o->set("repealed", f.repealed);
  o->set("in_force", f.in_force);
  return o;
}

Object::Ptr decisions_json(int64_t n) {
  auto o = ordered();
  o->set("decisions", n);
  return o;
}

Object::Ptr counts_json(const std::map<std::string, int64_t>& m) {
  auto o = ordered();
  for (const auto& [k, v] : m) o->set(k, v);
  return o;
}

Object::Ptr obj(const Object::Ptr& parent, const std::string& key) {
  if (!parent || !parent->has(key)) return nullptr;
  auto v = parent->get(key);
  if (v.type() != typeid(Object::Ptr)) return nullptr;
  return v.extract<Object::Ptr>();
}

Array::Ptr arr(const Object::Ptr& parent, const std::string& key) {
  if (!parent || !parent->has(key)) return nullptr;
  auto v = parent->get(key);
  if (v.type() != typeid(Array::Ptr)) return nullptr;
  return v.extract<Array::Ptr>();
}

std::string str(const Object::Ptr& o, const std::string& key) {
  if (!o || !o->has(key)) return {};
  auto v = o->get(key);
  return v.isEmpty() ? std::string() : v.toString();
}

}  // namespace

std::string report_json(const ReportData& d, ReportLayout layout) {
  auto root = ordered();
  auto agency = ordered();
  agency->set("id", d.agency_id);
  agency->set("slug", d.agency_slug);
  agency->set("name", d.agency_name);
  agency->set("address", d.address);
  agency->set("phone", d.phone);
  agency->set("fax", d.fax);
  agency->set("email", d.email);
  root->set("agency", agency);
  root->set("year", d.year);
  root->set("layout", std::string(report_layout_id(layout)));

  auto pro = ordered();
  pro->set("cumulative", d.proactive.cumulative);
  pro->set("in_year", d.proactive.in_year);
  pro->set("electronic_rate", core::share_percent(d.proactive.electronic, d.proactive.cumulative));
  pro->set("electronic", d.proactive.electronic);
  Array::Ptr classes = new Array;
  for (const auto& k : d.proactive.classes) {
    auto o = ordered();
    o->set("name", k.name);
    o->set("cumulative", k.cumulative);
    o->set("cumulative_share", core::share_percent(k.cumulative, d.proactive.cumulative));
    o->set("in_year", k.in_year);
    o->set("in_year_share", core::share_percent(k.in_year, d.proactive.in_year));
    Array::Ptr subs = new Array;
    for (const auto& s : k.subclasses) subs->add(s);
    o->set("subclasses", subs);
    classes->add(o);
  }
  pro->set("classes", classes);
  root->set("proactive", pro);

  auto t2 = ordered();
  t2->set("规章", doc_json(d.rules));
  t2->set("行政规范性文件", doc_json(d.normative));
  t2->set("行政许可", decisions_json(d.typed.permits));
  t2->set("行政处罚", decisions_json(d.typed.penalties));
  t2->set("行政强制", decisions_json(d.typed.enforcement));
  auto charges = ordered();
  charges->set("amount_wan_yuan", static_cast<double>(d.typed.charges_yuan) / 10000.0);
  charges->set("amount_yuan", d.typed.charges_yuan);
  t2->set("行政事业性收费", charges);
  root->set("table2", t2);

  auto t3 = ordered();
  for (const auto& row : core::table3_rows()) {
    auto o = ordered();
    const auto& cells = d.table3.row(row);
    for (size_t i = 0; i < core::kTable3Columns.size(); ++i) o->set(std::string(core::kTable3Columns[i]), cells[i]);
    t3->set(row, o);
  }
  root->set("table3", t3);

  auto t4 = ordered();
  for (size_t k = 0; k < core::kAppealKinds.size(); ++k) {
    auto o = ordered();
    o->set("upheld", d.table4[k].upheld);
    o->set("corrected", d.table4[k].corrected);
    o->set("other", d.table4[k].other);
    o->set("pending", d.table4[k].pending);
    o->set("total", d.table4[k].total());
    t4->set(std::string(core::kAppealKinds[k]), o);
  }
  root->set("table4", t4);

  auto fees = ordered();
  fees->set("collected_yuan", d.fees.collected_yuan);
  fees->set("collected_requests", d.fees.collected_requests);
  fees->set("waived_yuan", d.fees.waived_yuan);
  fees->set("waived_requests", d.fees.waived_requests);
  root->set("fees", fees);

  auto req = ordered();
  req->set("received", d.received);
  req->set("received_by_channel", counts_json(d.received_by_channel));
  req->set("decided", d.concluded);
  req->set("decided_by_outcome", counts_json(d.concluded_by_outcome));
  req->set("carried_in", d.table3.row("carried_in")[6]);
  req->set("carried_out", d.table3.row("carried_out")[6]);
  root->set("requests", req);

  Array::Ptr channels = new Array;
  for (const auto& [name, count] : d.channels) {
    auto o = ordered();
    o->set("name", name);
    o->set("count", count);
    channels->add(o);
  }
  root->set("channels", channels);
  Array::Ptr work = new Array;
  for (const auto& w : d.work_sentences) work->add(w);
  root->set("work", work);

  Array::Ptr problems = new Array;
  for (const auto& p : d.problems) {
    auto o = ordered();
    o->set("id", p.id);
    o->set("tracking_code", p.tracking_code);
    o->set("applicant_kind", p.applicant_kind);
    o->set("reason", p.reason);
    problems->add(o);
  }
  root->set("problems", problems);

  std::ostringstream out;
  root->stringify(out, 2);
  out << '\n';
  return out.str();
}

ReportData report_from_json(std::string_view json) {
  Object::Ptr root;
  try {
    Poco::JSON::Parser p;
    root = p.parse(std::string(json)).extract<Object::Ptr>();
  } catch (const Poco::Exception&) {
    throw AppError(ErrorKind::kInvalid, "invalid_snapshot", "已发布的年度报告数据无法读取");
  }
  ReportData d;
  auto agency = obj(root, "agency");
  d.agency_id = json_int(agency, "id");
  d.agency_slug = str(agency, "slug");
  d.agency_name = str(agency, "name");
  d.address = str(agency, "address");
  d.phone = str(agency, "phone");
  d.fax = str(agency, "fax");
  d.email = str(agency, "email");
  d.year = static_cast<int>(json_int(root, "year"));
  auto pro = obj(root, "proactive");
  d.proactive.cumulative = json_int(pro, "cumulative");
  d.proactive.in_year = json_int(pro, "in_year");
  d.proactive.electronic = json_int(pro, "electronic");
  if (auto classes = arr(pro, "classes")) {
    for (size_t i = 0; i < classes->size(); ++i) {
      auto k = classes->getObject(static_cast<unsigned>(i));
      ClassFigures f;
      f.name = str(k, "name");
      f.cumulative = json_int(k, "cumulative");
      f.in_year = json_int(k, "in_year");
      if (auto subs = arr(k, "subclasses")) {
        for (size_t j = 0; j < subs->size(); ++j) f.subclasses.push_back(subs->getElement<std::string>(static_cast<unsigned>(j)));
      }
      d.proactive.classes.push_back(std::move(f));
    }
  }
  auto t2 = obj(root, "table2");
  auto doc = [&](const std::string& key, DocFigures& f) {
    auto o = obj(t2, key);
    f.issued = json_int(o, "issued");
    f.repealed = json_int(o, "repealed");
    f.in_force = json_int(o, "in_force");
  };
  doc("规章", d.rules);
  doc("行政规范性文件", d.normative);
  d.typed.permits = json_int(obj(t2, "行政许可"), "decisions");
  d.typed.penalties = json_int(obj(t2, "行政处罚"), "decisions");
  d.typed.enforcement = json_int(obj(t2, "行政强制"), "decisions");
  d.typed.charges_yuan = json_int(obj(t2, "行政事业性收费"), "amount_yuan");
    auto t3 = obj(root, "table3");
  for (const auto& row : core::table3_rows()) {
    if (row == "total") continue;
    auto o = obj(t3, row);
    for (size_t i = 0; i + 1 < core::kTable3Columns.size(); ++i) {
      int64_t n = json_int(o, std::string(core::kTable3Columns[i]));
      d.table3.set(row, core::kTable3Columns[i], n < 0 ? 0 : n);
    }
  }
  d.table3.sum_outcomes();
  auto t4 = obj(root, "table4");
  for (size_t k = 0; k < core::kAppealKinds.size(); ++k) {
    auto o = obj(t4, std::string(core::kAppealKinds[k]));
    d.table4[k] = {json_int(o, "upheld"), json_int(o, "corrected"), json_int(o, "other"), json_int(o, "pending")};
  }
  auto fees = obj(root, "fees");
  d.fees = {json_int(fees, "collected_yuan"), json_int(fees, "collected_requests"), json_int(fees, "waived_yuan"),
            json_int(fees, "waived_requests")};
  auto req = obj(root, "requests");
  d.received = json_int(req, "received");
  d.concluded = json_int(req, "decided");
  auto read_counts = [&](const std::string& key, std::map<std::string, int64_t>& m) {
    auto o = obj(req, key);
    if (!o) return;
    for (const auto& name : o->getNames()) m[name] = json_int(o, name);
  };
  read_counts("received_by_channel", d.received_by_channel);
  // Snapshots published before channels and work records were counted have neither.
  if (auto ch = arr(root, "channels")) {
    for (size_t i = 0; i < ch->size(); ++i) {
      auto o = ch->getObject(static_cast<unsigned>(i));
      if (o) d.channels.emplace_back(str(o, "name"), json_int(o, "count"));
    }
  }
  if (auto work = arr(root, "work")) {
    for (size_t i = 0; i < work->size(); ++i) d.work_sentences.push_back(work->getElement<std::string>(static_cast<unsigned>(i)));
  }
  read_counts("decided_by_outcome", d.concluded_by_outcome);
  if (auto problems = arr(root, "problems")) {
    for (size_t i = 0; i < problems->size(); ++i) {
      auto p = problems->getObject(static_cast<unsigned>(i));
      d.problems.push_back({json_int(p, "id"), str(p, "tracking_code"), str(p, "applicant_kind"), str(p, "reason")});
    }
  }
  return d;
}

std::string self_reference(std::string_view name) {
  std::string n(name);
  // Drop a bracketed second name: 慈溪市商务局（服务业发展局） → 慈溪市商务局.
  for (std::string_view open : {"（", "("}) {
    auto p = n.find(open);
    if (p != std::string::npos && p > 0) n.resize(p);
  }
  auto ends = [&](std::string_view s) { return n.size() >= s.size() && n.compare(n.size() - s.size(), s.size(), s) == 0; };
  if (ends("局")) return "我局";
  if (ends("委员会") || ends("委")) return "我委";
  if (ends("办公室") || ends("办")) return "我办";
  if (ends("厅")) return "我厅";
  if (ends("院")) return "我院";
  if (ends("中心")) return "我中心";
  if (ends("政府")) return "本级政府";
  return "我单位";
}

}  // namespace gongkai::app
