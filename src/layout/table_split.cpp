#include "layout/table_split.hpp"

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
        reopened.decoration = o->decoration;
        reopened.decoration.repeat_header.clear();
        reopened.decoration.repeat_footer.clear();
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

}  // namespace quorum::layout::table
