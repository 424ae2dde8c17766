#include "app/attachments.h"

#include <gtest/gtest.h>

#include <Poco/Zip/Compress.h>

#include <filesystem>
#include <sstream>

#include "app/catalog.h"
#include "app/errors.h"
#include "app/file_types.h"
#include "app/test_fixture.h"
#include "core/date.h"
#include "store/migrations.h"
#include "store/test_databases.h"

namespace gongkai::app {
namespace {

const std::string kPdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";
const std::string kPng = std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89", 33);

std::string make_zip(const std::vector<std::pair<std::string, std::string>>& files) {
  std::ostringstream out;
  Poco::Zip::Compress zip(out, true);
  for (const auto& [name, data] : files) {
    std::istringstream in(data);
    zip.addFile(in, Poco::DateTime(), Poco::Path(name, Poco::Path::PATH_UNIX));
  }
  zip.close();
  return out.str();
}

TEST(FileTypes, DecidedByContentAndMatchingExtension) {
  EXPECT_EQ(detect_file_type(kPdf, "通知.pdf")->mime, "application/pdf");
  EXPECT_EQ(detect_file_type(kPdf, "通知.PDF")->label, "PDF");
  EXPECT_FALSE(detect_file_type(kPdf, "通知.docx"));  // extension disagrees with content
  EXPECT_FALSE(detect_file_type("<html><script>alert(1)</script></html>", "a.pdf"));
  EXPECT_FALSE(detect_file_type("MZ\x90\0\x03", "a.exe"));
  EXPECT_EQ(detect_file_type(kPng, "图.png")->mime, "image/png");
  std::string docx = make_zip({{"[Content_Types].xml", "<Types/>"}, {"word/document.xml", "<w:document/>"}});
  EXPECT_EQ(detect_file_type(docx, "a.docx")->label, "Word文档");
  EXPECT_FALSE(detect_file_type(docx, "a.xlsx"));
  std::string xlsx = make_zip({{"[Content_Types].xml", "<Types/>"}, {"xl/workbook.xml", "<workbook/>"}});
  EXPECT_EQ(detect_file_type(xlsx, "a.xlsx")->label, "Excel表格");
  EXPECT_EQ(detect_file_type(make_zip({{"a.txt", "hi"}}), "材料.zip")->mime, "application/zip");
  EXPECT_FALSE(detect_file_type("", "a.pdf"));
}

TEST(FileTypes, CleanFilenames) {
  EXPECT_EQ(clean_filename("../../etc/passwd"), "passwd");
  EXPECT_EQ(clean_filename("C:\\docs\\关于\"x\".pdf"), "关于x.pdf");
  EXPECT_EQ(clean_filename("a\r\nb.pdf"), "ab.pdf");
  EXPECT_EQ(clean_filename(""), "附件");
  std::string long_name;
  for (int i = 0; i < 300; ++i) long_name += "长";
  std::string cut = clean_filename(long_name);
  EXPECT_EQ(cut.size(), 120u * 3);
}

TEST(FileTypes, ContentDispositionCarriesUtf8Name) {
  EXPECT_EQ(content_disposition("通知 1.pdf", true),
            "inline; filename=\"___1.pdf\"; filename*=UTF-8''%E9%80%9A%E7%9F%A5%201.pdf");
}

class AttachmentTest : public ::testing::TestWithParam<std::tuple<std::string, bool>> {
 protected:
  void SetUp() override {
    db_ = store::open_test_database(std::get<0>(GetParam()), 4);
    if (!db_) GTEST_SKIP();
    store::migrate(*db_);
    a_ = make_test_agency(*db_, "att", "000014349");
    dir_ = std::filesystem::temp_directory_path() / ("gk_blobs_" + std::to_string(::getpid()) + "_" +
                                                     std::to_string(reinterpret_cast<uintptr_t>(this)));
    blobs_ = std::make_unique<BlobStore>(*db_, std::get<1>(GetParam()) ? "" : dir_.string());
    ItemInput in;
    in.title = "附件测试";
    in.department_id = a_.dept_a;
    in.class_id = a_.class_id;
    in.creation_date = core::Date::today_cst().iso();
    item_ = create_item(*db_, a_.who["liaison"], a_.id, in);
    rev_ = view_item(*db_, a_.who["office"], a_.id, item_).shown->id;
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::unique_ptr<store::Database> db_;
  TestAgency a_;
  std::filesystem::path dir_;
  std::unique_ptr<BlobStore> blobs_;
  int64_t item_ = 0, rev_ = 0;
};

TEST_P(AttachmentTest, UploadDownloadAndPublicOnlyWhenPublished) {
  int64_t id = add_attachment(*db_, *blobs_, a_.who["liaison"], a_.id, rev_, "../关于开展检查的通知.pdf", kPdf);
  auto d = staff_download(*db_, *blobs_, a_.who["office"], a_.id, id);
  EXPECT_EQ(d.data, kPdf);
  EXPECT_EQ(d.meta.filename, "关于开展检查的通知.pdf");
  EXPECT_EQ(d.meta.mime, "application/pdf");
  // Same bytes twice are stored once.
  add_attachment(*db_, *blobs_, a_.who["liaison"], a_.id, rev_, "copy.pdf", kPdf);
  if (!blobs_->in_database()) {
    int files = 0;
    for (auto& e : std::filesystem::recursive_directory_iterator(dir_)) files += e.is_regular_file();
    EXPECT_EQ(files, 1);
  }
  EXPECT_THROW(public_download(*db_, *blobs_, id), AppError);
  submit_revision(*db_, a_.who["liaison"], a_.id, rev_);
  EXPECT_THROW(add_attachment(*db_, *blobs_, a_.who["liaison"], a_.id, rev_, "b.pdf", kPdf), AppError);
  approve_revision(*db_, a_.who["head"], a_.id, rev_, "");
  approve_revision(*db_, a_.who["leader"], a_.id, rev_, "");
  approve_revision(*db_, a_.who["secrecy"], a_.id, rev_, "");
  EXPECT_EQ(public_download(*db_, *blobs_, id).data, kPdf);
  // A new version copies the attachments; withdrawing hides them from the public.
  int64_t rev2 = start_new_version(*db_, a_.who["liaison"], a_.id, item_);
  EXPECT_EQ(view_item(*db_, a_.who["office"], a_.id, item_).attachments.size(), 2u);
  (void)rev2;
  withdraw_item(*db_, a_.who["office"], a_.id, item_, "测试撤回");
  EXPECT_THROW(public_download(*db_, *blobs_, id), AppError);
}

TEST_P(AttachmentTest, RefusesBadFilesAndOtherAgencies) {
  EXPECT_THROW(add_attachment(*db_, *blobs_, a_.who["liaison"], a_.id, rev_, "x.pdf", "<script>x</script>"), ValidationError);
  EXPECT_THROW(add_attachment(*db_, *blobs_, a_.who["liaison"], a_.id, rev_, "x.pdf", ""), ValidationError);
  EXPECT_THROW(add_attachment(*db_, *blobs_, a_.who["liaison"], a_.id, rev_, "x.pdf",
                              kPdf + std::string(kMaxAttachmentBytes, ' ')), ValidationError);
  EXPECT_THROW(add_attachment(*db_, *blobs_, a_.who["head_b"], a_.id, rev_, "x.pdf", kPdf), AppError);
  int64_t id = add_attachment(*db_, *blobs_, a_.who["liaison"], a_.id, rev_, "x.pdf", kPdf);
  auto other = make_test_agency(*db_, "att2", "000014350");
  EXPECT_THROW(staff_download(*db_, *blobs_, other.who["office"], other.id, id), AppError);
  EXPECT_THROW(remove_attachment(*db_, other.who["office"], other.id, rev_, id), AppError);
  remove_attachment(*db_, a_.who["liaison"], a_.id, rev_, id);
  EXPECT_TRUE(view_item(*db_, a_.who["office"], a_.id, item_).attachments.empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, AttachmentTest,
                         ::testing::Combine(::testing::Values("sqlite", "postgres"), ::testing::Bool()));

}  // namespace
}  // namespace gongkai::app
