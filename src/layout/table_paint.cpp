#include "layout/table_paint.hpp"

#include "layout/table_rows.hpp"
#include "layout/table_split.hpp"

#include <algorithm>

namespace quorum::layout::table {
namespace {

Line::Dash dash_of(style::BorderStyle s) {
    if (s == style::BorderStyle::Dashed) return Line::Dash::Dashed;
    if (s == style::BorderStyle::Dotted) return Line::Dash::Dotted;
    return Line::Dash::Solid;
}

void add_line(Marks& m, double x1, double y1, double x2, double y2, const style::Border& b) {
    m.lines.push_back({x1, y1, x2, y2, b.width, b.color, dash_of(b.style)});
}

void fill(Marks& m, double x, double y, double w, double h, style::Color color) {
    if (color.transparent() || w <= 0 || h <= 0) return;
    m.fills.push_back({x, y, w, h, color});
}

// The separate model: a cell draws its own borders, each stroke inside its border box.
void draw_cell_borders(Marks& m, const style::ComputedStyle& s, double x, double y, double w, double h) {
    if (s.border_top.visible()) add_line(m, x, y + s.border_top.width / 2, x + w, y + s.border_top.width / 2, s.border_top);
    if (s.border_bottom.visible())
        add_line(m, x, y + h - s.border_bottom.width / 2, x + w, y + h - s.border_bottom.width / 2, s.border_bottom);
    if (s.border_left.visible()) add_line(m, x + s.border_left.width / 2, y, x + s.border_left.width / 2, y + h, s.border_left);
    if (s.border_right.visible())
        add_line(m, x + w - s.border_right.width / 2, y, x + w - s.border_right.width / 2, y + h, s.border_right);
}

// The collapsed grid line above row `line`, at y; equal neighbouring segments become one stroke
// (fewer marks, and dashes run on unbroken).
void draw_row_line(Marks& m, const TableGeometry& g, int line, double y) {
    const int columns = g.grid.column_count;
    for (int c = 0; c < columns;) {
        const style::Border& b = g.borders.above(line, c);
        int end = c + 1;
        while (end < columns && g.borders.above(line, end) == b) ++end;
        if (b.visible()) {
            const double x1 = g.column_x[c] - g.column_lines[c] / 2;
            const double x2 = g.column_x[end - 1] + g.column_widths[end - 1] + g.column_lines[end] / 2;
            add_line(m, x1, y, x2, y, b);
        }
        c = end;
    }
}

void draw_column_lines(Marks& m, const TableGeometry& g, int row, double y1, double y2) {
    for (int c = 0; c <= g.grid.column_count; ++c) {
        const style::Border& b = g.borders.left_of(row, c);
        if (!b.visible()) continue;
        const double x = c < g.grid.column_count ? g.column_x[c] : g.column_x[c - 1] + g.column_widths[c - 1];
        add_line(m, x, y1, x, y2, b);
    }
}

// Anchors and string-set values of a cell's content, moved into the row's slice.
void carry_navigation(Slice& to, const Flow& flow, double dy) {
    double y = dy;
    for (const Slice& s : flow) {
        for (FlowAnchor a : s.anchors()) {
            a.y += y;
            to.edit().anchors.push_back(std::move(a));
        }
        for (const auto& set : s.string_sets()) to.edit().string_sets.push_back(set);
        y += slice_height(s);
    }
}

// Row group and row backgrounds, under the cells.
void draw_row_background(Marks& m, const TableGeometry& g, int row, double y, double h) {
    const RowSource& source = g.structure.rows[row];
    const double x = g.column_x.front();
    const double w = g.column_x.back() - g.h_spacing - x;
    if (const Box* group = g.structure.groups[source.group].box) fill(m, x, y, w, h, group->style->background_color);
    if (source.row) fill(m, x, y, w, h, source.row->style->background_color);
}

void draw_cell_box(Marks& m, const TableGeometry& g, int index, double y, double h) {
    const GridCell& cell = g.grid.cells[index];
    const double x = g.cell_left(cell), w = g.cell_right(cell) - x;
    const style::ComputedStyle& s = *g.cell_boxes[index]->style;
    fill(m, x, y, w, h, s.background_color);
    if (!g.collapse) draw_cell_borders(m, s, x, y, w, h);
}

// Separate model, a piece of a cell cut across pages: the sides always, the top and
// bottom borders only on the pieces holding them (box-decoration-break: slice).
void draw_cell_sides(Marks& m, const style::ComputedStyle& s, double x, double w, double top, double bottom,
                     bool with_top, bool with_bottom) {
    if (with_top && s.border_top.visible()) add_line(m, x, top + s.border_top.width / 2, x + w, top + s.border_top.width / 2, s.border_top);
    if (with_bottom && s.border_bottom.visible())
        add_line(m, x, bottom - s.border_bottom.width / 2, x + w, bottom - s.border_bottom.width / 2, s.border_bottom);
    if (s.border_left.visible()) add_line(m, x + s.border_left.width / 2, top, x + s.border_left.width / 2, bottom, s.border_left);
    if (s.border_right.visible())
        add_line(m, x + w - s.border_right.width / 2, top, x + w - s.border_right.width / 2, bottom, s.border_right);
}

// Where the rows of a band are, from the band's top: the top of each row's cells (after
// the border-spacing above it), and one past the last row.
struct BandRows {
    std::vector<double> top;  // rows + 1 entries; top[rows] = the band's height
    double bottom(const Band& band, int row) const { return top[row] + band.row_heights[row]; }
};

BandRows band_rows(const TableGeometry& g, const Band& band) {
    BandRows r;
    double y = 0;
    for (double h : band.row_heights) {
        r.top.push_back(y + g.v_spacing);
        y += g.v_spacing + h;
    }
    r.top.push_back(y);
    return r;
}

// A cell of a tall band, positioned in the band's coordinates.
struct PlacedContent {
    const LaidCell* laid = nullptr;
    double box_top = 0, box_bottom = 0;
    std::vector<double> slice_tops;  // per slice of laid->flow
    std::vector<int> segment;        // per slice: the piece it is drawn in
};

PlacedContent place_content(const TableGeometry& g, const Band& band, const BandRows& rows, const LaidCell& laid) {
    const GridCell& cell = g.grid.cells[laid.index];
    const int k = cell.row - band.first_row;
    const int last = std::min(k + cell.row_span, band.end_row - band.first_row) - 1;
    PlacedContent p;
    p.laid = &laid;
    p.box_top = rows.top[k];
    p.box_bottom = rows.bottom(band, last);
    const double row_baseline = cell.row_span == 1 ? band.row_baselines[k] : 0;
    // The band is cut across pages: a short cell centred (or bottom-aligned) in it would
    // land pages away from where its row starts, so it goes to the top instead.
    style::VerticalAlign align = g.cell_boxes[laid.index]->style->vertical_align;
    if (align == style::VerticalAlign::Middle || align == style::VerticalAlign::Bottom) align = style::VerticalAlign::Top;
    const double offset = vertical_offset(align, p.box_bottom - p.box_top, laid.natural_height, laid.baseline, row_baseline);
    double y = p.box_top + offset + g.cell_insets[laid.index].top;
    for (const Slice& slice : laid.flow) {
        p.slice_tops.push_back(y);
        y += slice_height(slice);
    }
    return p;
}

// Which piece each slice falls in; a zero-height slice exactly at a cut stays with the
// piece above (it closes a block there rather than opening an empty one below).
void assign_segments(PlacedContent& p, const std::vector<double>& bounds) {
    constexpr double tolerance = 0.01;
    int piece = 0;
    const int last = static_cast<int>(bounds.size()) - 2;
    for (std::size_t i = 0; i < p.slice_tops.size(); ++i) {
        const bool weightless = slice_height(p.laid->flow[i]) <= 0;
        const double key = weightless ? p.slice_tops[i] - 2 * tolerance : p.slice_tops[i];
        while (piece < last && key >= bounds[piece + 1] - tolerance) ++piece;
        p.segment.push_back(piece);
    }
}

void draw_content_piece(Slice& slice, const PlacedContent& p, int piece, double piece_top) {
    std::size_t begin = 0;
    while (begin < p.segment.size() && p.segment[begin] < piece) ++begin;
    std::size_t end = begin;
    while (end < p.segment.size() && p.segment[end] == piece) ++end;
    if (begin == end) return;
    const Flow flow = chunk_flow(p.laid->flow, FlowChunk{begin, end, 0});
    // chunk_flow may add re-opened decorations at the top: they have no height, so the
    // first real slice still starts at slice_tops[begin].
    const double y = p.slice_tops[begin] - piece_top;
    flatten_flow(flow, slice.marks, 0, y);
    carry_navigation(slice, flow, y);
}

// The part of one cell's box inside the piece [ya, yb), in the piece's coordinates.
void draw_cell_piece(Slice& slice, const TableGeometry& g, const PlacedContent& p, double ya, double yb) {
    constexpr double tolerance = 0.01;
    const double top = std::max(p.box_top, ya), bottom = std::min(p.box_bottom, yb);
    if (bottom <= top) return;
    const GridCell& cell = g.grid.cells[p.laid->index];
    const double x = g.cell_left(cell), w = g.cell_right(cell) - x;
    const style::ComputedStyle& s = *g.cell_boxes[p.laid->index]->style;
    fill(slice.marks, x, top - ya, w, bottom - top, s.background_color);
    if (!g.collapse)
        draw_cell_sides(slice.marks, s, x, w, top - ya, bottom - ya, p.box_top >= ya - tolerance,
                        p.box_bottom <= yb + tolerance);
}

// Collapsed grid lines of the band inside the piece [ya, yb). A row line exactly on a cut
// is drawn in both pieces: it closes the table at the foot of one page and opens it on the next.
void draw_grid_piece(Slice& slice, const TableGeometry& g, const Band& band, const BandRows& rows, double ya, double yb,
                     double extent) {
    constexpr double tolerance = 0.01;
    const int count = band.end_row - band.first_row;
    for (int k = 0; k <= count; ++k) {
        const double y = k < count ? rows.top[k] : rows.top[count];
        if (y >= ya - tolerance && y <= yb + tolerance) draw_row_line(slice.marks, g, band.first_row + k, y - ya);
    }
    for (int k = 0; k < count; ++k) {
        const double top = std::max(rows.top[k], ya), bottom = std::min(rows.bottom(band, k), extent);
        if (bottom > top) draw_column_lines(slice.marks, g, band.first_row + k, top - ya, bottom - ya);
    }
}

// A tall band cut only where every cell can break (or between rows that no cell spans):
// the pieces stack seamlessly, so the paginator may put several on one page and break at
// any of them.
std::vector<Slice> paint_band_segments(const TableGeometry& g, const Band& band, const BandRows& rows,
                                       std::vector<PlacedContent>& placed, const std::vector<double>& cuts) {
    const int count = band.end_row - band.first_row;
    std::vector<double> bounds{0};
    bounds.insert(bounds.end(), cuts.begin(), cuts.end());
    bounds.push_back(rows.top[count]);
    for (PlacedContent& p : placed) assign_segments(p, bounds);
    // A piece is as tall as its cut, unless a best-effort cut went through a line: that
    // line is drawn in the piece above, which grows to hold it (leaving a gap below the
    // other cells rather than drawing outside the page).
    std::vector<double> extent(bounds.begin() + 1, bounds.end());
    for (const PlacedContent& p : placed)
        for (std::size_t i = 0; i < p.segment.size(); ++i)
            extent[p.segment[i]] = std::max(extent[p.segment[i]], p.slice_tops[i] + slice_height(p.laid->flow[i]));
    std::vector<Slice> out;
    for (std::size_t piece = 0; piece + 1 < bounds.size(); ++piece) {
        const double ya = bounds[piece], yb = bounds[piece + 1], bottom_edge = extent[piece];
        Slice slice;
        slice.kind = Slice::Kind::Content;
        slice.height = bottom_edge - ya;
        for (int k = 0; k < count; ++k) {
            const double top = std::max(rows.top[k], ya), bottom = std::min(rows.bottom(band, k), bottom_edge);
            if (bottom > top) draw_row_background(slice.marks, g, band.first_row + k, top - ya, bottom - top);
        }
        for (const PlacedContent& p : placed) {
            draw_cell_piece(slice, g, p, ya, bottom_edge);
            draw_content_piece(slice, p, static_cast<int>(piece), ya);
        }
        if (g.collapse) draw_grid_piece(slice, g, band, rows, ya, yb, bottom_edge);
        out.push_back(std::move(slice));
    }
    return out;
}

}  // namespace

Slice paint_band(const TableGeometry& g, const Band& band, int from, int to) {
    const int rows = band.end_row - band.first_row;
    // Top of each row's cells from the slice top, for every row of the band from `from` on.
    std::vector<double> top(static_cast<std::size_t>(rows) + 1, 0);
    double y = 0;
    for (int k = from; k < rows; ++k) {
        top[k] = y + g.v_spacing;
        y = top[k] + band.row_heights[k];
    }
    top[rows] = y;
    Slice slice;
    slice.kind = Slice::Kind::Content;
    slice.height = (to < rows ? top[to] - g.v_spacing : top[rows]);
    for (int k = from; k < to; ++k) draw_row_background(slice.marks, g, band.first_row + k, top[k], band.row_heights[k]);
    for (const LaidCell& laid : band.cells) {
        const GridCell& cell = g.grid.cells[laid.index];
        const int k = cell.row - band.first_row;
        if (k < from || k >= to) continue;
        const int last = std::min(k + cell.row_span, rows) - 1;
        const double box_height = top[last] + band.row_heights[last] - top[k];
        draw_cell_box(slice.marks, g, laid.index, top[k], box_height);
        const double row_baseline = cell.row_span == 1 ? band.row_baselines[k] : 0;
        const double offset = vertical_offset(g.cell_boxes[laid.index]->style->vertical_align, box_height,
                                              laid.natural_height, laid.baseline, row_baseline);
        const double content_y = top[k] + offset + g.cell_insets[laid.index].top;
        flatten_flow(laid.flow, slice.marks, 0, content_y);
        carry_navigation(slice, laid.flow, content_y);
    }
    if (g.collapse) {
        for (int k = from; k <= to; ++k) draw_row_line(slice.marks, g, band.first_row + k, k < rows ? top[k] : top[rows]);
        for (int k = from; k < to; ++k) draw_column_lines(slice.marks, g, band.first_row + k, top[k], top[k] + band.row_heights[k]);
    }
    return slice;
}

namespace {

// Fallback when cells' lines never line up: each cell cut on its own into page-sized pieces.
std::vector<Slice> paint_row_chunks(const TableGeometry& g, const Band& band, double budget) {
    std::vector<std::vector<FlowChunk>> chunks;
    std::size_t pieces = 1;
    for (const LaidCell& laid : band.cells) {
        const Insets& insets = g.cell_insets[laid.index];
        const double inner = std::max(1.0, budget - g.v_spacing - insets.top - insets.bottom);
        chunks.push_back(split_flow(laid.flow, inner));
        pieces = std::max(pieces, chunks.back().size());
    }
    const int row = band.first_row;
    std::vector<Slice> out;
    for (std::size_t p = 0; p < pieces; ++p) {
        double height = 0;
        for (std::size_t i = 0; i < band.cells.size(); ++i) {
            const Insets& insets = g.cell_insets[band.cells[i].index];
            const double content = p < chunks[i].size() ? chunks[i][p].height : 0;
            height = std::max(height, content + insets.top + insets.bottom);
        }
        Slice slice;
        slice.kind = Slice::Kind::Content;
        slice.height = g.v_spacing + height;
        const double top = g.v_spacing;
        draw_row_background(slice.marks, g, row, top, height);
        for (std::size_t i = 0; i < band.cells.size(); ++i) {
            const LaidCell& laid = band.cells[i];
            draw_cell_box(slice.marks, g, laid.index, top, height);
            if (p >= chunks[i].size()) continue;
            const Flow piece = chunk_flow(laid.flow, chunks[i][p]);
            const double content_y = top + g.cell_insets[laid.index].top;
            flatten_flow(piece, slice.marks, 0, content_y);
            carry_navigation(slice, piece, content_y);
        }
        if (g.collapse) {
            draw_row_line(slice.marks, g, row, 0);
            draw_row_line(slice.marks, g, row + 1, height);
            draw_column_lines(slice.marks, g, row, 0, height);
        }
        out.push_back(std::move(slice));
    }
    return out;
}

}  // namespace

std::vector<Slice> paint_tall_band(const TableGeometry& g, const Band& band, double budget) {
    const BandRows rows = band_rows(g, band);
    const int count = band.end_row - band.first_row;
    std::vector<PlacedContent> placed;
    std::vector<CellBreaks> breaks;
    for (const LaidCell& laid : band.cells) {
        placed.push_back(place_content(g, band, rows, laid));
        const PlacedContent& p = placed.back();
        breaks.push_back(cell_breaks(laid.flow, p.slice_tops.empty() ? p.box_top : p.slice_tops.front()));
    }
    // Between two rows is a cut too (cell_can_cut still checks the cells spanning it).
    std::vector<double> between_rows;
    for (int k = 1; k < count; ++k) between_rows.push_back(rows.top[k] - g.v_spacing);
    if (auto cuts = common_cuts(breaks, rows.top[count], budget, between_rows))
        return paint_band_segments(g, band, rows, placed, *cuts);
    if (count == 1) return paint_row_chunks(g, band, budget);  // cells' lines never line up: cut each on its own
    // A rowspan group that cannot be cut cleanly: the best cuts there are.
    return paint_band_segments(g, band, rows, placed, best_effort_cuts(breaks, rows.top[count], budget, between_rows));
}

}  // namespace quorum::layout::table
