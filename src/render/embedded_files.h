#pragma once
// Files built into the binary: templates/ and static/ (see cmake/embed.cmake).

#include <string_view>
#include <vector>

namespace gongkai::render {

struct EmbeddedFile {
  std::string_view path;  // e.g. "templates/admin/login.tpl", "static/gongkai.css"
  std::string_view data;
};

const std::vector<EmbeddedFile>& embedded_files();

}  // namespace gongkai::render
