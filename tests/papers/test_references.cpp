// {=path} figure references in prose: replaced by derived figures, or reported where written.
#include "papers/paper.hpp"
#include "papers/references.hpp"

#include <catch2/catch.hpp>

using nlohmann::json;
using quorum::papers::Issues;
using quorum::papers::substitute_references;

namespace {

// Two rated indicators of one service: one met (G), one well short (R).
json paper_with_indicators(const json& summary_text) {
    return json{{"summary", json::array({summary_text})},
                {"indicators",
                 {{"items", json::array({json{{"ref", "A1"}, {"title", "Met"}, {"service", "Family Services"},
                                              {"plan", "CPI"}, {"polarity", "bigger_is_better"}, {"unit", "%"},
                                              {"target", 70}, {"result", 75}, {"previous", 70}},
                                         json{{"ref", "A2"}, {"title", "Missed"}, {"service", "Family Services"},
                                              {"plan", "SPI"}, {"polarity", "bigger_is_better"}, {"unit", "%"},
                                              {"target", 70}, {"result", 50}, {"previous", 60}}})}}}};
}

// The paper with its references resolved against the figures derived from it.
json resolved_paper(const json& paper, Issues& issues) {
    return quorum::papers::resolve_figure_references(paper, quorum::papers::derive_figures(paper, "r.json", issues),
                                                     "r.json", issues);
}

}  // namespace

TEST_CASE("a figure reference is replaced by the derived figure it names") {
    Issues issues;
    const json paper = paper_with_indicators(
        "{=indicators.summary.green_percent_text} met the target; "
        "{=indicators.not_met.Family Services.by_plan.SPI|Words} commissioning plan indicator did not.");
    const json resolved = resolved_paper(paper, issues);
    CHECK(issues.empty());
    CHECK(resolved["summary"][0] == "50% met the target; One commissioning plan indicator did not.");
    CHECK(resolved["indicators"] == paper["indicators"]);  // the data itself is never rewritten
}

TEST_CASE("a reference that names no figure is reported at its JSON pointer and left as written") {
    Issues issues;
    const json paper = paper_with_indicators("{=indicators.summary.gren_percent_text} met the target");
    const json resolved = resolved_paper(paper, issues);
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].file == "r.json");
    CHECK(issues[0].path == "/summary/0");
    CHECK(issues[0].message ==
          "the figure reference {=indicators.summary.gren_percent_text} names no figure: "
          "\"indicators.summary\" has no \"gren_percent_text\"");
    CHECK(resolved["summary"][0] == "{=indicators.summary.gren_percent_text} met the target");
}

TEST_CASE("figure references: formats, list elements by index, and text that only looks like one") {
    const json figures = {{"risks", {{"high", json::array({json{{"ref", "FS001"}, {"residual_score", 15}}})}}},
                          {"budget", {{"revenue", {{"total", {{"variance_text", "(1,956)"}}}}}}}};
    Issues issues;
    CHECK(substitute_references("{=risks.high.0.residual_score}", figures, "f", "/x", issues) == "15");
    CHECK(substitute_references("{=risks.high.FS001.residual_score|words}", figures, "f", "/x", issues) == "fifteen");
    CHECK(substitute_references("a {=budget.revenue.total.variance_text} b", figures, "f", "/x", issues) ==
          "a (1,956) b");
    CHECK(substitute_references("no reference {= here", figures, "f", "/x", issues) == "no reference {= here");
    CHECK(issues.empty());
    CHECK(substitute_references("{=risks.high|words}", figures, "f", "/x", issues) == "{=risks.high|words}");
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].message == "the figure reference {=risks.high|words} names no figure: \"risks.high\" is a list, not a figure");
    CHECK(substitute_references("{=risks.high.0.residual_score|roman}", figures, "f", "/x", issues) ==
          "{=risks.high.0.residual_score|roman}");
    CHECK(issues.back().message ==
          "the figure reference {=risks.high.0.residual_score|roman} names no figure: unknown format \"roman\", "
          "expected words or Words");
}

TEST_CASE("paper_context numbers and renders text whose figures came from references") {
    Issues issues;
    const json context = quorum::papers::paper_context(
        paper_with_indicators("**{=indicators.summary.red_text}** were rated Red."), "r.json", issues);
    CHECK(issues.empty());
    const json& runs = context["summary"][0]["runs"];
    REQUIRE(runs.size() >= 2);
    CHECK(runs[0]["text"] == "50% (1)");
    CHECK(runs[0]["bold"] == true);
}

TEST_CASE("text that looks like a reference inside the figures themselves is neither replaced nor reported") {
    Issues issues;
    json paper = paper_with_indicators("No references here.");
    paper["indicators"]["items"][0]["title"] = "{=indicators.summary.red_text}";
    paper["settings"] = {{"note", "{=nothing}"}};
    const json resolved = resolved_paper(paper, issues);
    CHECK(issues.empty());
    CHECK(resolved == paper);
}
