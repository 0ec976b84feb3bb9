#include "layout/table_columns.hpp"

#include <algorithm>
#include <array>
#include <numeric>

namespace quorum::layout::table {
namespace {

using style::Length;

enum class ColumnKind { Auto, Fixed, Percent };

// What the cells and <col>s say about one column.
struct ColumnMeasure {
    double min = 0, max = 0;
    double word = 0;  // its widest word unhyphenated, min <= word <= max (guess "word" below)
    ColumnKind kind = ColumnKind::Auto;
    double percent = 0;
};

double sum(const std::vector<double>& values) { return std::accumulate(values.begin(), values.end(), 0.0); }

// Raises a column's constraint from a specified width (cell or <col>).
void apply_specified_width(ColumnMeasure& column, const Length& width) {
    if (width.unit == Length::Unit::Percent && width.value > 0) {
        column.kind = ColumnKind::Percent;
        column.percent = std::max(column.percent, width.value);
    } else if (width.unit == Length::Unit::Pt && column.kind != ColumnKind::Percent) {
        // A fixed width is the column's preferred (max) width; it never goes below content min.
        column.max = column.kind == ColumnKind::Fixed ? std::max(column.max, width.value) : width.value;
        column.kind = ColumnKind::Fixed;
    }
}

// A cell's max-content contribution: a fixed width replaces its content's max.
double cell_max_contribution(const CellWidthInput& cell) {
    const double preferred = cell.width.unit == Length::Unit::Pt ? cell.width.value : cell.max;
    return std::max(cell.min, preferred);
}

std::vector<ColumnMeasure> measure_single_span(const ColumnLayoutInput& input) {
    std::vector<ColumnMeasure> columns(static_cast<std::size_t>(input.column_count));
    for (std::size_t c = 0; c < columns.size() && c < input.column_widths.size(); ++c)
        apply_specified_width(columns[c], input.column_widths[c]);
    for (const CellWidthInput& cell : input.cells) {
        if (cell.column_span != 1 || cell.column < 0 || cell.column >= input.column_count) continue;
        ColumnMeasure& column = columns[cell.column];
        const bool col_was_fixed = column.kind == ColumnKind::Fixed;
        apply_specified_width(column, cell.width);
        column.min = std::max(column.min, cell.min);
        column.word = std::max(column.word, cell.word);
        // An auto cell in a fixed column still needs its min, but doesn't widen the column.
        const bool fixed_by_something = column.kind == ColumnKind::Fixed && (col_was_fixed || cell.width.unit == Length::Unit::Pt);
        if (!fixed_by_something) column.max = std::max(column.max, cell_max_contribution(cell));
    }
    for (ColumnMeasure& column : columns) column.max = std::max(column.max, column.min);
    return columns;
}

// Columns widened by spanning cells and fixed widths keep min <= word <= max.
void clamp_words(std::vector<ColumnMeasure>& columns) {
    for (ColumnMeasure& column : columns) column.word = std::clamp(column.word, column.min, column.max);
}

// Spreads `excess` over columns [first, first+span) in proportion to `weight` (evenly when all zero).
template <typename Weight, typename Apply>
void distribute(std::vector<ColumnMeasure>& columns, int first, int span, double excess, Weight weight, Apply apply) {
    double total = 0;
    for (int c = first; c < first + span; ++c) total += weight(columns[c]);
    for (int c = first; c < first + span; ++c)
        apply(columns[c], total > 0 ? excess * weight(columns[c]) / total : excess / span);
}

// Sum of a measure over the spanned columns, plus the gaps between them the cell also covers.
template <typename Measure>
double spanned(const std::vector<ColumnMeasure>& columns, int first, int span, double gap, Measure measure) {
    double total = gap * (span - 1);
    for (int c = first; c < first + span; ++c) total += measure(columns[c]);
    return total;
}

void apply_spanning_cell(std::vector<ColumnMeasure>& columns, const CellWidthInput& cell, double gap) {
    const int first = cell.column, span = cell.column_span;
    const auto by_max = [](const ColumnMeasure& m) { return m.max; };
    const double min_sum = spanned(columns, first, span, gap, [](const ColumnMeasure& m) { return m.min; });
    if (cell.min > min_sum)
        distribute(columns, first, span, cell.min - min_sum, by_max,
                   [](ColumnMeasure& m, double extra) { m.min += extra; m.max = std::max(m.max, m.min); });
    const double max_sum = spanned(columns, first, span, gap, by_max);  // after the min step raised some maxes
    const double max_wanted = cell_max_contribution(cell);
    if (max_wanted > max_sum)
        distribute(columns, first, span, max_wanted - max_sum, by_max,
                   [](ColumnMeasure& m, double extra) { m.max += extra; });
    const double percent_sum = spanned(columns, first, span, 0, [](const ColumnMeasure& m) { return m.percent; });
    if (cell.width.unit == Length::Unit::Percent && cell.width.value > percent_sum) {
        // Only columns without their own percentage take the rest of the cell's percentage.
        const double rest = cell.width.value - percent_sum;
        distribute(columns, first, span, rest,
                   [](const ColumnMeasure& m) { return m.kind == ColumnKind::Percent ? 0.0 : std::max(m.max, 1e-6); },
                   [](ColumnMeasure& m, double extra) {
                       if (extra <= 0) return;
                       m.kind = ColumnKind::Percent;
                       m.percent += extra;
                   });
    }
}

std::vector<ColumnMeasure> measure_columns(const ColumnLayoutInput& input) {
    std::vector<ColumnMeasure> columns = measure_single_span(input);
    std::vector<const CellWidthInput*> spanning;
    for (const CellWidthInput& cell : input.cells)
        if (cell.column_span > 1 && cell.column >= 0 && cell.column + cell.column_span <= input.column_count)
            spanning.push_back(&cell);
    // Narrow spans first, so wider spans see the columns the narrower ones already widened.
    std::stable_sort(spanning.begin(), spanning.end(),
                     [](const CellWidthInput* a, const CellWidthInput* b) { return a->column_span < b->column_span; });
    for (const CellWidthInput* cell : spanning) apply_spanning_cell(columns, *cell, input.column_gap);
    clamp_words(columns);
    // Percentages above 100% in total are cut, left to right (as browsers do).
    double percent_left = 100;
    for (ColumnMeasure& column : columns) {
        if (column.kind != ColumnKind::Percent) continue;
        column.percent = std::min(column.percent, percent_left);
        percent_left -= column.percent;
    }
    return columns;
}

// The content width an auto-width table would like: max widths, enlarged so that
// percentage columns can have their percentage without squeezing the others.
double preferred_content_width(const std::vector<ColumnMeasure>& columns) {
    double max_sum = 0, percent_sum = 0, non_percent_max = 0, needed = 0;
    for (const ColumnMeasure& column : columns) {
        max_sum += column.max;
        if (column.kind == ColumnKind::Percent) {
            percent_sum += column.percent;
            if (column.percent > 0) needed = std::max(needed, column.max * 100 / column.percent);
        } else {
            non_percent_max += column.max;
        }
    }
    if (percent_sum > 0 && percent_sum < 100) needed = std::max(needed, non_percent_max * 100 / (100 - percent_sum));
    return std::max(max_sum, needed);
}

// The four guesses of CSS Tables 3 §3.9, with one more after the first: every column at
// its widest word whole. Hyphenation (hyphens: auto) lowers a column's min to a syllable;
// the table gives its columns whole words first, and hyphenates only when it must.
std::array<std::vector<double>, 5> width_guesses(const std::vector<ColumnMeasure>& columns, double content_width) {
    std::array<std::vector<double>, 5> guesses;
    for (auto& guess : guesses) guess.resize(columns.size());
    for (std::size_t c = 0; c < columns.size(); ++c) {
        const ColumnMeasure& column = columns[c];
        const bool percent = column.kind == ColumnKind::Percent;
        const double floor = column.word;
        const double percent_width = std::max(floor, column.percent * content_width / 100);
        guesses[0][c] = column.min;
        guesses[1][c] = floor;
        guesses[2][c] = percent ? percent_width : floor;
        guesses[3][c] = percent ? percent_width : column.kind == ColumnKind::Fixed ? std::max(floor, column.max) : floor;
        guesses[4][c] = percent ? percent_width : column.max;
    }
    return guesses;
}

// Width beyond every column's max: auto columns take it (by max), else fixed, else percent, else all.
void distribute_surplus(std::vector<double>& widths, const std::vector<ColumnMeasure>& columns, double surplus) {
    const auto share_by = [&](auto eligible, auto weight) {
        double total = 0;
        int count = 0;
        for (std::size_t c = 0; c < columns.size(); ++c)
            if (eligible(columns[c])) { total += weight(columns[c]); ++count; }
        if (count == 0) return false;
        for (std::size_t c = 0; c < columns.size(); ++c)
            if (eligible(columns[c])) widths[c] += total > 0 ? surplus * weight(columns[c]) / total : surplus / count;
        return true;
    };
    const auto by_max = [](const ColumnMeasure& m) { return m.max; };
    if (share_by([](const ColumnMeasure& m) { return m.kind == ColumnKind::Auto && m.max > 0; }, by_max)) return;
    if (share_by([](const ColumnMeasure& m) { return m.kind == ColumnKind::Auto; }, by_max)) return;
    if (share_by([](const ColumnMeasure& m) { return m.kind == ColumnKind::Fixed && m.max > 0; }, by_max)) return;
    if (share_by([](const ColumnMeasure& m) { return m.kind == ColumnKind::Percent && m.percent > 0; },
                 [](const ColumnMeasure& m) { return m.percent; }))
        return;
    share_by([](const ColumnMeasure&) { return true; }, [](const ColumnMeasure&) { return 0.0; });
}

std::vector<double> distribute_width(const std::vector<ColumnMeasure>& columns, double content_width) {
    const auto guesses = width_guesses(columns, content_width);
    for (std::size_t g = 1; g < guesses.size(); ++g) {
        const double low = sum(guesses[g - 1]), high = sum(guesses[g]);
        if (content_width > high) continue;
        // Linear interpolation between two adjacent guesses.
        const double t = high > low ? (content_width - low) / (high - low) : 1.0;
        std::vector<double> widths(columns.size());
        for (std::size_t c = 0; c < columns.size(); ++c)
            widths[c] = guesses[g - 1][c] + t * (guesses[g][c] - guesses[g - 1][c]);
        return widths;
    }
    std::vector<double> widths = guesses.back();
    distribute_surplus(widths, columns, content_width - sum(widths));
    return widths;
}

// Columns that cannot fit even at their minimum: the widest are capped at one common width
// (their long words then break anywhere), so narrow columns — references, figures — keep
// what they need, as long as the cap stays above them.
std::vector<double> squeeze(const std::vector<ColumnMeasure>& columns, double content_width) {
    std::vector<double> mins;
    for (const ColumnMeasure& column : columns) mins.push_back(column.min);
    std::vector<double> sorted = mins;
    std::sort(sorted.begin(), sorted.end());
    // Find the cap: the narrowest k columns keep their min, the rest share what is left.
    double cap = content_width / static_cast<double>(sorted.size()), kept = 0;
    for (std::size_t k = 0; k < sorted.size(); ++k) {
        const double share = (content_width - kept) / static_cast<double>(sorted.size() - k);
        if (sorted[k] > share) {
            cap = share;
            break;
        }
        kept += sorted[k];
    }
    for (double& w : mins) w = std::min(w, cap);
    return mins;
}

ColumnLayout auto_layout(const ColumnLayoutInput& input) {
    const std::vector<ColumnMeasure> columns = measure_columns(input);
    const double available = std::max(0.0, input.available_width - input.non_column_space);
    double min_sum = 0;
    for (const ColumnMeasure& column : columns) min_sum += column.min;

    double wanted = 0;
    if (input.table_width.is_auto())
        wanted = std::min(available, preferred_content_width(columns));  // shrink-to-fit
    else
        wanted = input.table_width.resolve(input.available_width) - input.non_column_space;
    ColumnLayout layout;
    if (min_sum > available + 1e-6) {
        layout.widths = squeeze(columns, available);
        layout.squeezed = true;
    } else {
        layout.widths = distribute_width(columns, std::clamp(wanted, min_sum, available));
    }
    layout.table_width = sum(layout.widths) + input.non_column_space;
    return layout;
}

// Fixed layout never looks at content, so a column left with no width (the others took
// it all) would push its text outside the table: every column keeps a little, taken from
// the wider ones.
void keep_columns_usable(std::vector<double>& widths, double content_width) {
    if (widths.empty() || content_width <= 0) return;
    const double floor = std::min(content_width / static_cast<double>(widths.size()), 24.0);
    double raised = 0, above = 0;
    for (double& w : widths) {
        if (w < floor) {
            raised += floor - w;
            w = floor;
        } else {
            above += w - floor;
        }
    }
    if (raised <= 0 || above <= 0) return;
    const double keep = std::max(0.0, 1 - raised / above);  // shrink the part above the floor
    for (double& w : widths)
        if (w > floor) w = floor + (w - floor) * keep;
}

// table-layout: fixed — widths from <col>s, then the first row's cells; the rest share what is left.
ColumnLayout fixed_layout(const ColumnLayoutInput& input) {
    const double table_width = std::min(input.table_width.resolve(input.available_width), input.available_width);
    const double content_width = std::max(0.0, table_width - input.non_column_space);
    const std::size_t count = static_cast<std::size_t>(input.column_count);
    std::vector<double> widths(count, 0);
    std::vector<bool> specified(count, false);
    const auto specify = [&](std::size_t c, const Length& width, double share) {
        if (specified[c] || width.is_auto()) return;
        widths[c] = std::max(0.0, width.resolve(content_width) / share);
        specified[c] = true;
    };
    for (std::size_t c = 0; c < count && c < input.column_widths.size(); ++c) specify(c, input.column_widths[c], 1);
    for (const CellWidthInput& cell : input.cells) {
        if (cell.row != 0 || cell.column < 0) continue;
        for (int c = cell.column; c < cell.column + cell.column_span && c < input.column_count; ++c)
            specify(static_cast<std::size_t>(c), cell.width, cell.column_span);
    }
    const double used = sum(widths);
    const auto unspecified = static_cast<double>(std::count(specified.begin(), specified.end(), false));
    ColumnLayout layout;
    if (unspecified > 0) {
        const double share = std::max(0.0, content_width - used) / unspecified;
        for (std::size_t c = 0; c < count; ++c)
            if (!specified[c]) widths[c] = share;
    } else if (used > 0 && used < content_width) {
        for (double& width : widths) width *= content_width / used;  // all specified: stretch proportionally
    }
    // Columns wider than the table widen it (as browsers do), but never beyond the page.
    const double total = sum(widths);
    const double widest = std::max(0.0, input.available_width - input.non_column_space);
    if (total > widest + 1e-6 && total > 0) {
        for (double& width : widths) width *= widest / total;
        layout.squeezed = true;
    }
    keep_columns_usable(widths, sum(widths));
    layout.widths = std::move(widths);
    layout.table_width = sum(layout.widths) + input.non_column_space;
    return layout;
}

}  // namespace

ColumnLayout compute_column_widths(const ColumnLayoutInput& input) {
    if (input.column_count <= 0) {
        ColumnLayout empty;
        empty.table_width = std::min(input.non_column_space, input.available_width);
        return empty;
    }
    if (input.fixed_layout && !input.table_width.is_auto()) return fixed_layout(input);
    return auto_layout(input);
}

IntrinsicWidths intrinsic_widths(const ColumnLayoutInput& input) {
    IntrinsicWidths out{input.non_column_space, input.non_column_space};
    if (input.column_count <= 0) return out;
    const std::vector<ColumnMeasure> columns = measure_columns(input);
    for (const ColumnMeasure& column : columns) out.min += column.min;
    out.max += std::max(preferred_content_width(columns), out.min - input.non_column_space);
    return out;
}

}  // namespace quorum::layout::table
