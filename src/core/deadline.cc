#include "core/deadline.h"

#include <algorithm>
#include <set>

namespace gongkai::core {
namespace {

// No real calendar goes this long without a working day; past it the input is nonsense.
constexpr int kMaxScanDays = 3660 * 4;
constexpr int kConsultationDays = 15;  // Art. 32 and 34
constexpr int kCorrectionNoticeDays = 7;  // Art. 30

std::string num(int n) { return std::to_string(n); }

// "MM-DD" inside the reference year, the full date outside it.
std::string short_date(Date d, int ref_year) { return d.year() == ref_year ? d.month_day() : d.iso(); }

std::string range_text(Date a, Date b, int ref_year) {
  return a == b ? short_date(a, ref_year) : short_date(a, ref_year) + "至" + short_date(b, ref_year);
}

bool paused_on(const std::vector<Pause>& pauses, Date d) {
  for (const auto& p : pauses) {
    if (p.start < d && (!p.end || d <= *p.end)) return true;
  }
  return false;
}

bool open_pause_before(const std::vector<Pause>& pauses, Date d) {
  for (const auto& p : pauses) {
    if (!p.end && p.start < d) return true;
  }
  return false;
}

std::string pause_kind_label(const Pause& p) {
  switch (p.kind) {
    case PauseKind::kThirdParty: return "征求第三方意见";
    case PauseKind::kOtherAgency: return "征求其他机关意见";
    case PauseKind::kOther: return "暂停计算";
  }
  return {};
}

std::string pause_label(const Pause& p) {
  return p.note.empty() ? pause_kind_label(p) : pause_kind_label(p) + "（" + p.note + "）";
}

// A run of consecutive days off; reported only when it holds a named holiday.
class OffRun {
 public:
  void add(Date d, const DayInfo& info) {
    if (!active_) first_ = d, active_ = true;
    last_ = d;
    if (info.kind == DayKind::kHoliday &&
        std::find(names_.begin(), names_.end(), info.holiday) == names_.end()) {
      names_.push_back(info.holiday);
    }
  }
  void flush(std::vector<std::string>& out, int ref_year) {
    if (active_ && !names_.empty()) {
      std::string joined;
      for (const auto& n : names_) joined += (joined.empty() ? "" : "、") + n;
      out.push_back("跳过 " + range_text(first_, last_, ref_year) + " " + joined);
    }
    active_ = false;
    names_.clear();
  }

 private:
  bool active_ = false;
  Date first_, last_;
  std::vector<std::string> names_;
};

struct WalkSpec {
  Date start;  // not counted
  int total = 0;
  int base = 0;  // == total without extensions
  const std::vector<Pause>* pauses = nullptr;
  const std::vector<Extension>* extensions = nullptr;
  int ref_year = 0;
};

struct WalkOut {
  std::optional<Date> due;
  std::optional<Date> original_due;
  bool blocked = false;  // an open consultation stopped the clock
  std::string error;
};

class Walker {
 public:
  Walker(const WorkCalendar& cal, std::vector<std::string>& lines, std::set<int>& unknown_years)
      : cal_(cal), lines_(lines), unknown_years_(unknown_years) {}

  WalkOut walk(const WalkSpec& spec) {
    static const std::vector<Pause> kNoPauses;
    static const std::vector<Extension> kNoExtensions;
    const auto& pauses = spec.pauses ? *spec.pauses : kNoPauses;
    const auto& extensions = spec.extensions ? *spec.extensions : kNoExtensions;
    std::vector<bool> announced(pauses.size(), false);
    WalkOut out;
    OffRun run;
    Date d = spec.start;
    int counted = 0;
    bool was_paused = false;
    if (spec.total == 0) {
      out.due = spec.start;
      return out;
    }
    for (int step = 0; counted < spec.total; ++step) {
      if (step > kMaxScanDays) {
        out.error = "日历中找不到足够的工作日，无法计算期限";
        return out;
      }
      d = d.add_days(1);
      for (size_t i = 0; i < pauses.size(); ++i) {
        if (!announced[i] && pauses[i].start < d) {
          run.flush(lines_, spec.ref_year);
          announce_pause(pauses[i], spec.ref_year);
          announced[i] = true;
        }
      }
      if (paused_on(pauses, d)) {
        if (open_pause_before(pauses, d)) {
          out.blocked = true;
          return out;
        }
        run.flush(lines_, spec.ref_year);
        was_paused = true;
        continue;
      }
      if (int ny = notice_year(d); ny != checked_year_) {
        checked_year_ = ny;
        if (!cal_.covers(ny)) unknown_years_.insert(ny);
      }
      // Fast path for ordinary weekdays; classify() (which builds strings) for the rest.
      DayInfo info;
      if (d.is_weekend() || !cal_.is_workday(d)) info = cal_.classify(d);
      if (!info.workday) {
        run.add(d, info);
        continue;
      }
      run.flush(lines_, spec.ref_year);
      ++counted;
      if (counted == 1) lines_.push_back("第1个工作日：" + d.iso());
      if (was_paused && counted > 1) lines_.push_back("恢复计算：" + d.iso() + " 为第" + num(counted) + "个工作日");
      was_paused = false;
      if (info.kind == DayKind::kAdjustedWorkday) {
        lines_.push_back(short_date(d, spec.ref_year) + " 调休上班，计为工作日（第" + num(counted) + "个工作日）");
      }
      if (counted == spec.base && spec.total > spec.base) {
        out.original_due = d;
        lines_.push_back("第" + num(spec.base) + "个工作日：" + d.iso() + "（原答复期限）");
        for (const auto& e : extensions) {
          lines_.push_back("延长" + num(e.days) + "个工作日（" + e.approved_on.iso() + " 由 " + e.approved_by + " 批准）");
        }
      }
    }
    out.due = d;
    // Consultations begun after the due date change nothing, but say so.
    for (size_t i = 0; i < pauses.size(); ++i) {
      if (!announced[i]) {
        lines_.push_back(pauses[i].start.iso() + " " + pause_label(pauses[i]) + "：答复期限已届满，不影响期限");
      }
    }
    return out;
  }

