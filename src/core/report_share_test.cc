#include "core/report_share.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace gongkai::core {
namespace {

const std::string kCasesPath = std::string(GK_SOURCE_DIR) + "/src/core/testdata/report_shares.txt";

TEST(ReportShare, CasesFromFile) {
  std::ifstream in(kCasesPath);
  ASSERT_TRUE(in) << kCasesPath;
  std::string line;
  int cases = 0, line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    std::istringstream ls(line);
    int64_t part = 0, whole = 0;
    std::string arrow, printed;
    ASSERT_TRUE(ls >> part >> whole >> arrow >> printed) << "line " << line_no << ": " << line;
    ASSERT_EQ(arrow, "=>") << "line " << line_no;
    EXPECT_EQ(format_share(part, whole), printed) << "line " << line_no << ": " << line;
    EXPECT_DOUBLE_EQ(share_percent(part, whole), std::stod(printed)) << "line " << line_no;
    ++cases;
  }
  EXPECT_GE(cases, 20);
}

TEST(ReportShare, HundredthsFormatting) {
  EXPECT_EQ(format_hundredths(1470), "14.7");
  EXPECT_EQ(format_hundredths(1405), "14.05");
  EXPECT_EQ(format_hundredths(10000), "100");
  EXPECT_EQ(format_hundredths(0), "0");
  EXPECT_EQ(format_hundredths(-250), "-2.5");
}

}  // namespace
}  // namespace gongkai::core
