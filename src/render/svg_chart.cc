#include "render/svg_chart.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "render/document_text.h"

namespace gongkai::render {
namespace {

// Bounds that keep the output small whatever the caller passes.
constexpr size_t kMaxLabels = 400;
constexpr size_t kMaxSeries = 24;
constexpr size_t kMaxSummaryPoints = 60;

constexpr const char* kInk = "#1b1b1b";
constexpr const char* kAxis = "#4a4a4a";
constexpr const char* kGrid = "#d6d6d6";
constexpr const char* kFont = "Noto Sans CJK SC, Microsoft YaHei, sans-serif";
const char* const kDashes[] = {"", "7 4", "2 3", "9 3 2 3"};

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

// A value for people: at most 2 decimals, no trailing zeros.
std::string show(double v) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  std::string s = buf;
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s == "-0" ? "0" : s;
}

struct Scale {
  double lo = 0, hi = 1, step = 1;
};

// Axis from min(0, data) to a round number above the data, with 1/2/5 x 10^n steps.
Scale nice_scale(double lo, double hi) {
  lo = std::min(lo, 0.0);
  hi = std::max(hi, 0.0);
  if (hi - lo <= 0) hi = lo + 5;
  double raw = (hi - lo) / 5;
  double mag = std::pow(10, std::floor(std::log10(raw)));
  double step = mag * 10;
  for (double m : {1.0, 2.0, 5.0, 10.0}) {
    if (m * mag >= raw) {
      step = m * mag;
      break;
    }
  }
  if (step < 1 && hi - lo >= 1) step = 1;
  return {std::floor(lo / step) * step, std::ceil(hi / step) * step, step};
}

struct Frame {
  const Chart& chart;
  size_t n;        // labels
  size_t s;        // series
  double left, right, top, bottom;
  Scale scale;

