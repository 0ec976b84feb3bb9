#include "papers/budget.hpp"

#include "papers/accounting.hpp"
#include "papers/json_fields.hpp"
#include "papers/schema.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <vector>

namespace quorum::papers {

namespace {

using nlohmann::json;
using fields::member;

enum class TableType { revenue, capital };

// One column of figures: its key in the data and the context, how messages name it,
// whether it is a percentage (not converted to £000, printed with one decimal), and whether
// it is an input, written in the data and never derived over (everything else is worked out).
struct FigureInfo {
    const char* key;
    const char* name;
    bool percent;
    bool input;
};

const std::vector<FigureInfo>& figure_infos(TableType type) {
    static const std::vector<FigureInfo> revenue = {
        {"original_budget", "original budget", false, true},
        {"revised_budget", "revised budget", false, true},
        {"outturn", "outturn", false, true},
        {"reserve_movements", "reserve movements", false, true},
        {"variance", "variance", false, false},
        {"variance_after_reserves", "variance after reserve movements", false, false},
        {"variance_percent", "variance %", true, false},
        {"variance_after_reserves_percent", "variance after reserve movements %", true, false},
    };
    static const std::vector<FigureInfo> capital = {
        {"revised_budget", "revised budget", false, true},
        {"additions_deletions", "additions/(deletions)", false, true},
        {"slippage_accelerated", "(slippage)/accelerated spend", false, true},
        {"budget_after_changes", "budget after changes", false, false},
        {"spend_to_date", "spend to date", false, true},
        {"forecast", "forecast", false, true},
        {"outturn", "outturn", false, true},
        {"variance", "variance", false, false},
        {"variance_percent", "variance %", true, false},
        {"slippage_percent", "slippage %", true, false},
    };
    return type == TableType::revenue ? revenue : capital;
}

const FigureInfo* find_info(TableType type, const std::string& key) {
    for (const auto& info : figure_infos(type))
        if (key == info.key) return &info;
    return nullptr;
}

// A line's figures in the data's units; for each derived one, how it was worked out
// ("outturn 57,409 − revised budget 55,039"), for the messages; and for each one, how many
// written amounts it adds up, each of which carries its own rounding when the data's £000
// were rounded from pounds (BUDGET.amounts_rounded).
struct Figures {
    std::map<std::string, std::optional<double>> value;
    std::map<std::string, std::string> how;
    std::map<std::string, int> terms;

    std::optional<double> get(const std::string& key) const {
        auto it = value.find(key);
        return it == value.end() ? std::nullopt : it->second;
    }

