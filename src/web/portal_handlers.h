#pragma once
// Public portal handlers (routes in routes.cc).

#include "web/context.h"

namespace gongkai::web {

void get_platform_home(Context& c);
void get_agency_home(Context& c);
void get_guide(Context& c);
void get_rules(Context& c);
void get_reports(Context& c);
void get_apply(Context& c);
void get_catalog(Context& c);
void get_public_item(Context& c);
void get_care(Context& c);
void get_feed(Context& c);
void get_sitemap(Context& c);
void get_robots(Context& c);

}  // namespace gongkai::web
