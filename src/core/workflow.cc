#include "core/workflow.h"

namespace gongkai::core {

std::string_view step_id(ReviewStep s) {
  switch (s) {
    case ReviewStep::kHead: return "head";
    case ReviewStep::kLeader: return "leader";
    case ReviewStep::kSecrecy: return "secrecy";
  }
  return "";
}

std::string_view step_label(ReviewStep s) {
  switch (s) {
    case ReviewStep::kHead: return "科室负责人审核";
    case ReviewStep::kLeader: return "分管领导审核";
    case ReviewStep::kSecrecy: return "保密审查";
  }
  return "";
}

std::optional<ReviewStep> parse_step(std::string_view id) {
  for (auto s : {ReviewStep::kHead, ReviewStep::kLeader, ReviewStep::kSecrecy}) {
    if (id == step_id(s)) return s;
  }
  return std::nullopt;
}

Role step_role(ReviewStep s) {
  switch (s) {
    case ReviewStep::kHead: return Role::kHead;
    case ReviewStep::kLeader: return Role::kLeader;
    case ReviewStep::kSecrecy: return Role::kSecrecy;
  }
  return Role::kSecrecy;
}

std::optional<WorkflowConfig> WorkflowConfig::parse(std::string_view text, std::string* error) {
  bool has[3] = {false, false, false};
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find(',', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view name = text.substr(start, end - start);
    while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
    while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
    if (!name.empty()) {
      auto s = parse_step(name);
      if (!s) {
        if (error) *error = "未知的审核环节：" + std::string(name);
        return std::nullopt;
      }
      has[static_cast<int>(*s)] = true;
    }
    start = end + 1;
  }
  has[static_cast<int>(ReviewStep::kSecrecy)] = true;
  std::vector<ReviewStep> steps;
  for (auto s : {ReviewStep::kHead, ReviewStep::kLeader, ReviewStep::kSecrecy}) {
    if (has[static_cast<int>(s)]) steps.push_back(s);
  }
  return WorkflowConfig(std::move(steps));
}

std::optional<ReviewStep> WorkflowConfig::after(ReviewStep s) const {
  for (size_t i = 0; i + 1 < steps_.size(); ++i) {
    if (steps_[i] == s) return steps_[i + 1];
  }
  return std::nullopt;
}

std::string WorkflowConfig::text() const {
  std::string out;
  for (auto s : steps_) {
    if (!out.empty()) out += ',';
    out += step_id(s);
  }
  return out;
}

std::string state_label(std::string_view state, std::string_view step) {
  if (state == kStateDraft) return "草稿";
  if (state == kStateReturned) return "已退回";
  if (state == kStateScheduled) return "定时发布";
  if (state == kStatePublished) return "已发布";
  if (state == kStateSuperseded) return "历史版本";
  if (state == kStateInReview) {
    auto s = parse_step(step);
    return s ? "待" + std::string(step_label(*s)) : "审核中";
  }
  return std::string(state);
}

bool is_validity(std::string_view v) { return v == kValid || v == kExpired || v == kRepealed; }

}  // namespace gongkai::core
