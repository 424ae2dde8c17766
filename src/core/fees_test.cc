#include "core/fees.h"

#include <gtest/gtest.h>

#include <charconv>
#include <fstream>
#include <sstream>

namespace gongkai::core {
namespace {

const std::string kCasesPath = std::string(GK_SOURCE_DIR) + "/src/core/testdata/fees.txt";

bool parse_int(const std::string& s, std::int64_t* out) {
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && end == s.data() + s.size();
}

// "20×100" (or "20x100") → count and price.
bool parse_band(const std::string& s, std::int64_t* count, std::int64_t* price) {
  for (std::string sep : {"×", "x"}) {
    size_t at = s.find(sep);
    if (at != std::string::npos) {
      return parse_int(s.substr(0, at), count) && parse_int(s.substr(at + sep.size()), price);
    }
  }
  return false;
}

TEST(Fees, TableCases) {
  std::ifstream file(kCasesPath);
  ASSERT_TRUE(file) << kCasesPath;
  std::string line;
  int line_no = 0, cases = 0;
  while (std::getline(file, line)) {
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    SCOPED_TRACE("fees.txt:" + std::to_string(line_no) + ": " + line);
    std::istringstream in(line);
    std::string kind, arg, arrow, expected;
    ASSERT_TRUE(in >> kind >> arg >> arrow >> expected) << "malformed line";
    ASSERT_EQ(arrow, "=>");
    std::int64_t n;
    ASSERT_TRUE(parse_int(arg, &n)) << "bad number " << arg;
    Checked<FeeBreakdown> fee = kind == "nth"     ? fee_for_nth_application(n)
                                : kind == "month" ? fee_for_month(n)
                                : kind == "pages" ? fee_for_pages(n)
                                                  : Checked<FeeBreakdown>::failure("unknown kind " + kind);
    ASSERT_NE(fee.error().rfind("unknown kind", 0), 0u) << fee.error();
    ++cases;
    if (expected == "error") {
      EXPECT_FALSE(fee.ok()) << "accepted, total " << fee->total;
      continue;
    }
    ASSERT_TRUE(fee.ok()) << fee.error();
    std::int64_t total;
    ASSERT_TRUE(parse_int(expected, &total)) << "bad amount " << expected;
    EXPECT_EQ(fee->total, total) << fee->explanation;

    std::string bar, band;
    if (!(in >> bar)) continue;
    ASSERT_EQ(bar, "|");
    size_t i = 0;
    std::int64_t next_first = 1;
    for (; in >> band; ++i) {
      std::int64_t count, price;
      ASSERT_TRUE(parse_band(band, &count, &price)) << "bad band " << band;
      ASSERT_LT(i, fee->bands.size()) << "fewer bands than expected: " << fee->explanation;
      EXPECT_EQ(fee->bands[i].count(), count) << "band " << i + 1;
      EXPECT_EQ(fee->bands[i].unit_price, price) << "band " << i + 1;
      EXPECT_EQ(fee->bands[i].first, next_first) << "bands must be contiguous";
      next_first = fee->bands[i].last + 1;
    }
    EXPECT_EQ(i, fee->bands.size()) << "more bands than expected: " << fee->explanation;
  }
  EXPECT_GT(cases, 40);
}

TEST(Fees, ExplanationsForTheFeeNotice) {
  auto month = fee_for_month(35);
  ASSERT_TRUE(month.ok());
  EXPECT_EQ(month->method, FeeMethod::kPerApplication);
  EXPECT_EQ(month->explanation,
            "按件计收：本自然月共35件，第1-10件不收费；第11-30件 20件×100元=2000元；"
            "第31-35件 5件×200元=1000元；合计3000元。");

  auto one = fee_for_nth_application(35);
  ASSERT_TRUE(one.ok());
  EXPECT_EQ(one->explanation, "按件计收：本申请为申请人本自然月内第35件，属第31-40件档，每件200元；合计200元。");
  ASSERT_EQ(one->bands.size(), 1u);
  EXPECT_EQ(one->bands[0].first, 35);
  EXPECT_EQ(one->bands[0].subtotal(), 200);
  EXPECT_EQ(fee_for_nth_application(7)->explanation,
            "按件计收：本申请为申请人本自然月内第7件，第1-10件不收费；合计0元。");

  auto pages = fee_for_pages(250);
  ASSERT_TRUE(pages.ok());
  EXPECT_EQ(pages->method, FeeMethod::kPerPage);
  EXPECT_EQ(pages->explanation,
            "按量计收：共250页，第1-30页不收费；第31-100页 70页×10元=700元；"
            "第101-200页 100页×20元=2000元；第201-250页 50页×40元=2000元；合计4700元。");
  EXPECT_EQ(fee_for_pages(31)->explanation, "按量计收：共31页，第1-30页不收费；第31页 1页×10元=10元；合计10元。");
}

TEST(Fees, RefusalsSayWhy) {
  EXPECT_EQ(fee_for_month(0).error(), "申请件数须为正整数，收到：0");
  EXPECT_EQ(fee_for_month(10001).error(), "申请件数超出合理范围（不超过10000件），收到：10001");
  EXPECT_EQ(fee_for_nth_application(-1).error(), "申请序号须为正整数，收到：-1");
  EXPECT_EQ(fee_for_pages(1000001).error(), "页数超出合理范围（不超过1000000页），收到：1000001");
}

TEST(Fees, MonthTotalIsTheSumOfEachApplicationsFee) {
  Yuan sum = 0;
  for (std::int64_t n = 1; n <= kMaxApplicationsPerMonth; ++n) {
    auto one = fee_for_nth_application(n);
    ASSERT_TRUE(one.ok());
    sum += one->total;
    if (n % 97 == 0 || n <= 60 || n == kMaxApplicationsPerMonth) {
      auto month = fee_for_month(n);
      ASSERT_TRUE(month.ok());
      ASSERT_EQ(month->total, sum) << n;
      Yuan by_band = 0;
      for (const FeeBand& b : month->bands) by_band += b.subtotal();
      ASSERT_EQ(by_band, sum) << n;
    }
  }
}

TEST(Fees, PageFeeGrowsByTheRateOfEachPage) {
  Yuan previous = 0;
  for (std::int64_t p = 1; p <= 1000; ++p) {
    auto fee = fee_for_pages(p);
    ASSERT_TRUE(fee.ok());
    Yuan rate = p <= 30 ? 0 : p <= 100 ? 10 : p <= 200 ? 20 : 40;
    ASSERT_EQ(fee->total - previous, rate) << p;
    previous = fee->total;
  }
}

}  // namespace
}  // namespace gongkai::core
