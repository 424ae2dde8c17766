#include "core/quota.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace gongkai::core {
namespace {

const std::string kCasesPath = std::string(GK_SOURCE_DIR) + "/src/core/testdata/quota_deadlines.txt";

Date must_date(const std::string& s, int line) {
  auto d = Date::parse(s);
  if (!d) throw std::runtime_error("line " + std::to_string(line) + ": bad date '" + s + "'");
  return *d;
}

// Runs every line of testdata/quota_deadlines.txt; returns the number of cases checked.
int run_cases() {
  std::ifstream file(kCasesPath);
  if (!file) throw std::runtime_error("cannot open " + kCasesPath);
  std::string raw;
  int line = 0, checked = 0;
  const WorkCalendar& cal = default_calendar();
  while (std::getline(file, raw)) {
    ++line;
    if (auto hash = raw.find('#'); hash != std::string::npos) raw.erase(hash);
    std::istringstream in(raw);
    std::string kind;
    if (!(in >> kind)) continue;
    std::vector<std::string> words;
    for (std::string w; in >> w;) words.push_back(w);
    auto arrow = std::find(words.begin(), words.end(), "->");
    if (arrow == words.end() || arrow + 2 != words.end()) throw std::runtime_error("line " + std::to_string(line) + ": expected '-> RESULT'");
    const std::string& want = words.back();
    SCOPED_TRACE("quota_deadlines.txt line " + std::to_string(line) + ": " + raw);
    if (kind == "deadline") {
      int y = std::stoi(words[0].substr(0, 4)), m = std::stoi(words[0].substr(5, 2));
      auto shift = parse_shift(words[2]);
      if (!shift) throw std::runtime_error("line " + std::to_string(line) + ": bad shift " + words[2]);
      QuotaDeadline d = quota_deadline(cal, y, m, std::stoi(words[1]), *shift);
      EXPECT_EQ(d.due.iso(), want) << d.explanation;
      EXPECT_FALSE(d.explanation.empty());
    } else if (kind == "status") {
      QuotaStatus s = quota_status(std::stoi(words[0]), std::stoi(words[1]), must_date(words[2], line),
                                   must_date(words[3], line));
      EXPECT_EQ(status_id(s), want);
    } else if (kind == "days-left") {
      EXPECT_EQ(quota_days_left(cal, must_date(words[0], line), must_date(words[1], line)), std::stoi(want));
    } else {
      throw std::runtime_error("line " + std::to_string(line) + ": unknown kind " + kind);
    }
    ++checked;
  }
  return checked;
}

TEST(QuotaTest, CasesFromDataFile) { EXPECT_GT(run_cases(), 25); }

TEST(QuotaTest, MonthExceptionWinsOverYearlyRule) {
  std::vector<QuotaRule> rules = {{2026, 0, 5, 25, DeadlineShift::kPrevious},
                                  {2026, 2, 2, 10, DeadlineShift::kNext},
                                  {2025, 3, 9, 9, DeadlineShift::kPrevious}};
  auto feb = resolve_quota(rules, 2026, 2);
  ASSERT_TRUE(feb);
  EXPECT_EQ(feb->items, 2);
  EXPECT_EQ(feb->due_day, 10);
  auto mar = resolve_quota(rules, 2026, 3);
  ASSERT_TRUE(mar);
  EXPECT_EQ(mar->items, 5);
  EXPECT_EQ(mar->month, 3);
  EXPECT_FALSE(resolve_quota(rules, 2025, 4));
  EXPECT_EQ(resolve_quota(rules, 2025, 3)->items, 9);
}

TEST(QuotaTest, ExplanationNamesTheHolidayAndTheMove) {
  auto d = quota_deadline(default_calendar(), 2026, 2, 20, DeadlineShift::kPrevious);
  EXPECT_NE(d.explanation.find("春节"), std::string::npos) << d.explanation;
  EXPECT_NE(d.explanation.find("提前至前一个工作日 2026-02-14"), std::string::npos) << d.explanation;
  auto m = quota_deadline(default_calendar(), 2026, 5, 1, DeadlineShift::kPrevious);
  EXPECT_NE(m.explanation.find("反向"), std::string::npos) << m.explanation;
}

TEST(QuotaTest, LabelsReadAsText) {
  EXPECT_EQ(status_label(QuotaStatus::kMet), "达标");
  EXPECT_EQ(status_label(QuotaStatus::kBehind), "未达标");
  EXPECT_EQ(status_label(QuotaStatus::kOverdue), "逾期");
  EXPECT_FALSE(parse_shift("sideways"));
}

}  // namespace
}  // namespace gongkai::core
