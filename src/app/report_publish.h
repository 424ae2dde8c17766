#pragma once
// The office's work on an annual report: a working draft per (agency, year, layout) holding
// the narrative parts (sanitised rich text) and the table 二 figures the catalog does not hold,
// and publication. A published report is frozen: its figures and text are stored as a snapshot
// (the JSON of app/annual_report.h and the parts), so later changes to the data do not alter
// it; publishing again makes a new version. Every change is audited in its transaction.
//
// Drafts and publication: 办公室 (office) of the agency. Reading drafts: as check_report_reader.
// Published reports are public.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/annual_report.h"
#include "app/report_document.h"
#include "render/document.h"
#include "store/db.h"

namespace gongkai::app {

// The typed-in figures as the form sends them (digits; the amount in 万元 with up to 4 decimals).
struct FiguresInput {
  std::string permits, penalties, enforcement, charges_wan_yuan;
};
inline constexpr size_t kMaxReportPartBytes = 100'000;

struct ReportDraft {
  ReportParts parts;  // every part of the layout: the stored text, else the computed start
  TypedFigures figures;
  bool stored = false;  // false: nothing saved yet, all parts are the computed start
  std::string updated_at;
};
ReportDraft load_draft(store::Database& db, const Principal& by, int64_t agency_id, int year, ReportLayout layout);
// The same with the report already counted (`data` of this agency and year): no second count.
ReportDraft load_draft(store::Database& db, const Principal& by, const ReportData& data, ReportLayout layout);
// load_draft(...).parts.
ReportParts draft_parts(store::Database& db, const Principal& by, int64_t agency_id, int year, ReportLayout layout);
ReportParts draft_parts(store::Database& db, const Principal& by, const ReportData& data, ReportLayout layout);

// Sanitises and stores the parts (unknown keys are ignored) and the figures. ValidationError
// per field: "part.<key>" for a part over the limit, "permits" etc. for figures that are not
// whole numbers from 0 to 1e9, "charges_wan_yuan" for an amount that is not a decimal.
void save_draft(store::Database& db, const Principal& by, int64_t agency_id, int year, ReportLayout layout,
                const ReportParts& parts, const FiguresInput& figures);

// "1.2345" 万元 → 12345 yuan; nullopt for anything else than digits with at most 4 decimals.
std::optional<int64_t> parse_wan_yuan(const std::string& text);

struct PublishedReport {
  int64_t id = 0;
  int year = 0, version = 0;
  ReportLayout layout = ReportLayout::k2021;
  ReportData data;
  ReportParts parts;
  std::string signed_on, published_at;
};

// Counts the report now and publishes it with the draft's parts, signed on `signed_on`
// (YYYY-MM-DD; default today). Refuses (ValidationError) while table 三 does not add up
// ("table3", naming the requests) or a required part is empty ("part.<key>"). Returns the
// new version number.
int publish_report(store::Database& db, const Principal& by, int64_t agency_id, int year, ReportLayout layout,
                   const std::string& signed_on = "");

// The current published report of a year, or nullopt. With `version`, that earlier version
// of the current report's layout (published versions stay public). Public.
std::optional<PublishedReport> published_report(store::Database& db, int64_t agency_id, int year,
                                                std::optional<int> version = std::nullopt);
// The version numbers of the current report's layout for a year, newest first. Public.
std::vector<int> published_versions(store::Database& db, int64_t agency_id, int year);

struct PublishedSummary {
  int year = 0, version = 0;
  ReportLayout layout = ReportLayout::k2021;
  std::string title, published_at;
};
// The current published report of every year, newest first. Public.
std::vector<PublishedSummary> list_published(store::Database& db, int64_t agency_id);
// Every published version of one year and layout, newest first (for the office).
std::vector<PublishedSummary> report_versions(store::Database& db, const Principal& by, int64_t agency_id, int year,
                                              ReportLayout layout);

// The document in a download format: "pdf", "docx", "xlsx" or "html" (standalone page);
// nullopt for another format or one this build has no writer for.
std::optional<std::string> document_bytes(const render::Document& doc, const std::string& format);
// The download formats this build writes, in the order offered: "pdf", "docx", ….
const std::vector<std::string>& download_formats();
// The MIME type of a download format.
std::string document_mime(const std::string& format);

}  // namespace gongkai::app
