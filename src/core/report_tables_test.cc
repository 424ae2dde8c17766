#include "core/report_tables.h"

#include <gtest/gtest.h>

#include "core/outcomes.h"

namespace gongkai::core {
namespace {

TEST(ReportTables, RowsFollowThePrintedOrder) {
  const auto& rows = table3_rows();
  ASSERT_EQ(rows.size(), 2 + all_outcomes().size() + 2);
  EXPECT_EQ(rows.front(), "new");
  EXPECT_EQ(rows[1], "carried_in");
  EXPECT_EQ(rows[2], "granted");
  EXPECT_EQ(rows[3], "partial");
  EXPECT_EQ(rows[4], "denied.1");
  EXPECT_EQ(rows[rows.size() - 3], "other.3");
  EXPECT_EQ(rows[rows.size() - 2], "total");
  EXPECT_EQ(rows.back(), "carried_out");
}

TEST(ReportTables, AddCountsKindAndTotalColumns) {
  Table3 t;
  t.add("new", "natural_person");
  t.add("new", "legal_service");
  t.add("granted", "natural_person");
  t.add("carried_out", "legal_service");
  t.sum_outcomes();
  EXPECT_EQ(t.row("new")[0], 1);
  EXPECT_EQ(t.row("new")[4], 1);
  EXPECT_EQ(t.row("new")[6], 2);
  EXPECT_EQ(t.row("total")[0], 1);
  EXPECT_EQ(t.row("total")[6], 1);
  EXPECT_TRUE(table3_breaks(t).empty());
  EXPECT_THROW(t.add("total", "natural_person"), std::invalid_argument);
  EXPECT_THROW(t.add("granted", "total"), std::invalid_argument);
  EXPECT_THROW(t.add("denied.9", "natural_person"), std::invalid_argument);
}

TEST(ReportTables, BreakIsFoundPerColumn) {
  Table3 t;
  t.add("new", "commercial");  // received, neither decided nor carried over
  t.add("new", "natural_person");
  t.add("partial", "natural_person");
  t.sum_outcomes();
  auto b = table3_breaks(t);
  ASSERT_EQ(b.size(), 2u);
  EXPECT_EQ(kTable3Columns[static_cast<size_t>(b[0])], "commercial");
  EXPECT_EQ(kTable3Columns[static_cast<size_t>(b[1])], "total");
}

TEST(ReportTables, AppealTotals) {
  AppealCounts a{1, 2, 3, 4};
  EXPECT_EQ(a.total(), 10);
}

}  // namespace
}  // namespace gongkai::core

namespace gongkai::core {
namespace {

TEST(ReportTables, SetKeepsRowTotal) {
  Table3 t;
  t.add("granted", "research");
  t.set("granted", "natural_person", 5);
  t.set("granted", "research", 2);
  EXPECT_EQ(t.row("granted")[6], 7);
  EXPECT_THROW(t.set("granted", "research", -1), std::invalid_argument);
}

}  // namespace
}  // namespace gongkai::core
