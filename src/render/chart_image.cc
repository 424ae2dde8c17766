#include "render/chart_image.h"

#include <librsvg/rsvg.h>

#include <cmath>
#include <stdexcept>

namespace gongkai::render {
namespace {

cairo_status_t append_bytes(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

[[noreturn]] void fail(const char* what, GError* error) {
  std::string message = std::string("chart drawing failed: ") + what + (error ? std::string(": ") + error->message : "");
  if (error) g_error_free(error);
  throw std::runtime_error(message);
}

}  // namespace

ChartImage::ChartImage(const ChartBlock& block) {
  std::string svg = svg_chart(block.kind, block.chart);
  GError* error = nullptr;
  handle_ = rsvg_handle_new_from_data(reinterpret_cast<const guint8*>(svg.data()), svg.size(), &error);
  if (!handle_) fail("SVG rejected", error);
  // svg_chart always writes width and height in pixels.
  if (!rsvg_handle_get_intrinsic_size_in_pixels(handle_, &width_, &height_) || width_ <= 0 || height_ <= 0) {
    g_object_unref(handle_);
    fail("SVG has no size", nullptr);
  }
}

ChartImage::~ChartImage() { g_object_unref(handle_); }

void ChartImage::draw(cairo_t* cr, double x, double y, double width, double height) const {
  RsvgRectangle viewport{x, y, width, height};
  GError* error = nullptr;
  cairo_save(cr);
  gboolean ok = rsvg_handle_render_document(handle_, cr, &viewport, &error);
  cairo_restore(cr);
  if (!ok) fail("render", error);
}

std::string ChartImage::png(double scale) const {
  int w = static_cast<int>(std::ceil(width_ * scale)), h = static_cast<int>(std::ceil(height_ * scale));
  cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h);
  cairo_t* cr = cairo_create(surface);
  cairo_set_source_rgb(cr, 1, 1, 1);  // opaque white under the drawing, as on paper
  cairo_paint(cr);
  std::string out;
  try {
    draw(cr, 0, 0, w, h);
  } catch (...) {
    cairo_destroy(cr);
    cairo_surface_destroy(surface);
    throw;
  }
  cairo_destroy(cr);
  cairo_status_t status = cairo_surface_write_to_png_stream(surface, append_bytes, &out);
  cairo_surface_destroy(surface);
  if (status != CAIRO_STATUS_SUCCESS) throw std::runtime_error(std::string("chart PNG failed: ") + cairo_status_to_string(status));
  return out;
}

}  // namespace gongkai::render
