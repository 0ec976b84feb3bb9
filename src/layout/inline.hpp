// Inline layout: a paragraph's inline content in, line boxes out.
//
// Block layout (block.cpp, tables.cpp, paginate.cpp) collects the inline content of a
// block container, calls break_lines(), then stacks and paginates the returned lines.
// Line breaking is optimal (Knuth–Plass total-fit) for ragged and justified text, with
// hyphenation from libhyphen and emergency breaks for words wider than the line.
#pragma once

#include "fonts/fonts.hpp"
#include "layout/on_demand.hpp"
#include "layout/pages.hpp"
#include "style/computed_style.hpp"

#include <memory>
#include <string>
#include <vector>

namespace quorum::layout {

struct InlineItem {
    enum class Kind {
        Text,         // `text` in `style` (white-space not yet collapsed; break_lines does it per style)
        Atomic,       // an inline-block or image laid out by the caller: width/height/baseline given
        ForcedBreak,  // <br>
        OpenSpan,     // start of an inline element: its borders/padding/background, link, id
        CloseSpan,    // end of the matching OpenSpan
    };
    Kind kind = Kind::Text;
    const style::ComputedStyle* style = nullptr;  // Text, OpenSpan (the element's style), Atomic
    std::string text;
    // Atomic
    double width = 0, height = 0, baseline = 0;  // baseline: distance from the box top
    int atomic_id = -1;                          // the caller's handle, reported back in LineBox

    // OpenSpan, Atomic: the element's id (reported as an anchor) and link, if any.
    const std::string& id() const { return navigation_.get().id; }
    const std::string& link_uri() const { return navigation_.get().link_uri; }        // <a href="https://...">
    const std::string& link_target() const { return navigation_.get().link_target; }  // <a href="#x">
    void set_id(std::string id) { navigation_.edit().id = std::move(id); }
    void set_link(std::string uri, std::string target);
    void clear_id() {
        if (!id().empty()) navigation_.edit().id.clear();
    }

private:
    // Most items are text: their id and links (rare) cost a pointer, not three strings.
    struct Navigation {
        std::string id, link_uri, link_target;
    };
    OnDemand<Navigation> navigation_;
};

inline void InlineItem::set_link(std::string uri, std::string target) {
    Navigation& n = navigation_.edit();
    n.link_uri = std::move(uri);
    n.link_target = std::move(target);
}

// An atomic item's placement within its line.
struct AtomicPlacement {
    int atomic_id = -1;
    double x = 0, y = 0;  // top-left, relative to the line box's top-left
};

struct AnchorPlacement {
    std::string id;
    double x = 0;  // relative to the line box's left
};

// One laid-out line. All coordinates are relative to the line box's top-left corner;
// the caller translates them when it places the line on a page.
struct LineBox {
    double width = 0;     // the available width it was set in
    double height = 0;    // line box height (from line-height of its content)
    double baseline = 0;  // distance from the top to the baseline
    std::vector<GlyphRun> runs;
    std::vector<FilledRect> fills;  // inline backgrounds
    std::vector<Line> lines;        // underline / line-through / inline borders
    std::vector<Link> links;
    std::vector<AtomicPlacement> atomics;
    std::vector<AnchorPlacement> anchors;
};

struct ParagraphStyle {
    const style::ComputedStyle* block = nullptr;  // the block container's style (align, indent, line-height "strut")
    double available_width = 0;                   // content width, pt
    double first_line_indent = 0;                 // text-indent, pt
    // The measure of line n when lines differ (a paragraph running onto a page of another
    // width); lines past the end take the last entry. Empty: available_width for every line.
    std::vector<double> line_widths;
    bool is_last_paragraph_fragment = true;       // justified text: last line is left-aligned
    int source_line = 0, source_column = 0;       // where the block starts, for warnings (0: unknown)
};

// "LINE:COLUMN: ", the start of a layout warning about the source there ("" when the line
// is unknown, 0); typeset puts the file's name before it.
inline std::string source_prefix(int line, int column) {
    if (line <= 0) return {};
    return std::to_string(line) + ":" + std::to_string(column) + ": ";
}

class Hyphenator;  // wraps libhyphen dictionaries per language (hyphenate.hpp)

class LineBreaker {
public:
    // `hyphenator` may be null: no automatic hyphenation then.
    LineBreaker(const fonts::FontCatalogue& fonts, const Hyphenator* hyphenator);
    ~LineBreaker();

    std::vector<LineBox> break_lines(const std::vector<InlineItem>& content, const ParagraphStyle& paragraph);

    // The widths a shrink-to-fit box needs (table cells, inline-blocks):
    // min = widest unbreakable piece, max = everything on one line.
    // word = the widest word, not counting hyphenation points (hyphens: auto, soft hyphens):
    // what a column should get when the table has room (min <= word <= max).
    struct Widths { double min = 0, max = 0, word = 0; };
    Widths measure(const std::vector<InlineItem>& content, const style::ComputedStyle& block);

    // Warnings found while setting text (e.g. a character no font has), once each.
    const std::vector<std::string>& warnings() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace quorum::layout
