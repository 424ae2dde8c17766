#pragma once
// Shared page building: the layout around every HTML page, error pages, pagers, options.

#include <map>
#include <string>

#include "render/templates.h"
#include "web/context.h"

namespace gongkai::web {

// Wraps content template `content_tpl` (filled through the returned sub-dictionary) in the
// layout; call finish() to send it.
class Page {
 public:
  Page(Context& c, const std::string& title, const std::string& content_tpl);
  render::Dict& content() { return *content_; }
  render::Dict& layout() { return layout_; }
  void flash(const std::string& message);
  void send(int status = 200);

 private:
  Context& c_;
  render::Dict layout_;
  render::Dict* content_;
};

std::string error_page(Context& c, int status, const std::string& message);

// Fills a PAGER include in `d` for `total` rows, linking to base_url with page=N.
void add_pager(render::Dict& d, const std::string& base_url, int page, int per_page, int64_t total);

// Adds an <option> row to section `section` of d.
void add_option(render::Dict& d, const char* section, const std::string& value, const std::string& label,
                bool selected);

// Fills the ERRORS include (admin/errors.tpl): an error summary linking to each field.
void add_errors(render::Dict& d, const std::map<std::string, std::string>& errors);

// The agency the signed-in user works in; platform-level users have none (403).
int64_t agency_of(const Context& c);

// URL-encodes a query-string value.
std::string url_encode(const std::string& s);

}  // namespace gongkai::web
