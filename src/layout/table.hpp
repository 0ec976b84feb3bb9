// Table layout: a Table box in, slices out (see boxes.hpp for the flow model).
//
// What the flow gets, in order:
//   - the table's top margin, then its captions (laid out as blocks, the table's width);
//   - an Open slice whose Decoration is the table's background (and, with
//     border-collapse: separate, its borders); `repeat_header` holds the thead rows and
//     `repeat_footer` the tfoot rows, which the paginator repeats on every page the table
//     runs onto (as WeasyPrint does);
//   - one Content slice per "band" of rows (rows tied together by rowspans), so rows are
//     kept whole; a band taller than a page is cut: a single row into pieces at line
//     boundaries of its cells, a rowspan band between its rows;
//   - the tfoot rows, the Close slice, the bottom margin.
// Header rows and the first body row avoid breaks before them, so a table that starts
// too near the bottom of a page for its header and first row moves to the next page.
//
// Column widths: table_columns.hpp; grid: table_grid.hpp; collapsed borders:
// table_borders.hpp; row heights: table_rows.hpp; row splitting: table_split.hpp.
#pragma once

#include "layout/block.hpp"
#include "layout/boxes.hpp"

namespace quorum::layout {

// Lays out a block-level table box (margins, captions, rows) in a containing block
// `containing_width` wide whose content starts at x. Never wider than that width:
// an over-wide table is squeezed (cell content breaks anywhere) and a warning names it.
void layout_table(const Box& table, LayoutContext& ctx, double x, double containing_width, FlowBuilder& out);

// The min-/max-content widths of a table, without its own margins, borders and padding
// (as measure_block_contents() gives for other boxes): for a table inside a table cell
// or another shrink-to-fit box.
LineBreaker::Widths measure_table(const Box& table, LayoutContext& ctx);

}  // namespace quorum::layout
