// Fuzz target: the CSV reader on arbitrary bytes. Besides crashes and sanitizer reports it
// traps on broken promises: lines that go backwards, records without fields, records that
// depend on the reader's buffer size, and records that do not survive being written and read
// again unchanged.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

#include "app/csv.h"

namespace {

using gongkai::app::CsvReader;

void require(bool ok) {
  if (!ok) __builtin_trap();
}

std::vector<std::vector<std::string>> read_all(const std::string& text, size_t buffer, bool* had_error) {
  std::istringstream in(text);
  CsvReader r(in, buffer);
  std::vector<std::vector<std::string>> out;
  std::vector<std::string> f;
  int64_t last_line = 0;
  for (;;) {
    auto res = r.next(f);
    if (res == CsvReader::Result::kEnd) break;
    require(r.record_line() > last_line);
    last_line = r.record_line();
    if (res == CsvReader::Result::kError) {
      require(!r.error().empty());
      *had_error = true;
      continue;
    }
    require(!f.empty());
    require(r.bytes_read() <= static_cast<int64_t>(text.size()));
    out.push_back(f);
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  bool error = false;
  auto records = read_all(text, 16, &error);
  // The buffer size never changes what is read.
  bool error_big = false;
  require(read_all(text, 4096, &error_big) == records && error_big == error);
  std::string written;
  for (const auto& r : records) gongkai::app::append_csv_record(written, r);
  bool error2 = false;
  auto again = read_all(written, 37, &error2);
  require(!error2);
  require(again == records);
  return 0;
}
