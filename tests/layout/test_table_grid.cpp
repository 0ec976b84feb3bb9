#include "layout/table_grid.hpp"

#include <catch2/catch.hpp>

using namespace quorum::layout::table;

namespace {

RowInput row(std::vector<CellInput> cells, int group = 0) { return RowInput{group, std::move(cells)}; }

// The grid drawn as text: one letter per cell in source order, '.' for an empty slot.
std::vector<std::string> picture(const Grid& grid) {
    std::vector<std::string> lines;
    for (int r = 0; r < grid.row_count; ++r) {
        std::string line;
        for (int c = 0; c < grid.column_count; ++c) {
            const int owner = grid.owner(r, c);
            line += owner < 0 ? '.' : static_cast<char>('a' + owner % 26);
        }
        lines.push_back(line);
    }
    return lines;
}

}  // namespace

TEST_CASE("grid: simple rows give one slot per cell") {
    const Grid grid = build_grid({row({{}, {}, {}}), row({{}, {}, {}})});
    CHECK(grid.row_count == 2);
    CHECK(grid.column_count == 3);
    CHECK(picture(grid) == std::vector<std::string>{"abc", "def"});
}

TEST_CASE("grid: rowspan pushes later cells of the rows below to the right") {
    // a spans two rows; in row 2, the first cell lands after it.
    const Grid grid = build_grid({row({{1, 2}, {2, 1}}), row({{}, {}})});
    CHECK(picture(grid) == std::vector<std::string>{"abb", "acd"});
    CHECK(grid.cells[3].column == 2);
}

TEST_CASE("grid: complex spans around a rowspanning cell in the middle") {
    const Grid grid = build_grid({
        row({{}, {1, 3}, {}}),
        row({{}, {}}),
        row({{2, 1}}),  // would overlap b's column: clipped to one column
        row({{3, 1}}),
    });
    CHECK(picture(grid) == std::vector<std::string>{"abc", "dbe", "fb.", "ggg"});
    CHECK(grid.cells[5].column_span == 1);  // f
    CHECK(grid.cells[6].column_span == 3);  // g
}

TEST_CASE("grid: rowspan=0 and overflowing rowspans stop at the end of the row group") {
    const Grid grid = build_grid({
        row({{1, 0}, {}}, 0),
        row({{}}, 0),
        row({{1, 5}, {}}, 1),  // group 1 has two rows
        row({{}}, 1),
    });
    CHECK(picture(grid) == std::vector<std::string>{"ab", "ac", "de", "df"});
    CHECK(grid.cells[0].row_span == 2);
    CHECK(grid.cells[3].row_span == 2);
}

TEST_CASE("grid: ragged rows are padded with empty slots, and <col>s widen the grid") {
    const Grid grid = build_grid({row({{}, {}, {}}), row({{}})}, 5);
    CHECK(grid.column_count == 5);
    CHECK(picture(grid) == std::vector<std::string>{"abc..", "d...."});
}

TEST_CASE("grid: hostile spans are clamped, never blow up") {
    const Grid grid = build_grid({row({{100000, 100000}, {5000, 1}}), row({{-3, -7}, {}})});
    CHECK(grid.column_count == 1000);  // colspan clamped to 1000: the page can't show more
    CHECK(grid.row_count == 2);
    REQUIRE(grid.cells.size() == 1);   // no room left for the other cells: dropped, not overlapped
    CHECK(grid.cells[0].row_span == 2);  // clamped to its row group
}

TEST_CASE("grid: negative spans count as 1") {
    const Grid grid = build_grid({row({{-3, -7}, {}}), row({{}, {}})});
    CHECK(picture(grid) == std::vector<std::string>{"ab", "cd"});
}

TEST_CASE("grid: an empty table has no slots") {
    const Grid grid = build_grid({});
    CHECK(grid.row_count == 0);
    CHECK(grid.column_count == 0);
    CHECK(grid.slots.empty());
}
