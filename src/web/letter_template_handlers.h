#pragma once
// The agency's wording of its notice letters in the back office (app/letter_template_admin.h),
// for 办公室 and 系统管理员 (routes in routes.cc).

#include "web/context.h"

namespace gongkai::web {

void get_letter_templates(Context& c);        // GET  /admin/letter-templates
void get_letter_template(Context& c);         // GET  /admin/letter-templates/{kind}[?format=pdf]
void post_letter_template(Context& c);        // POST /admin/letter-templates/{kind} (action=preview|save)
void post_reset_letter_template(Context& c);  // POST /admin/letter-templates/{kind}/reset

}  // namespace gongkai::web
