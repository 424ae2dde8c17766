#include "render/document_grid.h"

#include <gtest/gtest.h>

#include "render/document_samples.h"

namespace gongkai::render {
namespace {

// Where the cell with `text` landed, as "row,col rowspan x colspan".
std::string where(const TableGrid& g, std::string_view text) {
  for (const PlacedCell& p : g.cells()) {
    if (p.cell->text == text) {
      return std::to_string(p.row) + "," + std::to_string(p.col) + " " + std::to_string(p.rowspan) +
             "x" + std::to_string(p.colspan);
    }
  }
  return "missing";
}

TEST(TableGrid, PlacesTable3Of2021) {
  Table t = samples::table3_2021();
  TableGrid g(t);
  EXPECT_EQ(g.cols(), 10);
  EXPECT_EQ(g.rows(), 28);
  EXPECT_EQ(g.header_rows(), 3);
  EXPECT_EQ(where(g, "申请人情况"), "0,3 1x7");
  EXPECT_EQ(where(g, "自然人"), "1,3 2x1");
  EXPECT_EQ(where(g, "法人或其他组织"), "1,4 1x5");
  EXPECT_EQ(where(g, "总计"), "1,9 2x1");
  // Row 2 starts after the 3x3 corner cell and 自然人, which both reach down into it.
  EXPECT_EQ(where(g, "商业企业"), "2,4 1x1");
  EXPECT_EQ(where(g, "其他"), "2,8 1x1");
  EXPECT_EQ(where(g, "三、本年度办理结果"), "5,0 22x1");
  EXPECT_EQ(where(g, "（三）不予公开"), "7,1 8x1");
  EXPECT_EQ(where(g, "2.其他法律行政法规禁止公开"), "8,2 1x1");
  EXPECT_EQ(where(g, "（七）总计"), "26,1 1x2");
  EXPECT_EQ(where(g, "四、结转下年度继续办理"), "27,0 1x3");
  // Every slot is covered exactly once.
  for (int r = 0; r < g.rows(); ++r) {
    for (int c = 0; c < g.cols(); ++c) {
      int i = g.at(r, c);
      ASSERT_GE(i, 0) << r << "," << c;
      const PlacedCell& p = g.cells()[i];
      EXPECT_TRUE(p.row <= r && r < p.row + p.rowspan && p.col <= c && c < p.col + p.colspan);
    }
  }
  // The numbers of row 7 (first 不予公开 row) sit in columns 3..9.
  auto row7 = g.row_cells(7);
  ASSERT_EQ(row7.size(), 9u);
  EXPECT_EQ(row7[2].col, 3);
  EXPECT_EQ(row7[8].col, 9);
}

TEST(TableGrid, GroupsRowsTiedByRowspan) {
  Table t = samples::table3_2021();
  TableGrid g(t);
  EXPECT_EQ(g.group_end(0), 3);    // the header's 3-row corner cell
  EXPECT_EQ(g.group_end(3), 4);    // a plain row
  EXPECT_EQ(g.group_end(5), 27);  // 三、本年度办理结果 spans 22 rows: 5..26
}

TEST(TableGrid, ClampsSpansThatOverlapOrOverrun) {
  Table t;
  t.header_rows = 1;
  Cell tall{.text = "tall", .rowspan = 5, .header = true};
  Cell wide{.text = "wide", .colspan = 1000};
  Cell a{.text = "a", .rowspan = 3};
  Cell b{.text = "b", .colspan = 3};
  t.rows = {{tall, Cell{.text = "h"}}, {a, Cell{.text = "x"}}, {b}, {wide}};
  TableGrid g(t);
  EXPECT_EQ(where(g, "tall"), "0,0 1x1");  // a header cell stays in the header
  EXPECT_EQ(where(g, "a"), "1,0 3x1");
  EXPECT_EQ(where(g, "b"), "2,1 1x3");
  EXPECT_EQ(where(g, "wide"), "3,1 1x62");  // stops at the column limit
  EXPECT_EQ(g.cols(), TableGrid::kMaxColumns);
  EXPECT_EQ(g.at(1, 2), -1);  // nothing covers it
}

TEST(TableGrid, ColumnFractions) {
  Table t;
  t.rows = {{Cell{.text = "a"}, Cell{.text = "b"}}};
  t.column_widths = {1, 3};
  auto f = TableGrid(t).column_fractions();
  EXPECT_DOUBLE_EQ(f[0], 0.25);
  EXPECT_DOUBLE_EQ(f[1], 0.75);
  t.column_widths = {1, -3};
  EXPECT_DOUBLE_EQ(TableGrid(t).column_fractions()[1], 0.5);
  t.column_widths = {1};
  EXPECT_DOUBLE_EQ(TableGrid(t).column_fractions()[0], 0.5);
}

TEST(TableGrid, EmptyTable) {
  Table t;
  t.header_rows = 4;
  TableGrid g(t);
  EXPECT_EQ(g.rows(), 0);
  EXPECT_EQ(g.cols(), 0);
  EXPECT_EQ(g.header_rows(), 0);
}

}  // namespace
}  // namespace gongkai::render
