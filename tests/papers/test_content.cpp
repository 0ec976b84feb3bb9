// CONTENT and SECTION -> blocks: paragraph numbering by presence, continuing across
// headings, lists and tables; key activities unnumbered unless asked.
#include "papers/content.hpp"
#include "papers/paper.hpp"

#include <catch2/catch.hpp>

using namespace quorum::papers;
using nlohmann::json;

namespace {

// The numbers of the paragraph blocks (null for unnumbered), "-" for any other block.
std::vector<std::string> numbers_of(const json& blocks) {
    std::vector<std::string> out;
    for (const auto& b : blocks) {
        if (b["kind"] != "paragraph") out.push_back("-");
        else out.push_back(b["number"].is_null() ? "null" : b["number"].get<std::string>());
    }
    return out;
}

using Numbers = std::vector<std::string>;

struct Fixture {
    Footnotes notes;
    Issues issues;
    ContentBuilder builder{notes, {}, "r.json", issues};
};

// The sections of a report built from `sections` (and a minimal cover).
json report_sections(const std::string& sections_json, Issues& issues) {
    json paper = json::parse(R"({"committee": "C", "meeting_date": "2018-06-06", "cover": {"title": "T", "report_of": "R"}})");
    paper["sections"] = json::parse(sections_json);
    return paper_context(paper, "r.json", issues)["sections"];
}

}  // namespace

TEST_CASE("paragraphs number 1.1, 1.2 … across headings, lists and tables", "[content]") {
    Fixture f;
    ParagraphNumbers numbers("2");
    const json blocks = f.builder.blocks(json::parse(R"(["a", {"heading": "H"}, "b", {"list": ["x"]},
        {"table": {"rows": [["c"]]}}, {"paragraph": "cont", "numbered": false}, "d"])"), "/s", &numbers, true);
    CHECK(numbers_of(blocks) == Numbers{"2.1", "-", "2.2", "-", "-", "null", "2.3"});
    CHECK(blocks[5]["numbered"] == false);
    CHECK_FALSE(blocks[0].contains("numbered"));
    CHECK(f.issues.empty());
}

TEST_CASE("without numbers paragraphs are unnumbered", "[content]") {
    Fixture f;
    const json blocks = f.builder.blocks(json::parse(R"(["a", {"paragraph": "b"}])"), "/summary", nullptr, false);
    CHECK(numbers_of(blocks) == Numbers{"null", "null"});
}

TEST_CASE("key activities are unnumbered unless a paragraph says numbered", "[content]") {
    Fixture f;
    ParagraphNumbers numbers("1");
    const json blocks = f.builder.blocks(json::parse(R"(["a",
        {"key_activities": [{"service": "Family Services", "content": ["k1", {"paragraph": "k2", "numbered": true}]}]},
        "b"])"), "/s", &numbers, true);
    CHECK(numbers_of(blocks) == Numbers{"1.1", "-", "1.3"});
    CHECK(numbers_of(blocks[1]["services"][0]["blocks"]) == Numbers{"null", "1.2"});
    CHECK(blocks[1]["services"][0]["service"] == "Family Services");
}

TEST_CASE("block shapes", "[content]") {
    Fixture f;
    const json blocks = f.builder.blocks(json::parse(R"([
        {"list": ["x", {"text": "y", "list": ["z"]}], "ordered": true, "style": "lower-alpha"},
        {"list": ["x"]},
        {"table": {"caption": "Table 1", "head": [["Phase", "Date"]], "rows": [["**one**", 2018]], "widths": ["50%", "50%"]}},
        {"note": "Source: *LAIT*"},
        {"heading": "Budget"}])"), "/s", nullptr, false);
    CHECK(blocks[0] == json::parse(R"({"kind": "list", "ordered": true, "style": "lower-alpha", "items": [
        {"runs": [{"text": "x"}], "items": []},
        {"runs": [{"text": "y"}], "items": [{"runs": [{"text": "z"}], "items": []}]}]})"));
    CHECK(blocks[1]["style"] == "disc");
    CHECK(blocks[1]["ordered"] == false);
    CHECK(blocks[2] == json::parse(R"({"kind": "table", "caption": "Table 1", "caption_runs": [{"text": "Table 1"}],
        "head": [[[{"text": "Phase"}], [{"text": "Date"}]]], "rows": [[[{"text": "one", "bold": true}], [{"text": "2018"}]]],
        "widths": ["50%", "50%"]})"));
    CHECK(blocks[3] == json::parse(R"({"kind": "note", "runs": [{"text": "Source: "}, {"text": "LAIT", "italic": true}]})"));
    CHECK(blocks[4] == json::parse(R"({"kind": "heading", "text": "Budget"})"));
}

