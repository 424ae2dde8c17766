// to_pdf: the document set as a Chinese official paper (GB/T 9704 margins, Noto Serif CJK body
// text, Noto Sans CJK headings) with pango for shaping and line breaking and cairo for the PDF.
//
// The page count goes into every footer ("第 N 页 共 M 页"), so the document is laid out twice:
// a first pass that only measures and counts pages, then a second that draws. Nothing is kept
// between blocks, and a table is measured one row group at a time, so memory stays bounded by
// the largest group of rows tied together by rowspans, not by the length of the document.

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "render/chart_image.h"
#include "render/document.h"
#include "render/document_grid.h"
#include "render/document_text.h"

namespace gongkai::render {
namespace {

constexpr double kMm = 72.0 / 25.4;
constexpr const char* kSerif = "Noto Serif CJK SC,Noto Sans CJK SC,Source Han Serif SC,serif";
constexpr const char* kSans = "Noto Sans CJK SC,Source Han Sans SC,Noto Serif CJK SC,sans-serif";

// Sizes in points: 二号 22, 三号 16, 五号 10.5 as official documents use them.
constexpr double kTitleSize = 22;
constexpr double kBodySize = 16;
constexpr double kTableSize = 10.5;
constexpr double kCaptionSize = 12;
constexpr double kFooterSize = 10.5;
constexpr double kBodyLineSpacing = 1.25;  // ≈ 28.9 pt between 16 pt lines, 22 lines a page
constexpr double kCellPadX = 3;
constexpr double kCellPadY = 2.5;

struct PageGeometry {
  double width, height, top, bottom, left, right;
  double content_width() const { return width - left - right; }
  double content_bottom() const { return height - bottom; }
};

PageGeometry geometry(const Document& doc) {
  double w = 210 * kMm, h = 297 * kMm;
  if (doc.page == PageSize::kA3) w = 297 * kMm, h = 420 * kMm;
  // GB/T 9704-2012: top 37 mm, binding side 28 mm, text block 156 x 225 mm on A4.
  if (doc.landscape) return {h, w, 28 * kMm, 26 * kMm, 37 * kMm, 35 * kMm};
  return {w, h, 37 * kMm, 35 * kMm, 28 * kMm, 26 * kMm};
}

struct FontDesc {
  PangoFontDescription* desc;
  FontDesc(const char* family, double size, bool bold) : desc(pango_font_description_new()) {
    pango_font_description_set_family(desc, family);
    pango_font_description_set_absolute_size(desc, size * PANGO_SCALE);
    if (bold) pango_font_description_set_weight(desc, PANGO_WEIGHT_BOLD);
  }
  ~FontDesc() { pango_font_description_free(desc); }
  FontDesc(const FontDesc&) = delete;
  FontDesc& operator=(const FontDesc&) = delete;
};

struct LayoutDeleter {
  void operator()(PangoLayout* l) const { g_object_unref(l); }
};
using LayoutPtr = std::unique_ptr<PangoLayout, LayoutDeleter>;

double pt(int pango_units) { return static_cast<double>(pango_units) / PANGO_SCALE; }

PangoAlignment pango_align(Align a) {
  switch (a) {
    case Align::kCenter: return PANGO_ALIGN_CENTER;
    case Align::kRight: return PANGO_ALIGN_RIGHT;
    case Align::kLeft: break;
  }
  return PANGO_ALIGN_LEFT;
}

// A run of table rows measured together: the header, or a body row group.
struct RowGroup {
  struct Box {
    const PlacedCell* cell;
    LayoutPtr layout;
    double x, width, top, height, text_top, text_height;
  };
  std::vector<Box> boxes;
  std::vector<std::pair<double, double>> lines;  // every text line's [top, bottom)
  std::vector<double> row_tops;                  // each row's top, then the group's bottom
  double height = 0;
};

class PdfWriter {
 public:
  // `cr` is null in the measuring pass; `total_pages` is only used when drawing.
  PdfWriter(const Document& doc, PangoContext* ctx, cairo_t* cr, int total_pages)
      : doc_(doc), geo_(geometry(doc)), ctx_(ctx), cr_(cr), total_pages_(total_pages) {
    if (cr_) surface_ = cairo_get_target(cr_);
  }

