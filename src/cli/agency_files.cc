#include "cli/agency_files.h"

#include "app/errors.h"
#include "store/directory_store.h"
#include "store/migrations.h"

namespace gongkai::cli {

std::optional<app::ItemFileFormat> file_format_of(const Args& a, const std::string& path) {
  std::string f = a.get("--format");
  if (f == "csv") return app::ItemFileFormat::kCsv;
  if (f == "jsonl") return app::ItemFileFormat::kJsonl;
  if (!f.empty()) return std::nullopt;
  return app::item_file_format(path);
}

OpenedAgency open_agency(const Args& a) {
  OpenedAgency o;
  o.db = store::Database::open(database_target(a), 2);
  store::migrate(*o.db);
  auto c = o.db->acquire();
  auto ag = store::find_agency_by_slug(*c, a.get("--agency"));
  if (!ag) throw app::AppError(app::ErrorKind::kNotFound, "not_found", "没有代码为 " + a.get("--agency") + " 的机关");
  o.agency_id = ag->id;
  return o;
}

}  // namespace gongkai::cli
