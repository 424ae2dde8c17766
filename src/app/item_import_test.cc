#include "app/item_import.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/catalog.h"
#include "app/errors.h"
#include "app/jobs.h"
#include "app/item_export.h"
#include "app/test_fixture.h"
#include "core/date.h"
#include "render/body_text.h"
#include "store/audit_log.h"
#include "store/directory_store.h"
#include "store/item_bulk_store.h"
#include "store/item_store.h"
#include "store/migrations.h"
#include "store/search_store.h"
#include "store/test_databases.h"

namespace gongkai::app {
namespace {

const char* kHeader =
    "index_no,title,summary,body_html,doc_no,keywords,department,class,topic,genre,creation_date,publish_date,"
    "validity,validity_changed_on,disclosure_mode,carrier,status\n";

class ItemImportTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = open_db();
    if (!db_) GTEST_SKIP() << "backend not available: " << GetParam();
    a_ = make_test_agency(*db_, "ta", "000014349");
    dir_ = std::filesystem::temp_directory_path() /
           ("gk_import_" + std::to_string(::getpid()) + "_" + std::to_string(counter_++));
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::unique_ptr<store::Database> open_db() {
    auto db = store::open_test_database(GetParam(), 4);
    if (db) store::migrate(*db);
    return db;
  }

  std::string write(const std::string& name, const std::string& text) {
    auto p = (dir_ / name).string();
    std::ofstream(p, std::ios::binary) << text;
    return p;
  }

  ImportSummary import(const std::string& name, const std::string& text, bool skip_bad = false,
                       store::Database* db = nullptr, int64_t agency = 0, int64_t index_now_max = 20000) {
    ImportOptions opt;
    opt.skip_bad = skip_bad;
    opt.index_now_max = index_now_max;
    opt.batch_rows = 3;  // several batches even for small files
    auto path = write(name, text);
    auto fmt = item_file_format(name);
    return import_items(db ? *db : *db_, Principal::system("test"), agency ? agency : a_.id, path, *fmt, opt);
  }

  int64_t count(const std::string& status) {
    auto c = db_->acquire();
    return store::count_items(*c, a_.id, status);
  }

  std::string year() { return std::to_string(core::Date::today_cst().year()); }
  std::string days_ago(int n) { return core::Date::today_cst().add_days(-n).iso(); }

