// Checks of the request form, one part at a time, and the identity number rules.
#include <algorithm>
#include <cctype>

#include "app/request_internal.h"
#include "app/requests.h"

namespace gongkai::app {
namespace {

using namespace request_internal;

bool valid_phone(const std::string& p) {
  if (p.size() < 7 || p.size() > 20) return false;
  int digits = 0;
  for (char ch : p) {
    if (std::isdigit(static_cast<unsigned char>(ch))) ++digits;
    else if (ch != '-' && ch != '+' && ch != ' ' && ch != '(' && ch != ')') return false;
  }
  return digits >= 7;
}

bool valid_email(const std::string& m) {
  size_t at = m.find('@');
  if (m.size() > 100 || at == std::string::npos || at == 0 || m.find('@', at + 1) != std::string::npos) return false;
  size_t dot = m.find('.', at);
  if (dot == std::string::npos || dot == at + 1 || dot + 1 >= m.size()) return false;
  return std::none_of(m.begin(), m.end(), [](char ch) {
    return std::isspace(static_cast<unsigned char>(ch)) || ch == '<' || ch == '>';
  });
}
}  // namespace

std::map<std::string, std::string> check_request(const RequestInput& in, RequestPart part) {
  std::map<std::string, std::string> e;
  const bool person = in.applicant_kind == "natural_person";
  switch (part) {
    case RequestPart::kApplicant:
      if (!is_choice(applicant_kinds(), in.applicant_kind)) e["applicant_kind"] = "请选择申请人类型";
      check_text(e, "applicant_name", in.applicant_name, 50, true, person ? "姓名" : "联系人姓名");
      if (!person) check_text(e, "organisation", in.organisation, 100, true, "法人或其他组织名称");
      if (in.phone.empty() && in.email.empty() && in.address.empty()) {
        e["phone"] = "请至少填写一种联系方式（电话、电子邮箱或通讯地址）";
      }
      if (!in.phone.empty() && !valid_phone(in.phone)) e["phone"] = "电话号码格式不正确，例如 0574-12345678 或 13800000000";
      if (!in.email.empty() && !valid_email(in.email)) e["email"] = "电子邮箱格式不正确，例如 name@example.com";
      check_text(e, "address", in.address, 200, false, "通讯地址");
      if (!in.postcode.empty() &&
          (in.postcode.size() != 6 ||
           !std::all_of(in.postcode.begin(), in.postcode.end(), [](char ch) { return ch >= '0' && ch <= '9'; }))) {
        e["postcode"] = "邮政编码应为6位数字";
      }
      break;
    case RequestPart::kInformation:
      if (utf8_length(in.description) < 4) {
        e["description"] = in.description.empty() ? "请描述所需的政府信息" : "描述过短，请写明信息的名称、文号或其他特征";
      }
      check_text(e, "description", in.description, 2000, true, "所需信息的描述");
      if (!is_choice(delivery_forms(), in.delivery_form)) e["delivery_form"] = "请选择获取信息的载体形式";
      if (!is_choice(delivery_methods(), in.delivery_method)) {
        e["delivery_method"] = "请选择获取信息的方式";
      } else if (in.delivery_method == "post" && in.address.empty()) {
        e["delivery_method"] = "选择邮寄的，请在申请人信息中填写通讯地址";
      } else if (in.delivery_method == "email" && in.email.empty()) {
        e["delivery_method"] = "选择电子邮件的，请在申请人信息中填写电子邮箱";
      } else if (in.delivery_method == "fax" && in.phone.empty()) {
        e["delivery_method"] = "选择传真的，请在申请人信息中填写传真号码";
      }
      if (in.delivery_method == "email" && in.delivery_form == "paper") {
        e["delivery_form"] = "纸质材料不能通过电子邮件提供，请选择电子文档或其他获取方式";
      }
      break;
    case RequestPart::kIdentity:
      if (!is_choice(identity_types(), in.id_type)) {
        e["id_type"] = "请选择身份证明的类型";
      } else if (person && in.id_type == "credit_code") {
        e["id_type"] = "自然人请选择居民身份证等个人身份证明";
      } else if (!person && in.id_type != "credit_code" && in.id_type != "other") {
        e["id_type"] = "法人或其他组织请选择统一社会信用代码";
      }
      if (in.id_number.empty()) e["id_number"] = "请填写证件号码";
      else if (utf8_length(in.id_number) > 40) e["id_number"] = "证件号码不能超过40个字符";
      else if (in.id_type == "resident_id" && !valid_resident_id(in.id_number)) {
        e["id_number"] = "居民身份证号码不正确：应为18位，最后一位可以是X，请核对";
      } else if (in.id_type == "credit_code" && !valid_credit_code(in.id_number)) {
        e["id_number"] = "统一社会信用代码不正确：应为18位数字或大写字母，请核对";
      }
      break;
    case RequestPart::kReceipt: {
      if (!is_choice(request_channels(), in.channel)) e["channel"] = "请选择申请的提交方式";
      auto d = core::Date::parse(in.received_on);
      if (!d) e["received_on"] = "请按 年-月-日 填写收到申请的日期，例如 2024-03-05";
      else if (*d > core::Date::today_cst()) e["received_on"] = "收到日期不能晚于今天";
      else if (*d < *core::Date::from_ymd(2008, 5, 1)) e["received_on"] = "收到日期不能早于2008-05-01（条例施行之日）";
      check_text(e, "receipt_note", in.receipt_note, 200, false, "收到情况说明");
      break;
    }
  }
  return e;
}

RequestPart part_of_field(const std::string& field) {
  if (field == "description" || field == "delivery_form" || field == "delivery_method") {
    return RequestPart::kInformation;
  }
  if (field == "id_type" || field == "id_number") return RequestPart::kIdentity;
  if (field == "channel" || field == "received_on" || field == "receipt_note") return RequestPart::kReceipt;
  return RequestPart::kApplicant;
}

const std::vector<RequestInputField>& applicant_input_fields() {
  using R = RequestInput;
  static const std::vector<RequestInputField> v = {
      {"applicant_kind", &R::applicant_kind}, {"applicant_name", &R::applicant_name},
      {"organisation", &R::organisation},     {"phone", &R::phone},
      {"email", &R::email},                   {"address", &R::address},
      {"postcode", &R::postcode},             {"description", &R::description},
      {"delivery_form", &R::delivery_form},   {"delivery_method", &R::delivery_method},
      {"id_type", &R::id_type},               {"id_number", &R::id_number}};
  return v;
}

const std::vector<RequestInputField>& request_input_fields() {
  static const std::vector<RequestInputField> v = [] {
    auto all = applicant_input_fields();
    all.insert(all.end(), {{"channel", &RequestInput::channel},
                           {"received_on", &RequestInput::received_on},
                           {"receipt_note", &RequestInput::receipt_note}});
    return all;
  }();
  return v;
}

RequestInput trim_input(RequestInput in) {
  for (std::string* s : {&in.applicant_kind, &in.applicant_name, &in.organisation, &in.phone, &in.email, &in.address,
                         &in.postcode, &in.description, &in.delivery_form, &in.delivery_method, &in.id_type,
                         &in.id_number, &in.channel, &in.received_on, &in.receipt_note}) {
    *s = trim(*s);
  }
  std::string id;
  for (char ch : in.id_number) {
    if (ch != ' ') id += static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  }
  in.id_number = id;
  return in;
}

bool valid_resident_id(std::string_view n) {
  static const int kWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  if (n.size() != 18) return false;
  int sum = 0;
  for (size_t i = 0; i < 17; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(n[i]))) return false;
    sum += (n[i] - '0') * kWeights[i];
  }
  return "10X98765432"[sum % 11] == n[17];
}

bool valid_credit_code(std::string_view n) {
  static const std::string_view kChars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  static const int kWeights[17] = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
  if (n.size() != 18) return false;
  int sum = 0;
  for (size_t i = 0; i < 18; ++i) {
    size_t v = kChars.find(n[i]);
    if (v == std::string_view::npos) return false;
    if (i < 17) sum += static_cast<int>(v) * kWeights[i];
  }
  int check = (31 - sum % 31) % 31;
  return kChars[static_cast<size_t>(check)] == n[17];
}

std::string mask_id_number(std::string_view number) {
  auto cps = code_points(number);
  size_t n = cps.size();
  size_t keep = n >= 12 ? 4 : n >= 8 ? 2 : n >= 4 ? 1 : 0;
  std::string out;
  for (size_t i = 0; i < n; ++i) out += (i < keep || i >= n - keep) ? cps[i] : "*";
  return out;
}
}  // namespace gongkai::app
