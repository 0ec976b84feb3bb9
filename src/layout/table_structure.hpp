// The parts of a Table box, in the order the table model needs them: captions, columns
// (from <col>/<colgroup> spans), and rows in visual order — the first thead on top, the
// first tfoot at the bottom, everything else in source order (HTML moves them so).
// Stray cells are wrapped in anonymous rows, stray rows in an anonymous body group.
#pragma once

#include "layout/boxes.hpp"
#include "layout/table_borders.hpp"
#include "layout/table_grid.hpp"

#include <vector>

namespace quorum::layout::table {

struct RowSource {
    const Box* row = nullptr;  // nullptr: an anonymous row
    std::vector<const Box*> cells;
    int group = 0;             // index into TableStructure::groups
};

struct RowGroupSource {
    const Box* box = nullptr;  // nullptr: an anonymous body
    RowGroupKind kind = RowGroupKind::Body;
    int first_row = 0, row_count = 0;
};

struct ColumnSource {
    const Box* column = nullptr;  // the <col> (nullptr for a colgroup without cols)
    const Box* group = nullptr;   // its <colgroup>, if any
};

struct TableStructure {
    std::vector<const Box*> captions;
    std::vector<ColumnSource> columns;  // one per grid column declared by <col>/<colgroup>
    std::vector<RowGroupSource> groups; // visual order
    std::vector<RowSource> rows;        // visual order
    int header_rows = 0;                // leading rows from the thead
    int footer_rows = 0;                // trailing rows from the tfoot
};

TableStructure collect_structure(const Box& table);

// The grid of the collected rows (cells' colspan/rowspan from their styles).
Grid grid_of(const TableStructure& structure);

}  // namespace quorum::layout::table