 private:
  void announce_pause(const Pause& p, int ref_year) {
    Date next = p.start.add_days(1);
    const bool consult = p.kind != PauseKind::kOther;
    const std::string started = consult ? " 发出当日计入" : " 开始当日计入";
    if (!p.end) {
      lines_.push_back("暂停 " + p.start.iso() + "起：" + pause_label(p) + (consult ? "，尚未收到意见（" : "，尚未结束（") +
                       short_date(p.start, ref_year) + started + "，其后暂停计算）");
      return;
    }
    std::string line = "暂停 " + p.start.iso() + "至" + p.end->iso() + "：" + pause_kind_label(p) + "（";
    if (!p.note.empty()) line += p.note + "；";
    if (*p.end == p.start) {
      line += consult ? "同日收到意见，不影响期限）" : "同日结束，不影响期限）";
    } else {
      line += short_date(p.start, ref_year) + started + "；" + range_text(next, *p.end, ref_year) +
              " 不计入，其中工作日" + num(working_days_between(cal_, p.start, *p.end)) + "个）";
    }
    lines_.push_back(line);
  }

  const WorkCalendar& cal_;
  std::vector<std::string>& lines_;
  std::set<int>& unknown_years_;
  int checked_year_ = 0;
};

void add_unknown_year_warnings(const std::set<int>& years, std::vector<std::string>& warnings) {
  for (int y : years) {
    warnings.push_back(num(y) + "年节假日安排尚未录入，该年暂按周一至周五计算，录入后期限可能变动");
  }
}

std::string day_off_note(const WorkCalendar& cal, Date d) {
  DayInfo info = cal.classify(d);
  if (info.workday) return {};
  return info.kind == DayKind::kHoliday ? "；当日为" + info.holiday + "假期" : "；当日为周末";
}

}  // namespace

Date add_working_days(const WorkCalendar& cal, Date from, int n) {
  int step = n >= 0 ? 1 : -1;
  int left = n >= 0 ? n : -n;
  Date d = from;
  for (int guard = 0; left > 0 && guard < kMaxScanDays * 10; ++guard) {
    d = d.add_days(step);
    if (cal.is_workday(d)) --left;
  }
  return d;
}

int working_days_between(const WorkCalendar& cal, Date from, Date to) {
  if (to < from) return -working_days_between(cal, to, from);
  int n = 0;
  for (Date d = from.add_days(1); d <= to; d = d.add_days(1)) n += cal.is_workday(d);
  return n;
}

Date working_day_on_or_before(const WorkCalendar& cal, Date d) {
  for (int guard = 0; !cal.is_workday(d) && guard < kMaxScanDays; ++guard) d = d.add_days(-1);
  return d;
}

Date working_day_on_or_after(const WorkCalendar& cal, Date d) {
  for (int guard = 0; !cal.is_workday(d) && guard < kMaxScanDays; ++guard) d = d.add_days(1);
  return d;
}

Checked<WorkingDaySpan> explain_working_days(const WorkCalendar& cal, Date from, int n) {
  if (n < 0 || n > 3650) return Checked<WorkingDaySpan>::failure("工作日数应在0至3650之间");
  WorkingDaySpan span;
  span.explanation.push_back(from.iso() + " 起算（当日不计入，次一工作日为第1个工作日" + day_off_note(cal, from) + "）");
  std::set<int> unknown;
  Walker walker(cal, span.explanation, unknown);
  WalkSpec spec;
  spec.start = from;
  spec.total = spec.base = n;
  spec.ref_year = from.year();
  WalkOut out = walker.walk(spec);
  if (!out.error.empty()) return Checked<WorkingDaySpan>::failure(out.error);
  span.due = *out.due;
  if (n == 0) span.explanation.push_back("0个工作日：期限即起算日 " + from.iso());
  if (n > 1) span.explanation.push_back("第" + num(n) + "个工作日：" + span.due.iso());
  add_unknown_year_warnings(unknown, span.warnings);
  return span;
}

RuleLimits limits(DisclosureRule rule) {
  return rule == DisclosureRule::k2008 ? RuleLimits{15, 15} : RuleLimits{20, 20};
}

DisclosureRule rule_for_receipt(Date received) {
  static const Date kRevision = *Date::from_ymd(2019, 5, 15);
  return received < kRevision ? DisclosureRule::k2008 : DisclosureRule::k2019;
}

const char* rule_name(DisclosureRule rule) {
  return rule == DisclosureRule::k2008 ? "2008年条例" : "2019年条例";
}

Checked<Deadline> compute_deadline(const WorkCalendar& cal, const DeadlineInput& in) {
  using Fail = Checked<Deadline>;
  Deadline out;
  out.rule = in.rule.value_or(rule_for_receipt(in.received));
  RuleLimits lim = limits(out.rule);
  const int ref_year = in.received.year();

  // ----- Validation: inconsistent input is an error. -----
  int extension_days = 0;
  for (const auto& e : in.extensions) {
    if (e.days <= 0) return Fail::failure("延长的工作日数应大于0");
    if (e.approved_by.find_first_not_of(" \t") == std::string::npos) return Fail::failure("延长答复期限须注明批准人");
    if (e.approved_on < in.received) return Fail::failure("延长批准日期 " + e.approved_on.iso() + " 早于收到申请日期");
    extension_days += e.days;
  }
  if (extension_days > lim.max_extension) {
    return Fail::failure("延长合计" + num(extension_days) + "个工作日，超过" + rule_name(out.rule) + "规定的上限" +
                         num(lim.max_extension) + "个工作日");
  }
  for (const auto& p : in.pauses) {
    if (p.start < in.received) {
      return Fail::failure("征求意见日期 " + p.start.iso() + " 早于收到申请日期 " + in.received.iso());
    }
    if (p.end && *p.end < p.start) {
      return Fail::failure("收到意见日期 " + p.end->iso() + " 早于征求意见日期 " + p.start.iso());
    }
  }
  if (in.correction) {
    const auto& c = *in.correction;
    if (c.requested < in.received) return Fail::failure("补正通知日期 " + c.requested.iso() + " 早于收到申请日期");
    if (c.reply_by && *c.reply_by < c.requested) return Fail::failure("补正期限早于补正通知日期");
    if (c.received && *c.received < c.requested) return Fail::failure("收到补正日期早于补正通知日期");
  }

  // ----- Receipt, rule, correction. -----
  auto& lines = out.explanation;
  std::string rule_line = out.rule == DisclosureRule::k2008
                              ? "适用2008年条例（国务院令第492号，2019-05-15前收到的申请）：15个工作日内答复，经批准可延长不超过15个工作日"
                              : "适用2019年条例（国务院令第711号）：20个工作日内答复，经批准可延长不超过20个工作日";
  if (in.rule && *in.rule != rule_for_receipt(in.received)) rule_line += "（人工指定）";
  lines.push_back(rule_line);
  lines.push_back(std::string("计算方法：") + kCountingRule);
  lines.push_back(in.received.iso() + " 收到申请（收到当日不计入" + day_off_note(cal, in.received) + "）");

  out.clock_start = in.received;
  if (in.correction) {
    const auto& c = *in.correction;
    int k = working_days_between(cal, in.received, c.requested);
    std::string when = k == 0 ? "收到申请当日" : "收到申请后第" + num(k) + "个工作日";
    if (k <= kCorrectionNoticeDays) {
      lines.push_back(c.requested.iso() + " 发出补正通知（" + when + "，在7个工作日内）");
    } else {
      out.correction_late = true;
      lines.push_back(c.requested.iso() + " 发出补正通知（" + when + "，超过7个工作日）");
      out.warnings.push_back("补正通知应在收到申请后7个工作日内一次性发出（第三十条），本申请在第" + num(k) +
                             "个工作日才发出");
    }
    if (c.reply_by) lines.push_back("补正期限：" + c.reply_by->iso());
    if (!c.received) {
      if (c.reply_by && in.today && *in.today > *c.reply_by) {
        out.state = DeadlineState::kWithdrawn;
        lines.push_back("申请人未在补正期限 " + c.reply_by->iso() + " 前补正，视为放弃申请（第三十条）");
      } else {
        out.state = DeadlineState::kAwaitingCorrection;
        lines.push_back("等待申请人补正：收到补正后的申请后，答复期限重新起算");
      }
      out.total_days = lim.days + extension_days;
      for (const auto& w : out.warnings) lines.push_back("注意：" + w);
      return out;
    }
    lines.push_back(c.received->iso() + " 收到补正后的申请，答复期限重新起算（收到当日不计入" +
                    day_off_note(cal, *c.received) + "）");
    if (c.reply_by && *c.received > *c.reply_by) {
      out.warnings.push_back("补正后的申请在补正期限 " + c.reply_by->iso() + " 之后收到；无正当理由的，可视为放弃申请");
    }
    out.clock_start = *c.received;
  }
  for (const auto& e : in.extensions) {
    if (e.approved_on < out.clock_start) {
      return Fail::failure("延长批准日期 " + e.approved_on.iso() + " 早于答复期限起算日 " + out.clock_start.iso());
    }
  }

  // ----- Walk the working days. -----
  out.total_days = lim.days + extension_days;
  std::set<int> unknown;
  Walker walker(cal, lines, unknown);
  WalkSpec spec;
  spec.start = out.clock_start;
  spec.total = out.total_days;
  spec.base = lim.days;
  spec.pauses = &in.pauses;
  spec.extensions = &in.extensions;
  spec.ref_year = ref_year;
  WalkOut walked = walker.walk(spec);
  if (!walked.error.empty()) return Fail::failure(walked.error);
  out.original_due = walked.original_due;

  // Consultation reply dates (counted from the day sent; the day of receipt by the third party
  // is not recorded).
  for (const auto& p : in.pauses) {
    if (p.kind == PauseKind::kOther) continue;
    Date reply_due = add_working_days(cal, p.start, kConsultationDays);
    bool third = p.kind == PauseKind::kThirdParty;
    if (!p.end) {
      out.consultation_reply_due = reply_due;
      lines.push_back(std::string(third ? "第三方" : "其他机关") + "应于 " + reply_due.iso() + " 前提出意见（自 " +
                      p.start.iso() + " 发出起15个工作日" +
                      (third ? "，第三十二条）" : "；逾期未提出视为同意，第三十四条）"));
      if (in.today && *in.today > reply_due) {
        out.warnings.push_back(std::string(third ? "第三方" : "其他机关") + "答复期限 " + reply_due.iso() +
                               " 已过，请记录征求意见结束" + (third ? "" : "（逾期未提出视为同意）"));
      }
    } else if (*p.end > reply_due) {
      out.warnings.push_back(pause_label(p) + "于 " + p.end->iso() + " 才收到意见，超过15个工作日（应于 " +
                             reply_due.iso() + " 前），超出部分仍按暂停计算");
    }
  }

  if (walked.blocked) {
    out.state = DeadlineState::kPaused;
    lines.push_back("征求意见期间暂停计算，收到意见后确定答复期限");
  } else {
    out.state = DeadlineState::kRunning;
    out.due = walked.due;
    for (const auto& e : in.extensions) {
      if (out.original_due && e.approved_on > *out.original_due) {
        out.warnings.push_back("延长答复期限应在原答复期限 " + out.original_due->iso() + " 内批准并告知申请人，实际于 " +
                               e.approved_on.iso() + " 批准");
      }
    }
    lines.push_back("答复期限：" + out.due->iso() + "（第" + num(out.total_days) + "个工作日）");
  }

  // ----- Position relative to today. -----
  if (in.today) {
    Date today = *in.today;
    int elapsed = 0;
    for (Date d = out.clock_start.add_days(1); d <= today; d = d.add_days(1)) {
      if (!paused_on(in.pauses, d) && cal.is_workday(d)) ++elapsed;
    }
    out.elapsed = elapsed;
    out.remaining = out.total_days - elapsed;
    std::string head = "截至 " + today.iso() + "：";
    if (out.state == DeadlineState::kPaused) {
      lines.push_back(head + "已计" + num(elapsed) + "个工作日，剩余" + num(*out.remaining) + "个工作日（暂停中）");
    } else if (today < *out.due) {
      lines.push_back(head + "已计" + num(elapsed) + "个工作日，剩余" + num(*out.remaining) + "个工作日");
    } else if (today == *out.due) {
      lines.push_back(head + "今日为答复期限最后一日");
    } else {
      out.overdue = true;
      lines.push_back(head + "已超过答复期限" + (*out.remaining < 0 ? num(-*out.remaining) + "个工作日" : std::string()));
    }
  }

  add_unknown_year_warnings(unknown, out.warnings);
  for (const auto& w : out.warnings) lines.push_back("注意：" + w);
  return out;
}

}  // namespace gongkai::core
