#include "core/deadline.h"

#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

namespace gongkai::core {
namespace {

// One case of testdata/deadlines.txt (the format is documented at the top of that file).
struct Case {
  int line = 0;
  std::string title;
  DeadlineInput input;
  bool has_received = false;
  std::optional<std::string> due;  // "none" or a date
  std::string state = "running";
  std::optional<int> elapsed, remaining;
  std::optional<std::string> reply_due;
  std::vector<std::string> says, warns;
  bool no_warnings = false;
  std::optional<std::string> error;
};

Date must_date(const std::string& s, int line) {
  auto d = Date::parse(s);
  if (!d) throw std::runtime_error("line " + std::to_string(line) + ": bad date '" + s + "'");
  return *d;
}

std::string rest_of(std::istringstream& in) {
  std::string rest;
  std::getline(in, rest);
  size_t b = rest.find_first_not_of(' ');
  return b == std::string::npos ? std::string() : rest.substr(b);
}

std::vector<Case> load_cases(const std::string& path) {
  std::ifstream file(path);
  if (!file) throw std::runtime_error("cannot open " + path);
  std::vector<Case> cases;
  std::string raw;
  int line_no = 0;
  while (std::getline(file, raw)) {
    ++line_no;
    if (!raw.empty() && raw.back() == '\r') raw.pop_back();
    if (raw.find_first_not_of(' ') == std::string::npos || raw[raw.find_first_not_of(' ')] == '#') continue;
    std::istringstream in(raw);
    std::string key;
    in >> key;
    if (key == "case") {
      cases.emplace_back();
      cases.back().line = line_no;
      cases.back().title = rest_of(in);
      continue;
    }
    if (cases.empty()) throw std::runtime_error("line " + std::to_string(line_no) + ": expected 'case'");
    Case& c = cases.back();
    auto where = [&] { return "line " + std::to_string(line_no) + ": "; };
    if (key == "received") {
      std::string d;
      in >> d;
      c.input.received = must_date(d, line_no);
      c.has_received = true;
    } else if (key == "rule") {
      std::string r;
      in >> r;
      if (r == "2008") c.input.rule = DisclosureRule::k2008;
      else if (r == "2019") c.input.rule = DisclosureRule::k2019;
      else throw std::runtime_error(where() + "bad rule " + r);
    } else if (key == "correction") {
      std::string d, word;
      in >> d;
      Correction corr;
      corr.requested = must_date(d, line_no);
      while (in >> word) {
        std::string v;
        in >> v;
        if (word == "by") corr.reply_by = must_date(v, line_no);
        else if (word == "received") corr.received = must_date(v, line_no);
        else throw std::runtime_error(where() + "bad correction field " + word);
      }
      c.input.correction = corr;
    } else if (key == "pause") {
      std::string kind, start, end;
      in >> kind >> start >> end;
      Pause p;
      if (kind == "third-party") p.kind = PauseKind::kThirdParty;
      else if (kind == "other-agency") p.kind = PauseKind::kOtherAgency;
      else if (kind == "other") p.kind = PauseKind::kOther;
      else throw std::runtime_error(where() + "bad pause kind " + kind);
      p.start = must_date(start, line_no);
      if (end != "open") p.end = must_date(end, line_no);
      p.note = rest_of(in);
      c.input.pauses.push_back(p);
    } else if (key == "extend") {
      Extension e;
      std::string d;
      in >> e.days >> d;
      e.approved_on = must_date(d, line_no);
      e.approved_by = rest_of(in);
      c.input.extensions.push_back(e);
    } else if (key == "today") {
      std::string d;
      in >> d;
      c.input.today = must_date(d, line_no);
    } else if (key == "due") {
      std::string d;
      in >> d;
      if (d != "none") must_date(d, line_no);
      c.due = d;
    } else if (key == "state") {
      in >> c.state;
    } else if (key == "elapsed") {
      int n;
      in >> n;
      c.elapsed = n;
    } else if (key == "remaining") {
      int n;
      in >> n;
      c.remaining = n;
    } else if (key == "reply-due") {
      std::string d;
      in >> d;
      c.reply_due = d;
    } else if (key == "says") {
      c.says.push_back(rest_of(in));
    } else if (key == "warns") {
      c.warns.push_back(rest_of(in));
    } else if (key == "no-warnings") {
      c.no_warnings = true;
    } else if (key == "error") {
      c.error = rest_of(in);
    } else {
      throw std::runtime_error(where() + "unknown keyword '" + key + "'");
    }
  }
  return cases;
}

const char* state_name(DeadlineState s) {
  switch (s) {
    case DeadlineState::kRunning: return "running";
    case DeadlineState::kPaused: return "paused";
    case DeadlineState::kAwaitingCorrection: return "awaiting-correction";
    case DeadlineState::kWithdrawn: return "withdrawn";
  }
  return "?";
}

std::string joined(const std::vector<std::string>& lines) {
  std::string s;
  for (const auto& l : lines) s += "    " + l + "\n";
  return s;
}

bool any_contains(const std::vector<std::string>& lines, const std::string& text) {
  for (const auto& l : lines) {
    if (l.find(text) != std::string::npos) return true;
  }
  return false;
}

const std::string kCasesPath = std::string(GK_SOURCE_DIR) + "/src/core/testdata/deadlines.txt";

TEST(DeadlineTable, FileHasEnoughCasesAcrossTheYears) {
  auto cases = load_cases(kCasesPath);
  EXPECT_GE(cases.size(), 60u);
  std::set<int> years;
  int rule2008 = 0;
  for (const auto& c : cases) {
    EXPECT_TRUE(c.has_received) << "case at line " << c.line << " has no 'received'";
    EXPECT_TRUE(c.due || c.error) << "case at line " << c.line << " expects nothing";
    years.insert(c.input.received.year());
    rule2008 += c.input.rule.value_or(rule_for_receipt(c.input.received)) == DisclosureRule::k2008;
  }
  for (int y = 2019; y <= 2026; ++y) EXPECT_TRUE(years.count(y)) << "no case received in " << y;
  EXPECT_GE(rule2008, 5);
}

TEST(DeadlineTable, EveryCase) {
  const auto& cal = default_calendar();
  auto cases = load_cases(kCasesPath);
  for (const auto& c : cases) {
    SCOPED_TRACE("deadlines.txt:" + std::to_string(c.line) + " " + c.title);
    auto r = compute_deadline(cal, c.input);
    if (c.error) {
      ASSERT_FALSE(r.ok()) << "expected error containing: " << *c.error << "\n" << (r ? joined(r->explanation) : "");
      EXPECT_NE(r.error().find(*c.error), std::string::npos) << "error was: " << r.error();
      continue;
    }
    ASSERT_TRUE(r.ok()) << r.error();
    const Deadline& d = *r;
    std::string shown = "\n  explanation:\n" + joined(d.explanation);
    if (c.due) {
      EXPECT_EQ(d.due ? d.due->iso() : "none", *c.due) << shown;
    }
    EXPECT_EQ(state_name(d.state), c.state) << shown;
    if (c.elapsed) {
      EXPECT_EQ(d.elapsed.value_or(-999), *c.elapsed) << shown;
    }
    if (c.remaining) {
      EXPECT_EQ(d.remaining.value_or(-999), *c.remaining) << shown;
    }
    if (c.reply_due) {
      EXPECT_EQ(d.consultation_reply_due ? d.consultation_reply_due->iso() : "none", *c.reply_due) << shown;
    }
    for (const auto& s : c.says) EXPECT_TRUE(any_contains(d.explanation, s)) << "missing: " << s << shown;
    for (const auto& w : c.warns) {
      EXPECT_TRUE(any_contains(d.warnings, w)) << "missing warning: " << w << "\n  warnings:\n" << joined(d.warnings);
      EXPECT_TRUE(any_contains(d.explanation, w)) << "warning not in the explanation" << shown;
    }
    if (c.no_warnings) {
      EXPECT_TRUE(d.warnings.empty()) << "unexpected warnings:\n" << joined(d.warnings);
    }
  }
}

// ----- Behaviour not easily put in the table -----

Date D(const char* s) { return *Date::parse(s); }

TEST(Deadline, ExplanationStartsWithRuleAndCountingMethod) {
  DeadlineInput in;
  in.received = D("2024-09-27");
  auto r = compute_deadline(default_calendar(), in);
  ASSERT_TRUE(r);
  ASSERT_GE(r->explanation.size(), 3u);
  EXPECT_NE(r->explanation[0].find("适用2019年条例"), std::string::npos);
  EXPECT_NE(r->explanation[1].find("收到申请当日不计入，次一工作日为第1个工作日"), std::string::npos);
  EXPECT_EQ(r->explanation[2], "2024-09-27 收到申请（收到当日不计入）");
  EXPECT_EQ(r->explanation.back(), "答复期限：2024-10-30（第20个工作日）");
  EXPECT_EQ(r->total_days, 20);
  EXPECT_FALSE(r->elapsed);
  EXPECT_FALSE(r->original_due);
}

TEST(Deadline, RuleChosenByReceiptDate) {
  EXPECT_EQ(rule_for_receipt(D("2019-05-14")), DisclosureRule::k2008);
  EXPECT_EQ(rule_for_receipt(D("2019-05-15")), DisclosureRule::k2019);
  EXPECT_EQ(limits(DisclosureRule::k2008).days, 15);
  EXPECT_EQ(limits(DisclosureRule::k2008).max_extension, 15);
  EXPECT_EQ(limits(DisclosureRule::k2019).days, 20);
  EXPECT_EQ(limits(DisclosureRule::k2019).max_extension, 20);
}

TEST(Deadline, AddingAHolidayLaterMovesTheDueDate) {
  // A new notice makes 2027-01-04..05 days off: an open request's due date moves by two days.
  HolidayCalendar cal = default_calendar();
  DeadlineInput in;
  in.received = D("2026-12-15");
  auto before = compute_deadline(cal, in);
  ASSERT_TRUE(before);
  EXPECT_EQ(before->due->iso(), "2027-01-12");
  ASSERT_TRUE(cal.replace_year(2027, {{D("2027-01-01"), false, "元旦"},
                                      {D("2027-01-04"), false, "元旦"},
                                      {D("2027-01-05"), false, "元旦"}}));
  auto after = compute_deadline(cal, in);
  ASSERT_TRUE(after);
  // 2027-01-01 no longer counts either: three days later.
  EXPECT_EQ(after->due->iso(), "2027-01-15");
  EXPECT_TRUE(after->warnings.empty());
  EXPECT_TRUE(any_contains(after->explanation, "跳过 2027-01-01至2027-01-05 元旦"));
}

TEST(Deadline, WeekdayCalendarWarnsThatNoNoticeIsKnown) {
  DeadlineInput in;
  in.received = D("2024-09-27");
  auto r = compute_deadline(WeekdayCalendar(), in);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->due->iso(), "2024-10-25");  // 4 weeks of Monday-Friday
  EXPECT_TRUE(any_contains(r->warnings, "2024年节假日安排尚未录入"));
}

TEST(Deadline, OpenOtherPauseHasNoReplyDate) {
  DeadlineInput in;
  in.received = D("2024-07-01");
  in.pauses.push_back({PauseKind::kOther, D("2024-07-03"), std::nullopt, "现场核查"});
  auto r = compute_deadline(default_calendar(), in);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->state, DeadlineState::kPaused);
  EXPECT_FALSE(r->due);
  EXPECT_FALSE(r->consultation_reply_due);
  EXPECT_TRUE(any_contains(r->explanation, "暂停 2024-07-03起：暂停计算（现场核查），尚未结束（07-03 开始当日计入"));
}

