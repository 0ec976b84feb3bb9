// Drawing laid-out table rows into slices: backgrounds (row group, row, cell), borders
// (each cell's own in the separate model, the resolved grid lines when collapsed) and the
// cells' content, placed by vertical-align.
#pragma once

#include "layout/boxes.hpp"
#include "layout/table_geometry.hpp"

#include <vector>

namespace quorum::layout::table {

// Rows [from, to) of the band (indices within it) as one slice. Cells starting in those
// rows are drawn whole, even if they span rows below `to`.
Slice paint_band(const TableGeometry& g, const Band& band, int from, int to);

// A band taller than `budget`: pieces no taller than it where possible, cut where every
// cell can break (between lines, or between rows no cell spans), so they stack seamlessly;
// a single row whose cells' lines never line up is cut cell by cell instead.
std::vector<Slice> paint_tall_band(const TableGeometry& g, const Band& band, double budget);

}  // namespace quorum::layout::table
