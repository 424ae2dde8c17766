#include "app/item_import.h"

#include <Poco/Exception.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <array>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <fstream>
#include <future>
#include <map>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "app/catalog.h"
#include "app/csv.h"
#include "app/errors.h"
#include "app/item_names.h"
#include "app/item_rules.h"
#include "core/clock.h"
#include "core/date.h"
#include "core/index_no.h"
#include "core/workflow.h"
#include "store/audit_log.h"
#include "store/directory_store.h"
#include "store/item_bulk_store.h"
#include "store/item_store.h"
#include "store/search_store.h"

namespace gongkai::app {
namespace {

constexpr size_t kColumns = kItemColumns.size();
enum Column {
  kIndexNo, kTitle, kSummary, kBodyHtml, kDocNo, kKeywords, kDepartment, kClass, kTopic, kGenre,
  kCreationDate, kPublishDate, kValidity, kValidityChangedOn, kDisclosureMode, kCarrier, kStatus, kRevisionState
};
static_assert(kRevisionState + 1 == kColumns);
constexpr size_t kChunkRows = 256;
// Rows are assumed no larger than this when a file's size estimates its row count (a body of
// a few paragraphs plus metadata is 1-3 KB), so the estimate errs low.
constexpr int64_t kLargestTypicalRowBytes = 4096;
constexpr size_t kMaxIndexNoBytes = 100;

int column_of(std::string_view name) {
  for (size_t i = 0; i < kColumns; ++i) {
    if (kItemColumns[i] == name) return static_cast<int>(i);
  }
  return -1;
}

std::string trim(std::string s) {
  size_t a = s.find_first_not_of(" \t");
  if (a == std::string::npos) return "";
  size_t b = s.find_last_not_of(" \t");
  return s.substr(a, b - a + 1);
}

bool valid_utf8(std::string_view s) {
  size_t i = 0, n = s.size();
  while (i < n) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) { ++i; continue; }
    size_t len;
    uint32_t cp;
    if ((c & 0xE0) == 0xC0) { len = 2; cp = c & 0x1F; }
    else if ((c & 0xF0) == 0xE0) { len = 3; cp = c & 0x0F; }
    else if ((c & 0xF8) == 0xF0) { len = 4; cp = c & 0x07; }
    else return false;
    if (i + len > n) return false;
    for (size_t k = 1; k < len; ++k) {
      unsigned char cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
        (cp >= 0xD800 && cp <= 0xDFFF)) {
      return false;
    }
    i += len;
  }
  return true;
}

// Art. 26 lateness without walking long spans day by day: 41 days always hold more than
// 20 working days.
bool published_late(core::Date created, core::Date published) {
  int span = published - created;
  if (span <= 0) return false;
  if (span > 40) return true;
  return workdays_between(created.iso(), published.iso()) > kPublishWithinWorkdays;
}

// One record as read, before any checking.
struct RawRow {
  int64_t line = 0;
  std::vector<std::string> fields;  // CSV: in file order
  std::string json;                 // JSONL: the line
  std::string read_error;           // malformed record
};

// Reads records of either format.
class RowSource {
 public:
  virtual ~RowSource() = default;
  // False at the end of the file.
  virtual bool next(RawRow& row) = 0;
  // CSV: the column of each field position (-1: ignored). Empty for JSONL.
  const std::vector<int>& columns() const { return columns_; }

 protected:
  std::vector<int> columns_;
};

AppError file_error(const std::string& message) { return AppError(ErrorKind::kInvalid, "bad_file", message); }

