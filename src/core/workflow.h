#pragma once
// The review workflow of an item revision (发布审核制度, DOMAIN.md §2):
// draft → in_review(step…) → published (or scheduled), with return to the author at any step.
// Pure rules: which steps an agency uses, who may act on a step, what comes next.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/roles.h"

namespace gongkai::core {

enum class ReviewStep { kHead, kLeader, kSecrecy };

std::string_view step_id(ReviewStep s);        // "head", "leader", "secrecy"
std::string_view step_label(ReviewStep s);     // "科室负责人审核", ...
std::optional<ReviewStep> parse_step(std::string_view id);
// The role that acts on a step.
Role step_role(ReviewStep s);

// An agency's configured review steps, in order. The confidentiality step is always
// present and always last: nothing is published without it.
class WorkflowConfig {
 public:
  // Parses "head,leader,secrecy" style text. Unknown names are errors; a missing
  // secrecy step is added; order is normalised to head, leader, secrecy.
  static std::optional<WorkflowConfig> parse(std::string_view text, std::string* error);
  static WorkflowConfig full() { return WorkflowConfig({ReviewStep::kHead, ReviewStep::kLeader, ReviewStep::kSecrecy}); }

  const std::vector<ReviewStep>& steps() const { return steps_; }
  ReviewStep first() const { return steps_.front(); }
  // The step after s, or nullopt when s is the last (the revision is then approved).
  std::optional<ReviewStep> after(ReviewStep s) const;
  std::string text() const;

 private:
  explicit WorkflowConfig(std::vector<ReviewStep> s) : steps_(std::move(s)) {}
  std::vector<ReviewStep> steps_;
};

// Revision states as stored.
inline constexpr std::string_view kStateDraft = "draft";
inline constexpr std::string_view kStateInReview = "in_review";
inline constexpr std::string_view kStateReturned = "returned";
inline constexpr std::string_view kStateScheduled = "scheduled";
inline constexpr std::string_view kStatePublished = "published";
inline constexpr std::string_view kStateSuperseded = "superseded";

// Chinese label for a revision state (and step when in review).
std::string state_label(std::string_view state, std::string_view step = {});

// Validity (有效性) values.
inline constexpr std::string_view kValid = "有效";
inline constexpr std::string_view kExpired = "失效";
inline constexpr std::string_view kRepealed = "废止";
bool is_validity(std::string_view v);

}  // namespace gongkai::core
