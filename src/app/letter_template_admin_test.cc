#include "app/letter_template_admin.h"

#include <gtest/gtest.h>

#include "app/errors.h"
#include "app/notice_letters.h"
#include "app/requests.h"
#include "app/test_fixture.h"
#include "render/document.h"
#include "store/audit_log.h"
#include "store/migrations.h"
#include "store/test_databases.h"

namespace gongkai::app {
namespace {

class LetterTemplateAdminTest : public ::testing::TestWithParam<std::string> {
 protected:
  static RequestInput second_request() {
    RequestInput in = first_request();
    in.applicant_name = "李四";
    return in;
  }
  static RequestInput first_request() {
    RequestInput in;
    in.applicant_kind = "natural_person";
    in.applicant_name = "张三";
    in.phone = "0574-63012345";
    in.address = "浙江省慈溪市白沙路街道某某路1号";
    in.description = "2023年度专项资金分配结果";
    in.delivery_form = "paper";
    in.delivery_method = "post";
    in.id_type = "resident_id";
    in.id_number = "330282198001011237";
    in.channel = "letter";
    in.received_on = "2024-09-27";
    return in;
  }

  void SetUp() override {
    db_ = store::open_test_database(GetParam(), 4);
    if (!db_) GTEST_SKIP() << "backend not available: " << GetParam();
    store::migrate(*db_);
    a_ = make_test_agency(*db_, "lt", "000014349");
    b_ = make_test_agency(*db_, "lu", "000014350");
    RequestInput in = first_request();
    id_ = enter_request(*db_, a_.who["clerk"], a_.id, in, new_request_keys()).id;
    EventInput d;
    d.kind = "decided";
    d.date = "2024-10-20";
    d.outcome = "denied.4";
    d.reason = "第三方不同意公开";
    add_request_event(*db_, a_.who["clerk"], a_.id, id_, d);
  }

  std::string letter_html(TestAgency& t, int64_t id) {
    return render::to_html(request_letter(*db_, t.who["clerk"], t.id, id, 2, *core::Date::parse("2024-10-21")));
  }
  int64_t audits(const char* action) {
    auto c = db_->acquire();
    return c->query_int("SELECT COUNT(*) FROM audit_log WHERE action = ?", {std::string(action)});
  }

