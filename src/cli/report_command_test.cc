// gongkai report over the demo agency.
#include <gtest/gtest.h>

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/report_publish.h"
#include "cli/commands.h"
#include "cli/run_for_test.h"
#include "store/directory_store.h"
#include "render/zip_test_util.h"

namespace gongkai::cli {
namespace {

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

class ReportCommand : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new std::filesystem::path(std::filesystem::temp_directory_path() /
                                     ("gk_report_cmd_" + std::to_string(::getpid())));
    std::filesystem::create_directories(*dir_);
    std::string out, err;
    ASSERT_EQ(run({"demo", "--db", db()}, &out, &err), 0) << err;
  }
  static void TearDownTestSuite() {
    std::filesystem::remove_all(*dir_);
    delete dir_;
  }
  static std::string db() { return (*dir_ / "g.db").string(); }
  static std::string file(const std::string& name) { return (*dir_ / name).string(); }
  static std::filesystem::path* dir_;
};
std::filesystem::path* ReportCommand::dir_ = nullptr;

TEST_F(ReportCommand, JsonHasTheSeedFiguresInTheIssuesShape) {
  std::string out, err;
  ASSERT_EQ(run({"report", "--db", db(), "--agency", "cxswj", "--year", "2013", "--layout", "2008", "--out",
                 file("r.json")},
                &out, &err),
            0)
      << err;
  EXPECT_NE(out.find("wrote"), std::string::npos);
  Poco::JSON::Parser p;
  auto root = p.parse(slurp(file("r.json"))).extract<Poco::JSON::Object::Ptr>();
  auto pro = root->getObject("proactive");
  EXPECT_EQ(pro->getValue<int>("cumulative"), 517);
  EXPECT_EQ(pro->getValue<int>("in_year"), 203);
  EXPECT_DOUBLE_EQ(pro->getValue<double>("electronic_rate"), 100);
  auto classes = pro->getArray("classes");
  ASSERT_EQ(classes->size(), 4u);
  const char* names[] = {"政策法规类", "业务类", "便民服务类", "计划总结类"};
  const int cum[] = {76, 253, 174, 14}, year[] = {8, 56, 137, 2};
  const double cum_share[] = {14.7, 48.94, 33.66, 2.71}, year_share[] = {3.94, 27.59, 67.49, 0.99};
  for (unsigned i = 0; i < 4; ++i) {
    auto k = classes->getObject(i);
    EXPECT_EQ(k->getValue<std::string>("name"), names[i]);
    EXPECT_EQ(k->getValue<int>("cumulative"), cum[i]);
    EXPECT_DOUBLE_EQ(k->getValue<double>("cumulative_share"), cum_share[i]);
    EXPECT_EQ(k->getValue<int>("in_year"), year[i]);
    EXPECT_DOUBLE_EQ(k->getValue<double>("in_year_share"), year_share[i]);
  }
  auto t2 = root->getObject("table2");
  for (const char* k : {"规章", "行政规范性文件"}) {
    ASSERT_TRUE(t2->getObject(k)) << k;
    for (const char* f : {"issued", "repealed", "in_force"}) EXPECT_TRUE(t2->getObject(k)->has(f)) << k << f;
  }
  for (const char* k : {"行政许可", "行政处罚", "行政强制"}) EXPECT_TRUE(t2->getObject(k)->has("decisions")) << k;
  EXPECT_DOUBLE_EQ(t2->getObject("行政事业性收费")->getValue<double>("amount_wan_yuan"), 0);
  auto t3 = root->getObject("table3");
  for (const char* row : {"new", "carried_in", "granted", "partial", "denied.1", "denied.8", "unable.1", "unable.3",
                          "not_processed.1", "not_processed.5", "other.1", "other.3", "total", "carried_out"}) {
    auto r = t3->getObject(row);
    ASSERT_TRUE(r) << row;
    for (const char* col :
         {"natural_person", "commercial", "research", "public_interest", "legal_service", "other_org", "total"}) {
      EXPECT_EQ(r->getValue<int>(col), 0) << row << " " << col;
    }
  }
  auto t4 = root->getObject("table4");
  for (const char* k : {"reconsideration", "litigation_direct", "litigation_after_reconsideration"}) {
    for (const char* f : {"upheld", "corrected", "other", "pending", "total"}) {
      EXPECT_EQ(t4->getObject(k)->getValue<int>(f), 0) << k << f;
    }
  }
  EXPECT_EQ(root->getObject("fees")->getValue<int>("collected_yuan"), 0);
  EXPECT_EQ(root->getObject("requests")->getValue<int>("received"), 0);
}

