// Risk register rules. Expected values are worked out by hand; seed 000 names two high-level
// risks scoring 15 (FS001, FS023), seed 003 shows a 3×3 register with "High 6" and "High 9".
#include "papers/budget.hpp"
#include "papers/indicators.hpp"
#include "papers/risks.hpp"

#include <catch2/catch.hpp>

#include <random>

using namespace quorum::papers;
using nlohmann::json;

namespace {

json derive(const std::string& risks_json, Issues& issues, const json& settings = json::object()) {
    return derive_risks(json::parse(risks_json), settings, "r.json", "/risks", issues);
}

std::vector<std::string> refs(const json& items) {
    std::vector<std::string> out;
    for (const auto& item : items) out.push_back(item["ref"].get<std::string>());
    return out;
}

// Seed 000's Children and Young People register: FS001 and FS023 are the two risks scoring
// 15 or above (likelihood and impact are not printed; 3 × 5 and 5 × 3 give the 15s).
const char* seed_000_register = R"({"register": "Children and Young People", "items": [
  {"ref": "FS023", "title": "Delivery of Ofsted Improvement Action Plan", "treatment": "treat",
   "inherent": {"likelihood": 5, "impact": 4}, "residual": {"likelihood": 5, "impact": 3}, "stated": {"residual_score": 15}},
  {"ref": "FS010", "title": "A medium risk", "treatment": "tolerate",
   "inherent": {"likelihood": 3, "impact": 3}, "residual": {"likelihood": 2, "impact": 3}},
  {"ref": "FS001", "title": "Significant child safeguarding incident", "treatment": "treat",
   "description": "risk that inappropriate response …", "controls": "Improvement plan",
   "inherent": {"likelihood": 4, "impact": 5}, "residual": {"likelihood": 3, "impact": 5},
   "stated": {"residual_score": 15, "residual_level": "Very High"}},
  {"ref": "FS002", "title": "A higher risk", "treatment": "treat",
   "inherent": {"likelihood": 5, "impact": 5}, "residual": {"likelihood": 4, "impact": 4}},
  {"ref": "FS009", "title": "A high risk below the line", "treatment": "transfer",
   "inherent": {"likelihood": 4, "impact": 4}, "residual": {"likelihood": 2, "impact": 5}}
]})";

}  // namespace

TEST_CASE("risks: levels on the 5×5 bands") {
    RiskBands bands = risk_bands(json::object(), 5);
    CHECK(risk_level(1, bands) == "low");
    CHECK(risk_level(4, bands) == "low");
    CHECK(risk_level(5, bands) == "medium");
    CHECK(risk_level(9, bands) == "medium");
    CHECK(risk_level(10, bands) == "high");
    CHECK(risk_level(14, bands) == "high");
    CHECK(risk_level(15, bands) == "very_high");
    CHECK(risk_level(25, bands) == "very_high");
    CHECK(bands.high_risk_from == 15);
    CHECK(risk_level_label("very_high") == "Very high");
    CHECK(risk_level_label("medium") == "Medium");
    CHECK(risk_level_label("") == "");
}

TEST_CASE("risks: levels on the 3×3 bands and configured bands") {
    RiskBands three = risk_bands(json::object(), 3);
    CHECK(risk_level(2, three) == "low");
    CHECK(risk_level(3, three) == "medium");
    CHECK(risk_level(4, three) == "medium");
    CHECK(risk_level(6, three) == "high");  // seed 003: "High 6"
    CHECK(risk_level(9, three) == "high");  // seed 003: "High 9"
    CHECK(three.high_risk_from == 6);
    RiskBands configured = risk_bands(json::parse(R"({"risk_levels": {"medium_from": 4, "high_from": 8,
                                                     "very_high_from": 20}, "high_risk_from": 12})"),
                                      5);
    CHECK(risk_level(3, configured) == "low");
    CHECK(risk_level(4, configured) == "medium");
    CHECK(risk_level(8, configured) == "high");
    CHECK(risk_level(16, configured) == "high");
    CHECK(risk_level(20, configured) == "very_high");
    CHECK(configured.high_risk_from == 12);
    RiskBands odd = risk_bands(json::parse(R"({"risk_levels": {"medium_from": "five"}, "high_risk_from": null})"), 5);
    CHECK(odd.medium_from == 5);
    CHECK(odd.high_risk_from == 15);
}

