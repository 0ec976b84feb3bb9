// lay_out(): box tree -> flow -> pages -> margin boxes, re-run until page references settle.
#include "layout/layout.hpp"

#include "layout/block.hpp"
#include "layout/boxes.hpp"
#include "layout/hyphenate.hpp"
#include "layout/inline.hpp"
#include "layout/margin_boxes.hpp"
#include "layout/page_widths.hpp"
#include "layout/paginate.hpp"

#include <memory>
#include <unordered_map>
#include <unordered_set>

namespace quorum::layout {
namespace {

using PageNumbers = std::unordered_map<std::string, int>;  // element id -> 1-based page

// Rewrites target-counter() texts with the page numbers found by the previous pass.
void resolve_deferred(BoxTree& tree, const PageNumbers& pages) {
    for (DeferredText& d : tree.deferred) {
        std::string text;
        for (const auto& piece : d.pieces) {
            if (piece.target.empty()) { text += piece.literal; continue; }
            auto it = pages.find(piece.target);
            // Unknown target: "?" rather than a wrong number.
            text += it == pages.end() ? std::string("?") : format_counter(it->second, piece.counter_style);
        }
        d.item->text = std::move(text);
    }
}

PageNumbers page_numbers(const Paginated& p) {
    PageNumbers numbers;
    for (const Anchor& a : p.anchors) numbers.emplace(a.id, a.page + 1);  // first occurrence wins
    return numbers;
}

bool references_stable(const BoxTree& tree, const PageNumbers& before, const PageNumbers& after) {
    for (const DeferredText& d : tree.deferred)
        for (const auto& piece : d.pieces) {
            if (piece.target.empty()) continue;
            auto a = before.find(piece.target), b = after.find(piece.target);
            const int va = a == before.end() ? 0 : a->second, vb = b == after.end() ? 0 : b->second;
            if (va != vb) return false;
        }
    return true;
}

Flow build_flow(const BoxTree& tree, LayoutContext& ctx) {
    FlowBuilder builder;
    if (tree.root) {
        ctx.flow_page_name.clear();
        ctx.pending_markers.clear();
        ctx.page_width = ctx.page_styles.content_width("");
        ctx.follows_page = ctx.page_widths && ctx.page_widths->active();
        std::unique_ptr<PageTracker> tracker;
        if (ctx.follows_page) {
            ctx.page_widths->begin_pass();
            tracker = std::make_unique<PageTracker>(builder.flow(), ctx.page_styles);
        }
        ctx.page_tracker = tracker.get();
        layout_block_level(*tree.root, ctx, 0, ctx.page_width, builder);
        ctx.page_tracker = nullptr;
    }
    return builder.take();
}

// Names the first part that did not settle: "LINE:COLUMN: " of its element (typeset
// adds the file), and which of its lines.
std::string unsettled_widths_warning(int passes, const PageWidths::Part& part) {
    const std::string where = part.box ? source_prefix(part.box->position.line, part.box->position.column) : "";
    const std::string what = part.index < 0 ? "the block starting here still moves"
                                            : "line " + std::to_string(part.index + 1) + " of the block starting here still moves";
    return where + "warning: pages of different widths: after " + std::to_string(passes) + (passes == 1 ? " layout pass " : " layout passes ") + what +
           " between pages of different widths (it may not be the only part); such parts may be set narrower or "
           "wider than their page";
}

Metadata metadata_of(const document::Document& doc) {
    Metadata m;
    m.title = doc.title();
    m.author = doc.meta("author");
    m.subject = doc.meta("subject");
    if (m.subject.empty()) m.subject = doc.meta("description");
    m.keywords = doc.meta("keywords");
    m.lang = doc.lang();
    if (m.lang.empty()) m.lang = doc.meta("lang");
    return m;
}

void add_unique(std::vector<std::string>& to, const std::vector<std::string>& from,
                std::unordered_set<std::string>& seen) {
    for (const auto& w : from)
        if (seen.insert(w).second) to.push_back(w);
}

LaidOutDocument lay_out_boxes(BoxTree tree, Metadata metadata, const style::Cascade& cascade,
                              const fonts::FontCatalogue& fonts, const LayoutOptions& options) {
    Hyphenator hyphenator;
    LineBreaker line_breaker(fonts, &hyphenator);
    PageStyles page_styles(cascade);
    std::vector<std::string> layout_warnings;
    PageWidths page_widths(tree, page_styles);
    LayoutContext ctx{fonts, line_breaker, page_styles, layout_warnings, std::string(), {}, &page_widths, nullptr, 0, false};

    // Pass 1 prints "?" for page references; each further pass uses the numbers of the
    // one before, until no reference moves (usually pass 2) or max_passes is reached.
    // Passes share the box tree, computed styles, @page styles and the hyphenation cache;
    // line boxes are set again (keeping them cost more memory than the time it saved).
    // Pages of different widths iterate the same way until every line is set in the
    // width of the page it lands on (page_widths.hpp).
    PageNumbers numbers;
    Paginated paginated;
    const int reference_passes = tree.deferred.empty() ? 1 : std::max(1, options.max_passes);
    const int passes = page_widths.active() ? std::max(reference_passes, options.max_width_passes) : reference_passes;

    for (int pass = 0; pass < passes; ++pass) {
        resolve_deferred(tree, numbers);
        // The previous pass's pages are done with (their numbers are in `numbers`):
        // free them before this pass builds its own, so two passes' pages never coexist.
        paginated = Paginated{};
        paginated = paginate(build_flow(tree, ctx), page_styles);
        PageNumbers found = page_numbers(paginated);
        const bool references_settled = tree.deferred.empty() || (pass > 0 && references_stable(tree, numbers, found));
        const bool widths_settled = !page_widths.active() || page_widths.learn(paginated.landed_widths);
        numbers = std::move(found);
        if (references_settled && widths_settled) break;
        if (!widths_settled && pass + 1 == passes) layout_warnings.push_back(unsettled_widths_warning(passes, page_widths.unsettled()));
    }
    draw_margin_boxes(paginated, line_breaker);

    LaidOutDocument out;
    out.pages = std::move(paginated.pages);
    out.anchors = std::move(paginated.anchors);
    out.bookmarks = std::move(paginated.bookmarks);
    out.metadata = std::move(metadata);
    std::unordered_set<std::string> seen;
    add_unique(out.warnings, tree.warnings, seen);
    add_unique(out.warnings, layout_warnings, seen);
    add_unique(out.warnings, line_breaker.warnings(), seen);
    add_unique(out.warnings, hyphenator.warnings(), seen);
    return out;
}

}  // namespace

LaidOutDocument lay_out(const document::Document& doc, const style::Cascade& cascade,
                        const fonts::FontCatalogue& fonts, const LayoutOptions& options) {
    return lay_out_boxes(build_box_tree(doc, cascade), metadata_of(doc), cascade, fonts, options);
}

LaidOutDocument lay_out(document::Document&& doc, const style::Cascade& cascade,
                        const fonts::FontCatalogue& fonts, const LayoutOptions& options) {
    BoxTree tree = build_box_tree(doc, cascade);
    Metadata metadata = metadata_of(doc);
    doc = document::Document{};  // boxes.hpp: nothing after box building reads the elements
    return lay_out_boxes(std::move(tree), std::move(metadata), cascade, fonts, options);
}

}  // namespace quorum::layout
