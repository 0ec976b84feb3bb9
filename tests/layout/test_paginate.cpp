// Pagination decisions on hand-made flows: where pages end, what repeats, what is avoided.
#include "layout/paginate.hpp"
#include "style/cascade.hpp"

#include <catch2/catch.hpp>

using namespace quorum;
using layout::Flow;
using layout::Slice;

namespace {

// 100pt of content height per page: 140pt tall, 20pt margins.
style::Cascade small_page_cascade() {
    style::Cascade cascade;
    cascade.add_stylesheet("@page { size: 200pt 140pt; margin: 20pt }", "paginate-test.css");
    return cascade;
}

Slice content(double height, const std::string& text, bool avoid_before = false) {
    Slice s;
    s.kind = Slice::Kind::Content;
    s.height = height;
    s.avoid_break_before = avoid_before;
    layout::GlyphRun run;
    run.text = text;
    run.baseline = height * 0.8;
    s.marks.runs.push_back(run);
    return s;
}

std::string texts(const layout::Page& page) {
    std::string out;
    for (const auto& run : page.runs) {
        if (!out.empty()) out += ' ';
        out += run.text;
    }
    return out;
}

std::string numbered(char letter, int i) {
    std::string name(1, letter);
    name += std::to_string(i);
    return name;
}

}  // namespace

TEST_CASE("paginate: slices fill pages; the first slice that overflows starts the next", "[layout][paginate]") {
    const style::Cascade cascade = small_page_cascade();
    layout::PageStyles styles(cascade);
    Flow flow;
    for (int i = 0; i < 7; ++i) flow.push_back(content(30, numbered('L', i)));
    const layout::Paginated p = layout::paginate(std::move(flow), styles);
    REQUIRE(p.pages.size() == 3);
    CHECK(texts(p.pages[0]) == "L0 L1 L2");
    CHECK(texts(p.pages[1]) == "L3 L4 L5");
    CHECK(texts(p.pages[2]) == "L6");
    CHECK(p.pages[1].runs[0].baseline == Approx(20 + 24));  // top margin + baseline in slice
}

TEST_CASE("paginate: avoided breaks move earlier content along; no allowed break means overflow break", "[layout][paginate]") {
    const style::Cascade cascade = small_page_cascade();
    layout::PageStyles styles(cascade);
    Flow flow;
    flow.push_back(content(30, "A"));
    flow.push_back(content(30, "B"));
    flow.push_back(content(30, "C", /*avoid_before=*/true));  // B and C stay together
    flow.push_back(content(30, "D", true));                   // ... and D: B C D move
    const layout::Paginated p = layout::paginate(std::move(flow), styles);
    REQUIRE(p.pages.size() == 2);
    CHECK(texts(p.pages[0]) == "A");
    CHECK(texts(p.pages[1]) == "B C D");

    Flow glued;
    for (int i = 0; i < 5; ++i) glued.push_back(content(30, numbered('G', i), i > 0));
    const layout::Paginated q = layout::paginate(std::move(glued), styles);
    REQUIRE(q.pages.size() == 2);  // nothing allowed: break where it overflows
    CHECK(texts(q.pages[0]) == "G0 G1 G2");
}

TEST_CASE("paginate: split decorations, repeated header rows, truncated margins, anchors", "[layout][paginate]") {
    const style::Cascade cascade = small_page_cascade();
    layout::PageStyles styles(cascade);
    Flow flow;
    Slice open;
    open.kind = Slice::Kind::Open;
    open.edit().decoration.x = 0;
    open.edit().decoration.width = 160;
    open.edit().decoration.background = {200, 200, 200, 255};
    open.edit().decoration.repeat_header.push_back(content(20, "HEAD"));
    open.edit().anchors.push_back({"table", 1, "Table", 0});
    flow.push_back(open);
    for (int i = 0; i < 5; ++i) {
        if (i > 0) {
            Slice space;
            space.kind = Slice::Kind::Space;
            space.height = 5;
            flow.push_back(space);
        }
        flow.push_back(content(30, numbered('R', i)));
    }
    Slice close;
    close.kind = Slice::Kind::Close;
    close.avoid_break_before = true;
    flow.push_back(close);
    const layout::Paginated p = layout::paginate(std::move(flow), styles);
    REQUIRE(p.pages.size() == 2);
    CHECK(texts(p.pages[0]) == "R0 R1 R2");  // 3 x 30 + 2 x 5 = 100: the next margin overflows
    CHECK(texts(p.pages[1]) == "HEAD R3 R4");  // header again on the continuation page
    // The continuation starts right under the header: the margin before R3 is truncated.
    CHECK(p.pages[1].runs[1].baseline == Approx(20 + 20 + 24));
    // One background fragment per page, the second from the content top.
    REQUIRE(p.pages[0].fills.size() == 1);
    REQUIRE(p.pages[1].fills.size() == 1);
    CHECK(p.pages[1].fills[0].y == Approx(20));
    REQUIRE(p.anchors.size() == 1);
    CHECK(p.anchors[0].page == 0);
    REQUIRE(p.bookmarks.size() == 1);
    CHECK(p.bookmarks[0].title == "Table");
}

