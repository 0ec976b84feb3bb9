// Cutting a cell's flow into page-sized chunks, for a table row taller than a page.
//
// The row is split where each cell's content can break (between its slices: lines,
// images, nested rows), each chunk at most `budget` tall; a slice taller than the
// budget gets a chunk to itself (it cannot be cut, and every chunk must make progress).
#pragma once

#include "layout/boxes.hpp"

#include <cstddef>
#include <optional>
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

// Where one cell of a tall row may be cut, in the row's coordinates.
struct CellBreaks {
    double content_top = 0, content_bottom = 0;
    std::vector<double> positions;  // tops of slices a page may start with (ascending)
};

// The cell's break positions: the top of every slice but the first that does not ask to
// stay with the one before (orphans/widows, break-inside: avoid), offset by `content_top`.
CellBreaks cell_breaks(const Flow& flow, double content_top);

// Cuts across a whole row that every cell can take: at one of its break positions, or
// outside its content. Cutting there leaves no gap in any cell, so the pieces between
// can be stacked on a page seamlessly and the page can break at any of them. Returns
// the cut positions (ascending, inside (0, row_height)), or nothing when some piece
// between two cuts would still be taller than `budget`.
// `extra_candidates`: further positions to try (between rows of a rowspan group).
std::optional<std::vector<double>> common_cuts(const std::vector<CellBreaks>& cells, double row_height, double budget,
                                               const std::vector<double>& extra_candidates = {});

// When no clean cuts exist: cuts no more than `budget` apart (where any candidate allows),
// preferring positions clean for every cell, else ones where the lines they cut through
// still end within the budget. Always returns (it may cut through a cell's line: the
// caller then draws that line in the piece above and makes the piece taller).
std::vector<double> best_effort_cuts(const std::vector<CellBreaks>& cells, double row_height, double budget,
                                     const std::vector<double>& extra_candidates = {});

}  // namespace quorum::layout::table
