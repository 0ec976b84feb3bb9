#include "layout/table_structure.hpp"

#include <catch2/catch.hpp>

#include <deque>

using namespace quorum::layout;
using namespace quorum::layout::table;
using quorum::style::ComputedStyle;
using quorum::style::Display;

namespace {

// Builds boxes by hand: the table model needs only kinds, displays and spans.
class Boxes {
public:
    std::unique_ptr<Box> make(BoxKind kind, Display display = Display::Block, int span = 1) {
        ComputedStyle& s = styles_.emplace_back();
        s.display = display;
        s.column_span = span;
        auto box = std::make_unique<Box>();
        box->kind = kind;
        box->style = &s;
        return box;
    }
    std::unique_ptr<Box> row(int cells) {
        auto r = make(BoxKind::TableRow, Display::TableRow);
        for (int i = 0; i < cells; ++i) r->children.push_back(make(BoxKind::TableCell, Display::TableCell));
        return r;
    }
    std::unique_ptr<Box> group(Display display, int rows, int cells) {
        auto g = make(BoxKind::TableRowGroup, display);
        for (int i = 0; i < rows; ++i) g->children.push_back(row(cells));
        return g;
    }

private:
    std::deque<ComputedStyle> styles_;
};

}  // namespace

TEST_CASE("structure: the first thead goes on top and the first tfoot at the bottom") {
    Boxes b;
    auto table = b.make(BoxKind::Table, Display::Table);
    table->children.push_back(b.group(Display::TableFooterGroup, 1, 2));
    table->children.push_back(b.group(Display::TableRowGroup, 3, 2));
    table->children.push_back(b.group(Display::TableHeaderGroup, 2, 2));
    table->children.push_back(b.group(Display::TableHeaderGroup, 1, 2));  // a second thead: a body
    const TableStructure t = collect_structure(*table);
    REQUIRE(t.groups.size() == 4);
    CHECK(t.groups[0].kind == RowGroupKind::Header);
    CHECK(t.groups[0].box == table->children[2].get());
    CHECK(t.groups[1].kind == RowGroupKind::Body);
    CHECK(t.groups[2].kind == RowGroupKind::Body);
    CHECK(t.groups[2].box == table->children[3].get());
    CHECK(t.groups[3].kind == RowGroupKind::Footer);
    CHECK(t.header_rows == 2);
    CHECK(t.footer_rows == 1);
    CHECK(t.rows.size() == 7);
    CHECK(t.rows[6].group == 3);
}

TEST_CASE("structure: stray rows and cells get anonymous groups and rows") {
    Boxes b;
    auto table = b.make(BoxKind::Table, Display::Table);
    table->children.push_back(b.row(2));
    table->children.push_back(b.make(BoxKind::TableCell, Display::TableCell));
    table->children.push_back(b.make(BoxKind::TableCell, Display::TableCell));
    table->children.push_back(b.make(BoxKind::Block));  // e.g. whitespace: ignored
    table->children.push_back(b.group(Display::TableRowGroup, 1, 1));
    const TableStructure t = collect_structure(*table);
    REQUIRE(t.groups.size() == 2);
    CHECK(t.groups[0].box == nullptr);
    CHECK(t.groups[0].row_count == 2);        // the row, then one anonymous row of two cells
    CHECK(t.rows[1].row == nullptr);
    CHECK(t.rows[1].cells.size() == 2);
    CHECK(t.header_rows == 0);
}

TEST_CASE("structure: <col span> and <colgroup span> declare columns") {
    Boxes b;
    auto table = b.make(BoxKind::Table, Display::Table);
    auto group = b.make(BoxKind::TableColumnGroup, Display::TableColumnGroup);
    group->children.push_back(b.make(BoxKind::TableColumn, Display::TableColumn, 2));
    group->children.push_back(b.make(BoxKind::TableColumn, Display::TableColumn, 1));
    table->children.push_back(std::move(group));
    table->children.push_back(b.make(BoxKind::TableColumnGroup, Display::TableColumnGroup, 3));  // no <col>s
    table->children.push_back(b.row(1));
    const TableStructure t = collect_structure(*table);
    REQUIRE(t.columns.size() == 6);
    CHECK(t.columns[0].column == t.columns[1].column);
    CHECK(t.columns[2].group == t.columns[0].group);
    CHECK(t.columns[3].column == nullptr);
    CHECK(grid_of(t).column_count == 6);
}