  std::optional<double> value(size_t series, size_t i) const {
    const auto& v = chart.series[series].values;
    if (i >= v.size() || !v[i] || !std::isfinite(*v[i])) return std::nullopt;
    return *v[i];
  }
  double band() const { return (right - left) / static_cast<double>(std::max<size_t>(n, 1)); }
  double x(size_t i) const { return left + (static_cast<double>(i) + 0.5) * band(); }
  double y(double v) const { return bottom - (v - scale.lo) / (scale.hi - scale.lo) * (bottom - top); }
};

Frame frame(const Chart& c) {
  int w = std::clamp(c.width, 200, 2000), h = std::clamp(c.height, 150, 1200);
  Frame f{c, std::min(c.labels.size(), kMaxLabels), std::min(c.series.size(), kMaxSeries), 56, w - 16.0, 28, h - 64.0, {}};
  double lo = 0, hi = 0;
  for (size_t k = 0; k < f.s; ++k) {
    for (size_t i = 0; i < f.n; ++i) {
      if (auto v = f.value(k, i)) lo = std::min(lo, *v), hi = std::max(hi, *v);
    }
  }
  f.scale = nice_scale(lo, hi);
  return f;
}

void text(std::string& out, double x, double y, const char* anchor, std::string_view content, int size = 12) {
  out += "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\" text-anchor=\"" + anchor + "\" font-size=\"" +
         std::to_string(size) + "\" fill=\"" + kInk + "\">";
  append_xml_escaped(out, content);
  out += "</text>";
}

// A readable account of the data, for <desc> when the caller gave none.
std::string summary(const Frame& f, const char* kind) {
  std::string out = std::string(kind) + "，";
  if (f.n > 0) out += clean_text(f.chart.labels[0]) + "至" + clean_text(f.chart.labels[f.n - 1]) + "。";
  for (size_t k = 0; k < f.s; ++k) {
    out += clean_text(f.chart.series[k].name) + "：";
    for (size_t i = 0; i < f.n && i < kMaxSummaryPoints; ++i) {
      auto v = f.value(k, i);
      out += clean_text(f.chart.labels[i]) + " " + (v ? show(*v) : "无数据") + (i + 1 < f.n ? "，" : "");
    }
    if (f.n > kMaxSummaryPoints) out += "……";
    out += "。";
  }
  if (!f.chart.unit.empty()) out += "单位：" + clean_text(f.chart.unit) + "。";
  return out;
}

std::string open_svg(const Frame& f, const char* kind) {
  int w = std::clamp(f.chart.width, 200, 2000), h = std::clamp(f.chart.height, 150, 1200);
  std::string out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 " + std::to_string(w) +
                    " " + std::to_string(h) + "\" width=\"" + std::to_string(w) + "\" height=\"" +
                    std::to_string(h) + "\" role=\"img\" aria-label=\"";
  append_xml_escaped(out, f.chart.title);
  out += "\" font-family=\"" + std::string(kFont) + "\"><title>";
  append_xml_escaped(out, f.chart.title);
  out += "</title><desc>";
  append_xml_escaped(out, f.chart.description.empty() ? summary(f, kind) : f.chart.description);
  out += "</desc><rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>";
  return out;
}

// Grid lines, y ticks, the axes, x labels (thinned to fit) and the legend.
void axes(std::string& out, const Frame& f, bool bars) {
  out += "<g aria-hidden=\"true\">";
  int ticks = static_cast<int>(std::lround((f.scale.hi - f.scale.lo) / f.scale.step));
  for (int t = 0; t <= ticks; ++t) {
    double v = f.scale.lo + t * f.scale.step, y = f.y(v);
    out += "<line x1=\"" + num(f.left) + "\" y1=\"" + num(y) + "\" x2=\"" + num(f.right) + "\" y2=\"" + num(y) +
           "\" stroke=\"" + (std::abs(v) < 1e-9 ? kAxis : kGrid) + "\" stroke-width=\"1\"/>";
    text(out, f.left - 6, y + 4, "end", show(v));
  }
  if (!f.chart.unit.empty()) text(out, f.left - 6, f.top - 12, "end", f.chart.unit);
  out += "<line x1=\"" + num(f.left) + "\" y1=\"" + num(f.top) + "\" x2=\"" + num(f.left) + "\" y2=\"" +
         num(f.bottom) + "\" stroke=\"" + kAxis + "\" stroke-width=\"1\"/>";
  // At most one label per 44 px, so they never overlap.
  size_t every = std::max<size_t>(1, static_cast<size_t>(std::ceil(44.0 / std::max(f.band(), 1.0))));
  for (size_t i = 0; i < f.n; i += every) {
    out += "<line x1=\"" + num(f.x(i)) + "\" y1=\"" + num(f.bottom) + "\" x2=\"" + num(f.x(i)) + "\" y2=\"" +
           num(f.bottom + 4) + "\" stroke=\"" + kAxis + "\"/>";
    text(out, f.x(i), f.bottom + 18, "middle", f.chart.labels[i]);
  }
  double lx = f.left, ly = f.bottom + 44;
  for (size_t k = 0; k < f.s; ++k) {
    const std::string& colour = chart_colors()[k % chart_colors().size()];
    if (bars) {
      out += "<rect x=\"" + num(lx + 5) + "\" y=\"" + num(ly - 10) + "\" width=\"12\" height=\"12\" fill=\"" + colour + "\"/>";
    } else {
      out += "<line x1=\"" + num(lx) + "\" y1=\"" + num(ly - 4) + "\" x2=\"" + num(lx + 22) + "\" y2=\"" +
             num(ly - 4) + "\" stroke=\"" + colour + "\" stroke-width=\"3\"";
      const char* dash = kDashes[k % 4];
      if (*dash) out += std::string(" stroke-dasharray=\"") + dash + "\"";
      out += "/>";
    }
    std::string name = clean_text(f.chart.series[k].name);
    text(out, lx + 28, ly, "start", name);
    lx += 44 + 13.0 * static_cast<double>(std::min<size_t>(utf8_length(name), 20));
  }
  out += "</g>";
}

void point_title(std::string& out, const Frame& f, size_t k, size_t i, double v) {
  out += "<title>";
  append_xml_escaped(out, f.chart.series[k].name + " " + f.chart.labels[i] + "：" + show(v) + f.chart.unit);
  out += "</title>";
}

// A marker per series shape: circle, square, triangle, diamond.
void marker(std::string& out, size_t k, double x, double y, const std::string& colour) {
  std::string fill = " fill=\"" + colour + "\" stroke=\"#ffffff\" stroke-width=\"1\"";
  switch (k % 4) {
    case 0:
      out += "<circle cx=\"" + num(x) + "\" cy=\"" + num(y) + "\" r=\"4\"" + fill + ">";
      return;
    case 1:
      out += "<rect x=\"" + num(x - 4) + "\" y=\"" + num(y - 4) + "\" width=\"8\" height=\"8\"" + fill + ">";
      return;
    case 2:
      out += "<polygon points=\"" + num(x) + "," + num(y - 5) + " " + num(x + 5) + "," + num(y + 4) + " " + num(x - 5) +
             "," + num(y + 4) + "\"" + fill + ">";
      return;
    default:
      out += "<polygon points=\"" + num(x) + "," + num(y - 5) + " " + num(x + 5) + "," + num(y) + " " + num(x) + "," +
             num(y + 5) + " " + num(x - 5) + "," + num(y) + "\"" + fill + ">";
  }
}

const char* marker_end(size_t k) {
  switch (k % 4) {
    case 0: return "</circle>";
    case 1: return "</rect>";
    default: return "</polygon>";
  }
}

const char* kind_name(ChartKind kind) { return kind == ChartKind::kLine ? "折线图" : "柱状图"; }

}  // namespace

