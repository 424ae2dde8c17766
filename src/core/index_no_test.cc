#include "core/index_no.h"

#include <gtest/gtest.h>

#include "core/workflow.h"

namespace gongkai::core {

TEST(IndexNo, FormatsTheCommonPattern) {
  EXPECT_EQ(format_index_no("{org}/{year}-{serial:5}", "000014349", "x", 2020, 72), "000014349/2020-00072");
  EXPECT_EQ(format_index_no("{slug}-{year}-{serial:3}", "", "cxswj", 2013, 1234), "cxswj-2013-1234");
}

TEST(IndexNo, ChecksPatterns) {
  EXPECT_FALSE(check_index_pattern("{org}/{year}-{serial:5}"));
  EXPECT_TRUE(check_index_pattern("{org}/{year}"));             // no serial
  EXPECT_TRUE(check_index_pattern("{org}/{serial:5}"));         // no year
  EXPECT_TRUE(check_index_pattern("{org}/{year}-{serial:0}"));  // bad width
  EXPECT_TRUE(check_index_pattern("{who}/{year}-{serial:5}"));
  EXPECT_TRUE(check_index_pattern("{org}/{year}-{serial:5"));
  EXPECT_TRUE(check_index_pattern(""));
}

TEST(IndexNo, ParsesSerialBack) {
  EXPECT_EQ(parse_index_serial("{org}/{year}-{serial:5}", "000014349", "", 2020, "000014349/2020-00072"), 72);
  EXPECT_FALSE(parse_index_serial("{org}/{year}-{serial:5}", "000014349", "", 2021, "000014349/2020-00072"));
  EXPECT_FALSE(parse_index_serial("{org}/{year}-{serial:5}", "000014349", "", 2020, "000014349/2020-0a072"));
}

TEST(IndexNo, OrgCodes) {
  EXPECT_TRUE(is_valid_org_code("002953468"));
  EXPECT_TRUE(is_valid_org_code("11330282002953468X"));
  EXPECT_FALSE(is_valid_org_code("00295346"));
  EXPECT_FALSE(is_valid_org_code("00295346a"));
}

TEST(Workflow, ConfidentialityStepCannotBeSkipped) {
  std::string err;
  auto c = WorkflowConfig::parse("head", &err);
  ASSERT_TRUE(c);
  EXPECT_EQ(c->text(), "head,secrecy");
  EXPECT_EQ(c->after(ReviewStep::kHead), ReviewStep::kSecrecy);
  EXPECT_FALSE(c->after(ReviewStep::kSecrecy));
  auto merged = WorkflowConfig::parse("secrecy, leader", &err);
  ASSERT_TRUE(merged);
  EXPECT_EQ(merged->text(), "leader,secrecy");
  EXPECT_EQ(merged->first(), ReviewStep::kLeader);
  EXPECT_FALSE(WorkflowConfig::parse("head,boss", &err));
  EXPECT_NE(err.find("boss"), std::string::npos);
  EXPECT_EQ(WorkflowConfig::parse("", &err)->text(), "secrecy");
}

TEST(Workflow, StateLabels) {
  EXPECT_EQ(state_label("in_review", "leader"), "待分管领导审核");
  EXPECT_EQ(state_label("returned"), "已退回");
}

}  // namespace gongkai::core