  int run() {
    start_page();
    for (const Block& block : doc_.blocks) {
      if (const auto* h = std::get_if<Heading>(&block)) {
        heading(*h);
      } else if (const auto* p = std::get_if<Paragraph>(&block)) {
        paragraph(*p);
      } else if (const auto* t = std::get_if<Table>(&block)) {
        table(*t);
      } else if (const auto* c = std::get_if<ChartBlock>(&block)) {
        chart(*c);
      } else if (!page_empty()) {
        next_page();
      }
    }
    finish_page();
    return page_;
  }

 private:
  bool page_empty() const { return y_ <= geo_.top + 0.01; }
  double room() const { return geo_.content_bottom() - y_; }
  double content_height() const { return geo_.content_bottom() - geo_.top; }

  void start_page() {
    ++page_;
    y_ = geo_.top;
  }

  void finish_page() {
    if (!cr_) return;
    std::string text = "第 " + std::to_string(page_) + " 页 共 " + std::to_string(total_pages_) + " 页";
    LayoutPtr l = make_layout(text, footer_font_.desc, geo_.content_width(), Align::kCenter);
    cairo_move_to(cr_, geo_.left, geo_.content_bottom() + 7 * kMm);
    pango_cairo_show_layout(cr_, l.get());
    cairo_show_page(cr_);
  }

  void next_page() {
    finish_page();
    start_page();
  }

