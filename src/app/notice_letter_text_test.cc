#include "app/notice_letter_text.h"

#include <gtest/gtest.h>

#include "core/outcomes.h"

namespace gongkai::app {
namespace {

using core::Date;

Date D(const char* s) { return *Date::parse(s); }

// Paragraph and heading texts joined by newlines.
std::string text_of(const render::Document& doc) {
  std::string out;
  for (const auto& b : doc.blocks) {
    if (auto* h = std::get_if<render::Heading>(&b)) out += h->text + "\n";
    if (auto* p = std::get_if<render::Paragraph>(&b)) out += p->text + "\n";
  }
  return out;
}

LetterInput decision(const std::string& outcome) {
  LetterInput in;
  in.kind = LetterKind::kDecision;
  in.agency_name = "慈溪市商务局";
  in.agency_address = "慈溪市白沙路街道";
  in.agency_phone = "0574-63012345";
  in.tracking_code = "ABCD2345";
  in.seq = 2;
  in.applicant_name = "张三";
  in.description = "2023年度商贸流通专项资金分配结果";
  in.received = D("2024-09-27");
  in.delivery_form_label = "电子文档";
  in.delivery_method_label = "电子邮件";
  in.event.kind = core::EventKind::kDecided;
  in.event.on = D("2024-10-20");
  in.event.outcome = outcome;
  in.outcome = outcome;
  in.issued_on = D("2024-10-21");
  return in;
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

TEST(NoticeLetterText, EveryOutcomeNamesItsArticleAndTheRemedies) {
  for (const auto& o : core::all_outcomes()) {
    LetterInput in = decision(std::string(o.code));
    if (o.group == "other" && o.item < 3) in.kind = LetterKind::kLapsed;
    std::string t = text_of(notice_letter(in));
    SCOPED_TRACE(std::string(o.code) + "\n" + t);
    EXPECT_TRUE(has(t, "慈溪市商务局\n政府信息公开申请答复告知书"));
    EXPECT_TRUE(has(t, "依申请公开〔2024〕ABCD2345-2号"));
    EXPECT_TRUE(has(t, "张三："));
    EXPECT_TRUE(has(t, "慈溪市商务局于2024年9月27日收到您提出的政府信息公开申请"));
    EXPECT_TRUE(has(t, "《中华人民共和国政府信息公开条例》"));
    // The article the outcome rests on (the first one named in outcomes.cc).
    std::string basis(o.basis);
    if (!basis.empty()) {
      std::string article = basis.substr(0, basis.find("条") + std::string("条").size());
      EXPECT_TRUE(has(t, article)) << "article " << article;
    }
    EXPECT_TRUE(has(t, "六十日内依法申请行政复议"));
    EXPECT_TRUE(has(t, "六个月内依法向人民法院提起行政诉讼"));
    EXPECT_TRUE(has(t, "第五十一条"));
    EXPECT_TRUE(has(t, "2024年10月21日"));
  }
}

TEST(NoticeLetterText, OutcomeDetailsAreSpelledOut) {
  auto in = decision("granted");
  in.event.published_where = "慈溪市商务局网站“政府信息公开”栏目";
  EXPECT_TRUE(has(text_of(notice_letter(in)), "第三十六条第（一）项的规定，现告知获取该政府信息的方式和途径：慈溪市商务局网站"));
  in.event.published_where.clear();
  EXPECT_TRUE(has(text_of(notice_letter(in)), "按您要求的电子文档形式，通过电子邮件方式提供"));

  in = decision("unable.1");
  in.event.other_agency = "慈溪市财政局（0574-63000000）";
  EXPECT_TRUE(has(text_of(notice_letter(in)), "第三十六条第（五）项的规定，现告知负责公开该政府信息的行政机关为：慈溪市财政局"));
  in.event.other_agency.clear();
  EXPECT_TRUE(has(text_of(notice_letter(in)), "第三十六条第（四）项的规定，告知您该政府信息不存在"));

  in = decision("denied.4");
  in.organisation = "某某律师事务所";
  in.event.reason = "涉及第三方商业秘密，第三方不同意公开";
  auto t = text_of(notice_letter(in));
  EXPECT_TRUE(has(t, "某某律师事务所："));
  EXPECT_TRUE(has(t, "贵单位申请获取的政府信息保护第三方合法权益。根据《中华人民共和国政府信息公开条例》第十五条和第三十六条第（三）项"));
  EXPECT_TRUE(has(t, "具体理由：涉及第三方商业秘密"));

  in = decision("other.1");
  in.kind = LetterKind::kLapsed;
  in.correction_asked_on = D("2024-09-30");
  EXPECT_TRUE(has(text_of(notice_letter(in)), "本机关于2024年9月30日向您发出补正通知，您无正当理由逾期未补正"));

  EXPECT_THROW(notice_letter(decision("granted.9")), std::invalid_argument);
}

TEST(NoticeLetterText, ProceduralLetters) {
  auto in = decision("");
  in.kind = LetterKind::kAcknowledgement;
  in.due = D("2024-10-30");
  auto t = text_of(notice_letter(in));
  EXPECT_TRUE(has(t, "政府信息公开申请登记回执"));
  EXPECT_TRUE(has(t, "不迟于2024年10月30日"));
  EXPECT_TRUE(has(t, "收到申请的当日不计入"));
  EXPECT_FALSE(has(t, "行政复议"));

  in.kind = LetterKind::kCorrection;
  in.event.missing = "所需信息的文号或名称";
  in.event.reply_by = D("2024-10-15");
  t = text_of(notice_letter(in));
  EXPECT_TRUE(has(t, "第三十条的规定，请您对申请作出补正，需要补正的事项如下：所需信息的文号或名称。"));
  EXPECT_TRUE(has(t, "请于2024年10月15日前提交补正后的申请"));

  in.kind = LetterKind::kExtension;
  in.event.days = 15;
  in.due = D("2024-11-20");
  t = text_of(notice_letter(in));
  EXPECT_TRUE(has(t, "第三十三条第二款的规定，本机关对您的申请延长答复期限15个工作日，延长后的答复期限为2024年11月20日"));

  in.kind = LetterKind::kFee;
  in.event.amount = 3000;
  in.event.reply_by = D("2024-11-01");
  t = text_of(notice_letter(in));
  EXPECT_TRUE(has(t, "本机关收取信息处理费3000元"));
  EXPECT_TRUE(has(t, "请于2024年11月1日前缴纳"));
  EXPECT_TRUE(has(t, "六十日内依法申请行政复议"));
}

}  // namespace
}  // namespace gongkai::app
