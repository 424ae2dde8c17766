// gongkai assessment over the demo agency.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

#include "cli/commands.h"
#include "cli/run_for_test.h"
#include "core/date.h"

namespace gongkai::cli {
namespace {

TEST(AssessmentCommand, PrintsAndWritesTheDemoAgencysSheet) {
  DemoDatabase demo("gk_assess");
  const auto& dir = demo.dir;
  const std::string& db = demo.path;
  std::string out, err;
  std::string year = std::to_string(core::Date::today_cst().year());
  ASSERT_EQ(run({"assessment", "--db", db, "--agency", "cxswj", "--period", year}, &out, &err), 0) << err;
  EXPECT_NE(out.find(year + "年政府信息公开工作考核"), std::string::npos) << out;
  EXPECT_NE(out.find("1\t"), std::string::npos) << out;
  EXPECT_NE(out.find("得分 = 100 ×"), std::string::npos) << out;
  std::string pdf = (dir / "a.pdf").string();
  ASSERT_EQ(run({"assessment", "--db", db, "--agency", "cxswj", "--period", year, "--format", "pdf", "--out", pdf}, &out, &err), 0)
      << err;
  std::ifstream f(pdf, std::ios::binary);
  std::string head(5, '\0');
  f.read(head.data(), 5);
  EXPECT_EQ(head, "%PDF-");
  EXPECT_EQ(run({"assessment", "--db", db, "--agency", "cxswj", "--period", year, "--format", "pdf"}, &out, &err), 2);
  EXPECT_EQ(run({"assessment", "--db", db, "--agency", "nosuch", "--period", year}, &out, &err), 1);
  EXPECT_EQ(run({"assessment", "--db", db, "--agency", "cxswj", "--period", "2026-Q9"}, &out, &err), 1);
  EXPECT_NE(err.find("考核期间格式"), std::string::npos) << err;
}

}  // namespace
}  // namespace gongkai::cli