  static inline int counter_ = 0;
  std::unique_ptr<store::Database> db_;
  TestAgency a_;
  std::filesystem::path dir_;
};

TEST_P(ItemImportTest, GoodFileLoadsWithMetadataStatesAndIndexNumbers) {
  std::string csv = std::string("\xEF\xBB\xBF") + kHeader +
                    // published, keeps its number
                    "000014349/2012-00007,关于做好2012年外贸统计工作的通知,概述一,\"<p>第一段，含逗号</p>\n"
                    "<p onclick=\"\"x()\"\">第二段</p><script>alert(1)</script>\",慈商〔2012〕7号,外贸 统计,"
                    "对外贸易科,政务动态,商贸、海关、旅游/对外经贸合作,通知,2012-03-01,2012-03-05,有效,,主动公开,电子,\n"
                    // published, gets a generated number; late (created long before)
                    ",关于公布2013年度服务业重点项目的公告,,<p>正文</p>,,,商贸流通科,业务类,,公告,2013-01-04,2013-06-03,"
                    "废止,2013-09-01,主动公开,电子和纸质,published\n"
                    // draft
                    ",草稿一则,,<p>草稿</p>,,,商贸流通科,政务动态,,,2013-05-02,,,,,,\n"
                    // withdrawn
                    ",撤回的信息,,<p>x</p>,,,商贸流通科,政务动态,,,2013-05-02,2013-05-03,,,,,withdrawn\n";
  auto s = import("items.csv", csv);
  ASSERT_TRUE(s.committed);
  EXPECT_TRUE(s.errors.empty()) << s.errors[0].reason;
  EXPECT_EQ(s.rows, 4);
  EXPECT_EQ(s.loaded, 4);
  EXPECT_EQ(s.published, 2);
  EXPECT_EQ(s.withdrawn, 1);
  EXPECT_EQ(s.drafts, 1);
  EXPECT_EQ(s.numbered, 2);
  EXPECT_EQ(count("published"), 2);
  EXPECT_EQ(count("draft"), 1);
  EXPECT_EQ(count("withdrawn"), 1);

  auto c = db_->acquire();
  auto kept = store::find_item_by_index(*c, "000014349/2012-00007");
  ASSERT_TRUE(kept);
  EXPECT_EQ(kept->status, "published");
  EXPECT_EQ(kept->publish_date, "2012-03-05");
  EXPECT_EQ(kept->department_id, a_.dept_b);
  EXPECT_FALSE(kept->working_rev_id);
  auto rev = store::find_revision(*c, a_.id, *kept->published_rev_id);
  ASSERT_TRUE(rev);
  EXPECT_EQ(rev->rev_no, 1);
  EXPECT_EQ(rev->state, "published");
  EXPECT_EQ(rev->data.doc_no, "慈商〔2012〕7号");
  EXPECT_EQ(rev->data.keywords, "外贸 统计");
  EXPECT_EQ(rev->data.genre_id, a_.genre_id);
  EXPECT_EQ(rev->data.class_id, a_.class_id);
  auto topic = store::find_category(*c, a_.id, *rev->data.topic_id);
  EXPECT_EQ(topic->name, "对外经贸合作");
  EXPECT_EQ(rev->data.body_html.find("<script"), std::string::npos);
  EXPECT_EQ(rev->data.body_html.find("onclick"), std::string::npos);
  EXPECT_NE(rev->data.body_html.find("第一段，含逗号"), std::string::npos);
  EXPECT_EQ(render::sanitized_body_text(rev->data.body_html), "第一段，含逗号\n第二段");

  // The generated number follows the pattern in the publication year.
  auto generated = store::find_item_by_index(*c, "000014349/2013-00001");
  ASSERT_TRUE(generated);
  EXPECT_EQ(generated->validity, "废止");
  EXPECT_EQ(generated->validity_changed_on, "2013-09-01");
  EXPECT_TRUE(generated->late);
  EXPECT_FALSE(kept->late);
  auto withdrawn = store::find_item_by_index(*c, "000014349/2013-00002");
  ASSERT_TRUE(withdrawn);
  EXPECT_EQ(withdrawn->status, "withdrawn");

  store::ItemFilter f;
  f.agency_id = a_.id;
  f.status = "draft";
  auto drafts = store::list_items(*c, f);
  ASSERT_EQ(drafts.rows.size(), 1u);
  EXPECT_FALSE(drafts.rows[0].index_no);
  EXPECT_FALSE(drafts.rows[0].published_rev_id);
  ASSERT_TRUE(drafts.rows[0].working_rev_id);
  EXPECT_EQ(store::find_revision(*c, a_.id, *drafts.rows[0].working_rev_id)->state, "draft");

  auto events = store::list_workflow_events(*c, kept->id);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].action, "import");
  EXPECT_EQ(events[0].comment, "导入自 items.csv 第2行");
  auto check = store::verify_audit(*c);
  EXPECT_TRUE(check.ok) << check.problem;
  EXPECT_EQ(c->query_int("SELECT COUNT(*) FROM audit_log WHERE action = 'item.import'"), 1);
  // The published items (not the draft, not the withdrawn one) are searchable at once.
  EXPECT_EQ(s.indexed, 2);
  EXPECT_EQ(store::count_indexed(*c, a_.id), 2);
}

