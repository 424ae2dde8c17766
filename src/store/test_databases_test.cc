#include "store/test_databases.h"

#include <gtest/gtest.h>

#include <unistd.h>

namespace gongkai::store {
namespace {

TEST(TestDatabases, LeftoversAreThoseOfEndedProcessesOnly) {
  // No process has this id (Linux ids stay below 4,194,304).
  EXPECT_TRUE(leftover_of_ended_process("gongkai_test_2147483646_0_123", "gongkai_test_"));
  EXPECT_TRUE(leftover_of_ended_process("gk_test_2147483646_3_9", "gk_test_"));
  std::string mine = std::to_string(getpid());
  EXPECT_FALSE(leftover_of_ended_process("gongkai_test_" + mine + "_0_1", "gongkai_test_"));
  EXPECT_FALSE(leftover_of_ended_process("gk_test_1_0_1", "gk_test_"));  // init runs
  EXPECT_FALSE(leftover_of_ended_process("gongkai_test_x12_0", "gongkai_test_"));
  EXPECT_FALSE(leftover_of_ended_process("gongkai_test__0", "gongkai_test_"));
  EXPECT_FALSE(leftover_of_ended_process("gongkai_test_99999999999_0", "gongkai_test_"));
  EXPECT_FALSE(leftover_of_ended_process("gongkai_data_2147483646_0", "gongkai_test_"));
  EXPECT_FALSE(leftover_of_ended_process("postgres", "gk_test_"));
}

}  // namespace
}  // namespace gongkai::store
