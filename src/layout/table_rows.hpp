// Row heights and the vertical placement of cells within them (CSS 2.1 §17.5.3).
//
// Pure arithmetic over measured cells: the caller lays out each cell's content at its
// column width and reports its border-box height and first baseline.
#pragma once

#include "style/computed_style.hpp"

#include <vector>

namespace quorum::layout::table {

struct RowCell {
    int row = 0, row_span = 1;  // rows relative to the first row passed in
    double height = 0;          // natural border-box height (content + padding + borders)
    double baseline = 0;        // first line's baseline from the border-box top
    bool baseline_aligned = false;  // vertical-align: baseline (the row aligns these)
};

struct RowMetrics {
    std::vector<double> heights;    // per row
    std::vector<double> baselines;  // per row, from the row top (0 when no baseline-aligned cell)
};

// Rows are as tall as their tallest cell (and their own `height`); baseline-aligned cells
// in a row share a baseline. A rowspanning cell taller than the rows it spans (plus the
// `spacing` between them) makes its last row taller by the difference, as browsers do.
RowMetrics compute_row_heights(int row_count, const std::vector<double>& min_heights,
                               const std::vector<RowCell>& cells, double spacing);

// Where a cell's content goes down within its box: `box_height` is the height the cell
// gets (its rows), `natural_height` what its content needs; both border-box.
double vertical_offset(style::VerticalAlign align, double box_height, double natural_height,
                       double cell_baseline, double row_baseline);

}  // namespace quorum::layout::table