// Beyond index_now_max the published items are queued; the jobs' queue pass makes them
// searchable after the commit, and an item withdrawn while queued is never indexed.
TEST_P(ItemImportTest, LargeImportsQueueTheRestForTheSearchIndex) {
  std::string csv = kHeader;
  for (int i = 1; i <= 7; ++i) {
    csv += ",排队索引测试信息" + std::to_string(i) + ",,<p>正文" + std::to_string(i) +
           "</p>,,,商贸流通科,政务动态,,,2013-05-02,2013-05-03,,,,,\n";
  }
  csv += ",排队索引草稿,,<p>x</p>,,,商贸流通科,政务动态,,,2013-05-02,,,,,,\n";
  auto s = import("queue.csv", csv, false, nullptr, 0, /*index_now_max=*/2);
  ASSERT_TRUE(s.committed);
  EXPECT_EQ(s.published, 7);
  EXPECT_EQ(s.indexed, 2);
  EXPECT_EQ(s.queued, 5);
  auto c = db_->acquire();
  EXPECT_EQ(store::count_indexed(*c, a_.id), 2);
  EXPECT_EQ(store::count_queued(*c), 5);
  auto query = [&] {
    store::SearchQuery q;
    q.query = search::parse_query("排队索引测试信息");
    q.filter.agency_id = a_.id;
    q.limit = 20;
    return store::search_items(*c, q).total;
  };
  EXPECT_EQ(query(), 2);

  // One queued item is withdrawn before the queue reaches it.
  auto last = store::find_item_by_index(*c, "000014349/2013-00007");
  ASSERT_TRUE(last);
  withdraw_item(*db_, Principal::system("test"), a_.id, last->id, "测试撤回");

  auto pass = run_jobs_once(*db_);
  EXPECT_EQ(pass.indexed, 5);
  EXPECT_FALSE(pass.more_queued);
  EXPECT_EQ(store::count_queued(*c), 0);
  EXPECT_EQ(store::count_indexed(*c, a_.id), 6);
  EXPECT_EQ(query(), 6);
}

// A load that sets the secondary indexes aside builds them again before the commit, and a
// failed one leaves them as they were.
TEST_P(ItemImportTest, LargeLoadsRebuildTheIndexesTheyDropped) {
  auto index_count = [&] {
    auto c = db_->acquire();
    return store::count_item_index_definitions(*c);
  };
  int64_t before = index_count();
  std::string csv = kHeader;
  for (int i = 1; i <= 5; ++i) {
    csv += ",重建索引测试" + std::to_string(i) + ",,<p>正文</p>,,,商贸流通科,政务动态,,,2013-05-02,2013-05-03,,,,,\n";
  }
  ImportOptions opt;
  opt.rebuild_indexes_min_rows = 0;
  auto s = import_items(*db_, Principal::system("test"), a_.id, write("big.csv", csv), ItemFileFormat::kCsv, opt);
  ASSERT_TRUE(s.committed);
  EXPECT_EQ(index_count(), before);
  {
    auto c = db_->acquire();
    store::ItemFilter f;
    f.agency_id = a_.id;
    f.status = "published";
    EXPECT_EQ(store::list_items(*c, f).total, 5);
  }
  auto bad = import_items(*db_, Principal::system("test"), a_.id, write("bad.csv", csv + ",,,,,,,,,,,,,,,,\n"),
                          ItemFileFormat::kCsv, opt);
  EXPECT_FALSE(bad.committed);
  EXPECT_EQ(index_count(), before);
}


// Each bad row, the line it starts on and a piece of the reason.
struct BadCase {
  std::string row;
  std::string reason;
};

