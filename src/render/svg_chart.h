#pragma once
// Small SVG charts for the assessment pages (考核): items published per month by department,
// quota against actual, and the like. The output is a standalone <svg> element to place inline
// in a page: role="img" with an aria-label, a <title> and a <desc> that reads the data out for
// screen readers, every text escaped, presentation attributes only (the CSP forbids inline
// styles), and colours with at least 3:1 contrast on white, with markers and dashes so that
// series differ by more than colour.

#include <optional>
#include <string>
#include <vector>

namespace gongkai::render {

struct ChartSeries {
  std::string name;
  std::vector<std::optional<double>> values;  // one per label; nullopt (or NaN) = no data
};

struct Chart {
  std::string title;                // <title> and aria-label
  std::string description;          // <desc>; when empty, a summary of the data is written
  std::vector<std::string> labels;  // the points along the x axis, e.g. "1月" … "12月"
  std::vector<ChartSeries> series;
  std::string unit;                 // shown above the y axis, e.g. "条"
  int width = 640;
  int height = 320;
};

// A line per series over the labels; a missing value breaks the line.
std::string svg_line_chart(const Chart& chart);

// Bars grouped by label, one per series, from zero.
std::string svg_bar_chart(const Chart& chart);

enum class ChartKind { kBar, kLine };

// svg_bar_chart or svg_line_chart as `kind` says: the one drawing of a chart, which the
// document writers also use (PDF draws this SVG as vectors, DOCX and XLSX as a PNG of it).
std::string svg_chart(ChartKind kind, const Chart& chart);

// The chart's text alternative: `description`, or when that is empty the summary of the data
// that the SVG's <desc> carries ("柱状图，1月至12月。…").
std::string chart_description(ChartKind kind, const Chart& chart);

// The series colours, in order (hex "#rrggbb"); repeated when there are more series.
const std::vector<std::string>& chart_colors();

}  // namespace gongkai::render
