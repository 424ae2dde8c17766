#include "core/assessment.h"

#include <algorithm>
#include <cstdio>

namespace gongkai::core {

std::string_view indicator_id(Indicator i) {
  switch (i) {
    case Indicator::kQuota: return "quota";
    case Indicator::kOnTime: return "on_time";
    case Indicator::kTimely: return "timely";
    case Indicator::kReturned: return "returned";
    case Indicator::kSecrecy: return "secrecy";
    case Indicator::kRequests: return "requests";
  }
  return "";
}

std::string_view indicator_label(Indicator i) {
  switch (i) {
    case Indicator::kQuota: return "数量完成率";
    case Indicator::kOnTime: return "按时报送率";
    case Indicator::kTimely: return "及时公开率";
    case Indicator::kReturned: return "一次通过率";
    case Indicator::kSecrecy: return "保密审查合格率";
    case Indicator::kRequests: return "依申请按时办结率";
  }
  return "";
}

std::string_view indicator_rule(Indicator i) {
  switch (i) {
    case Indicator::kQuota: return "各月报送条数（每月最多计到定额）之和 ÷ 各月定额之和";
    case Indicator::kOnTime: return "各月截止日前报送条数（每月最多计到定额）之和 ÷ 各月定额之和";
    case Indicator::kTimely: return "期内发布且自生成之日起20个工作日内发布的条数 ÷ 期内发布的条数（条例第二十六条）";
    case Indicator::kReturned: return "期内提交审核未被退回的次数 ÷ 期内提交审核次数";
    case Indicator::kSecrecy: return "保密审查通过的次数 ÷ 保密审查次数";
    case Indicator::kRequests: return "期内在答复期限内作出答复的申请数 ÷ 期内作出答复的申请数（按作出答复的工作人员所在科室统计）";
  }
  return "";
}

std::optional<Indicator> parse_indicator(std::string_view id) {
  for (Indicator i : kIndicators) {
    if (indicator_id(i) == id) return i;
  }
  return std::nullopt;
}

std::string Weights::text() const {
  std::string out;
  for (Indicator i : kIndicators) {
    if (!out.empty()) out += ",";
    out += std::string(indicator_id(i)) + "=" + std::to_string(of(i));
  }
  return out;
}

Weights Weights::defaults() {
  Weights w;
  w.w = {30, 20, 20, 10, 10, 10};
  return w;
}

Checked<Weights> Weights::parse(std::string_view text) {
  Weights out;
  std::array<bool, 6> seen{};
  int sum = 0;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t comma = text.find(',', pos);
    std::string_view part = text.substr(pos, comma == std::string_view::npos ? std::string_view::npos : comma - pos);
    pos = comma == std::string_view::npos ? text.size() + 1 : comma + 1;
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
    if (part.empty()) continue;
    size_t eq = part.find('=');
    if (eq == std::string_view::npos) return Checked<Weights>::failure("权重格式应为 指标=分值：" + std::string(part));
    auto trim = [](std::string_view v) {
      while (!v.empty() && v.front() == ' ') v.remove_prefix(1);
      while (!v.empty() && v.back() == ' ') v.remove_suffix(1);
      return v;
    };
    std::string_view name = trim(part.substr(0, eq)), num = trim(part.substr(eq + 1));
    auto ind = parse_indicator(name);
    if (!ind) return Checked<Weights>::failure("未知的考核指标：" + std::string(name));
    if (num.empty() || num.size() > 3 || num.find_first_not_of("0123456789") != std::string_view::npos) {
      return Checked<Weights>::failure("权重须为0到100的整数：" + std::string(part));
    }
    int v = std::stoi(std::string(num));
    if (v > 100) return Checked<Weights>::failure("权重须为0到100的整数：" + std::string(part));
    int idx = static_cast<int>(*ind);
    if (seen[idx]) return Checked<Weights>::failure("指标重复：" + std::string(indicator_id(*ind)));
    seen[idx] = true;
    out.w[idx] = v;
    sum += v;
  }
  if (sum == 0) return Checked<Weights>::failure("至少一个指标的权重须大于0");
  return out;
}

std::string format_points(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v + (v >= 0 ? 1e-9 : -1e-9));
  std::string s = buf;
  return s == "-0.0" ? "0.0" : s;
}

std::string format_percent(double ratio) { return format_points(ratio * 100) + "%"; }

Score compute_score(const Weights& weights, const std::array<Measure, 6>& measures, double adjustment) {
  Score s;
  int weight_sum = 0;
  for (Indicator i : kIndicators) {
    IndicatorScore is{i, measures[static_cast<int>(i)]};
    is.weight = weights.of(i);
    is.applicable = is.measure.total > 0;
    if (is.applicable) {
      int good = std::clamp(is.measure.good, 0, is.measure.total);
      is.value = static_cast<double>(good) / is.measure.total;
      weight_sum += is.weight;
    }
    s.indicators.push_back(is);
  }
  s.adjustment = adjustment;
  std::string terms;
  if (weight_sum > 0) {
    s.scored = true;
    for (auto& is : s.indicators) {
      if (!is.applicable || is.weight == 0) continue;
      is.contribution = 100.0 * is.weight * is.value / weight_sum;
      s.base += is.contribution;
      if (!terms.empty()) terms += " + ";
      terms += std::to_string(is.weight) + "×" + format_percent(is.value);
    }
    s.total = std::clamp(s.base + adjustment, 0.0, 100.0);
    s.formula = "得分 = 100 × (" + terms + ") ÷ " + std::to_string(weight_sum) + " = " + format_points(s.base);
    if (adjustment != 0) {
      s.formula += "；人工调整 " + std::string(adjustment > 0 ? "+" : "") + format_points(adjustment) +
                   "，合计 " + format_points(s.total);
    }
  } else {
    s.formula = "无适用的考核指标，不计分";
  }
  return s;
}

Date Period::last_day() const {
  Date next = last_month == 12 ? *Date::from_ymd(year + 1, 1, 1) : *Date::from_ymd(year, last_month + 1, 1);
  return next.add_days(-1);
}

std::optional<Period> parse_period(std::string_view id) {
  auto digits = [](std::string_view s) { return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos; };
  if (id.size() < 4 || !digits(id.substr(0, 4))) return std::nullopt;
  Period p;
  p.id = std::string(id);
  p.year = std::stoi(std::string(id.substr(0, 4)));
  if (p.year < 2000 || p.year > 2100) return std::nullopt;
  if (id.size() == 4) {
    p.label = std::to_string(p.year) + "年";
    return p;
  }
  static const char* kQuarter[] = {"一", "二", "三", "四"};
  if (id.size() == 7 && id.substr(4, 2) == "-Q" && id[6] >= '1' && id[6] <= '4') {
    int q = id[6] - '0';
    p.first_month = 3 * q - 2;
    p.last_month = 3 * q;
    p.label = std::to_string(p.year) + "年第" + kQuarter[q - 1] + "季度";
    return p;
  }
  if (id.size() == 7 && id[4] == '-' && digits(id.substr(5, 2))) {
    int m = std::stoi(std::string(id.substr(5, 2)));
    if (m < 1 || m > 12) return std::nullopt;
    p.first_month = p.last_month = m;
    p.label = std::to_string(p.year) + "年" + std::to_string(m) + "月";
    return p;
  }
  return std::nullopt;
}

}  // namespace gongkai::core