TEST_P(ItemImportTest, EachKindOfBadRowIsReportedWithItsLineAndNothingIsLoaded) {
  std::string good = ",好的一行,,<p>x</p>,,,商贸流通科,政务动态,,,2013-05-02,2013-05-03,,,,,\n";
  std::string tomorrow = core::Date::today_cst().add_days(1).iso();
  std::vector<BadCase> cases = {
      {",,,<p>x</p>,,,商贸流通科,政务动态,,,2013-05-02,,,,,,\n", "请填写标题"},
      {",标题,,<p>x</p>,,,不存在的科,政务动态,,,2013-05-02,,,,,,\n", "发布科室“不存在的科”不存在"},
      {",标题,,<p>x</p>,,,商贸流通科,不存在的类,,,2013-05-02,,,,,,\n", "信息分类“不存在的类”不存在"},
      {",标题,,<p>x</p>,,,商贸流通科,政务动态,其他,,2013-05-02,,,,,,\n", ""},  // top 其他: fine
      {",标题,,<p>x</p>,,,商贸流通科,政务动态,政务公开/其他,,2013-05-02,,,,,,\n", "主题分类“政务公开/其他”不存在"},
      {",标题,,<p>x</p>,,,商贸流通科,,,,2013-05-02,,,,,,\n", "请选择信息分类"},
      {",标题,,<p>x</p>,,,商贸流通科,政务动态,,,2013/05/02,,,,,,\n", "生成日期"},
      {",标题,,<p>x</p>,,,商贸流通科,政务动态,,,2013-05-02,2013-02-30,,,,,\n", "发布日期"},
      {",标题,,<p>x</p>,,,商贸流通科,政务动态,,,2013-05-02,2013-05-01,,,,,\n", "发布日期不能早于生成日期"},
      {",标题,,<p>x</p>,,,商贸流通科,政务动态,,,2013-05-02," + tomorrow + ",,,,,\n", "发布日期不能晚于今天"},
      {",标题,,<p>x</p>,,,商贸流通科,政务动态,,,2013-05-02,,,,,,published\n", "须填写发布日期"},
      {"000014349/2013-00009,标题,,<p>x</p>,,,商贸流通科,政务动态,,,2013-05-02,,,,,,\n", "草稿不能有索引号"},
      {",标题,,<p>x</p>,,,商贸流通科,政务动态,,,2013-05-02,2013-05-03,过期,,,,\n", "有效性只能是"},
      {",标题,,<p>x</p>,,,商贸流通科,政务动态,,,2013-05-02,2013-05-03,废止,,,,\n", "须填写有效性变更日期"},
      {",标题,,<p>x</p>,,,商贸流通科,政务动态,,,2013-05-02,2013-05-03,有效,2013-06-01,,,\n", "有效的信息不填写"},
      {",标题,,<p>x</p>,,,商贸流通科,政务动态,,,2013-05-02,2013-05-03,,,公开,,\n", "公开方式无效"},
      {",标题,,<p>x</p>,,,商贸流通科,政务动态,,,2013-05-02,2013-05-03,,,,光盘,\n", "载体类型无效"},
      {",标题,,<p>x</p>,,,商贸流通科,政务动态,,,2013-05-02,2013-05-03,,,,,archived\n", "状态（status）只能是"},
      {"," + std::string(201, 'x') + ",,<p>x</p>,,,商贸流通科,政务动态,,,2013-05-02,,,,,,\n", "标题不能超过200个字"},
      {",标题,,<p>x</p>,,,商贸流通科,政务动态,,,2013-05-02,,,,,\n", "本行有16列，表头有17列"},
      {",标\"题,,<p>x</p>,,,商贸流通科,政务动态,,,2013-05-02,,,,,,\n", "CSV格式有误"},
      {",\xB1\xEA\xCC\xE2,,<p>x</p>,,,商贸流通科,政务动态,,,2013-05-02,,,,,,\n", "UTF-8"},
  };
  // A multi-line good row first, so that physical lines and record numbers differ.
  std::string csv = std::string(kHeader) +
                    ",多行正文,,\"<p>一</p>\n<p>二</p>\n<p>三</p>\",,,商贸流通科,政务动态,,,2013-05-02,,,,,,\n";
  std::vector<std::pair<int64_t, std::string>> expected;
  int64_t line = 5;
  for (const auto& bc : cases) {
    csv += good;
    ++line;
    csv += bc.row;
    if (!bc.reason.empty()) expected.emplace_back(line, bc.reason);
    ++line;
  }
  auto s = import("bad.csv", csv);
  EXPECT_FALSE(s.committed);
  EXPECT_EQ(s.loaded, 0);
  EXPECT_EQ(s.rows, 1 + 2 * static_cast<int64_t>(cases.size()));
  EXPECT_EQ(s.bad, static_cast<int64_t>(expected.size()));
  ASSERT_EQ(s.errors.size(), expected.size());
  for (size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(s.errors[i].line, expected[i].first) << s.errors[i].reason;
    EXPECT_NE(s.errors[i].reason.find(expected[i].second), std::string::npos)
        << "line " << expected[i].first << ": " << s.errors[i].reason << " (wanted " << expected[i].second << ")";
  }
  // All or nothing: not even the good rows before the first bad one.
  EXPECT_EQ(count("draft") + count("published"), 0);
  auto c = db_->acquire();
  EXPECT_EQ(c->query_int("SELECT COUNT(*) FROM item_revisions"), 0);
  EXPECT_EQ(c->query_int("SELECT COUNT(*) FROM index_serials"), 0);
}

