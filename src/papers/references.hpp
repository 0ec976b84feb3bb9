// Figures in prose: `{=indicators.summary.green_percent_text}` in a paragraph is replaced by
// the derived figure, so the officer's text can never disagree with the table beside it
// (seed 000 typed "74% have met the annual target" above a table that says otherwise).
//
// A reference is `{=path}` or `{=path|format}`. The path walks the derived budget,
// indicators and risks (data/schema/README.md, "What the templates receive") by key; in a
// list, a segment is an index or the `service`/`ref` of the element wanted:
// `{=indicators.not_met.Family Services.by_plan.CPI|Words}`. Formats: `words` (numbers up
// to twenty as words: "two") and `Words` ("Two").
#pragma once

#include "papers/issues.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace quorum::papers {

// The figures a paper's budget, indicators and risks give by the council's rules
// (budget.hpp, indicators.hpp, risks.hpp): {"budget", "indicators", "risks"}, null where the
// paper has none. The rules' issues go to `issues`. Derived once per paper: the references
// and the templates read the same figures.
nlohmann::json derive_figures(const nlohmann::json& paper, const std::string& file, Issues& issues);

// `paper` with every reference in its text replaced by the figure it names in `figures`
// (from derive_figures), except inside the budget, indicators, risks and settings it holds.
// A reference that names no figure is an Issue at the JSON pointer of the text that holds
// it, and is left as written.
nlohmann::json resolve_figure_references(const nlohmann::json& paper, const nlohmann::json& figures,
                                         const std::string& file, Issues& issues);

// Replaces the references in one text against `figures` ({"budget", "indicators", "risks"}).
// `at` is the text's JSON pointer, for issues.
std::string substitute_references(const std::string& text, const nlohmann::json& figures, const std::string& file,
                                  const std::string& at, Issues& issues);

}  // namespace quorum::papers