TEST_CASE("risks: refs order as people read them") {
    CHECK(ref_less("FS001", "FS023"));
    CHECK_FALSE(ref_less("FS023", "FS001"));
    CHECK(ref_less("FS2", "FS10"));
    CHECK_FALSE(ref_less("FS10", "FS2"));
    CHECK(ref_less("CS0030", "CS0041"));
    CHECK(ref_less("A", "B"));
    CHECK(ref_less("FS", "FS1"));
    CHECK_FALSE(ref_less("FS1", "FS1"));
}

TEST_CASE("risks: seed 000 register, scores, levels and the high-level list") {
    Issues issues;
    json out = derive(seed_000_register, issues);
    CHECK(issues.empty());
    CHECK(out["register"] == "Children and Young People");
    const json& fs023 = out["items"][0];
    CHECK(fs023["inherent_score"] == 20.0);
    CHECK(fs023["inherent_level"] == "very_high");
    CHECK(fs023["residual_score"] == 15.0);
    CHECK(fs023["residual_level_label"] == "Very high");
    CHECK(fs023["treatment_label"] == "Treat");
    CHECK(fs023["is_high"] == true);
    const json& fs010 = out["items"][1];
    CHECK(fs010["residual_score"] == 6.0);
    CHECK(fs010["residual_level"] == "medium");
    CHECK(fs010["inherent_level"] == "medium");  // 9
    CHECK(fs010["is_high"] == false);
    CHECK(fs010["residual"]["likelihood_text"] == "Unlikely 2");
    CHECK(fs010["residual"]["impact_text"] == "Moderate 3");
    CHECK(fs010["residual"]["score_text"] == "Medium 6");
    CHECK(out["items"][2]["description"] == "risk that inappropriate response …");  // prose passes through
    CHECK(out["items"][4]["residual_level"] == "high");                         // 10
    SECTION("residual ≥ 15, highest first, then by ref") {
        CHECK(refs(out["high"]) == std::vector<std::string>{"FS002", "FS001", "FS023"});  // 16, 15, 15
    }
    SECTION("the matrix counts residual assessments per point") {
        const json& m = out["matrix"];
        CHECK(m["scale"] == 5);
        REQUIRE(m["rows"].size() == 5);
        CHECK(m["rows"][0]["impact"] == 5);
        CHECK(m["rows"][0]["label"] == "Catastrophic");
        CHECK(m["rows"][0]["cells"][0]["label"] == "Rare");
        CHECK(m["rows"][0]["cells"][2]["count"] == 1);  // FS001: likelihood 3, impact 5
        CHECK(m["rows"][0]["cells"][1]["count"] == 1);  // FS009: 2, 5
        CHECK(m["rows"][0]["cells"][2]["score"] == 15);
        CHECK(m["rows"][0]["cells"][2]["level"] == "very_high");
        CHECK(m["rows"][2]["cells"][4]["count"] == 1);  // FS023: 5, 3
        CHECK(m["rows"][2]["cells"][1]["count"] == 1);  // FS010: 2, 3
        CHECK(m["rows"][1]["cells"][3]["count"] == 1);  // FS002: 4, 4
        CHECK(m["rows"][4]["cells"][0]["count"] == 0);
        CHECK(out["inherent_matrix"]["rows"][0]["cells"][4]["count"] == 1);  // FS002 inherent 5, 5
        CHECK(out["level_counts"]["very_high"] == 3);
        CHECK(out["level_counts"]["high"] == 1);
        CHECK(out["level_counts"]["medium"] == 1);
        CHECK(out["level_counts"]["low"] == 0);
    }
    SECTION("another threshold for the high-level list") {
        Issues more;
        json twelve = derive(seed_000_register, more, json::parse(R"({"high_risk_from": 10})"));
        CHECK(refs(twelve["high"]) == std::vector<std::string>{"FS002", "FS001", "FS023", "FS009"});
    }
}

