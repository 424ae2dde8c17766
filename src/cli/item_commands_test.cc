// gongkai import items / export items / agency list as a script sees them: exit codes and JSON.
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/test_fixture.h"
#include "cli/commands.h"
#include "store/migrations.h"
#include "store/search_store.h"
#include "store/test_databases.h"

namespace gongkai::cli {
namespace {

class ItemCommandsTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = store::open_test_database(GetParam(), 2);
    if (!db_) GTEST_SKIP() << "backend not available: " << GetParam();
    store::migrate(*db_);
    app::make_test_agency(*db_, "ta", "000014349");
    dir_ = std::filesystem::temp_directory_path() / ("gk_cli_items_" + std::to_string(::getpid()) + GetParam());
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  int run(Argv args, std::string* out, std::string* err = nullptr) {
    args.push_back("--db");
    args.push_back(db_->target());
    std::ostringstream o, e;
    int rc = dispatch(args, o, e);
    *out = o.str();
    if (err) *err = e.str();
    return rc;
  }

  std::string file(const std::string& name, const std::string& text) {
    auto p = (dir_ / name).string();
    std::ofstream(p, std::ios::binary) << text;
    return p;
  }

  static Poco::JSON::Object::Ptr json(const std::string& s) {
    return Poco::JSON::Parser().parse(s).extract<Poco::JSON::Object::Ptr>();
  }

