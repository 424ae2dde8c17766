#include <algorithm>

#include "app/attachments.h"
#include "app/errors.h"
#include "app/notice_letters.h"
#include "render/document.h"
#include "web/letter_handlers.h"
#include "web/pages.h"
#include "web/server.h"

namespace gongkai::web {
namespace {

int seq_param(const Context& c) { return static_cast<int>(std::min<int64_t>(c.route_id("seq"), 100000)); }

}  // namespace

void get_request_letter(Context& c) {
  int64_t id = c.route_id();
  int seq = seq_param(c);
  int64_t agency = agency_of(c);
  const auto& who = c.who();
  render::Document doc = app::request_letter(*c.app.db, who, agency, id, seq);
  std::string format = c.param("format");
  std::vector<app::LetterRef> refs = app::request_letters(*c.app.db, who, agency, id);
  auto ref = std::find_if(refs.begin(), refs.end(), [&](const app::LetterRef& r) { return r.seq == seq; });
  if (ref == refs.end()) throw app::not_found("告知书");
  std::string name = ref->title + "-" + ref->reference;
  if (format == "pdf") {
    c.resp.set("Content-Disposition", app::content_disposition(name + ".pdf", false));
    c.send(200, "application/pdf", render::to_pdf(doc));
    return;
  }
  if (format == "docx") {
    c.resp.set("Content-Disposition", app::content_disposition(name + ".docx", false));
    c.send(200, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", render::to_docx(doc));
    return;
  }
  if (!format.empty() && format != "html") {
    throw app::AppError(app::ErrorKind::kInvalid, "bad_format", "格式应为 pdf、docx 或 html");
  }
  Page p(c, ref->title, "requests/letter.tpl");
  auto& d = p.content();
  d.SetValue("ID", std::to_string(id));
  d.SetValue("SEQ", std::to_string(seq));
  d.SetValue("TITLE", ref->title);
  d.SetValue("REFERENCE", ref->reference);
  d.SetValue("CSRF", c.session->csrf_token);
  if (ref->issued) {
    d.AddSectionDictionary("ISSUED")->SetValue("ISSUED_AT", ref->issued_at);
  } else {
    d.ShowSection("NOT_ISSUED");
  }
  // to_html escapes every text of the document.
  d.SetValue("LETTER_HTML", render::to_html(doc));
  p.send();
}

void post_issue_letter(Context& c) {
  int64_t id = c.route_id();
  int seq = seq_param(c);
  try {
    app::issue_request_letter(*c.app.db, c.who(), agency_of(c), id, seq);
  } catch (const app::ValidationError&) {
    // Issued already (e.g. a second click): the letter page says when.
  }
  c.redirect("/admin/requests/" + std::to_string(id) + "/letters/" + std::to_string(seq));
}

}  // namespace gongkai::web