TEST_F(ReportCommand, HtmlAndPdfCarryTheSameText) {
  std::string out, err;
  ASSERT_EQ(run({"report", "--db", db(), "--agency", "cxswj", "--year", "2013", "--layout", "2008", "--out",
                 file("r.html"), "--signed-on", "2014-03-10"},
                &out, &err),
            0)
      << err;
  std::string html = slurp(file("r.html"));
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(html.find("截至2013年12月31日，我局累计主动公开政府信息517条，其中2013年新增主动公开政府信息203条。"),
            std::string::npos);
  EXPECT_NE(html.find("2014年3月10日"), std::string::npos);
  EXPECT_NE(html.find("@media print"), std::string::npos);
  ASSERT_EQ(run({"report", "--db", db(), "--agency", "cxswj", "--year", "2013", "--layout", "2021", "--out",
                 file("r.pdf")},
                &out, &err),
            0)
      << err;
  std::string pdf = slurp(file("r.pdf"));
  EXPECT_EQ(pdf.rfind("%PDF-", 0), 0u);
}

// The text of a file's XML or pdftotext output without tags and white space.
std::string bare_text(const std::string& s) {
  std::string out;
  bool in_tag = false;
  for (char ch : s) {
    if (ch == '<') in_tag = true;
    else if (ch == '>') in_tag = false;
    else if (!in_tag && ch != '\n' && ch != ' ' && ch != '\r' && ch != '\f') out += ch;
  }
  return out;
}

TEST_F(ReportCommand, DocxAndPdfCarryTheSeedSentences) {
  const std::string sentence = "截至2013年12月31日，我局累计主动公开政府信息517条，其中2013年新增主动公开政府信息203条。";
  std::string out, err;
  ASSERT_EQ(run({"report", "--db", db(), "--agency", "cxswj", "--year", "2013", "--layout", "2008", "--out",
                 file("r.docx")},
                &out, &err),
            0)
      << err;
  auto parts = render::testing::unzip(slurp(file("r.docx")));
  ASSERT_TRUE(parts.count("word/document.xml"));
  std::string docx_text = bare_text(parts["word/document.xml"]);
  EXPECT_NE(docx_text.find(sentence), std::string::npos);
  EXPECT_NE(docx_text.find("2013年度我局未收到任何形式的申请公开信息要求。"), std::string::npos);
  ASSERT_EQ(run({"report", "--db", db(), "--agency", "cxswj", "--year", "2013", "--layout", "2008", "--out",
                 file("r8.pdf")},
                &out, &err),
            0)
      << err;
  if (std::system("command -v pdftotext >/dev/null 2>&1") != 0) GTEST_SKIP() << "pdftotext not installed";
  std::string cmd = "pdftotext -enc UTF-8 " + file("r8.pdf") + " " + file("r8.txt");
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  std::string pdf_text = bare_text(slurp(file("r8.txt")));
  EXPECT_NE(pdf_text.find(sentence), std::string::npos) << pdf_text.substr(0, 600);
  EXPECT_NE(pdf_text.find("电子化率达100%。"), std::string::npos);
  // The class chart of 二（一） is drawn with its text: caption, legend, class labels.
  for (const char* s : {"2013年主动公开政府信息分类情况", "截至2013年底累计", "2013年新增", "便民服务类", "计划总结类"}) {
    EXPECT_NE(pdf_text.find(s), std::string::npos) << s;
  }
  auto docx_chart = parts.find("word/media/chart1.png");
  ASSERT_NE(docx_chart, parts.end());
  EXPECT_EQ(docx_chart->second.rfind("\x89PNG", 0), 0u);
}

