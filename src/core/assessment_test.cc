#include "core/assessment.h"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>

namespace gongkai::core {
namespace {

const std::string kCasesPath = std::string(GK_SOURCE_DIR) + "/src/core/testdata/assessment_cases.txt";

struct Case {
  int line = 0;
  std::string title;
  std::string weights;
  std::array<Measure, 6> measures{};
  double adjust = 0;
  std::string score;
  std::map<std::string, std::string> contributions;
};

std::vector<Case> load_cases() {
  std::ifstream file(kCasesPath);
  if (!file) throw std::runtime_error("cannot open " + kCasesPath);
  std::vector<Case> cases;
  std::string raw;
  int line = 0;
  while (std::getline(file, raw)) {
    ++line;
    if (auto hash = raw.find('#'); hash != std::string::npos) raw.erase(hash);
    std::istringstream in(raw);
    std::string key;
    if (!(in >> key)) continue;
    if (key == "case") {
      cases.emplace_back();
      cases.back().line = line;
      std::getline(in, cases.back().title);
      continue;
    }
    if (cases.empty()) throw std::runtime_error("line " + std::to_string(line) + ": expected 'case'");
    Case& c = cases.back();
    if (key == "weights") {
      in >> c.weights;
    } else if (key == "measure") {
      std::string id;
      Measure m;
      in >> id >> m.good >> m.total;
      auto ind = parse_indicator(id);
      if (!ind) throw std::runtime_error("line " + std::to_string(line) + ": unknown indicator " + id);
      c.measures[static_cast<int>(*ind)] = m;
    } else if (key == "adjust") {
      in >> c.adjust;
    } else if (key == "score") {
      in >> c.score;
    } else if (key == "contribution") {
      std::string id, v;
      in >> id >> v;
      c.contributions[id] = v;
    } else {
      throw std::runtime_error("line " + std::to_string(line) + ": unknown key " + key);
    }
  }
  return cases;
}

TEST(AssessmentTest, CasesFromDataFile) {
  auto cases = load_cases();
  ASSERT_GE(cases.size(), 6u);
  for (const Case& c : cases) {
    SCOPED_TRACE("assessment_cases.txt line " + std::to_string(c.line) + ":" + c.title);
    Weights w = Weights::defaults();
    if (!c.weights.empty()) {
      auto parsed = Weights::parse(c.weights);
      ASSERT_TRUE(parsed.ok()) << parsed.error();
      w = *parsed;
    }
    Score s = compute_score(w, c.measures, c.adjust);
    if (c.score == "unscored") {
      EXPECT_FALSE(s.scored);
    } else {
      EXPECT_TRUE(s.scored);
      EXPECT_EQ(format_points(s.total), c.score) << s.formula;
    }
    for (const auto& [id, want] : c.contributions) {
      auto ind = parse_indicator(id);
      ASSERT_TRUE(ind);
      EXPECT_EQ(format_points(s.indicators[static_cast<int>(*ind)].contribution), want) << id;
    }
  }
}

TEST(AssessmentTest, FormulaShowsTheNumbers) {
  std::array<Measure, 6> m{};
  m[0] = {1, 2};
  Score s = compute_score(Weights::defaults(), m, 3);
  EXPECT_EQ(s.formula, "得分 = 100 × (30×50.0%) ÷ 30 = 50.0；人工调整 +3.0，合计 53.0");
}

TEST(AssessmentTest, WeightsParseAndRefuse) {
  EXPECT_EQ(Weights::parse(Weights::defaults().text())->text(), Weights::defaults().text());
  EXPECT_FALSE(Weights::parse("quota=0"));
  EXPECT_FALSE(Weights::parse("quota=101"));
  EXPECT_FALSE(Weights::parse("quota=-1"));
  EXPECT_FALSE(Weights::parse("speed=10"));
  EXPECT_FALSE(Weights::parse("quota=10,quota=20"));
  EXPECT_FALSE(Weights::parse("quota"));
  EXPECT_EQ(Weights::parse(" quota = 10 ")->of(Indicator::kQuota), 10);
  EXPECT_EQ(Weights::parse("quota=1x").error(), "权重须为0到100的整数：quota=1x");
  EXPECT_EQ(Weights::parse("speed=1").error(), "未知的考核指标：speed");
  EXPECT_EQ(Weights::parse("quota=10, timely=5")->of(Indicator::kTimely), 5);
}

TEST(AssessmentTest, Periods) {
  auto m = parse_period("2026-11");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->label, "2026年11月");
  EXPECT_EQ(m->last_day().iso(), "2026-11-30");
  auto q = parse_period("2026-Q1");
  ASSERT_TRUE(q);
  EXPECT_EQ(q->label, "2026年第一季度");
  EXPECT_EQ(q->first_day().iso(), "2026-01-01");
  EXPECT_EQ(q->last_day().iso(), "2026-03-31");
  auto y = parse_period("2024");
  ASSERT_TRUE(y);
  EXPECT_EQ(y->last_day().iso(), "2024-12-31");
  for (const char* bad : {"", "2026-13", "2026-Q5", "26-01", "2026-1", "abcd", "2026-00", "1999"}) {
    EXPECT_FALSE(parse_period(bad)) << bad;
  }
}

}  // namespace
}  // namespace gongkai::core