TEST_P(ItemImportTest, SkipBadLoadsTheGoodRowsAndListsTheBadOnes) {
  std::string csv = std::string(kHeader) + ",一,,<p>x</p>,,,商贸流通科,政务动态,,,2013-05-02,2013-05-03,,,,,\n" +
                    ",,,<p>x</p>,,,商贸流通科,政务动态,,,2013-05-02,,,,,,\n" +
                    ",三,,<p>x</p>,,,商贸流通科,政务动态,,,2013-05-02,,,,,,\n" +
                    ",四,,<p>x</p>,,,无此科室,政务动态,,,2013-05-02,,,,,,\n" +
                    ",五,,<p>x</p>,,,商贸流通科,政务动态,,,2013-05-02,2013-05-06,,,,,\n";
  auto s = import("skip.csv", csv, /*skip_bad=*/true);
  ASSERT_TRUE(s.committed);
  EXPECT_EQ(s.loaded, 3);
  EXPECT_EQ(s.published, 2);
  EXPECT_EQ(s.drafts, 1);
  EXPECT_EQ(s.bad, 2);
  ASSERT_EQ(s.errors.size(), 2u);
  EXPECT_EQ(s.errors[0].line, 3);
  EXPECT_EQ(s.errors[1].line, 5);
  EXPECT_EQ(count("published"), 2);
  EXPECT_EQ(count("draft"), 1);
  auto c = db_->acquire();
  EXPECT_TRUE(store::find_item_by_index(*c, "000014349/2013-00002"));
}

TEST_P(ItemImportTest, DuplicateIndexNumbersInTheFileAndInTheDatabase) {
  std::string row = "000014349/2013-00004,一,,<p>x</p>,,,商贸流通科,政务动态,,,2013-05-02,2013-05-03,,,,,\n";
  auto s = import("dup.csv", std::string(kHeader) + row + row);
  EXPECT_FALSE(s.committed);
  ASSERT_EQ(s.errors.size(), 1u);
  EXPECT_EQ(s.errors[0].line, 3);
  EXPECT_NE(s.errors[0].reason.find("与第2行重复"), std::string::npos) << s.errors[0].reason;

  ASSERT_TRUE(import("one.csv", std::string(kHeader) + row).committed);
  auto again = import("again.csv", std::string(kHeader) + row);
  EXPECT_FALSE(again.committed);
  ASSERT_EQ(again.errors.size(), 1u);
  EXPECT_EQ(again.errors[0].line, 2);
  EXPECT_NE(again.errors[0].reason.find("已被其他信息使用"), std::string::npos);
  // Another agency cannot take it either: index numbers are unique on the platform.
  auto other = make_test_agency(*db_, "tb", "000014357");
  auto s2 = import("other.csv", std::string(kHeader) + row, false, nullptr, other.id);
  EXPECT_FALSE(s2.committed);
}

TEST_P(ItemImportTest, GeneratedNumbersSkipEveryNumberTheFileGives) {
  // Row 2 needs a number; rows 3 and 4 give serials 3 and 5 of the same year further down.
  std::string csv = std::string(kHeader) + ",一,,<p>x</p>,,,商贸流通科,政务动态,,,2013-05-02,2013-05-03,,,,,\n" +
                    "000014349/2013-00003,二,,<p>x</p>,,,商贸流通科,政务动态,,,2013-05-02,2013-05-03,,,,,\n" +
                    "000014349/2013-00005,三,,<p>x</p>,,,商贸流通科,政务动态,,,2013-05-02,2013-05-03,,,,,\n" +
                    "其他系统/2013-001,四,,<p>x</p>,,,商贸流通科,政务动态,,,2013-05-02,2013-05-03,,,,,\n";
  auto s = import("mixed.csv", csv);
  ASSERT_TRUE(s.committed) << (s.errors.empty() ? "" : s.errors[0].reason);
  auto c = db_->acquire();
  auto first = store::find_item_by_index(*c, "000014349/2013-00006");
  ASSERT_TRUE(first);
  EXPECT_EQ(first->title, "一");
  EXPECT_TRUE(store::find_item_by_index(*c, "其他系统/2013-001"));
}