    int terms_of(std::initializer_list<const char*> keys) const {
        int n = 0;
        for (const char* key : keys)
            if (auto it = terms.find(key); it != terms.end() && get(key)) n += it->second;
        return n;
    }
};

struct Context {
    TableType type;
    AmountUnits units;
    bool amounts_rounded;  // £000 figures rounded from pounds: stated figures may differ by their rounding
    const std::string& file;
    Issues& issues;
};

std::optional<double> number_at(const json& object, const std::string& key) {
    if (!object.is_object()) return std::nullopt;
    auto it = object.find(key);
    if (it == object.end() || !it->is_number()) return std::nullopt;
    return it->get<double>();
}

std::string string_at(const json& object, const std::string& key) {
    if (!object.is_object()) return "";
    auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : "";
}

// An amount in a message: accounting style in the data's units, "0" rather than "-".
std::string message_amount(double value, int places, AmountUnits units) {
    std::string text = format_accounting(value, places);
    if (text == "-") return "0";
    if (units == AmountUnits::thousands) return text;
    return text.front() == '(' ? "(£" + text.substr(1) : "£" + text;
}

std::string operand(const char* name, double value, AmountUnits units) {
    return std::string(name) + " " + message_amount(value, written_decimals(value), units);
}

// value ÷ |base| × 100: the sign follows the variance even for a negative (income) budget.
void derive_percent(Figures& f, const char* key, const char* of_key, const char* of_name, AmountUnits units) {
    auto of = f.get(of_key);
    auto base = f.get("revised_budget");
    if (!of || !base || *base == 0.0) return;
    f.value[key] = *of / std::fabs(*base) * 100.0;
    f.how[key] = operand(of_name, *of, units) + " ÷ " + operand("revised budget", std::fabs(*base), units) + " × 100";
}

void derive_revenue_amounts(Figures& f, AmountUnits units) {
    auto outturn = f.get("outturn");
    auto revised = f.get("revised_budget");
    if (outturn && revised && !f.get("variance")) {
        f.value["variance"] = *outturn - *revised;
        f.terms["variance"] = f.terms_of({"outturn", "revised_budget"});
        f.how["variance"] = operand("outturn", *outturn, units) + " − " + operand("revised budget", *revised, units);
    }
    auto variance = f.get("variance");
    if (variance && !f.get("variance_after_reserves")) {
        double reserves = f.get("reserve_movements").value_or(0.0);  // absent: no movement
        f.value["variance_after_reserves"] = *variance + reserves;
        f.terms["variance_after_reserves"] = f.terms_of({"variance", "reserve_movements"});
        f.how["variance_after_reserves"] =
            operand("variance", *variance, units) + " + " + operand("reserve movements", reserves, units);
    }
}

// The figure the capital variance is measured on: the outturn, or in the 2010/11 shape the forecast.
std::pair<std::optional<double>, const char*> capital_actual(const Figures& f) {
    if (auto outturn = f.get("outturn")) return {outturn, "outturn"};
    return {f.get("forecast"), "forecast"};
}

void derive_capital_amounts(Figures& f, AmountUnits units) {
    auto revised = f.get("revised_budget");
    auto additions = f.get("additions_deletions");
    auto [actual, actual_name] = capital_actual(f);
    if (!f.get("slippage_accelerated") && actual && revised) {
        // End-of-year tables state no slippage: all of the gap not explained by additions is slippage.
        f.value["slippage_accelerated"] = *actual - *revised - additions.value_or(0.0);
        f.terms["slippage_accelerated"] = f.terms_of({actual_name, "revised_budget", "additions_deletions"});
        f.how["slippage_accelerated"] = operand(actual_name, *actual, units) + " − " +
                                        operand("revised budget", *revised, units) + " − " +
                                        operand("additions/(deletions)", additions.value_or(0.0), units);
    }
    auto slippage = f.get("slippage_accelerated");
    if (revised && !f.get("budget_after_changes")) {
        f.value["budget_after_changes"] = *revised + additions.value_or(0.0) + slippage.value_or(0.0);
        f.terms["budget_after_changes"] = f.terms_of({"revised_budget", "additions_deletions", "slippage_accelerated"});
        f.how["budget_after_changes"] = operand("revised budget", *revised, units) + " + " +
                                        operand("additions/(deletions)", additions.value_or(0.0), units) + " + " +
                                        operand("(slippage)/accelerated spend", slippage.value_or(0.0), units);
    }
    if (actual && revised && !f.get("variance")) {
        f.value["variance"] = *actual - *revised;
        f.terms["variance"] = f.terms_of({actual_name, "revised_budget"});
        f.how["variance"] = operand(actual_name, *actual, units) + " − " + operand("revised budget", *revised, units);
    }
}

void derive_percents(Figures& f, TableType type, AmountUnits units) {
    derive_percent(f, "variance_percent", "variance", "variance", units);
    if (type == TableType::revenue)
        derive_percent(f, "variance_after_reserves_percent", "variance_after_reserves",
                       "variance after reserve movements", units);
    else
        derive_percent(f, "slippage_percent", "slippage_accelerated", "(slippage)/accelerated spend", units);
}

Figures line_figures(const json& line, const Context& cx) {
    Figures f;
    for (const auto& info : figure_infos(cx.type))
        if (info.input) {
            f.value[info.key] = number_at(line, info.key);
            f.terms[info.key] = 1;
        }
    if (cx.type == TableType::revenue) derive_revenue_amounts(f, cx.units);
    else derive_capital_amounts(f, cx.units);
    derive_percents(f, cx.type, cx.units);
    return f;
}

// Sums every amount (written or derived) of `lines`; the percentages are worked out again
// from the sums, since percentages do not add up.
Figures sum_figures(const std::vector<Figures>& lines, const std::string& what, const Context& cx) {
    Figures sum;
    for (const auto& info : figure_infos(cx.type)) {
        if (info.percent) continue;
        std::optional<double> total;
        int terms = 0;
        for (const auto& line : lines) {
            if (auto v = line.get(info.key)) total = total.value_or(0.0) + *v;
            terms += line.terms_of({info.key});
        }
        sum.value[info.key] = total;
        sum.terms[info.key] = terms;
        if (total) sum.how[info.key] = what;
    }
    derive_percents(sum, cx.type, cx.units);
    return sum;
}

// What a stated figure needs before it can be derived, for "cannot be derived" messages.
std::string needs(TableType type, const std::string& key) {
    if (key == "variance" || key == "variance_percent")
        return type == TableType::revenue ? "an outturn and a revised budget"
                                          : "an outturn (or forecast) and a revised budget";
    if (key == "variance_after_reserves" || key == "variance_after_reserves_percent")
        return "an outturn and a revised budget";
    return "a revised budget and the figures it is worked out from";
}

// With BUDGET.amounts_rounded, each £000 amount a figure adds up was rounded by up to 0.5,
// and the stated figure (worked out from the unrounded amounts) by 0.5 more: a figure of n
// amounts may differ by 0.5 × (n + 1). Percentages are checked at their printed precision.
double rounding_allowance(const std::string& key, const Figures& derived, const Context& cx, const FigureInfo& info) {
    if (!cx.amounts_rounded || info.percent || cx.units == AmountUnits::pounds) return 0;
    int terms = derived.terms_of({key.c_str()});
    return terms > 1 ? 0.5 * (terms + 1) : 0;
}

// Stated amounts printed in place of the derived ones (see check_one).
using Adopted = std::map<std::string, double>;

// Checks one stated figure against the derived one. With BUDGET.amounts_rounded, a stated
// amount that agrees is recorded in `adopted`: it was worked out from the unrounded pounds, the
// derived one from rounded £000, so the stated one is the finance system's figure and is what
// the table prints (seed 003's capital total 54,551, where its rounded lines add up to 54,550).
void check_one(const std::string& key, const json& stated, const Figures& derived, const std::string& path,
               const Context& cx, Adopted& adopted) {
    const FigureInfo* info = find_info(cx.type, key);
    if (!info || !stated.is_number()) return;  // unknown keys and non-numbers are the schema's to report
    double stated_value = stated.get<double>();
    int places = written_decimals(stated);
    std::string stated_text = info->percent ? format_percent_signed(stated_value, places)
                                            : message_amount(stated_value, places, cx.units);
    auto value = derived.get(key);
    if (!value) {
        cx.issues.push_back({cx.file, path,
                             "stated " + std::string(info->name) + " " + stated_text +
                                 " cannot be checked: working it out needs " + needs(cx.type, key)});
        return;
    }
    bool agrees = agrees_within_rounding(stated_value, places, *value);
    if (!agrees && !info->percent && cx.units == AmountUnits::pounds)  // stated as printed, in £000
        agrees = format_accounting(to_thousands(stated_value, cx.units)) ==
                 format_accounting(to_thousands(*value, cx.units));
    double allowed = rounding_allowance(key, derived, cx, *info);
    if (!agrees && allowed > 0) agrees = std::fabs(stated_value - *value) <= allowed;
    if (agrees && cx.amounts_rounded && !info->percent && cx.units == AmountUnits::thousands)
        adopted[key] = stated_value;
    if (agrees) return;
    std::string derived_text = info->percent ? format_percent_signed(*value, places)
                                             : message_amount(*value, places, cx.units);
    auto how = derived.how.find(key);
    std::string because = how == derived.how.end() ? "" : " (" + how->second + ")";
    std::string beyond = allowed > 0 ? ", more than the ±" + format_number_as_written(allowed) + " its " +
                                           std::to_string(derived.terms_of({key.c_str()})) + " rounded amounts allow"
                                     : "";
    cx.issues.push_back({cx.file, path,
                         "stated " + std::string(info->name) + " " + stated_text + " disagrees with the derived " +
                             derived_text + because + beyond});
}

void check_stated(const json& stated, const Figures& derived, const std::string& path, const Context& cx,
                  Adopted& adopted) {
    if (!stated.is_object()) return;
    for (auto it = stated.begin(); it != stated.end(); ++it)
        check_one(it.key(), it.value(), derived, path + "/" + it.key(), cx, adopted);
}

// Figures a row states in place of deriving them: a subtotal or total row written with
// figures of its own, or a line written with its variance. They are checked like "stated".
void check_written(const json& line, const Figures& derived, bool derived_only, const std::string& path,
                   const Context& cx, Adopted& adopted) {
    if (!line.is_object()) return;
    for (auto it = line.begin(); it != line.end(); ++it)
        if (const FigureInfo* info = find_info(cx.type, it.key()); info && !(derived_only && info->input))
            check_one(it.key(), it.value(), derived, path + "/" + it.key(), cx, adopted);
}

// The figures a row prints: the derived ones, with the stated amounts check_one adopted.
Figures shown_figures(Figures figures, const Adopted& adopted) {
    for (const auto& [key, value] : adopted) figures.value[key] = value;
    return figures;
}

// The percentages' print style: "(0.7)" by default, "-0.7%" with "percent_style": "signed".
struct PercentStyle {
    bool is_signed = false;
    int places = 1;
};

PercentStyle percent_style(const json& table) {
    PercentStyle style;
    style.is_signed = string_at(table, "percent_style") == "signed";
    if (auto places = number_at(table, "percent_decimals"); places && *places >= 0 && *places <= 6)
        style.places = static_cast<int>(*places);
    return style;
}

void put_figures(json& out, const Figures& f, const Context& cx, const PercentStyle& style) {
    for (const auto& info : figure_infos(cx.type)) {
        auto v = f.get(info.key);
        std::string text_key = std::string(info.key) + "_text";
        if (!v) {
            out[info.key] = nullptr;
            out[text_key] = "";
        } else if (info.percent) {
            out[info.key] = *v;
            out[text_key] = style.is_signed ? format_percent_signed(*v, style.places)
                                            : format_percent_accounting(*v, style.places);
        } else {
            double thousands = to_thousands(*v, cx.units);
            out[info.key] = thousands;
            out[text_key] = format_accounting(thousands);
        }
    }
}

std::string line_kind(const json& line) {
    std::string kind = string_at(line, "kind");
    return kind == "heading" || kind == "subtotal" || kind == "total" ? kind : "line";
}

bool any_line_has(const json& lines, const char* key) {
    if (!lines.is_array()) return false;
    for (const auto& line : lines)
        if (line.is_object() && line.contains(key)) return true;
    return false;
}

json column(const std::string& key, const std::string& title, const std::string& unit, const json& titles) {
    bool renamed = titles.is_object() && titles.contains(key) && titles[key].is_string();  // "" blanks a title
    return {{"key", key}, {"title", renamed ? titles[key].get<std::string>() : title}, {"unit", unit}};
}

// A column as {key, title, unit}; the data's "columns" object may rename it.
struct ColumnList {
    json titles;
    json columns = json::array();

