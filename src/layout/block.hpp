// Block layout: boxes -> a Flow of slices (see boxes.hpp for the model).
//
// Widths (auto, %, min/max), margins with collapsing, padding, borders, backgrounds,
// images as replaced elements, list markers. Table boxes are handed to layout_table()
// (table.hpp), which calls back into layout_block_contents() for cell contents.
//
// Typical use by table.cpp for one cell:
//     FlowBuilder cell;
//     layout_block_contents(cell_box, ctx, 0, cell_content_width, cell);
//     double h = flow_height(cell.flow());
//     flatten_flow(cell.flow(), row_slice.marks, cell_x, cell_y);   // or keep slices to split a tall row
#pragma once

#include "fonts/fonts.hpp"
#include "layout/boxes.hpp"
#include "layout/inline.hpp"

#include <string>
#include <unordered_map>
#include <vector>

namespace quorum::layout {

class PageStyles;  // paginate.hpp
class PageWidths;   // page_widths.hpp
class PageTracker;  // paginate.hpp

// Everything block layout needs besides the box: shared, long-lived, per document.
struct LayoutContext {
    const fonts::FontCatalogue& fonts;
    LineBreaker& line_breaker;
    PageStyles& page_styles;  // content widths of named pages (landscape sections)
    std::vector<std::string>& warnings;

    // State while laying out (block.cpp's business; table.cpp need not touch it).
    std::string flow_page_name;       // the page name of the content emitted so far
    // Outside list markers waiting for the first line box (nested lists: several, each
    // with its list item's content-left edge).
    struct PendingMarker {
        const Box* item = nullptr;
        double content_x = 0;
    };
    std::vector<PendingMarker> pending_markers;

    // Pages of different widths (page_widths.hpp); null or inactive: every page of a name
    // has its right-hand page's width. `page_width`: the page content width the current
    // containing block was laid out for; `follows_page`: whether its width changes with
    // the page's (auto widths outside tables and inline-blocks do).
    PageWidths* page_widths = nullptr;
    PageTracker* page_tracker = nullptr;  // follows the main flow while it is built
    double page_width = 0;
    bool follows_page = false;
};

// Appends slices, collapsing adjacent vertical margins as CSS does: margins are collected
// with add_margin() and become one Space slice before the next content (or Open with a
// top border/padding). Parent/first-child and last-child/parent margins collapse because
// a zero-height Open/Close does not interrupt the pending margin.
class FlowBuilder {
public:
    // A box's top margin (`trailing` false) or bottom margin (`trailing` true). At a forced
    // break (or page-name change) the adjoining bottom margins end the page before it and
    // are truncated; the top margins are kept at the top of the new page (CSS
    // Fragmentation §5.2).
    void add_margin(double margin, bool trailing = false);
    // Unbreakable content; `avoid_break_before` keeps it with what precedes it.
    void add_content(Slice slice);
    // A decorated block starts; top_insets = border-top + padding-top.
    void open(Decoration decoration, double top_insets, std::vector<FlowAnchor> anchors = {},
              std::vector<std::pair<std::string, std::string>> string_sets = {});
    void close(double bottom_insets);
    // Emitted lazily, just before the next Open/Content, so that the Close slices of the
    // boxes ending before the break stay on the page before it. At the end: dropped.
    void forced_break(style::Break kind);
    // The page name of what comes next (the `page` property). A change of name is a
    // forced page break, emitted only when content with the new name arrives, so two
    // adjacent boxes with the same name share pages.
    void set_page_name(const std::string& name) { wanted_page_name_ = name; }
    // The next slice added (an Open, an image) gets this PageWidths tag, unless one is
    // already waiting: an outer box starting with the same slice keeps its own.
    void tag_next(std::uint32_t tag) {
        if (next_tag_ == 0) next_tag_ = tag;
    }
    // The next break opportunity (before the next slice added) is to be avoided.
    void avoid_next_break() { avoid_next_ = true; }
    // break-after: avoid. Unlike avoid_next_break(), it outlives the Close slices that
    // follow: a last child's break-after also governs its parents' (CSS Fragmentation 3 §4.4).
    void avoid_break_after() { avoid_next_ = avoid_after_ = true; }
    // Avoid every break until end_avoid_inside() (break-inside: avoid); nests.
    void begin_avoid_inside() { ++avoid_inside_; }
    void end_avoid_inside() { --avoid_inside_; }

    const Flow& flow() const { return flow_; }
    // How many slices are final: later margins and breaks are inserted after them.
    std::size_t settled_size() const { return has_margin_ ? std::min(margin_insert_at_, flow_.size()) : flow_.size(); }
    // The collapsed margin waiting to be inserted before the next content.
    double pending_margin() const {
        if (!has_margin_) return 0;
        return std::max(top_positive_, bottom_positive_) + std::min(top_negative_, bottom_negative_);
    }
    Flow take() { return std::move(flow_); }  // a trailing margin or break is dropped

private:
    void flush_margin();
    void flush_break();
    void push(Slice slice);

    Flow flow_;
    // The pending collapsed margin, top and bottom margins apart (see add_margin).
    double top_positive_ = 0, top_negative_ = 0, bottom_positive_ = 0, bottom_negative_ = 0;
    bool has_margin_ = false;
    std::size_t margin_insert_at_ = 0;  // before zero-height Opens that followed the margin
    bool avoid_next_ = false;
    std::uint32_t next_tag_ = 0;
    bool avoid_after_ = false;  // avoid_next_ came from a break-after: avoid (see close)
    int avoid_inside_ = 0;
    bool has_break_ = false;
    style::Break break_kind_ = style::Break::Page;
    std::string wanted_page_name_, page_name_;
    // Content or a box edge with height has been emitted: a forced break before that
    // starts no page, so the margins before it are kept too.
    bool visible_ = false;
};

// Lays out a block-level box (its margins, borders, padding and content) in a containing
// block `containing_width` wide whose content starts at x.
void layout_block_level(const Box& box, LayoutContext& ctx, double x, double containing_width,
                        FlowBuilder& out);

// Lays out only the contents of `box` (lines or children) in a content box at x, `width`
// wide. For table cells, inline-blocks and the like whose box the caller draws.
void layout_block_contents(const Box& box, LayoutContext& ctx, double x, double width, FlowBuilder& out);

// Lays out one paragraph (a box with inline content) as one slice per line, applying
// orphans/widows. Table cells with inline content may call this directly.
void layout_lines(const Box& box, LayoutContext& ctx, double x, double width, FlowBuilder& out);

// Shrink-to-fit widths of a box's content (table cells, inline-blocks).
LineBreaker::Widths measure_block_contents(const Box& box, LayoutContext& ctx);

// Horizontal margins + borders + padding of a box, for a containing width.
double horizontal_insets(const style::ComputedStyle& s, double containing_width);

}  // namespace quorum::layout
