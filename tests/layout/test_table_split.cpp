#include "layout/table_split.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace quorum::layout;
using namespace quorum::layout::table;

namespace {

Slice content(double height) {
    Slice s;
    s.kind = Slice::Kind::Content;
    s.height = height;
    return s;
}

Slice open_block(double height) {
    Slice s;
    s.kind = Slice::Kind::Open;
    s.height = height;
    s.edit().decoration.background = {200, 200, 200, 255};
    return s;
}

Slice close_block(double height) {
    Slice s;
    s.kind = Slice::Kind::Close;
    s.height = height;
    return s;
}

}  // namespace

TEST_CASE("split: a flow is cut between slices into chunks no taller than the budget") {
    const Flow flow{content(10), content(10), content(10), content(10), content(10)};
    const auto chunks = split_flow(flow, 25);
    REQUIRE(chunks.size() == 3);
    CHECK(chunks[0].begin == 0);
    CHECK(chunks[0].end == 2);
    CHECK(chunks[0].height == 20);
    CHECK(chunks[2].begin == 4);
    CHECK(chunks[2].end == 5);
}

TEST_CASE("split: a slice taller than the budget still makes progress, alone in its chunk") {
    const Flow flow{content(5), content(100), content(5)};
    const auto chunks = split_flow(flow, 20);
    REQUIRE(chunks.size() == 3);
    CHECK(chunks[1].height == 100);
}

TEST_CASE("split: an empty flow has no chunks") { CHECK(split_flow({}, 100).empty()); }

TEST_CASE("split: chunks re-open and close the blocks they cut through") {
    const Flow flow{open_block(2), content(10), content(10), close_block(2)};
    const auto chunks = split_flow(flow, 13);
    REQUIRE(chunks.size() == 2);
    const Flow first = chunk_flow(flow, chunks[0]);
    REQUIRE(first.size() == 3);  // open, line, synthetic close
    CHECK(first.back().kind == Slice::Kind::Close);
    CHECK(first.back().height == 0);
    const Flow second = chunk_flow(flow, chunks[1]);
    REQUIRE(second.size() == 3);  // synthetic open, line, close
    CHECK(second.front().kind == Slice::Kind::Open);
    CHECK(second.front().height == 0);
    CHECK(second.front().decoration().background == first.front().decoration().background);
}

TEST_CASE("split: break positions of a cell skip slices that must stay with the one before") {
    Flow flow{content(10), content(10), content(10), content(10)};
    flow[1].avoid_break_before = true;  // orphans: the first two lines stay together
    const CellBreaks breaks = cell_breaks(flow, 5);
    CHECK(breaks.positions == std::vector<double>{25, 35});
    CHECK(breaks.content_top == 5);
    CHECK(breaks.content_bottom == 45);
}

TEST_CASE("split: a row is cut where every cell can break, including beyond a short cell's content") {
    // A tall cell with 10pt lines from y=4, and a short cell of one line.
    const CellBreaks tall = cell_breaks(Flow{content(10), content(10), content(10), content(10), content(10)}, 4);
    const CellBreaks short_cell = cell_breaks(Flow{content(12)}, 4);
    const auto cuts = common_cuts({tall, short_cell}, 58, 25);
    REQUIRE(cuts);
    CHECK(*cuts == std::vector<double>{24, 34, 44});  // 14 is inside the short cell's line
}

TEST_CASE("split: no common cuts when lines never line up within the budget") {
    const CellBreaks a = cell_breaks(Flow{content(10), content(10), content(10), content(10)}, 0);
    const CellBreaks b = cell_breaks(Flow{content(13), content(13), content(13)}, 0);
    CHECK_FALSE(common_cuts({a, b}, 40, 15));
    CHECK(common_cuts({a, b}, 40, 100));  // a cut-free row that fits is fine
}

TEST_CASE("split: best-effort cuts stay within the budget, preferring clean ones, and always progress") {
    const CellBreaks a = cell_breaks(Flow{content(10), content(10), content(10), content(10)}, 0);
    const CellBreaks b = cell_breaks(Flow{content(13), content(13), content(13)}, 0);
    // No clean cut exists; a cut at 20 goes through b's line 13..26, which ends within 30.
    const auto cuts = best_effort_cuts({a, b}, 40, 30);
    REQUIRE(!cuts.empty());
    CHECK(cuts.front() <= 30);
    CHECK(std::is_sorted(cuts.begin(), cuts.end()));
    // A clean position is taken when there is one within the budget.
    const CellBreaks c = cell_breaks(Flow{content(10), content(10), content(10)}, 0);
    const CellBreaks d = cell_breaks(Flow{content(20), content(10)}, 0);
    CHECK(best_effort_cuts({c, d}, 30, 25) == std::vector<double>{20});
    // A budget smaller than any line still moves forward, one candidate at a time.
    const auto tiny = best_effort_cuts({a}, 40, 1);
    CHECK(tiny == std::vector<double>{10, 20, 30});
}
