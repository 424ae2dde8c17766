#pragma once
// Shared pieces of the JSON API: CORS, sending JSON, paging parameters and links,
// strict parameter checks, and the JSON shape of an item.

#include <Poco/JSON/Object.h>

#include <initializer_list>
#include <map>
#include <optional>
#include <string>

#include "store/directory_store.h"
#include "store/item_store.h"
#include "web/context.h"

namespace gongkai::web {

void cors(Context& c);
void send_json(Context& c, int status, const Poco::JSON::Object& o);

struct Paging {
  int page = 1;
  int per_page = 20;
};
// Reads page (≥1) and per_page (1..max); bad values are a 400 with code bad_page / bad_per_page.
Paging read_paging(const Context& c, int max_per_page);
// A page past the last one (when there are results) is a 400 with code page_out_of_range.
void check_page_in_range(const Paging& p, int64_t total);
// self, first, last, and prev/next when they exist, keeping the other query parameters.
Poco::JSON::Object paging_links(const Context& c, const std::string& path, const Paging& p, int64_t total);

// A positive integer parameter, nullopt when absent; otherwise a 400 (code bad_<name>).
std::optional<int64_t> optional_id(const Context& c, const char* name);
// Any query parameter not in `known` is a 400 with code unknown_parameter.
void reject_unknown_params(const Context& c, std::initializer_list<const char*> known);

Poco::JSON::Object item_summary_json(const store::ItemRow& it, const store::AgencyRow& agency,
                                     const std::map<int64_t, store::CategoryRow>& cats,
                                     const std::map<int64_t, std::string>& departments);

}  // namespace gongkai::web
