#include "core/calendar.h"

#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <stdexcept>

namespace gongkai::core {
namespace {

constexpr int kMaxDaysOffPerNotice = 100;

DayInfo weekday_info(Date d, bool notice_known) {
  DayInfo info;
  info.notice_known = notice_known;
  if (d.is_weekend()) {
    info.workday = false;
    info.kind = DayKind::kWeekend;
    info.reason = "周末";
  } else {
    info.workday = true;
    info.kind = DayKind::kWorkday;
    info.reason = "工作日";
  }
  return info;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::string line_error(int line, const std::string& message) {
  return "第" + std::to_string(line) + "行：" + message;
}

// The notices' names; chinese-days abbreviates some, holiday-calendar appends "补班".
std::string normalize_name(std::string name) {
  static const std::string kSuffix = "补班";
  if (name.size() > kSuffix.size() && name.compare(name.size() - kSuffix.size(), kSuffix.size(), kSuffix) == 0) {
    name.resize(name.size() - kSuffix.size());
  }
  if (name == "清明") return "清明节";
  if (name == "端午") return "端午节";
  if (name == "中秋") return "中秋节";
  return name;
}

// The calendar year most entries fall in (the earliest on a tie).
int majority_year(const std::vector<CalendarEntry>& entries) {
  std::map<int, int> count;
  for (const auto& e : entries) ++count[e.date.year()];
  int best = 0, best_n = -1;
  for (auto [y, n] : count) {
    if (n > best_n) best = y, best_n = n;
  }
  return best;
}

// Checks the entries of one import: dates unique, 调休上班 only on weekends, names present.
std::string check_entries(const std::vector<CalendarEntry>& entries) {
  std::set<int> seen;
  for (const auto& e : entries) {
    if (!seen.insert(e.date.days_since_epoch()).second) return e.date.iso() + " 出现了两次";
    if (e.workday && !e.date.is_weekend()) return e.date.iso() + " 不是周末，不能是调休上班日";
    if (trim(e.name).empty()) return e.date.iso() + " 缺少节日名称";
    if (e.name.find('\t') != std::string::npos || e.name.find('\n') != std::string::npos) {
      return e.date.iso() + " 的名称含有制表符或换行";
    }
  }
  return {};
}

Checked<YearImport> finish_import(std::vector<CalendarEntry> entries, std::optional<int> year,
                                  std::string format) {
  if (entries.empty()) return Checked<YearImport>::failure("文件中没有任何节假日或调休日期");
  if (auto err = check_entries(entries); !err.empty()) return Checked<YearImport>::failure(err);
  std::sort(entries.begin(), entries.end(),
            [](const CalendarEntry& a, const CalendarEntry& b) { return a.date < b.date; });
  YearImport out;
  out.year = year ? *year : majority_year(entries);
  out.entries = std::move(entries);
  out.format = std::move(format);
  return out;
}

}  // namespace

DayInfo WeekdayCalendar::classify(Date d) const { return weekday_info(d, false); }

Checked<HolidayCalendar> HolidayCalendar::parse(std::string_view table) {
  HolidayCalendar cal;
  int line_no = 0;
  size_t pos = 0;
  while (pos <= table.size()) {
    size_t end = table.find('\n', pos);
    if (end == std::string_view::npos) end = table.size();
    std::string_view line = table.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (trim(line).empty() || trim(line).front() == '#') continue;

    std::vector<std::string_view> fields;
    size_t start = 0;
    while (true) {
      size_t tab = line.find('\t', start);
      fields.push_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    if (fields.size() != 3) {
      return Checked<HolidayCalendar>::failure(line_error(
          line_no, "应为“日期<TAB>off或work<TAB>名称”三栏，实为" + std::to_string(fields.size()) + "栏"));
    }
    auto date = Date::parse(trim(fields[0]));
    if (!date) {
      return Checked<HolidayCalendar>::failure(
          line_error(line_no, "日期无效“" + std::string(fields[0]) + "”，应为 YYYY-MM-DD"));
    }
    std::string_view kind = trim(fields[1]);
    if (kind != "off" && kind != "work") {
      return Checked<HolidayCalendar>::failure(
          line_error(line_no, "类型应为 off（放假）或 work（调休上班），实为“" + std::string(kind) + "”"));
    }
    std::string name(trim(fields[2]));
    if (name.empty()) return Checked<HolidayCalendar>::failure(line_error(line_no, "缺少节日名称"));
    if (kind == "work" && !date->is_weekend()) {
      return Checked<HolidayCalendar>::failure(
          line_error(line_no, date->iso() + " 不是周末，不能是调休上班日"));
    }
    auto [it, inserted] = cal.by_day_.emplace(date->days_since_epoch(), CalendarEntry{*date, kind == "work", name});
    if (!inserted) {
      return Checked<HolidayCalendar>::failure(line_error(line_no, date->iso() + " 重复出现"));
    }
    cal.years_.insert(notice_year(*date));
  }
  for (int y : cal.years_) {
    int off = 0;
    for (const auto& [day, e] : cal.by_day_) off += (!e.workday && notice_year(e.date) == y);
    if (off > kMaxDaysOffPerNotice) {
      return Checked<HolidayCalendar>::failure(std::to_string(y) + "年的放假日超过" +
                                               std::to_string(kMaxDaysOffPerNotice) + "天，请检查数据");
    }
  }
  cal.rebuild_index();
  return cal;
}

Checked<int> HolidayCalendar::replace_year(int year, const std::vector<CalendarEntry>& entries) {
  auto first = Date::from_ymd(year - 1, 12, 20);
  auto last = Date::from_ymd(year, 12, 31);
  if (!first || !last) return Checked<int>::failure("年份超出范围：" + std::to_string(year));
  if (auto err = check_entries(entries); !err.empty()) return Checked<int>::failure(err);
  for (const auto& e : entries) {
    if (e.date < *first || e.date > *last) {
      return Checked<int>::failure(e.date.iso() + " 不属于" + std::to_string(year) + "年的节假日安排（应在 " +
                                   first->iso() + " 至 " + last->iso() + " 之间）");
    }
  }
  std::map<int, CalendarEntry> next = by_day_;
  std::erase_if(next, [&](const auto& kv) { return notice_year(kv.second.date) == year; });
  for (const auto& e : entries) next[e.date.days_since_epoch()] = e;
  for (int y : {year, year + 1}) {
    int off = 0;
    for (const auto& [day, e] : next) off += (!e.workday && notice_year(e.date) == y);
    if (off > kMaxDaysOffPerNotice) {
      return Checked<int>::failure(std::to_string(y) + "年的放假日超过" + std::to_string(kMaxDaysOffPerNotice) +
                                   "天，请检查数据");
    }
  }
  by_day_ = std::move(next);
  years_.insert(year);
  rebuild_index();
  return static_cast<int>(entries.size());
}

void HolidayCalendar::rebuild_index() {
  dense_.clear();
  first_day_ = 0;
  if (by_day_.empty()) return;
  first_day_ = by_day_.begin()->first;
  dense_.assign(static_cast<size_t>(by_day_.rbegin()->first - first_day_ + 1), 0);
  for (const auto& [day, e] : by_day_) dense_[static_cast<size_t>(day - first_day_)] = e.workday ? 2 : 1;
}

std::vector<CalendarEntry> HolidayCalendar::entries() const {
  std::vector<CalendarEntry> out;
  out.reserve(by_day_.size());
  for (const auto& [day, e] : by_day_) out.push_back(e);
  return out;
}

std::vector<CalendarEntry> HolidayCalendar::entries_in_year(int year) const {
  std::vector<CalendarEntry> out;
  for (const auto& [day, e] : by_day_) {
    if (e.date.year() == year) out.push_back(e);
  }
  return out;
}

std::string HolidayCalendar::to_table() const {
  std::string out;
  for (const auto& [day, e] : by_day_) {
    out += e.date.iso();
    out += e.workday ? "\twork\t" : "\toff\t";
    out += e.name;
    out += '\n';
  }
  return out;
}

bool HolidayCalendar::is_workday(Date d) const {
  long i = static_cast<long>(d.days_since_epoch()) - first_day_;
  if (i >= 0 && static_cast<size_t>(i) < dense_.size() && dense_[static_cast<size_t>(i)] != 0) {
    return dense_[static_cast<size_t>(i)] == 2;
  }
  return !d.is_weekend();
}

DayInfo HolidayCalendar::classify(Date d) const {
  bool known = covers(notice_year(d));
  auto it = by_day_.find(d.days_since_epoch());
  if (it == by_day_.end()) return weekday_info(d, known);
  DayInfo info;
  info.notice_known = known;
  info.holiday = it->second.name;
  if (it->second.workday) {
    info.workday = true;
    info.kind = DayKind::kAdjustedWorkday;
    info.reason = "调休上班";
  } else {
    info.workday = false;
    info.kind = DayKind::kHoliday;
    info.reason = it->second.name;
  }
  return info;
}

const HolidayCalendar& default_calendar() {
  static const HolidayCalendar cal = [] {
    auto parsed = HolidayCalendar::parse(shipped_calendar_table());
    // The shipped table is generated and tested; failing here is a build defect.
    if (!parsed) throw std::logic_error("shipped calendar table: " + parsed.error());
    return std::move(parsed).value();
  }();
  return cal;
}

Checked<YearImport> parse_chinese_days_json(std::string_view json, std::optional<int> year) {
  using Poco::JSON::Object;
  std::vector<CalendarEntry> entries;
  try {
    Poco::JSON::Parser parser;
    auto root = parser.parse(std::string(json)).extract<Object::Ptr>();
    if (!root) return Checked<YearImport>::failure("不是 chinese-days 年度文件：顶层应为对象");
    for (const char* key : {"holidays", "workdays"}) {
      Object::Ptr days = root->getObject(key);
      if (!days) {
        return Checked<YearImport>::failure(std::string("不是 chinese-days 年度文件：缺少“") + key + "”对象");
      }
      bool work = std::string_view(key) == "workdays";
      for (const auto& [iso, value] : *days) {
        auto date = Date::parse(iso);
        if (!date) return Checked<YearImport>::failure(std::string(key) + " 中的日期无效：“" + iso + "”");
        if (!value.isString()) return Checked<YearImport>::failure(iso + " 的值应为字符串");
        // "English name,中文名,N": take the Chinese name when present.
        std::string label = value.toString();
        std::vector<std::string> parts;
        size_t start = 0;
        while (true) {
          size_t comma = label.find(',', start);
          parts.emplace_back(label.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
          if (comma == std::string::npos) break;
          start = comma + 1;
        }
        std::string name(trim(parts.size() >= 3 ? parts[1] : parts[0]));
        entries.push_back({*date, work, normalize_name(name)});
      }
    }
  } catch (const Poco::Exception& e) {
    return Checked<YearImport>::failure("JSON 格式错误：" + e.displayText());
  }
  return finish_import(std::move(entries), year, "chinese-days");
}

Checked<YearImport> parse_holiday_calendar_json(std::string_view json) {
  using Poco::JSON::Array;
  using Poco::JSON::Object;
  std::vector<CalendarEntry> entries;
  std::optional<int> year;
  try {
    Poco::JSON::Parser parser;
    auto root = parser.parse(std::string(json)).extract<Object::Ptr>();
    if (!root) return Checked<YearImport>::failure("不是 holiday-calendar 年度文件：顶层应为对象");
    if (root->has("region") && root->getValue<std::string>("region") != "CN") {
      return Checked<YearImport>::failure("只能导入中国（CN）的节假日数据，文件为“" +
                                          root->getValue<std::string>("region") + "”");
    }
    if (root->has("year")) {
      auto y = root->get("year");
      if (!y.isInteger()) return Checked<YearImport>::failure("“year”应为整数");
      year = y.convert<int>();
    }
    Array::Ptr dates = root->getArray("dates");
    if (!dates) return Checked<YearImport>::failure("不是 holiday-calendar 年度文件：缺少“dates”数组");
    for (size_t i = 0; i < dates->size(); ++i) {
      Object::Ptr item = dates->getObject(static_cast<unsigned>(i));
      std::string where = "dates 第" + std::to_string(i + 1) + "项";
      if (!item) return Checked<YearImport>::failure(where + "应为对象");
      if (!item->has("date") || !item->has("type")) {
        return Checked<YearImport>::failure(where + "缺少“date”或“type”");
      }
      std::string iso = item->getValue<std::string>("date");
      auto date = Date::parse(iso);
      if (!date) return Checked<YearImport>::failure(where + "的日期无效：“" + iso + "”");
      std::string type = item->getValue<std::string>("type");
      bool work;
      if (type == "public_holiday") {
        work = false;
      } else if (type == "transfer_workday") {
        work = true;
      } else {
        return Checked<YearImport>::failure(where + "（" + iso + "）的类型“" + type +
                                            "”未知，应为 public_holiday 或 transfer_workday");
      }
      std::string name = item->has("name_cn")  ? item->getValue<std::string>("name_cn")
                         : item->has("name") ? item->getValue<std::string>("name")
                                               : std::string();
      entries.push_back({*date, work, normalize_name(std::string(trim(name)))});
    }
  } catch (const Poco::Exception& e) {
    return Checked<YearImport>::failure("JSON 格式错误：" + e.displayText());
  }
  return finish_import(std::move(entries), year, "holiday-calendar");
}

Checked<YearImport> parse_calendar_import(std::string_view text, std::optional<int> year) {
  if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // UTF-8 BOM
  size_t first = text.find_first_not_of(" \t\r\n");
  if (first != std::string_view::npos && text[first] == '{') {
    std::string_view body = text.substr(first);
    if (body.find("\"dates\"") != std::string_view::npos) {
      auto r = parse_holiday_calendar_json(body);
      if (r && year) r->year = *year;
      return r;
    }
    return parse_chinese_days_json(body, year);
  }
  auto cal = HolidayCalendar::parse(text);  // untrimmed, so that line numbers hold
  if (!cal) return Checked<YearImport>::failure(cal.error());
  return finish_import(cal->entries(), year, "table");
}

}  // namespace gongkai::core