TEST_CASE("paginate: forced right break from a right page inserts a blank left page", "[layout][paginate]") {
    const style::Cascade cascade = small_page_cascade();
    layout::PageStyles styles(cascade);
    Flow flow;
    flow.push_back(content(30, "one"));
    Slice brk;
    brk.kind = Slice::Kind::Break;
    brk.edit().forced = style::Break::Right;
    flow.push_back(brk);
    flow.push_back(content(30, "three"));
    const layout::Paginated p = layout::paginate(std::move(flow), styles);
    REQUIRE(p.pages.size() == 3);
    CHECK(p.pages[1].blank);
    CHECK(p.pages[1].runs.empty());
    CHECK(p.contexts[1].selector.blank);
    CHECK(p.contexts[1].selector.left);
    CHECK(texts(p.pages[2]) == "three");
}

TEST_CASE("paginate: margins at the top of page 1 and after a forced break are kept, after an unforced one truncated",
          "[layout][paginate]") {
    const style::Cascade cascade = small_page_cascade();
    layout::PageStyles styles(cascade);
    auto space = [](double height) {
        Slice s;
        s.kind = Slice::Kind::Space;
        s.height = height;
        return s;
    };
    Flow flow;
    flow.push_back(space(15));
    flow.push_back(content(30, "first"));
    flow.push_back(space(10));
    flow.push_back(content(60, "overflows"));  // 15 + 30 + 10 + 60 > 100: unforced break
    flow.push_back(content(30, "same"));
    Slice brk;
    brk.kind = Slice::Kind::Break;
    brk.edit().forced = style::Break::Page;
    flow.push_back(brk);
    flow.push_back(space(25));
    flow.push_back(content(30, "forced"));
    const layout::Paginated p = layout::paginate(std::move(flow), styles);
    REQUIRE(p.pages.size() == 3);
    REQUIRE(p.pages[0].runs.size() == 1);
    CHECK(p.pages[0].runs[0].baseline == Approx(20 + 15 + 24));  // kept on page 1
    REQUIRE(p.pages[1].runs.size() == 2);
    CHECK(p.pages[1].runs[0].text == "overflows");
    CHECK(p.pages[1].runs[0].baseline == Approx(20 + 48));  // truncated after the unforced break
    REQUIRE(p.pages[2].runs.size() == 1);
    CHECK(p.pages[2].runs[0].baseline == Approx(20 + 25 + 24));  // kept after the forced break
}

TEST_CASE("paginate: a PageTracker following a growing flow puts its end where paginate() puts it",
          "[layout][paginate]") {
    const style::Cascade cascade = small_page_cascade();
    layout::PageStyles styles(cascade);
    Flow flow;
    layout::PageTracker tracker(flow, styles);
    std::vector<layout::PagePosition> before;  // where each slice was about to go
    for (int i = 0; i < 12; ++i) {
        before.push_back(tracker.advance(flow.size()));
        // Pairs glued together (keep-with-next): the second one of each pair moves the first along.
        flow.push_back(content(30, numbered('K', i), i % 2 == 1));
    }
    const layout::PagePosition end = tracker.advance(flow.size());
    const layout::Paginated p = layout::paginate(flow, styles);
    REQUIRE(p.pages.size() == 6);  // one pair a page
    CHECK(texts(p.pages[5]) == "K10 K11");
    CHECK(end.page == 5);
    CHECK(end.room == Approx(100 - 60));
    // The first of a pair was about to go on the page before, with room for one more
    // slice; the pair's second then moved it on (the tracker only knows what is settled).
    CHECK(before[0].page == 0);
    CHECK(before[0].room == Approx(100));
    for (std::size_t k = 1; k < 6; ++k) {
        CHECK(before[2 * k].page == k - 1);
        CHECK(before[2 * k].room == Approx(40));
        // ...and the second was to follow it there, in the 10pt left.
        CHECK(before[2 * k + 1].page == k - 1);
        CHECK(before[2 * k + 1].room == Approx(10));
    }
}
