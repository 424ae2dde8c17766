#pragma once
// The request API under /api/v1/requests (routes in routes.cc, described in
// static/openapi.json).

#include "web/context.h"

namespace gongkai::web {

void api_submit_request(Context& c);  // POST /api/v1/requests (JSON body, Idempotency-Key header)
void api_request_status(Context& c);  // GET  /api/v1/requests/{code}?secret=…

}  // namespace gongkai::web
