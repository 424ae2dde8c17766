#pragma once
// The printed annual report: the 2008 layout of the seed report and the 2021 national format,
// built as one render::Document from the counted figures (app/annual_report.h) and the
// narrative parts the office writes, so that HTML, PDF, DOCX and XLSX show the same text.
//
// Sentences with numbers are produced from the data and read naturally when a count is zero
// ("2013年度我局未收到任何形式的申请公开信息要求。"). Narrative parts are sanitised HTML; each
// block of text becomes one paragraph of the document.

#include <map>
#include <string>
#include <vector>

#include "app/annual_report.h"
#include "render/document.h"

namespace gongkai::app {

// One narrative part of a layout: its key in the stored parts and its label on the form.
struct ReportPartSpec {
  std::string key, label;
  bool required = false;  // publishing refuses an empty required part
};
const std::vector<ReportPartSpec>& report_parts(ReportLayout layout);

using ReportParts = std::map<std::string, std::string>;  // part key → sanitised HTML

// The computed starting text of every part of the layout (HTML paragraphs), offered to the
// office; parts with nothing to compute are empty.
ReportParts default_parts(const ReportData& d, ReportLayout layout);

// The computed sentences, exposed for tests and the back office's summary.
// 2008 二（一）: cumulative and in-year totals, electronic rate, classes with shares.
std::vector<std::string> proactive_sentences(const ReportData& d);
// 2008 三: requests received and handled.
std::vector<std::string> request_sentences(const ReportData& d);
// 2008 四 / 2021 六: fees collected and waived.
std::vector<std::string> fee_sentences(const ReportData& d);
// 2008 五: reconsideration and litigation.
std::vector<std::string> appeal_sentences(const ReportData& d);
// 2008 二（二） / 2021 二: the channels besides the portal that carried items in the year
// ("此外，2013年我局还通过报刊3条、政务公开栏12条等渠道公开政府信息。"), "" when none did.
std::string channel_sentence(const ReportData& d);

// The whole report. `parts` missing a key use default_parts(); `signed_on` (YYYY-MM-DD,
// empty: no date line) is printed under the agency's name at the end.
render::Document report_document(const ReportData& d, ReportLayout layout, const ReportParts& parts,
                                 const std::string& signed_on);

// Tables 二, 三 and 四 of the 2021 format as laid out in report_document().
std::vector<render::Table> report_tables(const ReportData& d);

// The plain text of a document, paragraph by paragraph and table rows with cells separated by
// tabs (for tests, diffs and search).
std::string document_text(const render::Document& doc);

// "1.2345" for 12345 yuan: an amount in 万元 with at most four decimals, no trailing zeros.
std::string wan_yuan(int64_t yuan);

}  // namespace gongkai::app

namespace gongkai::app {

// A standalone HTML file of the report (the CLI's .html output): the document with the site's
// stylesheet and print stylesheet inlined, so it prints on A4 without the portal.
std::string report_html_file(const render::Document& doc);

}  // namespace gongkai::app
