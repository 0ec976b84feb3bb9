// The table grid: which slots each cell occupies (the HTML table processing model).
//
// Pure data in, pure data out: no styles, no fonts. The caller (table.cpp) lists the
// rows in source order, each tagged with its row group, and gets back the cells'
// positions. Browsers' rules are followed where the model has errors:
//   - rowspan=0 spans to the end of the row group; no rowspan crosses a row group;
//   - colspan is clamped to 1..1000, rowspan to 0..65534 (as the HTML spec does);
//   - a cell that would overlap a slot already taken by a rowspanning cell from above
//     has its colspan clipped (it never overlaps: each slot has at most one owner);
//   - ragged rows are padded: missing slots simply stay empty (owner -1).
#pragma once

#include <cstdint>
#include <vector>

namespace quorum::layout::table {

// A row group as the table model knows it. thead/tfoot matter for pagination.
enum class RowGroupKind : std::uint8_t { Header, Body, Footer };

struct CellInput {
    int colspan = 1;
    int rowspan = 1;  // 0 = to the end of the row group
};

struct RowInput {
    int group = 0;  // index of its row group; consecutive rows with the same index form one group
    std::vector<CellInput> cells;
};

struct GridCell {
    int row = 0, column = 0;         // top-left slot
    int row_span = 1, column_span = 1;  // after clipping
    int source_row = 0, source_index = 0;  // where it came from in the input
};

struct Grid {
    int row_count = 0;
    int column_count = 0;
    std::vector<GridCell> cells;  // in source order
    std::vector<int> slots;       // row_count * column_count; index into `cells`, -1 = empty

    int owner(int row, int column) const { return slots[static_cast<std::size_t>(row) * column_count + column]; }
};

inline constexpr int max_colspan = 1000;
inline constexpr int max_rowspan = 65534;

// `min_columns`: columns declared by <col>/<colgroup> (the grid is at least that wide).
Grid build_grid(const std::vector<RowInput>& rows, int min_columns = 0);

}  // namespace quorum::layout::table