TEST(Deadline, ExtensionApprovedBeforeClockStartIsRejected) {
  DeadlineInput in;
  in.received = D("2024-09-02");
  in.correction = Correction{D("2024-09-06"), std::nullopt, D("2024-09-13")};
  in.extensions.push_back({10, D("2024-09-10"), "张三"});
  auto r = compute_deadline(default_calendar(), in);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().find("早于答复期限起算日"), std::string::npos) << r.error();
}

TEST(WorkingDays, AddAndCount) {
  const auto& cal = default_calendar();
  EXPECT_EQ(add_working_days(cal, D("2024-09-27"), 0).iso(), "2024-09-27");
  EXPECT_EQ(add_working_days(cal, D("2024-09-27"), 1).iso(), "2024-09-29");  // 调休 Sunday
  EXPECT_EQ(add_working_days(cal, D("2024-09-27"), 3).iso(), "2024-10-08");
  EXPECT_EQ(add_working_days(cal, D("2024-09-27"), 20).iso(), "2024-10-30");
  EXPECT_EQ(add_working_days(cal, D("2024-10-08"), -1).iso(), "2024-09-30");
  EXPECT_EQ(add_working_days(cal, D("2024-10-08"), -2).iso(), "2024-09-29");
  EXPECT_EQ(working_days_between(cal, D("2024-09-27"), D("2024-10-30")), 20);
  EXPECT_EQ(working_days_between(cal, D("2024-10-30"), D("2024-09-27")), -20);
  EXPECT_EQ(working_days_between(cal, D("2024-10-01"), D("2024-10-07")), 0);
  EXPECT_EQ(working_days_between(cal, D("2024-10-01"), D("2024-10-01")), 0);
  // Publication timeliness (Art. 26): formed 2024-09-27, published 2024-10-30 is day 20: in time.
  EXPECT_LE(working_days_between(cal, D("2024-09-27"), D("2024-10-30")), 20);
  EXPECT_GT(working_days_between(cal, D("2024-09-27"), D("2024-10-31")), 20);
}

