#include "layout/table_borders.hpp"

#include <algorithm>

namespace quorum::layout::table {
namespace {

using style::Border;
using style::BorderStyle;

int style_priority(BorderStyle s) {
    switch (s) {
    case BorderStyle::Double: return 4;
    case BorderStyle::Solid: return 3;
    case BorderStyle::Dashed: return 2;
    case BorderStyle::Dotted: return 1;
    case BorderStyle::None: return 0;
    }
    return 0;
}

// Collects candidates for one edge segment, keeping the winner so far.
class Contest {
public:
    void offer(const Border& border, BorderOrigin origin) {
        const BorderCandidate candidate{border, origin};
        if (!has_winner_ || beats(candidate, winner_)) {
            winner_ = candidate;
            has_winner_ = true;
        }
    }
    Border result() const { return has_winner_ && winner_.border.visible() ? winner_.border : Border{}; }

private:
    BorderCandidate winner_;
    bool has_winner_ = false;
};

// Which span (row group or column group) starts / ends at each grid line, and which
// contains each row or column: looked up per edge, so precomputed (a table may have a
// tbody per row, and a linear search per edge would make 10,000 rows quadratic).
struct SpanIndex {
    std::vector<const Span*> starting, ending, containing;
    SpanIndex(const std::vector<Span>& spans, int count) : starting(count + 1), ending(count + 1), containing(count) {
        for (const Span& span : spans) {
            if (span.count <= 0 || span.first < 0 || span.first + span.count > count) continue;
            if (!starting[span.first]) starting[span.first] = &span;
            if (!ending[span.first + span.count]) ending[span.first + span.count] = &span;
            for (int i = span.first; i < span.first + span.count; ++i)
                if (!containing[i]) containing[i] = &span;
        }
    }
};

struct Lookup {
    const CollapseInput& in;
    SpanIndex row_groups, column_groups;
};

Border horizontal_edge(const Lookup& look, int r, int c) {
    const CollapseInput& in = look.in;
    const Grid& grid = *in.grid;
    const int above = r > 0 ? grid.owner(r - 1, c) : -1;
    const int below = r < grid.row_count ? grid.owner(r, c) : -1;
    if (above >= 0 && above == below) return {};  // inside a rowspanning cell
    Contest contest;
    // Upper candidates first: rule 5 keeps the earlier one on a tie.
    if (above >= 0) contest.offer(in.cells[above].bottom, BorderOrigin::Cell);
    if (below >= 0) contest.offer(in.cells[below].top, BorderOrigin::Cell);
    if (r > 0 && r - 1 < static_cast<int>(in.rows.size())) contest.offer(in.rows[r - 1].bottom, BorderOrigin::Row);
    if (r < static_cast<int>(in.rows.size())) contest.offer(in.rows[r].top, BorderOrigin::Row);
    if (const Span* g = look.row_groups.ending[r]) contest.offer(g->borders.bottom, BorderOrigin::RowGroup);
    if (const Span* g = look.row_groups.starting[r]) contest.offer(g->borders.top, BorderOrigin::RowGroup);
    const bool outer = r == 0 || r == grid.row_count;
    if (outer) {
        const auto pick = [r](const Edges& e) { return r == 0 ? e.top : e.bottom; };
        if (c < static_cast<int>(in.columns.size())) contest.offer(pick(in.columns[c]), BorderOrigin::Column);
        if (const Span* g = look.column_groups.containing[c]) contest.offer(pick(g->borders), BorderOrigin::ColumnGroup);
        contest.offer(pick(in.table), BorderOrigin::Table);
    }
    return contest.result();
}

Border vertical_edge(const Lookup& look, int r, int c) {
    const CollapseInput& in = look.in;
    const Grid& grid = *in.grid;
    const int left = c > 0 ? grid.owner(r, c - 1) : -1;
    const int right = c < grid.column_count ? grid.owner(r, c) : -1;
    if (left >= 0 && left == right) return {};  // inside a colspanning cell
    Contest contest;
    if (left >= 0) contest.offer(in.cells[left].right, BorderOrigin::Cell);
    if (right >= 0) contest.offer(in.cells[right].left, BorderOrigin::Cell);
    const bool outer = c == 0 || c == grid.column_count;
    if (outer) {
        const auto pick = [c](const Edges& e) { return c == 0 ? e.left : e.right; };
        if (r < static_cast<int>(in.rows.size())) contest.offer(pick(in.rows[r]), BorderOrigin::Row);
        if (const Span* g = look.row_groups.containing[r]) contest.offer(pick(g->borders), BorderOrigin::RowGroup);
    }
    if (c > 0 && c - 1 < static_cast<int>(in.columns.size())) contest.offer(in.columns[c - 1].right, BorderOrigin::Column);
    if (c < static_cast<int>(in.columns.size())) contest.offer(in.columns[c].left, BorderOrigin::Column);
    if (const Span* g = look.column_groups.ending[c]) contest.offer(g->borders.right, BorderOrigin::ColumnGroup);
    if (const Span* g = look.column_groups.starting[c]) contest.offer(g->borders.left, BorderOrigin::ColumnGroup);
    if (outer) contest.offer(c == 0 ? in.table.left : in.table.right, BorderOrigin::Table);
    return contest.result();
}

}  // namespace

bool beats(const BorderCandidate& challenger, const BorderCandidate& holder) {
    const bool challenger_visible = challenger.border.visible(), holder_visible = holder.border.visible();
    if (challenger_visible != holder_visible) return challenger_visible;
    if (!challenger_visible) return false;
    if (challenger.border.width != holder.border.width) return challenger.border.width > holder.border.width;
    const int cs = style_priority(challenger.border.style), hs = style_priority(holder.border.style);
    if (cs != hs) return cs > hs;
    return challenger.origin > holder.origin;
}

double CollapsedBorders::row_line_width(int row_line) const {
    double widest = 0;
    for (int c = 0; c < columns; ++c) widest = std::max(widest, above(row_line, c).width);
    return widest;
}

double CollapsedBorders::column_line_width(int column_line) const {
    double widest = 0;
    for (int r = 0; r < rows; ++r) widest = std::max(widest, left_of(r, column_line).width);
    return widest;
}

CollapsedBorders collapse_borders(const CollapseInput& input) {
    CollapsedBorders out;
    if (!input.grid) return out;
    const Grid& grid = *input.grid;
    out.rows = grid.row_count;
    out.columns = grid.column_count;
    out.horizontal.resize(static_cast<std::size_t>(out.rows + 1) * out.columns);
    out.vertical.resize(static_cast<std::size_t>(out.rows) * (out.columns + 1));
    const Lookup look{input, SpanIndex(input.row_groups, out.rows), SpanIndex(input.column_groups, out.columns)};
    for (int r = 0; r <= out.rows; ++r)
        for (int c = 0; c < out.columns; ++c) out.horizontal[static_cast<std::size_t>(r) * out.columns + c] = horizontal_edge(look, r, c);
    for (int r = 0; r < out.rows; ++r)
        for (int c = 0; c <= out.columns; ++c) out.vertical[static_cast<std::size_t>(r) * (out.columns + 1) + c] = vertical_edge(look, r, c);
    return out;
}

}  // namespace quorum::layout::table
