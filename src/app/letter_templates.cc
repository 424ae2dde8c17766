#include "app/letter_templates.h"

#include "app/directory.h"
#include "core/outcomes.h"

namespace gongkai::app {
namespace {

constexpr std::string_view kLaw = "《中华人民共和国政府信息公开条例》";

const std::vector<LetterPlaceholder>& all_placeholders() {
  static const std::vector<LetterPlaceholder> k = {
      {"机关名称", "本机关的名称（必需）"},
      {"法律依据", "本告知书依据的条例条款，由系统按告知书种类填写（必需）"},
      {"救济途径", "申请人的救济权利：自收到告知书之日起六十日内申请行政复议、六个月内提起行政诉讼（可复议诉讼的告知书必需）"},
      {"条例", "《中华人民共和国政府信息公开条例》"},
      {"称谓", "“您”（自然人）或“贵单位”（法人或其他组织）"},
      {"申请人", "申请人姓名或单位名称"},
      {"收到日期", "收到申请的日期，如2024年9月27日"},
      {"跟踪码", "申请的跟踪码"},
      {"申请内容", "申请获取的信息的描述"},
      {"答复期限", "答复期限届满之日"},
      {"补正事项", "需要补正的事项"},
      {"补正期限", "提交补正的截止日期"},
      {"延长天数", "延长的工作日数"},
      {"收费金额", "信息处理费金额（元）"},
      {"缴费期限", "缴费截止日期"},
      {"载体形式", "申请人要求的载体形式，如纸质文本"},
      {"获取方式", "申请人要求的获取方式，如邮寄"},
      {"获取途径", "已主动公开的信息的获取方式和途径"},
      {"不予公开情形", "不予公开的情形，如“保护第三方合法权益”"},
      {"具体理由", "“具体理由：……。”，未填写理由时整段省略"},
      {"负责机关", "负责公开该信息的行政机关"},
      {"补正通知日期", "发出补正通知的日期"},
      {"收费通知日期", "发出收费通知的日期"},
      {"处理情况", "其他处理的具体情况"},
      {"征求对象", "被征求意见的第三方或行政机关"},
      {"意见期限", "提出意见的截止日期（发出征求意见之日起15个工作日）"},
  };
  return k;
}

const std::vector<std::string_view> kCommon = {"机关名称", "法律依据", "条例", "称谓", "申请人", "收到日期", "跟踪码", "申请内容"};

constexpr std::string_view kOpening = "{机关名称}于{收到日期}收到{称谓}提出的政府信息公开申请（跟踪码 {跟踪码}），申请获取“{申请内容}”。";

LetterTemplateKind make(std::string key, std::string label, std::string basis, bool remedies,
                        std::vector<std::string_view> extra, std::vector<std::string> lines) {
  LetterTemplateKind k;
  k.key = std::move(key);
  k.label = std::move(label);
  k.legal_basis = std::string(kLaw) + basis;
  k.remedies = remedies;
  k.placeholders = kCommon;
  if (remedies) k.placeholders.push_back("救济途径");
  for (auto p : extra) k.placeholders.push_back(p);
  k.required = {"机关名称", "法律依据"};
  if (remedies) k.required.push_back("救济途径");
  k.default_text = std::string(kOpening) + "\n";
  for (const auto& l : lines) k.default_text += l + "\n";
  if (remedies) k.default_text += "{救济途径}\n";
  return k;
}

std::string answer_label(std::string_view code, std::string_view variant = {}) {
  std::string out = "答复告知书：" + core::outcome_display(code);
  if (!variant.empty()) out += "（" + std::string(variant) + "）";
  return out;
}

std::vector<LetterTemplateKind> build() {
  std::vector<LetterTemplateKind> k;
  k.push_back(make("acknowledgement", "政府信息公开申请登记回执", "第三十一条、第三十三条", false, {"答复期限"},
                   {"根据{法律依据}的规定，收到申请之日为{收到日期}。本机关将自收到申请之日起20个工作日内予以答复，"
                    "即不迟于{答复期限}；需要延长答复期限的，经政府信息公开工作机构负责人同意，延长的期限最长不超过20个工作日，"
                    "并告知{称谓}。征求第三方和其他机关意见所需时间不计算在答复期限内。",
                    "答复期限按工作日计算，收到申请的当日不计入，自次一工作日起算。{称谓}可以凭跟踪码和查询密码在本机关"
                    "政府信息公开网站查询办理进度。"}));
  k.push_back(make("correction", "政府信息公开申请补正告知书", "第三十条", false, {"补正事项", "补正期限"},
                   {"经审查，{称谓}的申请内容不明确。根据{法律依据}的规定，请{称谓}对申请作出补正，需要补正的事项如下：{补正事项}。",
                    "请于{补正期限}前提交补正后的申请。答复期限自本机关收到补正的申请之日起计算。{称谓}无正当理由逾期不补正的，"
                    "视为放弃申请，本机关不再处理该政府信息公开申请。"}));
  k.push_back(make("extension", "政府信息公开申请延期答复告知书", "第三十三条第二款", false, {"延长天数", "答复期限"},
                   {"因需要延长答复期限，经政府信息公开工作机构负责人同意，根据{法律依据}的规定，本机关对{称谓}的申请延长答复期限"
                    "{延长天数}个工作日，延长后的答复期限为{答复期限}。"}));
  // Consultation letters go to the consulted side: no applicant's name, no remedies.
  for (bool agency : {false, true}) {
    LetterTemplateKind c;
    c.key = agency ? "consultation.agency" : "consultation";
    c.label = agency ? "政府信息公开征求意见函（其他行政机关）" : "政府信息公开征求意见函（第三方）";
    c.legal_basis = std::string(kLaw) + (agency ? "第三十四条" : "第三十二条");
    c.placeholders = {"机关名称", "法律依据", "条例", "收到日期", "跟踪码", "申请内容", "征求对象", "意见期限"};
    c.required = {"机关名称", "法律依据"};
    c.default_text =
        "{机关名称}于{收到日期}收到政府信息公开申请（跟踪码 {跟踪码}），申请获取“{申请内容}”。\n" +
        std::string(agency ? "该政府信息由本机关与贵机关共同制作。根据{法律依据}的规定，现征求贵机关对公开该政府信息的意见。\n"
                             "请于{意见期限}前提出意见。逾期未提出意见的，视为同意公开。\n"
                           : "经审查，公开该政府信息可能损害贵方的合法权益。根据{法律依据}的规定，现书面征求贵方意见。\n"
                             "请于{意见期限}前提出是否同意公开的意见及理由。逾期未提出意见的，由本机关依照{条例}的规定决定是否公开；"
                             "第三方不同意公开且有合理理由的，本机关不予公开；本机关认为不公开可能对公共利益造成重大影响的，"
                             "可以决定予以公开，并将决定公开的政府信息内容和理由书面告知贵方。\n");
    k.push_back(std::move(c));
  }
  const std::string fee_basis = "第四十二条和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）";
  k.push_back(make("fee", "政府信息公开信息处理费缴费通知书", fee_basis, true, {"收费金额", "缴费期限"},
                   {"经审查，{称谓}申请公开政府信息的数量、频次明显超过合理范围。根据{法律依据}的规定，本机关收取信息处理费"
                    "{收费金额}元。",
                    "请于{缴费期限}前缴纳。自发出收费通知之日起至{称谓}缴纳费用之日止的期间，不计算在答复期限内。{称谓}逾期未缴纳的，"
                    "视为放弃申请，本机关不再处理该政府信息公开申请。"}));
  k.push_back(make("decision.granted", answer_label("granted"), "第三十六条第（二）项", true, {"载体形式", "获取方式"},
                   {"经审查，{称谓}申请获取的政府信息属于公开范围。根据{法律依据}的规定，本机关予以公开，现按{称谓}要求的"
                    "{载体形式}形式，通过{获取方式}方式提供（见附件）。"}));
  k.push_back(make("decision.granted.published", answer_label("granted", "已主动公开，告知获取途径"),
                   "第三十六条第（一）项", true, {"获取途径"},
                   {"经审查，{称谓}申请获取的政府信息已经主动公开。根据{法律依据}的规定，现告知获取该政府信息的方式和途径："
                    "{获取途径}。"}));
  k.push_back(make("decision.partial", answer_label("partial"), "第三十七条", true, {"具体理由"},
                   {"经审查，{称谓}申请获取的政府信息中含有不应当公开的内容，但能够作区分处理。根据{法律依据}的规定，"
                    "本机关向{称谓}提供可以公开的部分（见附件），其余部分不予公开。",
                    "{具体理由}"}));
  for (const auto& o : core::all_outcomes()) {
    if (o.group != "denied") continue;
    std::string code(o.code);
    if (o.item == 8) {
      k.push_back(make("decision." + code, answer_label(code), "第三十六条第（七）项", true, {"具体理由"},
                       {"{称谓}申请获取的信息属于工商、不动产登记资料等行政查询事项，有关法律、行政法规对信息的获取有特别规定。"
                        "根据{法律依据}的规定，请{称谓}依照有关法律、行政法规的规定办理。",
                        "{具体理由}"}));
    } else {
      k.push_back(make("decision." + code, answer_label(code), std::string(o.basis) + "和第三十六条第（三）项", true,
                       {"不予公开情形", "具体理由"},
                       {"经审查，{称谓}申请获取的政府信息{不予公开情形}。根据{法律依据}的规定，本机关决定不予公开。",
                        "{具体理由}"}));
    }
  }
  k.push_back(make("decision.unable.1", answer_label("unable.1"), "第三十六条第（四）项", true, {},
                   {"经检索，本机关没有{称谓}申请获取的政府信息。根据{法律依据}的规定，告知{称谓}该政府信息不存在。"}));
  k.push_back(make("decision.unable.1.other_agency", answer_label("unable.1", "不属于本机关负责公开，告知负责机关"),
                   "第三十六条第（五）项", true, {"负责机关"},
                   {"经审查，{称谓}申请获取的政府信息不属于本机关负责公开。根据{法律依据}的规定，现告知负责公开该政府信息的行政机关为："
                    "{负责机关}，请{称谓}向该机关提出申请。"}));
  k.push_back(make("decision.unable.2", answer_label("unable.2"), "第三十八条", true, {"具体理由"},
                   {"经审查，本机关没有{称谓}申请获取的现成信息，提供该信息需要对现有政府信息进行加工、分析。根据{法律依据}的规定，"
                    "本机关不予提供。",
                    "{具体理由}"}));
  k.push_back(make("decision.unable.3", answer_label("unable.3"), "第二十九条、第三十条", true, {},
                   {"{称谓}的申请经补正后，申请内容仍不明确，本机关无法确定所需政府信息。根据{法律依据}的规定，本机关无法提供。"}));
  k.push_back(make("decision.not_processed.1", answer_label("not_processed.1"), "第三十九条第一款", true, {},
                   {"经审查，{称谓}以政府信息公开申请的形式进行信访、投诉、举报等活动。根据{法律依据}的规定，本机关不作为"
                    "政府信息公开申请处理，{称谓}可以通过相应渠道提出。"}));
  k.push_back(make("decision.not_processed.2", answer_label("not_processed.2"), "第三十六条第（六）项", true, {},
                   {"经审查，本机关已就{称谓}此前提出的政府信息公开申请作出答复，{称谓}重复申请公开相同政府信息。根据{法律依据}"
                    "的规定，本机关不予重复处理。"}));
  k.push_back(make("decision.not_processed.3", answer_label("not_processed.3"), "第三十九条第二款", true, {"具体理由"},
                   {"经审查，{称谓}要求提供的是公开出版物。根据{法律依据}的规定，本机关不予处理，{称谓}可以通过公开发行渠道获取。",
                    "{具体理由}"}));
  k.push_back(make("decision.not_processed.4", answer_label("not_processed.4"), "第三十五条", true, {},
                   {"{称谓}申请公开政府信息的数量、频次明显超过合理范围，且未能说明理由或者理由不合理。根据{法律依据}的规定，"
                    "本机关不予处理。"}));
  k.push_back(make("decision.not_processed.5", answer_label("not_processed.5"), "", true, {"具体理由"},
                   {"{称谓}的申请是要求本机关确认或者重新出具已获取的信息，不属于{法律依据}规定的政府信息公开申请，本机关不予处理。",
                    "{具体理由}"}));
  k.push_back(make("decision.other.1", answer_label("other.1"), "第三十条", true, {"补正通知日期"},
                   {"本机关于{补正通知日期}向{称谓}发出补正通知，{称谓}无正当理由逾期未补正。根据{法律依据}的规定，视为{称谓}"
                    "放弃申请，本机关不再处理该政府信息公开申请。"}));
  k.push_back(make("decision.other.2", answer_label("other.2"), fee_basis, true, {"收费通知日期"},
                   {"本机关于{收费通知日期}向{称谓}发出收费通知，{称谓}逾期未按要求缴纳信息处理费。根据{法律依据}的规定，视为"
                    "{称谓}放弃申请，本机关不再处理该政府信息公开申请。"}));
  k.push_back(make("decision.other.3", answer_label("other.3"), "", true, {"处理情况"},
                   {"经审查，根据{法律依据}的规定，本机关对{称谓}的申请作如下处理：{处理情况}。"}));
  return k;
}

bool allowed(const LetterTemplateKind& kind, std::string_view name) {
  for (auto p : kind.placeholders) {
    if (p == name) return true;
  }
  return false;
}

// Calls on_text for literal runs and on_name for each {name}; returns false at a brace that
// does not pair (with the 1-based line in *bad_line).
template <class Text, class Name>
bool scan(std::string_view text, Text on_text, Name on_name, int* bad_line = nullptr) {
  int line = 1;
  size_t i = 0;
  while (i < text.size()) {
    size_t open = text.find_first_of("{}\n", i);
    if (open == std::string_view::npos) {
      on_text(text.substr(i), line);
      break;
    }
    on_text(text.substr(i, open - i), line);
    if (text[open] == '\n') {
      on_text("\n", line);
      ++line;
      i = open + 1;
      continue;
    }
    size_t close = text[open] == '{' ? text.find_first_of("{}\n", open + 1) : std::string_view::npos;
    if (close == std::string_view::npos || text[close] != '}') {
      if (bad_line) *bad_line = line;
      return false;
    }
    on_name(text.substr(open + 1, close - open - 1), line);
    i = close + 1;
  }
  return true;
}

}  // namespace

const std::vector<LetterTemplateKind>& letter_template_kinds() {
  static const std::vector<LetterTemplateKind> k = build();
  return k;
}

const LetterTemplateKind* find_letter_template_kind(std::string_view key) {
  for (const auto& k : letter_template_kinds()) {
    if (k.key == key) return &k;
  }
  return nullptr;
}

std::string_view placeholder_description(std::string_view name) {
  for (const auto& p : all_placeholders()) {
    if (p.name == name) return p.description;
  }
  return {};
}

std::string normalise_letter_template(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      if (i + 1 < text.size() && text[i + 1] == '\n') continue;
      out += '\n';
    } else {
      out += text[i];
    }
  }
  // Trailing spaces and tabs of each line, and blank lines at the end.
  std::string trimmed;
  size_t start = 0;
  while (start <= out.size()) {
    size_t end = out.find('\n', start);
    if (end == std::string::npos) end = out.size();
    std::string line = out.substr(start, end - start);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.pop_back();
    trimmed += line;
    if (end < out.size()) trimmed += '\n';
    start = end + 1;
  }
  while (!trimmed.empty() && trimmed.back() == '\n') trimmed.pop_back();
  return trimmed;
}

