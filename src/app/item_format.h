#pragma once
// The item file formats shared by `gongkai import items` and `gongkai export items`
// (documented for people in docs/import-format.md): CSV with a header row, or JSON Lines
// with one object per item, both with the columns below.

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace gongkai::app {

enum class ItemFileFormat { kCsv, kJsonl };

// Every column, in the order export writes them. revision_state is written by export and
// ignored by import (an imported item always starts at revision 1).
inline constexpr std::array<std::string_view, 18> kItemColumns = {
    "index_no",      "title",           "summary",  "body_html",     "doc_no",  "keywords",
    "department",    "class",           "topic",    "genre",         "creation_date", "publish_date",
    "validity",      "validity_changed_on", "disclosure_mode", "carrier", "status", "revision_state"};

// The format a file name asks for: .csv or .jsonl / .ndjson (any case); nullopt otherwise.
inline std::optional<ItemFileFormat> item_file_format(std::string_view path) {
  auto ends = [&](std::string_view ext) {
    if (path.size() < ext.size()) return false;
    for (size_t i = 0; i < ext.size(); ++i) {
      char c = path[path.size() - ext.size() + i];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (c != ext[i]) return false;
    }
    return true;
  };
  if (ends(".csv")) return ItemFileFormat::kCsv;
  if (ends(".jsonl") || ends(".ndjson")) return ItemFileFormat::kJsonl;
  return std::nullopt;
}

}  // namespace gongkai::app
