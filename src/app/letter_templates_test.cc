#include "app/letter_templates.h"

#include <gtest/gtest.h>

#include "app/notice_letter_text.h"
#include "core/outcomes.h"
#include "render/document.h"

namespace gongkai::app {
namespace {

bool has_problem(const std::vector<std::string>& problems, const std::string& part) {
  for (const auto& p : problems) {
    if (p.find(part) != std::string::npos) return true;
  }
  return false;
}

TEST(LetterTemplates, EveryLetterHasAKindWhoseDefaultPassesItsOwnChecks) {
  // acknowledgement, correction, extension, two consultations, fee, granted and unable.1 twice,
  // and one per outcome.
  EXPECT_EQ(letter_template_kinds().size(), 6 + core::all_outcomes().size() + 2);
  for (const auto& k : letter_template_kinds()) {
    SCOPED_TRACE(k.key);
    EXPECT_TRUE(check_letter_template(k, k.default_text).empty());
    EXPECT_EQ(k.legal_basis.rfind("《中华人民共和国政府信息公开条例》", 0), 0u);
    EXPECT_EQ(k.remedies, k.key.rfind("decision.", 0) == 0 || k.key == "fee");
    for (auto p : k.placeholders) EXPECT_FALSE(placeholder_description(p).empty()) << p;
  }
  for (const auto& o : core::all_outcomes()) {
    EXPECT_TRUE(find_letter_template_kind("decision." + std::string(o.code))) << o.code;
  }
  EXPECT_EQ(find_letter_template_kind("decision.granted.9"), nullptr);
}

TEST(LetterTemplates, RequiredPlaceholdersStayAndUnknownOnesAreNamedByLine) {
  const auto& denied = *find_letter_template_kind("decision.denied.4");
  auto p = check_letter_template(denied, "{机关名称}收到申请。\n根据{法律依据}，不予公开。");
  ASSERT_EQ(p.size(), 1u);
  EXPECT_TRUE(has_problem(p, "缺少必需的占位符{救济途径}：申请人的救济权利：自收到告知书之日起六十日内申请行政复议、六个月内提起行政诉讼"))
      << p[0];
  p = check_letter_template(denied, "{救济途径}\n{法律依据}");
  EXPECT_TRUE(has_problem(p, "缺少必需的占位符{机关名称}"));
  p = check_letter_template(denied, "{机关名称}{救济途径}");
  EXPECT_TRUE(has_problem(p, "缺少必需的占位符{法律依据}"));
  // The acknowledgement is not contested: no remedies needed; but a fee amount means nothing there.
  const auto& ack = *find_letter_template_kind("acknowledgement");
  EXPECT_TRUE(check_letter_template(ack, "{机关名称}已收到，依据{法律依据}。").empty());
  p = check_letter_template(ack, "{机关名称}已收到，依据{法律依据}。\n请缴纳{收费金额}元。");
  EXPECT_TRUE(has_problem(p, "第2行：“{收费金额}”不是本告知书可用的占位符")) << p[0];
  p = check_letter_template(ack, "{机关名称}{法律依据}\n{机关名称");
  EXPECT_TRUE(has_problem(p, "第2行：花括号不成对"));
  p = check_letter_template(ack, "{机关名称}{法律依据}}");
  EXPECT_TRUE(has_problem(p, "花括号不成对"));
  EXPECT_TRUE(has_problem(check_letter_template(ack, " \n "), "不能为空"));
  EXPECT_TRUE(has_problem(check_letter_template(ack, "{机关名称}{法律依据}\x01"), "控制字符"));
  EXPECT_TRUE(has_problem(check_letter_template(ack, "{机关名称}{法律依据}" + std::string(5000, 'x')), "5000"));
  EXPECT_TRUE(has_problem(check_letter_template(ack, "{机关名称}{法律依据}" + std::string(40, '\n') + "x"), "40行"));
}

TEST(LetterTemplates, FillingIsOnePassAndDropsEmptyParagraphs) {
  auto out = fill_letter_template("{机关名称}：{具体理由}\n\n{具体理由}\n结束", {{"机关名称", "甲{具体理由}<b>"}});
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0], "甲{具体理由}<b>：");
  EXPECT_EQ(out[1], "结束");
  EXPECT_EQ(normalise_letter_template("a  \r\nb\t\rc\n\n"), "a\nb\nc");
}

TEST(LetterTemplates, AnAgencysWordingIsUsedAndItsValuesAreEscaped) {
  LetterInput in = sample_letter_input("decision.denied.4", *core::Date::parse("2024-10-21"));
  in.agency_name = "慈溪市<商务>局";
  in.event.reason = "<script>alert(1)</script>";
  in.custom_text = "经研究，{称谓}的申请不予公开，依据{法律依据}。\n{具体理由}\n{救济途径}\n{机关名称}联系电话见下。";
  render::Document doc = notice_letter(in);
  std::string html = render::to_html(doc);
  EXPECT_NE(html.find("经研究，您的申请不予公开，依据《中华人民共和国政府信息公开条例》第十五条和第三十六条第（三）项。"),
            std::string::npos)
      << html;
  EXPECT_NE(html.find("具体理由：&lt;script&gt;"), std::string::npos);
  EXPECT_EQ(html.find("<script>"), std::string::npos);
  EXPECT_NE(html.find("六十日内依法申请行政复议"), std::string::npos);
  EXPECT_NE(html.find("慈溪市&lt;商务&gt;局联系电话见下。"), std::string::npos);
  EXPECT_EQ(render::to_pdf(doc).rfind("%PDF", 0), 0u);
  // Every kind has a sample letter, in its default wording.
  for (const auto& k : letter_template_kinds()) {
    LetterInput s = sample_letter_input(k.key, *core::Date::parse("2024-10-21"));
    s.agency_name = "慈溪市商务局";
    EXPECT_EQ(letter_template_key(s), k.key);
    EXPECT_FALSE(notice_letter(s).blocks.empty());
  }
}

}  // namespace
}  // namespace gongkai::app
