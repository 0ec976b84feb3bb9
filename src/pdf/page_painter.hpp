// Draws one laid-out page's marks onto a libharu page (y flipped: layout's origin is top-left).
#pragma once

#include "layout/pages.hpp"
#include "pdf/content_stream.hpp"
#include "pdf/embedded_fonts.hpp"
#include "pdf/images.hpp"
#include "pdf/hpdf_document.hpp"

#include <string>
#include <unordered_map>
#include <vector>

namespace quorum::pdf {

struct PageTargets {
    const std::vector<HPDF_Page>* pages;                              // every page, for link destinations
    const std::unordered_map<std::string, const layout::Anchor*>* anchors;  // element id -> anchor
};

class PagePainter {
public:
    PagePainter(HpdfDocument& document, EmbeddedFonts& fonts, ImageCache& images, PageTargets targets)
        : document_(document), fonts_(fonts), images_(images), targets_(targets) {}

    // Registers the page's resources and annotations on `target` and returns its content
    // stream (uncompressed): the caller compresses it, possibly on another thread.
    std::string paint(const layout::Page& page, HPDF_Page target);

private:
    void paint_fills(const layout::Page& page);
    void paint_images(const layout::Page& page);
    void paint_lines(const layout::Page& page);
    void paint_text(const layout::Page& page);
    void add_links(const layout::Page& page);
    void set_fill(const layout::Color& color);
    void set_stroke(const layout::Color& color);
    void set_line_style(double thickness, layout::Line::Dash dash);
    double flip(double y) const { return height_ - y; }

    HpdfDocument& document_;
    EmbeddedFonts& fonts_;
    ImageCache& images_;
    PageTargets targets_;
    HPDF_Page page_ = nullptr;
    double height_ = 0;
    ContentStream content_;  // reused from page to page: no allocation per run
    // What the page's graphics state already holds, to skip redundant operators.
    layout::Color fill_{}, stroke_{};
    bool fill_set_ = false, stroke_set_ = false;
    double line_width_ = -1;
    layout::Line::Dash dash_ = layout::Line::Dash::Solid;
};

}  // namespace quorum::pdf
