#include "pdf/page_painter.hpp"

#include "pdf/destinations.hpp"
#include "pdf/images.hpp"
#include "pdf/pdf_writer.hpp"

#include <hpdf_pages.h>

#include <algorithm>
#include <cmath>

namespace quorum::pdf {

namespace {

bool finite(double a, double b, double c, double d) {
    return std::isfinite(a) && std::isfinite(b) && std::isfinite(c) && std::isfinite(d);
}

HPDF_REAL real(double value) { return static_cast<HPDF_REAL>(value); }

// Text positions in hundredths of a point: Td moves are differences of these integers,
// so rounding never accumulates along a line of words.
std::int64_t hundredths(double value) { return std::llround(value * 100); }

}  // namespace

std::string PagePainter::paint(const layout::Page& page, HPDF_Page target) {
    page_ = target;
    height_ = HPDF_Page_GetHeight(target);
    fill_set_ = stroke_set_ = false;
    line_width_ = -1;
    dash_ = layout::Line::Dash::Solid;
    content_.clear();
    paint_fills(page);
    paint_images(page);
    paint_lines(page);
    paint_text(page);
    add_links(page);
    return content_.take();
}

void PagePainter::set_fill(const layout::Color& color) {
    if (fill_set_ && color == fill_) return;
    content_.rgb(color.r, color.g, color.b, "rg");
    fill_ = color;
    fill_set_ = true;
}

void PagePainter::set_stroke(const layout::Color& color) {
    if (stroke_set_ && color == stroke_) return;
    content_.rgb(color.r, color.g, color.b, "RG");
    stroke_ = color;
    stroke_set_ = true;
}

// Dashes scale with the stroke. Dotted borders are round dots (zero-length dashes with
// round caps), as browsers draw them; CSS leaves the exact pattern to the user agent.
void PagePainter::set_line_style(double thickness, layout::Line::Dash dash) {
    const bool width_changed = thickness != line_width_;
    if (width_changed) content_.number(thickness).space().op("w");
    if (dash == dash_ && (!width_changed || dash == layout::Line::Dash::Solid)) {
        line_width_ = thickness;
        return;
    }
    switch (dash) {
        case layout::Line::Dash::Solid: content_.op("[] 0 d 0 J"); break;
        case layout::Line::Dash::Dashed:
            content_.raw("[").number(thickness * 3).space().number(thickness * 3).op("] 0 d 0 J");
            break;
        case layout::Line::Dash::Dotted:
            content_.raw("[0 ").number(thickness * 2).op("] 0 d 1 J");
            break;
    }
    line_width_ = thickness;
    dash_ = dash;
}

void PagePainter::paint_fills(const layout::Page& page) {
    for (const layout::FilledRect& fill : page.fills) {
        if (fill.color.transparent() || !finite(fill.x, fill.y, fill.width, fill.height)) continue;
        if (fill.width <= 0 || fill.height <= 0) continue;
        set_fill(fill.color);
        content_.number(fill.x).space().number(flip(fill.y + fill.height)).space();
        content_.number(fill.width).space().number(fill.height).op(" re f");
    }
}

void PagePainter::paint_images(const layout::Page& page) {
    for (const layout::Image& image : page.images) {
        if (!finite(image.x, image.y, image.width, image.height) || image.width <= 0 || image.height <= 0) continue;
        HPDF_Image loaded = images_.image_for(image.path);
        const char* name = HPDF_Page_GetXObjectName(page_, loaded);  // adds it to the page's resources
        content_.raw("q ").number(image.width).raw(" 0 0 ").number(image.height).space();
        content_.number(image.x).space().number(flip(image.y + image.height)).raw(" cm /").raw(name).op(" Do Q");
    }
}

void PagePainter::paint_lines(const layout::Page& page) {
    for (const layout::Line& line : page.lines) {
        if (line.color.transparent() || !(line.thickness > 0) || !finite(line.x1, line.y1, line.x2, line.y2)) continue;
        set_stroke(line.color);
        set_line_style(line.thickness, line.dash);
        content_.number(line.x1).space().number(flip(line.y1)).raw(" m ");
        content_.number(line.x2).space().number(flip(line.y2)).op(" l S");
    }
}

// Runs that share a baseline, face, size and colour (justified lines come one run per
// word) go into one TJ array: each word is placed by a kerning adjustment computed from
// the pen position the reader will have (the font's /W widths), so words land where
// layout put them, to 1/1000 em, in far fewer bytes than a Td per word.
void PagePainter::paint_text(const layout::Page& page) {
    const fonts::Face* face = nullptr;
    double size = -1;
    std::int64_t line_x = 0, line_y = 0;  // origin of the current text line (Td is relative to it)
    bool in_text = false, in_array = false;
    double pen = 0;  // where the reader's pen is inside the open TJ array, pt
    auto close_array = [&] {
        if (in_array) content_.op("] TJ");
        in_array = false;
    };
    for (const layout::GlyphRun& run : page.runs) {
        if (!run.face || run.text.empty() || run.color.transparent() || !finite(run.x, run.baseline, run.font_size, 0))
            continue;
        if (!(run.font_size > 0)) continue;
        const std::int64_t x = hundredths(run.x), y = hundredths(flip(run.baseline));
        const bool continues = in_array && run.face == face && run.font_size == size && y == line_y &&
                               run.color == fill_ && run.x >= pen - run.font_size;
        if (!continues) {
            close_array();
            if (!in_text) {
                content_.op("BT");
                in_text = true;
            }
            if (run.face != face || run.font_size != size) {
                const char* name = HPDF_Page_GetLocalFontName(page_, fonts_.font_for(*run.face));  // adds it to the page's resources
                content_.raw("/").raw(name).space().number(run.font_size).op(" Tf");
                face = run.face;
                size = run.font_size;
            }
            set_fill(run.color);
            content_.number(static_cast<double>(x - line_x) / 100).space().number(static_cast<double>(y - line_y) / 100).raw(" Td [");
            line_x = x;
            line_y = y;
            pen = static_cast<double>(x) / 100;
            in_array = true;
        } else {
            const std::int64_t adjustment = std::llround((pen - run.x) * 1000 / size);
            if (adjustment != 0) content_.number(static_cast<double>(adjustment), 0);
            pen -= static_cast<double>(adjustment) * size / 1000;
        }
        pen += static_cast<double>(fonts_.append_text(*run.face, run.text, content_)) * size / 1000;
    }
    close_array();
    if (in_text) content_.op("ET");
}

void PagePainter::add_links(const layout::Page& page) {
    for (const layout::Link& link : page.links) {
        if (!finite(link.x, link.y, link.width, link.height)) continue;
        const HPDF_Rect rect{real(link.x), real(flip(link.y + link.height)), real(link.x + link.width), real(flip(link.y))};
        HPDF_Annotation annotation = nullptr;
        if (!link.uri.empty()) {
            annotation = HPDF_Page_CreateURILinkAnnot(page_, rect, link.uri.c_str());
        } else if (!link.target_id.empty()) {
            const auto found = targets_.anchors->find(link.target_id);
            if (found == targets_.anchors->end()) continue;  // layout has warned about the dangling #id
            const layout::Anchor& anchor = *found->second;
            if (anchor.page < 0 || static_cast<std::size_t>(anchor.page) >= targets_.pages->size()) continue;
            HPDF_Page target = (*targets_.pages)[static_cast<std::size_t>(anchor.page)];
            HPDF_Destination destination = destination_at(document_.get(), target, HPDF_Page_GetHeight(target) - anchor.y);
            annotation = HPDF_Page_CreateLinkAnnot(page_, rect, destination);
        }
        if (annotation) HPDF_LinkAnnot_SetBorderStyle(annotation, 0, 0, 0);  // links are styled by CSS, not boxed
    }
}

}  // namespace quorum::pdf
