#include "layout/table_structure.hpp"

#include <algorithm>

namespace quorum::layout::table {
namespace {

using style::Display;

// <col span> is clamped like colspan; an unreasonable span must not allocate wildly.
int clamped_span(int span) { return std::clamp(span, 1, max_colspan); }

void add_columns(TableStructure& t, const Box& box) {
    if (box.kind == BoxKind::TableColumn) {
        for (int i = 0, n = clamped_span(box.style->column_span); i < n; ++i) t.columns.push_back({&box, nullptr});
        return;
    }
    bool has_cols = false;
    for (const auto& child : box.children) {
        if (child->kind != BoxKind::TableColumn) continue;
        has_cols = true;
        for (int i = 0, n = clamped_span(child->style->column_span); i < n; ++i) t.columns.push_back({child.get(), &box});
    }
    if (!has_cols)
        for (int i = 0, n = clamped_span(box.style->column_span); i < n; ++i) t.columns.push_back({nullptr, &box});
}

// Content that is not a table part (text or a block loose in a row, group or table) is
// laid out as an anonymous cell, as CSS 2.1 §17.2.1 wraps it; only white space between
// table parts is dropped. Never losing an officer's words matters more than the cell's look.
bool has_visible_content(const Box& box) {
    if (!box.children.empty() || !box.atomics.empty()) return true;
    for (const InlineItem& item : box.inlines) {
        if (item.kind != InlineItem::Kind::Text) return true;
        if (item.text.find_first_not_of(" \t\n\r\f") != std::string::npos) return true;
    }
    return false;
}

bool is_cell_like(const Box& box) {
    return box.kind == BoxKind::TableCell || (box.kind == BoxKind::Block && has_visible_content(box));
}

RowSource row_source(const Box& row) {
    RowSource source{&row, {}, 0};
    for (const auto& cell : row.children)
        if (is_cell_like(*cell)) source.cells.push_back(cell.get());
    return source;
}

// Rows of one group (with stray cells wrapped in anonymous rows).
std::vector<RowSource> rows_of_group(const Box& group) {
    std::vector<RowSource> rows;
    bool in_anonymous_row = false;
    for (const auto& child : group.children) {
        if (child->kind == BoxKind::TableRow) {
            rows.push_back(row_source(*child));
            in_anonymous_row = false;
        } else if (is_cell_like(*child)) {
            if (!in_anonymous_row) rows.push_back(RowSource{});
            rows.back().cells.push_back(child.get());
            in_anonymous_row = true;
        }
    }
    return rows;
}

RowGroupKind kind_of(const Box& group) {
    if (group.style->display == Display::TableHeaderGroup) return RowGroupKind::Header;
    if (group.style->display == Display::TableFooterGroup) return RowGroupKind::Footer;
    return RowGroupKind::Body;
}

struct PendingGroup {
    const Box* box = nullptr;
    RowGroupKind kind = RowGroupKind::Body;
    std::vector<RowSource> rows;
};

void append_group(TableStructure& t, PendingGroup group) {
    const int index = static_cast<int>(t.groups.size());
    t.groups.push_back({group.box, group.kind, static_cast<int>(t.rows.size()), static_cast<int>(group.rows.size())});
    for (RowSource& row : group.rows) {
        row.group = index;
        t.rows.push_back(std::move(row));
    }
}

}  // namespace

TableStructure collect_structure(const Box& table) {
    TableStructure t;
    std::vector<PendingGroup> groups;  // source order
    int header = -1, footer = -1;
    // Rows and cells directly in the table share one anonymous body per run.
    PendingGroup* anonymous = nullptr;
    for (const auto& child : table.children) {
        switch (child->kind) {
        case BoxKind::TableCaption:
            t.captions.push_back(child.get());
            anonymous = nullptr;
            break;
        case BoxKind::TableColumn:
        case BoxKind::TableColumnGroup:
            add_columns(t, *child);
            anonymous = nullptr;
            break;
        case BoxKind::TableRowGroup: {
            PendingGroup g{child.get(), kind_of(*child), rows_of_group(*child)};
            // Only the first thead/tfoot are headers/footers; later ones are bodies.
            if (g.kind == RowGroupKind::Header && header >= 0) g.kind = RowGroupKind::Body;
            if (g.kind == RowGroupKind::Footer && footer >= 0) g.kind = RowGroupKind::Body;
            if (g.kind == RowGroupKind::Header) header = static_cast<int>(groups.size());
            if (g.kind == RowGroupKind::Footer) footer = static_cast<int>(groups.size());
            groups.push_back(std::move(g));
            anonymous = nullptr;
            break;
        }
        default: {
            const bool is_row = child->kind == BoxKind::TableRow;
            if (!is_row && !is_cell_like(*child)) {  // white space between table parts
                anonymous = nullptr;
                break;
            }
            if (!anonymous) {
                groups.push_back(PendingGroup{});
                anonymous = &groups.back();
            }
            if (is_row) {
                anonymous->rows.push_back(row_source(*child));
            } else {
                if (anonymous->rows.empty() || anonymous->rows.back().row != nullptr) anonymous->rows.push_back(RowSource{});
                anonymous->rows.back().cells.push_back(child.get());
            }
            break;
        }
        }
    }
    if (header >= 0) append_group(t, std::move(groups[header]));
    for (int i = 0; i < static_cast<int>(groups.size()); ++i)
        if (i != header && i != footer) append_group(t, std::move(groups[i]));
    if (footer >= 0) append_group(t, std::move(groups[footer]));
    if (header >= 0) t.header_rows = t.groups.front().row_count;
    if (footer >= 0) t.footer_rows = t.groups.back().row_count;
    return t;
}

Grid grid_of(const TableStructure& structure) {
    std::vector<RowInput> rows;
    rows.reserve(structure.rows.size());
    for (const RowSource& source : structure.rows) {
        RowInput row{source.group, {}};
        row.cells.reserve(source.cells.size());
        for (const Box* cell : source.cells) row.cells.push_back({cell->style->column_span, cell->style->row_span});
        rows.push_back(std::move(row));
    }
    return build_grid(rows, static_cast<int>(structure.columns.size()));
}

}  // namespace quorum::layout::table
