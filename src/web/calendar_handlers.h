#pragma once
// The back-office working-day calendar page (routes in routes.cc): the years held and the
// import of a new year's holiday notice, for administrators.

#include "web/context.h"

namespace gongkai::web {

void get_admin_calendar(Context& c);   // GET  /admin/calendar
void post_admin_calendar(Context& c);  // POST /admin/calendar (multipart: file or text, year)

}  // namespace gongkai::web
