// Budget outturn tables: the figures a finance officer would otherwise work out in Excel.
//
// The rules (data/schema/README.md, section BUDGET, is the contract):
//   revenue  variance = outturn − revised budget
//            variance after reserve movements = variance + reserve movements (absent = none)
//            variance % = variance ÷ |revised budget| × 100 (also after reserve movements)
//   capital  budget after changes = revised budget + additions/(deletions) + (slippage)/accelerated
//            variance = outturn (or, in the 2010/11 shape, forecast) − revised budget
//            (slippage)/accelerated, when absent, = outturn − revised budget − additions/(deletions)
//            variance % = variance ÷ |revised budget| × 100; slippage % = slippage ÷ |revised budget| × 100
// A percentage of a zero revised budget has no value (printed blank). The divisor is the
// budget's magnitude so that the sign of a percentage is the sign of its variance, also for
// a negative budget (an income budget such as a grant): adverse stays positive.
// Subtotals are the sums of the lines since the last heading, totals the sums of all lines;
// their percentages are worked out from their own sums, never added up.
#pragma once

#include "papers/issues.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace quorum::papers {

// The budget context of data/schema/README.md ("What the templates receive"):
//   {units, units_label: "£000", year?, revenue: TABLE, capital: TABLE, <name>: TABLE…}
//   TABLE {type: "revenue"|"capital", caption, columns: [{key, title, unit}], has_comments,
//          column_groups: [{title, columns: [key…]}] (titles over adjacent columns),
//          lines: [LINE], total: LINE|null}
//   LINE  {kind: "line"|"heading"|"subtotal"|"total", service, comment?, <figure>, <figure>_text}
// Figures are in £000 (converted from pounds when BUDGET.units is "pounds"); an absent
// figure is null with an empty text. `at` is the JSON pointer of `budget` in `file`
// ("/budget"); every stated figure that disagrees with the derived one is appended to `issues`.
nlohmann::json derive_budget(const nlohmann::json& budget, const std::string& file, const std::string& at,
                             Issues& issues);

}  // namespace quorum::papers
