// gongkai search over the demo agency: the first page, every id, timed query lists, errors.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>
#include <unistd.h>

#include "cli/commands.h"
#include "cli/run_for_test.h"

namespace gongkai::cli {
namespace {

TEST(SearchCommand, FirstPageIdsAndQueryLists) {
  DemoDatabase demo("gk_search");
  const auto& dir = demo.dir;
  const std::string& db = demo.path;
  std::string out, err;

  ASSERT_EQ(run({"search", "--db", db, "--per-page", "3", "报告"}, &out, &err), 0) << err;
  ASSERT_EQ(out.rfind("共 ", 0), 0u) << out;
  std::istringstream lines(out);
  std::string first;
  std::getline(lines, first);
  int64_t total = std::stoll(first.substr(first.find(' ') + 1));
  EXPECT_GT(total, 3);
  int shown = 0;
  for (std::string l; std::getline(lines, l);) {
    EXPECT_NE(l.find("报告"), std::string::npos) << l;  // demo titles with 报告 rank first
    ++shown;
  }
  EXPECT_EQ(shown, 3);

  // --ids: every match, as many as the total, in ascending order.
  std::string qfile = (dir / "q.txt").string();
  std::ofstream(qfile) << "报告\n没有这个词\n";
  ASSERT_EQ(run({"search", "--db", db, "--ids", "--queries", qfile}, &out, &err), 0) << err;
  std::istringstream ids_lines(out);
  std::string l1, l2;
  std::getline(ids_lines, l1);
  std::getline(ids_lines, l2);
  ASSERT_EQ(l1.rfind("报告\t", 0), 0u) << l1;
  std::istringstream ids(l1.substr(l1.find('\t') + 1));
  int64_t n = 0, prev = 0, id = 0;
  while (ids >> id) {
    EXPECT_GT(id, prev);
    prev = id;
    ++n;
  }
  EXPECT_EQ(n, total);
  EXPECT_EQ(l2, "没有这个词\t");

  // --queries: query, milliseconds, total.
  ASSERT_EQ(run({"search", "--db", db, "--queries", qfile}, &out, &err), 0) << err;
  EXPECT_NE(out.find("报告\t"), std::string::npos);
  EXPECT_NE(out.find("\t" + std::to_string(total) + "\n"), std::string::npos) << out;
  // --passes: the list over again in one process, the same totals each time.
  ASSERT_EQ(run({"search", "--db", db, "--queries", qfile, "--passes", "3"}, &out, &err), 0) << err;
  std::istringstream passes(out);
  std::vector<std::string> got;
  for (std::string l; std::getline(passes, l);) got.push_back(l.substr(0, l.find('\t')) + l.substr(l.rfind('\t')));
  EXPECT_EQ(got, (std::vector<std::string>{"报告\t" + std::to_string(total), "没有这个词\t0", "报告\t" + std::to_string(total),
                                            "没有这个词\t0", "报告\t" + std::to_string(total), "没有这个词\t0"}));
  EXPECT_EQ(run({"search", "--db", db, "--queries", qfile, "--passes", "0"}, &out, &err), 2);
  EXPECT_EQ(run({"search", "--db", db, "--passes", "2", "报告"}, &out, &err), 2);

  EXPECT_EQ(run({"search", "--db", db, "--sort", "sideways", "报告"}, &out, &err), 1);
  EXPECT_NE(err.find("排序"), std::string::npos) << err;
  EXPECT_EQ(run({"search", "--db", db, "!!!"}, &out, &err), 1);
  EXPECT_EQ(run({"search", "--db", db}, &out, &err), 2);
  EXPECT_EQ(run({"search", "--help"}, &out, &err), 0);
  EXPECT_NE(out.find("usage: gongkai search"), std::string::npos);
}

TEST(SearchCommand, TextsAreWhatASearchCanMatch) {
  DemoDatabase demo("gk_search_texts");
  const auto& dir = demo.dir;
  const std::string& db = demo.path;
  std::string out, err;
  ASSERT_EQ(run({"search", "--db", db, "--texts"}, &out, &err), 0) << err;
  std::istringstream lines(out);
  int64_t n = 0, prev = 0;
  std::string some_title, some_id;
  for (std::string l; std::getline(lines, l); ++n) {
    std::vector<std::string> f;
    std::istringstream fields(l);
    for (std::string x; std::getline(fields, x, '\t');) f.push_back(x);
    ASSERT_EQ(f.size(), 5u) << l.substr(0, 200);
    int64_t id = std::stoll(f[0]);
    EXPECT_GT(id, prev);
    prev = id;
    EXPECT_EQ(f[1].size(), 10u) << "publication date " << f[1];
    EXPECT_FALSE(f[3].empty());
    EXPECT_EQ(f[3].find('<'), std::string::npos) << "the body as text, not HTML: " << f[3].substr(0, 120);
    if (n == 100) some_title = f[2], some_id = f[0];
  }
  EXPECT_GE(n, 517) << "the seed's 517 published items at least";
  // The title of one of them finds it.
  std::string qfile = (dir / "q.txt").string();
  std::ofstream(qfile) << "\"" << some_title << "\"\n";
  ASSERT_EQ(run({"search", "--db", db, "--ids", "--queries", qfile}, &out, &err), 0) << err;
  std::string ids = " " + out.substr(out.find('\t') + 1);
  std::replace(ids.begin(), ids.end(), '\n', ' ');
  EXPECT_NE(ids.find(" " + some_id + " "), std::string::npos) << some_title << " → " << out.substr(0, 300);
  EXPECT_EQ(run({"search", "--db", db, "--texts", "报告"}, &out, &err), 2);
}

}  // namespace
}  // namespace gongkai::cli
