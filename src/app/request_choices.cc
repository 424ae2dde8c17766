// The choices offered on the request forms and the Art. 31 receipt rules.
#include "app/requests.h"

namespace gongkai::app {

const std::vector<Choice>& request_channels() {
  static const std::vector<Choice> v = {
      {"online", "网上申请"}, {"letter", "信函"}, {"in_person", "当面提交"}, {"fax", "传真"}, {"email", "电子邮件"}};
  return v;
}

const std::vector<Choice>& applicant_kinds() {
  static const std::vector<Choice> v = {{"natural_person", "自然人"},        {"commercial", "商业企业"},
                                        {"research", "科研机构"},           {"public_interest", "社会公益组织"},
                                        {"legal_service", "法律服务机构"}, {"other_org", "其他组织"}};
  return v;
}

const std::vector<Choice>& identity_types() {
  static const std::vector<Choice> v = {{"resident_id", "居民身份证"},
                                        {"passport", "护照"},
                                        {"hk_macao", "港澳居民来往内地通行证"},
                                        {"taiwan", "台湾居民来往大陆通行证"},
                                        {"foreign_permanent", "外国人永久居留身份证"},
                                        {"credit_code", "统一社会信用代码"},
                                        {"other", "其他身份证明"}};
  return v;
}

const std::vector<Choice>& delivery_forms() {
  static const std::vector<Choice> v = {{"paper", "纸质"}, {"electronic", "电子文档"}, {"disc", "光盘"}};
  return v;
}

const std::vector<Choice>& delivery_methods() {
  static const std::vector<Choice> v = {{"post", "邮寄"}, {"email", "电子邮件"}, {"pickup", "自行领取"}, {"fax", "传真"}};
  return v;
}

std::string choice_label(const std::vector<Choice>& choices, std::string_view id) {
  for (const auto& c : choices) {
    if (c.id == id) return std::string(c.label);
  }
  return std::string(id);
}

std::string_view receipt_rule(std::string_view channel) {
  if (channel == "letter") {
    return "以邮寄方式提交的，以本机关签收之日为收到申请之日；以平常信函等无需签收的方式提交的，"
           "应于收到当日与申请人确认，以确认之日为收到申请之日（条例第三十一条第（二）项）";
  }
  if (channel == "in_person") return "当面提交的，以提交之日为收到申请之日（条例第三十一条第（一）项）";
  if (channel == "fax" || channel == "email") {
    return "通过互联网渠道或传真提交的，以双方确认之日为收到申请之日（条例第三十一条第（三）项）";
  }
  return "通过本平台网上提交的，以提交成功之日为收到申请之日（条例第三十一条第（三）项）";
}
}  // namespace gongkai::app
