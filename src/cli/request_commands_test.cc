// `gongkai import requests` / `gongkai export requests` round trip through files.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/test_fixture.h"
#include "cli/commands.h"
#include "cli/run_for_test.h"
#include "store/db.h"
#include "store/migrations.h"

namespace gongkai::cli {
namespace {

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(RequestCommands, ImportThenExportRoundTrips) {
  auto dir = std::filesystem::temp_directory_path() / ("gk-req-cli-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::string db = (dir / "t.db").string();
  {
    auto d = store::Database::open(db, 2);
    store::migrate(*d);
    app::make_test_agency(*d, "cli", "000014349");
  }
  std::string csv =
      "tracking_code,received_on,channel,applicant_kind,applicant_name,phone,address,description,delivery_form,"
      "delivery_method,outcome,decided_on\n"
      "ABCD2345,2023-02-01,in_person,natural_person,王五,13800000000,慈溪市某路2号,2022年度部门预算,paper,pickup,"
      "granted,2023-02-10\n";
  std::ofstream(dir / "in.csv", std::ios::binary) << csv;
  std::string out, err;
  ASSERT_EQ(run({"import", "requests", (dir / "in.csv").string(), "--agency", "cli", "--db", db, "--json"}, &out, &err),
            0)
      << out << err;
  EXPECT_EQ(out, "{\"ok\":true,\"rows\":1,\"loaded\":1,\"bad\":0,\"errors\":[]}\n");
  ASSERT_EQ(run({"export", "requests", "--agency", "cli", "--db", db, "--out", (dir / "out.jsonl").string()}, &out,
                &err),
            0)
      << err;
  std::string jsonl = slurp(dir / "out.jsonl");
  EXPECT_NE(jsonl.find("\"tracking_code\":\"ABCD2345\""), std::string::npos) << jsonl;
  EXPECT_NE(jsonl.find("\"state\":\"decided\""), std::string::npos);
  // The same file again: the tracking code is taken now, nothing is loaded.
  EXPECT_EQ(run({"import", "requests", (dir / "in.csv").string(), "--agency", "cli", "--db", db}, &out, &err), 1);
  EXPECT_NE(err.find("跟踪码 ABCD2345 已被使用"), std::string::npos) << err;
  EXPECT_EQ(run({"import", "requests", "--help"}, &out), 0);
  EXPECT_EQ(run({"export", "requests", "--agency", "cli"}, &out, &err), 2);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace gongkai::cli
