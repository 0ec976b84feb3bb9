#include "layout/table_borders.hpp"

#include <catch2/catch.hpp>

using namespace quorum::layout::table;
using quorum::style::Border;
using quorum::style::BorderStyle;
using quorum::style::Color;

namespace {

Border border(double width, BorderStyle style = BorderStyle::Solid, Color color = {}) { return {width, style, color}; }
const Color red{255, 0, 0, 255}, blue{0, 0, 255, 255}, green{0, 128, 0, 255};

Edges all(Border b) { return {b, b, b, b}; }

}  // namespace

TEST_CASE("collapse: the wider border wins") {
    CHECK(beats({border(2), BorderOrigin::Table}, {border(1), BorderOrigin::Cell}));
    CHECK_FALSE(beats({border(1), BorderOrigin::Cell}, {border(2), BorderOrigin::Table}));
}

TEST_CASE("collapse: same width, the style decides: double > solid > dashed > dotted") {
    CHECK(beats({border(1, BorderStyle::Double), BorderOrigin::Table}, {border(1, BorderStyle::Solid), BorderOrigin::Cell}));
    CHECK(beats({border(1, BorderStyle::Solid), BorderOrigin::Table}, {border(1, BorderStyle::Dashed), BorderOrigin::Cell}));
    CHECK(beats({border(1, BorderStyle::Dashed), BorderOrigin::Table}, {border(1, BorderStyle::Dotted), BorderOrigin::Cell}));
}

TEST_CASE("collapse: same width and style, cell > row > row group > column > column group > table") {
    CHECK(beats({border(1, BorderStyle::Solid, red), BorderOrigin::Cell}, {border(1, BorderStyle::Solid, blue), BorderOrigin::Row}));
    CHECK(beats({border(1), BorderOrigin::Row}, {border(1), BorderOrigin::RowGroup}));
    CHECK(beats({border(1), BorderOrigin::RowGroup}, {border(1), BorderOrigin::Column}));
    CHECK(beats({border(1), BorderOrigin::Column}, {border(1), BorderOrigin::ColumnGroup}));
    CHECK(beats({border(1), BorderOrigin::ColumnGroup}, {border(1), BorderOrigin::Table}));
}

TEST_CASE("collapse: any visible border beats none, even a thin one") {
    CHECK(beats({border(0.1), BorderOrigin::Table}, {border(5, BorderStyle::None), BorderOrigin::Cell}));
}

TEST_CASE("collapse: edges of a 2x2 grid with a table border, a row border and a spanning cell") {
    const Grid grid = build_grid({RowInput{0, {{2, 1}}}, RowInput{0, {{}, {}}}});
    CollapseInput in;
    in.grid = &grid;
    in.cells = {all(border(1, BorderStyle::Solid, red)), all(border(1, BorderStyle::Solid, blue)),
                all(border(1, BorderStyle::Solid, green))};
    in.rows = {Edges{}, Edges{border(3), {}, {}, {}}};  // row 2 has a 3pt top
    in.table = all(border(2, BorderStyle::Solid, blue));
    const CollapsedBorders out = collapse_borders(in);
    CHECK(out.above(0, 0).width == 2);                  // table top beats the 1pt cell
    CHECK(out.above(1, 0).width == 3);                  // the row's top border wins between the rows
    CHECK(out.left_of(0, 1).style == BorderStyle::None);  // inside the colspanning cell
    CHECK(out.left_of(1, 1).color == blue);             // tie between two cells: the left one wins
    CHECK(out.above(2, 1).width == 2);                  // table bottom
    CHECK(out.row_line_width(1) == 3);
    CHECK(out.column_line_width(2) == 2);
}

TEST_CASE("collapse: a row group's border applies on its boundary only") {
    const Grid grid = build_grid({RowInput{0, {{}}}, RowInput{1, {{}}}, RowInput{1, {{}}}});
    CollapseInput in;
    in.grid = &grid;
    in.cells.assign(3, Edges{});
    in.row_groups = {Span{0, 1, Edges{{}, {}, border(2), {}}}, Span{1, 2, Edges{}}};
    const CollapsedBorders out = collapse_borders(in);
    CHECK(out.above(1, 0).width == 2);
    CHECK_FALSE(out.above(2, 0).visible());
    CHECK_FALSE(out.above(0, 0).visible());
}

TEST_CASE("collapse: a tbody per row in a 10,000-row table stays linear") {
    std::vector<RowInput> rows;
    for (int r = 0; r < 10000; ++r) rows.push_back(RowInput{r, {{}, {}, {}}});
    const Grid grid = build_grid(rows);
    CollapseInput in;
    in.grid = &grid;
    in.cells.assign(grid.cells.size(), Edges{});
    for (int r = 0; r < 10000; ++r) in.row_groups.push_back(Span{r, 1, Edges{border(r % 2 ? 2 : 1), {}, {}, {}}});
    in.column_groups = {Span{0, 2, Edges{{}, {}, {}, border(4)}}, Span{2, 1, Edges{}}};
    const CollapsedBorders out = collapse_borders(in);
    CHECK(out.above(0, 0).width == 1);
    CHECK(out.above(9999, 2).width == 2);
    CHECK(out.left_of(5000, 0).width == 4);     // the first column group's left edge
    CHECK_FALSE(out.left_of(5000, 1).visible());  // inside the column group
}
