// `gongkai calendar import`: a year into a database, then due/is-workday with --db count with it.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/commands.h"
#include "cli/run_for_test.h"

namespace gongkai::cli {
namespace {

class CalendarImportCommand : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("gk-cal-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
            std::to_string(reinterpret_cast<uintptr_t>(this)));
    std::filesystem::create_directories(dir_);
    db_ = (dir_ / "t.db").string();
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string write(const std::string& name, const std::string& text) {
    auto p = dir_ / name;
    std::ofstream(p, std::ios::binary) << text;
    return p.string();
  }
  std::filesystem::path dir_;
  std::string db_;
};

TEST_F(CalendarImportCommand, ImportsAChineseDaysYearAndDeadlinesUseIt) {
  std::string file = write("2027.json", R"({"holidays":{"2027-01-01":"New Year's Day,元旦,1",
      "2027-01-04":"New Year's Day,元旦,1"},"workdays":{"2027-01-09":"New Year's Day,元旦,1"},"inLieuDays":{}})");
  std::string out, err;
  ASSERT_EQ(run({"calendar", "import", file, "--db", db_, "--json"}, &out, &err), 0) << err;
  EXPECT_EQ(out, "{\"year\":2027,\"entries\":3,\"format\":\"chinese-days\",\"requests_checked\":0,"
                 "\"requests_moved\":0}\n");
  ASSERT_EQ(run({"calendar", "is-workday", "2027-01-04", "--json", "--db", db_}, &out), 0);
  EXPECT_EQ(out, "{\"date\":\"2027-01-04\",\"workday\":false,\"reason\":\"元旦\"}\n");
  ASSERT_EQ(run({"calendar", "is-workday", "2027-01-09", "--json", "--db=" + db_}, &out), 0);
  EXPECT_EQ(out, "{\"date\":\"2027-01-09\",\"workday\":true,\"reason\":\"调休上班\"}\n");
  // Without the database only the shipped years count.
  ASSERT_EQ(run({"calendar", "is-workday", "2027-01-04", "--json"}, &out), 0);
  EXPECT_EQ(out, "{\"date\":\"2027-01-04\",\"workday\":true,\"reason\":\"工作日\"}\n");
}

TEST_F(CalendarImportCommand, RefusesBadFilesAndUsage) {
  std::string out, err;
  std::string bad = write("bad.txt", "2027-01-04\twork\t元旦\n");
  EXPECT_EQ(run({"calendar", "import", bad, "--db", db_}, &out, &err), 1);
  EXPECT_NE(err.find("不是周末"), std::string::npos) << err;
  EXPECT_EQ(run({"calendar", "import", "--db", db_}, &out, &err), 2);
  EXPECT_EQ(run({"calendar", "import", (dir_ / "missing.json").string(), "--db", db_}, &out, &err), 1);
  EXPECT_EQ(run({"calendar", "import", "--help"}, &out), 0);
  EXPECT_NE(out.find("chinese-days"), std::string::npos);
}

}  // namespace
}  // namespace gongkai::cli