TEST_CASE("risks: stated scores and levels that disagree are reported") {
    Issues issues;
    derive(R"({"items": [
      {"ref": "R1", "inherent": {"likelihood": 4, "impact": 5}, "residual": {"likelihood": 3, "impact": 5},
       "stated": {"inherent_score": 20, "residual_score": 16, "residual_level": "high"}},
      {"ref": "R2", "residual": {"likelihood": 3}, "stated": {"residual_score": 9}}]})",
           issues);
    REQUIRE(issues.size() == 3);
    CHECK(issues[0].path == "/risks/items/0/stated/residual_score");
    CHECK(issues[0].message == "stated residual score 16 disagrees with the derived 15 (likelihood 3 × impact 5)");
    CHECK(issues[1].path == "/risks/items/0/stated/residual_level");
    CHECK(issues[1].message ==
          "stated residual level \"high\" disagrees with the derived \"Very high\" (score 15 = likelihood 3 × impact 5)");
    CHECK(issues[2].path == "/risks/items/1/stated/residual_score");
    CHECK(issues[2].message == "stated residual score 9 cannot be checked: the residual likelihood or impact is missing");
}

TEST_CASE("risks: the 2010/11 shape (seed 003): 3×3, level words, matrix") {
    Issues issues;
    json out = derive(R"({"register": "Children's Service", "scale": 3, "items": [
      {"ref": "CS0030", "title": "Reputational", "inherent": {"likelihood": 3, "impact": 3},
       "residual": {"likelihood": 2, "impact": 3}, "target_date": "2011-01-31"},
      {"ref": "CS0041", "title": "Reputational", "inherent": {"likelihood": 3, "impact": 3},
       "residual": {"likelihood": 2, "impact": 3}},
      {"ref": "CS0044", "title": "Financial", "inherent": {"likelihood": 3, "impact": 3},
       "residual": {"likelihood": 3, "impact": 3}, "stated": {"residual_score": 9, "residual_level": "High"}}]})",
                      issues);
    CHECK(issues.empty());
    const json& cs0030 = out["items"][0];
    CHECK(cs0030["inherent"]["impact_text"] == "High 3");
    CHECK(cs0030["inherent"]["likelihood_text"] == "High 3");
    CHECK(cs0030["inherent"]["score_text"] == "High 9");
    CHECK(cs0030["residual"]["impact_text"] == "High 3");
    CHECK(cs0030["residual"]["likelihood_text"] == "Medium 2");
    CHECK(cs0030["residual"]["score_text"] == "High 6");
    CHECK(cs0030["target_date"] == "2011-01-31");
    CHECK(refs(out["high"]) == std::vector<std::string>{"CS0044", "CS0030", "CS0041"});  // 9, 6, 6
    const json& m = out["matrix"];
    REQUIRE(m["rows"].size() == 3);
    CHECK(m["rows"][0]["label"] == "High");
    CHECK(m["rows"][0]["cells"][0]["count"] == 0);
    CHECK(m["rows"][0]["cells"][1]["count"] == 2);  // impact High, likelihood Medium
    CHECK(m["rows"][0]["cells"][2]["count"] == 1);  // impact High, likelihood High
    CHECK(m["rows"][2]["label"] == "Low");
    CHECK(m["rows"][2]["cells"][2]["level"] == "medium");  // 3 × 1
    SECTION("words the data gives") {
        Issues none;
        json worded = derive(R"({"scale": 3, "likelihood_words": ["Unlikely", "Possible", "Probable"],
                                 "items": [{"ref": "X", "residual": {"likelihood": 3, "impact": 1}}]})",
                             none);
        CHECK(worded["items"][0]["residual"]["likelihood_text"] == "Probable 3");
        CHECK(worded["items"][0]["residual"]["impact_text"] == "Low 1");
    }
    SECTION("a point outside the scale is reported and not scored") {
        Issues outside;
        json bad = derive(R"({"scale": 3, "items": [{"ref": "X", "residual": {"likelihood": 4, "impact": 2}}]})", outside);
        REQUIRE(outside.size() == 1);
        CHECK(outside[0].path == "/risks/items/0/residual/likelihood");
        CHECK(outside[0].message == "residual likelihood 4 is outside the 1–3 scale");
        CHECK(bad["items"][0]["residual_score"].is_null());
        CHECK(bad["items"][0]["residual"]["likelihood_text"] == "4");
        CHECK(bad["matrix"]["rows"][1]["cells"][2]["count"] == 0);
    }
}

