// Risk register: scores, levels, the high-level risks a report must discuss, and the risk
// matrix. data/schema/README.md, section RISKS, is the contract.
//
//   score = likelihood × impact, for the inherent (2010/11: initial) and the residual
//   (2010/11: current) assessment; a likelihood or impact outside 1..scale, or absent,
//   gives no score (and an Issue when it is outside the scale).
//   level: 5×5 (default)  low 1–4, medium 5–9, high 10–14, very high 15–25
//          3×3            low 1–2, medium 3–4, high 6–9 (seed 003: "High 6", "High 9")
//   SETTINGS.risk_levels {medium_from, high_from, very_high_from} replace the bands.
//   high-level risks: residual score ≥ SETTINGS.high_risk_from (default 15 on 5×5, 6 on 3×3),
//   ordered by residual score (highest first), then by ref (FS2 before FS10).
#pragma once

#include "papers/issues.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace quorum::papers {

struct RiskBands {
    int scale = 5;  // 5 (5×5) or 3 (3×3)
    double medium_from = 5;
    double high_from = 10;
    double very_high_from = 15;  // above scale² on 3×3: no very high there
    double high_risk_from = 15;
};

// The bands for `scale` (5 unless 3), with SETTINGS.risk_levels and SETTINGS.high_risk_from
// applied when they are numbers.
RiskBands risk_bands(const nlohmann::json& settings, int scale);

// "low" | "medium" | "high" | "very_high" for a score.
std::string risk_level(double score, const RiskBands& bands);

// "Low", "Medium", "High", "Very high".
std::string risk_level_label(const std::string& level);

// "FS2" before "FS10": digits compare as numbers, everything else as text.
bool ref_less(const std::string& a, const std::string& b);

// The risks context:
//   {register, scale, items: [RISK], high: [RISK], matrix: MATRIX, inherent_matrix: MATRIX,
//    level_counts: {low, medium, high, very_high}}
//   RISK = the item as written plus inherent_score, inherent_level, inherent_level_label,
//          residual_score, residual_level, residual_level_label, treatment_label, is_high,
//          and in "inherent"/"residual": score, level, level_label, likelihood_label ("Medium"),
//          impact_label, likelihood_text ("Medium 2"), impact_text, score_text ("High 6").
//   MATRIX = {scale, rows: [{impact, label, cells: [{likelihood, label, count, score, level}]}]}
//            rows from the highest impact down, cells from the lowest likelihood up.
// `at` is the JSON pointer of `risks` ("/risks"); stated scores or levels that disagree
// with the derived ones, and likelihoods/impacts outside the scale, are appended to `issues`.
nlohmann::json derive_risks(const nlohmann::json& risks, const nlohmann::json& settings, const std::string& file,
                            const std::string& at, Issues& issues);

}  // namespace quorum::papers
