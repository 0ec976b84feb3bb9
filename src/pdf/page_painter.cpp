#include "pdf/page_painter.hpp"

#include "pdf/destinations.hpp"
#include "pdf/images.hpp"
#include "pdf/pdf_writer.hpp"

#include <algorithm>
#include <cmath>

namespace quorum::pdf {

namespace {

bool finite(double a, double b, double c, double d) {
    return std::isfinite(a) && std::isfinite(b) && std::isfinite(c) && std::isfinite(d);
}

HPDF_REAL channel(std::uint8_t value) { return static_cast<HPDF_REAL>(value / 255.0); }

HPDF_REAL real(double value) { return static_cast<HPDF_REAL>(value); }

// libharu takes integer dash lengths; patterns scale with the stroke so thick dotted
// borders still read as dots (CSS leaves the exact pattern to the user agent).
void set_dash(HPDF_Page page, layout::Line::Dash dash, double thickness) {
    const auto unit = static_cast<HPDF_UINT16>(std::clamp(std::lround(thickness), 1L, 1000L));
    if (dash == layout::Line::Dash::Dashed) {
        const HPDF_UINT16 pattern[2] = {static_cast<HPDF_UINT16>(unit * 3), static_cast<HPDF_UINT16>(unit * 3)};
        HPDF_Page_SetDash(page, pattern, 2, 0);
    } else if (dash == layout::Line::Dash::Dotted) {
        const HPDF_UINT16 pattern[2] = {unit, unit};
        HPDF_Page_SetDash(page, pattern, 2, 0);
    } else {
        HPDF_Page_SetDash(page, nullptr, 0, 0);
    }
}

}  // namespace

HPDF_Image ImageCache::image_for(const std::string& path) {
    if (auto found = images_.find(path); found != images_.end()) return found->second;
    const ImageKind kind = check_image(path);
    HPDF_Image image = kind == ImageKind::Png ? HPDF_LoadPngImageFromFile(document_.get(), path.c_str())
                                              : HPDF_LoadJpegImageFromFile(document_.get(), path.c_str());
    document_.check(path + ": cannot embed image");
    if (!image) throw PdfError{path + ": error: cannot embed image"};
    images_.emplace(path, image);
    return image;
}

void PagePainter::paint(const layout::Page& page, HPDF_Page target) {
    page_ = target;
    height_ = HPDF_Page_GetHeight(target);
    fill_set_ = stroke_set_ = false;
    paint_fills(page);
    paint_images(page);
    paint_lines(page);
    paint_text(page);
    add_links(page);
}

void PagePainter::set_fill(const layout::Color& color) {
    if (fill_set_ && color == fill_) return;
    HPDF_Page_SetRGBFill(page_, channel(color.r), channel(color.g), channel(color.b));
    fill_ = color;
    fill_set_ = true;
}

void PagePainter::set_stroke(const layout::Color& color) {
    if (stroke_set_ && color == stroke_) return;
    HPDF_Page_SetRGBStroke(page_, channel(color.r), channel(color.g), channel(color.b));
    stroke_ = color;
    stroke_set_ = true;
}

void PagePainter::paint_fills(const layout::Page& page) {
    for (const layout::FilledRect& fill : page.fills) {
        if (fill.color.transparent() || !finite(fill.x, fill.y, fill.width, fill.height)) continue;
        if (fill.width <= 0 || fill.height <= 0) continue;
        set_fill(fill.color);
        HPDF_Page_Rectangle(page_, real(fill.x), real(flip(fill.y + fill.height)), real(fill.width), real(fill.height));
        HPDF_Page_Fill(page_);
    }
}

void PagePainter::paint_images(const layout::Page& page) {
    for (const layout::Image& image : page.images) {
        if (!finite(image.x, image.y, image.width, image.height) || image.width <= 0 || image.height <= 0) continue;
        HPDF_Image loaded = images_.image_for(image.path);
        HPDF_Page_DrawImage(page_, loaded, real(image.x), real(flip(image.y + image.height)), real(image.width),
                            real(image.height));
    }
}

void PagePainter::paint_lines(const layout::Page& page) {
    double width = -1;
    auto dash = layout::Line::Dash::Solid;
    for (const layout::Line& line : page.lines) {
        if (line.color.transparent() || line.thickness <= 0 || !finite(line.x1, line.y1, line.x2, line.y2)) continue;
        set_stroke(line.color);
        if (line.thickness != width) HPDF_Page_SetLineWidth(page_, real(line.thickness));
        if (line.dash != dash || (line.dash != layout::Line::Dash::Solid && line.thickness != width))
            set_dash(page_, line.dash, line.thickness);
        width = line.thickness;
        dash = line.dash;
        HPDF_Page_MoveTo(page_, real(line.x1), real(flip(line.y1)));
        HPDF_Page_LineTo(page_, real(line.x2), real(flip(line.y2)));
        HPDF_Page_Stroke(page_);
    }
}

void PagePainter::paint_text(const layout::Page& page) {
    if (page.runs.empty()) return;
    HPDF_Page_BeginText(page_);
    const fonts::Face* face = nullptr;
    double size = -1;
    for (const layout::GlyphRun& run : page.runs) {
        if (!run.face || run.text.empty() || run.color.transparent() || !finite(run.x, run.baseline, run.font_size, 0))
            continue;
        if (run.font_size <= 0) continue;
        if (run.face != face || run.font_size != size) {
            HPDF_Page_SetFontAndSize(page_, fonts_.font_for(*run.face), real(run.font_size));
            face = run.face;
            size = run.font_size;
        }
        set_fill(run.color);
        const char* text = fonts_.prepare_text(*run.face, run.text, scratch_);
        if (*text) HPDF_Page_TextOut(page_, real(run.x), real(flip(run.baseline)), text);
    }
    HPDF_Page_EndText(page_);
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