TEST_P(ItemImportTest, ImportedIndexNumberIsNeverReusedByALaterPublish) {
  // An item of this year imported with serial 5; then one published through the review.
  std::string row = "000014349/" + year() + "-00005,导入的信息,,<p>x</p>,,,商贸流通科,政务动态,,," + days_ago(3) +
                    "," + days_ago(1) + ",,,,,\n";
  ASSERT_TRUE(import("numbered.csv", std::string(kHeader) + row).committed);
  ItemInput in;
  in.title = "审核后发布的信息";
  in.body_html = "<p>正文</p>";
  in.department_id = a_.dept_a;
  in.class_id = a_.class_id;
  in.creation_date = days_ago(2);
  int64_t item = create_item(*db_, a_.who["liaison"], a_.id, in);
  int64_t rev = view_item(*db_, a_.who["office"], a_.id, item).shown->id;
  submit_revision(*db_, a_.who["liaison"], a_.id, rev);
  approve_revision(*db_, a_.who["head"], a_.id, rev, "同意");
  approve_revision(*db_, a_.who["leader"], a_.id, rev, "同意");
  approve_revision(*db_, a_.who["secrecy"], a_.id, rev, "不涉密");
  auto v = view_item(*db_, a_.who["office"], a_.id, item);
  EXPECT_EQ(v.item.status, "published");
  EXPECT_EQ(*v.item.index_no, "000014349/" + year() + "-00006");
}

TEST_P(ItemImportTest, HeaderProblemsStopTheImportBeforeAnyRow) {
  EXPECT_THROW(import("h1.csv", "title,colour\nx,red\n"), AppError);
  EXPECT_THROW(import("h2.csv", "title,class,creation_date\nx,政务动态,2013-05-02\n"), AppError);  // no department
  EXPECT_THROW(import("h3.csv", "title,title,department,class,creation_date\n"), AppError);
  EXPECT_THROW(import("h4.csv", ""), AppError);
  try {
    import("h5.csv", "title,department,class,creation_date,颜色\n");
    FAIL();
  } catch (const AppError& e) {
    EXPECT_NE(std::string(e.what()).find("表头第5列“颜色”"), std::string::npos) << e.what();
  }
  EXPECT_EQ(count("draft"), 0);
}

TEST_P(ItemImportTest, JsonLinesLoadAndTheirBadLinesAreReported) {
  std::string jsonl =
      "{\"title\":\"JSON导入\",\"body_html\":\"<p>一</p>\",\"department\":\"商贸流通科\",\"class\":\"政务动态\","
      "\"creation_date\":\"2013-05-02\",\"publish_date\":\"2013-05-03\",\"index_no\":null}\n"
      "\n"
      "{\"title\":\"草稿\",\"department\":\"商贸流通科\",\"class\":\"业务类\",\"creation_date\":\"2013-05-02\"}\r\n"
      "{\"title\":1,\"department\":\"商贸流通科\",\"class\":\"业务类\",\"creation_date\":\"2013-05-02\"}\n"
      "{\"title\":\"x\",\"colour\":\"red\"}\n"
      "[1,2]\n"
      "{\"title\":\"x\",\n";
  auto bad = import("items.jsonl", jsonl);
  EXPECT_FALSE(bad.committed);
  ASSERT_EQ(bad.errors.size(), 4u);
  EXPECT_EQ(bad.errors[0].line, 4);
  EXPECT_NE(bad.errors[0].reason.find("须为字符串"), std::string::npos);
  EXPECT_EQ(bad.errors[1].line, 5);
  EXPECT_NE(bad.errors[1].reason.find("未知的字段“colour”"), std::string::npos);
  EXPECT_EQ(bad.errors[2].line, 6);
  EXPECT_EQ(bad.errors[3].line, 7);
  EXPECT_NE(bad.errors[3].reason.find("JSON格式有误"), std::string::npos);
  auto s = import("skip.jsonl", jsonl, true);
  ASSERT_TRUE(s.committed);
  EXPECT_EQ(s.published, 1);
  EXPECT_EQ(s.drafts, 1);
}

