// The box tree (what CSS generates from the document) and the flow (what pagination cuts).
//
// Two models, one after the other:
//
//  1. build_box_tree(): document + cascade -> a tree of Box. display:none is gone,
//     inline runs in mixed content are wrapped in anonymous blocks, list markers and
//     ::before/::after content are generated text, counters are resolved. A block box
//     either holds block-level `children` or, when it establishes an inline formatting
//     context, `inlines` (the InlineItems the LineBreaker sets) - never both.
//
//  2. Block layout (block.hpp) turns boxes into a Flow: one vertical list of Slices for
//     the whole document, each slice an unbreakable piece (a line, an image, a table row)
//     with its marks already positioned horizontally. Pagination (paginate.hpp) walks the
//     flow once and decides where pages end. Borders and backgrounds of a block that may
//     be split are NOT marks: an Open slice starts the block's decoration and the matching
//     Close slice ends it; the paginator draws one fragment per page (box-decoration-break:
//     slice), so a box split across pages gets its background and side borders on both.
//
// Coordinates in a slice: x from the LEFT EDGE OF THE PAGE'S CONTENT AREA, y from the
// TOP OF THE SLICE. The paginator adds the page margin and the slice's position.
//
// Tables (table.cpp) produce slices too: one per row (or per piece of a row taller than a
// page), with header rows handed to the table's Open slice as `repeat_header`, which the
// paginator draws again at the top of every page the table continues onto.
#pragma once

#include "document/document.hpp"
#include "layout/inline.hpp"
#include "layout/on_demand.hpp"
#include "layout/pages.hpp"
#include "style/cascade.hpp"
#include "style/computed_style.hpp"

#include <deque>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace quorum::layout {

// ---------------------------------------------------------------------------------------
// 1. The box tree
// ---------------------------------------------------------------------------------------

enum class BoxKind : std::uint8_t {
    Block,        // block container (also: the root, anonymous blocks, blockified pseudos)
    ListItem,     // a Block with a marker (Box::marker)
    Replaced,     // an image; block-level here, or an atomic inline inside a line
    InlineBlock,  // laid out as a block, then placed in a line as an InlineItem::Atomic
    Table,        // children: captions, column groups/columns, row groups, rows (HTML order)
    TableCaption,
    TableRowGroup,  // thead/tbody/tfoot: style->display tells which
    TableRow,
    TableCell,      // a block container; colspan/rowspan in style->column_span/row_span
    TableColumnGroup,
    TableColumn,
};

// What only some boxes have (list items, images, elements with an id, headings, string-set).
struct BoxExtras {
    // ListItem: the marker's text, e.g. "3." or "•" (no trailing space); empty = none.
    std::string marker;
    bool marker_inside = false;  // list-style-position: inside (then the text is in `inlines`)

    // Replaced: the image file (absolute), its intrinsic size in pt (0 when unreadable).
    std::string image_path;
    double intrinsic_width = 0, intrinsic_height = 0;
    double attribute_width = 0, attribute_height = 0;  // HTML width/height attributes, pt (0: none)
    std::string alt;

    // Navigation: the element's id (anchor), h1-h6 level with its text (bookmarks).
    std::string id;
    int heading_level = 0;
    std::string heading_text;
    // string-set on this element, values already resolved: (name, value).
    std::vector<std::pair<std::string, std::string>> string_sets;
};

// A document has a box per element (tens of thousands in a long pack, table cells
// mostly), held through every layout pass: the common part is kept small and the rest
// (BoxExtras) is allocated only for the boxes that have some.
struct Box {
    BoxKind kind = BoxKind::Block;
    // The source element, nullptr for anonymous boxes and ::before/::after. Only box
    // building reads it: lay_out(Document&&) frees the document before laying out, so
    // what layout needs from the element is copied into the box (position, id, sizes).
    const document::Node* element = nullptr;
    document::SourcePosition position;           // the element's, for warnings
    const style::ComputedStyle* style = nullptr; // never null; owned by the BoxTree

    std::vector<std::unique_ptr<Box>> children;  // block-level children / table parts
    std::vector<InlineItem> inlines;             // inline formatting context (children empty)
    // Boxes behind InlineItem::Atomic items: inlines[i].atomic_id indexes this vector.
    std::vector<std::unique_ptr<Box>> atomics;

    const BoxExtras& extras() const { return extras_.get(); }
    BoxExtras& edit() { return extras_.edit(); }  // allocates the extras on first use

    bool is_anonymous() const { return element == nullptr; }
    bool has_inline_content() const { return !inlines.empty(); }

private:
    OnDemand<BoxExtras> extras_;
};

// Generated text whose value is only known after pagination: target-counter(attr(href), page).
// Layout re-runs with the page numbers of the previous pass until they are stable.
struct DeferredText {
    InlineItem* item = nullptr;  // the Text item to rewrite (stable: boxes never move)
    struct Piece {
        std::string literal;    // used when target is empty
        std::string target;     // element id whose page number is wanted
        style::ListStyleType counter_style = style::ListStyleType::Decimal;
    };
    std::vector<Piece> pieces;
};

struct BoxTree {
    std::unique_ptr<Box> root;  // the <html> element's box (a Block)
    std::deque<style::ComputedStyle> styles;  // deque: stable addresses for InlineItem::style
    std::vector<DeferredText> deferred;       // target-counter() texts
    std::vector<std::string> warnings;        // "file:line:col: warning: ..." once each
};

// Never throws for odd input: unknown elements are laid out per their display and
// reported once per element name; missing images keep their alt text.
BoxTree build_box_tree(const document::Document& doc, const style::Cascade& cascade);

