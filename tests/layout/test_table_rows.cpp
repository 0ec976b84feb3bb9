#include "layout/table_rows.hpp"

#include <catch2/catch.hpp>

using namespace quorum::layout::table;
using quorum::style::VerticalAlign;

TEST_CASE("rows: a row is as tall as its tallest cell or its own height") {
    const RowMetrics m = compute_row_heights(2, {0, 50}, {{0, 1, 20, 15, false}, {0, 1, 35, 15, false}, {1, 1, 10, 8, false}}, 0);
    CHECK(m.heights[0] == 35);
    CHECK(m.heights[1] == 50);
}

TEST_CASE("rows: baseline-aligned cells share the row's baseline") {
    // One cell with a big first line (baseline 30, height 40), one small (baseline 10, height 30).
    const RowMetrics m = compute_row_heights(1, {}, {{0, 1, 40, 30, true}, {0, 1, 30, 10, true}}, 0);
    CHECK(m.baselines[0] == 30);
    CHECK(m.heights[0] == 50);  // the small cell moves down 20: 20 + 30
    CHECK(vertical_offset(VerticalAlign::Baseline, 50, 30, 10, 30) == 20);
}

TEST_CASE("rows: a rowspanning cell gives its extra height to the last row it spans") {
    const RowMetrics m = compute_row_heights(3, {}, {{0, 1, 20, 0, false}, {1, 1, 20, 0, false}, {2, 1, 20, 0, false},
                                                     {0, 2, 100, 0, false}}, 4);
    CHECK(m.heights[0] == 20);
    CHECK(m.heights[1] == 76);  // 100 - (20 + 20 + 4 spacing) = 56 extra
    CHECK(m.heights[2] == 20);
}

TEST_CASE("rows: a rowspanning cell shorter than its rows changes nothing") {
    const RowMetrics m = compute_row_heights(2, {}, {{0, 1, 30, 0, false}, {1, 1, 30, 0, false}, {0, 2, 40, 0, false}}, 0);
    CHECK(m.heights[0] == 30);
    CHECK(m.heights[1] == 30);
}

TEST_CASE("rows: vertical-align places content top, middle, bottom") {
    CHECK(vertical_offset(VerticalAlign::Top, 100, 40, 10, 10) == 0);
    CHECK(vertical_offset(VerticalAlign::Middle, 100, 40, 10, 10) == 30);
    CHECK(vertical_offset(VerticalAlign::Bottom, 100, 40, 10, 10) == 60);
    CHECK(vertical_offset(VerticalAlign::Bottom, 30, 40, 10, 10) == 0);  // never above the top
}