TEST_P(ItemImportTest, ExportImportExportRoundTripsOnAFreshDatabase) {
  // Items made through the catalog (published, draft, withdrawn, repealed) and by import.
  auto make = [&](const std::string& title, const std::string& body) {
    ItemInput in;
    in.title = title;
    in.summary = "概述：" + title;
    in.body_html = body;
    in.doc_no = "慈商〔2013〕1号";
    in.keywords = "商贸 统计";
    in.department_id = a_.dept_a;
    in.class_id = a_.class_id;
    in.topic_id = a_.topic_id;
    in.genre_id = a_.genre_id;
    in.creation_date = days_ago(5);
    return create_item(*db_, a_.who["office"], a_.id, in);
  };
  auto publish = [&](int64_t item) {
    int64_t rev = view_item(*db_, a_.who["office"], a_.id, item).shown->id;
    submit_revision(*db_, a_.who["office"], a_.id, rev);
    approve_revision(*db_, a_.who["head"], a_.id, rev, "");
    approve_revision(*db_, a_.who["leader"], a_.id, rev, "");
    approve_revision(*db_, a_.who["secrecy"], a_.id, rev, "");
  };
  int64_t p = make("已发布, 含逗号和\"引号\"", "<p>第一段\n第二行</p><table><tr><td>甲</td><td>乙</td></tr></table>");
  publish(p);
  make("仍是草稿", "<p>草稿正文</p>");
  int64_t w = make("将被撤回", "<p>撤回</p>");
  publish(w);
  withdraw_item(*db_, a_.who["office"], a_.id, w, "内容有误");
  int64_t r = make("将被废止", "<p>废止</p>");
  publish(r);
  change_validity(*db_, a_.who["office"], a_.id, r, "废止", core::Date::today_cst().iso(), "");
  ASSERT_TRUE(import("more.csv", std::string(kHeader) +
                                     "000014349/2011-00042,旧系统的信息,,<p>旧</p>,,,对外贸易科,政务动态,综合政务/其他,其他,"
                                     "2011-01-04,2011-01-05,失效,2012-01-01,依申请公开,纸质,\n")
                  .committed);

  for (std::string ext : {"csv", "jsonl"}) {
    SCOPED_TRACE(ext);
    auto fmt = *item_file_format("x." + ext);
    std::ostringstream first;
    EXPECT_EQ(export_items(*db_, Principal::system("test"), a_.id, first, fmt), 5);
    auto fresh = open_db();
    auto b = make_test_agency(*fresh, "ta", "000014349");
    auto s = import("roundtrip." + ext, first.str(), false, fresh.get(), b.id);
    ASSERT_TRUE(s.committed) << (s.errors.empty() ? "" : std::to_string(s.errors[0].line) + s.errors[0].reason);
    EXPECT_EQ(s.numbered, 0);
    std::ostringstream second;
    export_items(*fresh, Principal::system("test"), b.id, second, fmt);
    EXPECT_EQ(first.str(), second.str());
  }
  std::ostringstream csv;
  export_items(*db_, Principal::system("test"), a_.id, csv, ItemFileFormat::kCsv);
  std::string text = csv.str();
  EXPECT_EQ(text.rfind("\xEF\xBB\xBFindex_no,title,", 0), 0u);
  EXPECT_NE(text.find(",withdrawn,published\r\n"), std::string::npos);
  EXPECT_NE(text.find(",draft,draft\r\n"), std::string::npos);
  EXPECT_NE(text.find(",综合政务/其他,其他,"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Backends, ItemImportTest, ::testing::Values("sqlite", "postgres"));

}  // namespace
}  // namespace gongkai::app
