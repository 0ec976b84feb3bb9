// Performance indicators: RAG rating, direction of travel, the texts the tables print,
// the RAG summary (Table 1 of the end-of-year report) and the list of indicators that did
// not meet their target. data/schema/README.md, section INDICATORS, is the contract; the
// rules and every edge case are written out there and next to each function below.
#pragma once

#include "papers/issues.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace quorum::papers {

enum class Polarity { bigger_is_better, smaller_is_better, monitor };
enum class Rag { none, green, green_amber, red_amber, red, monitor };
enum class Direction { improving, worsening, same };

// SETTINGS.rag: how far short of target (as % of the target) is still Green Amber / Red Amber.
struct RagThresholds {
    double green_amber_within_percent = 5;
    double red_amber_within_percent = 10;
};

// Reads SETTINGS.rag; absent, negative or non-numeric values keep the defaults (5, 10); a
// Red Amber band narrower than the Green Amber one is widened to it.
RagThresholds rag_thresholds(const nlohmann::json& settings);

// "bigger_is_better" | "smaller_is_better" | "monitor"; anything else is monitor (no rating,
// no direction): an indicator whose better direction is unknown cannot be judged.
Polarity polarity_from(const nlohmann::json& value);

// RAG of a numeric result against a numeric target:
//   met or beaten (equal counts as met)                       -> Green
//   short by at most green_amber_within_percent of |target|   -> Green Amber (5% exactly is still GA)
//   short by at most red_amber_within_percent of |target|     -> Red Amber
//   short by more                                             -> Red
// "Short" is target − result for bigger-is-better, result − target for smaller-is-better, so
// negative values work as written (−0.97 beats a target of −1.18 when bigger is better).
// A target of zero has no amber bands (any percentage of zero is zero): met -> G, short -> R.
// Monitor polarity -> Monitor.
Rag rate_against_target(double result, double target, Polarity polarity, const RagThresholds& thresholds);

// RAG of a rank (1 is best) against a target rank (e.g. 15 for "top 10% in England").
// Ranks move in whole places, so each band allows the percentage of the target rounded up
// to whole places: target 15 -> 5% = 0.75 -> 1 place Green Amber, 10% = 1.5 -> 2 places Red
// Amber. A rank at or above the target is Green. Ranks below 1 are not ranks: no rating.
Rag rate_rank(double rank, double target_rank, const RagThresholds& thresholds);

// Result against last year's: equal -> Same; otherwise better or worse by the polarity
// (call only with bigger_is_better / smaller_is_better; for ranks pass smaller_is_better).
Direction direction_of_travel(double result, double previous, Polarity polarity);

std::string rag_code(Rag rag);   // "G", "GA", "RA", "R", "Monitor", "" for none
std::string rag_label(Rag rag);  // "Green", "Green Amber", "Red Amber", "Red", "Monitor", ""

// The indicators context of data/schema/README.md:
//   {year, previous_year, period_label, titles: {target, result, previous, dot},
//    items: [ITEM], groups: [{service, plans: [{plan, title, items: [ITEM]}]}],
//    summary: {green, green_amber, red_amber, red, rated, improved_or_same, worsened, compared,
//              monitor, no_rating, unrated, total,
//              <share>_percent, <share>_percent_text "74%", <share>_text "74% (26)"},
//    not_met: [{service, items: [ITEM], count, by_plan: {"CPI": 1, "SPI": 4}}]}
//   ITEM = the item as written plus rag ("G"… or null), rag_label, rag_reason, dot, dot_symbol,
//          dot_text ("▲ Improving"), result_text ("56.3% (R)"), result_plain_text ("56.3%"), target_text, previous_text,
//          polarity_text, plan_title, numerator_denominator_text, target_variance (+_text),
//          dot_change_percent (+ dot_change_text "▲ 9.1%"), kind ("indicator"), ref_text
//          ("CES/S13-1 (Annual)" with "annual": true).
//   An item written with "kind": "heading" is a group row (seed 003's "4 Attainment gap …"):
//   kind "heading", empty texts, no rating or direction, not counted in the summary.
// An item's "decimals" fix how its result prints (target and last year's print as written);
// "compare_size": true judges a gap written as a negative number by its size.
// `at` is the JSON pointer of `indicators` in `file` ("/indicators"); a stated rag or dot,
// or a stated_summary count, that disagrees with the derived one is appended to `issues`.
nlohmann::json derive_indicators(const nlohmann::json& indicators, const nlohmann::json& settings,
                                 const std::string& file, const std::string& at, Issues& issues);

}  // namespace quorum::papers
