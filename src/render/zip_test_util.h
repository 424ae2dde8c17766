#pragma once
// Reads the parts of a zip package (DOCX, XLSX) back for the writers' tests.

#include <Poco/Zip/ZipArchive.h>
#include <Poco/Zip/ZipStream.h>

#include <map>
#include <sstream>
#include <string>

namespace gongkai::render::testing {

// Every part of the package by name.
inline std::map<std::string, std::string> unzip(const std::string& bytes) {
  std::map<std::string, std::string> parts;
  std::istringstream in(bytes, std::ios::binary);
  Poco::Zip::ZipArchive archive(in);
  for (auto it = archive.headerBegin(); it != archive.headerEnd(); ++it) {
    std::istringstream again(bytes, std::ios::binary);
    Poco::Zip::ZipInputStream part(again, it->second);
    std::ostringstream data;
    data << part.rdbuf();
    parts[it->first] = data.str();
  }
  return parts;
}

}  // namespace gongkai::render::testing