std::string svg_chart(ChartKind kind, const Chart& chart) {
  return kind == ChartKind::kLine ? svg_line_chart(chart) : svg_bar_chart(chart);
}

std::string chart_description(ChartKind kind, const Chart& chart) {
  return chart.description.empty() ? summary(frame(chart), kind_name(kind)) : clean_text(chart.description);
}

const std::vector<std::string>& chart_colors() {
  // Each at least 4.5:1 against white, and told apart by hue and lightness.
  static const std::vector<std::string> colors = {"#1f5fa8", "#b2361e", "#2e7d32", "#7b3fa0",
                                                  "#8a5a00", "#00707a", "#c2185b", "#4a4a4a"};
  return colors;
}

std::string svg_line_chart(const Chart& chart) {
  Frame f = frame(chart);
  std::string out = open_svg(f, kind_name(ChartKind::kLine));
  axes(out, f, false);
  for (size_t k = 0; k < f.s; ++k) {
    const std::string& colour = chart_colors()[k % chart_colors().size()];
    std::string name = clean_text(chart.series[k].name);
    out += "<g><title>";
    append_xml_escaped(out, name);
    out += "</title>";
    // One polyline per run of consecutive values: a gap in the data is a gap in the line.
    std::string points;
    auto flush = [&] {
      if (points.find(' ') != std::string::npos) {
        out += "<polyline points=\"" + points + "\" fill=\"none\" stroke=\"" + colour + "\" stroke-width=\"2\"";
        const char* dash = kDashes[k % 4];
        if (*dash) out += std::string(" stroke-dasharray=\"") + dash + "\"";
        out += "/>";
      }
      points.clear();
    };
    for (size_t i = 0; i < f.n; ++i) {
      if (auto v = f.value(k, i)) {
        if (!points.empty()) points += ' ';
        points += num(f.x(i)) + "," + num(f.y(*v));
      } else {
        flush();
      }
    }
    flush();
    for (size_t i = 0; i < f.n; ++i) {
      if (auto v = f.value(k, i)) {
        marker(out, k, f.x(i), f.y(*v), colour);
        point_title(out, f, k, i, *v);
        out += marker_end(k);
      }
    }
    out += "</g>";
  }
  out += "</svg>";
  return out;
}

std::string svg_bar_chart(const Chart& chart) {
  Frame f = frame(chart);
  std::string out = open_svg(f, kind_name(ChartKind::kBar));
  axes(out, f, true);
  double group = f.band() * 0.8;
  double bar = f.s > 0 ? group / static_cast<double>(f.s) : 0;
  double zero = f.y(0);
  for (size_t k = 0; k < f.s; ++k) {
    const std::string& colour = chart_colors()[k % chart_colors().size()];
    out += "<g><title>";
    append_xml_escaped(out, chart.series[k].name);
    out += "</title>";
    for (size_t i = 0; i < f.n; ++i) {
      auto v = f.value(k, i);
      if (!v) continue;
      double x = f.x(i) - group / 2 + bar * static_cast<double>(k);
      double y = std::min(zero, f.y(*v)), h = std::abs(f.y(*v) - zero);
      out += "<rect x=\"" + num(x) + "\" y=\"" + num(y) + "\" width=\"" + num(std::max(bar - 1, 1.0)) +
             "\" height=\"" + num(h) + "\" fill=\"" + colour + "\">";
      point_title(out, f, k, i, *v);
      out += "</rect>";
    }
    out += "</g>";
  }
  out += "</svg>";
  return out;
}

}  // namespace gongkai::render
