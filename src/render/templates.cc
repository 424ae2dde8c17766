#include "render/templates.h"

#include <map>
#include <mutex>
#include <stdexcept>

#include "render/embedded_files.h"

namespace gongkai::render {
namespace {
std::once_flag g_once;
std::map<std::string, std::string_view, std::less<>>& statics() {
  static std::map<std::string, std::string_view, std::less<>> m;
  return m;
}
}  // namespace

void load_templates() {
  std::call_once(g_once, [] {
    for (const auto& f : embedded_files()) {
      if (f.path.rfind("templates/", 0) == 0) {
        std::string key(f.path.substr(10));
        if (!ctemplate::StringToTemplateCache(key, f.data.data(), f.data.size(), ctemplate::STRIP_BLANK_LINES)) {
          throw std::runtime_error("template does not parse: " + key);
        }
      } else if (f.path.rfind("static/", 0) == 0) {
        statics().emplace(std::string(f.path.substr(7)), f.data);
      }
    }
  });
}

std::string expand(std::string_view name, const Dict& dict) {
  load_templates();
  std::string out;
  if (!ctemplate::ExpandTemplate(std::string(name), ctemplate::STRIP_BLANK_LINES, &dict, &out)) {
    throw std::runtime_error("template failed to expand: " + std::string(name));
  }
  return out;
}

const std::string_view* static_file(std::string_view path) {
  load_templates();
  auto it = statics().find(path);
  return it == statics().end() ? nullptr : &it->second;
}

}  // namespace gongkai::render
