// Fuzz target: reading a published report's snapshot (report_from_json) from arbitrary bytes,
// then building and writing its documents. Besides crashes and sanitizer reports it traps
// when a snapshot that was read does not survive being written and read again unchanged, or
// when its table 三 total row is not the sum of its outcome rows.
#include <cstddef>
#include <cstdint>
#include <string>

#include "app/annual_report.h"
#include "app/errors.h"
#include "app/report_document.h"
#include "core/outcomes.h"

namespace {

void require(bool ok) {
  if (!ok) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace gongkai;
  std::string text(reinterpret_cast<const char*>(data), size);
  app::ReportData d;
  try {
    d = app::report_from_json(text);
  } catch (const app::AppError&) {
    return 0;
  }
  for (auto layout : {app::ReportLayout::k2008, app::ReportLayout::k2021}) {
    std::string json = app::report_json(d, layout);
    app::ReportData again = app::report_from_json(json);
    require(app::report_json(again, layout) == json);
    require(again.table3.cells() == d.table3.cells());
    auto doc = app::report_document(d, layout, {}, "2024-03-10");
    require(!app::document_text(doc).empty());
  }
  for (size_t col = 0; col < core::kTable3Columns.size(); ++col) {
    int64_t sum = 0;
    for (const auto& o : core::all_outcomes()) sum += d.table3.row(std::string(o.code))[col];
    require(d.table3.row("total")[col] == sum);
  }
  return 0;
}
