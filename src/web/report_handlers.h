#pragma once
// The annual report in the back office (/admin/reports) and on the portal (/{slug}/reports),
// and the appeals register (/admin/appeals). Routes in routes.cc.

#include "web/context.h"

namespace gongkai::web {

void get_admin_reports(Context& c);
void post_report_draft(Context& c);
void post_report_publish(Context& c);
void get_report_preview(Context& c);
void get_city_reports(Context& c);
void get_statistics(Context& c);

void get_admin_appeals(Context& c);
void get_new_appeal(Context& c);
void post_new_appeal(Context& c);
void get_appeal(Context& c);
void post_appeal(Context& c);

void get_public_report(Context& c);
void get_public_report_file(Context& c);

}  // namespace gongkai::web
