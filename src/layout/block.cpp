// Block layout: boxes -> slices (see block.hpp and boxes.hpp).
#include "layout/block.hpp"
#include "layout/knuth_plass.hpp"

#include "layout/page_widths.hpp"
#include "layout/paginate.hpp"
#include "layout/table.hpp"

#include <algorithm>
#include <cmath>

namespace quorum::layout {

using style::ComputedStyle;

// ---------------------------------------------------------------------------------------
// FlowBuilder
// ---------------------------------------------------------------------------------------

void FlowBuilder::add_margin(double margin, bool trailing) {
    if (!has_margin_) margin_insert_at_ = flow_.size();
    has_margin_ = true;
    // Collapsed margins: the largest positive plus the most negative (CSS 2 §8.3.1).
    double& positive = trailing ? bottom_positive_ : top_positive_;
    double& negative = trailing ? bottom_negative_ : top_negative_;
    positive = std::max(positive, margin);
    negative = std::min(negative, margin);
}

void FlowBuilder::flush_margin() {
    if (!has_margin_) return;
    const double height = pending_margin();
    has_margin_ = false;
    top_positive_ = top_negative_ = bottom_positive_ = bottom_negative_ = 0;
    if (height == 0) return;
    Slice space;
    space.kind = Slice::Kind::Space;
    space.height = height;
    // Before any zero-height Opens that followed the margin: the collapsed margin lies
    // outside those boxes, so their backgrounds start below it.
    const auto at = std::min(margin_insert_at_, flow_.size());
    // The margin sits in the break opportunity between the boxes: it is avoided when that
    // break is (a heading's break-after: avoid must not break at its bottom margin).
    space.avoid_break_before = avoid_inside_ > 0 || (at < flow_.size() ? flow_[at].avoid_break_before : avoid_next_);
    flow_.insert(flow_.begin() + static_cast<std::ptrdiff_t>(at), std::move(space));
}

void FlowBuilder::flush_break() {
    if (wanted_page_name_ != page_name_) {
        if (!has_break_) break_kind_ = style::Break::Page;
        has_break_ = true;
        page_name_ = wanted_page_name_;
    }
    if (!has_break_) return;
    has_break_ = false;
    Slice brk;
    brk.kind = Slice::Kind::Break;
    brk.edit().forced = break_kind_;
    brk.edit().page_name = page_name_;
    // CSS Fragmentation §5.2: the bottom margins before a forced break are truncated; the
    // top margins after it are kept at the top of the new page (the Planner keeps Space
    // slices on a page that starts with a forced break). Before anything visible the
    // break starts no page, and every margin is kept.
    if (visible_) bottom_positive_ = bottom_negative_ = 0;
    if (has_margin_) {
        // The break sits where the pending margins began: before the zero-height Opens of
        // the boxes whose top margins collapse with them (a first child's break-before
        // breaks before its parents too), so those boxes and their margins start the new
        // page. The margins' Space goes after the break.
        const auto at = std::min(margin_insert_at_, flow_.size());
        flow_.insert(flow_.begin() + static_cast<std::ptrdiff_t>(at), std::move(brk));
        margin_insert_at_ = at + 1;
    } else {
        flow_.push_back(std::move(brk));
    }
    avoid_next_ = avoid_after_ = false;
}

void FlowBuilder::push(Slice slice) {
    if (avoid_next_ || avoid_inside_ > 0) slice.avoid_break_before = true;
    if (slice.width_tag == 0) slice.width_tag = next_tag_;
    next_tag_ = 0;
    if (slice.kind == Slice::Kind::Content || slice.height > 0) visible_ = true;
    avoid_next_ = avoid_after_ = false;
    flow_.push_back(std::move(slice));
}

void FlowBuilder::add_content(Slice slice) {
    flush_break();
    flush_margin();
    slice.kind = Slice::Kind::Content;
    // The whole flow is held until pagination: drop the slack push_back left in its marks.
    slice.marks.fills.shrink_to_fit();
    slice.marks.lines.shrink_to_fit();
    slice.marks.runs.shrink_to_fit();
    push(std::move(slice));
}

void FlowBuilder::open(Decoration decoration, double top_insets, std::vector<FlowAnchor> anchors,
                       std::vector<std::pair<std::string, std::string>> string_sets) {
    flush_break();
    if (top_insets > 0) flush_margin();
    Slice slice;
    slice.kind = Slice::Kind::Open;
    slice.height = top_insets;
    // Most blocks draw nothing of their own and have no id: their Open slice stays small.
    if (decoration.draws_anything()) slice.edit().decoration = std::move(decoration);
    if (!anchors.empty()) slice.edit().anchors = std::move(anchors);
    if (!string_sets.empty()) slice.edit().string_sets = std::move(string_sets);
    push(std::move(slice));
    // Breaking right after a box's top edge would leave an empty fragment behind.
    avoid_next_ = true;
}

void FlowBuilder::close(double bottom_insets) {
    if (bottom_insets > 0) flush_margin();
    Slice slice;
    slice.kind = Slice::Kind::Close;
    slice.height = bottom_insets;
    // A box's bottom edge stays with its last content.
    slice.avoid_break_before = true;
    if (has_margin_ && margin_insert_at_ == flow_.size()) {
        // A last child's bottom margin collapses through this box's bottom (no border or
        // padding there): the box ends above the margin, so its background stops there.
        ++margin_insert_at_;
    }
    if (slice.height > 0) visible_ = true;
    flow_.push_back(std::move(slice));
    // <div><h3 style="break-after: avoid"/></div><table/>: the heading's break-after is the
    // div's too, so the break before the table stays avoided.
    avoid_next_ = avoid_after_;
}

void FlowBuilder::forced_break(style::Break kind) {
    // Several forced breaks at one point are one break; a left/right wins over page.
    if (!has_break_ || kind != style::Break::Page) break_kind_ = kind;
    has_break_ = true;
}

// ---------------------------------------------------------------------------------------
// Widths
// ---------------------------------------------------------------------------------------
namespace {

bool is_forced(style::Break b) { return b != style::Break::Auto && b != style::Break::Avoid; }

struct UsedWidths {
    double margin_left = 0, margin_right = 0;
    double border_box_x = 0, border_box_width = 0;  // relative to the containing block's x
    double content_x = 0, content_width = 0;
};

double border_and_padding(const ComputedStyle& s, double containing_width) {
    return s.border_left.width * s.border_left.visible() + s.border_right.width * s.border_right.visible() +
           s.padding_left.resolve(containing_width) + s.padding_right.resolve(containing_width);
}

// CSS 2 §10.3.3 for block-level, non-replaced boxes in normal flow (plus min/max-width).
UsedWidths used_widths(const ComputedStyle& s, double containing_width) {
    const double insets = border_and_padding(s, containing_width);
    double ml = s.margin_left.resolve(containing_width), mr = s.margin_right.resolve(containing_width);
    double width = s.width.is_auto() ? containing_width - ml - mr - insets : s.width.resolve(containing_width);
    if (!s.max_width.is_auto()) width = std::min(width, s.max_width.resolve(containing_width));
    width = std::max(width, s.min_width.resolve(containing_width));
    width = std::max(width, 0.0);
    if (!s.width.is_auto() || !s.max_width.is_auto()) {
        const double free = containing_width - width - insets;
        if (s.margin_left.is_auto() && s.margin_right.is_auto()) ml = mr = std::max(free / 2, 0.0);
        else if (s.margin_left.is_auto()) ml = free - mr;
        else if (s.margin_right.is_auto()) mr = free - ml;
    }
    UsedWidths u;
    u.margin_left = ml;
    u.margin_right = mr;
    u.border_box_x = ml;
    u.border_box_width = width + insets;
    u.content_x = ml + (s.border_left.visible() ? s.border_left.width : 0) + s.padding_left.resolve(containing_width);
    u.content_width = width;
    return u;
}

double top_insets(const ComputedStyle& s, double containing_width) {
    return (s.border_top.visible() ? s.border_top.width : 0) + s.padding_top.resolve(containing_width);
}

double bottom_insets(const ComputedStyle& s, double containing_width) {
    return (s.border_bottom.visible() ? s.border_bottom.width : 0) + s.padding_bottom.resolve(containing_width);
}

// Pages of different widths: an auto-width box is as wide as the page it is on allows.
bool width_follows_page(const ComputedStyle& s) { return s.width.is_auto() && s.max_width.is_auto(); }

Decoration decoration_of(const ComputedStyle& s, double x, double width) {
    Decoration d;
    d.x = x;
    d.width = width;
    d.background = s.background_color;
    d.top = s.border_top;
    d.right = s.border_right;
    d.bottom = s.border_bottom;
    d.left = s.border_left;
    return d;
}

// Replaced elements keep their aspect ratio; an image never overflows its container.
// `containing_width` resolves percentages and is the most an image may take.
std::pair<double, double> image_size(const Box& box, double containing_width) {
    const ComputedStyle& s = *box.style;
    const BoxExtras& image = box.extras();
    double w = s.width.is_auto() ? image.attribute_width : s.width.resolve(containing_width);
    double h = s.height.is_auto() || s.height.unit == style::Length::Unit::Percent ? image.attribute_height
                                                                                   : s.height.value;
    const double iw = image.intrinsic_width, ih = image.intrinsic_height;
    if (w <= 0 && h <= 0) { w = iw; h = ih; }
    else if (w <= 0) w = ih > 0 ? h * iw / ih : h;
    else if (h <= 0) h = iw > 0 ? w * ih / iw : w;
    if (!s.max_width.is_auto()) {
        const double max_w = s.max_width.resolve(containing_width);
        if (w > max_w && w > 0) { h *= max_w / w; w = max_w; }
    }
    if (containing_width > 0 && w > containing_width) { h *= containing_width / w; w = containing_width; }
    return {w, h};
}

void add_box_anchors(const Box& box, std::vector<FlowAnchor>& anchors) {
    const BoxExtras& e = box.extras();
    if (!e.id.empty() || (e.heading_level >= 1 && e.heading_level <= 4)) {
        FlowAnchor a;
        a.id = e.id;
        if (e.heading_level <= 4 && !e.heading_text.empty()) {
            a.bookmark_level = e.heading_level;
            a.title = e.heading_text;
        }
        anchors.push_back(std::move(a));
    }
}

// The height of the page content area for the current page name: no image may be
// taller, or it would run off the page (an unbreakable slice is never split).
double page_content_height(LayoutContext& ctx) {
    const style::PageStyle& page = ctx.page_styles.get(style::PageSelector{ctx.flow_page_name, false, false, false});
    return std::max(page.height - page.margin_top - page.margin_bottom, 1.0);
}

void layout_image_block(const Box& box, LayoutContext& ctx, double x, double containing_width, FlowBuilder& out) {
    const ComputedStyle& s = *box.style;
    const double margin_left = s.margin_left.resolve(containing_width);
    const double insets = horizontal_insets(s, containing_width);
    auto [w, h] = image_size(box, std::max(containing_width - insets, 0.0));
    if (const double max_h = page_content_height(ctx); h > max_h) {
        w *= max_h / h;
        h = max_h;
    }
    // Auto side margins centre an image (margin: 0 auto), as for any block.
    double left = margin_left;
    if (s.margin_left.is_auto() && s.margin_right.is_auto()) left = std::max((containing_width - w) / 2, 0.0);
    Slice slice;
    slice.height = h;
    slice.marks.images.push_back({box.extras().image_path, x + left, 0, w, h, box.extras().alt});
    out.add_content(std::move(slice));
}

// Lays a box that sits in a line (inline-block, image) out into one block of marks.
struct AtomicLayout {
    Marks marks;
    double width = 0, height = 0, baseline = 0;
};

AtomicLayout lay_out_atomic_box(const Box& box, LayoutContext& ctx, double line_width) {
    AtomicLayout a;
    const ComputedStyle& s = *box.style;
    if (box.kind == BoxKind::Replaced) {
        auto [w, h] = image_size(box, line_width);
        a.marks.images.push_back({box.extras().image_path, 0, 0, w, h, box.extras().alt});
        a.width = w;
        a.height = a.baseline = h;
        return a;
    }
    // Inline-block: shrink-to-fit width (CSS 2 §10.3.9), then an ordinary block inside.
    const double insets = border_and_padding(s, line_width);
    double width = s.width.is_auto()
                       ? std::min(std::max(measure_block_contents(box, ctx).max, 0.0), line_width - insets)
                       : s.width.resolve(line_width);
    width = std::max(width, 0.0);
    FlowBuilder inner;
    const double left = (s.border_left.visible() ? s.border_left.width : 0) + s.padding_left.resolve(line_width);
    inner.open(decoration_of(s, 0, width + insets), top_insets(s, line_width));
    layout_block_contents(box, ctx, left, width, inner);
    inner.close(bottom_insets(s, line_width));
    Flow flow = inner.take();
    a.height = flow_height(flow);
    a.width = width + insets;
    flatten_flow(flow, a.marks, 0, 0);
    // CSS 2 §10.8.1: an inline-block's baseline is that of its last line box (its text's
    // lowest baseline here), or its bottom edge when it has no lines.
    a.baseline = a.height;
    if (!a.marks.runs.empty()) {
        a.baseline = 0;
        for (const GlyphRun& run : a.marks.runs) a.baseline = std::max(a.baseline, run.baseline);
    }
    return a;
}

AtomicLayout lay_out_atomic(const Box& box, LayoutContext& ctx, double line_width) {
    // An inline-block is set once, for the line it sits in, whatever page that is on.
    const bool outer_follows = ctx.follows_page;
    ctx.follows_page = false;
    AtomicLayout a = lay_out_atomic_box(box, ctx, line_width);
    ctx.follows_page = outer_follows;
    return a;
}

void move_line_marks(LineBox& line, double dx, Marks& marks) {
    for (auto& r : line.runs) { r.x += dx; marks.runs.push_back(std::move(r)); }
    for (auto& f : line.fills) { f.x += dx; marks.fills.push_back(f); }
    for (auto& l : line.lines) { l.x1 += dx; l.x2 += dx; marks.lines.push_back(l); }
    for (auto& l : line.links) { l.x += dx; marks.links.push_back(std::move(l)); }
}

// An outside marker sits left of the first line, on its baseline, half an em away.
void place_marker(const Box& item, LayoutContext& ctx, double content_x, double baseline, Marks& marks) {
    std::vector<InlineItem> text{make_inline(InlineItem::Kind::Text, item.style, item.extras().marker)};
    ParagraphStyle para = make_paragraph(item.style, 1e6);
    auto lines = ctx.line_breaker.break_lines(text, para);
    if (lines.empty()) return;
    LineBox& marker = lines.front();
    double width = 0;
    for (const auto& r : marker.runs) width = std::max(width, r.x + r.width);
    const double dx = content_x - width - item.style->font_size * 0.5;
    const double dy = baseline - marker.baseline;
    for (auto& r : marker.runs) {
        r.x += dx;
        r.baseline += dy;
        marks.runs.push_back(std::move(r));
    }
}

// Where the next content of the main flow is expected (page_widths.hpp).
PagePosition expected_position(LayoutContext& ctx, const FlowBuilder& out) {
    return ctx.page_widths->expect(ctx.page_tracker->advance(out.settled_size()), ctx.flow_page_name,
                                   out.pending_margin());
}

// Pages of different widths: the width of the page each line of `box` is expected on
// (page_widths.hpp); lines past the end take the last entry. Empty when not following pages.
std::vector<double> line_pages(const Box& box, LayoutContext& ctx, const FlowBuilder& out) {
    if (!ctx.follows_page) return {};
    const PagePosition at = expected_position(ctx, out);
    const ComputedStyle& s = *box.style;
    std::vector<double> pages = ctx.page_widths->predict_lines(at, s.line_height(), std::max(1, s.orphans));
    ctx.page_widths->assume_lines(&box, pages);
    return pages;
}

// The measures of those lines, the content box being `width` wide on a page ctx.page_width
// wide; empty when every line is on such a page.
std::vector<double> line_measures(const std::vector<double>& pages, const LayoutContext& ctx, double width) {
    const bool all_here =
        std::all_of(pages.begin(), pages.end(), [&](double page) { return page == ctx.page_width; });
    if (all_here) return {};
    std::vector<double> measures;
    measures.reserve(pages.size());
    for (const double page : pages) measures.push_back(std::max(width + page - ctx.page_width, 1.0));
    return measures;
}

std::uint32_t line_tag(const Box& box, int line, const std::vector<double>& pages, LayoutContext& ctx) {
    if (!ctx.follows_page || pages.empty()) return 0;
    return ctx.page_widths->tag(&box, line, kp::width_of_line(pages, line));
}

void place_pending_markers(LayoutContext& ctx, double baseline, Marks& marks) {
    for (const auto& pending : ctx.pending_markers) place_marker(*pending.item, ctx, pending.content_x, baseline, marks);
    ctx.pending_markers.clear();
}

// A list item without any line (empty, or only an image) still shows its marker.
void emit_pending_markers_alone(LayoutContext& ctx, FlowBuilder& out) {
    if (ctx.pending_markers.empty()) return;
    const ComputedStyle& s = *ctx.pending_markers.back().item->style;
    Slice slice;
    slice.height = s.line_height();
    place_pending_markers(ctx, s.font_size * 0.8 + (slice.height - s.font_size) / 2, slice.marks);
    out.add_content(std::move(slice));
}

}  // namespace

double horizontal_insets(const ComputedStyle& s, double containing_width) {
    return border_and_padding(s, containing_width) + s.margin_left.resolve(containing_width) +
           s.margin_right.resolve(containing_width);
}

// ---------------------------------------------------------------------------------------
// Lines
// ---------------------------------------------------------------------------------------

void layout_lines(const Box& box, LayoutContext& ctx, double x, double width, FlowBuilder& out) {
    const ComputedStyle& s = *box.style;
    // Atomic items need their size before line breaking; only then is a copy made.
    std::vector<AtomicLayout> atomics;
    std::vector<InlineItem> sized;
    const std::vector<InlineItem>* items = &box.inlines;
    if (!box.atomics.empty()) {
        sized = box.inlines;
        for (const auto& atomic : box.atomics) atomics.push_back(lay_out_atomic(*atomic, ctx, width));
        for (InlineItem& item : sized) {
            if (item.kind != InlineItem::Kind::Atomic || item.atomic_id < 0 ||
                item.atomic_id >= static_cast<int>(atomics.size()))
                continue;
            const AtomicLayout& a = atomics[static_cast<std::size_t>(item.atomic_id)];
            item.width = a.width;
            item.height = a.height;
            item.baseline = a.baseline;
        }
        items = &sized;
    }
    ParagraphStyle para = make_paragraph(&s, std::max(width, 1.0), s.text_indent);
    para.source_line = box.position.line;
    para.source_column = box.position.column;
    const std::vector<double> pages = line_pages(box, ctx, out);
    para.line_widths = line_measures(pages, ctx, std::max(width, 1.0));
    std::vector<LineBox> lines = ctx.line_breaker.break_lines(*items, para);

    const int n = static_cast<int>(lines.size());
    const int orphans = std::max(1, s.orphans), widows = std::max(1, s.widows);
    for (int i = 0; i < n; ++i) {
        LineBox& line = lines[static_cast<std::size_t>(i)];
        Slice slice;
        slice.height = line.height;
        slice.width_tag = line_tag(box, i, pages, ctx);
        // A break before line i leaves i lines behind and n - i lines for the next page.
        slice.avoid_break_before = i > 0 && (i < orphans || n - i < widows);
        for (const auto& placed : line.atomics) {
            if (placed.atomic_id >= 0 && placed.atomic_id < static_cast<int>(atomics.size()))
                append_marks(slice.marks, atomics[static_cast<std::size_t>(placed.atomic_id)].marks, x + placed.x, placed.y);
        }
        for (auto& anchor : line.anchors) {
            FlowAnchor a;
            a.id = std::move(anchor.id);
            slice.edit().anchors.push_back(std::move(a));
        }
        move_line_marks(line, x, slice.marks);
        if (!ctx.pending_markers.empty()) place_pending_markers(ctx, line.baseline, slice.marks);
        out.add_content(std::move(slice));
    }
}

// ---------------------------------------------------------------------------------------
// Blocks
// ---------------------------------------------------------------------------------------

void layout_block_contents(const Box& box, LayoutContext& ctx, double x, double width, FlowBuilder& out) {
    const bool has_marker = box.kind == BoxKind::ListItem && !box.extras().marker.empty() && !box.extras().marker_inside;
    if (has_marker) ctx.pending_markers.push_back({&box, x});
    if (box.has_inline_content()) {
        layout_lines(box, ctx, x, width, out);
    } else {
        for (const auto& child : box.children) layout_block_level(*child, ctx, x, width, out);
    }
    if (has_marker && !ctx.pending_markers.empty() && ctx.pending_markers.back().item == &box)
        emit_pending_markers_alone(ctx, out);
}

namespace {

// Deep nesting (lists 1,000 levels deep) would indent content to nothing, one letter a
// line for pages. Below an inch, an auto-width box stops indenting and keeps that width.
UsedWidths keep_readable(UsedWidths u, const ComputedStyle& s, double containing_width) {
    constexpr double min_readable = 72;
    const double floor = std::min(containing_width, min_readable);
    if (!s.width.is_auto() || u.content_width >= floor) return u;
    const double shift = std::min(u.content_x, std::max(containing_width - floor, 0.0)) - u.content_x;
    u.content_x += shift;
    u.border_box_x += shift;
    u.border_box_width += floor - u.content_width;
    u.content_width = floor;
    return u;
}

// A box with a different page name starts a new page, sized for that name: the
// containing width changes by the difference of the pages' content widths.
double enter_page_name(const Box& box, LayoutContext& ctx, double containing_width, FlowBuilder& out,
                       std::string& previous_name) {
    previous_name = ctx.flow_page_name;
    const std::string& wanted = box.style->page;
    if (wanted.empty() || wanted == ctx.flow_page_name) return containing_width;
    const double delta = ctx.page_styles.content_width(wanted) - ctx.page_styles.content_width(ctx.flow_page_name);
    out.set_page_name(wanted);
    ctx.flow_page_name = wanted;
    ctx.page_width += delta;
    return containing_width + delta;
}

// Pages of different widths: the box is laid out for the width of the page it is expected
// to start on (or, having missed that before, where it started in the previous pass); its
// first slice is tagged to learn where it starts this time.
double enter_page_width(const Box& box, LayoutContext& ctx, double containing_width, FlowBuilder& out) {
    if (!ctx.follows_page) return containing_width;
    const PagePosition at = expected_position(ctx, out);
    const double page = ctx.page_widths->assume(&box, -1, ctx.page_widths->page_width(at.page, at.name));
    out.tag_next(ctx.page_widths->tag(&box, -1, page));
    containing_width += page - ctx.page_width;
    ctx.page_width = page;
    return containing_width;
}

void leave_page_name(LayoutContext& ctx, FlowBuilder& out, const std::string& previous_name) {
    if (ctx.flow_page_name == previous_name) return;
    out.set_page_name(previous_name);
    ctx.flow_page_name = previous_name;
}

}  // namespace

void layout_block_level(const Box& box, LayoutContext& ctx, double x, double containing_width, FlowBuilder& out) {
    const ComputedStyle& s = *box.style;
    std::string outer_page;
    const double outer_page_width = ctx.page_width;
    const bool outer_follows = ctx.follows_page;
    containing_width = enter_page_name(box, ctx, containing_width, out, outer_page);
    containing_width = enter_page_width(box, ctx, containing_width, out);

    if (is_forced(s.break_before)) out.forced_break(s.break_before);
    else if (s.break_before == style::Break::Avoid) out.avoid_next_break();

    if (box.kind == BoxKind::Table) {
        // One column layout, for the page the table starts on (its rows are not re-set
        // on a continuation page of another width).
        ctx.follows_page = false;
        layout_table(box, ctx, x, containing_width, out);
    } else if (box.kind == BoxKind::Replaced) {
        out.add_margin(s.margin_top.resolve(containing_width));
        layout_image_block(box, ctx, x, containing_width, out);
        out.add_margin(s.margin_bottom.resolve(containing_width), true);
    } else {
        const UsedWidths u = keep_readable(used_widths(s, containing_width), s, containing_width);
        out.add_margin(s.margin_top.resolve(containing_width));
        std::vector<FlowAnchor> anchors;
        add_box_anchors(box, anchors);
        Decoration decoration = decoration_of(s, x + u.border_box_x, u.border_box_width);
        ctx.follows_page = ctx.follows_page && width_follows_page(s);
        if (ctx.follows_page) decoration.page_width = ctx.page_width;
        out.open(std::move(decoration), top_insets(s, containing_width), std::move(anchors),
                 box.extras().string_sets);
        if (s.break_inside == style::BreakInside::Avoid) out.begin_avoid_inside();
        layout_block_contents(box, ctx, x + u.content_x, u.content_width, out);
        if (s.break_inside == style::BreakInside::Avoid) out.end_avoid_inside();
        out.close(bottom_insets(s, containing_width));
        out.add_margin(s.margin_bottom.resolve(containing_width), true);
    }

    if (is_forced(s.break_after)) out.forced_break(s.break_after);
    else if (s.break_after == style::Break::Avoid) out.avoid_break_after();
    leave_page_name(ctx, out, outer_page);
    ctx.page_width = outer_page_width;
    ctx.follows_page = outer_follows;
}

LineBreaker::Widths measure_block_contents(const Box& box, LayoutContext& ctx) {
    if (box.has_inline_content()) {
        std::vector<InlineItem> sized = box.inlines;
        for (InlineItem& item : sized) {
            if (item.kind != InlineItem::Kind::Atomic || item.atomic_id < 0 ||
                item.atomic_id >= static_cast<int>(box.atomics.size()))
                continue;
            const Box& atomic = *box.atomics[static_cast<std::size_t>(item.atomic_id)];
            if (atomic.kind == BoxKind::Replaced) {
                item.width = image_size(atomic, 1e6).first;
            } else {
                item.width = measure_block_contents(atomic, ctx).max + border_and_padding(*atomic.style, 0);
            }
        }
        return ctx.line_breaker.measure(sized, *box.style);
    }
    LineBreaker::Widths widths;
    for (const auto& child : box.children) {
        LineBreaker::Widths w;
        if (child->kind == BoxKind::Replaced) {
            w.min = w.max = w.word = image_size(*child, 1e6).first;
        } else if (child->kind == BoxKind::Table) {
            w = measure_table(*child, ctx);  // columns side by side (table.hpp)
        } else {
            w = measure_block_contents(*child, ctx);
        }
        const ComputedStyle& cs = *child->style;
        double fixed = cs.width.unit == style::Length::Unit::Pt ? cs.width.value : -1;
        const double extra = horizontal_insets(cs, 0);
        if (fixed >= 0) w.min = w.max = w.word = fixed;
        widths.min = std::max(widths.min, w.min + extra);
        widths.word = std::max(widths.word, w.word + extra);
        widths.max = std::max(widths.max, w.max + extra);
    }
    return widths;
}

}  // namespace quorum::layout
