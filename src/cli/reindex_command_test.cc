// gongkai reindex over the demo agency.
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>
#include <unistd.h>

#include "cli/commands.h"
#include "cli/run_for_test.h"

namespace gongkai::cli {
namespace {

TEST(ReindexCommand, RebuildsAllOrOneAgencyWithASummary) {
  DemoDatabase demo("gk_reindex");
  const std::string& db = demo.path;
  std::string out, err;
  ASSERT_EQ(run({"reindex", "--db", db, "--json"}, &out, &err), 0) << err;
  EXPECT_NE(out.find("\"items\":517"), std::string::npos) << out;
  EXPECT_NE(out.find("\"removed\":517"), std::string::npos) << out;
  EXPECT_NE(out.find("\"agency\":null"), std::string::npos) << out;
  ASSERT_EQ(run({"reindex", "--db", db, "--agency", "cxswj", "--batch", "100"}, &out, &err), 0) << err;
  EXPECT_NE(out.find("517 条已发布信息"), std::string::npos) << out;
  EXPECT_TRUE(err.empty()) << err;  // no progress bar when standard error is not a terminal
  EXPECT_EQ(run({"reindex", "--db", db, "--agency", "nosuch", "--json"}, &out, &err), 1);
  EXPECT_NE(out.find("\"ok\":false"), std::string::npos) << out;
  EXPECT_EQ(run({"reindex", "--db", db, "--frob"}, &out, &err), 2);
  EXPECT_EQ(run({"reindex", "--help"}, &out, &err), 0);
  EXPECT_NE(out.find("usage: gongkai reindex"), std::string::npos);
}

}  // namespace
}  // namespace gongkai::cli