  std::unique_ptr<store::Database> db_;
  std::filesystem::path dir_;
};

const char* kGood =
    "title,department,class,creation_date,publish_date\n"
    "关于开展商贸统计的通知,商贸流通科,政务动态,2013-05-02,2013-05-03\n"
    "草稿,对外贸易科,业务类,2013-05-02,\n";

TEST_P(ItemCommandsTest, IndexNowZeroQueuesAndReindexQueuedWorksItOff) {
  std::string out, err;
  ASSERT_EQ(run({"import", "items", file("q.csv", kGood), "--agency", "ta", "--index-now", "0", "--json"}, &out, &err), 0)
      << out << err;
  auto s = json(out);
  EXPECT_EQ(s->getValue<int>("indexed"), 0);
  EXPECT_EQ(s->getValue<int>("queued"), 1);
  ASSERT_EQ(run({"import", "items", file("q2.csv", kGood), "--agency", "ta", "--index-now", "0"}, &out, &err), 0);
  EXPECT_NE(out.find("另有 1 条已发布信息排队等待建立搜索索引"), std::string::npos) << out;
  EXPECT_EQ(run({"import", "items", file("q3.csv", kGood), "--agency", "ta", "--index-now", "-1"}, &out, &err), 1);
  EXPECT_NE(err.find("--index-now"), std::string::npos) << err;
  ASSERT_EQ(run({"reindex", "--queued", "--json"}, &out, &err), 0) << out << err;
  s = json(out);
  EXPECT_EQ(s->getValue<int>("items"), 2);
  EXPECT_EQ(s->getValue<int>("left"), 0);
  auto c = db_->acquire();
  EXPECT_EQ(store::count_queued(*c), 0);
  EXPECT_EQ(c->query_int("SELECT COUNT(*) FROM items WHERE status = 'published'"), store::count_indexed(*c, std::nullopt));
  EXPECT_EQ(run({"reindex", "--queued", "--agency", "ta"}, &out, &err), 1);
}

TEST_P(ItemCommandsTest, ImportPrintsAJsonSummaryAndExportWritesEveryItem) {
  std::string out, err;
  ASSERT_EQ(run({"import", "items", file("good.csv", kGood), "--agency", "ta", "--json"}, &out, &err), 0) << out << err;
  auto s = json(out);
  EXPECT_TRUE(s->getValue<bool>("ok"));
  EXPECT_EQ(s->getValue<int>("loaded"), 2);
  EXPECT_EQ(s->getValue<int>("published"), 1);
  EXPECT_EQ(s->getValue<int>("drafts"), 1);
  EXPECT_EQ(s->getValue<int>("numbered"), 1);
  EXPECT_EQ(s->getArray("errors")->size(), 0u);

  ASSERT_EQ(run({"agency", "list", "--json"}, &out), 0);
  auto agencies = Poco::JSON::Parser().parse(out).extract<Poco::JSON::Array::Ptr>();
  ASSERT_EQ(agencies->size(), 1u);
  auto ta = agencies->getObject(0);
  EXPECT_EQ(ta->getValue<std::string>("slug"), "ta");
  EXPECT_EQ(ta->getValue<std::string>("name"), "ta 测试局");
  EXPECT_EQ(ta->getValue<int>("published"), 1);
  EXPECT_EQ(ta->getValue<int>("drafts"), 1);

  std::string target = (dir_ / "out.jsonl").string();
  ASSERT_EQ(run({"export", "items", "--agency", "ta", "--out", target, "--json"}, &out, &err), 0) << err;
  EXPECT_EQ(json(out)->getValue<int>("items"), 2);
  std::ifstream in(target);
  std::string line;
  int lines = 0;
  while (std::getline(in, line)) {
    auto o = json(line);
    EXPECT_TRUE(o->has("revision_state"));
    ++lines;
  }
  EXPECT_EQ(lines, 2);
  EXPECT_FALSE(std::filesystem::exists(target + ".tmp"));
}

TEST_P(ItemCommandsTest, BadRowsExitNonZeroWithTheirLines) {
  std::string bad = std::string(kGood) + ",商贸流通科,政务动态,2013-05-02,\n";
  std::string out, err;
  EXPECT_EQ(run({"import", "items", file("bad.csv", bad), "--agency", "ta", "--json"}, &out), 1);
  auto s = json(out);
  EXPECT_FALSE(s->getValue<bool>("ok"));
  EXPECT_EQ(s->getValue<int>("loaded"), 0);
  auto errors = s->getArray("errors");
  ASSERT_EQ(errors->size(), 1u);
  EXPECT_EQ(errors->getObject(0)->getValue<int>("line"), 4);
  EXPECT_EQ(run({"import", "items", file("bad2.csv", bad), "--agency", "ta"}, &out, &err), 1);
  EXPECT_NE(err.find("第4行：请填写标题"), std::string::npos) << err;
  EXPECT_NE(err.find("未导入任何信息"), std::string::npos) << err;
  EXPECT_EQ(run({"import", "items", file("bad3.csv", bad), "--agency", "ta", "--skip-bad"}, &out, &err), 0);
  EXPECT_NE(out.find("已导入 2 条信息"), std::string::npos) << out;
}

TEST_P(ItemCommandsTest, UsageAndFileErrors) {
  std::string out, err;
  EXPECT_EQ(run({"import", "items", file("x.csv", kGood)}, &out, &err), 2);  // no --agency
  EXPECT_EQ(run({"import", "items", file("x.txt", kGood), "--agency", "ta", "--json"}, &out), 1);
  EXPECT_FALSE(json(out)->getValue<bool>("ok"));
  EXPECT_EQ(run({"import", "items", file("y.csv", kGood), "--agency", "nosuch", "--json"}, &out), 1);
  EXPECT_NE(json(out)->getValue<std::string>("error").find("nosuch"), std::string::npos);
  EXPECT_EQ(run({"import", "items", (dir_ / "missing.csv").string(), "--agency", "ta"}, &out, &err), 1);
  EXPECT_NE(err.find("无法打开文件"), std::string::npos) << err;
  EXPECT_EQ(run({"export", "items", "--agency", "ta"}, &out, &err), 2);  // no --out
  for (const char* c : {"import", "export"}) {
    EXPECT_EQ(run({c, "--help"}, &out), 0);
    EXPECT_NE(out.find("usage: gongkai"), std::string::npos);
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, ItemCommandsTest, ::testing::Values("sqlite", "postgres"));

}  // namespace
}  // namespace gongkai::cli
