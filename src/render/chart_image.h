#pragma once
// A chart block's SVG (svg_chart) drawn by librsvg: onto a cairo context as vector graphics
// (the PDF writer) or into PNG bytes (the DOCX and XLSX writers). Text in the SVG is set by
// pango with the Noto CJK fonts, as the rest of the PDF is.

#include <cairo.h>

#include <string>

#include "render/document.h"

typedef struct _RsvgHandle RsvgHandle;

namespace gongkai::render {

class ChartImage {
 public:
  // Parses the chart's SVG; throws std::runtime_error if librsvg rejects it.
  explicit ChartImage(const ChartBlock& block);
  ~ChartImage();
  ChartImage(const ChartImage&) = delete;
  ChartImage& operator=(const ChartImage&) = delete;

  // The drawing's size in SVG pixels.
  double width() const { return width_; }
  double height() const { return height_; }

  // Draws the chart into the box at (x, y) of `width` x `height` user units (aspect kept).
  void draw(cairo_t* cr, double x, double y, double width, double height) const;

  // PNG bytes of the chart at `scale` device pixels per SVG pixel (2 for print quality).
  std::string png(double scale) const;

 private:
  RsvgHandle* handle_ = nullptr;
  double width_ = 0, height_ = 0;
};

}  // namespace gongkai::render
