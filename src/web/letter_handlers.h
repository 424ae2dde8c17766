#pragma once
// Notice letters (告知书) of a request in the back office (routes in routes.cc), for the
// agency's request handlers: the letter as HTML with PDF and DOCX downloads, and the record
// that it was issued.

#include "web/context.h"

namespace gongkai::web {

void get_request_letter(Context& c);   // GET  /admin/requests/{id}/letters/{seq}[?format=pdf|docx]
void post_issue_letter(Context& c);    // POST /admin/requests/{id}/letters/{seq}/issue

}  // namespace gongkai::web
