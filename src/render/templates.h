#pragma once
// HTML pages through ctemplate with auto-escaping. Templates are the files under
// templates/ built into the binary; each starts with {{%AUTOESCAPE context="HTML"}}.

#include <ctemplate/template.h>

#include <string>
#include <string_view>

namespace gongkai::render {

using Dict = ctemplate::TemplateDictionary;

// Loads the embedded templates into ctemplate's cache (once; thread-safe).
void load_templates();

// Expands templates/<name> (e.g. "admin/login.tpl") with the dictionary.
// Throws std::runtime_error if the template is unknown or fails to expand.
std::string expand(std::string_view name, const Dict& dict);

// The embedded static file under static/<path>, or nullptr.
const std::string_view* static_file(std::string_view path);

}  // namespace gongkai::render
