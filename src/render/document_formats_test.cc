#include <gtest/gtest.h>

#include "render/document.h"
#include "render/document_samples.h"

namespace gongkai::render {
namespace {

TEST(DocumentFormats, ParseNames) {
  EXPECT_EQ(parse_document_format("pdf"), DocumentFormat::kPdf);
  EXPECT_EQ(parse_document_format(".DOCX"), DocumentFormat::kDocx);
  EXPECT_EQ(parse_document_format("Xlsx"), DocumentFormat::kXlsx);
  EXPECT_EQ(parse_document_format("html"), DocumentFormat::kHtml);
  EXPECT_EQ(parse_document_format("doc"), std::nullopt);
  EXPECT_EQ(parse_document_format(""), std::nullopt);
  EXPECT_EQ(parse_document_format("pdf\0"), DocumentFormat::kPdf);  // a C string: stops at NUL
  EXPECT_EQ(parse_document_format(std::string_view("pdf\0", 4)), std::nullopt);
}

TEST(DocumentFormats, EachFormatHasItsTypeExtensionAndBytes) {
  Document d = samples::report();
  struct Case {
    DocumentFormat format;
    const char* type;
    const char* ext;
    const char* magic;
  };
  for (const Case& c : {Case{DocumentFormat::kHtml, "text/html; charset=utf-8", ".html", "<div class=\"doc\">"},
                        Case{DocumentFormat::kPdf, "application/pdf", ".pdf", "%PDF-"},
                        Case{DocumentFormat::kDocx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                             ".docx", "PK"},
                        Case{DocumentFormat::kXlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                             ".xlsx", "PK"}}) {
    EXPECT_STREQ(content_type(c.format), c.type);
    EXPECT_STREQ(file_extension(c.format), c.ext);
    EXPECT_TRUE(render_document(d, c.format).starts_with(c.magic)) << c.ext;
    EXPECT_EQ(parse_document_format(c.ext), c.format);
  }
}

}  // namespace
}  // namespace gongkai::render
