// Column widths: CSS 2.1 §17.5.2 automatic and fixed table layout, as browsers do it.
//
// The automatic algorithm follows the CSS Tables 3 draft (§3.9 "width distribution"),
// which writes down what browsers converged on: columns get min/max widths from the
// cells that span only them, spanning cells distribute their excess, then the used
// width is found by interpolating between four "guesses" (all at min; percentage
// columns at their percentage; fixed columns at their width; all at max).
//
// Pure arithmetic: the caller measures cells (border-box min/max content widths) and
// says how much horizontal space is not columns (border-spacing, table borders/padding).
#pragma once

#include "style/computed_style.hpp"

#include <vector>

namespace quorum::layout::table {

// One cell's widths, in points, for its border box (content + padding + borders).
struct CellWidthInput {
    int row = 0, column = 0, column_span = 1;
    double min = 0, max = 0;                          // min-/max-content border-box widths
    // Its widest word whole (min breaks words at hyphenation points): the width it should
    // get when the table has room. 0: same as min.
    double word = 0;
    style::Length width = style::Length::automatic();  // the cell's `width` as a border-box length
};

struct ColumnLayoutInput {
    int column_count = 0;
    std::vector<style::Length> column_widths;  // per column from <col>/<colgroup>; may be shorter than column_count
    std::vector<CellWidthInput> cells;
    style::Length table_width = style::Length::automatic();  // border-box width of the table
    double available_width = 0;   // the containing block's width: the table never gets wider
    double non_column_space = 0;  // spacing between/around columns + table borders and padding
    double column_gap = 0;        // border-spacing between two columns (a spanning cell covers span-1 of them)
    bool fixed_layout = false;    // table-layout: fixed (used only when table_width is not auto, as CSS 2.1 says)
};

struct ColumnLayout {
    std::vector<double> widths;  // border-box width of each column's cells (without spacing)
    double table_width = 0;      // border-box width of the table: sum(widths) + non_column_space
    // The columns' minimum widths did not fit the available width: they were scaled
    // down below their content's minimum and cell content must break anywhere.
    bool squeezed = false;
};

ColumnLayout compute_column_widths(const ColumnLayoutInput& input);

// The table's min-/max-content border-box widths, for a shrink-to-fit container around it
// (a table nested in a cell). `available_width` and `table_width` are not used.
struct IntrinsicWidths {
    double min = 0, max = 0;
};
IntrinsicWidths intrinsic_widths(const ColumnLayoutInput& input);

}  // namespace quorum::layout::table
