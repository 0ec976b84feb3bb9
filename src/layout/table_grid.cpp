#include "layout/table_grid.hpp"

#include <algorithm>

namespace quorum::layout::table {
namespace {

// A page can't show more columns than this legibly; capping the grid width also bounds
// the slot array for hostile input (colspan=1000 on every cell of a long row).
constexpr int max_grid_columns = 1000;

// For each row, the index one past the last row of its row group.
std::vector<int> row_group_ends(const std::vector<RowInput>& rows) {
    std::vector<int> ends(rows.size());
    int end = static_cast<int>(rows.size());
    for (int r = end - 1; r >= 0; --r) {
        if (r + 1 < static_cast<int>(rows.size()) && rows[r + 1].group != rows[r].group) end = r + 1;
        ends[r] = end;
    }
    return ends;
}

// Rows still covered by a rowspanning cell, per column, for the row being placed.
class Occupancy {
public:
    bool taken(int column) const {
        return column < static_cast<int>(rows_left_.size()) && rows_left_[column] > 0;
    }
    void take(int column, int count, int rows) {
        if (static_cast<int>(rows_left_.size()) < column + count) rows_left_.resize(column + count, 0);
        std::fill(rows_left_.begin() + column, rows_left_.begin() + column + count, rows);
    }
    void next_row() {
        for (int& left : rows_left_) left = left > 0 ? left - 1 : 0;
    }
    int width() const { return static_cast<int>(rows_left_.size()); }

private:
    std::vector<int> rows_left_;
};

int first_free_column(const Occupancy& occupied, int from) {
    while (occupied.taken(from)) ++from;
    return from;
}

// The colspan that fits from `column` without overlapping a cell from a row above.
int fitting_colspan(const Occupancy& occupied, int column, int wanted) {
    int span = 0;
    while (span < wanted && column + span < max_grid_columns && !occupied.taken(column + span)) ++span;
    return span;
}

int clamped_rowspan(int rowspan, int row, int group_end) {
    const int rows_to_group_end = group_end - row;
    if (rowspan == 0) return rows_to_group_end;  // 0 = to the end of the group
    if (rowspan < 0) return 1;                   // not a valid number: the default
    return std::min({rowspan, max_rowspan, rows_to_group_end});
}

void fill_slots(Grid& grid) {
    grid.slots.assign(static_cast<std::size_t>(grid.row_count) * grid.column_count, -1);
    for (int i = 0; i < static_cast<int>(grid.cells.size()); ++i) {
        const GridCell& cell = grid.cells[i];
        for (int r = cell.row; r < cell.row + cell.row_span; ++r)
            for (int c = cell.column; c < cell.column + cell.column_span; ++c)
                grid.slots[static_cast<std::size_t>(r) * grid.column_count + c] = i;
    }
}

}  // namespace

Grid build_grid(const std::vector<RowInput>& rows, int min_columns) {
    Grid grid;
    grid.row_count = static_cast<int>(rows.size());
    const std::vector<int> group_end = row_group_ends(rows);
    Occupancy occupied;
    for (int r = 0; r < grid.row_count; ++r) {
        int column = 0;
        for (int i = 0; i < static_cast<int>(rows[r].cells.size()); ++i) {
            const CellInput& input = rows[r].cells[i];
            column = first_free_column(occupied, column);
            const int colspan = fitting_colspan(occupied, column, std::clamp(input.colspan, 1, max_colspan));
            if (colspan == 0) break;  // the row is already max_grid_columns wide: drop the rest
            const int rowspan = clamped_rowspan(input.rowspan, r, group_end[r]);
            occupied.take(column, colspan, rowspan);
            grid.cells.push_back({r, column, rowspan, colspan, r, i});
            column += colspan;
        }
        occupied.next_row();
    }
    grid.column_count = std::max(occupied.width(), std::clamp(min_columns, 0, max_grid_columns));
    fill_slots(grid);
    return grid;
}

}  // namespace quorum::layout::table
