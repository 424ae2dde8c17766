#pragma once
// The information-processing fee (信息处理费) of 《政府信息公开信息处理费管理办法》
// (国办函〔2020〕109号, under Art. 42 of the 2019 条例). Disclosure is free by default; the
// fee applies only where an applicant's requests clearly exceed reason in number or size.
// Each application is charged by one method, never both, and progressively: each band's
// rate applies only to the part that lies inside the band.
//   按件 (kPerApplication), by the application's place among the applicant's applications in
//        one calendar month: 1-10 free; 11-30 100元 each; from 31 every further block of 10
//        costs 100元 more each (31-40 200元, 41-50 300元, ...).
//   按量 (kPerPage), by the pages provided for one application: 1-30 free; 31-100 10元/页;
//        101-200 20元/页; from 201 40元/页.
// Amounts are whole yuan (元): every rate is a whole number of yuan, so no fen arise.

#include <cstdint>
#include <string>
#include <vector>

#include "core/checked.h"

namespace gongkai::core {

using Yuan = std::int64_t;

enum class FeeMethod {
  kPerApplication,  // 按件
  kPerPage,         // 按量
};

// Larger inputs are refused as mistakes (the totals stay far inside int64).
inline constexpr std::int64_t kMaxApplicationsPerMonth = 10000;
inline constexpr std::int64_t kMaxPages = 1000000;

// Units first..last (application numbers or pages, 1-based) charged unit_price each.
struct FeeBand {
  std::int64_t first = 0;
  std::int64_t last = 0;
  Yuan unit_price = 0;

  std::int64_t count() const { return last - first + 1; }
  Yuan subtotal() const { return count() * unit_price; }
};

// A fee with its working, for the fee notice (收费通知).
struct FeeBreakdown {
  FeeMethod method = FeeMethod::kPerApplication;
  // The bands in order, free ones included; their subtotals add up to total.
  std::vector<FeeBand> bands;
  Yuan total = 0;
  // One line in Chinese, e.g. "按件计收：本自然月共35件，第1-10件不收费；第11-30件 20件×100元=2000元；
  // 第31-35件 5件×200元=1000元；合计3000元。"
  std::string explanation;
};

// 按件: the fee of one application that is the applicant's `ordinal`-th (1-based) in the
// calendar month. One band: {ordinal, ordinal, its rate}. Fails unless
// 1 <= ordinal <= kMaxApplicationsPerMonth.
Checked<FeeBreakdown> fee_for_nth_application(std::int64_t ordinal);

// 按件: the fees of all `count` applications one applicant filed in one calendar month, by
// band. Fails unless 1 <= count <= kMaxApplicationsPerMonth.
Checked<FeeBreakdown> fee_for_month(std::int64_t count);

// 按量: the fee for `pages` pages provided for one application. Fails unless
// 1 <= pages <= kMaxPages.
Checked<FeeBreakdown> fee_for_pages(std::int64_t pages);

}  // namespace gongkai::core
