#pragma once
// A PDF written to a temporary file and read back with poppler's tools (poppler-utils), for
// the writers' tests.

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <string>
#include <vector>

namespace gongkai::render::testing {

// What a shell command prints on standard output.
inline std::string command_output(const std::string& cmd) {
  std::string out;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return out;
  char buf[65536];
  for (size_t n; (n = fread(buf, 1, sizeof buf, p)) > 0;) out.append(buf, n);
  pclose(p);
  return out;
}

// The text without spaces and line ends: pdftotext drops the spaces between CJK characters
// and a wrapped cell breaks its words, neither of which matters to the tests.
inline std::string squash(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c != ' ' && c != '\n') out += c;
  }
  return out;
}

// The PDF written to a temporary file, removed with the object.
struct PdfFile {
  std::filesystem::path path;
  explicit PdfFile(const std::string& bytes) {
    static int n = 0;
    path = std::filesystem::temp_directory_path() /
           ("gk-pdf-" + std::to_string(getpid()) + "-" + std::to_string(++n) + ".pdf");
    std::ofstream(path, std::ios::binary) << bytes;
  }
  ~PdfFile() { std::filesystem::remove(path); }
  PdfFile(const PdfFile&) = delete;
  PdfFile& operator=(const PdfFile&) = delete;

  // A poppler command run on the file ("pdftotext -enc UTF-8", "pdfinfo", …); pdftotext
  // writes to standard output.
  std::string run(const std::string& command) const {
    std::string cmd = command + " '" + path.string() + "' " + (command.starts_with("pdftotext") ? "- " : "") + "2>/dev/null";
    return command_output(cmd);
  }
  std::string text() const { return squash(run("pdftotext -enc UTF-8")); }
  std::string info() const { return run("pdfinfo"); }
  int pages() const {
    std::smatch m;
    std::string i = info();
    return std::regex_search(i, m, std::regex("Pages:\\s+(\\d+)")) ? std::stoi(m[1]) : -1;
  }
  // The text of each page (pdftotext ends each page with a form feed).
  std::vector<std::string> page_texts() const {
    std::vector<std::string> out;
    std::string t = text();
    size_t from = 0;
    for (size_t ff; (ff = t.find('\f', from)) != std::string::npos; from = ff + 1) out.push_back(t.substr(from, ff - from));
    return out;
  }
};

}  // namespace gongkai::render::testing
