#pragma once
// The rules an item's metadata must meet, shared by the editor (app/catalog.cc) and the
// importer (app/item_import.cc): required fields, length limits, dates, the agency's own
// departments and categories, disclosure mode, carrier and a body the sanitiser accepts.

#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "app/directory.h"
#include "store/item_store.h"

namespace gongkai::app {

// What an author fills in. Dates are YYYY-MM-DD; ids name the agency's own rows.
struct ItemInput {
  std::string title, summary, body_html, doc_no, keywords;
  std::optional<int64_t> department_id, class_id, topic_id, genre_id;
  std::string creation_date;
  std::string disclosure_mode = "主动公开";
  std::string carrier = "电子";
};

// Limits on the fields (characters, except the body in bytes).
inline constexpr size_t kMaxTitle = 200, kMaxSummary = 1000, kMaxDocNo = 100, kMaxKeywords = 200;
inline constexpr size_t kMaxBodyBytes = 2 * 1024 * 1024;

// The agency's rows an item may name. The editor answers from the database; the importer
// from maps loaded once, so that checking a row costs no query.
class ItemRefs {
 public:
  virtual ~ItemRefs() = default;
  // True when `id` is a department of the agency.
  virtual bool department_exists(int64_t id) const = 0;
  // The scheme ("class", "topic" or "genre") of the agency's category `id`, or nullopt
  // when the agency has no such category.
  virtual std::optional<std::string> category_scheme(int64_t id) const = 0;
};

// Field name → message in Chinese.
using FieldErrors = std::map<std::string, std::string>;

// Checks `in` as drafted by `by` and adds a message per bad field to `errors`. When it added
// none, returns the stored form: the sanitised body, its plain text, the normalised creation
// date (no publish date, validity 有效). Liaisons and heads may name only their own department.
std::optional<store::ItemData> check_item(const ItemInput& in, const ItemRefs& refs, const Principal& by,
                                          FieldErrors& errors);

}  // namespace gongkai::app
