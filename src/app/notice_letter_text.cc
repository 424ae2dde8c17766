#include "app/notice_letter_text.h"

#include <map>
#include <stdexcept>

#include "app/letter_templates.h"
#include "core/outcomes.h"

namespace gongkai::app {
namespace {

constexpr const char* kLaw = "《中华人民共和国政府信息公开条例》";

render::Paragraph para(std::string text) { return render::Paragraph{std::move(text)}; }
render::Paragraph flush(std::string text, render::Align align) {
  render::Paragraph p{std::move(text)};
  p.align = align;
  p.first_line_indent = false;
  return p;
}

// "您" for a person, "贵单位" for an organisation.
std::string you(const LetterInput& in) { return in.organisation.empty() ? "您" : "贵单位"; }

std::string addressee(const LetterInput& in) {
  if (in.kind == LetterKind::kConsultation) return in.event.party + "：";
  return in.organisation.empty() ? in.applicant_name + "：" : in.organisation + "：";
}

std::string date_or(const std::optional<core::Date>& d, const char* otherwise) {
  return d ? chinese_date(*d) : std::string(otherwise);
}

// The value of every placeholder for this letter (app/letter_templates.h).
std::map<std::string, std::string> values_of(const LetterInput& in, const LetterTemplateKind& kind) {
  const core::RequestEvent& e = in.event;
  const core::Outcome* o = core::find_outcome(in.outcome);
  std::map<std::string, std::string> v;
  v["机关名称"] = in.agency_name;
  v["法律依据"] = kind.legal_basis;
  v["条例"] = kLaw;
  v["救济途径"] = remedies_text(in.agency_name);
  v["称谓"] = you(in);
  v["申请人"] = in.organisation.empty() ? in.applicant_name : in.organisation;
  v["收到日期"] = chinese_date(in.received);
  v["跟踪码"] = in.tracking_code;
  v["申请内容"] = in.description;
  v["答复期限"] = date_or(in.due, "依法确定的日期");
  v["补正事项"] = e.missing;
  v["补正期限"] = date_or(e.reply_by, "规定期限");
  v["延长天数"] = std::to_string(e.days);
  v["收费金额"] = std::to_string(e.amount);
  v["缴费期限"] = date_or(e.reply_by, "规定期限");
  v["载体形式"] = in.delivery_form_label;
  v["获取方式"] = in.delivery_method_label;
  v["获取途径"] = e.published_where;
  v["不予公开情形"] = o ? std::string(o->label) : "";
  v["具体理由"] = e.reason.empty() ? "" : "具体理由：" + e.reason + "。";
  v["负责机关"] = e.other_agency;
  v["补正通知日期"] = date_or(in.correction_asked_on, "此前");
  v["收费通知日期"] = date_or(in.fee_noticed_on, "此前");
  v["处理情况"] = e.reason.empty() ? "其他处理" : e.reason;
  v["征求对象"] = e.party;
  v["意见期限"] = date_or(in.consultation_reply_due, "自收到本函之日起15个工作日内");
  return v;
}

}  // namespace

std::string chinese_date(core::Date d) {
  return std::to_string(d.year()) + "年" + std::to_string(d.month()) + "月" + std::to_string(d.day()) + "日";
}

std::string letter_title(const LetterInput& in) {
  switch (in.kind) {
    case LetterKind::kAcknowledgement: return "政府信息公开申请登记回执";
    case LetterKind::kCorrection: return "政府信息公开申请补正告知书";
    case LetterKind::kExtension: return "政府信息公开申请延期答复告知书";
    case LetterKind::kFee: return "政府信息公开信息处理费缴费通知书";
    case LetterKind::kConsultation: return "政府信息公开征求意见函";
    case LetterKind::kDecision:
    case LetterKind::kLapsed: return "政府信息公开申请答复告知书";
  }
  return "告知书";
}

std::string letter_reference(const LetterInput& in) {
  return "依申请公开〔" + std::to_string(in.issued_on.year()) + "〕" + in.tracking_code + "-" + std::to_string(in.seq) +
         "号";
}

std::string remedies_text(const std::string& agency_name) {
  return "如对" + agency_name + "在政府信息公开工作中的本项答复不服，根据" + std::string(kLaw) +
         "第五十一条的规定，可以自收到本告知书之日起六十日内依法申请行政复议，或者自收到本告知书之日起六个月内依法"
         "向人民法院提起行政诉讼。";
}

std::string letter_template_key(const LetterInput& in) {
  switch (in.kind) {
    case LetterKind::kAcknowledgement: return "acknowledgement";
    case LetterKind::kCorrection: return "correction";
    case LetterKind::kExtension: return "extension";
    case LetterKind::kFee: return "fee";
    case LetterKind::kConsultation:
      return in.event.consult_kind == core::PauseKind::kOtherAgency ? "consultation.agency" : "consultation";
    case LetterKind::kDecision:
    case LetterKind::kLapsed: break;
  }
  if (!core::find_outcome(in.outcome)) throw std::invalid_argument("unknown outcome code: " + in.outcome);
  if (in.outcome == "granted" && !in.event.published_where.empty()) return "decision.granted.published";
  if (in.outcome == "unable.1" && !in.event.other_agency.empty()) return "decision.unable.1.other_agency";
  return "decision." + in.outcome;
}

LetterInput sample_letter_input(std::string_view key, core::Date today) {
  if (!find_letter_template_kind(key)) throw std::invalid_argument("unknown letter template: " + std::string(key));
  LetterInput in;
  in.tracking_code = "ABCD2345";
  in.seq = 1;
  in.applicant_name = "张三";
  in.description = "本机关2023年度专项资金分配结果";
  in.received = today.add_days(-20);
  in.delivery_form_label = "纸质文本";
  in.delivery_method_label = "邮寄";
  in.issued_on = today;
  in.event.on = today;
  in.due = today.add_days(10);
  std::string k(key);
  if (k == "acknowledgement") {
    in.kind = LetterKind::kAcknowledgement;
    in.event.kind = core::EventKind::kReceived;
    in.event.on = in.received;
  } else if (k == "correction") {
    in.kind = LetterKind::kCorrection;
    in.event.kind = core::EventKind::kCorrectionRequested;
    in.event.missing = "所需信息的名称或文号";
    in.event.reply_by = today.add_days(15);
  } else if (k == "extension") {
    in.kind = LetterKind::kExtension;
    in.event.kind = core::EventKind::kExtension;
    in.event.days = 20;
  } else if (k == "consultation" || k == "consultation.agency") {
    in.kind = LetterKind::kConsultation;
    in.event.kind = core::EventKind::kConsultationSent;
    in.event.consult_kind = k == "consultation" ? core::PauseKind::kThirdParty : core::PauseKind::kOtherAgency;
    in.event.party = k == "consultation" ? "某某有限公司" : "某某市财政局";
    in.consultation_reply_due = today.add_days(21);
  } else if (k == "fee") {
    in.kind = LetterKind::kFee;
    in.event.kind = core::EventKind::kFeeNotice;
    in.event.amount = 3000;
    in.event.reply_by = today.add_days(28);
  } else {
    std::string code = k.substr(std::string("decision.").size());
    in.kind = LetterKind::kDecision;
    in.event.kind = core::EventKind::kDecided;
    if (code == "granted.published") {
      code = "granted";
      in.event.published_where = "本机关门户网站“政府信息公开”栏目";
    } else if (code == "unable.1.other_agency") {
      code = "unable.1";
      in.event.other_agency = "某某市财政局";
    }
    if (code == "other.1" || code == "other.2") in.kind = LetterKind::kLapsed;
    in.correction_asked_on = today.add_days(-18);
    in.fee_noticed_on = today.add_days(-18);
    in.event.reason = "（此处为办理时填写的具体理由）";
    in.outcome = code;
  }
  return in;
}

render::Document notice_letter(const LetterInput& in) {
  const LetterTemplateKind* kind = find_letter_template_kind(letter_template_key(in));
  if (!kind) throw std::invalid_argument("no letter template for " + letter_template_key(in));
  render::Document doc;
  doc.title = letter_title(in);
  auto& b = doc.blocks;
  // One level-1 heading, the letter's title: the page that shows the letter has no other.
  render::Paragraph agency = flush(in.agency_name, render::Align::kCenter);
  agency.bold = true;
  b.push_back(agency);
  b.push_back(render::Heading{1, letter_title(in)});
  b.push_back(flush(letter_reference(in), render::Align::kCenter));
  b.push_back(flush(addressee(in), render::Align::kLeft));
  // The agency's wording when it has one, else the default; values are plain text that the
  // document writers escape.
  const std::string& text = in.custom_text ? *in.custom_text : kind->default_text;
  for (auto& line : fill_letter_template(text, values_of(in, *kind))) b.push_back(para(std::move(line)));
  b.push_back(para("特此告知。"));
  b.push_back(flush(in.agency_name, render::Align::kRight));
  b.push_back(flush(chinese_date(in.issued_on), render::Align::kRight));
  std::string contact;
  if (!in.agency_address.empty()) contact += "地址：" + in.agency_address;
  if (!in.agency_phone.empty()) contact += std::string(contact.empty() ? "" : "　") + "电话：" + in.agency_phone;
  if (!contact.empty()) b.push_back(flush("（联系" + contact + "）", render::Align::kLeft));
  return doc;
}

}  // namespace gongkai::app
