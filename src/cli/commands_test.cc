#include "cli/commands.h"
#include "cli/run_for_test.h"

#include <gtest/gtest.h>

#include <sstream>

namespace gongkai::cli {
namespace {

TEST(Cli, HelpListsEveryCommandAndUnknownIsUsageError) {
  std::string out, err;
  EXPECT_EQ(run({"--help"}, &out), 0);
  for (const char* c : {"serve", "migrate", "demo", "user", "agency", "audit", "calendar"}) {
    EXPECT_NE(out.find(c), std::string::npos) << c;
  }
  EXPECT_EQ(run({"frobnicate"}, &out, &err), 2);
  EXPECT_NE(err.find("unknown command"), std::string::npos);
}

TEST(Cli, CalendarAnswersInJson) {
  std::string out, err;
  EXPECT_EQ(run({"calendar", "is-workday", "2024-10-01", "--json"}, &out), 0);
  EXPECT_EQ(out, "{\"date\":\"2024-10-01\",\"workday\":false,\"reason\":\"国庆节\"}\n");
  EXPECT_EQ(run({"calendar", "due", "--from", "2024-09-27", "--days", "20", "--json"}, &out), 0);
  EXPECT_NE(out.find("\"due\":\"2024-10-30\""), std::string::npos) << out;
  EXPECT_EQ(run({"calendar", "due", "--from", "2024-02-30", "--days", "20"}, &out, &err), 2);
}

TEST(Cli, EveryCommandExplainsItsFlags) {
  for (const char* c : {"serve", "migrate", "demo", "user", "agency", "audit", "calendar"}) {
    std::string out;
    EXPECT_EQ(run({c, "--help"}, &out), 0) << c;
    EXPECT_TRUE(out.find("usage") != std::string::npos || out.find("用法") != std::string::npos) << c << ": " << out;
  }
}

}  // namespace
}  // namespace gongkai::cli
