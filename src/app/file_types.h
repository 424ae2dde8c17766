#pragma once
// Which uploads an item may carry, decided by content (libmagic, plus a look inside zip
// containers for DOCX/XLSX), never by the file name alone.

#include <optional>
#include <string>
#include <string_view>

namespace gongkai::app {

struct FileType {
  std::string mime;       // what downloads are served as
  std::string label;      // Chinese label shown beside the link, e.g. "PDF"
  std::string extension;  // canonical extension, e.g. ".pdf"
};

// The type of an upload when it is one we accept (PDF, DOC/DOCX, XLS/XLSX, PNG/JPEG/GIF, ZIP)
// and the file name's extension agrees with the content; nullopt otherwise.
std::optional<FileType> detect_file_type(std::string_view data, std::string_view filename);

// A safe display name: no directories, control characters or quotes; at most 120 characters.
std::string clean_filename(std::string_view name);

}  // namespace gongkai::app
