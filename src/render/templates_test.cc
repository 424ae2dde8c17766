#include "render/templates.h"

#include <gtest/gtest.h>

#include "render/embedded_files.h"

namespace gongkai::render {

TEST(Templates, EveryTemplateAutoEscapesAsHtml) {
  int n = 0;
  for (const auto& f : embedded_files()) {
    if (f.path.rfind("templates/", 0) != 0) continue;
    ++n;
    EXPECT_EQ(f.data.rfind("{{%AUTOESCAPE context=\"HTML\"}}", 0), 0u) << f.path;
  }
  EXPECT_GT(n, 0);
}

TEST(Templates, EscapesValues) {
  Dict d("t");
  d.SetValue("TITLE", "<script>alert('x')</script>");
  d.AddSectionDictionary("ERROR")->SetValue("MESSAGE", "\"引号\" & <b>");
  std::string html = expand("admin/login.tpl", d);
  EXPECT_EQ(html.find("<script>alert"), std::string::npos);
  EXPECT_NE(html.find("&lt;b&gt;"), std::string::npos);
}

TEST(Templates, StaticFilesAreEmbedded) {
  auto* css = static_file("gongkai.css");
  ASSERT_NE(css, nullptr);
  EXPECT_GT(css->size(), 100u);
  EXPECT_EQ(static_file("../etc/passwd"), nullptr);
}

}  // namespace gongkai::render
