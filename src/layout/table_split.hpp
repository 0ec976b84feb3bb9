// Cutting a cell's flow into page-sized chunks, for a table row taller than a page.
//
// The row is split where each cell's content can break (between its slices: lines,
// images, nested rows), each chunk at most `budget` tall; a slice taller than the
// budget gets a chunk to itself (it cannot be cut, and every chunk must make progress).
#pragma once

#include "layout/boxes.hpp"

#include <cstddef>
#include <vector>

namespace quorum::layout::table {

struct FlowChunk {
    std::size_t begin = 0, end = 0;  // slices [begin, end)
    double height = 0;
};

std::vector<FlowChunk> split_flow(const Flow& flow, double budget);

// A chunk as a flow of its own: blocks still open where it starts are re-opened at its
// top, and blocks it leaves open are closed at its bottom (both with no height), so
// each piece draws its fragment of their backgrounds and borders.
Flow chunk_flow(const Flow& flow, const FlowChunk& chunk);

// Height a slice adds to a flow (Break slices add none).
double slice_height(const Slice& slice);

}  // namespace quorum::layout::table
