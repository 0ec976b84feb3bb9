// The layout stage's entry point: a styled document in, positioned pages out.
#pragma once

#include "document/document.hpp"
#include "fonts/fonts.hpp"
#include "layout/pages.hpp"
#include "style/cascade.hpp"

namespace quorum::layout {

struct LayoutOptions {
    int max_passes = 4;  // target-counter()/counter(pages) re-layout until page numbers are stable
    // Pages of different content widths: re-layout until every line is set in its page's width.
    int max_width_passes = 10;
};

// Lays the document out in pages. Never throws for odd input (unknown elements,
// over-wide tables, huge words): it warns in the result and renders something sane.
// Throws fonts::FontError when no usable font exists.
LaidOutDocument lay_out(const document::Document& doc, const style::Cascade& cascade,
                        const fonts::FontCatalogue& fonts, const LayoutOptions& options = {});

// The same, freeing the document as soon as its boxes are built: the box tree holds all
// layout needs, and the document tree would otherwise stay in memory through every pass.
LaidOutDocument lay_out(document::Document&& doc, const style::Cascade& cascade,
                        const fonts::FontCatalogue& fonts, const LayoutOptions& options = {});

}  // namespace quorum::layout