std::vector<std::string> check_letter_template(const LetterTemplateKind& kind, std::string_view text) {
  std::vector<std::string> problems;
  if (text.find_first_not_of(" \t\n") == std::string_view::npos) {
    problems.push_back("告知书正文不能为空");
    return problems;
  }
  if (utf8_length(text) > kMaxLetterTemplateChars) {
    problems.push_back("告知书正文不能超过" + std::to_string(kMaxLetterTemplateChars) + "个字");
  }
  size_t lines = 1;
  for (char ch : text) {
    if (ch == '\n') ++lines;
  }
  if (lines > kMaxLetterTemplateLines) {
    problems.push_back("告知书正文不能超过" + std::to_string(kMaxLetterTemplateLines) + "行");
  }
  for (unsigned char ch : text) {
    if (ch < 0x20 && ch != '\n' && ch != '\t') {
      problems.push_back("告知书正文含有控制字符");
      break;
    }
  }
  if (!problems.empty()) return problems;
  std::vector<std::string> seen;
  std::string allowed_list;
  for (auto p : kind.placeholders) allowed_list += "{" + std::string(p) + "}";
  int bad_line = 0;
  bool paired = scan(
      text, [](std::string_view, int) {},
      [&](std::string_view name, int line) {
        if (!allowed(kind, name)) {
          problems.push_back("第" + std::to_string(line) + "行：“{" + std::string(name.substr(0, 30)) +
                             "}”不是本告知书可用的占位符，可用的有：" + allowed_list);
        } else {
          seen.emplace_back(name);
        }
      },
      &bad_line);
  if (!paired) {
    problems.push_back("第" + std::to_string(bad_line) + "行：花括号不成对（花括号只用于占位符，如{机关名称}）");
  }
  for (auto need : kind.required) {
    bool present = false;
    for (const auto& s : seen) present = present || s == need;
    if (!present) {
      problems.push_back("缺少必需的占位符{" + std::string(need) + "}：" + std::string(placeholder_description(need)));
    }
  }
  return problems;
}

std::vector<std::string> fill_letter_template(std::string_view text, const std::map<std::string, std::string>& values) {
  std::vector<std::string> out;
  std::string current;
  auto end_paragraph = [&] {
    if (current.find_first_not_of(" \t") != std::string::npos) out.push_back(current);
    current.clear();
  };
  scan(
      text,
      [&](std::string_view t, int) {
        if (t == "\n") end_paragraph();
        else current += t;
      },
      [&](std::string_view name, int) {
        auto it = values.find(std::string(name));
        if (it != values.end()) current += it->second;
      });
  end_paragraph();
  return out;
}

}  // namespace gongkai::app
