#include "layout/table_columns.hpp"

#include <catch2/catch.hpp>

#include <numeric>

using namespace quorum::layout::table;
using quorum::style::Length;

namespace {

CellWidthInput cell(int column, double min, double max, Length width = Length::automatic(), int span = 1, int row = 0) {
    CellWidthInput c;
    c.row = row;
    c.column = column;
    c.column_span = span;
    c.min = min;
    c.max = max;
    c.width = width;
    return c;
}

double total(const ColumnLayout& layout) { return std::accumulate(layout.widths.begin(), layout.widths.end(), 0.0); }

}  // namespace

TEST_CASE("columns: two columns of equal content split a fixed-width table evenly") {
    ColumnLayoutInput in;
    in.column_count = 2;
    in.cells = {cell(0, 40, 120), cell(1, 40, 120)};
    in.table_width = Length::pt(400);
    in.available_width = 500;
    const ColumnLayout out = compute_column_widths(in);
    REQUIRE(out.widths.size() == 2);
    CHECK(out.widths[0] == Approx(200));
    CHECK(out.widths[1] == Approx(200));
    CHECK(out.table_width == Approx(400));
    CHECK_FALSE(out.squeezed);
}

TEST_CASE("columns: an auto-width table shrinks to fit its content") {
    ColumnLayoutInput in;
    in.column_count = 2;
    in.cells = {cell(0, 30, 50), cell(1, 20, 70), cell(0, 10, 60, Length::automatic(), 1, 1)};
    in.available_width = 500;
    in.non_column_space = 6;
    const ColumnLayout out = compute_column_widths(in);
    CHECK(out.widths[0] == Approx(60));
    CHECK(out.widths[1] == Approx(70));
    CHECK(out.table_width == Approx(136));
}

TEST_CASE("columns: a column of long text takes the slack a short column doesn't need") {
    ColumnLayoutInput in;
    in.column_count = 2;
    in.cells = {cell(0, 50, 60), cell(1, 80, 1000)};
    in.available_width = 500;
    const ColumnLayout out = compute_column_widths(in);
    CHECK(total(out) == Approx(500));
    CHECK(out.widths[0] >= 50);
    CHECK(out.widths[0] < 60);
    CHECK(out.widths[1] > 430);
}

TEST_CASE("columns: percentage widths are honoured") {
    ColumnLayoutInput in;
    in.column_count = 3;
    in.cells = {cell(0, 20, 30, Length::percent(25)), cell(1, 20, 300), cell(2, 20, 100)};
    in.table_width = Length::pt(400);
    in.available_width = 500;
    const ColumnLayout out = compute_column_widths(in);
    CHECK(out.widths[0] == Approx(100));
    CHECK(total(out) == Approx(400));
    CHECK(out.widths[1] > out.widths[2]);
}

TEST_CASE("columns: a percentage on <col> applies to the column, and a 100% table fills the width") {
    ColumnLayoutInput in;
    in.column_count = 2;
    in.column_widths = {Length::percent(70)};
    in.cells = {cell(0, 10, 20), cell(1, 10, 20)};
    in.table_width = Length::percent(100);
    in.available_width = 1000;
    const ColumnLayout out = compute_column_widths(in);
    CHECK(out.widths[0] == Approx(700));
    CHECK(out.widths[1] == Approx(300));
}

TEST_CASE("columns: a fixed cell width is kept and auto columns take the surplus") {
    ColumnLayoutInput in;
    in.column_count = 2;
    in.cells = {cell(0, 20, 40, Length::pt(100)), cell(1, 20, 50)};
    in.table_width = Length::pt(500);
    in.available_width = 600;
    const ColumnLayout out = compute_column_widths(in);
    CHECK(out.widths[0] == Approx(100));
    CHECK(out.widths[1] == Approx(400));
}

TEST_CASE("columns: a fixed width narrower than the content still gets the content's minimum") {
    ColumnLayoutInput in;
    in.column_count = 1;
    in.cells = {cell(0, 75, 75, Length::pt(50))};
    in.table_width = Length::pt(50);
    in.available_width = 600;
    CHECK(compute_column_widths(in).widths[0] == Approx(75));
}

TEST_CASE("columns: a spanning cell spreads its excess minimum over the columns it spans") {
    ColumnLayoutInput in;
    in.column_count = 2;
    in.column_gap = 4;
    in.non_column_space = 12;
    in.cells = {cell(0, 10, 10), cell(1, 10, 10), cell(0, 104, 104, Length::automatic(), 2, 1)};
    in.available_width = 1000;
    const ColumnLayout out = compute_column_widths(in);
    CHECK(out.widths[0] == Approx(50));
    CHECK(out.widths[1] == Approx(50));
    CHECK(out.table_width == Approx(112));
}