TEST_CASE("a structured block without the data it places is an issue at its path", "[content]") {
    Fixture f;
    const json blocks = f.builder.blocks(json::parse(R"(["a", {"risk_register": {}}])"), "/sections/why_needed", nullptr, false);
    CHECK(blocks.size() == 1);
    REQUIRE(f.issues.size() == 1);
    CHECK(format_line(f.issues[0]) ==
          "r.json: /sections/why_needed/1/risk_register: found a {\"risk_register\"} block, expected the paper to have \"risks\"");
}

TEST_CASE("report sections: fixed order, numbered by presence, titles overridable", "[content]") {
    Issues issues;
    const json sections = report_sections(R"({
        "background_papers": "None.",
        "implications": {"legal": ["l1", "l2"], "corporate_priorities": "c"},
        "reasons": "r",
        "why_needed": {"title": "Introduction", "content": ["i1", "i2"]}})", issues);
    CHECK(issues.empty());
    REQUIRE(sections.size() == 4);
    CHECK(sections[0]["number"] == "1");
    CHECK(sections[0]["key"] == "why_needed");
    CHECK(sections[0]["title"] == "Introduction");
    CHECK(numbers_of(sections[0]["blocks"]) == Numbers{"1.1", "1.2"});
    CHECK(sections[1]["number"] == "2");
    CHECK(sections[1]["title"] == "Reasons for recommendations");
    CHECK(numbers_of(sections[1]["blocks"]) == Numbers{"2.1"});
    CHECK(sections[2]["number"] == "3");
    CHECK(sections[2]["title"] == "Implications of decision");
    const json& subs = sections[2]["subsections"];
    REQUIRE(subs.size() == 2);
    CHECK(subs[0]["number"] == "3.1");
    CHECK(subs[0]["title"] == "Corporate Priorities and Performance");
    CHECK(numbers_of(subs[0]["blocks"]) == Numbers{"3.1.1"});
    CHECK(subs[1]["number"] == "3.2");
    CHECK(subs[1]["key"] == "legal");
    CHECK(numbers_of(subs[1]["blocks"]) == Numbers{"3.2.1", "3.2.2"});
    CHECK(sections[3]["number"] == "4");
    CHECK(sections[3]["key"] == "background_papers");
    CHECK(sections[3]["blocks"][0]["runs"] == json::parse(R"([{"text": "None."}])"));
}

TEST_CASE("seed 000: without Social Value, Legal is 5.3", "[content]") {
    Issues issues;
    const json sections = report_sections(R"({"why_needed": "a", "reasons": "b", "alternatives": "c", "post_decision": "d",
        "implications": {"corporate_priorities": "e", "resources": [], "legal": "f", "risk_management": "g"}})", issues);
    const json& subs = sections[4]["subsections"];
    REQUIRE(subs.size() == 4);
    CHECK(subs[1]["number"] == "5.2");
    CHECK(subs[1]["blocks"] == json::array());  // an empty implication keeps its heading and number
    CHECK(subs[2]["key"] == "legal");
    CHECK(subs[2]["number"] == "5.3");
    CHECK(numbers_of(subs[2]["blocks"]) == Numbers{"5.3.1"});
    CHECK(subs[3]["number"] == "5.4");
}

TEST_CASE("a numbered document numbers 1, 2 … through its parts", "[content]") {
    Issues issues;
    const json context = paper_context(json::parse(R"({"kind": "document", "title": "T", "numbered": true,
        "content": ["a", {"section": "2. Budget", "content": ["b", {"heading": "h"}, "c"]}, "d"]})"), "d.json", issues);
    const json& blocks = context["blocks"];
    CHECK(numbers_of(blocks) == Numbers{"1", "-", "4"});
    CHECK(blocks[1]["kind"] == "section");
    CHECK(blocks[1]["title"] == "2. Budget");
    CHECK(numbers_of(blocks[1]["blocks"]) == Numbers{"2", "-", "3"});
    const json unnumbered = paper_context(json::parse(R"({"kind": "document", "title": "T", "content": ["a"]})"), "d.json", issues);
    CHECK(numbers_of(unnumbered["blocks"]) == Numbers{"null"});
    CHECK(issues.empty());
}
