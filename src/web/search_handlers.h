#pragma once
// The public search page (routes in routes.cc).
//
// GET /search?q=&agency=&class=&topic=&dept=&year_from=&year_to=&validity=&sort=&page=
// (parameters and errors: app/search.h). Without any parameter it shows the search form.
// Bad input is shown on the search page itself with status 400 (404 for an unknown agency);
// an empty result lists the filters to drop with links (app::Relaxation).

#include "app/search.h"
#include "web/context.h"

namespace gongkai::web {

void get_search(Context& c);

// The request's query string parameters in order, as the search service reads them.
app::SearchParams search_params_of(const Context& c);

// The URL of the search page for `r`, without the parameters in `drop`, at `page` (1: none).
std::string search_url(const app::SearchRequest& r, const std::vector<std::string>& drop = {}, int page = 1);

}  // namespace gongkai::web