// Builders for InlineItem and ParagraphStyle (designated initialisers of these aggregates
// trip -Wmissing-field-initializers).
inline InlineItem make_inline(InlineItem::Kind kind, const style::ComputedStyle* style, std::string text = {}) {
    InlineItem item;
    item.kind = kind;
    item.style = style;
    item.text = std::move(text);
    return item;
}
inline ParagraphStyle make_paragraph(const style::ComputedStyle* block, double available_width,
                                     double first_line_indent = 0) {
    ParagraphStyle p;
    p.block = block;
    p.available_width = available_width;
    p.first_line_indent = first_line_indent;
    return p;
}

// Formats a counter value in a list style: 3 -> "3", "c", "C", "iii", "III"; bullets for
// disc/circle/square ("•", "◦", "▪"); "" for none. Values outside a style's range fall
// back to decimal (as CSS does for alpha 0 or roman > 3999).
std::string format_counter(int value, style::ListStyleType type);

// ---------------------------------------------------------------------------------------
// 2. The flow pagination cuts
// ---------------------------------------------------------------------------------------

// Positioned drawing, as on a Page, but relative to a slice (see the coordinate note above).
struct Marks {
    std::vector<FilledRect> fills;
    std::vector<Image> images;
    std::vector<Line> lines;
    std::vector<GlyphRun> runs;
    std::vector<Link> links;
    bool empty() const { return fills.empty() && images.empty() && lines.empty() && runs.empty() && links.empty(); }
};

// Appends `from` to `to`, moved by (dx, dy). Used to assemble a table row from its cells.
void append_marks(Marks& to, const Marks& from, double dx, double dy);

// Something that must learn on which page it landed.
struct FlowAnchor {
    std::string id;          // element id ("" if only a bookmark)
    int bookmark_level = 0;  // 1-4: also a PDF outline entry titled `title`
    std::string title;
    double y = 0;            // from the slice top
};

struct Slice;

// The borders and background of a block that may be split across pages.
struct Decoration {
    double x = 0, width = 0;  // border box, x relative to the content area's left edge
    // Non-zero for a box whose width follows the page's (auto width, pages of different
    // widths, page_widths.hpp): the page content width it was laid out for. A fragment on
    // a page of another width is drawn that much wider or narrower.
    double page_width = 0;
    Color background{0, 0, 0, 0};
    style::Border top, right, bottom, left;
    // Tables: slices drawn again at the top of every continuation page (thead rows)...
    std::vector<Slice> repeat_header;
    // ...and above every break inside the table (tfoot rows); their height is kept free.
    std::vector<Slice> repeat_footer;

    // False when drawing it would add nothing (no background, border or repeated rows):
    // such a decoration need not be stored.
    bool draws_anything() const;
};

// What only some slices carry: Open slices their decoration, Break slices the kind of
// break and the page name, a few Content/Open slices anchors and string-set values.
struct SliceExtras {
    std::vector<FlowAnchor> anchors;                                // Content, Open
    std::vector<std::pair<std::string, std::string>> string_sets;  // Open/Content: string-set
    Decoration decoration;  // Open (the matching Close is the next unmatched Close)
    style::Break forced = style::Break::Page;  // Break: page, left, right, recto, verso
    std::string page_name;                     // Break: the page name from here on
};

// The flow holds one slice per line of the whole document until pagination, so a slice
// is kept small: the marks, and everything rarer behind one pointer (SliceExtras).
struct Slice {
    enum class Kind : std::uint8_t {
        Content,  // unbreakable: a line box, an image, a table row. Draws `marks`.
        Space,    // collapsed vertical margin: dropped when a page breaks at it
        Open,     // a decorated block starts; height = its top border + padding
        Close,    // it ends; height = its bottom padding + border
        Break,    // a forced break (break-before/after: page|left|right...) or a page-name change
    };
    Kind kind = Kind::Content;
    // The gap before this slice may not hold a page break (orphans/widows, break-*: avoid,
    // break-inside: avoid, keep-with-next). Pagination ignores it only when nothing else fits.
    bool avoid_break_before = false;
    // Pages of different widths (page_widths.hpp): which PageWidths tag this slice carries
    // (0: none). Fits in the padding after the flags, so slices are no larger.
    std::uint32_t width_tag = 0;
    double height = 0;

    Marks marks;  // Content

    const std::vector<FlowAnchor>& anchors() const { return extras_.get().anchors; }
    const std::vector<std::pair<std::string, std::string>>& string_sets() const { return extras_.get().string_sets; }
    const Decoration& decoration() const { return extras_.get().decoration; }
    style::Break forced() const { return extras_.get().forced; }
    const std::string& page_name() const { return extras_.get().page_name; }
    // For writing any of the above (allocates the extras on first use).
    SliceExtras& edit() { return extras_.edit(); }

private:
    OnDemand<SliceExtras> extras_;
};

using Flow = std::vector<Slice>;

// Draws a decoration's background and borders for the fragment y_top..y_bottom; `first`
// and `last` say whether the fragment holds the box's top and bottom edges.
void draw_decoration(const Decoration& decoration, double y_top, double y_bottom, bool first, bool last,
                     std::vector<FilledRect>& fills, std::vector<Line>& lines);

// Sums the heights of content, spaces and decorations (the height of a cell's flow).
double flow_height(const Flow& flow);
// Draws a whole flow into one Marks at (dx, dy), decorations included: a table cell
// that fits in its row is flattened into the row's single slice.
void flatten_flow(const Flow& flow, Marks& out, double dx, double dy);

}  // namespace quorum::layout
