// What the layout tests share: the real font catalogue and hyphenator (loaded once per
// test executable), and the small builders for inline text and paragraph styles.
#pragma once

#include "fonts/fonts.hpp"
#include "layout/hyphenate.hpp"
#include "layout/inline.hpp"
#include "style/computed_style.hpp"

#include <string>

namespace quorum::layout_test {

inline const fonts::FontCatalogue& catalogue() {
    static const fonts::FontCatalogue fonts = fonts::FontCatalogue::load(QUORUM_SOURCE_DIR "/fonts/catalogue.json");
    return fonts;
}

inline const layout::Hyphenator& hyphenator() {
    static const layout::Hyphenator h;
    return h;
}

// A block of Liberation Sans text in British English.
inline style::ComputedStyle paragraph_style(style::TextAlign align, double font_size, double line_height_factor) {
    style::ComputedStyle s;
    s.display = style::Display::Block;
    s.font_family = {"Liberation Sans"};
    s.font_size = font_size;
    s.line_height_factor = line_height_factor;
    s.text_align = align;
    s.lang = "en-GB";
    return s;
}

inline layout::InlineItem text(const std::string& t, const style::ComputedStyle* s) {
    layout::InlineItem i;
    i.kind = layout::InlineItem::Kind::Text;
    i.style = s;
    i.text = t;
    return i;
}

}  // namespace quorum::layout_test
