#include "app/item_rules.h"

#include "core/date.h"
#include "render/html_sanitizer.h"

namespace gongkai::app {

std::optional<store::ItemData> check_item(const ItemInput& in, const ItemRefs& refs, const Principal& by,
                                          FieldErrors& errors) {
  FieldErrors e;
  auto text = [&](const char* field, const std::string& v, size_t max, bool required, const char* label) {
    size_t n = utf8_length(v);
    if (required && n == 0) e[field] = std::string("请填写") + label;
    else if (n > max) e[field] = std::string(label) + "不能超过" + std::to_string(max) + "个字";
  };
  text("title", in.title, kMaxTitle, true, "标题");
  text("summary", in.summary, kMaxSummary, false, "内容概述");
  text("doc_no", in.doc_no, kMaxDocNo, false, "文号");
  text("keywords", in.keywords, kMaxKeywords, false, "主题词");
  if (in.body_html.size() > kMaxBodyBytes) e["body_html"] = "正文不能超过2MB";
  auto created = core::Date::parse(in.creation_date);
  if (!created) e["creation_date"] = "请按 年-月-日 填写生成日期，例如 2013-05-20";
  else if (*created > core::Date::today_cst()) e["creation_date"] = "生成日期不能晚于今天";
  bool office = by.is_system() || by.has(core::Role::kOffice);
  if (!in.department_id) e["department_id"] = "请选择发布科室";
  else if (!refs.department_exists(*in.department_id)) e["department_id"] = "所选科室不属于本机关";
  else if (!office && !by.has(core::Role::kAdmin) && by.department_id != in.department_id) {
    e["department_id"] = "只能为本科室起草信息";
  }
  auto check_cat = [&](const char* field, const std::optional<int64_t>& id, const char* scheme, bool required,
                       const char* label) {
    if (!id) {
      if (required) e[field] = std::string("请选择") + label;
      return;
    }
    auto s = refs.category_scheme(*id);
    if (!s || *s != scheme) e[field] = std::string("所选") + label + "无效";
  };
  check_cat("class_id", in.class_id, "class", true, "信息分类");
  check_cat("topic_id", in.topic_id, "topic", false, "主题分类");
  check_cat("genre_id", in.genre_id, "genre", false, "体裁分类");
  if (in.disclosure_mode != "主动公开" && in.disclosure_mode != "依申请公开" && in.disclosure_mode != "不予公开") {
    e["disclosure_mode"] = "公开方式无效";
  }
  if (in.carrier != "电子" && in.carrier != "纸质" && in.carrier != "电子和纸质") e["carrier"] = "载体类型无效";
  render::SanitizeResult body = render::sanitize_html(in.body_html);
  if (!body.ok()) e["body_html"] = body.message;
  if (!e.empty()) {
    errors.insert(e.begin(), e.end());
    return std::nullopt;
  }

  store::ItemData d;
  d.title = in.title;
  d.summary = in.summary;
  d.body_html = std::move(body.html);
  d.doc_no = in.doc_no;
  d.keywords = in.keywords;
  d.department_id = in.department_id;
  d.class_id = in.class_id;
  d.topic_id = in.topic_id;
  d.genre_id = in.genre_id;
  d.creation_date = created->iso();
  d.disclosure_mode = in.disclosure_mode;
  d.carrier = in.carrier;
  return d;
}

}  // namespace gongkai::app
