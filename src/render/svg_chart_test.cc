#include "render/svg_chart.h"

#include <Poco/AutoPtr.h>
#include <Poco/DOM/DOMParser.h>
#include <Poco/DOM/Document.h>
#include <Poco/DOM/Element.h>
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace gongkai::render {
namespace {

using Poco::AutoPtr;
using Poco::XML::Element;

constexpr const char* kSvg = "http://www.w3.org/2000/svg";

AutoPtr<Poco::XML::Document> parse(const std::string& xml) {
  Poco::XML::DOMParser parser;
  return parser.parseString(xml);
}

void collect(Poco::XML::Node* n, const std::string& local, std::vector<Element*>& out) {
  for (Poco::XML::Node* c = n->firstChild(); c; c = c->nextSibling()) {
    if (c->nodeType() != Poco::XML::Node::ELEMENT_NODE) continue;
    if (c->localName() == local) out.push_back(static_cast<Element*>(c));
    collect(c, local, out);
  }
}

std::vector<Element*> all(Poco::XML::Node* n, const std::string& local) {
  std::vector<Element*> out;
  collect(n, local, out);
  return out;
}

Chart months() {
  Chart c;
  c.title = "2021年各月主动公开信息数量";
  c.unit = "条";
  for (int m = 1; m <= 12; ++m) c.labels.push_back(std::to_string(m) + "月");
  ChartSeries quota{"应公开", {}}, actual{"实际公开", {}};
  for (int m = 1; m <= 12; ++m) {
    quota.values.push_back(20);
    actual.values.push_back(m == 6 ? std::optional<double>() : std::optional<double>(10 + m * 2));
  }
  c.series = {quota, actual};
  return c;
}

TEST(SvgChart, LineChartStructure) {
  std::string svg = svg_line_chart(months());
  auto doc = parse(svg);  // well-formed XML
  Element* root = doc->documentElement();
  EXPECT_EQ(root->localName(), "svg");
  EXPECT_EQ(root->namespaceURI(), kSvg);
  EXPECT_EQ(root->getAttribute("role"), "img");
  EXPECT_EQ(root->getAttribute("aria-label"), "2021年各月主动公开信息数量");
  // <title> then <desc> come first, and the summary reads the data out.
  Element* first = static_cast<Element*>(root->firstChild());
  ASSERT_EQ(first->localName(), "title");
  EXPECT_EQ(first->innerText(), "2021年各月主动公开信息数量");
  Element* desc = static_cast<Element*>(first->nextSibling());
  ASSERT_EQ(desc->localName(), "desc");
  EXPECT_NE(desc->innerText().find("实际公开：1月 12，2月 14"), std::string::npos) << desc->innerText();
  EXPECT_NE(desc->innerText().find("6月 无数据"), std::string::npos);
  // One line for 应公开, two for 实际公开 (June is missing); a marker per value.
  EXPECT_EQ(all(root, "polyline").size(), 3u);
  EXPECT_EQ(all(root, "circle").size(), 12u);
  EXPECT_EQ(all(root, "rect").size(), 1u + 11u);  // background + squares of the second series
  // Ticks 0..40 by 10 (data up to 34), the unit, all month labels.
  for (const char* t : {">0<", ">10<", ">40<", ">条<", ">1月<", ">12月<", ">应公开<"}) {
    EXPECT_NE(svg.find(t), std::string::npos) << t;
  }
  EXPECT_EQ(svg.find(">50<"), std::string::npos);
  EXPECT_EQ(svg.find("style="), std::string::npos);  // the CSP allows no inline styles
}

TEST(SvgChart, BarChartStructure) {
  Chart c = months();
  c.description = "各科室按月完成情况";
  std::string svg = svg_bar_chart(c);
  auto doc = parse(svg);
  auto rects = all(doc->documentElement(), "rect");
  // background + 2 legend swatches + 12 + 11 bars
  EXPECT_EQ(rects.size(), 1u + 2u + 23u);
  EXPECT_NE(svg.find("<desc>各科室按月完成情况</desc>"), std::string::npos);
  // Each bar says what it is when pointed at.
  EXPECT_NE(svg.find("<title>实际公开 3月：16条</title>"), std::string::npos);
}

TEST(SvgChart, EscapesEverything) {
  Chart c;
  c.title = "<script>alert(\"x\")</script>&";
  c.unit = "<b>";
  c.labels = {"a&b", "</text><script>"};
  c.series = {{"\"'><svg onload=alert(1)>\x01", {1, 2}}};
  for (const std::string& svg : {svg_line_chart(c), svg_bar_chart(c)}) {
    auto doc = parse(svg);
    EXPECT_EQ(svg.find("<script"), std::string::npos);
    EXPECT_EQ(svg.find("<svg onload"), std::string::npos);
    EXPECT_EQ(svg.find('\x01'), std::string::npos);
    EXPECT_EQ(doc->documentElement()->getAttribute("aria-label"), "<script>alert(\"x\")</script>&");
    EXPECT_EQ(all(doc->documentElement(), "script").size(), 0u);
  }
}

TEST(SvgChart, OddDataStaysFinite) {
  Chart c;
  c.title = "空";
  for (const std::string& svg : {svg_line_chart(c), svg_bar_chart(c)}) {
    EXPECT_NO_THROW(parse(svg));
    EXPECT_EQ(svg.find("nan"), std::string::npos);
    EXPECT_EQ(svg.find("inf"), std::string::npos);
  }
  c.labels = {"甲", "乙", "丙"};
  c.series = {{"差额", {-12.5, std::numeric_limits<double>::quiet_NaN(), 0.3}},
              {"无穷", {std::numeric_limits<double>::infinity(), std::nullopt}}};
  std::string bars = svg_bar_chart(c);
  EXPECT_EQ(bars.find("nan"), std::string::npos);
  EXPECT_EQ(bars.find("inf"), std::string::npos);
  EXPECT_NE(bars.find(">-15<"), std::string::npos);  // the axis reaches below the negative value
  EXPECT_NE(bars.find("<title>差额 甲：-12.5</title>"), std::string::npos);
  // Many labels are thinned so that they do not overlap: at most one per 44 px.
  Chart many = months();
  many.labels.clear();
  for (int d = 1; d <= 365; ++d) many.labels.push_back("第" + std::to_string(d) + "天");
  std::string svg = svg_line_chart(many);
  EXPECT_NE(svg.find(">第1天<"), std::string::npos);
  EXPECT_EQ(svg.find(">第2天<"), std::string::npos);
}

double luminance(const std::string& hex) {
  auto channel = [&](int i) {
    double c = std::stoi(hex.substr(1 + 2 * i, 2), nullptr, 16) / 255.0;
    return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

TEST(SvgChart, ColoursContrastWithWhite) {
  for (const std::string& c : chart_colors()) {
    double ratio = 1.05 / (luminance(c) + 0.05);
    EXPECT_GE(ratio, 4.5) << c;  // WCAG 1.4.11 asks 3:1 for graphics; these also pass as text
  }
}

}  // namespace
}  // namespace gongkai::render