TEST(WorkingDays, OnOrBeforeAndAfter) {
  const auto& cal = default_calendar();
  EXPECT_EQ(working_day_on_or_before(cal, D("2024-10-07")).iso(), "2024-09-30");
  EXPECT_EQ(working_day_on_or_before(cal, D("2024-10-06")).iso(), "2024-09-30");
  EXPECT_EQ(working_day_on_or_before(cal, D("2024-09-29")).iso(), "2024-09-29");  // 调休上班
  EXPECT_EQ(working_day_on_or_before(cal, D("2024-10-08")).iso(), "2024-10-08");
  EXPECT_EQ(working_day_on_or_after(cal, D("2024-10-01")).iso(), "2024-10-08");
  EXPECT_EQ(working_day_on_or_after(cal, D("2024-10-12")).iso(), "2024-10-12");
  EXPECT_EQ(working_day_on_or_after(cal, D("2024-10-13")).iso(), "2024-10-14");
}

TEST(WorkingDays, ExplainSpan) {
  auto r = explain_working_days(default_calendar(), D("2024-09-27"), 20);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->due.iso(), "2024-10-30");
  const std::vector<std::string> want = {
      "2024-09-27 起算（当日不计入，次一工作日为第1个工作日）",
      "第1个工作日：2024-09-29",
      "09-29 调休上班，计为工作日（第1个工作日）",
      "跳过 10-01至10-07 国庆节",
      "10-12 调休上班，计为工作日（第7个工作日）",
      "第20个工作日：2024-10-30",
  };
  EXPECT_EQ(r->explanation, want);
  EXPECT_TRUE(r->warnings.empty());

  auto one = explain_working_days(default_calendar(), D("2024-10-01"), 1);
  ASSERT_TRUE(one);
  EXPECT_EQ(one->due.iso(), "2024-10-08");
  EXPECT_EQ(one->explanation.back(), "第1个工作日：2024-10-08");
  EXPECT_NE(one->explanation.front().find("当日为国庆节假期"), std::string::npos);

  auto zero = explain_working_days(default_calendar(), D("2024-10-01"), 0);
  ASSERT_TRUE(zero);
  EXPECT_EQ(zero->due.iso(), "2024-10-01");

  EXPECT_FALSE(explain_working_days(default_calendar(), D("2024-10-01"), -1));
  EXPECT_FALSE(explain_working_days(default_calendar(), D("2024-10-01"), 3651));
}

}  // namespace
}  // namespace gongkai::core
