#pragma once
// Pages for requests for disclosure (依申请公开), routes in routes.cc:
//   public (portal_requests.cc): the application form in steps, its confirmation, and the
//     status page that needs the tracking code and the secret;
//   staff (admin_requests.cc): work lists, offline entry, the request page with its timeline,
//     deadline explanation and one form per event allowed next.
// Both use the form fields below (templates/requests/field.tpl).

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "app/requests.h"
#include "render/templates.h"
#include "web/context.h"

namespace gongkai::web {

void get_request_form(Context& c);   // GET  /requests/{slug}/new
void post_request_form(Context& c);  // POST /requests/{slug}/new (each step, then the submission)
void get_request_status(Context& c);   // GET  /requests/status
void post_request_status(Context& c);  // POST /requests/status

void get_admin_requests(Context& c);     // GET  /admin/requests?list=…
void get_new_admin_request(Context& c);  // GET  /admin/requests/new
void post_admin_request(Context& c);     // POST /admin/requests
void get_admin_request(Context& c);      // GET  /admin/requests/{id}
void post_request_event(Context& c);     // POST /admin/requests/{id}/events

// One form field as templates/requests/field.tpl draws it: label, hint, the message beside it
// when it is in error, and the control.
struct FormField {
  enum class Kind { kText, kArea, kRadios, kSelect, kCheck };
  Kind kind = Kind::kText;
  std::string name;   // form parameter and key in the error map
  std::string id;     // element id (the error summary links to it); default: name
  std::string label, hint, value;
  std::string type = "text";  // for kText: text, tel, email, date, number
  std::string autocomplete;
  int max = 200;
  bool optional = false;
  std::vector<std::pair<std::string, std::string>> options;  // value, label (radios, select)
  // Select only: labelled groups of options after `options`.
  std::vector<std::pair<std::string, std::vector<std::pair<std::string, std::string>>>> groups;
};

// Adds `f` as one FIELD include of `d`, with the message from `errors` (by name) beside it.
void add_field(render::Dict& d, const FormField& f, const std::map<std::string, std::string>& errors);

// The fields of one part of the request form, filled from `in` (also used by staff entry).
std::vector<FormField> request_fields(app::RequestPart part, const app::RequestInput& in);

// Fills the ERRORS include of `d` (admin/errors.tpl) with (element id, message) in order.
void add_error_summary(render::Dict& d, const std::vector<std::pair<std::string, std::string>>& errors);

}  // namespace gongkai::web