class CsvSource final : public RowSource {
 public:
  explicit CsvSource(const std::string& path) : in_(path, std::ios::binary), reader_(in_) {
    if (!in_) throw file_error("无法打开文件 " + path);
    std::vector<std::string> header;
    auto res = reader_.next(header);
    if (res == CsvReader::Result::kEnd) throw file_error("文件是空的：CSV 文件第一行须为表头");
    if (res == CsvReader::Result::kError) throw file_error("表头（第" + std::to_string(reader_.record_line()) + "行）格式有误：" + reader_.error());
    std::vector<bool> seen(kColumns, false);
    for (size_t i = 0; i < header.size(); ++i) {
      std::string name = trim(header[i]);
      int col = column_of(name);
      if (col < 0) {
        throw file_error("表头第" + std::to_string(i + 1) + "列“" + name +
                         "”不是可导入的列（可用的列见 docs/import-format.md）");
      }
      if (seen[col]) throw file_error("表头中“" + name + "”出现了两次");
      seen[col] = true;
      columns_.push_back(col == kRevisionState ? -1 : col);
    }
    std::string missing;
    for (int col : {kTitle, kDepartment, kClass, kCreationDate}) {
      if (!seen[col]) missing += (missing.empty() ? "" : "、") + std::string(kItemColumns[col]);
    }
    if (!missing.empty()) throw file_error("表头缺少必需的列：" + missing);
  }

  bool next(RawRow& row) override {
    row.json.clear();
    row.read_error.clear();
    auto res = reader_.next(row.fields);
    if (res == CsvReader::Result::kEnd) return false;
    row.line = reader_.record_line();
    if (res == CsvReader::Result::kError) row.read_error = "CSV格式有误：" + reader_.error();
    return true;
  }

 private:
  std::ifstream in_;
  CsvReader reader_;
};

class JsonlSource final : public RowSource {
 public:
  explicit JsonlSource(const std::string& path) : in_(path, std::ios::binary) {
    if (!in_) throw file_error("无法打开文件 " + path);
  }

  bool next(RawRow& row) override {
    row.fields.clear();
    row.read_error.clear();
    while (std::getline(in_, row.json)) {
      ++line_;
      if (line_ == 1 && row.json.rfind("\xEF\xBB\xBF", 0) == 0) row.json.erase(0, 3);
      if (!row.json.empty() && row.json.back() == '\r') row.json.pop_back();
      if (row.json.find_first_not_of(" \t") == std::string::npos) continue;
      row.line = line_;
      return true;
    }
    return false;
  }

 private:
  std::ifstream in_;
  int64_t line_ = 0;
};

std::unique_ptr<RowSource> open_source(const std::string& path, ItemFileFormat format) {
  if (format == ItemFileFormat::kCsv) return std::make_unique<CsvSource>(path);
  return std::make_unique<JsonlSource>(path);
}

// The fields of a record by column; JSON values must be strings or null. Returns an error
// message, or "" when the record could be split.
std::string split_fields(RawRow& raw, const std::vector<int>& columns, Poco::JSON::Parser& parser,
                         std::array<std::string, kColumns>& f) {
  if (!raw.read_error.empty()) return raw.read_error;
  if (raw.json.empty()) {
    if (raw.fields.size() != columns.size()) {
      return "本行有" + std::to_string(raw.fields.size()) + "列，表头有" + std::to_string(columns.size()) + "列";
    }
    for (size_t i = 0; i < columns.size(); ++i) {
      if (columns[i] >= 0) f[columns[i]] = std::move(raw.fields[i]);
    }
  } else {
    Poco::JSON::Object::Ptr obj;
    try {
      parser.reset();
      Poco::Dynamic::Var v = parser.parse(raw.json);
      if (v.type() != typeid(Poco::JSON::Object::Ptr)) return "每行须为一个JSON对象";
      obj = v.extract<Poco::JSON::Object::Ptr>();
    } catch (const Poco::Exception& e) {
      return "JSON格式有误：" + e.displayText();
    }
    for (const auto& [name, value] : *obj) {
      int col = column_of(name);
      if (col < 0) return "未知的字段“" + name + "”（可用的字段见 docs/import-format.md）";
      if (col == kRevisionState || value.isEmpty()) continue;
      if (!value.isString()) return "字段“" + name + "”的值须为字符串或 null";
      f[col] = value.extract<std::string>();
    }
  }
  for (const auto& v : f) {
    if (!valid_utf8(v)) return "含有不是UTF-8编码的文字（文件须为UTF-8编码；GBK等编码的文件请先转换）";
  }
  return "";
}

