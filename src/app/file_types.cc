#include "app/file_types.h"

#include <Poco/Zip/ZipArchive.h>
#include <magic.h>

#include <algorithm>
#include <mutex>
#include <sstream>

namespace gongkai::app {
namespace {

std::string magic_mime(std::string_view data) {
  // libmagic handles are not thread-safe; one per thread.
  thread_local struct Handle {
    magic_t m = magic_open(MAGIC_MIME_TYPE | MAGIC_NO_CHECK_COMPRESS);
    Handle() { if (m) magic_load(m, nullptr); }
    ~Handle() { if (m) magic_close(m); }
  } h;
  if (!h.m) return "";
  const char* r = magic_buffer(h.m, data.data(), data.size());
  return r ? r : "";
}

std::string lower_ext(std::string_view name) {
  auto dot = name.rfind('.');
  if (dot == std::string_view::npos) return "";
  std::string e(name.substr(dot));
  std::transform(e.begin(), e.end(), e.begin(), [](unsigned char c) { return std::tolower(c); });
  return e;
}

// Office Open XML documents are zip files; their part names say which.
std::string zip_kind(std::string_view data) {
  try {
    std::istringstream in{std::string(data)};
    Poco::Zip::ZipArchive zip(in);
    bool word = false, xl = false;
    for (auto it = zip.headerBegin(); it != zip.headerEnd(); ++it) {
      if (it->first == "word/document.xml") word = true;
      if (it->first == "xl/workbook.xml") xl = true;
    }
    return word ? "docx" : xl ? "xlsx" : "zip";
  } catch (const std::exception&) {
    return "";
  }
}

}  // namespace

std::optional<FileType> detect_file_type(std::string_view data, std::string_view filename) {
  if (data.empty()) return std::nullopt;
  std::string mime = magic_mime(data);
  std::string ext = lower_ext(filename);
  auto expect = [&](std::initializer_list<const char*> exts, FileType t) -> std::optional<FileType> {
    for (const char* e : exts) if (ext == e) return t;
    return std::nullopt;
  };
  if (mime == "application/pdf") return expect({".pdf"}, {"application/pdf", "PDF", ".pdf"});
  if (mime == "image/png") return expect({".png"}, {"image/png", "PNG图片", ".png"});
  if (mime == "image/jpeg") return expect({".jpg", ".jpeg"}, {"image/jpeg", "JPEG图片", ".jpg"});
  if (mime == "image/gif") return expect({".gif"}, {"image/gif", "GIF图片", ".gif"});
  if (mime == "application/msword" || mime == "application/vnd.ms-word" || mime == "application/CDFV2" ||
      mime == "application/vnd.ms-excel" || mime == "application/x-ole-storage") {
    if (auto t = expect({".doc"}, {"application/msword", "Word文档", ".doc"})) return t;
    return expect({".xls"}, {"application/vnd.ms-excel", "Excel表格", ".xls"});
  }
  bool zipish = mime == "application/zip" || mime.find("openxmlformats") != std::string::npos;
  if (zipish) {
    std::string kind = zip_kind(data);
    if (kind == "docx")
      return expect({".docx"}, {"application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word文档", ".docx"});
    if (kind == "xlsx")
      return expect({".xlsx"}, {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel表格", ".xlsx"});
    if (kind == "zip") return expect({".zip"}, {"application/zip", "ZIP压缩包", ".zip"});
  }
  return std::nullopt;
}

std::string clean_filename(std::string_view name) {
  auto slash = name.find_last_of("/\\");
  if (slash != std::string_view::npos) name = name.substr(slash + 1);
  std::string out;
  size_t chars = 0;
  for (size_t i = 0; i < name.size() && chars < 120;) {
    unsigned char c = static_cast<unsigned char>(name[i]);
    size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
    if (i + len > name.size()) break;
    bool bad = len == 1 && (c < 0x20 || c >= 0x7f || c == '"' || c == '<' || c == '>' || c == ':' || c == '*' ||
                            c == '?' || c == '|');
    if (!bad) {
      out.append(name.substr(i, len));
      ++chars;
    }
    i += len;
  }
  while (!out.empty() && (out.front() == '.' || out.front() == ' ')) out.erase(out.begin());
  return out.empty() ? "附件" : out;
}

}  // namespace gongkai::app
