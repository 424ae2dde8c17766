#pragma once
// CSV as RFC 4180 writes it: records of comma-separated fields ended by CRLF or LF; a field
// in double quotes may hold commas, CR, LF and doubled quotes (""). A UTF-8 byte order mark
// at the very start is skipped. Lines that are entirely empty are skipped. Bytes are passed
// through unchanged (no encoding check; the caller decides what a field may hold).

#include <cstdint>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

namespace gongkai::app {

// Reads records from a stream through its own buffer (no per-byte stream calls).
class CsvReader {
 public:
  enum class Result { kRecord, kError, kEnd };

  // `in` must outlive the reader. Reads `buffer_bytes` (at least 16) at a time.
  explicit CsvReader(std::istream& in, size_t buffer_bytes = size_t{1} << 20);
  CsvReader(const CsvReader&) = delete;
  CsvReader& operator=(const CsvReader&) = delete;

  // Reads the next record into `fields` (cleared first). kError means the record was malformed
  // (a quote inside an unquoted field, text after a closing quote, a quote left open at the
  // end of input): error() says why, and reading resumes after the end of that physical line
  // so that later records can still be read. kEnd: no more records.
  Result next(std::vector<std::string>& fields);

  // The 1-based line on which the record last returned (or the malformed one) started.
  int64_t record_line() const { return record_line_; }
  // Why the last kError happened, in Chinese.
  const std::string& error() const { return error_; }
  // Bytes consumed so far (for progress).
  int64_t bytes_read() const { return consumed_ + static_cast<int64_t>(pos_); }

 private:
  bool fill();  // refills the buffer; false at end of input
  int peek();   // next byte or -1, not consumed
  int get();    // next byte or -1
  void skip_rest_of_line();

  std::istream& in_;
  std::string buf_;
  size_t pos_ = 0, len_ = 0;
  int64_t consumed_ = 0;
  int64_t line_ = 1, record_line_ = 0;
  bool started_ = false;
  std::string error_;
};

// Appends `field` to `out`, quoted when it holds a comma, a quote, CR or LF, starts or ends
// with white space, or starts with a byte order mark.
void append_csv_field(std::string& out, std::string_view field);
// Appends the fields separated by commas and ended by CRLF.
void append_csv_record(std::string& out, const std::vector<std::string>& fields);

}  // namespace gongkai::app
