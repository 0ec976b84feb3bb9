#include "layout/table.hpp"

#include "layout/paginate.hpp"
#include "layout/table_borders.hpp"
#include "layout/table_columns.hpp"
#include "layout/table_grid.hpp"
#include "layout/table_geometry.hpp"
#include "layout/table_paint.hpp"
#include "layout/table_rows.hpp"
#include "layout/table_split.hpp"
#include "layout/table_structure.hpp"

#include <algorithm>
#include <limits>

namespace quorum::layout {
namespace {

using namespace table;
using style::ComputedStyle;
using style::Length;

double visible_width(const style::Border& b) { return b.visible() ? b.width : 0; }

Insets separate_insets(const ComputedStyle& s, double reference) {
    return {visible_width(s.border_top) + s.padding_top.resolve(reference),
            visible_width(s.border_right) + s.padding_right.resolve(reference),
            visible_width(s.border_bottom) + s.padding_bottom.resolve(reference),
            visible_width(s.border_left) + s.padding_left.resolve(reference)};
}

Edges edges_of(const ComputedStyle& s) { return {s.border_top, s.border_right, s.border_bottom, s.border_left}; }

CollapsedBorders resolve_collapsed(const TableGeometry& g) {
    const TableStructure& t = g.structure;
    CollapseInput in;
    in.grid = &g.grid;
    in.cells.reserve(g.cell_boxes.size());
    for (const Box* cell : g.cell_boxes) in.cells.push_back(edges_of(*cell->style));
    in.rows.reserve(t.rows.size());
    for (const RowSource& row : t.rows) in.rows.push_back(row.row ? edges_of(*row.row->style) : Edges{});
    for (const RowGroupSource& group : t.groups)
        if (group.box) in.row_groups.push_back({group.first_row, group.row_count, edges_of(*group.box->style)});
    const Box* current_group = nullptr;
    for (int c = 0; c < static_cast<int>(t.columns.size()); ++c) {
        const ColumnSource& col = t.columns[c];
        in.columns.push_back(col.column ? edges_of(*col.column->style) : Edges{});
        if (col.group && col.group != current_group) in.column_groups.push_back({c, 0, edges_of(*col.group->style)});
        if (col.group) in.column_groups.back().count++;
        current_group = col.group;
    }
    in.table = edges_of(*g.style);
    return collapse_borders(in);
}

void compute_cell_insets(TableGeometry& g, double reference) {
    g.cell_insets.resize(g.cell_boxes.size());
    for (std::size_t i = 0; i < g.cell_boxes.size(); ++i) {
        const ComputedStyle& s = *g.cell_boxes[i]->style;
        if (!g.collapse) {
            g.cell_insets[i] = separate_insets(s, reference);
            continue;
        }
        const GridCell& cell = g.grid.cells[i];
        g.cell_insets[i] = {g.row_lines[cell.row] / 2 + s.padding_top.resolve(reference),
                            g.column_lines[cell.column + cell.column_span] / 2 + s.padding_right.resolve(reference),
                            g.row_lines[cell.row + cell.row_span] / 2 + s.padding_bottom.resolve(reference),
                            g.column_lines[cell.column] / 2 + s.padding_left.resolve(reference)};
    }
}

// A cell's `width` as a border-box length (CSS gives content-box for cells).
Length border_box_width(const ComputedStyle& s, const Insets& insets) {
    if (s.width.unit != Length::Unit::Pt) return s.width;
    return Length::pt(s.width.value + insets.left + insets.right);
}

ColumnLayoutInput column_input(const TableGeometry& g, LayoutContext& ctx, double available) {
    ColumnLayoutInput in;
    in.column_count = g.grid.column_count;
    for (const ColumnSource& col : g.structure.columns) {
        Length w = col.column ? col.column->style->width : Length::automatic();
        if (w.is_auto() && col.group) w = col.group->style->width;
        in.column_widths.push_back(w);
    }
    in.cells.reserve(g.cell_boxes.size());
    const bool fixed = g.style->table_layout == style::TableLayout::Fixed && !g.style->width.is_auto();
    for (std::size_t i = 0; i < g.cell_boxes.size(); ++i) {
        const GridCell& cell = g.grid.cells[i];
        const Insets& insets = g.cell_insets[i];
        CellWidthInput w;
        w.row = cell.row;
        w.column = cell.column;
        w.column_span = cell.column_span;
        w.width = border_box_width(*g.cell_boxes[i]->style, insets);
        // Fixed layout never looks at content: measuring 10,000 rows would be wasted work.
        if (!fixed) {
            const LineBreaker::Widths content = measure_block_contents(*g.cell_boxes[i], ctx);
            w.min = content.min + insets.left + insets.right;
            w.max = std::max(content.max, content.min) + insets.left + insets.right;
            w.word = std::max(content.word, content.min) + insets.left + insets.right;
        }
        in.cells.push_back(w);
    }
    in.table_width = g.style->width;
    in.available_width = available;
    in.fixed_layout = g.style->table_layout == style::TableLayout::Fixed;
    if (g.collapse) {
        in.non_column_space = g.column_lines.front() / 2 + g.column_lines.back() / 2;
    } else {
        const Insets table = separate_insets(*g.style, available);
        in.non_column_space = table.left + table.right + g.h_spacing * (g.grid.column_count + 1);
        in.column_gap = g.h_spacing;
    }
    return in;
}

std::vector<double> line_widths_of_rows(const CollapsedBorders& b) {
    std::vector<double> out(static_cast<std::size_t>(b.rows) + 1);
    for (int r = 0; r <= b.rows; ++r) out[r] = b.row_line_width(r);
    return out;
}

std::vector<double> line_widths_of_columns(const CollapsedBorders& b) {
    std::vector<double> out(static_cast<std::size_t>(b.columns) + 1);
    for (int c = 0; c <= b.columns; ++c) out[c] = b.rows > 0 ? b.column_line_width(c) : 0;
    return out;
}

// At LINE:COL of the <table> (typeset adds the file).
void warn_squeezed(const Box& table_box, LayoutContext& ctx) {
    ctx.warnings.push_back(source_prefix(table_box.position.line, table_box.position.column) +
                           "warning: table is wider than the page even at its narrowest; columns squeezed to fit "
                           "and their content broken where needed");
}

double resolved_margin(const Length& margin, double reference) { return margin.is_auto() ? 0 : margin.resolve(reference); }

void place_table(TableGeometry& g, double x, double containing_width) {
    const ComputedStyle& s = *g.style;
    const double ml = resolved_margin(s.margin_left, containing_width);
    const double mr = resolved_margin(s.margin_right, containing_width);
    const double free = std::max(0.0, containing_width - ml - mr - g.table_width);
    if (s.margin_left.is_auto() && s.margin_right.is_auto()) g.table_x = x + ml + free / 2;
    else if (s.margin_left.is_auto()) g.table_x = x + ml + free;
    else g.table_x = x + ml;
    double column_x = g.table_x;
    if (g.collapse) {
        column_x += g.column_lines.front() / 2;
    } else {
        const Insets table = separate_insets(s, containing_width);
        column_x += table.left + g.h_spacing;
    }
    g.column_x.resize(g.column_widths.size() + 1);
    for (std::size_t c = 0; c < g.column_widths.size(); ++c) {
        g.column_x[c] = column_x;
        column_x += g.column_widths[c] + g.h_spacing;
    }
    g.column_x.back() = column_x;
}

double available_for(const ComputedStyle& s, double containing_width) {
    return std::max(0.0, containing_width - resolved_margin(s.margin_left, containing_width) -
                             resolved_margin(s.margin_right, containing_width));
}

// Structure, grid, borders and cell insets: everything before column widths.
TableGeometry prepare_geometry(const Box& table_box, double available) {
    TableGeometry g;
    g.box = &table_box;
    g.style = table_box.style;
    g.structure = collect_structure(table_box);
    g.grid = grid_of(g.structure);
    for (const GridCell& cell : g.grid.cells) g.cell_boxes.push_back(g.structure.rows[cell.source_row].cells[cell.source_index]);
    g.collapse = g.style->border_collapse == style::BorderCollapse::Collapse;
    if (g.collapse) {
        g.borders = resolve_collapsed(g);
        g.row_lines = line_widths_of_rows(g.borders);
        g.column_lines = line_widths_of_columns(g.borders);
    } else {
        g.h_spacing = g.style->border_spacing_h;
        g.v_spacing = g.style->border_spacing_v;
    }
    compute_cell_insets(g, available);
    return g;
}

TableGeometry measure_geometry(const Box& table_box, LayoutContext& ctx, double x, double containing_width) {
    const double available = available_for(*table_box.style, containing_width);
    TableGeometry g = prepare_geometry(table_box, available);
    const ColumnLayout columns = compute_column_widths(column_input(g, ctx, available));
    if (columns.squeezed) warn_squeezed(table_box, ctx);
    g.column_widths = columns.widths;
    g.table_width = columns.table_width;
    place_table(g, x, containing_width);
    if (g.collapse) {
        g.open_height = g.row_lines.front() / 2;
        g.close_height = g.row_lines.back() / 2;
    } else {
        const Insets table = separate_insets(*g.style, available);
        g.open_height = table.top;
        g.close_height = g.v_spacing + table.bottom;
    }
    return g;
}

// ---------------------------------------------------------------------------------------
// Rows
// ---------------------------------------------------------------------------------------

// The first baseline in a laid-out flow, from its top; nullopt-like -1 when it has no text.
double first_baseline(const Flow& flow) {
    double y = 0;
    for (const Slice& s : flow) {
        if (s.kind == Slice::Kind::Content && !s.marks.runs.empty()) return y + s.marks.runs.front().baseline;
        y += slice_height(s);
    }
    return -1;
}

LaidCell lay_out_cell(const TableGeometry& g, LayoutContext& ctx, int index) {
    const GridCell& cell = g.grid.cells[index];
    const Insets& insets = g.cell_insets[index];
    const double left = g.column_x[cell.column];
    const double right = g.column_x[cell.column + cell.column_span - 1] + g.column_widths[cell.column + cell.column_span - 1];
    LaidCell out;
    out.index = index;
    const double content_width = std::max(1.0, right - left - insets.left - insets.right);
    FlowBuilder builder;
    layout_block_contents(*g.cell_boxes[index], ctx, left + insets.left, content_width, builder);
    out.flow = builder.take();
    const double content_height = flow_height(out.flow);
    out.natural_height = content_height + insets.top + insets.bottom;
    const Length& specified = g.cell_boxes[index]->style->height;
    if (specified.unit == Length::Unit::Pt) out.natural_height = std::max(out.natural_height, specified.value);
    const double baseline = first_baseline(out.flow);
    out.baseline = insets.top + (baseline >= 0 ? baseline : content_height);
    return out;
}

// The band of rows starting at `first`: rows tied together by rowspans.
int band_end(const TableGeometry& g, int first, int limit) {
    int end = first + 1;
    for (int r = first; r < end && r < limit; ++r)
        for (int i = g.first_cell_of_row[r]; i < g.first_cell_of_row[r + 1]; ++i)
            end = std::max(end, g.grid.cells[i].row + g.grid.cells[i].row_span);
    return std::min(end, limit);
}

Band lay_out_band(const TableGeometry& g, LayoutContext& ctx, int first, int end) {
    Band band;
    band.first_row = first;
    band.end_row = end;
    std::vector<double> min_heights(static_cast<std::size_t>(end - first), 0);
    for (int r = first; r < end; ++r)
        if (const Box* row = g.structure.rows[r].row; row && row->style->height.unit == Length::Unit::Pt)
            min_heights[r - first] = row->style->height.value;
    std::vector<RowCell> row_cells;
    for (int i = g.first_cell_of_row[first]; i < g.first_cell_of_row[end]; ++i) {
        band.cells.push_back(lay_out_cell(g, ctx, i));
        const LaidCell& laid = band.cells.back();
        const GridCell& cell = g.grid.cells[i];
        const bool baseline = g.cell_boxes[i]->style->vertical_align == style::VerticalAlign::Baseline;
        row_cells.push_back({cell.row - first, cell.row_span, laid.natural_height, laid.baseline, baseline});
    }
    const RowMetrics metrics = compute_row_heights(end - first, min_heights, row_cells, g.v_spacing);
    band.row_heights = metrics.heights;
    band.row_baselines = metrics.baselines;
    return band;
}

double band_height(const TableGeometry& g, const Band& band) {
    double h = 0;
    for (double row : band.row_heights) h += row + g.v_spacing;
    return h;
}

// Appends the slices of rows [first, end) to `out`. `budget`: the most a slice may be
// (the page's content height less what the table repeats); rows taller are cut.
void emit_rows(const TableGeometry& g, LayoutContext& ctx, int first, int end, double budget, std::vector<Slice>& out) {
    for (int r = first; r < end;) {
        const int stop = band_end(g, r, end);
        const Band band = lay_out_band(g, ctx, r, stop);
        // Rows are kept whole where they fit; a group of rows tied by rowspans is kept whole
        // only while it is small: a large one may leave most of a page empty, so it flows.
        const double height = band_height(g, band);
        const bool kept_whole = stop - r == 1 ? height <= budget : height <= budget / 2;
        if (kept_whole) {
            out.push_back(paint_band(g, band, 0, stop - r));
        } else {
            for (Slice& piece : paint_tall_band(g, band, budget)) out.push_back(std::move(piece));
        }
        r = stop;
    }
}

double total_height(const std::vector<Slice>& slices) {
    double h = 0;
    for (const Slice& s : slices) h += slice_height(s);
    return h;
}

double page_content_height(LayoutContext& ctx) {
    const style::PageStyle& page = ctx.page_styles.get({.name = ctx.flow_page_name});
    return std::max(0.0, page.height - page.margin_top - page.margin_bottom);
}

void index_rows(TableGeometry& g) {
    g.first_cell_of_row.assign(static_cast<std::size_t>(g.grid.row_count) + 1, static_cast<int>(g.grid.cells.size()));
    // grid.cells are in source order, which is row order.
    for (int i = static_cast<int>(g.grid.cells.size()) - 1; i >= 0; --i) g.first_cell_of_row[g.grid.cells[i].row] = i;
    for (int r = g.grid.row_count - 1; r >= 0; --r)
        g.first_cell_of_row[r] = std::min(g.first_cell_of_row[r], g.first_cell_of_row[r + 1]);
}

Decoration table_decoration(const TableGeometry& g) {
    Decoration d;
    d.x = g.table_x;
    d.width = g.table_width;
    d.background = g.style->background_color;
    if (!g.collapse) {  // collapsed outer borders are drawn with the grid
        d.top = g.style->border_top;
        d.right = g.style->border_right;
        d.bottom = g.style->border_bottom;
        d.left = g.style->border_left;
    }
    return d;
}

std::vector<FlowAnchor> table_anchors(const Box& table_box) {
    if (table_box.extras().id.empty()) return {};
    FlowAnchor anchor;
    anchor.id = table_box.extras().id;
    return {anchor};
}

}  // namespace

void layout_table(const Box& table_box, LayoutContext& ctx, double x, double containing_width, FlowBuilder& out) {
    TableGeometry g = measure_geometry(table_box, ctx, x, containing_width);
    index_rows(g);
    const ComputedStyle& s = *g.style;
    out.add_margin(resolved_margin(s.margin_top, containing_width));
    for (const Box* caption : g.structure.captions) {
        layout_block_level(*caption, ctx, g.table_x, g.table_width, out);
        out.avoid_next_break();  // a caption stays with its table
    }

    const double unlimited = std::numeric_limits<double>::infinity();
    const int rows = g.grid.row_count;
    const int header_end = g.structure.header_rows, footer_begin = rows - g.structure.footer_rows;
    std::vector<Slice> header, footer;
    emit_rows(g, ctx, 0, header_end, unlimited, header);
    emit_rows(g, ctx, footer_begin, rows, unlimited, footer);
    const double page_height = page_content_height(ctx);
    // A header or footer that would take most of every page is not repeated (the table
    // could never make progress); it is then laid out once, like a body row.
    const bool repeat_header = total_height(header) <= page_height / 3;
    const bool repeat_footer = total_height(footer) <= page_height / 3;
    double budget = page_height - g.open_height - g.close_height;
    if (repeat_header) budget -= total_height(header);
    if (repeat_footer) budget -= total_height(footer);
    budget = std::max(budget, page_height / 4);

    Decoration decoration = table_decoration(g);
    if (repeat_header) decoration.repeat_header = header;
    if (repeat_footer) decoration.repeat_footer = footer;
    out.open(std::move(decoration), g.open_height, table_anchors(table_box));
    // Header rows and the first body row stay together (and with the table's top).
    for (Slice& slice : header) {
        slice.avoid_break_before = true;
        out.add_content(std::move(slice));
    }
    std::vector<Slice> body;
    emit_rows(g, ctx, header_end, footer_begin, budget, body);
    for (std::size_t i = 0; i < body.size(); ++i) {
        if (i == 0) body[i].avoid_break_before = true;
        out.add_content(std::move(body[i]));
    }
    for (Slice& slice : footer) {
        slice.avoid_break_before = true;
        out.add_content(std::move(slice));
    }
    out.close(g.close_height);
    out.add_margin(resolved_margin(s.margin_bottom, containing_width), true);
}

LineBreaker::Widths measure_table(const Box& table_box, LayoutContext& ctx) {
    const TableGeometry g = prepare_geometry(table_box, 0);
    const IntrinsicWidths widths = intrinsic_widths(column_input(g, ctx, 0));
    // The caller adds the table's own borders and padding (horizontal_insets), so leave them out.
    const double own = g.collapse ? 0 : [&] {
        const Insets table = separate_insets(*g.style, 0);
        return table.left + table.right;
    }();
    return {std::max(0.0, widths.min - own), std::max(0.0, widths.max - own)};
}

}  // namespace quorum::layout
