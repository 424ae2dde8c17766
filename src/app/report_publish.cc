#include "app/report_publish.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <sstream>

#include "app/errors.h"
#include "core/clock.h"
#include "core/date.h"
#include "render/html_sanitizer.h"
#include "store/audit_log.h"
#include "store/report_store.h"

namespace gongkai::app {

using Poco::JSON::Object;

namespace {

void check_office(const Principal& by, int64_t agency_id) {
  if (!by.in_agency(agency_id)) throw not_found("单位");
  if (!by.is_system() && !by.has(core::Role::kOffice)) throw forbidden("只有办公室可以编写和发布年度报告");
}

std::string parts_json(const ReportParts& parts, const std::string& signed_on) {
  Object root(Poco::JSON_PRESERVE_KEY_ORDER);
  Object::Ptr p = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  for (const auto& [k, v] : parts) p->set(k, v);
  root.set("parts", p);
  if (!signed_on.empty()) root.set("signed_on", signed_on);
  std::ostringstream out;
  root.stringify(out);
  return out.str();
}

ReportParts parse_parts(const std::string& json, std::string* signed_on = nullptr) {
  ReportParts out;
  try {
    Poco::JSON::Parser parser;
    auto root = parser.parse(json).extract<Object::Ptr>();
    if (signed_on && root->has("signed_on")) *signed_on = root->getValue<std::string>("signed_on");
    auto p = root->getObject("parts");
    if (!p) return out;
    for (const auto& k : p->getNames()) out[k] = p->getValue<std::string>(k);
  } catch (const Poco::Exception&) {
    return {};
  }
  return out;
}

std::string figures_json(const TypedFigures& f) {
  Object o(Poco::JSON_PRESERVE_KEY_ORDER);
  o.set("permits", f.permits);
  o.set("penalties", f.penalties);
  o.set("enforcement", f.enforcement);
  o.set("charges_yuan", f.charges_yuan);
  std::ostringstream out;
  o.stringify(out);
  return out.str();
}

std::optional<int64_t> parse_count(const std::string& text) {
  std::string t = text;
  while (!t.empty() && t.back() == ' ') t.pop_back();
  while (!t.empty() && t.front() == ' ') t.erase(0, 1);
  if (t.empty()) return 0;
  if (t.size() > 10) return std::nullopt;
  for (char ch : t) {
    if (ch < '0' || ch > '9') return std::nullopt;
  }
  int64_t v = std::stoll(t);
  if (v > 1'000'000'000) return std::nullopt;
  return v;
}

std::string report_title(const std::string& agency_name, int year, ReportLayout layout) {
  return layout == ReportLayout::k2008 ? agency_name + std::to_string(year) + "年度政府信息公开年度报告"
                                       : agency_name + std::to_string(year) + "年政府信息公开工作年度报告";
}

}  // namespace

std::optional<int64_t> parse_wan_yuan(const std::string& text) {
  std::string t = text;
  while (!t.empty() && t.back() == ' ') t.pop_back();
  while (!t.empty() && t.front() == ' ') t.erase(0, 1);
  if (t.empty()) return 0;
  auto dot = t.find('.');
  std::string whole = t.substr(0, dot), frac = dot == std::string::npos ? "" : t.substr(dot + 1);
  if (whole.empty() || whole.size() > 8 || frac.size() > 4) return std::nullopt;
  if (dot != std::string::npos && frac.empty()) return std::nullopt;
  for (char ch : whole + frac) {
    if (ch < '0' || ch > '9') return std::nullopt;
  }
  frac += std::string(4 - frac.size(), '0');
  return std::stoll(whole) * 10000 + std::stoll(frac);
}

ReportDraft load_draft(store::Database& db, const Principal& by, int64_t agency_id, int year, ReportLayout layout) {
  return load_draft(db, by, compute_report(db, by, agency_id, year), layout);
}

ReportDraft load_draft(store::Database& db, const Principal& by, const ReportData& data, ReportLayout layout) {
  check_report_reader(by, data.agency_id);
  const int64_t agency_id = data.agency_id;
  const int year = data.year;
  ReportDraft d;
  d.parts = default_parts(data, layout);
  d.figures = data.typed;
  auto c = db.acquire();
  if (auto row = store::find_report_draft(*c, agency_id, year, std::string(report_layout_id(layout)))) {
    d.stored = true;
    d.updated_at = row->updated_at;
    for (const auto& [k, v] : parse_parts(row->parts)) {
      if (d.parts.count(k)) d.parts[k] = v;
    }
  }
  return d;
}

ReportParts draft_parts(store::Database& db, const Principal& by, int64_t agency_id, int year, ReportLayout layout) {
  return load_draft(db, by, agency_id, year, layout).parts;
}

ReportParts draft_parts(store::Database& db, const Principal& by, const ReportData& data, ReportLayout layout) {
  return load_draft(db, by, data, layout).parts;
}

void save_draft(store::Database& db, const Principal& by, int64_t agency_id, int year, ReportLayout layout,
                const ReportParts& parts, const FiguresInput& figures) {
  check_office(by, agency_id);
  if (year < 1990 || year > 2100) throw ValidationError("year", "年份应在1990至2100之间");
  std::map<std::string, std::string> errors;
  ReportParts clean;
  for (const auto& spec : report_parts(layout)) {
    auto it = parts.find(spec.key);
    if (it == parts.end()) continue;
    if (it->second.size() > kMaxReportPartBytes) {
      errors["part." + spec.key] = spec.label + "内容过长（不超过10万字节）";
      continue;
    }
    auto s = render::sanitize_html(it->second);
    if (!s.message.empty()) {
      errors["part." + spec.key] = s.message;
      continue;
    }
    clean[spec.key] = s.html;
  }
  TypedFigures f;
  auto count = [&](const std::string& field, const std::string& text, int64_t& into) {
    auto v = parse_count(text);
    if (!v) errors[field] = "请填写0到10亿之间的整数";
    else into = *v;
  };
  count("permits", figures.permits, f.permits);
  count("penalties", figures.penalties, f.penalties);
  count("enforcement", figures.enforcement, f.enforcement);
  if (auto y = parse_wan_yuan(figures.charges_wan_yuan)) f.charges_yuan = *y;
  else errors["charges_wan_yuan"] = "请填写金额（万元），最多4位小数，例如 12.5";
  if (!errors.empty()) throw ValidationError(errors);
  db.with_tx([&](store::Conn& c) {
    store::ReportDraftRow row;
    row.agency_id = agency_id;
    row.year = year;
    row.layout = std::string(report_layout_id(layout));
    // Keep parts saved earlier that this form did not send.
    ReportParts merged;
    if (auto old = store::find_report_draft(c, agency_id, year, row.layout)) merged = parse_parts(old->parts);
    for (const auto& [k, v] : clean) merged[k] = v;
    row.parts = parts_json(merged, "");
    row.figures = figures_json(f);
    row.updated_by = by.is_system() ? std::nullopt : std::optional<int64_t>(by.user_id);
    row.updated_at = core::now_iso();
    store::save_report_draft(c, row);
    store::audit(c, by.actor(), {agency_id, "report.draft", "report", std::to_string(year) + "/" + row.layout,
                                 std::to_string(clean.size()) + " parts"});
  });
}

int publish_report(store::Database& db, const Principal& by, int64_t agency_id, int year, ReportLayout layout,
                   const std::string& signed_on) {
  check_office(by, agency_id);
  ReportData data = compute_report(db, by, agency_id, year);
  ReportDraft draft = load_draft(db, by, data, layout);
  std::map<std::string, std::string> errors;
  if (!data.problems.empty()) {
    std::string codes;
    for (const auto& p : data.problems) codes += (codes.empty() ? "" : "、") + p.tracking_code;
    errors["table3"] = "表三数据不平衡（一＋二≠三（七）＋四），请先更正这些申请：" + codes;
  }
  for (const auto& spec : report_parts(layout)) {
    if (spec.required && render::html_to_text(draft.parts[spec.key]).empty()) {
      errors["part." + spec.key] = "请填写“" + spec.label + "”";
    }
  }
  std::string day = signed_on.empty() ? core::Date::today_cst().iso() : signed_on;
  if (!core::Date::parse(day)) errors["signed_on"] = "日期格式如2024-03-10";
  if (!errors.empty()) throw ValidationError(errors);
  return db.with_tx([&](store::Conn& c) {
    store::PublishedReportRow row;
    row.agency_id = agency_id;
    row.year = year;
    row.layout = std::string(report_layout_id(layout));
    row.data_json = report_json(data, layout);
    row.parts = parts_json(draft.parts, day);
    row.published_by = by.is_system() ? std::nullopt : std::optional<int64_t>(by.user_id);
    row.published_at = core::now_iso();
    int version = store::insert_published_report(c, row);
    store::audit(c, by.actor(), {agency_id, "report.publish", "report", std::to_string(year) + "/" + row.layout,
                                 "version " + std::to_string(version)});
    return version;
  });
}

std::optional<PublishedReport> published_report(store::Database& db, int64_t agency_id, int year,
                                                std::optional<int> version) {
  auto c = db.acquire();
  auto row = store::find_published_report(*c, agency_id, year);
  if (!row) return std::nullopt;
  if (version && *version != row->version) {
    row = store::find_report_version(*c, agency_id, year, row->layout, *version);
    if (!row) return std::nullopt;
  }
  PublishedReport p;
  p.id = row->id;
  p.year = row->year;
  p.version = row->version;
  p.layout = parse_report_layout(row->layout).value_or(ReportLayout::k2021);
  p.data = report_from_json(row->data_json);
  p.parts = parse_parts(row->parts, &p.signed_on);
  p.published_at = row->published_at;
  return p;
}

std::vector<int> published_versions(store::Database& db, int64_t agency_id, int year) {
  auto c = db.acquire();
  auto current = store::find_published_report(*c, agency_id, year);
  std::vector<int> out;
  if (!current) return out;
  for (const auto& r : store::list_report_versions(*c, agency_id, year, current->layout)) out.push_back(r.version);
  return out;
}

std::vector<PublishedSummary> list_published(store::Database& db, int64_t agency_id) {
  auto c = db.acquire();
  auto agency = store::find_agency(*c, agency_id);
  std::vector<PublishedSummary> out;
  for (const auto& r : store::list_published_reports(*c, agency_id)) {
    PublishedSummary s;
    s.year = r.year;
    s.version = r.version;
    s.layout = parse_report_layout(r.layout).value_or(ReportLayout::k2021);
    s.title = report_title(agency ? agency->name : "", r.year, s.layout);
    s.published_at = r.published_at;
    out.push_back(s);
  }
  return out;
}

std::vector<PublishedSummary> report_versions(store::Database& db, const Principal& by, int64_t agency_id, int year,
                                              ReportLayout layout) {
  check_report_reader(by, agency_id);
  auto c = db.acquire();
  auto agency = store::find_agency(*c, agency_id);
  std::vector<PublishedSummary> out;
  for (const auto& r : store::list_report_versions(*c, agency_id, year, std::string(report_layout_id(layout)))) {
    out.push_back({r.year, r.version, layout, report_title(agency ? agency->name : "", r.year, layout), r.published_at});
  }
  return out;
}

std::optional<std::string> document_bytes(const render::Document& doc, const std::string& format) {
  if (format == "html") return report_html_file(doc);  // a standalone page, not a fragment
  auto f = render::parse_document_format(format);
  if (!f) return std::nullopt;
  return render::render_document(doc, *f);
}

const std::vector<std::string>& download_formats() {
  static const std::vector<std::string> k = {"pdf", "docx", "xlsx"};
  return k;
}

std::string document_mime(const std::string& format) {
  if (format == "json") return "application/json; charset=utf-8";
  if (auto f = render::parse_document_format(format)) return render::content_type(*f);
  return "application/octet-stream";
}

}  // namespace gongkai::app
