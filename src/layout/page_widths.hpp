// Pages whose content areas differ in width (@page :left/:right/:first, named pages).
//
// The flow is laid out before it is cut into pages, so a line cannot know for sure the
// width of the page it will land on. Layout predicts it: a PageTracker plans the pages of
// the flow built so far, so a paragraph knows its page and the room left there, and its
// lines are given the widths of the pages they would fill (at the block's line height).
// A prediction can miss (widows, keep-with-next, taller lines), so layout iterates like
// the target-counter() passes: each pass tags the slices that depend on a width (a box's
// start, each line of a paragraph) with the page width it assumed; pagination reports
// the content width of the page each landed on; a part that missed is given that width
// from then on. The passes stop when every part landed on a page of the width it assumed.
//
// A part that keeps moving between pages of different widths (set wider, it fits the page
// before; set narrower, it does not) would never settle: once it lands back on the width
// it had two passes before, it keeps the narrower width, which fits either page.
//
// When every page of each page name has the same content width, PageWidths is inactive:
// no tags, no lookups, one pass (the common case costs nothing).
#pragma once

#include "layout/boxes.hpp"
#include "layout/paginate.hpp"

#include <cstdint>
#include <unordered_map>
#include <vector>

namespace quorum::layout {

class PageWidths {
public:
    // Active when some :first, :left or right page of a page name used in `tree` has
    // another content width than that name's right-hand page.
    PageWidths(const BoxTree& tree, PageStyles& styles);

    bool active() const { return active_; }

    // Forgets the tags of the pass before; what was learnt from it is kept.
    void begin_pass() { tags_.clear(); }

    // The page width the start of `box` (index -1) or its line `index` is set for: where
    // it landed when it missed a prediction before, else `predicted`.
    double assume(const Box* box, int index, double predicted) const;
    // The widths lines 0, 1... of `box` are set for, given the widths `pages` predicted for
    // them (lines past its end take the last entry): assume() for each line, in one lookup;
    // lines that missed a prediction before keep what they learnt, however many.
    void assume_lines(const Box* box, std::vector<double>& pages) const;
    // The content width of page `page` (0-based) named `name`.
    double page_width(std::size_t page, const std::string& name);
    // Where content named `name` is expected to go, the flow so far ending at `at` and a
    // margin `pending_margin` tall waiting before it.
    PagePosition expect(PagePosition at, const std::string& name, double pending_margin);
    // The widths of the pages a paragraph starting at `at` would fill with lines
    // `line_height` tall (at least `orphans` on its first page); lines past the end take
    // the last entry.
    std::vector<double> predict_lines(const PagePosition& at, double line_height, int orphans);

    // A tag for the slice holding the start (index -1) or line `index` of `box`, set
    // assuming a page `assumed` wide (Slice::width_tag); 0 when inactive.
    std::uint32_t tag(const Box* box, int index, double assumed);

    // Learns where the tagged slices landed (Paginated::landed_widths, by tag - 1).
    // True when the next pass would assume for every tag the width this one did.
    bool learn(const std::vector<double>& landed_widths);
    // After learn() returned false: the first part that did not settle, a box and its
    // line (-1: the box's start), for the warning that names it.
    struct Part {
        const Box* box = nullptr;
        int index = -1;
    };
    Part unsettled() const { return unsettled_; }

private:
    struct Tag {
        const Box* box = nullptr;
        int index = -1;
        double assumed = 0;
    };
    struct Known {
        double width = 0;      // what the next pass assumes
        double before = 0;     // what the pass before assumed
        bool learned = false;   // missed a prediction: `width` is assumed from now on
        bool narrowed = false;  // oscillates: keeps the narrower width from now on
    };
    std::vector<Known>& known_of(const Box* box, int index);
    // Learns one landing; true when the next pass assumes what this one did.
    static bool settle(Known& k, double assumed, double landed, bool may_narrow);

    PageStyles& styles_;
    bool active_ = false;
    int passes_ = 0;  // learn() calls so far
    std::vector<Tag> tags_;
    Part unsettled_;
    // Per box: [0] its start, [1 + i] its line i.
    std::unordered_map<const Box*, std::vector<Known>> known_;
};

}  // namespace quorum::layout
