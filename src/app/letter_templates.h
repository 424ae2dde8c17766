#pragma once
// The editable wording of the notice letters (告知书). Each kind of letter (acknowledgement,
// correction, extension, fee, and the answer for each outcome code of core/outcomes.h) has a
// default text here; an agency may replace it with its own (app/letter_template_admin.h).
//
// A template is plain text, one paragraph per line (blank lines are ignored), with
// placeholders in braces such as {机关名称}. Each kind allows a fixed set of placeholders and
// requires some: every letter names the agency ({机关名称}) and its legal basis ({法律依据},
// the 条例's articles for that letter, filled in by the program), and every letter that can be
// contested carries the applicant's remedies ({救济途径}: 行政复议 within 60 days, 行政诉讼
// within 6 months, Art. 51). The title, reference, addressee, "特此告知。", signature, date
// and contact lines are not part of the template. Pure: no database, no clock.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gongkai::app {

struct LetterPlaceholder {
  std::string_view name;         // "机关名称", written {机关名称}
  std::string_view description;  // for the edit page
};

struct LetterTemplateKind {
  std::string key;    // "acknowledgement", "decision.denied.4", "decision.granted.published"
  std::string label;  // "答复告知书：（三）不予公开 4. 保护第三方合法权益"
  std::string legal_basis;  // what {法律依据} becomes: "《中华人民共和国政府信息公开条例》第三十条"
  bool remedies = false;    // {救济途径} required
  std::vector<std::string_view> placeholders;  // allowed, in the order the edit page lists them
  std::vector<std::string_view> required;
  std::string default_text;
};

// Every kind, in the order the back office lists them.
const std::vector<LetterTemplateKind>& letter_template_kinds();
// The kind with this key, or nullptr.
const LetterTemplateKind* find_letter_template_kind(std::string_view key);
// What a placeholder means (empty for an unknown one).
std::string_view placeholder_description(std::string_view name);

inline constexpr size_t kMaxLetterTemplateChars = 5000;
inline constexpr size_t kMaxLetterTemplateLines = 40;

// Normalises line ends to '\n' and trims trailing spaces of each line.
std::string normalise_letter_template(std::string_view text);

// The problems of `text` as a template of `kind`, in Chinese, empty when it may be saved:
// length and line limits, control characters, braces that do not pair, unknown placeholders
// (naming the line and listing the allowed ones), missing required ones.
std::vector<std::string> check_letter_template(const LetterTemplateKind& kind, std::string_view text);

// The paragraphs of a checked template with each placeholder replaced by its value in
// `values` (a missing value is empty). Substitution is one pass: a value holding "{…}" stays
// as written. Paragraphs that are empty after substitution are left out.
std::vector<std::string> fill_letter_template(std::string_view text, const std::map<std::string, std::string>& values);

}  // namespace gongkai::app
