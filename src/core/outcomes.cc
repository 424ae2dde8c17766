#include "core/outcomes.h"

namespace gongkai::core {

const std::vector<Outcome>& all_outcomes() {
  static const std::vector<Outcome> kAll = {
      {"granted", "granted", "（一）予以公开", 0, "予以公开", "第三十六条第（一）（二）项"},
      {"partial", "partial", "（二）部分公开", 0, "部分公开（区分处理）", "第三十七条"},
      {"denied.1", "denied", "（三）不予公开", 1, "属于国家秘密", "第十四条"},
      {"denied.2", "denied", "（三）不予公开", 2, "其他法律行政法规禁止公开", "第十四条"},
      {"denied.3", "denied", "（三）不予公开", 3, "危及“三安全一稳定”", "第十四条"},
      {"denied.4", "denied", "（三）不予公开", 4, "保护第三方合法权益", "第十五条"},
      {"denied.5", "denied", "（三）不予公开", 5, "属于三类内部事务信息", "第十六条第一款"},
      {"denied.6", "denied", "（三）不予公开", 6, "属于四类过程性信息", "第十六条第二款"},
      {"denied.7", "denied", "（三）不予公开", 7, "属于行政执法案卷", "第十六条第二款"},
      {"denied.8", "denied", "（三）不予公开", 8, "属于行政查询事项", "第三十六条第（七）项"},
      {"unable.1", "unable", "（四）无法提供", 1, "本机关不掌握相关政府信息", "第三十六条第（四）（五）项"},
      {"unable.2", "unable", "（四）无法提供", 2, "没有现成信息需要另行制作", "第三十八条"},
      {"unable.3", "unable", "（四）无法提供", 3, "补正后申请内容仍不明确", "第三十条"},
      {"not_processed.1", "not_processed", "（五）不予处理", 1, "信访举报投诉类申请", "第三十九条第一款"},
      {"not_processed.2", "not_processed", "（五）不予处理", 2, "重复申请", "第三十六条第（六）项"},
      {"not_processed.3", "not_processed", "（五）不予处理", 3, "要求提供公开出版物", "第三十九条第二款"},
      {"not_processed.4", "not_processed", "（五）不予处理", 4, "无正当理由大量反复申请", "第三十五条"},
      {"not_processed.5", "not_processed", "（五）不予处理", 5, "要求行政机关确认或重新出具已获取信息", ""},
      {"other.1", "other", "（六）其他处理", 1, "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
       "第三十条"},
      {"other.2", "other", "（六）其他处理", 2, "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
       "第四十二条"},
      {"other.3", "other", "（六）其他处理", 3, "其他", ""},
  };
  return kAll;
}

const Outcome* find_outcome(std::string_view code) {
  for (const auto& o : all_outcomes()) {
    if (o.code == code) return &o;
  }
  return nullptr;
}

std::string outcome_display(std::string_view code) {
  const Outcome* o = find_outcome(code);
  if (!o) return {};
  std::string out(o->group_label);
  if (o->item > 0) out += " " + std::to_string(o->item) + ". " + std::string(o->label);
  return out;
}

std::string report_row(std::string_view code, int report_format_year) {
  const Outcome* o = find_outcome(code);
  if (!o) return {};
  if (report_format_year < 2021 && o->group == "other") return "other";
  return std::string(o->code);
}

}  // namespace gongkai::core
