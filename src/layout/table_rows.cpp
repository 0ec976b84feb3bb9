#include "layout/table_rows.hpp"

#include <algorithm>

namespace quorum::layout::table {
namespace {

// Single-row cells: the tallest cell, with baseline-aligned cells lined up on one baseline.
void apply_single_row_cells(RowMetrics& m, const std::vector<RowCell>& cells) {
    const std::size_t rows = m.heights.size();
    std::vector<double> below_baseline(rows, 0);
    for (const RowCell& cell : cells) {
        if (cell.row_span != 1 || cell.row < 0 || static_cast<std::size_t>(cell.row) >= rows) continue;
        m.heights[cell.row] = std::max(m.heights[cell.row], cell.height);
        if (!cell.baseline_aligned) continue;
        m.baselines[cell.row] = std::max(m.baselines[cell.row], cell.baseline);
        below_baseline[cell.row] = std::max(below_baseline[cell.row], cell.height - cell.baseline);
    }
    for (std::size_t r = 0; r < rows; ++r)
        m.heights[r] = std::max(m.heights[r], m.baselines[r] + below_baseline[r]);
}

// Rowspanning cells, narrowest span first: extra height goes to the last spanned row.
void apply_spanning_cells(RowMetrics& m, const std::vector<RowCell>& cells, double spacing) {
    std::vector<const RowCell*> spanning;
    for (const RowCell& cell : cells)
        if (cell.row_span > 1 && cell.row >= 0 && cell.row + cell.row_span <= static_cast<int>(m.heights.size()))
            spanning.push_back(&cell);
    std::stable_sort(spanning.begin(), spanning.end(),
                     [](const RowCell* a, const RowCell* b) { return a->row_span < b->row_span; });
    for (const RowCell* cell : spanning) {
        double spanned = spacing * (cell->row_span - 1);
        for (int r = cell->row; r < cell->row + cell->row_span; ++r) spanned += m.heights[r];
        if (cell->height > spanned) m.heights[cell->row + cell->row_span - 1] += cell->height - spanned;
    }
}

}  // namespace

RowMetrics compute_row_heights(int row_count, const std::vector<double>& min_heights,
                               const std::vector<RowCell>& cells, double spacing) {
    RowMetrics m;
    const auto rows = static_cast<std::size_t>(std::max(row_count, 0));
    m.heights.assign(rows, 0);
    m.baselines.assign(rows, 0);
    for (std::size_t r = 0; r < rows && r < min_heights.size(); ++r) m.heights[r] = std::max(0.0, min_heights[r]);
    apply_single_row_cells(m, cells);
    apply_spanning_cells(m, cells, spacing);
    return m;
}

double vertical_offset(style::VerticalAlign align, double box_height, double natural_height,
                       double cell_baseline, double row_baseline) {
    const double slack = std::max(0.0, box_height - natural_height);
    switch (align) {
    case style::VerticalAlign::Top:
    case style::VerticalAlign::TextTop: return 0;
    case style::VerticalAlign::Middle: return slack / 2;
    case style::VerticalAlign::Bottom:
    case style::VerticalAlign::TextBottom: return slack;
    default: return std::clamp(row_baseline - cell_baseline, 0.0, slack);  // baseline, super, sub
    }
}

}  // namespace quorum::layout::table
