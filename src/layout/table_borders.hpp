// border-collapse: collapse — which border wins on each edge of the grid (CSS 2.1 §17.6.2.1).
//
//   1. `none` loses to any visible border (there is no `hidden` in our subset);
//   2. the wider border wins;
//   3. same width: the style wins by priority double > solid > dashed > dotted;
//   4. same width and style: cell > row > row group > column > column group > table;
//   5. same kind of element: the one further left (vertical edge) or up (horizontal edge).
#pragma once

#include "layout/table_grid.hpp"
#include "style/computed_style.hpp"

#include <cstdint>
#include <vector>

namespace quorum::layout::table {

// Lowest to highest priority when only colour differs (rule 4).
enum class BorderOrigin : std::uint8_t { Table, ColumnGroup, Column, RowGroup, Row, Cell };

struct BorderCandidate {
    style::Border border;
    BorderOrigin origin = BorderOrigin::Table;
};

// True when `a` beats `b`; ties (same everything) keep `b` — pass the left/upper one as `b`.
bool beats(const BorderCandidate& challenger, const BorderCandidate& holder);

struct Edges {
    style::Border top, right, bottom, left;
};

struct Span {
    int first = 0, count = 0;  // rows of a row group, or columns of a column group
    Edges borders;
};

struct CollapseInput {
    const Grid* grid = nullptr;
    std::vector<Edges> cells;           // per grid.cells entry
    std::vector<Edges> rows;            // per grid row (may be empty: no row borders)
    std::vector<Span> row_groups;
    std::vector<Edges> columns;         // per grid column (may be shorter)
    std::vector<Span> column_groups;
    Edges table;
};

// The winning border of every edge segment of the grid. A segment inside a spanning
// cell has no border (style None).
struct CollapsedBorders {
    int rows = 0, columns = 0;
    std::vector<style::Border> horizontal;  // (rows+1) x columns: the edge above row r, over column c
    std::vector<style::Border> vertical;    // rows x (columns+1): the edge left of column c, beside row r

    const style::Border& above(int row, int column) const { return horizontal[static_cast<std::size_t>(row) * columns + column]; }
    const style::Border& left_of(int row, int column) const { return vertical[static_cast<std::size_t>(row) * (columns + 1) + column]; }
    // The widest border along a whole grid line (cells are inset by half of it).
    double row_line_width(int row_line) const;
    double column_line_width(int column_line) const;
};

CollapsedBorders collapse_borders(const CollapseInput& input);

}  // namespace quorum::layout::table
