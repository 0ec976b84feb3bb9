#include "style/computed_values.hpp"

#include <algorithm>
#include <cmath>

namespace quorum::style {
namespace {

using U = SpecifiedLength::Unit;

// Lengths in em resolve against `em` (the element's font size; the parent's for font-size).
Length to_length(const SpecifiedLength& l, double em, double rem) {
    switch (l.unit) {
        case U::Pt: return Length::pt(l.value);
        case U::Em: return Length::pt(l.value * em);
        case U::Rem: return Length::pt(l.value * rem);
        case U::Percent: return Length::percent(l.value);
        case U::Auto: return Length::automatic();
    }
    return {};
}

double to_pt(const SpecifiedLength& l, double em, double rem, double percent_base = 0) {
    Length len = to_length(l, em, rem);
    return len.resolve(percent_base, 0);
}

int rounded_weight(double w) { return std::clamp(static_cast<int>(std::lround(w / 100.0)) * 100, 100, 900); }

int bolder(int parent) { return parent < 400 ? 400 : parent < 600 ? 700 : 900; }
int lighter(int parent) { return parent < 600 ? 100 : parent < 800 ? 400 : 700; }

Border* border_side(ComputedStyle& s, int side) {
    Border* sides[4] = {&s.border_top, &s.border_right, &s.border_bottom, &s.border_left};
    return sides[side];
}
const Border* border_side(const ComputedStyle& s, int side) {
    const Border* sides[4] = {&s.border_top, &s.border_right, &s.border_bottom, &s.border_left};
    return sides[side];
}
Length* margin_side(ComputedStyle& s, int side) {
    Length* sides[4] = {&s.margin_top, &s.margin_right, &s.margin_bottom, &s.margin_left};
    return sides[side];
}
const Length& margin_side(const ComputedStyle& s, int side) {
    const Length* sides[4] = {&s.margin_top, &s.margin_right, &s.margin_bottom, &s.margin_left};
    return *sides[side];
}
Length* padding_side(ComputedStyle& s, int side) {
    Length* sides[4] = {&s.padding_top, &s.padding_right, &s.padding_bottom, &s.padding_left};
    return sides[side];
}
const Length& padding_side(const ComputedStyle& s, int side) {
    const Length* sides[4] = {&s.padding_top, &s.padding_right, &s.padding_bottom, &s.padding_left};
    return *sides[side];
}

int side_of(Property p, Property first) { return static_cast<int>(p) - static_cast<int>(first); }

// `inherit` and `initial`: copy the property's computed value from `from`.
void copy_property(Property p, ComputedStyle& to, const ComputedStyle& from) {
    using P = Property;
    switch (p) {
        case P::FontFamily: to.font_family = from.font_family; break;
        case P::FontSize: to.font_size = from.font_size; break;
        case P::FontWeight: to.font_weight = from.font_weight; break;
        case P::FontStyle: to.font_style = from.font_style; break;
        case P::LineHeight:
            to.line_height_factor = from.line_height_factor;
            to.line_height_pt = from.line_height_pt;
            break;
        case P::Color: to.color = from.color; break;
        case P::TextAlign: to.text_align = from.text_align; break;
        case P::TextIndent: to.text_indent = from.text_indent; break;
        case P::TextTransform: to.text_transform = from.text_transform; break;
        case P::WhiteSpace: to.white_space = from.white_space; break;
        case P::Hyphens: to.hyphens = from.hyphens; break;
        case P::OverflowWrap: to.overflow_wrap = from.overflow_wrap; break;
        case P::ListStyleType: to.list_style_type = from.list_style_type; break;
        case P::ListStylePosition: to.list_style_position = from.list_style_position; break;
        case P::BorderCollapse: to.border_collapse = from.border_collapse; break;
        case P::BorderSpacing:
            to.border_spacing_h = from.border_spacing_h;
            to.border_spacing_v = from.border_spacing_v;
            break;
        case P::Orphans: to.orphans = from.orphans; break;
        case P::Widows: to.widows = from.widows; break;
        case P::Display: to.display = from.display; break;
        case P::TextDecoration:
            to.underline = from.underline;
            to.line_through = from.line_through;
            break;
        case P::VerticalAlign: to.vertical_align = from.vertical_align; break;
        case P::BackgroundColor: to.background_color = from.background_color; break;
        case P::MarginTop: case P::MarginRight: case P::MarginBottom: case P::MarginLeft: {
            int side = side_of(p, P::MarginTop);
            *margin_side(to, side) = margin_side(from, side);
            break;
        }
        case P::PaddingTop: case P::PaddingRight: case P::PaddingBottom: case P::PaddingLeft: {
            int side = side_of(p, P::PaddingTop);
            *padding_side(to, side) = padding_side(from, side);
            break;
        }
        case P::BorderTopWidth: case P::BorderRightWidth: case P::BorderBottomWidth: case P::BorderLeftWidth: {
            int side = side_of(p, P::BorderTopWidth);
            border_side(to, side)->width = border_side(from, side)->width;
            break;
        }
        case P::BorderTopStyle: case P::BorderRightStyle: case P::BorderBottomStyle: case P::BorderLeftStyle: {
            int side = side_of(p, P::BorderTopStyle);
            border_side(to, side)->style = border_side(from, side)->style;
            break;
        }
        case P::BorderTopColor: case P::BorderRightColor: case P::BorderBottomColor: case P::BorderLeftColor: {
            int side = side_of(p, P::BorderTopColor);
            border_side(to, side)->color = border_side(from, side)->color;
            break;
        }
        case P::Width: to.width = from.width; break;
        case P::MinWidth: to.min_width = from.min_width; break;
        case P::MaxWidth: to.max_width = from.max_width; break;
        case P::Height: to.height = from.height; break;
        case P::TableLayout: to.table_layout = from.table_layout; break;
        case P::BreakBefore: to.break_before = from.break_before; break;
        case P::BreakAfter: to.break_after = from.break_after; break;
        case P::BreakInside: to.break_inside = from.break_inside; break;
        case P::Page: to.page = from.page; break;
        case P::CounterReset: to.counter_reset = from.counter_reset; break;
        case P::CounterIncrement: to.counter_increment = from.counter_increment; break;
        case P::StringSet: to.string_set = from.string_set; break;
        case P::Content: to.content = from.content; break;
        case P::Size: case P::Count: break;
    }
}

void apply_font_size(const Value& v, ComputedStyle& s, const ComputedStyle& parent, double rem) {
    double size = v.length.unit == U::Percent ? parent.font_size * v.length.value / 100
                                              : to_pt(v.length, parent.font_size, rem);
    s.font_size = std::clamp(size, 0.0, 10000.0);
}

void apply_line_height(const Value& v, ComputedStyle& s, double rem) {
    s.line_height_factor.reset();
    s.line_height_pt.reset();
    if (v.kind == Value::Kind::Number) s.line_height_factor = v.number;
    else if (v.kind == Value::Kind::Length)
        s.line_height_pt = v.length.unit == U::Percent ? s.font_size * v.length.value / 100
                                                       : to_pt(v.length, s.font_size, rem);
}

template <typename E>
E as(const Value& v) { return static_cast<E>(v.keyword); }

}  // namespace

const ComputedStyle& initial_style() {
    static const ComputedStyle initial;
    return initial;
}

ComputedStyle inherited_from(const ComputedStyle* parent) {
    ComputedStyle s = parent ? *parent : ComputedStyle{};
    const ComputedStyle& i = initial_style();
    // Everything below the "Not inherited" line in computed_style.hpp.
    s.display = i.display;
    s.vertical_align = i.vertical_align;
    s.background_color = i.background_color;
    s.margin_top = s.margin_right = s.margin_bottom = s.margin_left = Length{};
    s.padding_top = s.padding_right = s.padding_bottom = s.padding_left = Length{};
    // border-width's initial value is `medium`, so "border-style: solid" alone draws a
    // 3px border; finish_borders() zeroes the width of sides whose style stays none.
    s.border_top = s.border_right = s.border_bottom = s.border_left = Border{2.25, BorderStyle::None, {}};
    s.width = i.width;
    s.min_width = i.min_width;
    s.max_width = i.max_width;
    s.height = i.height;
    s.table_layout = i.table_layout;
    s.break_before = s.break_after = Break::Auto;
    s.break_inside = BreakInside::Auto;
    s.page.clear();
    s.counter_reset.clear();
    s.counter_increment.clear();
    s.string_set.clear();
    s.content.clear();
    s.column_span = s.row_span = 1;
    return s;
}

void apply_value(Property p, const Value& v, ComputedStyle& s, const ComputedStyle& parent, double rem) {
    using P = Property;
    using K = Value::Kind;
    if (v.kind == K::Inherit) return copy_property(p, s, parent);
    if (v.kind == K::Initial) return copy_property(p, s, initial_style());
    const double em = s.font_size;
    switch (p) {
        case P::FontFamily: s.font_family = v.strings; break;
        case P::FontSize: apply_font_size(v, s, parent, rem); break;
        case P::FontWeight:
            if (v.kind == K::Number) s.font_weight = rounded_weight(v.number);
            else s.font_weight = v.keyword == special::bolder ? bolder(parent.font_weight) : lighter(parent.font_weight);
            break;
        case P::FontStyle: s.font_style = as<FontStyle>(v); break;
        case P::LineHeight: apply_line_height(v, s, rem); break;
        case P::Color: s.color = v.color; break;
        case P::TextAlign: s.text_align = as<TextAlign>(v); break;
        case P::TextIndent: s.text_indent = to_pt(v.length, em, rem); break;
        case P::TextTransform: s.text_transform = as<TextTransform>(v); break;
        case P::WhiteSpace: s.white_space = as<WhiteSpace>(v); break;
        case P::Hyphens: s.hyphens = as<Hyphens>(v); break;
        case P::OverflowWrap: s.overflow_wrap = as<OverflowWrap>(v); break;
        case P::ListStyleType: s.list_style_type = as<ListStyleType>(v); break;
        case P::ListStylePosition: s.list_style_position = as<ListStylePosition>(v); break;
        case P::BorderCollapse: s.border_collapse = as<BorderCollapse>(v); break;
        case P::BorderSpacing:
            s.border_spacing_h = to_pt(v.length, em, rem);
            s.border_spacing_v = to_pt(v.length2, em, rem);
            break;
        case P::Orphans: s.orphans = static_cast<int>(std::min(v.number, 1000.0)); break;
        case P::Widows: s.widows = static_cast<int>(std::min(v.number, 1000.0)); break;
        case P::Display: s.display = as<Display>(v); break;
        case P::TextDecoration:  // propagated decorations from ancestors stay (the cascade ORs them in)
            s.underline = (v.keyword & 1) != 0;
            s.line_through = (v.keyword & 2) != 0;
            break;
        case P::VerticalAlign: s.vertical_align = as<VerticalAlign>(v); break;
        case P::BackgroundColor:
            if (v.kind == K::Color) s.background_color = v.color;
            else s.background_color = s.color;  // currentColor
            break;
        case P::MarginTop: case P::MarginRight: case P::MarginBottom: case P::MarginLeft:
            *margin_side(s, side_of(p, P::MarginTop)) = to_length(v.length, em, rem);
            break;
        case P::PaddingTop: case P::PaddingRight: case P::PaddingBottom: case P::PaddingLeft:
            *padding_side(s, side_of(p, P::PaddingTop)) = to_length(v.length, em, rem);
            break;
        case P::BorderTopWidth: case P::BorderRightWidth: case P::BorderBottomWidth: case P::BorderLeftWidth:
            border_side(s, side_of(p, P::BorderTopWidth))->width = to_pt(v.length, em, rem);
            break;
        case P::BorderTopStyle: case P::BorderRightStyle: case P::BorderBottomStyle: case P::BorderLeftStyle:
            border_side(s, side_of(p, P::BorderTopStyle))->style = as<BorderStyle>(v);
            break;
        case P::BorderTopColor: case P::BorderRightColor: case P::BorderBottomColor: case P::BorderLeftColor:
            if (v.kind == K::Color) border_side(s, side_of(p, P::BorderTopColor))->color = v.color;
            break;  // currentColor is resolved in finish_borders, once `color` is known
        case P::Width: s.width = to_length(v.length, em, rem); break;
        case P::MinWidth: s.min_width = v.length.unit == U::Auto ? Length{} : to_length(v.length, em, rem); break;
        case P::MaxWidth: s.max_width = to_length(v.length, em, rem); break;
        case P::Height: s.height = to_length(v.length, em, rem); break;
        case P::TableLayout: s.table_layout = as<TableLayout>(v); break;
        case P::BreakBefore: s.break_before = as<Break>(v); break;
        case P::BreakAfter: s.break_after = as<Break>(v); break;
        case P::BreakInside: s.break_inside = as<BreakInside>(v); break;
        case P::Page: s.page = v.kind == K::List && !v.strings.empty() ? v.strings[0] : std::string(); break;
        case P::CounterReset: s.counter_reset = v.counters; break;
        case P::CounterIncrement: s.counter_increment = v.counters; break;
        case P::StringSet: s.string_set = v.string_sets; break;
        case P::Content: s.content = v.content; break;
        case P::Size: case P::Count: break;
    }
}

void finish_borders(ComputedStyle& s, const CurrentColorBorders& current) {
    for (int side = 0; side < 4; ++side) {
        Border* b = border_side(s, side);
        if (current.side[side]) b->color = s.color;
        if (b->style == BorderStyle::None) b->width = 0;
    }
}

}  // namespace quorum::style