TEST_CASE("risks: odd input never crashes") {
    Issues issues;
    json empty = derive_risks(json(nullptr), json(nullptr), "r.json", "/risks", issues);
    CHECK(empty["items"].empty());
    CHECK(empty["high"].empty());
    CHECK(empty["matrix"]["rows"].size() == 5);
    json odd = derive(R"({"scale": 4, "items": [3, {}, {"residual": {"likelihood": "3", "impact": 5}}]})", issues);
    CHECK(odd["scale"] == 5);  // only 3 and 5 are scales
    CHECK(odd["items"].size() == 3);
    CHECK(odd["items"][1]["residual_score"].is_null());
    CHECK(odd["items"][1]["residual_level"].is_null());
    CHECK(odd["items"][1]["residual_level_label"] == "");
    CHECK(odd["items"][1]["is_high"] == false);
    CHECK(odd["items"][2]["residual"]["impact_text"] == "Catastrophic 5");
    CHECK(odd["items"][2]["residual"]["likelihood_text"] == "");
    CHECK(issues.empty());
    json off_scale = derive(R"({"items": [{"ref": "X", "residual": {"likelihood": -3, "impact": 2.5}},
                                          {"ref": "Y", "residual": {"likelihood": 1e30, "impact": 5}}]})",
                            issues);
    CHECK(off_scale["items"][0]["residual"]["likelihood_text"] == "-3");
    CHECK(off_scale["items"][0]["residual"]["impact_text"] == "2.5");  // inside 1–5, but no word for it
    CHECK(off_scale["items"][0]["residual_score"].is_null());
    CHECK(off_scale["items"][1]["residual"]["likelihood_label"] == "");
    CHECK(issues.size() == 2);  // -3 and 1e30 are outside the scale; 2.5 is not
}

// Schema-valid input is assumed, but a rule must never crash on anything: random shapes
// built from the model's own field names and values go through all three rules.
namespace {

struct ShapeMaker {
    std::mt19937 random{20180606};
    const std::vector<std::string> keys = {
        "units", "year", "revenue", "capital", "dsg", "lines", "kind", "service", "original_budget", "revised_budget",
        "outturn", "reserve_movements", "additions_deletions", "slippage_accelerated", "spend_to_date", "forecast",
        "variance", "variance_percent", "stated", "stated_total", "show_total", "columns", "percent_style",
        "percent_decimals", "amounts_rounded", "type", "comment", "items", "ref", "plan", "polarity", "unit",
        "decimals", "target", "result", "previous", "comparable", "value", "rank", "text", "rag", "dot",
        "numerator", "denominator", "numerator_denominator", "compare_size", "stated_summary", "green", "scale",
        "inherent", "residual", "likelihood", "impact", "residual_score", "residual_level", "treatment",
        "likelihood_words", "rag_thresholds", "risk_levels", "high_risk_from", "medium_from"};
    const std::vector<std::string> words = {"Monitor", "pounds", "heading", "subtotal", "total", "bigger_is_better",
                                            "smaller_is_better", "monitor", "capital", "signed", "%", "rank", "£",
                                            "G", "Green Amber", "Improving", "▲ Same", "", "very high"};

