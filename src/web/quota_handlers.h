#pragma once
// Pages for department quotas, the assessment, channels, disclosure attributes, the
// confidentiality register, the notice-board bulletin, complaints and reports, and the work
// records (issue 6). Routes in routes.cc.

#include "render/templates.h"
#include "web/context.h"

namespace gongkai::web {

void get_quota(Context& c);                  // GET  /admin/quota?month=YYYY-MM (office table, trend)
void post_quota_rule(Context& c);            // POST /admin/quota/rules
void post_delete_quota_rule(Context& c);     // POST /admin/quota/rules/{id}/delete
void post_quota_settings(Context& c);        // POST /admin/quota/settings
void get_department_quota(Context& c);       // GET  /admin/quota/departments/{id}?month=YYYY-MM
void get_assessment(Context& c);             // GET  /admin/assessment?period=…
void post_assessment_weights(Context& c);    // POST /admin/assessment/weights
void post_assessment_adjustment(Context& c); // POST /admin/assessment/adjustments
void get_assessment_export(Context& c);      // GET  /admin/assessment/export?period=…&format=pdf|docx|xlsx

void post_item_channel(Context& c);          // POST /admin/items/{id}/channels
void post_delete_channel(Context& c);        // POST /admin/channels/{id}/delete
void post_item_attribute(Context& c);        // POST /admin/items/{id}/attribute
void get_secrecy_register(Context& c);       // GET  /admin/registers/secrecy
void get_attribute_register(Context& c);     // GET  /admin/registers/attributes
void get_secrecy_register_export(Context& c);  // GET /admin/registers/secrecy/export?…&format=pdf|docx|xlsx
void get_bulletin(Context& c);               // GET  /admin/bulletin?month=YYYY-MM&size=A4|A3

void get_complaint_form(Context& c);         // GET  /complaints/{slug}/new (public)
void post_complaint_form(Context& c);        // POST /complaints/{slug}/new (public)
void get_complaints(Context& c);             // GET  /admin/complaints?status=open|closed
void post_complaint(Context& c);             // POST /admin/complaints (staff entry)
void get_complaint(Context& c);              // GET  /admin/complaints/{id}
void post_complaint_step(Context& c);        // POST /admin/complaints/{id}/steps
void post_complaint_close(Context& c);       // POST /admin/complaints/{id}/close
void get_work_records(Context& c);           // GET  /admin/work-records?year=YYYY
void post_work_record(Context& c);           // POST /admin/work-records
void post_delete_work_record(Context& c);    // POST /admin/work-records/{id}/delete
void post_group_member(Context& c);          // POST /admin/leading-group
void post_delete_group_member(Context& c);   // POST /admin/leading-group/{id}/delete

// Adds the latest quota notices the user should see (their department's; the office's) to the
// 工作台 page.
void fill_home_notices(Context& c, render::Dict& d, int64_t agency_id);

// Adds the channels and disclosure-attribute sections to the item page's dictionary.
void fill_item_registers(Context& c, render::Dict& d, int64_t agency_id, int64_t item_id);

}  // namespace gongkai::web