TEST_CASE("columns: a table wider than the page is squeezed to fit, below the content minimum") {
    ColumnLayoutInput in;
    in.column_count = 2;
    in.cells = {cell(0, 300, 900), cell(1, 100, 400)};
    in.available_width = 200;
    in.non_column_space = 10;
    const ColumnLayout out = compute_column_widths(in);
    CHECK(out.squeezed);
    CHECK(out.table_width == Approx(200));
    CHECK(out.widths[0] == Approx(95));  // both wider than half: capped alike
    CHECK(out.widths[1] == Approx(95));
}

TEST_CASE("columns: squeezing caps the widest columns and leaves narrow ones their minimum") {
    ColumnLayoutInput in;
    in.column_count = 3;
    in.cells = {cell(0, 20, 30), cell(1, 300, 900), cell(2, 400, 500)};
    in.available_width = 300;
    const ColumnLayout out = compute_column_widths(in);
    CHECK(out.squeezed);
    CHECK(out.widths[0] == Approx(20));   // a reference column keeps its width
    CHECK(out.widths[1] == Approx(140));
    CHECK(out.widths[2] == Approx(140));
    CHECK(out.table_width == Approx(300));
}

TEST_CASE("columns: between min and max, columns at min widen towards max") {
    ColumnLayoutInput in;
    in.column_count = 3;
    in.cells = {cell(0, 100, 100), cell(1, 100, 400), cell(2, 100, 300)};
    in.available_width = 500;  // mins 300, maxes 800
    const ColumnLayout out = compute_column_widths(in);
    CHECK_FALSE(out.squeezed);
    CHECK(out.widths[0] == Approx(100));
    CHECK(out.widths[1] == Approx(100 + 300 * 0.4));
    CHECK(out.widths[2] == Approx(100 + 200 * 0.4));
}

TEST_CASE("columns: table-layout fixed takes the first row's widths and shares the rest") {
    ColumnLayoutInput in;
    in.fixed_layout = true;
    in.column_count = 3;
    in.table_width = Length::pt(400);
    in.available_width = 500;
    in.cells = {cell(0, 5, 5, Length::pt(100)), cell(1, 300, 300), cell(2, 5, 5),
                cell(1, 5, 5, Length::pt(250), 1, 1)};  // second row: ignored
    const ColumnLayout out = compute_column_widths(in);
    CHECK(out.widths[0] == Approx(100));
    CHECK(out.widths[1] == Approx(150));
    CHECK(out.widths[2] == Approx(150));
}

TEST_CASE("columns: table-layout fixed wider than the page is scaled down to it") {
    ColumnLayoutInput in;
    in.fixed_layout = true;
    in.column_count = 2;
    in.table_width = Length::pt(2000);
    in.available_width = 500;
    in.column_widths = {Length::pt(600), Length::pt(400)};
    const ColumnLayout out = compute_column_widths(in);
    CHECK(out.squeezed);
    CHECK(out.table_width == Approx(500));
    CHECK(out.widths[0] == Approx(300));
}

TEST_CASE("columns: no columns, no widths, no crash") {
    ColumnLayoutInput in;
    in.available_width = 500;
    in.non_column_space = 4;
    const ColumnLayout out = compute_column_widths(in);
    CHECK(out.widths.empty());
    CHECK(out.table_width == Approx(4));
}

TEST_CASE("columns: a table's intrinsic widths sum its columns' and add the spacing") {
    ColumnLayoutInput in;
    in.column_count = 2;
    in.non_column_space = 10;
    in.cells = {cell(0, 30, 80), cell(1, 20, 120), cell(0, 50, 60, Length::automatic(), 2, 1)};
    const IntrinsicWidths w = intrinsic_widths(in);
    CHECK(w.min == Approx(60));
    CHECK(w.max == Approx(210));
}

TEST_CASE("columns: table-layout fixed leaves every column some width when one takes it all") {
    ColumnLayoutInput in;
    in.fixed_layout = true;
    in.column_count = 3;
    in.table_width = Length::percent(100);
    in.available_width = 400;
    in.cells = {cell(0, 0, 0, Length::pt(900)), cell(1, 0, 0), cell(2, 0, 0)};
    const ColumnLayout out = compute_column_widths(in);
    CHECK(out.widths[1] == Approx(24));
    CHECK(out.widths[2] == Approx(24));
    CHECK(out.table_width == Approx(400));
}
