// The page cache in front of the portal: hits, what is never kept, and that a change shows
// at once on this node (any POST) and within the freshness window otherwise.
#include "web/page_cache.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "app/auth.h"
#include "app/catalog.h"
#include "app/demo.h"
#include "store/directory_store.h"
#include "store/item_store.h"
#include "store/migrations.h"
#include "store/test_databases.h"
#include "web/test_server.h"

namespace gongkai::web {
namespace {

using namespace std::chrono_literals;

class PageCacheTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    db_ = store::open_test_database("sqlite", 8).release();
    store::migrate(*db_);
    app::load_demo(*db_, "Demo-pass123");
  }
  static void TearDownTestSuite() { delete db_; }
  void SetUp() override {
    server_ = std::make_unique<TestServer>(*db_);
    cache_ = &server_->enable_page_cache(300ms);
  }
  static int64_t agency() {
    auto c = db_->acquire();
    return store::find_agency_by_slug(*c, "cxswj")->id;
  }
  static int64_t item(const std::string& index_no) {
    auto c = db_->acquire();
    return store::find_item_by_index(*c, index_no)->id;
  }

  static store::Database* db_;
  std::unique_ptr<TestServer> server_;
  PageCache* cache_ = nullptr;
};
store::Database* PageCacheTest::db_ = nullptr;

TEST_F(PageCacheTest, SecondRequestIsAHitWithTheSameBytesAndHeaders) {
  auto first = server_->get("/items/002953470/2013-00180");
  ASSERT_EQ(first.status, 200);
  EXPECT_EQ(first.headers["x-gongkai-cache"], "new");
  EXPECT_EQ(first.headers["cache-control"], "public, max-age=0, must-revalidate");
  EXPECT_EQ(first.headers["x-accel-expires"].rfind("@", 0), 0u);
  auto second = server_->get("/items/002953470/2013-00180");
  EXPECT_EQ(second.headers["x-gongkai-cache"], "hit");
  EXPECT_EQ(second.body, first.body);
  EXPECT_EQ(second.headers["content-type"], first.headers["content-type"]);
  EXPECT_EQ(second.headers["content-security-policy"], first.headers["content-security-policy"]);
  EXPECT_NE(second.headers["x-request-id"], first.headers["x-request-id"]);
  auto head = server_->request("HEAD", "/items/002953470/2013-00180");
  EXPECT_EQ(head.headers["x-gongkai-cache"], "hit");
  EXPECT_TRUE(head.body.empty());
  // The care-mode variant is a page of its own.
  auto care = server_->request("GET", "/items/002953470/2013-00180", nullptr, "", "gk_care=1");
  EXPECT_EQ(care.headers["x-gongkai-cache"], "new");
  EXPECT_NE(care.body.find("class=\"portal care\""), std::string::npos);
  EXPECT_EQ(server_->request("GET", "/items/002953470/2013-00180", nullptr, "", "gk_care=1").headers["x-gongkai-cache"],
            "hit");
}

TEST_F(PageCacheTest, ErrorsPrivatePagesAndSignedInReadersAreNeverKept) {
  server_->get("/items/002953470/2099-00001");
  EXPECT_NE(server_->get("/items/002953470/2099-00001").headers["x-gongkai-cache"], "hit");
  // The request form sets a cookie and says no-store.
  ASSERT_EQ(server_->get("/requests/cxswj/new").status, 200);
  EXPECT_EQ(server_->get("/requests/cxswj/new").headers.count("x-gongkai-cache"), 0u);
  // Back-office pages are no-store; a reader with a session bypasses the cache.
  auto s = app::login(*db_, "cxswj.office", "Demo-pass123", "127.0.0.1");
  server_->get("/cxswj/", &s);
  EXPECT_EQ(server_->get("/cxswj/", &s).headers["x-gongkai-cache"], "new");
  EXPECT_EQ(server_->get("/admin", &s).headers.count("x-gongkai-cache"), 0u);
}