  LayoutPtr make_layout(std::string_view text, const PangoFontDescription* font, double width,
                        Align align, double spacing = 0, double indent = 0, bool justify = false) {
    LayoutPtr l(pango_layout_new(ctx_));
    std::string clean = clean_text(text);
    pango_layout_set_text(l.get(), clean.data(), static_cast<int>(clean.size()));
    pango_layout_set_font_description(l.get(), font);
    pango_layout_set_width(l.get(), static_cast<int>(std::max(width, 1.0) * PANGO_SCALE));
    pango_layout_set_wrap(l.get(), PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(l.get(), pango_align(align));
    pango_layout_set_justify(l.get(), justify);
    if (indent > 0) pango_layout_set_indent(l.get(), static_cast<int>(indent * PANGO_SCALE));
    if (spacing > 0) pango_layout_set_line_spacing(l.get(), static_cast<float>(spacing));
    return l;
  }

  // Sets a layout line by line from y_, moving to a new page where a line does not fit.
  void flow(PangoLayout* layout) {
    double base = y_;    // page y of layout y `shift`
    double shift = 0;
    double end = y_;
    PangoLayoutIter* it = pango_layout_get_iter(layout);
    do {
      PangoRectangle logical;
      pango_layout_iter_get_line_extents(it, nullptr, &logical);
      double top = pt(logical.y), bottom = pt(logical.y + logical.height);
      if (base + bottom - shift > geo_.content_bottom() && base + top - shift > geo_.top + 0.01) {
        next_page();
        base = y_;
        shift = top;
      }
      if (cr_) {
        cairo_move_to(cr_, geo_.left + pt(logical.x),
                      base + pt(pango_layout_iter_get_baseline(it)) - shift);
        pango_cairo_show_layout_line(cr_, pango_layout_iter_get_line_readonly(it));
      }
      end = base + bottom - shift;
    } while (pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
    y_ = end;
  }

  void heading(const Heading& h) {
    int level = std::clamp(h.level, 1, 3);
    const FontDesc& font = level == 1 ? title_font_ : level == 2 ? h2_font_ : h3_font_;
    LayoutPtr l = make_layout(h.text, font.desc, geo_.content_width(),
                              level == 1 ? Align::kCenter : Align::kLeft, 1.15,
                              level == 1 ? 0 : 2 * kBodySize);
    double before = level == 1 ? 0 : 0.4 * kBodySize;
    double after = level == 1 ? kBodySize : 0.2 * kBodySize;
    int height = 0;
    pango_layout_get_size(l.get(), nullptr, &height);
    // Keep a heading with at least two lines of what follows it.
    if (!page_empty() && room() < before + pt(height) + 2 * kBodySize * 1.8) {
      next_page();
    } else if (!page_empty()) {
      y_ += before;
    }
    bookmark(level, h.text);
    flow(l.get());
    y_ += after;
  }

  // An entry in the PDF outline (the viewer's bookmarks) under the last heading one level up.
  void bookmark(int level, std::string_view text) {
    if (!surface_) return;
    std::string title = clean_text(text);
    std::replace(title.begin(), title.end(), '\n', ' ');
    std::replace(title.begin(), title.end(), '\t', ' ');
    if (title.empty()) return;
    int parent = CAIRO_PDF_OUTLINE_ROOT;
    for (int l = level - 1; l >= 1; --l) {
      if (outline_[l - 1] != 0) {
        parent = outline_[l - 1];
        break;
      }
    }
    char target[64];
    std::snprintf(target, sizeof target, "page=%d pos=[%.1f %.1f]", page_, geo_.left, y_);
    int id = cairo_pdf_surface_add_outline(surface_, parent, title.c_str(), target,
                                           level < 3 ? CAIRO_PDF_OUTLINE_FLAG_OPEN : cairo_pdf_outline_flags_t{});
    outline_[level - 1] = id;
    for (int l = level; l < 3; ++l) outline_[l] = 0;
  }

  void paragraph(const Paragraph& p) {
    bool indent = p.first_line_indent && p.align == Align::kLeft;
    LayoutPtr l = make_layout(p.text, p.bold ? body_bold_font_.desc : body_font_.desc,
                              geo_.content_width(), p.align, kBodyLineSpacing,
                              indent ? 2 * kBodySize : 0, p.align == Align::kLeft);
    flow(l.get());
  }

  // Measures rows [from, to) of the grid: row heights from single-row cells, then rowspans
  // stretch their last row when their text needs more.
  RowGroup measure(const TableGrid& grid, const std::vector<double>& xs, int from, int to) {
    RowGroup g;
    std::vector<double> heights(to - from, kTableSize * 1.45 + 2 * kCellPadY);
    for (int r = from; r < to; ++r) {
      for (const PlacedCell& pc : grid.row_cells(r)) {
        bool bold = r < grid.header_rows() || pc.cell->header;
        double width = xs[pc.col + pc.colspan] - xs[pc.col];
        RowGroup::Box box{&pc, make_layout(pc.cell->text, (bold ? table_bold_font_ : table_font_).desc,
                                           width - 2 * kCellPadX, pc.cell->align),
                          xs[pc.col], width, 0, 0, 0, 0};
        int h = 0;
        pango_layout_get_size(box.layout.get(), nullptr, &h);
        box.text_height = pt(h);
        if (pc.rowspan == 1) heights[r - from] = std::max(heights[r - from], box.text_height + 2 * kCellPadY);
        g.boxes.push_back(std::move(box));
      }
    }
    for (const RowGroup::Box& b : g.boxes) {
      int first = b.cell->row - from, last = std::min(b.cell->row + b.cell->rowspan, to) - from;
      double sum = 0;
      for (int i = first; i < last; ++i) sum += heights[i];
      double need = b.text_height + 2 * kCellPadY;
      if (sum < need) heights[last - 1] += need - sum;
    }
    std::vector<double> tops(heights.size() + 1, 0);
    for (size_t i = 0; i < heights.size(); ++i) tops[i + 1] = tops[i] + heights[i];
    g.height = tops.back();
    g.row_tops = tops;
    for (RowGroup::Box& b : g.boxes) {
      int first = b.cell->row - from, last = std::min(b.cell->row + b.cell->rowspan, to) - from;
      b.top = tops[first];
      b.height = tops[last] - tops[first];
      b.text_top = b.top + (b.height - b.text_height) / 2;  // centred, as official tables are
      PangoLayoutIter* it = pango_layout_get_iter(b.layout.get());
      do {
        PangoRectangle logical;
        pango_layout_iter_get_line_extents(it, nullptr, &logical);
        g.lines.emplace_back(b.text_top + pt(logical.y), b.text_top + pt(logical.y + logical.height));
      } while (pango_layout_iter_next_line(it));
      pango_layout_iter_free(it);
    }
    return g;
  }

  static bool splits_a_line(const RowGroup& g, double y) {
    for (const auto& [top, bottom] : g.lines) {
      if (top < y - 0.01 && bottom > y + 0.01) return true;
    }
    return false;
  }

  // Where to end a slice of `g` that starts at `from` and may be `avail` tall: the lowest row
  // boundary that cuts through no line of text, else the lowest such point inside a row (or
  // `from + avail` when a single line is taller than that).
  static double cut_point(const RowGroup& g, double from, double avail) {
    double limit = std::min(from + avail, g.height);
    if (limit >= g.height) return limit;
    for (auto it = g.row_tops.rbegin(); it != g.row_tops.rend(); ++it) {
      if (*it <= limit && *it > from + 1 && !splits_a_line(g, *it)) return *it;
    }
    double cut = limit;
    for (bool moved = true; moved;) {
      moved = false;
      for (const auto& [top, bottom] : g.lines) {
        if (top < cut - 0.01 && bottom > cut + 0.01) {
          cut = top;
          moved = true;
        }
      }
    }
    return cut > from + 1 ? cut : from + avail;
  }

  // Draws the part [from, to) of the group at y_ and moves y_ below it.
  void draw_slice(const RowGroup& g, double from, double to) {
    if (cr_) {
      double offset = y_ - from;
      cairo_set_line_width(cr_, 0.6);
      for (const RowGroup::Box& b : g.boxes) {
        double top = std::max(b.top, from), bottom = std::min(b.top + b.height, to);
        if (bottom <= top) continue;
        double x = geo_.left + b.x;
        // A cell cut by a page break shows its text in each part that has room for it, so a
        // row label spanning many rows is seen on every page it reaches.
        double text_top = b.text_top;
        bool cut = top > b.top || bottom < b.top + b.height;
        if (cut && b.text_height + 2 * kCellPadY <= bottom - top) text_top = top + (bottom - top - b.text_height) / 2;
        cairo_save(cr_);
        cairo_rectangle(cr_, x, offset + top, b.width, bottom - top);
        cairo_clip(cr_);
        cairo_move_to(cr_, x + kCellPadX, offset + text_top);
        pango_cairo_show_layout(cr_, b.layout.get());
        cairo_restore(cr_);
        cairo_rectangle(cr_, x, offset + top, b.width, bottom - top);
        cairo_stroke(cr_);
      }
    }
    y_ += to - from;
  }

  void table(const Table& t) {
    TableGrid grid(t);
    if (grid.rows() == 0 || grid.cols() == 0) return;
    std::vector<double> xs{0};
    for (double f : grid.column_fractions()) xs.push_back(xs.back() + f * geo_.content_width());

    LayoutPtr caption;
    double caption_height = 0;
    if (!t.caption.empty()) {
      caption = make_layout(t.caption, caption_font_.desc, geo_.content_width(), Align::kCenter);
      int h = 0;
      pango_layout_get_size(caption.get(), nullptr, &h);
      caption_height = pt(h) + 4;
    }
    RowGroup header;
    if (grid.header_rows() > 0) header = measure(grid, xs, 0, grid.header_rows());
    // A header taller than a third of the page is printed once, not on every page.
    bool repeat = header.height > 0 && header.height < content_height() / 3;

    int first_end = grid.header_rows() < grid.rows() ? grid.group_end(grid.header_rows()) : grid.rows();
    RowGroup group;
    if (first_end > grid.header_rows()) group = measure(grid, xs, grid.header_rows(), first_end);
    double lead = caption_height + header.height + std::min(group.height, 3 * kTableSize * 2.0);
    if (!page_empty() && room() < std::min(lead, content_height())) next_page();
    if (caption) {
      if (cr_) {
        cairo_move_to(cr_, geo_.left, y_);
        pango_cairo_show_layout(cr_, caption.get());
      }
      y_ += caption_height;
    }
    place_group(header, nullptr);

    for (int r = grid.header_rows(); r < grid.rows();) {
      int end = grid.group_end(r);
      if (r != grid.header_rows()) group = measure(grid, xs, r, end);
      place_group(group, repeat ? &header : nullptr);
      r = end;
    }
    y_ += 0.5 * kBodySize;
  }

  // A chart: its title as a caption like a table's, then the SVG drawn by librsvg as vector
  // graphics, as wide as the text (at most one point per SVG pixel) and kept whole on a page.
  void chart(const ChartBlock& c) {
    ChartImage image(c);
    double width = std::min(geo_.content_width(), image.width());
    double height = width * image.height() / image.width();
    if (height > content_height() * 0.8) {
      height = content_height() * 0.8;
      width = height * image.width() / image.height();
    }
    LayoutPtr caption;
    double caption_height = 0;
    if (!c.chart.title.empty()) {
      caption = make_layout(c.chart.title, caption_font_.desc, geo_.content_width(), Align::kCenter);
      int h = 0;
      pango_layout_get_size(caption.get(), nullptr, &h);
      caption_height = pt(h) + 4;
    }
    double before = 0.4 * kBodySize;
    if (!page_empty() && room() < before + caption_height + height) {
      next_page();
    } else if (!page_empty()) {
      y_ += before;
    }
    if (cr_ && caption) {
      cairo_move_to(cr_, geo_.left, y_);
      pango_cairo_show_layout(cr_, caption.get());
    }
    y_ += caption_height;
    if (cr_) image.draw(cr_, geo_.left + (geo_.content_width() - width) / 2, y_, width, height);
    y_ += height + 0.5 * kBodySize;
  }

  // Places a row group at y_: whole when it fits here; a small group that does not fit goes
  // whole to the next page; a large one is cut into slices (at row boundaries where it can be)
  // over as many pages as it takes rather than leave most of a page empty. `header` is
  // repeated at the top of each new page.
  void place_group(const RowGroup& g, const RowGroup* header) {
    if (g.height <= 0) return;
    double fresh = content_height() - (header ? header->height : 0);
    bool keep_together = g.height <= std::min(fresh, content_height() / 4);
    if (g.height > room() && (keep_together || room() < 3 * kTableSize * 1.45)) {
      table_page_break(header);
    }
    double from = 0;
    while (true) {
      double to = cut_point(g, from, room());
      draw_slice(g, from, to);
      from = to;
      if (from >= g.height - 0.01) break;
      table_page_break(header);
    }
  }

  void table_page_break(const RowGroup* header) {
    next_page();
    if (header) draw_slice(*header, 0, header->height);
  }

  const Document& doc_;
  PageGeometry geo_;
  PangoContext* ctx_;
  cairo_t* cr_;
  cairo_surface_t* surface_ = nullptr;
  int outline_[3] = {0, 0, 0};  // the latest outline entry of each heading level
  int total_pages_;
  int page_ = 0;
  double y_ = 0;
  FontDesc title_font_{kSerif, kTitleSize, true};
  FontDesc h2_font_{kSans, kBodySize, false};
  FontDesc h3_font_{kSerif, kBodySize, true};
  FontDesc body_font_{kSerif, kBodySize, false};
  FontDesc body_bold_font_{kSerif, kBodySize, true};
  FontDesc table_font_{kSerif, kTableSize, false};
  FontDesc table_bold_font_{kSans, kTableSize, true};
  FontDesc caption_font_{kSans, kCaptionSize, true};
  FontDesc footer_font_{kSerif, kFooterSize, false};
};

cairo_status_t append_bytes(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

// One pango context for both passes, with metrics unhinted so that measuring and drawing agree
// and the layout does not depend on the output device. The font map is the call's own and is
// released with it, so font caches do not outlive the document.
struct Context {
  PangoFontMap* map;
  PangoContext* ctx;
  Context() : map(pango_cairo_font_map_new()), ctx(pango_font_map_create_context(map)) {
    cairo_font_options_t* options = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options(ctx, options);
    cairo_font_options_destroy(options);
    pango_cairo_context_set_resolution(ctx, 72);  // 1 pango point = 1 PDF unit
    pango_context_set_language(ctx, pango_language_from_string("zh-cn"));
  }
  ~Context() {
    g_object_unref(ctx);
    g_object_unref(map);
  }
};

}  // namespace

#if defined(__SANITIZE_ADDRESS__)  // GCC
#define GK_PDF_ASAN 1
#elif defined(__has_feature)     // clang
#if __has_feature(address_sanitizer)
#define GK_PDF_ASAN 1
#endif
#endif

#ifdef GK_PDF_ASAN
// LeakSanitizer: cairo 1.16 leaks about 768 bytes per PDF while subsetting fonts in
// cairo_surface_finish, and fontconfig keeps its configuration for the process; neither is
// ours to free. Any binary that links the PDF writer gets these suppressions.
extern "C" const char* __lsan_default_suppressions() {
  return "leak:libcairo.so\nleak:libfontconfig.so\n";
}
#endif

std::string to_pdf(const Document& doc) {
  Context context;
  int pages = PdfWriter(doc, context.ctx, nullptr, 0).run();

  std::string out;
  PageGeometry geo = geometry(doc);
  cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(append_bytes, &out, geo.width, geo.height);
  std::string title = clean_text(doc.title);
  if (!title.empty()) cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Gongkai");
  cairo_t* cr = cairo_create(surface);
  cairo_set_source_rgb(cr, 0, 0, 0);
  PdfWriter(doc, context.ctx, cr, pages).run();
  cairo_status_t status = cairo_status(cr);
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  if (status == CAIRO_STATUS_SUCCESS) status = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (status != CAIRO_STATUS_SUCCESS) {
    throw std::runtime_error(std::string("PDF output failed: ") + cairo_status_to_string(status));
  }
  return out;
}

}  // namespace gongkai::render
