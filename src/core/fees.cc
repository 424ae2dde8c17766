#include "core/fees.h"

namespace gongkai::core {
namespace {

// 按件 rate of the applicant's n-th application in the month.
Yuan application_rate(std::int64_t n) {
  if (n <= 10) return 0;
  if (n <= 30) return 100;
  return 200 + 100 * ((n - 31) / 10);
}

// The 按件 band holding application n: 1-10, 11-30, then blocks of 10 from 31.
FeeBand application_band(std::int64_t n) {
  if (n <= 10) return {1, 10, 0};
  if (n <= 30) return {11, 30, 100};
  std::int64_t first = 31 + (n - 31) / 10 * 10;
  return {first, first + 9, application_rate(n)};
}

// Bands of the 按量 scale; the last one is open-ended.
constexpr FeeBand kPageScale[] = {{1, 30, 0}, {31, 100, 10}, {101, 200, 20}, {201, kMaxPages, 40}};

// "第11-30件", or "第35件" for a single unit.
std::string range(std::int64_t first, std::int64_t last, const char* unit) {
  std::string s = "第" + std::to_string(first);
  if (last != first) s += "-" + std::to_string(last);
  return s + unit;
}

// Sums the bands and writes "第1-10件不收费；第11-30件 20件×100元=2000元；…；合计3000元。"
// after `head`.
FeeBreakdown finish(FeeMethod method, std::vector<FeeBand> bands, std::string head) {
  FeeBreakdown b;
  b.method = method;
  const char* unit = method == FeeMethod::kPerApplication ? "件" : "页";
  b.explanation = std::move(head);
  for (size_t i = 0; i < bands.size(); ++i) {
    const FeeBand& band = bands[i];
    b.total += band.subtotal();
    if (i > 0) b.explanation += "；";
    b.explanation += range(band.first, band.last, unit);
    if (band.unit_price == 0) {
      b.explanation += "不收费";
    } else {
      b.explanation += " " + std::to_string(band.count()) + unit + "×" + std::to_string(band.unit_price) +
                       "元=" + std::to_string(band.subtotal()) + "元";
    }
  }
  b.explanation += "；合计" + std::to_string(b.total) + "元。";
  b.bands = std::move(bands);
  return b;
}

// Returns an error message unless 1 <= n <= max.
std::string check(std::int64_t n, std::int64_t max, const char* what, const char* unit) {
  if (n < 1) return std::string(what) + "须为正整数，收到：" + std::to_string(n);
  if (n > max) {
    return std::string(what) + "超出合理范围（不超过" + std::to_string(max) + unit + "），收到：" + std::to_string(n);
  }
  return "";
}

}  // namespace

Checked<FeeBreakdown> fee_for_nth_application(std::int64_t ordinal) {
  std::string error = check(ordinal, kMaxApplicationsPerMonth, "申请序号", "件");
  if (!error.empty()) return Checked<FeeBreakdown>::failure(error);
  FeeBand band = application_band(ordinal);
  std::string where = range(band.first, band.last, "件");
  FeeBreakdown b;
  b.method = FeeMethod::kPerApplication;
  b.bands = {{ordinal, ordinal, band.unit_price}};
  b.total = band.unit_price;
  b.explanation = "按件计收：本申请为申请人本自然月内第" + std::to_string(ordinal) + "件，";
  if (band.unit_price == 0) {
    b.explanation += where + "不收费；合计0元。";
  } else {
    b.explanation += "属" + where + "档，每件" + std::to_string(band.unit_price) + "元；合计" +
                     std::to_string(b.total) + "元。";
  }
  return b;
}

Checked<FeeBreakdown> fee_for_month(std::int64_t count) {
  std::string error = check(count, kMaxApplicationsPerMonth, "申请件数", "件");
  if (!error.empty()) return Checked<FeeBreakdown>::failure(error);
  std::vector<FeeBand> bands;
  for (std::int64_t n = 1; n <= count;) {
    FeeBand band = application_band(n);
    if (band.last > count) band.last = count;
    bands.push_back(band);
    n = band.last + 1;
  }
  return finish(FeeMethod::kPerApplication, std::move(bands),
                "按件计收：本自然月共" + std::to_string(count) + "件，");
}

Checked<FeeBreakdown> fee_for_pages(std::int64_t pages) {
  std::string error = check(pages, kMaxPages, "页数", "页");
  if (!error.empty()) return Checked<FeeBreakdown>::failure(error);
  std::vector<FeeBand> bands;
  for (FeeBand band : kPageScale) {
    if (band.first > pages) break;
    if (band.last > pages) band.last = pages;
    bands.push_back(band);
  }
  return finish(FeeMethod::kPerPage, std::move(bands), "按量计收：共" + std::to_string(pages) + "页，");
}

}  // namespace gongkai::core
