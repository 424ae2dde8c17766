#pragma once
// What `import` and `export` of items and of requests share: the file's format and the
// agency the command works on.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "app/item_format.h"
#include "cli/args.h"
#include "store/db.h"

namespace gongkai::cli {

// --format csv|jsonl, else from the file name; nullopt when neither says.
std::optional<app::ItemFileFormat> file_format_of(const Args& a, const std::string& path);

struct OpenedAgency {
  std::unique_ptr<store::Database> db;
  int64_t agency_id = 0;
};

// Opens and migrates the database and finds --agency; throws AppError (not_found) when
// there is no such agency.
OpenedAgency open_agency(const Args& a);

}  // namespace gongkai::cli
