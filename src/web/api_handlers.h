#pragma once
// JSON API handlers under /api/v1 (routes in routes.cc, description in static/openapi.json).

#include "web/context.h"

namespace gongkai::web {

void api_agencies(Context& c);
void api_classes(Context& c);
void api_items(Context& c);
void api_item(Context& c);
// GET /api/v1/search: the search service (app/search.h) with per_page up to 1000.
void api_search(Context& c);
void api_openapi(Context& c);
void api_preflight(Context& c);

}  // namespace gongkai::web
