#include "layout/table_split.hpp"

#include <algorithm>
#include <cmath>

namespace quorum::layout::table {

double slice_height(const Slice& slice) { return slice.kind == Slice::Kind::Break ? 0 : slice.height; }

std::vector<FlowChunk> split_flow(const Flow& flow, double budget) {
    std::vector<FlowChunk> chunks;
    FlowChunk current;
    for (std::size_t i = 0; i < flow.size(); ++i) {
        const double h = slice_height(flow[i]);
        const bool starts_chunk = current.end == current.begin;
        // A margin (Space) at a cut is dropped by pagination in CSS; here it simply ends the chunk.
        if (!starts_chunk && current.height + h > budget) {
            chunks.push_back(current);
            current = FlowChunk{i, i, 0};
        }
        current.end = i + 1;
        current.height += h;
    }
    if (current.end > current.begin) chunks.push_back(current);
    return chunks;
}

Flow chunk_flow(const Flow& flow, const FlowChunk& chunk) {
    // Decorations open before the chunk starts: replay them, weightless.
    std::vector<const Slice*> open;
    for (std::size_t i = 0; i < chunk.begin && i < flow.size(); ++i) {
        if (flow[i].kind == Slice::Kind::Open) open.push_back(&flow[i]);
        else if (flow[i].kind == Slice::Kind::Close && !open.empty()) open.pop_back();
    }
    Flow out;
    for (const Slice* o : open) {
        Slice reopened;
        reopened.kind = Slice::Kind::Open;
        Decoration decoration = o->decoration();
        decoration.repeat_header.clear();
        decoration.repeat_footer.clear();
        if (decoration.draws_anything()) reopened.edit().decoration = std::move(decoration);
        out.push_back(std::move(reopened));
    }
    int depth = static_cast<int>(open.size());
    for (std::size_t i = chunk.begin; i < chunk.end && i < flow.size(); ++i) {
        if (flow[i].kind == Slice::Kind::Open) ++depth;
        else if (flow[i].kind == Slice::Kind::Close) --depth;
        out.push_back(flow[i]);
    }
    for (; depth > 0; --depth) {
        Slice close;
        close.kind = Slice::Kind::Close;
        out.push_back(std::move(close));
    }
    return out;
}

CellBreaks cell_breaks(const Flow& flow, double content_top) {
    CellBreaks out;
    out.content_top = content_top;
    double y = content_top;
    for (std::size_t i = 0; i < flow.size(); ++i) {
        if (i > 0 && !flow[i].avoid_break_before && flow[i].kind != Slice::Kind::Close) out.positions.push_back(y);
        y += slice_height(flow[i]);
    }
    out.content_bottom = y;
    return out;
}

namespace {

constexpr double tolerance = 0.01;  // pt: positions computed by different sums

bool cell_can_cut(const CellBreaks& cell, double y) {
    if (y <= cell.content_top + tolerance || y >= cell.content_bottom - tolerance) return true;
    const auto it = std::lower_bound(cell.positions.begin(), cell.positions.end(), y - tolerance);
    return it != cell.positions.end() && std::abs(*it - y) <= tolerance;
}

}  // namespace

std::optional<std::vector<double>> common_cuts(const std::vector<CellBreaks>& cells, double row_height, double budget,
                                               const std::vector<double>& extra_candidates) {
    std::vector<double> candidates = extra_candidates;
    for (const CellBreaks& cell : cells) candidates.insert(candidates.end(), cell.positions.begin(), cell.positions.end());
    std::sort(candidates.begin(), candidates.end());
    std::vector<double> cuts;
    for (double y : candidates) {
        if (y <= tolerance || y >= row_height - tolerance) continue;
        if (!cuts.empty() && y - cuts.back() <= tolerance) continue;
        if (std::all_of(cells.begin(), cells.end(), [y](const CellBreaks& c) { return cell_can_cut(c, y); })) cuts.push_back(y);
    }
    double previous = 0;
    for (double y : cuts) {
        if (y - previous > budget) return std::nullopt;
        previous = y;
    }
    if (row_height - previous > budget) return std::nullopt;
    return cuts;
}

namespace {

// The bottom of the line of `cell` that a cut at y goes through (y itself when none).
double straddler_bottom(const CellBreaks& cell, double y) {
    if (cell_can_cut(cell, y)) return y;
    const auto it = std::upper_bound(cell.positions.begin(), cell.positions.end(), y + tolerance);
    return it == cell.positions.end() ? cell.content_bottom : *it;
}

}  // namespace

std::vector<double> best_effort_cuts(const std::vector<CellBreaks>& cells, double row_height, double budget,
                                     const std::vector<double>& extra_candidates) {
    std::vector<double> candidates = extra_candidates;
    for (const CellBreaks& cell : cells) candidates.insert(candidates.end(), cell.positions.begin(), cell.positions.end());
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::remove_if(candidates.begin(), candidates.end(),
                                    [row_height](double y) { return y <= tolerance || y >= row_height - tolerance; }),
                     candidates.end());
    std::vector<double> cuts;
    double previous = 0;
    std::size_t from = 0;
    while (row_height - previous > budget && from < candidates.size()) {
        double clean = -1, fitting = -1;
        std::size_t i = from;
        for (; i < candidates.size() && candidates[i] <= previous + budget; ++i) {
            const double y = candidates[i];
            if (y <= previous + tolerance) continue;
            double lowest = y;
            for (const CellBreaks& cell : cells) lowest = std::max(lowest, straddler_bottom(cell, y));
            if (lowest <= y + tolerance) clean = y;
            else if (lowest <= previous + budget) fitting = y;
        }
        // Nothing within the budget: the first candidate beyond it, so the cuts make progress.
        const double cut = clean > 0 ? clean : fitting > 0 ? fitting : i < candidates.size() ? candidates[i] : -1;
        if (cut <= previous) break;
        cuts.push_back(cut);
        previous = cut;
        from = i;
        while (from > 0 && candidates[from - 1] > previous) --from;
    }
    return cuts;
}

}  // namespace quorum::layout::table