    void add(const std::string& key, const std::string& title, const std::string& unit) {
        columns.push_back(column(key, title, unit, titles));
    }
};

// Revenue: the end-of-year shape (with reserve movements and the % after them), or the
// 2010/11 shape (no reserves: the % of the variance itself). Returns the percentage column.
std::pair<const char*, const char*> revenue_columns(ColumnList& list, const json& lines) {
    if (any_line_has(lines, "original_budget")) list.add("original_budget", "Original Budget", "£000");
    list.add("revised_budget", "Revised Budget", "£000");
    list.add("outturn", "Outturn", "£000");
    list.add("variance", "Variance from Revised Budget Adv/(fav)", "£000");
    if (!any_line_has(lines, "reserve_movements")) return {"variance_percent", "% Variation of Revised Budget"};
    list.add("reserve_movements", "Reserve Movements", "£000");
    list.add("variance_after_reserves", "Variance after Reserve Movements Adv/(fav)", "£000");
    return {"variance_after_reserves_percent", "Variance after Reserve Movements Adv/(fav)"};
}

// Capital: the end-of-year shape, or the 2010/11 one (a forecast or spend to date: budget
// after changes, spend to date, forecast, % slippage). Returns the percentage column.
std::pair<const char*, std::string> capital_columns(ColumnList& list, const json& lines, const std::string& year) {
    std::string year_prefix = year.empty() ? "" : year + " ";
    bool shape_2010 = any_line_has(lines, "forecast") || any_line_has(lines, "spend_to_date");
    list.add("revised_budget", year_prefix + (shape_2010 ? "Latest Approved Budget" : "Revised Budget"), "£000");
    list.add("additions_deletions", "Additions/(Deletions)", "£000");
    list.add("slippage_accelerated", "(Slippage)/Accelerated Spend", "£000");
    if (shape_2010) list.add("budget_after_changes", year_prefix + "Budget after changes", "£000");
    if (any_line_has(lines, "spend_to_date")) list.add("spend_to_date", "Spend to date", "£000");
    if (any_line_has(lines, "forecast")) list.add("forecast", "Forecast to year-end", "£000");
    if (!shape_2010 || any_line_has(lines, "outturn")) list.add("outturn", year_prefix + "Outturn", "£000");
    list.add("variance", "Variance from Approved Budget", "£000");
    if (shape_2010) return {"slippage_percent", "% slippage of " + year_prefix + "Approved Budget"};
    return {"variance_percent", "Variance from Approved Budget"};
}

// The columns a table prints, from what its lines hold ({"revised_budget": "Budget V1"}
// renames one). Comments sit before the last (percentage) column, where the 2010/11 tables
// print them.
json table_columns(const json& table, TableType type, const std::string& year) {
    const json& lines = table.is_object() && table.contains("lines") ? table["lines"] : json();
    ColumnList list{table.is_object() && table.contains("columns") ? table["columns"] : json::object()};
    list.add("service", "Service", "");
    std::pair<std::string, std::string> percent;
    if (type == TableType::revenue) percent = revenue_columns(list, lines);
    else percent = capital_columns(list, lines, year);
    if (any_line_has(lines, "comment")) list.add("comment", "Comments", "");
    list.add(percent.first, percent.second, "%");
    return list.columns;
}

// The figures of every line so far, and of those since the last heading (for subtotals).
struct Running {
    std::vector<Figures> all_lines, since_heading;
};

// One row of the table: a heading resets the subtotal, a line is derived, a subtotal or
// total is summed; every stated figure is checked against what the row derives.
json derive_row(const json& line, const std::string& path, Running& running, const PercentStyle& style,
                const Context& cx) {
    json row = line.is_object() ? line : json::object();
    std::string kind = line_kind(line);
    row["kind"] = kind;
    row["service"] = string_at(line, "service");
    if (kind == "heading") {
        running.since_heading.clear();
        return row;
    }
    Figures f;
    if (kind == "line") {
        f = line_figures(line, cx);
        running.all_lines.push_back(f);
        running.since_heading.push_back(f);
    } else {
        const auto& summed = kind == "subtotal" ? running.since_heading : running.all_lines;
        f = sum_figures(summed, "the sum of the " + std::to_string(summed.size()) + " lines above", cx);
    }
    Adopted adopted;
    check_written(line, f, kind == "line", path, cx, adopted);
    check_stated(member(line, "stated"), f, path + "/stated", cx, adopted);
    put_figures(row, shown_figures(f, adopted), cx, style);
    return row;
}

// The table's total row (null unless shown: by default when it has more than one line);
// stated_total is checked whether or not the row is shown.
json total_row(const json& table, const Running& running, const std::string& at, const PercentStyle& style,
               const Context& cx) {
    const auto& lines = running.all_lines;
    Figures total = sum_figures(lines, "the sum of all " + std::to_string(lines.size()) + " lines", cx);
    Adopted adopted;
    check_stated(member(table, "stated_total"), total, at + "/stated_total", cx, adopted);
    const json& show = member(table, "show_total");
    if (!(show.is_boolean() ? show.get<bool>() : lines.size() > 1)) return nullptr;
    const json& label = member(table, "total_label");
    json row = {{"kind", "total"}, {"service", label.is_string() ? label.get<std::string>() : std::string("Total")}};
    put_figures(row, shown_figures(total, adopted), cx, style);
    return row;
}

// The column keys a group spans must be printed columns, adjacent and in table order: a group
// that skips or reorders columns cannot be drawn over them. Valid groups are passed on.
json column_groups(const json& table, const json& columns, const std::string& at, const Context& cx) {
    json out = json::array();
    const json& groups = member(table, "column_groups");
    if (!groups.is_array()) return out;
    std::vector<std::string> keys;
    for (const auto& c : columns) keys.push_back(c["key"].get<std::string>());
    for (std::size_t g = 0; g < groups.size(); ++g) {
        const json& spans = member(groups[g], "columns");
        if (!spans.is_array() || spans.empty()) continue;
        auto first = std::find(keys.begin(), keys.end(), spans[0].is_string() ? spans[0].get<std::string>() : "");
        bool adjacent = first != keys.end() && static_cast<std::size_t>(keys.end() - first) >= spans.size();
        for (std::size_t i = 0; adjacent && i < spans.size(); ++i)
            adjacent = spans[i].is_string() && *(first + static_cast<long>(i)) == spans[i].get<std::string>();
        if (!adjacent) {
            cx.issues.push_back({cx.file, at + "/column_groups/" + std::to_string(g) + "/columns",
                                 "found columns the table does not print side by side in this order, expected "
                                 "adjacent columns of the table"});
            continue;
        }
        out.push_back({{"title", string_at(groups[g], "title")}, {"columns", spans}});
    }
    return out;
}

json derive_table(const json& table, TableType type, const std::string& year, const std::string& at,
                  const Context& cx) {
    PercentStyle style = percent_style(table);
    const json& written = member(table, "lines");
    const json lines = written.is_array() ? written : json::array();
    json out = json::object();
    out["type"] = type == TableType::revenue ? "revenue" : "capital";
    out["caption"] = string_at(table, "caption");
    out["columns"] = table_columns(table, type, year);
    out["column_groups"] = column_groups(table, out["columns"], at, cx);
    out["has_comments"] = any_line_has(lines, "comment");
    Running running;
    json rows = json::array();
    for (std::size_t i = 0; i < lines.size(); ++i)
        rows.push_back(derive_row(lines[i], at + "/lines/" + std::to_string(i), running, style, cx));
    out["lines"] = std::move(rows);
    out["total"] = total_row(table, running, at, style, cx);
    return out;
}

// "revenue" and "capital" by name; any other table (a second revenue table such as the
// Dedicated Schools' Grant) says its type with "type", revenue by default.
TableType table_type(const std::string& name, const json& table) {
    std::string type = string_at(table, "type");
    if (type == "capital" || (type.empty() && name == "capital")) return TableType::capital;
    return TableType::revenue;
}

bool is_table(const json& value) { return value.is_object() && value.contains("lines"); }

bool amounts_rounded(const json& budget) {
    const json& flag = budget.contains("amounts_rounded") ? budget["amounts_rounded"] : json();
    return flag.is_boolean() && flag.get<bool>();
}

}  // namespace

json derive_budget(const json& budget, const std::string& file, const std::string& at, Issues& issues) {
    AmountUnits units = amount_units(budget);
    json out = json::object();
    out["units"] = units == AmountUnits::pounds ? "pounds" : "thousands";
    out["units_label"] = "£000";
    std::string year = string_at(budget, "year");
    out["year"] = year;
    if (!budget.is_object()) return out;
    for (auto it = budget.begin(); it != budget.end(); ++it) {
        if (!is_table(it.value())) continue;
        TableType type = table_type(it.key(), it.value());
        Context cx{type, units, amounts_rounded(budget), file, issues};
        out[it.key()] = derive_table(it.value(), type, year, json_pointer_append(at, it.key()), cx);
    }
    return out;
}

}  // namespace quorum::papers