// What the checking threads share; read-only while they run.
struct CheckContext {
  const AgencyNames* names = nullptr;
  int64_t agency_id = 0;
  Principal by;
  std::optional<int64_t> actor;  // the principal's user id
  std::vector<int> columns;
  const std::unordered_map<std::string, int64_t>* explicit_lines = nullptr;  // index_no → first line
  const std::unordered_set<std::string>* taken = nullptr;  // given index numbers already on the platform
  core::Date today;
  std::string source;  // file name, for the workflow events
  std::string now;     // when the import runs, for every row
};

// A checked row: an error, or the rows of an item waiting for its ids (and index number).
struct Checked {
  int64_t line = 0;
  std::string error;
  std::string status;
  std::optional<std::string> index_no;  // as given
  std::optional<int> number_year;       // generate an index number of this year
  store::BulkRows rows;
};

Checked check_row(RawRow& raw, const CheckContext& cx, Poco::JSON::Parser& parser) {
  Checked out;
  out.line = raw.line;
  std::array<std::string, kColumns> f;
  out.error = split_fields(raw, cx.columns, parser, f);
  if (!out.error.empty()) return out;

  std::map<int, std::string> errs;  // column → message; the first message per column wins
  auto add = [&](int col, std::string msg) { errs.emplace(col, std::move(msg)); };
  ItemInput in;
  if (!f[kDepartment].empty()) {
    if (auto id = cx.names->department_id(f[kDepartment])) in.department_id = id;
    else add(kDepartment, "发布科室“" + f[kDepartment] + "”不存在");
  }
  std::string why;
  for (auto [col, scheme, target] : {std::tuple{kClass, "class", &in.class_id}, std::tuple{kTopic, "topic", &in.topic_id},
                                     std::tuple{kGenre, "genre", &in.genre_id}}) {
    if (f[col].empty()) continue;
    if (auto id = cx.names->category_id(scheme, f[col], &why)) *target = id;
    else add(col, why);
  }
  in.title = std::move(f[kTitle]);
  in.summary = std::move(f[kSummary]);
  in.body_html = std::move(f[kBodyHtml]);
  in.doc_no = std::move(f[kDocNo]);
  in.keywords = std::move(f[kKeywords]);
  in.creation_date = f[kCreationDate];
  if (!f[kDisclosureMode].empty()) in.disclosure_mode = f[kDisclosureMode];
  if (!f[kCarrier].empty()) in.carrier = f[kCarrier];
  FieldErrors rule_errors;
  auto data = check_item(in, *cx.names, cx.by, rule_errors);
  static const std::map<std::string, int> kRuleColumns = {
      {"title", kTitle},          {"summary", kSummary},      {"body_html", kBodyHtml},
      {"doc_no", kDocNo},         {"keywords", kKeywords},    {"creation_date", kCreationDate},
      {"department_id", kDepartment}, {"class_id", kClass},  {"topic_id", kTopic},
      {"genre_id", kGenre},       {"disclosure_mode", kDisclosureMode}, {"carrier", kCarrier}};
  for (auto& [field, msg] : rule_errors) {
    auto it = kRuleColumns.find(field);
    add(it == kRuleColumns.end() ? kTitle : it->second, std::move(msg));
  }

  std::string status = f[kStatus];
  if (!status.empty() && status != "published" && status != "draft" && status != "withdrawn") {
    add(kStatus, "状态（status）只能是 published、draft 或 withdrawn");
  }
  auto created = core::Date::parse(f[kCreationDate]);
  std::optional<core::Date> published;
  if (!f[kPublishDate].empty()) {
    published = core::Date::parse(f[kPublishDate]);
    if (!published) add(kPublishDate, "请按 年-月-日 填写发布日期，例如 2013-05-20");
    else if (*published > cx.today) add(kPublishDate, "发布日期不能晚于今天");
    else if (created && *published < *created) add(kPublishDate, "发布日期不能早于生成日期");
  }
  if (status.empty()) status = f[kPublishDate].empty() ? "draft" : "published";
  bool draft = status == "draft";
  if (!draft && f[kPublishDate].empty()) add(kPublishDate, "已发布或已撤回的信息须填写发布日期");
  if (draft && !f[kPublishDate].empty()) add(kPublishDate, "草稿不能填写发布日期（已发布的信息请把 status 写为 published）");
  if (draft && !f[kIndexNo].empty()) add(kIndexNo, "草稿不能有索引号");
  std::string validity = f[kValidity].empty() ? std::string(core::kValid) : f[kValidity];
  std::optional<core::Date> changed;
  if (!core::is_validity(validity)) {
    add(kValidity, "有效性只能是 有效、失效 或 废止");
  } else if (validity == core::kValid) {
    if (!f[kValidityChangedOn].empty()) add(kValidityChangedOn, "有效的信息不填写有效性变更日期");
  } else {
    if (draft) add(kValidity, "草稿的有效性只能是 有效");
    if (f[kValidityChangedOn].empty()) {
      add(kValidityChangedOn, "失效或废止的信息须填写有效性变更日期");
    } else if (!(changed = core::Date::parse(f[kValidityChangedOn]))) {
      add(kValidityChangedOn, "请按 年-月-日 填写有效性变更日期");
    } else if (*changed > cx.today) {
      add(kValidityChangedOn, "有效性变更日期不能晚于今天");
    } else if (published && *changed < *published) {
      add(kValidityChangedOn, "有效性变更日期不能早于发布日期");
    }
  }
  const std::string& index_no = f[kIndexNo];
  if (!index_no.empty()) {
    auto first = cx.explicit_lines->find(index_no);
    if (index_no.size() > kMaxIndexNoBytes) add(kIndexNo, "索引号过长");
    else if (first != cx.explicit_lines->end() && first->second != raw.line) {
      add(kIndexNo, "索引号 " + index_no + " 与第" + std::to_string(first->second) + "行重复");
    } else if (cx.taken->count(index_no)) {
      add(kIndexNo, "索引号 " + index_no + " 已被其他信息使用");
    }
  }
  if (!errs.empty()) {
    for (const auto& [col, msg] : errs) out.error += (out.error.empty() ? "" : "；") + msg;
    return out;
  }

  store::BulkItem b;
  b.data = std::move(*data);
  b.status = status;
  if (published) b.data.publish_date = published->iso();
  b.data.validity = validity;
  if (changed) b.data.validity_changed_on = changed->iso();
  b.late = !draft && published_late(*created, *published);
  b.event_comment = "导入自 " + cx.source + " 第" + std::to_string(raw.line) + "行";
  out.status = status;
  if (!index_no.empty()) out.index_no = index_no;
  else if (!draft) out.number_year = published->year();
  out.rows = store::make_bulk_rows(cx.agency_id, std::move(b), cx.actor, "import", cx.now);
  return out;
}