TEST_F(PageCacheTest, APostOnThisNodeShowsAtOnceAndOtherChangesWithinTheWindow) {
  const std::string url = "/items/002953470/2013-00170";
  ASSERT_EQ(server_->get(url).status, 200);
  ASSERT_EQ(server_->get(url).headers["x-gongkai-cache"], "hit");
  // Withdrawn through the back office: the next reader gets a 404 at once.
  auto s = app::login(*db_, "cxswj.office", "Demo-pass123", "127.0.0.1");
  auto w = server_->request("POST", "/admin/items/" + std::to_string(item("002953470/2013-00170")) + "/withdraw", &s,
                            "comment=%E6%B5%8B%E8%AF%95");
  ASSERT_LT(w.status, 400) << w.body.substr(0, 300);
  EXPECT_EQ(server_->get(url).status, 404);

  // Changed behind the server's back (another node, the command line): stale at most for
  // the freshness window.
  const std::string other = "/items/002953470/2013-00171";
  ASSERT_EQ(server_->get(other).status, 200);
  ASSERT_EQ(server_->get(other).headers["x-gongkai-cache"], "hit");
  app::withdraw_item(*db_, app::Principal::system("test"), agency(), item("002953470/2013-00171"), "测试");
  std::this_thread::sleep_for(350ms);
  EXPECT_EQ(server_->get(other).status, 404);
}

TEST(PageCacheRender, OneReaderRendersWhileTheOthersWait) {
  PageCache cache(1000ms);
  ASSERT_TRUE(cache.begin_render("p"));
  EXPECT_TRUE(cache.begin_render("q"));  // another page renders independently
  std::atomic<bool> second_done{false};
  bool second_claimed = true;
  std::thread other([&] {
    second_claimed = cache.begin_render("p");
    second_done = true;
  });
  std::this_thread::sleep_for(100ms);
  EXPECT_FALSE(second_done.load());  // waits for the first render
  auto e = std::make_shared<PageCache::Entry>();
  e->body = "page";
  e->stored = PageCache::Clock::now();
  e->generation = cache.generation();
  cache.store("p", e);
  cache.end_render("p");
  other.join();
  EXPECT_FALSE(second_claimed);  // told to look again, and finds it
  EXPECT_TRUE(cache.find("p", PageCache::Clock::now()));
  cache.end_render("q");
  EXPECT_TRUE(cache.begin_render("p"));  // free again
  EXPECT_FALSE(cache.try_begin_render("p"));
  cache.end_render("p");
  // Aged out but not written since: it may stand in; after a write it may not.
  EXPECT_FALSE(cache.find("p", PageCache::Clock::now() + 2s));
  EXPECT_TRUE(cache.find_aged("p"));
  cache.invalidate();
  EXPECT_FALSE(cache.find_aged("p"));
}

TEST(PageCacheBounds, FullCacheDropsStaleEntriesFirst) {
  PageCache cache(1000ms);
  auto entry = [&](size_t bytes) {
    auto e = std::make_shared<PageCache::Entry>();
    e->body.assign(bytes, 'x');
    e->stored = PageCache::Clock::now();
    e->generation = cache.generation();
    return e;
  };
  cache.store("a", entry(10));
  EXPECT_TRUE(cache.find("a", PageCache::Clock::now()));
  EXPECT_FALSE(cache.find("a", PageCache::Clock::now() + 2s));
  cache.store("big", entry(PageCache::kMaxEntryBytes + 1));
  EXPECT_FALSE(cache.find("big", PageCache::Clock::now()));
  cache.invalidate();
  EXPECT_FALSE(cache.find("a", PageCache::Clock::now()));
  for (size_t i = 0; i < PageCache::kMaxEntries + 5; ++i) cache.store("k" + std::to_string(i), entry(1));
  EXPECT_LE(cache.size(), PageCache::kMaxEntries);
  EXPECT_TRUE(cache.find("k" + std::to_string(PageCache::kMaxEntries + 4), PageCache::Clock::now()));
}

}  // namespace
}  // namespace gongkai::web
