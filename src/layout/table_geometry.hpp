// Internal to table layout (table.cpp, table_paint.cpp): what is computed once per table
// (grid, borders, column positions) and per band of rows (laid-out cells, row heights).
#pragma once

#include "layout/boxes.hpp"
#include "layout/table_borders.hpp"
#include "layout/table_grid.hpp"
#include "layout/table_structure.hpp"

#include <vector>

namespace quorum::layout::table {

// Border + padding on each side of a cell (collapse: half the grid line + padding).
struct Insets {
    double top = 0, right = 0, bottom = 0, left = 0;
};

struct TableGeometry {
    const Box* box = nullptr;
    const style::ComputedStyle* style = nullptr;
    TableStructure structure;
    Grid grid;
    std::vector<const Box*> cell_boxes;  // per grid.cells entry
    std::vector<Insets> cell_insets;     // per grid.cells entry
    std::vector<int> first_cell_of_row;  // row_count + 1 entries: grid.cells are in row order

    bool collapse = false;
    CollapsedBorders borders;            // collapse only
    std::vector<double> row_lines;       // collapse: widest border on each horizontal grid line
    std::vector<double> column_lines;    // collapse: widest border on each vertical grid line
    double h_spacing = 0, v_spacing = 0; // separate only: border-spacing

    double table_x = 0, table_width = 0; // border box, x from the content area's left
    std::vector<double> column_widths;
    // Left edge of each column's cells (collapse: the centre of the grid line), plus one
    // past the last column.
    std::vector<double> column_x;
    double open_height = 0, close_height = 0;  // the table's top/bottom insets in the flow

    double cell_left(const GridCell& c) const { return column_x[c.column]; }
    double cell_right(const GridCell& c) const {
        const int last = c.column + c.column_span - 1;
        return column_x[last] + column_widths[last];
    }
};

struct LaidCell {
    int index = 0;          // into grid.cells
    Flow flow;              // its content, x already placed, y from the content top
    double natural_height = 0;  // border box
    double baseline = 0;        // from the border-box top
};

// Rows tied together by rowspans, laid out.
struct Band {
    int first_row = 0, end_row = 0;
    std::vector<LaidCell> cells;     // cells starting in these rows, in grid order
    std::vector<double> row_heights; // per row of the band (border box of single-row cells)
    std::vector<double> row_baselines;
};

}  // namespace quorum::layout::table
