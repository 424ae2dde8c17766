// Back-office pages of the notice-letter wording: the list of kinds, the edit form with its
// preview, save and reset.
#include "app/errors.h"
#include "app/letter_template_admin.h"
#include "app/attachments.h"
#include "render/document.h"
#include "web/letter_template_handlers.h"
#include "web/pages.h"
#include "web/server.h"

namespace gongkai::web {
namespace {

std::string kind_param(const Context& c) {
  std::string k = c.route.at("kind");
  if (k.size() > 64) throw app::not_found("告知书种类");
  return k;
}

// The edit page: `text` in the form, the preview of `preview` (the saved wording when unset).
void edit_page(Context& c, const app::LetterTemplateView& v, const std::string& text,
               const std::optional<std::string>& preview, const std::map<std::string, std::string>& errors,
               int status, const char* notice = nullptr) {
  const app::LetterTemplateKind& k = *v.kind;
  Page p(c, k.label, "admin/letter_template_form.tpl");
  auto& d = p.content();
  d.SetValue("LABEL", k.label);
  d.SetValue("KEY", k.key);
  d.SetValue("BASIS", k.legal_basis);
  d.SetValue("CSRF", c.session->csrf_token);
  d.SetValue("BODY", text);
  d.SetValue("DEFAULT_TEXT", k.default_text);
  d.SetIntValue("MAX_CHARS", static_cast<long>(app::kMaxLetterTemplateChars));
  d.SetIntValue("MAX_LINES", static_cast<long>(app::kMaxLetterTemplateLines));
  if (v.customised) {
    auto* s = d.AddSectionDictionary("CUSTOM");
    s->SetValue("UPDATED_BY", v.updated_by);
    s->SetValue("UPDATED_AT", v.updated_at);
  } else {
    d.ShowSection("DEFAULT");
  }
  if (notice) d.ShowSection(notice);
  add_errors(d, errors);
  if (auto it = errors.find("body"); it != errors.end()) {
    d.AddSectionDictionary("BODY_BAD")->SetValue("MESSAGE", it->second);
  }
  for (auto name : k.placeholders) {
    auto* row = d.AddSectionDictionary("PLACEHOLDER");
    row->SetValue("NAME", "{" + std::string(name) + "}");
    row->SetValue("DESCRIPTION", std::string(app::placeholder_description(name)));
    for (auto r : k.required) {
      if (r == name) row->ShowSection("REQUIRED");
    }
  }
  // An unsaved text with errors has no preview; the saved wording is shown instead.
  std::optional<std::string> shown = errors.empty() ? preview : std::nullopt;
  if (shown) d.ShowSection("PREVIEW_UNSAVED");
  // to_html escapes every text of the document.
  d.SetValue("PREVIEW_HTML",
             render::to_html(app::preview_letter_template(*c.app.db, c.who(), agency_of(c), k.key, shown)));
  p.send(status);
}

}  // namespace

void get_letter_templates(Context& c) {
  auto views = app::list_letter_templates(*c.app.db, c.who(), agency_of(c));
  Page p(c, "告知书文本", "admin/letter_templates.tpl");
  auto& d = p.content();
  for (const auto& v : views) {
    auto* row = d.AddSectionDictionary("ROW");
    row->SetValue("KEY", v.kind->key);
    row->SetValue("LABEL", v.kind->label);
    row->SetValue("BASIS", v.kind->legal_basis);
    if (v.customised) {
      auto* s = row->AddSectionDictionary("CUSTOM");
      s->SetValue("UPDATED_BY", v.updated_by);
      s->SetValue("UPDATED_AT", v.updated_at);
    } else {
      row->ShowSection("DEFAULT");
    }
  }
  p.send();
}

void get_letter_template(Context& c) {
  std::string key = kind_param(c);
  auto v = app::get_letter_template(*c.app.db, c.who(), agency_of(c), key);
  std::string format = c.param("format");
  if (format == "pdf") {
    render::Document doc = app::preview_letter_template(*c.app.db, c.who(), agency_of(c), key, std::nullopt);
    c.resp.set("Content-Disposition", app::content_disposition("预览-" + v.kind->label + ".pdf", false));
    c.send(200, "application/pdf", render::to_pdf(doc));
    return;
  }
  if (!format.empty() && format != "html") {
    throw app::AppError(app::ErrorKind::kInvalid, "bad_format", "格式应为 pdf 或 html");
  }
  const char* notice = c.param("saved") == "1" ? "SAVED" : c.param("reset") == "1" ? "WAS_RESET" : nullptr;
  edit_page(c, v, v.text, std::nullopt, {}, 200, notice);
}

void post_letter_template(Context& c) {
  std::string key = kind_param(c);
  int64_t agency = agency_of(c);
  std::string text = c.form_param("body");
  std::string action = c.form_param("action");
  auto v = app::get_letter_template(*c.app.db, c.who(), agency, key);
  try {
    if (action == "preview") {
      // Checks the text as saving would, without saving it.
      app::preview_letter_template(*c.app.db, c.who(), agency, key, text);
      edit_page(c, v, text, text, {}, 200);
      return;
    }
    app::save_letter_template(*c.app.db, c.who(), agency, key, text);
  } catch (const app::ValidationError& e) {
    edit_page(c, v, text, std::nullopt, e.fields(), 400);
    return;
  }
  c.redirect("/admin/letter-templates/" + key + "?saved=1");
}

void post_reset_letter_template(Context& c) {
  std::string key = kind_param(c);
  app::reset_letter_template(*c.app.db, c.who(), agency_of(c), key);
  c.redirect("/admin/letter-templates/" + key + "?reset=1");
}

}  // namespace gongkai::web