    int below(int n) { return static_cast<int>(random() % static_cast<unsigned>(n)); }

    json make(int depth) {
        switch (below(depth > 0 ? 9 : 6)) {
            case 0: return nullptr;
            case 1: return below(2) == 1;
            case 2: return below(40) - 8;
            case 3: return (below(20001) - 10000) / 8.0;
            case 4: return below(2) ? 1e300 : -0.0;
            case 5: return words[static_cast<std::size_t>(below(static_cast<int>(words.size())))];
            case 6: {
                json list = json::array();
                for (int i = below(5); i > 0; --i) list.push_back(make(depth - 1));
                return list;
            }
            default: return make_object(depth);
        }
    }

    json make_object(int depth) {
        json object = json::object();
        for (int i = below(7); i > 0; --i)
            object[keys[static_cast<std::size_t>(below(static_cast<int>(keys.size())))]] = make(depth - 1);
        return object;
    }
};

}  // namespace

TEST_CASE("papers rules: random shapes never crash") {
    ShapeMaker maker;
    std::size_t tables = 0, items = 0;
    for (int i = 0; i < 3000; ++i) {
        json data = maker.make_object(5), settings = maker.make(3);
        Issues issues;
        json budget, indicators;
        CHECK_NOTHROW(budget = derive_budget(data, "r.json", "/budget", issues));
        CHECK_NOTHROW(indicators = derive_indicators(data, settings, "r.json", "/indicators", issues));
        CHECK_NOTHROW(derive_risks(data, settings, "r.json", "/risks", issues));
        tables += budget.size() - 3;  // beyond units, units_label and year
        items += indicators["items"].size();
    }
    CHECK(tables > 0);  // the shapes reached inside the rules, not only their first checks
    CHECK(items > 0);
}

TEST_CASE("risks: a score stated without its likelihood and impact (seed 000's FS001, FS023)") {
    Issues issues;
    json out = derive(R"({"items": [
      {"ref": "FS001", "title": "Significant child safeguarding incident", "residual": {"score": 15}},
      {"ref": "FS023", "title": "Delivery of Ofsted Improvement Action Plan", "residual": {"score": 15}},
      {"ref": "FS030", "title": "Lower", "residual": {"likelihood": 2, "impact": 3}}]})",
                      issues);
    CHECK(issues.empty());
    const json& fs001 = out["items"][0];
    CHECK(fs001["residual_score"] == 15.0);
    CHECK(fs001["residual_level"] == "very_high");
    CHECK(fs001["residual"]["likelihood_text"] == "");  // no invented split
    CHECK(fs001["is_high"] == true);
    CHECK(refs(out["high"]) == std::vector<std::string>{"FS001", "FS023"});
    int in_matrix = 0;
    for (const auto& row : out["matrix"]["rows"])
        for (const auto& cell : row["cells"]) in_matrix += cell["count"].get<int>();
    CHECK(in_matrix == 1);  // only FS030 has a point on the grid
    SECTION("beside a likelihood and impact it must be their product; off the scale it is reported") {
        Issues wrong;
        derive(R"({"items": [{"ref": "A", "title": "t", "residual": {"likelihood": 3, "impact": 5, "score": 16}},
                             {"ref": "B", "title": "t", "residual": {"score": 26}}]})",
               wrong);
        REQUIRE(wrong.size() == 2);
        CHECK(wrong[0].path == "/risks/items/0/residual/score");
        CHECK(wrong[0].message == "residual score 16 disagrees with likelihood 3 × impact 5 = 15");
        CHECK(wrong[1].message == "residual score 26 is outside 1–25 (5×5 scale)");
    }
    SECTION("a stated score is checked against it") {
        Issues stated;
        derive(R"({"items": [{"ref": "A", "title": "t", "residual": {"score": 15}, "stated": {"residual_score": 12}}]})",
               stated);
        REQUIRE(stated.size() == 1);
        CHECK(stated[0].message == "stated residual score 12 disagrees with the derived 15 (the score as written)");
    }
}
