// The search index follows the catalog: publishing, a new version, withdrawal and a change
// of validity show in search results at once (each in its own transaction).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "app/catalog.h"
#include "app/item_import.h"
#include "app/search.h"
#include "app/test_fixture.h"
#include "core/date.h"
#include "store/migrations.h"
#include "store/test_databases.h"

namespace gongkai::app {
namespace {

class SearchCatalogTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = store::open_test_database(GetParam(), 4);
    if (!db_) GTEST_SKIP() << "backend not available: " << GetParam();
    store::migrate(*db_);
    a_ = make_test_agency(*db_, "sc", "000014349");
  }

  ItemInput input(const std::string& title, const std::string& body) {
    ItemInput in;
    in.title = title;
    in.body_html = "<p>" + body + "</p>";
    in.department_id = a_.dept_a;
    in.class_id = a_.class_id;
    in.topic_id = a_.topic_id;
    in.creation_date = core::Date::today_cst().add_days(-1).iso();
    return in;
  }

  void review(int64_t rev) {
    submit_revision(*db_, a_.who["liaison"], a_.id, rev, "");
    approve_revision(*db_, a_.who["head"], a_.id, rev, "同意");
    approve_revision(*db_, a_.who["leader"], a_.id, rev, "同意");
    approve_revision(*db_, a_.who["secrecy"], a_.id, rev, "不涉密");
  }

  int64_t total(const std::string& q, const std::string& validity = "") {
    SearchRequest r;
    r.q = q;
    r.validity = validity;
    return run_search(*db_, r).total;
  }

  std::unique_ptr<store::Database> db_;
  TestAgency a_;
};

TEST_P(SearchCatalogTest, IndexFollowsPublicationWithdrawalAndValidity) {
  int64_t item = create_item(*db_, a_.who["liaison"], a_.id, input("青瓷文化节活动方案", "举办青瓷文化节。"));
  EXPECT_EQ(total("青瓷"), 0);  // a draft is not searchable
  int64_t rev = view_item(*db_, a_.who["office"], a_.id, item).shown->id;
  review(rev);
  EXPECT_EQ(total("青瓷"), 1);
  EXPECT_EQ(total("青瓷", "废止"), 0);

  // A new version replaces the indexed text when it is published, not before.
  int64_t rev2 = start_new_version(*db_, a_.who["liaison"], a_.id, item);
  update_revision(*db_, a_.who["liaison"], a_.id, rev2, input("杨梅节活动方案", "举办杨梅节。"));
  EXPECT_EQ(total("青瓷"), 1);
  EXPECT_EQ(total("杨梅"), 0);
  review(rev2);
  EXPECT_EQ(total("青瓷"), 0);
  EXPECT_EQ(total("杨梅"), 1);

  change_validity(*db_, a_.who["office"], a_.id, item, "废止", core::Date::today_cst().iso(), "");
  EXPECT_EQ(total("杨梅", "废止"), 1);
  EXPECT_EQ(total("杨梅", "有效"), 0);

  withdraw_item(*db_, a_.who["office"], a_.id, item, "内容有误");
  EXPECT_EQ(total("杨梅"), 0);
}

TEST_P(SearchCatalogTest, ImportedItemsAreSearchableWhenTheImportCommits) {
  auto path = std::filesystem::temp_directory_path() / ("gk_search_import_" + std::to_string(::getpid()) + ".csv");
  {
    std::ofstream f(path);
    f << "title,body_html,department,class,creation_date,publish_date,status\n"
      << "杨梅节活动方案,<p>举办杨梅节。</p>,商贸流通科,政务动态,2020-05-01,2020-05-02,published\n"
      << "青瓷文化节草稿,<p>青瓷。</p>,商贸流通科,政务动态,2020-05-01,,draft\n"
      << "茶叶博览会,<p>已撤回。</p>,商贸流通科,政务动态,2020-05-01,2020-05-03,withdrawn\n";
  }
  auto sum = import_items(*db_, Principal::system("test"), a_.id, path.string(), ItemFileFormat::kCsv);
  std::filesystem::remove(path);
  ASSERT_TRUE(sum.committed) << (sum.errors.empty() ? "" : sum.errors[0].reason);
  EXPECT_EQ(total("杨梅"), 1);
  EXPECT_EQ(total("青瓷"), 0);  // a draft
  EXPECT_EQ(total("茶叶"), 0);  // withdrawn
}

INSTANTIATE_TEST_SUITE_P(Backends, SearchCatalogTest, ::testing::Values("sqlite", "postgres"));

}  // namespace
}  // namespace gongkai::app