TEST_F(ReportCommand, XlsxHasTheTablesWithMergedCells) {
  std::string out, err;
  ASSERT_EQ(run({"report", "--db", db(), "--agency", "cxswj", "--year", "2013", "--layout", "2021", "--out",
                 file("r.xlsx")},
                &out, &err),
            0)
      << err;
  auto parts = render::testing::unzip(slurp(file("r.xlsx")));
  const std::string& workbook = parts["xl/workbook.xml"];
  for (const char* sheet : {"正文", "表二", "表三", "表四"}) {
    EXPECT_NE(workbook.find(std::string("name=\"") + sheet + "\""), std::string::npos) << sheet;
  }
  // Table 三 (sheet 3, its caption in row 1): the merged cells of the official format, the
  // 3×3 corner note, 申请人情况 over seven columns, and 三、本年度办理结果 down 22 rows.
  const std::string& t3 = parts["xl/worksheets/sheet3.xml"];
  ASSERT_NE(t3.find("<mergeCells"), std::string::npos);
  for (const char* ref : {"A2:C4", "D2:J2", "E3:I3", "A7:A28"}) {
    EXPECT_NE(t3.find(std::string("ref=\"") + ref + "\""), std::string::npos) << ref;
  }
  EXPECT_NE(parts["xl/sharedStrings.xml"].find("本年新收政府信息公开申请数量"), std::string::npos);
}

TEST_F(ReportCommand, CitySummaryListsAgenciesWithoutAReport) {
  std::string out, err;
  ASSERT_EQ(run({"report", "--db", db(), "--city", "--year", "2013", "--out", file("city.json")}, &out, &err), 0)
      << err;
  EXPECT_NE(out.find("1 agencies without a report published by 2014-03-31: cxswj"), std::string::npos) << out;
  Poco::JSON::Parser p;
  auto root = p.parse(slurp(file("city.json"))).extract<Poco::JSON::Object::Ptr>();
  EXPECT_EQ(root->getObject("proactive")->getValue<int>("cumulative"), 517);
  ASSERT_EQ(run({"report", "--db", db(), "--city", "--year", "2013", "--out", file("city.html")}, &out, &err), 0)
      << err;
  EXPECT_NE(slurp(file("city.html")).find("尚未发布"), std::string::npos);
}

TEST_F(ReportCommand, PublishedWritesTheFrozenSnapshot) {
  std::string out, err;
  {
    auto database = store::Database::open(db(), 2);
    int64_t agency = 0;
    {
      auto c = database->acquire();
      agency = store::find_agency_by_slug(*c, "cxswj")->id;
    }
    auto sys = app::Principal::system();
    app::save_draft(*database, sys, agency, 2012, app::ReportLayout::k2008, {{"problems", "<p>二〇一二年的问题。</p>"}}, {});
    app::publish_report(*database, sys, agency, 2012, app::ReportLayout::k2008, "2013-03-08");
  }
  ASSERT_EQ(run({"report", "--db", db(), "--agency", "cxswj", "--year", "2012", "--published", "--out",
                 file("p.html")},
                &out, &err),
            0)
      << err;
  std::string html = slurp(file("p.html"));
  EXPECT_NE(html.find("二〇一二年的问题。"), std::string::npos);
  EXPECT_NE(html.find("2013年3月8日"), std::string::npos);
  EXPECT_NE(html.find("累计主动公开政府信息314条"), std::string::npos);
}

TEST_F(ReportCommand, BadUsageIsRefused) {
  std::string out, err;
  EXPECT_EQ(run({"report", "--help"}, &out, &err), 0);
  EXPECT_NE(out.find("usage: gongkai report"), std::string::npos);
  EXPECT_EQ(run({"report", "--db", db(), "--agency", "cxswj", "--year", "2013", "--out", file("r.txt")}, &out, &err),
            2);
  EXPECT_NE(err.find(".json, .html"), std::string::npos);
  EXPECT_EQ(run({"report", "--db", db(), "--agency", "cxswj", "--year", "20x3", "--out", file("r.json")}, &out, &err),
            2);
  EXPECT_EQ(run({"report", "--db", db(), "--agency", "cxswj", "--year", "2013", "--layout", "2019", "--out",
                 file("r.json")},
                &out, &err),
            2);
  EXPECT_EQ(run({"report", "--db", db(), "--agency", "nosuch", "--year", "2013", "--out", file("r.json")}, &out, &err),
            1);
  EXPECT_EQ(run({"report", "--db", db(), "--agency", "cxswj", "--year", "2013", "--published", "--out",
                 file("p.json")},
                &out, &err),
            1);
  EXPECT_NE(err.find("not published"), std::string::npos);
}

}  // namespace
}  // namespace gongkai::cli
