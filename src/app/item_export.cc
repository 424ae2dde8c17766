#include "app/item_export.h"

#include <array>
#include <optional>

#include "app/csv.h"
#include "app/errors.h"
#include "app/item_names.h"
#include "store/item_bulk_store.h"

namespace gongkai::app {

std::string json_quote(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  out += '"';
  for (char ch : s) {
    switch (ch) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(ch) < 0x20) {
          static const char* kHex = "0123456789abcdef";
          out += "\\u00";
          out += kHex[(ch >> 4) & 0xF];
          out += kHex[ch & 0xF];
        } else {
          out += ch;
        }
    }
  }
  out += '"';
  return out;
}

int64_t export_items(store::Database& db, const Principal& by, int64_t agency_id, std::ostream& out,
                     ItemFileFormat format) {
  if (!by.in_agency(agency_id)) throw not_found("机关");
  if (!by.is_system() && !by.has(core::Role::kOffice) && !by.has(core::Role::kAdmin)) {
    throw forbidden("只有办公室或系统管理员可以导出信息");
  }
  auto c = db.acquire();
  AgencyNames names = AgencyNames::load(*c, agency_id);
  constexpr size_t n = kItemColumns.size();
  std::string buf;
  if (format == ItemFileFormat::kCsv) {
    buf = "\xEF\xBB\xBF";
    append_csv_record(buf, std::vector<std::string>(kItemColumns.begin(), kItemColumns.end()));
  }
  int64_t count = 0;
  std::array<std::optional<std::string>, n> v;
  std::vector<std::string> fields(n);
  auto name_of = [&](const std::optional<int64_t>& id, bool department) -> std::optional<std::string> {
    if (!id) return std::nullopt;
    return department ? names.department_name(*id) : names.category_label(*id);
  };
  store::for_each_export_row(*c, agency_id, [&](const store::ExportRow& r) {
    const store::ItemData& d = r.data;
    v = {r.item.index_no, d.title, d.summary, d.body_html, d.doc_no, d.keywords,
         name_of(d.department_id, true), name_of(d.class_id, false), name_of(d.topic_id, false),
         name_of(d.genre_id, false), d.creation_date, d.publish_date, d.validity, d.validity_changed_on,
         d.disclosure_mode, d.carrier, r.item.status, r.revision_state};
    if (format == ItemFileFormat::kCsv) {
      for (size_t i = 0; i < n; ++i) fields[i] = v[i].value_or("");
      append_csv_record(buf, fields);
    } else {
      buf += '{';
      for (size_t i = 0; i < n; ++i) {
        if (i) buf += ',';
        buf += json_quote(kItemColumns[i]);
        buf += ':';
        buf += v[i] ? json_quote(*v[i]) : "null";
      }
      buf += "}\n";
    }
    ++count;
    if (buf.size() >= (1 << 20)) {
      out.write(buf.data(), static_cast<std::streamsize>(buf.size()));
      buf.clear();
    }
  });
  out.write(buf.data(), static_cast<std::streamsize>(buf.size()));
  out.flush();
  if (!out) throw AppError(ErrorKind::kInvalid, "write_failed", "写入导出文件失败");
  return count;
}

}  // namespace gongkai::app
