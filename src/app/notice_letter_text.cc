#include "app/notice_letter_text.h"

#include <stdexcept>

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
  return in.organisation.empty() ? in.applicant_name + "：" : in.organisation + "：";
}

std::string opening(const LetterInput& in) {
  return "本机关于" + chinese_date(in.received) + "收到" + you(in) + "提出的政府信息公开申请（跟踪码 " +
         in.tracking_code + "），申请获取“" + in.description + "”。";
}

// The answer's paragraphs for an outcome code.
std::vector<std::string> answer(const LetterInput& in) {
  const core::Outcome* o = core::find_outcome(in.outcome);
  if (!o) throw std::invalid_argument("unknown outcome code: " + in.outcome);
  const std::string law = kLaw;
  const core::RequestEvent& e = in.event;
  const std::string y = you(in);
  std::vector<std::string> out;
  auto reason = [&] {
    if (!e.reason.empty()) out.push_back("具体理由：" + e.reason + "。");
  };
  if (o->code == "granted") {
    if (!e.published_where.empty()) {
      out.push_back("经审查，" + y + "申请获取的政府信息已经主动公开。根据" + law +
                    "第三十六条第（一）项的规定，现告知获取该政府信息的方式和途径：" + e.published_where + "。");
    } else {
      out.push_back("经审查，" + y + "申请获取的政府信息属于公开范围。根据" + law +
                    "第三十六条第（二）项的规定，本机关予以公开，现按" + y + "要求的" + in.delivery_form_label +
                    "形式，通过" + in.delivery_method_label + "方式提供（见附件）。");
    }
  } else if (o->code == "partial") {
    out.push_back("经审查，" + y + "申请获取的政府信息中含有不应当公开的内容，但能够作区分处理。根据" + law +
                  "第三十七条的规定，本机关向" + y + "提供可以公开的部分（见附件），其余部分不予公开。");
    reason();
  } else if (o->group == "denied" && o->item == 8) {
    out.push_back(y + "申请获取的信息属于工商、不动产登记资料等行政查询事项，有关法律、行政法规对信息的获取有特别规定。"
                  "根据" + law + "第三十六条第（七）项的规定，请" + y + "依照有关法律、行政法规的规定办理。");
    reason();
  } else if (o->group == "denied") {
    out.push_back("经审查，" + y + "申请获取的政府信息" + std::string(o->label) + "。根据" + law + std::string(o->basis) +
                  "和第三十六条第（三）项的规定，本机关决定不予公开。");
    reason();
  } else if (o->code == "unable.1") {
    if (!e.other_agency.empty()) {
      out.push_back("经审查，" + y + "申请获取的政府信息不属于本机关负责公开。根据" + law +
                    "第三十六条第（五）项的规定，现告知负责公开该政府信息的行政机关为：" + e.other_agency + "，请" + y +
                    "向该机关提出申请。");
    } else {
      out.push_back("经检索，本机关没有" + y + "申请获取的政府信息。根据" + law +
                    "第三十六条第（四）项的规定，告知" + y + "该政府信息不存在。");
    }
  } else if (o->code == "unable.2") {
    out.push_back("经审查，本机关没有" + y + "申请获取的现成信息，提供该信息需要对现有政府信息进行加工、分析。根据" + law +
                  "第三十八条的规定，本机关不予提供。");
    reason();
  } else if (o->code == "unable.3") {
    out.push_back(y + "的申请经补正后，申请内容仍不明确，本机关无法确定所需政府信息。根据" + law +
                  "第二十九条、第三十条的规定，本机关无法提供。");
  } else if (o->code == "not_processed.1") {
    out.push_back("经审查，" + y + "以政府信息公开申请的形式进行信访、投诉、举报等活动。根据" + law +
                  "第三十九条第一款的规定，本机关不作为政府信息公开申请处理，" + y + "可以通过相应渠道提出。");
  } else if (o->code == "not_processed.2") {
    out.push_back("经审查，本机关已就" + y + "此前提出的政府信息公开申请作出答复，" + y + "重复申请公开相同政府信息。根据" +
                  law + "第三十六条第（六）项的规定，本机关不予重复处理。");
  } else if (o->code == "not_processed.3") {
    out.push_back("经审查，" + y + "要求提供的是公开出版物。根据" + law + "第三十九条第二款的规定，本机关不予处理，" + y +
                  "可以通过公开发行渠道获取。");
    reason();
  } else if (o->code == "not_processed.4") {
    out.push_back(y + "申请公开政府信息的数量、频次明显超过合理范围，且未能说明理由或者理由不合理。根据" + law +
                  "第三十五条的规定，本机关不予处理。");
  } else if (o->code == "not_processed.5") {
    out.push_back(y + "的申请是要求本机关确认或者重新出具已获取的信息，不属于" + law +
                  "规定的政府信息公开申请，本机关不予处理。");
    reason();
  } else if (o->code == "other.1") {
    std::string asked = in.correction_asked_on ? chinese_date(*in.correction_asked_on) : "此前";
    out.push_back("本机关于" + asked + "向" + y + "发出补正通知，" + y + "无正当理由逾期未补正。根据" + law +
                  "第三十条的规定，视为" + y + "放弃申请，本机关不再处理该政府信息公开申请。");
  } else if (o->code == "other.2") {
    std::string noticed = in.fee_noticed_on ? chinese_date(*in.fee_noticed_on) : "此前";
    out.push_back("本机关于" + noticed + "向" + y + "发出收费通知，" + y + "逾期未按要求缴纳信息处理费。根据" + law +
                  "第四十二条和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）的规定，视为" + y +
                  "放弃申请，本机关不再处理该政府信息公开申请。");
  } else {  // other.3
    out.push_back("经审查，本机关对" + y + "的申请作如下处理：" + (e.reason.empty() ? std::string("其他处理") : e.reason) +
                  "。");
  }
  return out;
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

render::Document notice_letter(const LetterInput& in) {
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
  b.push_back(para(opening(in)));
  const core::RequestEvent& e = in.event;
  const std::string y = you(in);
  bool remedies = false;
  switch (in.kind) {
    case LetterKind::kAcknowledgement:
      b.push_back(para("根据" + std::string(kLaw) + "第三十一条的规定，收到申请之日为" + chinese_date(in.received) +
                       "。根据第三十三条的规定，本机关将自收到申请之日起20个工作日内予以答复" +
                       (in.due ? "，即不迟于" + chinese_date(*in.due) : std::string()) +
                       "；需要延长答复期限的，经政府信息公开工作机构负责人同意，延长的期限最长不超过20个工作日，"
                       "并告知" + y + "。征求第三方和其他机关意见所需时间不计算在答复期限内。"));
      b.push_back(para("答复期限按工作日计算，收到申请的当日不计入，自次一工作日起算。" + y +
                       "可以凭跟踪码和查询密码在本机关政府信息公开网站查询办理进度。"));
      break;
    case LetterKind::kCorrection:
      b.push_back(para("经审查，" + y + "的申请内容不明确。根据" + std::string(kLaw) + "第三十条的规定，请" + y +
                       "对申请作出补正，需要补正的事项如下：" + e.missing + "。"));
      b.push_back(para("请于" + (e.reply_by ? chinese_date(*e.reply_by) : std::string("合理期限内")) +
                       "前提交补正后的申请。答复期限自本机关收到补正的申请之日起计算。" + y +
                       "无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。"));
      break;
    case LetterKind::kExtension:
      b.push_back(para("因需要延长答复期限，经政府信息公开工作机构负责人同意，根据" + std::string(kLaw) +
                       "第三十三条第二款的规定，本机关对" + y + "的申请延长答复期限" + std::to_string(e.days) +
                       "个工作日" + (in.due ? "，延长后的答复期限为" + chinese_date(*in.due) : std::string()) + "。"));
      break;
    case LetterKind::kFee:
      b.push_back(para("经审查，" + y + "申请公开政府信息的数量、频次明显超过合理范围。根据" + std::string(kLaw) +
                       "第四十二条和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）的规定，本机关收取信息处理费" +
                       std::to_string(e.amount) + "元。"));
      b.push_back(para("请于" + (e.reply_by ? chinese_date(*e.reply_by) : std::string("规定期限内")) +
                       "前缴纳。自发出收费通知之日起至" + y + "缴纳费用之日止的期间，不计算在答复期限内。" + y +
                       "逾期未缴纳的，视为放弃申请，本机关不再处理该政府信息公开申请。"));
      remedies = true;
      break;
    case LetterKind::kDecision:
    case LetterKind::kLapsed:
      for (auto& line : answer(in)) b.push_back(para(std::move(line)));
      remedies = true;
      break;
  }
  if (remedies) b.push_back(para(remedies_text(in.agency_name)));
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