// A fixed set of threads running tasks in submission order.
class WorkerPool {
 public:
  explicit WorkerPool(int n) {
    for (int i = 0; i < n; ++i) threads_.emplace_back([this] { run(); });
  }
  ~WorkerPool() {
    {
      std::lock_guard g(mu_);
      stop_ = true;
    }
    cv_.notify_all();
    for (auto& t : threads_) t.join();
  }
  template <typename F>
  auto submit(F f) {
    using R = decltype(f());
    auto task = std::make_shared<std::packaged_task<R()>>(std::move(f));
    auto fut = task->get_future();
    {
      std::lock_guard g(mu_);
      tasks_.emplace_back([task] { (*task)(); });
    }
    cv_.notify_one();
    return fut;
  }

 private:
  void run() {
    for (;;) {
      std::function<void()> t;
      {
        std::unique_lock lock(mu_);
        cv_.wait(lock, [&] { return stop_ || !tasks_.empty(); });
        if (tasks_.empty()) return;
        t = std::move(tasks_.front());
        tasks_.pop_front();
      }
      t();
    }
  }
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::function<void()>> tasks_;
  std::vector<std::thread> threads_;
  bool stop_ = false;
};

// The years an index number may carry: the publication year first, then any 4-digit
// number in it that could be a year.
std::vector<int> candidate_years(const std::string& index_no, std::optional<int> publish_year) {
  std::vector<int> years;
  if (publish_year) years.push_back(*publish_year);
  for (size_t i = 0; i + 4 <= index_no.size(); ++i) {
    bool digits = true;
    for (size_t k = 0; k < 4; ++k) digits = digits && index_no[i + k] >= '0' && index_no[i + k] <= '9';
    if (!digits) continue;
    int y = std::stoi(index_no.substr(i, 4));
    if (y >= 1900 && y <= 2200 && (years.empty() || years.front() != y)) years.push_back(y);
  }
  return years;
}