  std::unique_ptr<store::Database> db_;
  TestAgency a_, b_;
  int64_t id_ = 0;
};

const char* kOwn =
    "经本局研究：{称谓}申请的信息涉及第三方权益，依照{法律依据}不予公开。\n{具体理由}\n{救济途径}\n如有疑问请联系{机关名称}办公室。";

TEST_P(LetterTemplateAdminTest, OfficeEditsTheWordingAndTheLettersUseIt) {
  auto list = list_letter_templates(*db_, a_.who["office"], a_.id);
  ASSERT_EQ(list.size(), letter_template_kinds().size());
  EXPECT_FALSE(list[0].customised);
  EXPECT_EQ(list[0].text, letter_template_kinds()[0].default_text);
  EXPECT_NE(letter_html(a_, id_).find("本机关决定不予公开"), std::string::npos);

  save_letter_template(*db_, a_.who["office"], a_.id, "decision.denied.4", kOwn);
  auto v = get_letter_template(*db_, a_.who["admin"], a_.id, "decision.denied.4");
  EXPECT_TRUE(v.customised);
  EXPECT_EQ(v.text, kOwn);
  EXPECT_EQ(v.updated_by, a_.who["office"].display_name);
  std::string html = letter_html(a_, id_);
  EXPECT_NE(html.find("经本局研究：您申请的信息涉及第三方权益，依照《中华人民共和国政府信息公开条例》第十五条和第三十六条第（三）项不予公开。"),
            std::string::npos)
      << html;
  EXPECT_NE(html.find("具体理由：第三方不同意公开。"), std::string::npos);
  EXPECT_NE(html.find("六个月内依法向人民法院提起行政诉讼"), std::string::npos);
  EXPECT_NE(html.find("如有疑问请联系lt 测试局办公室。"), std::string::npos) << html;
  EXPECT_EQ(html.find("本机关决定不予公开"), std::string::npos);
  EXPECT_EQ(render::to_pdf(request_letter(*db_, a_.who["clerk"], a_.id, id_, 2)).rfind("%PDF", 0), 0u);
  EXPECT_EQ(audits("letter_template.update"), 1);
  // Other letters of the agency, and the other agency's letters, keep the default.
  EXPECT_NE(render::to_html(request_letter(*db_, a_.who["clerk"], a_.id, id_, 1)).find("收到申请的当日不计入"),
            std::string::npos);
  EXPECT_FALSE(get_letter_template(*db_, b_.who["office"], b_.id, "decision.denied.4").customised);

  // The preview shows unsaved text with a sample request, and saves nothing.
  std::string preview = render::to_html(preview_letter_template(
      *db_, a_.who["office"], a_.id, "decision.denied.4",
      std::string("预览文本{机关名称}{法律依据}{救济途径}"), *core::Date::parse("2024-10-21")));
  EXPECT_NE(preview.find("预览文本lt 测试局"), std::string::npos) << preview;
  EXPECT_EQ(get_letter_template(*db_, a_.who["office"], a_.id, "decision.denied.4").text, kOwn);
  EXPECT_THROW(preview_letter_template(*db_, a_.who["office"], a_.id, "decision.denied.4", std::string("{机关名称}")),
               ValidationError);

  // An issued letter keeps the wording it was issued in.
  issue_request_letter(*db_, a_.who["office"], a_.id, id_, 2);
  reset_letter_template(*db_, a_.who["admin"], a_.id, "decision.denied.4");
  EXPECT_NE(letter_html(a_, id_).find("经本局研究"), std::string::npos);
  save_letter_template(*db_, a_.who["office"], a_.id, "decision.denied.4", kOwn);
  reset_letter_template(*db_, a_.who["admin"], a_.id, "decision.denied.4");
  EXPECT_FALSE(get_letter_template(*db_, a_.who["office"], a_.id, "decision.denied.4").customised);
  // A letter not yet issued follows the agency's current wording: a second request's answer.
  int64_t other = enter_request(*db_, a_.who["clerk"], a_.id, second_request(), new_request_keys()).id;
  EventInput d;
  d.kind = "decided";
  d.date = "2024-10-20";
  d.outcome = "denied.4";
  add_request_event(*db_, a_.who["clerk"], a_.id, other, d);
  EXPECT_NE(letter_html(a_, other).find("本机关决定不予公开"), std::string::npos);
  EXPECT_EQ(audits("letter_template.reset"), 2);
  reset_letter_template(*db_, a_.who["admin"], a_.id, "decision.denied.4");  // nothing to reset
  EXPECT_EQ(audits("letter_template.reset"), 2);
  auto c = db_->acquire();
  EXPECT_TRUE(store::verify_audit(*c).ok);
}

TEST_P(LetterTemplateAdminTest, BadWordingIsRefusedAndNothingChanges) {
  try {
    save_letter_template(*db_, a_.who["office"], a_.id, "decision.denied.4",
                         "{机关名称}依照{法律依据}不予公开。\n{收费金额}");
    FAIL();
  } catch (const ValidationError& e) {
    const std::string& m = e.fields().at("body");
    EXPECT_NE(m.find("缺少必需的占位符{救济途径}"), std::string::npos) << m;
    EXPECT_NE(m.find("第2行：“{收费金额}”不是本告知书可用的占位符"), std::string::npos) << m;
  }
  EXPECT_FALSE(get_letter_template(*db_, a_.who["office"], a_.id, "decision.denied.4").customised);
  EXPECT_EQ(audits("letter_template.update"), 0);
  // The default text saved again is no customisation.
  const auto& k = *find_letter_template_kind("fee");
  save_letter_template(*db_, a_.who["office"], a_.id, "fee", k.default_text + "\r\n\r\n");
  EXPECT_FALSE(get_letter_template(*db_, a_.who["office"], a_.id, "fee").customised);
  EXPECT_THROW(get_letter_template(*db_, a_.who["office"], a_.id, "decision.nothing"), AppError);
}

TEST_P(LetterTemplateAdminTest, OnlyThisAgencysOfficeAndAdminMayEdit) {
  for (const char* role : {"clerk", "leader", "liaison", "head", "secrecy"}) {
    SCOPED_TRACE(role);
    EXPECT_THROW(list_letter_templates(*db_, a_.who[role], a_.id), AppError);
    EXPECT_THROW(save_letter_template(*db_, a_.who[role], a_.id, "fee", kOwn), AppError);
  }
  try {
    save_letter_template(*db_, b_.who["office"], a_.id, "decision.denied.4", kOwn);
    FAIL();
  } catch (const AppError& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kNotFound);
  }
  EXPECT_THROW(reset_letter_template(*db_, b_.who["admin"], a_.id, "decision.denied.4"), AppError);
  EXPECT_FALSE(get_letter_template(*db_, a_.who["office"], a_.id, "decision.denied.4").customised);
}

INSTANTIATE_TEST_SUITE_P(Backends, LetterTemplateAdminTest, ::testing::Values("sqlite", "postgres"));

}  // namespace
}  // namespace gongkai::app
