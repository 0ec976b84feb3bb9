// Pagination: cuts the document's Flow (boxes.hpp) into pages.
//
// One walk over the slices decides where each page ends: a slice that does not fit moves
// to the next page together with everything after the last allowed break on the page
// (breaks marked avoid_break_before are skipped; if a page has no allowed break at all,
// the page breaks where the content overflows). Forced breaks start a new page, inserting
// a blank page when a left/right break needs one. Margins (Space slices) at the top of a
// page after an unforced break are truncated; on the first page and after a forced
// break they are kept (CSS Fragmentation §5.2). Then a second walk draws the chosen slices,
// with the decorations of boxes split across pages drawn as one fragment per page.
#pragma once

#include "layout/boxes.hpp"
#include "style/cascade.hpp"

#include <map>
#include <memory>
#include <string>
#include <tuple>
#include <vector>

namespace quorum::layout {

// @page styles, computed once per distinct selector.
class PageStyles {
public:
    explicit PageStyles(const style::Cascade& cascade) : cascade_(cascade) {}
    const style::PageStyle& get(const style::PageSelector& selector);
    // The style of page `index` (0-based, not blank) named `name`: page 0 is the :first
    // page, and page 1 a right page, so odd indexes are :left.
    const style::PageStyle& page(std::size_t index, const std::string& name, bool blank = false);
    // The content width of a right-hand (non-first) page with this name.
    double content_width(const std::string& page_name);

private:
    const style::Cascade& cascade_;
    std::map<std::tuple<std::string, bool, bool, bool>, std::unique_ptr<style::PageStyle>> cache_;
};

// The width and height of a page's content area (at least 1pt).
double content_width_of(const style::PageStyle& page);
double content_height_of(const style::PageStyle& page);

// Rounding never pushes a slice to the next page: it fits when it overflows by no more.
inline constexpr double fit_tolerance = 0.01;  // pt

// What the margin boxes need to know about a page besides its number.
struct PageContext {
    style::PageSelector selector;
    const style::PageStyle* style = nullptr;
    // string-set assignments that landed on this page, in order; and the values in force
    // when the page starts (from earlier pages).
    std::vector<std::pair<std::string, std::string>> strings_set_here;
    std::map<std::string, std::string> strings_at_start;
};

struct Paginated {
    std::vector<Page> pages;
    std::vector<PageContext> contexts;  // one per page
    std::vector<Anchor> anchors;
    std::vector<Bookmark> bookmarks;
    // Pages of different widths: the content width of the page each tagged slice landed
    // on, by Slice::width_tag - 1 (0 where none landed). Empty when the flow has no tags.
    std::vector<double> landed_widths;
};

// Where the next slice of a flow would go: its page (0-based), the height left there and
// the page's name.
struct PagePosition {
    std::size_t page = 0;
    double room = 0;
    std::string name;
};

class Planner;  // paginate.cpp

// Follows a flow while it is built, deciding page ends as paginate() will (the same
// planner), so that layout can ask on which page, and so in which width, it is
// (page_widths.hpp). The flow may grow between calls.
class PageTracker {
public:
    PageTracker(const Flow& flow, PageStyles& styles);
    ~PageTracker();
    // Plans the flow's first `settled` slices (those later additions cannot move).
    PagePosition advance(std::size_t settled);

private:
    std::unique_ptr<Planner> planner_;
};

// Takes the flow by value: its marks are moved onto the pages, not copied.
Paginated paginate(Flow flow, PageStyles& styles);

}  // namespace quorum::layout