// The given index numbers of a file: where each first appears, and the highest serial
// each year reaches under the agency's pattern (so generated numbers start above it).
struct GivenNumbers {
  std::unordered_map<std::string, int64_t> first_line;
  std::map<int, long> max_serial;
};

GivenNumbers scan_given_numbers(const std::string& path, ItemFileFormat format, const store::AgencyRow& agency) {
  GivenNumbers g;
  auto note = [&](const std::string& index_no, const std::string& publish_date, int64_t line) {
    if (index_no.empty()) return;
    g.first_line.emplace(index_no, line);
    auto d = core::Date::parse(publish_date);
    for (int y : candidate_years(index_no, d ? std::optional<int>(d->year()) : std::nullopt)) {
      if (auto s = core::parse_index_serial(agency.index_pattern, agency.org_code, agency.slug, y, index_no)) {
        long& m = g.max_serial[y];
        m = std::max(m, *s);
        break;
      }
    }
  };
  auto source = open_source(path, format);
  RawRow raw;
  Poco::JSON::Parser parser;
  if (format == ItemFileFormat::kCsv) {
    const auto& cols = source->columns();
    int at_index = -1, at_date = -1;
    for (size_t i = 0; i < cols.size(); ++i) {
      if (cols[i] == kIndexNo) at_index = static_cast<int>(i);
      if (cols[i] == kPublishDate) at_date = static_cast<int>(i);
    }
    if (at_index < 0) return g;
    while (source->next(raw)) {
      if (!raw.read_error.empty() || raw.fields.size() != cols.size()) continue;
      note(raw.fields[at_index], at_date >= 0 ? raw.fields[at_date] : "", raw.line);
    }
    return g;
  }
  while (source->next(raw)) {
    if (raw.json.find("\"index_no\"") == std::string::npos) continue;
    std::array<std::string, kColumns> f;
    if (split_fields(raw, {}, parser, f).empty()) note(f[kIndexNo], f[kPublishDate], raw.line);
  }
  return g;
}

// Writes one batch: ids, index numbers, then the rows.
class BatchWriter {
 public:
  BatchWriter(store::Conn& c, const store::AgencyRow& agency, const GivenNumbers& given, int64_t index_now_max)
      : c_(c), agency_(agency), given_(given), index_now_max_(index_now_max) {}

  int64_t numbered() const { return numbered_; }
  int64_t indexed() const { return indexed_; }
  int64_t queued() const { return queued_; }
  double index_seconds() const { return index_seconds_; }

