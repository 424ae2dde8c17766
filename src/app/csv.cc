#include "app/csv.h"

#include <algorithm>
#include <cstring>

namespace gongkai::app {
namespace {

bool needs_quotes(std::string_view f) {
  if (f.empty()) return false;
  if (f.substr(0, 3) == "\xEF\xBB\xBF") return true;  // else a reader would take it for a BOM
  if (f.front() == ' ' || f.front() == '\t' || f.back() == ' ' || f.back() == '\t') return true;
  return f.find_first_of(",\"\r\n") != std::string_view::npos;
}

}  // namespace

CsvReader::CsvReader(std::istream& in, size_t buffer_bytes) : in_(in) {
  buf_.resize(std::max<size_t>(buffer_bytes, 16));
}

bool CsvReader::fill() {
  if (pos_ < len_) return true;
  consumed_ += static_cast<int64_t>(len_);
  pos_ = len_ = 0;
  if (!in_) return false;
  in_.read(buf_.data(), static_cast<std::streamsize>(buf_.size()));
  len_ = static_cast<size_t>(in_.gcount());
  return len_ > 0;
}

int CsvReader::peek() { return fill() ? static_cast<unsigned char>(buf_[pos_]) : -1; }

int CsvReader::get() { return fill() ? static_cast<unsigned char>(buf_[pos_++]) : -1; }

void CsvReader::skip_rest_of_line() {
  for (;;) {
    int c = get();
    if (c == -1) return;
    if (c == '\n') { ++line_; return; }
    if (c == '\r') {
      if (peek() == '\n') get();
      ++line_;
      return;
    }
  }
}

CsvReader::Result CsvReader::next(std::vector<std::string>& fields) {
  fields.clear();
  error_.clear();
  if (!started_) {
    started_ = true;
    if (peek() == 0xEF) {
      // A BOM may straddle nothing but the first buffer, which holds at least 3 bytes if the
      // input does.
      if (len_ - pos_ >= 3 && std::memcmp(buf_.data() + pos_, "\xEF\xBB\xBF", 3) == 0) pos_ += 3;
    }
  }
  // Empty lines between records are skipped.
  for (;;) {
    int c = peek();
    if (c == -1) return Result::kEnd;
    if (c == '\n') { get(); ++line_; continue; }
    if (c == '\r') {
      get();
      if (peek() == '\n') get();
      ++line_;
      continue;
    }
    break;
  }
  record_line_ = line_;
  auto end_line = [&] {
    int c = get();
    if (c == '\r' && peek() == '\n') get();
    if (c != -1) ++line_;
  };
  for (;;) {
    std::string& field = fields.emplace_back();
    if (peek() == '"') {
      get();
      for (;;) {
        if (!fill()) {
          error_ = "引号没有闭合（字段从第" + std::to_string(record_line_) + "行开始）";
          return Result::kError;
        }
        // Copy the run up to the next quote or line break at once.
        const char* p = buf_.data() + pos_;
        size_t n = len_ - pos_, k = 0;
        while (k < n && p[k] != '"' && p[k] != '\n' && p[k] != '\r') ++k;
        field.append(p, k);
        pos_ += k;
        if (k == n) continue;
        int c = get();
        if (c == '"') {
          if (peek() == '"') {
            get();
            field += '"';
            continue;
          }
          break;
        }
        field += static_cast<char>(c);
        if (c == '\n') ++line_;
        else if (peek() != '\n') ++line_;  // a lone CR; CRLF is counted at its LF
      }
      int c = peek();
      if (c == ',') { get(); continue; }
      if (c == -1 || c == '\n' || c == '\r') { end_line(); return Result::kRecord; }
      error_ = "引号闭合后出现了多余的字符";
      skip_rest_of_line();
      return Result::kError;
    }
    for (;;) {
      if (!fill()) return Result::kRecord;
      const char* p = buf_.data() + pos_;
      size_t n = len_ - pos_, k = 0;
      while (k < n && p[k] != ',' && p[k] != '"' && p[k] != '\n' && p[k] != '\r') ++k;
      field.append(p, k);
      pos_ += k;
      if (k == n) continue;
      char c = p[k];
      if (c == ',') { get(); break; }
      if (c == '"') {
        error_ = "未加引号的字段中出现了引号（含引号的字段须整体用引号括起，内部引号写两次）";
        skip_rest_of_line();
        return Result::kError;
      }
      end_line();
      return Result::kRecord;
    }
  }
}

void append_csv_field(std::string& out, std::string_view f) {
  if (!needs_quotes(f)) {
    out.append(f);
    return;
  }
  out += '"';
  for (char ch : f) {
    if (ch == '"') out += '"';
    out += ch;
  }
  out += '"';
}

void append_csv_record(std::string& out, const std::vector<std::string>& fields) {
  if (fields.size() == 1 && fields[0].empty()) {
    out += "\"\"\r\n";  // an empty line would be skipped on reading
    return;
  }
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i) out += ',';
    append_csv_field(out, fields[i]);
  }
  out += "\r\n";
}

}  // namespace gongkai::app
