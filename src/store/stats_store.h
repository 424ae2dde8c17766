#pragma once
// Queries behind the statistics page (app/statistics.h): one agency, one calendar year,
// optionally one department for the catalog figures. Every function filters on the agency.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/db.h"

namespace gongkai::store {

// Items published (or published, then withdrawn) in [from, to], by month (1-12) and class id.
struct MonthClassCount {
  int month = 0;
  std::optional<int64_t> class_id;
  int64_t count = 0;
};
std::vector<MonthClassCount> items_by_month_class(Conn& c, int64_t agency_id, const std::string& from,
                                                  const std::string& to, std::optional<int64_t> department_id);

// Creation and publication dates of those items (for the timeliness of publication).
struct ItemDates {
  std::string created, published;
};
std::vector<ItemDates> item_dates(Conn& c, int64_t agency_id, const std::string& from, const std::string& to,
                                  std::optional<int64_t> department_id);

// Requests received in [from, to], by month (1-12) and channel.
struct MonthChannelCount {
  int month = 0;
  std::string channel;
  int64_t count = 0;
};
std::vector<MonthChannelCount> requests_by_month_channel(Conn& c, int64_t agency_id, const std::string& from,
                                                         const std::string& to);

// Requests whose reply is overdue on `today`: a deadline runs (new or processing) and passed.
int64_t overdue_requests(Conn& c, int64_t agency_id, const std::string& today);

}  // namespace gongkai::store