  void write(std::vector<Checked>& batch) {
    if (batch.empty()) return;
    auto n = static_cast<int64_t>(batch.size());
    auto item_ids = store::reserve_ids(c_, store::IdTable::kItems, n);
    auto rev_ids = store::reserve_ids(c_, store::IdTable::kItemRevisions, n);
    std::map<int, std::vector<size_t>> by_year;
    for (size_t i = 0; i < batch.size(); ++i) {
      if (batch[i].number_year) by_year[*batch[i].number_year].push_back(i);
    }
    std::vector<std::string> generated;
    for (const auto& [year, rows] : by_year) {
      int64_t first = store::reserve_index_serials(c_, agency_.id, year, static_cast<int64_t>(rows.size()));
      for (size_t k = 0; k < rows.size(); ++k) {
        batch[rows[k]].index_no = format(year, first + static_cast<int64_t>(k));
        generated.push_back(*batch[rows[k]].index_no);
      }
    }
    numbered_ += static_cast<int64_t>(generated.size());
    // A number may already be held: imported under another pattern, or given later in this
    // file under a year it does not carry. Such rows take the next free serial instead.
    auto taken = store::taken_index_nos(c_, generated);
    for (const auto& [year, rows] : by_year) {
      for (size_t i : rows) {
        auto& no = batch[i].index_no;
        while (taken.count(*no) || given_.first_line.count(*no)) {
          no = format(year, store::reserve_index_serials(c_, agency_.id, year, 1));
          if (store::index_no_taken(c_, *no)) taken.insert(*no);
        }
      }
    }
    std::vector<store::BulkRows> rows;
    rows.reserve(batch.size());
    for (size_t i = 0; i < batch.size(); ++i) {
      store::set_bulk_ids(batch[i].rows, item_ids[i], rev_ids[i], batch[i].index_no);
      rows.push_back(std::move(batch[i].rows));
    }
    store::insert_bulk_rows(c_, rows);
    written_ += n;
    if (written_ >= next_statistics_) {
      // Each time the load doubles, so that plans keep fitting the tables' size.
      store::refresh_item_statistics(c_);
      next_statistics_ = 2 * written_;
    }
    // The first `index_now_max` published items become searchable with the commit; the rest
    // are queued for the index (store/search_store.h): tokenizing a million bodies costs
    // several times the load itself, and the serving node's jobs do it after the commit.
    auto indexing = std::chrono::steady_clock::now();
    std::vector<int64_t> now, later;
    for (size_t i = 0; i < batch.size(); ++i) {
      if (batch[i].status != "published") continue;
      (indexed_ + static_cast<int64_t>(now.size()) < index_now_max_ ? now : later).push_back(item_ids[i]);
    }
    store::index_items(c_, now);
    store::queue_for_index(c_, later);
    indexed_ += static_cast<int64_t>(now.size());
    queued_ += static_cast<int64_t>(later.size());
    index_seconds_ += std::chrono::duration<double>(std::chrono::steady_clock::now() - indexing).count();
    batch.clear();
  }

 private:
  std::string format(int year, int64_t serial) const {
    return core::format_index_no(agency_.index_pattern, agency_.org_code, agency_.slug, year, static_cast<long>(serial));
  }

  store::Conn& c_;
  const store::AgencyRow& agency_;
  const GivenNumbers& given_;
  const int64_t index_now_max_;
  int64_t numbered_ = 0, indexed_ = 0, queued_ = 0, written_ = 0, next_statistics_ = 1000;
  double index_seconds_ = 0;
};

}  // namespace

