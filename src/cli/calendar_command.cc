#include "cli/calendar_command.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSONString.h>

#include <charconv>
#include <optional>
#include <ostream>
#include <string_view>

#include "core/calendar.h"
#include "core/date.h"
#include "core/deadline.h"
#include "app/work_calendar.h"
#include "store/db.h"
#include "store/migrations.h"

namespace gongkai::cli {
namespace {

constexpr int kUsageError = 2;

// "2008-2026" (or a list of ranges) of the years whose holiday notice `cal` holds.
std::string covered_years(const core::WorkCalendar& cal) {
  std::string out;
  int first = 0, last = 0;
  auto flush = [&] {
    if (first == 0) return;
    if (!out.empty()) out += "、";
    out += std::to_string(first);
    if (last != first) out += "–" + std::to_string(last);
    first = 0;
  };
  for (int y = 1990; y <= 2100; ++y) {
    if (cal.covers(y)) {
      if (first == 0) first = y;
      last = y;
    } else {
      flush();
    }
  }
  flush();
  return out.empty() ? "无" : out;
}

std::string rule_text(const core::WorkCalendar& cal) {
  return std::string("计算规则：") + core::kCountingRule +
         "\n日历数据：国务院办公厅节假日安排通知，已收录 " + covered_years(cal) +
         " 年；未收录的年份只按周六、周日休息计算。\n";
}

void print_main_help(std::ostream& out, const core::WorkCalendar& cal) {
  out << "用法：gongkai calendar <子命令> [选项]\n"
         "Working-day calendar of the State Council holiday notices.\n\n"
         "子命令：\n"
         "  due --from YYYY-MM-DD --days N [--json]  自某日起第N个工作日（期限）及计算过程\n"
         "  is-workday YYYY-MM-DD [--json]           某日是否为工作日及原因\n"
         "  import FILE [--year YYYY]                导入一年的节假日安排（chinese-days 或 holiday-calendar 格式）\n"
         "due 与 is-workday 加 --db TARGET 时，同时使用该数据库中导入的年份。\n\n"
         "各子命令加 --help 查看说明。\n\n"
      << rule_text(cal);
}

void print_due_help(std::ostream& out, const core::WorkCalendar& cal) {
  out << "用法：gongkai calendar due --from YYYY-MM-DD --days N [--json]\n\n"
         "计算自 --from 起第 N 个工作日，即 N 个工作日期限的最后一日，并列出计算过程\n"
         "（起算日、第1个工作日、跳过的节假日、计入的调休上班日）。\n"
         "例：依申请公开答复期限为收到申请后20个工作日：\n"
         "  gongkai calendar due --from 2024-09-27 --days 20\n\n"
         "选项：\n"
         "  --from YYYY-MM-DD  起算日（如收到申请之日），当日不计入\n"
         "  --days N           工作日数，0 至 3650\n"
         "  --json             输出 {\"due\": \"YYYY-MM-DD\", \"explanation\": [...]}\n\n"
      << rule_text(cal);
}

void print_is_workday_help(std::ostream& out, const core::WorkCalendar& cal) {
  out << "用法：gongkai calendar is-workday YYYY-MM-DD [--json]\n\n"
         "判断某日是否为工作日，并给出原因：工作日、周末、节日名称（如 春节、国庆节）或 调休上班。\n\n"
         "选项：\n"
         "  --json  输出 {\"date\": \"YYYY-MM-DD\", \"workday\": true|false, \"reason\": \"...\"}\n\n"
      << rule_text(cal);
}

bool has_flag(const std::vector<std::string>& args, std::string_view flag) {
  for (const auto& a : args) {
    if (a == flag) return true;
  }
  return false;
}

int usage_error(std::ostream& err, const std::string& message, const char* sub) {
  err << "gongkai calendar" << (sub ? std::string(" ") + sub : std::string()) << "：" << message << "\n"
      << "用 gongkai calendar" << (sub ? std::string(" ") + sub : std::string()) << " --help 查看用法\n";
  return kUsageError;
}

int run_due(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
            const core::WorkCalendar& cal) {
  if (has_flag(args, "--help") || has_flag(args, "-h")) {
    print_due_help(out, cal);
    return 0;
  }
  std::optional<std::string> from_text, days_text;
  bool json = false;
  for (size_t i = 0; i < args.size(); ++i) {
    std::string_view a = args[i];
    auto take = [&](std::string_view name, std::optional<std::string>& slot) -> int {
      // Accepts "--name VALUE" and "--name=VALUE"; returns 1 if matched, -1 on a missing value.
      if (a == name) {
        if (i + 1 >= args.size()) return -1;
        slot = args[++i];
        return 1;
      }
      if (a.size() > name.size() && a.substr(0, name.size()) == name && a[name.size()] == '=') {
        slot = std::string(a.substr(name.size() + 1));
        return 1;
      }
      return 0;
    };
    int r;
    if (a == "--json") {
      json = true;
    } else if ((r = take("--from", from_text)) != 0 || (r = take("--days", days_text)) != 0) {
      if (r < 0) return usage_error(err, std::string(a) + " 缺少取值", "due");
    } else {
      return usage_error(err, "未知参数“" + std::string(a) + "”", "due");
    }
  }
  if (!from_text) return usage_error(err, "缺少 --from YYYY-MM-DD", "due");
  if (!days_text) return usage_error(err, "缺少 --days N", "due");
  auto from = core::Date::parse(*from_text);
  if (!from) return usage_error(err, "日期无效“" + *from_text + "”，应为 YYYY-MM-DD", "due");
  int days = -1;
  const char* first = days_text->data();
  const char* last = first + days_text->size();
  auto [ptr, ec] = std::from_chars(first, last, days);
  if (ec != std::errc() || ptr != last || days < 0 || days > 3650) {
    return usage_error(err, "工作日数无效“" + *days_text + "”，应为 0 至 3650 的整数", "due");
  }
  auto span = core::explain_working_days(cal, *from, days);
  if (!span) return usage_error(err, span.error(), "due");
  std::vector<std::string> lines = span->explanation;
  for (const auto& w : span->warnings) lines.push_back("注意：" + w);

  if (json) {
    Poco::JSON::Object obj(Poco::JSON_PRESERVE_KEY_ORDER);
    Poco::JSON::Array::Ptr explanation = new Poco::JSON::Array;
    for (const auto& l : lines) explanation->add(l);
    obj.set("due", span->due.iso());
    obj.set("explanation", explanation);
    obj.stringify(out);
    out << "\n";
  } else {
    out << "期限：" << span->due.iso() << "（自 " << from->iso() << " 起第" << days << "个工作日）\n计算过程：\n";
    for (const auto& l : lines) out << "  " << l << "\n";
  }
  return 0;
}

int run_is_workday(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
                   const core::WorkCalendar& cal) {
  if (has_flag(args, "--help") || has_flag(args, "-h")) {
    print_is_workday_help(out, cal);
    return 0;
  }
  std::optional<std::string> date_text;
  bool json = false;
  for (const auto& a : args) {
    if (a == "--json") {
      json = true;
    } else if (!a.empty() && a[0] == '-') {
      return usage_error(err, "未知参数“" + a + "”", "is-workday");
    } else if (date_text) {
      return usage_error(err, "只能给出一个日期", "is-workday");
    } else {
      date_text = a;
    }
  }
  if (!date_text) return usage_error(err, "缺少日期 YYYY-MM-DD", "is-workday");
  auto date = core::Date::parse(*date_text);
  if (!date) return usage_error(err, "日期无效“" + *date_text + "”，应为 YYYY-MM-DD", "is-workday");

  core::DayInfo info = cal.classify(*date);
  std::string note;
  if (!info.notice_known) {
    note = std::to_string(core::notice_year(*date)) + "年节假日安排尚未录入，仅按周六、周日休息判断";
  }
  if (json) {
    Poco::JSON::Object obj(Poco::JSON_PRESERVE_KEY_ORDER);
    obj.set("date", date->iso());
    obj.set("workday", info.workday);
    obj.set("reason", info.reason);
    obj.stringify(out);
    out << "\n";
    if (!note.empty()) err << "注意：" << note << "\n";
  } else {
    out << date->iso() << " " << (info.workday ? "是" : "否") << "：" << info.reason;
    if (info.kind == core::DayKind::kAdjustedWorkday && !info.holiday.empty()) out << "（" << info.holiday << "）";
    out << "\n";
    if (!note.empty()) out << "注意：" << note << "\n";
  }
  return 0;
}

}  // namespace

int calendar_command(const std::vector<std::string>& args_in, std::ostream& out, std::ostream& err) {
  std::vector<std::string> args = args_in;
  if (!args.empty() && args.front() == "calendar") args.erase(args.begin());
  if (!args.empty() && args.front() == "import") {
    return calendar_import(std::vector<std::string>(args.begin() + 1, args.end()), out, err);
  }
  // With --db, count with the years imported into that database as well.
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] != "--db" && args[i].rfind("--db=", 0) != 0) continue;
    std::string target = args[i] == "--db" ? (i + 1 < args.size() ? args[i + 1] : "") : args[i].substr(5);
    if (target.empty()) return usage_error(err, "--db 缺少取值", nullptr);
    args.erase(args.begin() + static_cast<long>(i), args.begin() + static_cast<long>(args[i] == "--db" ? i + 2 : i + 1));
    auto db = store::Database::open(target, 1);
    store::migrate(*db);
    auto cal = app::current_calendar(*db);
    return calendar_command(args, out, err, *cal);
  }
  return calendar_command(args, out, err, core::default_calendar());
}

int calendar_command(const std::vector<std::string>& args_in, std::ostream& out, std::ostream& err,
                     const core::WorkCalendar& cal) {
  std::vector<std::string> args = args_in;
  if (!args.empty() && args.front() == "calendar") args.erase(args.begin());
  if (args.empty()) {
    print_main_help(err, cal);
    return kUsageError;
  }
  const std::string sub = args.front();
  std::vector<std::string> rest(args.begin() + 1, args.end());
  if (sub == "--help" || sub == "-h" || sub == "help") {
    print_main_help(out, cal);
    return 0;
  }
  if (sub == "due") return run_due(rest, out, err, cal);
  if (sub == "is-workday") return run_is_workday(rest, out, err, cal);
  return usage_error(err, "未知子命令“" + sub + "”", nullptr);
}

}  // namespace gongkai::cli