ImportSummary import_items(store::Database& db, const Principal& by, int64_t agency_id, const std::string& path,
                           ItemFileFormat format, const ImportOptions& opt) {
  auto started = std::chrono::steady_clock::now();
  if (!by.in_agency(agency_id)) throw not_found("机关");
  if (!by.is_system() && !by.has(core::Role::kOffice) && !by.has(core::Role::kAdmin)) {
    throw forbidden("只有办公室或系统管理员可以导入信息");
  }
  auto conn = db.acquire();
  store::Conn& c = *conn;
  auto agency = store::find_agency(c, agency_id);
  if (!agency) throw not_found("机关");
  AgencyNames names = AgencyNames::load(c, agency_id);
  auto source = open_source(path, format);  // checks the header before any work
  GivenNumbers given = scan_given_numbers(path, format, *agency);

  ImportSummary sum;
  store::Tx tx(c);
  store::tune_for_bulk_load(c);
  // A load far larger than the tables builds their secondary indexes afterwards, once.
  std::vector<std::string> set_aside;
  {
    std::error_code ec;
    auto bytes = static_cast<int64_t>(std::filesystem::file_size(path, ec));
    int64_t rows_at_least = ec ? 0 : bytes / kLargestTypicalRowBytes;
    if (rows_at_least >= opt.rebuild_indexes_min_rows && rows_at_least > 2 * store::count_all_items(c)) {
      set_aside = store::drop_item_indexes(c);
    }
  }
  std::vector<std::string> given_list;
  given_list.reserve(given.first_line.size());
  for (const auto& [no, line] : given.first_line) given_list.push_back(no);
  auto taken = store::taken_index_nos(c, given_list);
  given_list = {};
  for (const auto& [year, serial] : given.max_serial) store::bump_index_serial(c, agency_id, year, serial);

  CheckContext cx;
  cx.names = &names;
  cx.agency_id = agency_id;
  cx.by = by;
  if (by.user_id) cx.actor = by.user_id;
  cx.now = core::now_iso();
  cx.columns = source->columns();
  cx.explicit_lines = &given.first_line;
  cx.taken = &taken;
  cx.today = core::Date::today_cst();
  cx.source = std::filesystem::path(path).filename().string();

  BatchWriter writer(c, *agency, given, opt.index_now_max);
  std::vector<Checked> batch;
  int64_t good_published = 0, good_withdrawn = 0, good_drafts = 0;
  auto take = [&](std::vector<Checked>&& chunk) {
    for (auto& r : chunk) {
      if (!r.error.empty()) {
        ++sum.bad;
        if (sum.errors.size() < opt.max_listed_errors) sum.errors.push_back({r.line, std::move(r.error)});
        continue;
      }
      (r.status == "draft" ? good_drafts : r.status == "withdrawn" ? good_withdrawn : good_published)++;
      if (sum.bad > 0 && !opt.skip_bad) continue;  // nothing will be committed: stop writing
      batch.push_back(std::move(r));
      if (batch.size() >= opt.batch_rows) writer.write(batch);
    }
  };

  int threads = opt.threads > 0 ? opt.threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  {
    WorkerPool pool(threads);
    std::deque<std::future<std::vector<Checked>>> inflight;
    // Deep enough that the checking threads stay busy while this thread writes a batch.
    const size_t max_inflight = std::max<size_t>(static_cast<size_t>(threads) * 4, 3 * opt.batch_rows / kChunkRows);
    auto submit = [&](std::vector<RawRow>&& rows) {
      inflight.push_back(pool.submit([rows = std::move(rows), &cx]() mutable {
        Poco::JSON::Parser parser;
        std::vector<Checked> out;
        out.reserve(rows.size());
        for (auto& r : rows) out.push_back(check_row(r, cx, parser));
        return out;
      }));
    };
    std::vector<RawRow> chunk;
    chunk.reserve(kChunkRows);
    RawRow raw;
    while (source->next(raw)) {
      ++sum.rows;
      chunk.push_back(std::move(raw));
      raw = RawRow();
      if (chunk.size() >= kChunkRows) {
        submit(std::move(chunk));
        chunk = {};
        chunk.reserve(kChunkRows);
        while (inflight.size() >= max_inflight) {
          take(inflight.front().get());
          inflight.pop_front();
        }
      }
      if (opt.progress && sum.rows % opt.progress_every == 0) opt.progress(sum.rows);
    }
    if (!chunk.empty()) submit(std::move(chunk));
    while (!inflight.empty()) {
      take(inflight.front().get());
      inflight.pop_front();
    }
  }
  if (sum.bad == 0 || opt.skip_bad) {
    writer.write(batch);
    sum.published = good_published;
    sum.withdrawn = good_withdrawn;
    sum.drafts = good_drafts;
    sum.loaded = good_published + good_withdrawn + good_drafts;
    sum.numbered = writer.numbered();
    sum.indexed = writer.indexed();
    sum.queued = writer.queued();
    sum.index_seconds = writer.index_seconds();
    store::restore_item_indexes(c, set_aside);
    if (sum.loaded > 0) store::refresh_item_statistics(c);
    store::audit(c, by.actor(),
                 {agency_id, "item.import", "agency", std::to_string(agency_id),
                  cx.source + ": " + std::to_string(sum.rows) + " rows, " + std::to_string(sum.loaded) +
                      " loaded (" + std::to_string(sum.published) + " published, " + std::to_string(sum.withdrawn) +
                      " withdrawn, " + std::to_string(sum.drafts) + " drafts, " + std::to_string(sum.numbered) +
                      " numbered), " + std::to_string(sum.bad) + " skipped"});
    tx.commit();
    sum.committed = true;
  }
  sum.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  sum.load_seconds = sum.seconds - sum.index_seconds;
  return sum;
}

}  // namespace gongkai::app
