// paper_context(): the cover texts, recommendations, footnotes in reading order, derived data
// placed by blocks, and the contexts of minutes, work programmes and documents.
#include "papers/paper.hpp"
#include "papers/report_context.hpp"

#include <catch2/catch.hpp>

using namespace quorum::papers;
using nlohmann::json;

namespace {

json report(const std::string& extra_members = "") {
    return json::parse(R"({"committee": "Children, Education, and Safeguarding Committee", "meeting_date": "2018-06-06",
        "cover": {"title": "End of Year", "report_of": "Chairman"})" + extra_members + "}");
}

json context_of(const json& paper, Issues& issues) { return paper_context(paper, "r.json", issues); }

}  // namespace

TEST_CASE("cover texts", "[context]") {
    CHECK(status_text("public", 0) == "Public");
    CHECK(status_text("exempt", 3) == "Exempt – paragraph 3 of Schedule 12A");
    CHECK(wards_text(json("All")) == "All");
    CHECK(wards_text(json::parse(R"(["Burnt Oak", "Colindale"])")) == "Burnt Oak; Colindale");
    CHECK(yes_no(json(true)) == "Yes");
    CHECK(yes_no(json(false)) == "No");
    CHECK(issue_type_text("non-key") == "Non-key");
    CHECK(issue_type_text("key") == "Key");
    CHECK(issue_type_text("urgent") == "Urgent");
    CHECK(issue_type_text("tbc") == "TBC");
    CHECK(vote_outcome(5, 0) == "carried");
    CHECK(vote_outcome(2, 3) == "lost");
    CHECK(vote_outcome(3, 3) == "lost");
}

TEST_CASE("a report's cover, recommendations and meeting date", "[context]") {
    Issues issues;
    json paper = report(R"(, "recommendations": ["Review **this**.", "Note that."])");
    paper["cover"]["status"] = "exempt";
    paper["cover"]["exempt_paragraph"] = 3;
    paper["cover"]["wards"] = json::parse(R"(["Burnt Oak", "Colindale"])");
    paper["cover"]["urgent"] = false;
    paper["cover"]["enclosures"] = json::parse(R"(["Appendix A – *Plan*"])");
    const json c = context_of(paper, issues);
    CHECK(issues.empty());
    CHECK(c["kind"] == "report");
    CHECK(c["meeting_date_text"] == "6 June 2018");
    CHECK(c["cover"]["status_text"] == "Exempt – paragraph 3 of Schedule 12A");
    CHECK(c["cover"]["wards_text"] == "Burnt Oak; Colindale");
    CHECK(c["cover"]["urgent_text"] == "No");
    CHECK_FALSE(c["cover"].contains("key_decision_text"));  // not in the data: the row is not printed
    CHECK(c["cover"]["enclosures"] == json::parse(R"([[{"text": "Appendix A – "}, {"text": "Plan", "italic": true}]])"));
    CHECK(c["cover"]["officer_contacts"] == json::array());
    CHECK(c["recommendations"] == json::parse(R"([
        {"number": 1, "runs": [{"text": "Review "}, {"text": "this", "bold": true}, {"text": "."}]},
        {"number": 2, "runs": [{"text": "Note that."}]}])"));
    CHECK(c["sections"] == json::array());
    CHECK(c["footnotes"] == json::array());
    CHECK_FALSE(c.contains("$schema"));
}

TEST_CASE("an exempt report without its paragraph, and an impossible date, are issues", "[context]") {
    Issues issues;
    json paper = report();
    paper["meeting_date"] = "2018-02-30";
    paper["cover"]["status"] = "exempt";
    context_of(paper, issues);
    REQUIRE(issues.size() == 2);
    CHECK(format_line(issues[0]) == "r.json: /meeting_date: found \"2018-02-30\", expected a real date (YYYY-MM-DD)");
    CHECK(format_line(issues[1]) == "r.json: /cover: found \"status\": \"exempt\" without \"exempt_paragraph\", "
                                    "expected the paragraph of Schedule 12A (1–7)");
}

TEST_CASE("footnotes number in reading order: summary, recommendations, sections, placed indicators", "[context]") {
    Issues issues;
    json paper = report(R"(,
        "summary": ["S^[note s]"],
        "recommendations": ["R^[note r]"],
        "sections": {"reasons": ["B^[note b]"], "why_needed": ["A^[note a]", {"indicator_tables": {}}]},
        "indicators": {"items": [{"ref": "FS/S7", "title": "Take-up^[note i]", "service": "Family Services", "plan": "CPI",
                                  "polarity": "bigger_is_better", "unit": "%", "target": 70, "result": 56.3, "previous": 59.6}]})");
    const json c = context_of(paper, issues);
    CHECK(issues.empty());
    std::vector<std::string> order;
    for (const auto& note : c["footnotes"]) order.push_back(note["runs"][0]["text"]);
    CHECK(order == std::vector<std::string>{"note s", "note r", "note a", "note i", "note b"});
    // The indicator's runs are the same wherever the item is copied.
    const json expected_runs = json::parse(R"([{"text": "Take-up"}, {"text": "", "footnote": 4}])");
    CHECK(c["indicators"]["items"][0]["title_runs"] == expected_runs);
    const json& block = c["sections"][0]["blocks"][1];
    CHECK(block["kind"] == "indicator_tables");
    CHECK(block["groups"][0]["plans"][0]["items"][0]["title_runs"] == expected_runs);
    CHECK(c["indicators"]["items"][0]["rag"] == "R");  // 56.3 is 19.6% short of 70
}

TEST_CASE("indicator tables for a service the paper does not have", "[context]") {
    Issues issues;
    json paper = report(R"(,
        "sections": {"why_needed": [{"indicator_tables": {"service": "Family Service"}}]},
        "indicators": {"items": [{"ref": "A", "title": "a", "service": "Family Services", "polarity": "monitor"}]})");
    context_of(paper, issues);
    REQUIRE(issues.size() == 1);
    CHECK(format_line(issues[0]) == "r.json: /sections/why_needed/0/indicator_tables/service: found \"Family Service\", "
                                    "expected a service of the paper's indicators (\"Family Services\")");
}

TEST_CASE("budget tables placed by a block, comments as runs, stated figures checked", "[context]") {
    Issues issues;
    json paper = report(R"(,
        "sections": {"why_needed": [{"budget_table": "revenue"}, {"budget_table": "capital"}]},
        "budget": {"units": "thousands", "revenue": {"lines": [
            {"service": "Family Services", "original_budget": 49226, "revised_budget": 55039, "outturn": 57409,
             "comment": "Placements^[High cost]", "stated": {"variance": 2371}}]}})");
    const json c = context_of(paper, issues);
    REQUIRE(issues.size() == 2);
    CHECK(issues[0].path == "/budget/revenue/lines/0/stated/variance");  // 57,409 − 55,039 = 2,370, not 2,371
    CHECK(format_line(issues[1]) ==
          "r.json: /sections/why_needed/1/budget_table: found \"capital\", expected a table the paper's budget has "
          "(\"budget/capital\" is absent)");
    CHECK(c["budget"]["revenue"]["lines"][0]["variance"] == 2370);
    CHECK(c["budget"]["revenue"]["lines"][0]["comment_runs"] ==
          json::parse(R"([{"text": "Placements"}, {"text": "", "footnote": 1}])"));
    CHECK(c["sections"][0]["blocks"] == json::parse(R"([{"kind": "budget_table", "which": "revenue"}])"));
}

TEST_CASE("the same service in two budget tables keeps each line's own comment", "[context]") {
    Issues issues;
    json paper = report(R"(,
        "sections": {"why_needed": [{"budget_table": "capital"}, {"budget_table": "revenue"}]},
        "budget": {"revenue": {"lines": [{"service": "Family Services", "revised_budget": 1, "outturn": 1, "comment": "Revenue note^[r]"}]},
                   "capital": {"lines": [{"service": "Family Services", "revised_budget": 1, "outturn": 1, "comment": "Capital note^[c]"}]}})");
    const json c = context_of(paper, issues);
    CHECK(issues.empty());
    // The capital table comes first in the report, so its note is 1.
    CHECK(c["budget"]["capital"]["lines"][0]["comment_runs"] == json::parse(R"([{"text": "Capital note"}, {"text": "", "footnote": 1}])"));
    CHECK(c["budget"]["revenue"]["lines"][0]["comment_runs"] == json::parse(R"([{"text": "Revenue note"}, {"text": "", "footnote": 2}])"));
}

TEST_CASE("risks: register and high-level list get runs of their prose", "[context]") {
    Issues issues;
    json paper = report(R"(,
        "sections": {"risk_management": "x"},
        "risks": {"items": [{"ref": "FS001", "title": "Safeguarding", "description": "A *serious* incident",
                             "residual": {"likelihood": 3, "impact": 5}, "controls": "Plan"}]})");
    paper["sections"] = json::parse(R"({"why_needed": [{"high_risks": {}}, {"risk_matrix": {"which": "inherent"}}]})");
    const json c = context_of(paper, issues);
    CHECK(issues.empty());
    CHECK(c["risks"]["high"][0]["residual_score"] == 15);
    CHECK(c["risks"]["high"][0]["description_runs"] ==
          json::parse(R"([{"text": "A "}, {"text": "serious", "italic": true}, {"text": " incident"}])"));
    CHECK(c["risks"]["items"][0]["controls_runs"] == json::parse(R"([{"text": "Plan"}])"));
    CHECK(c["sections"][0]["blocks"][1] == json::parse(R"({"kind": "risk_matrix", "which": "inherent"})"));
}

TEST_CASE("minutes: blocks, resolutions, votes with their outcome, sub-items", "[context]") {
    Issues issues;
    const json c = context_of(json::parse(R"({"kind": "minutes", "committee": "CELS", "meeting_date": "2018-01-16",
        "items": [
          {"number": "9", "title": "Corporate Plan", "content": ["Said."],
           "resolved": {"resolutions": ["That the Committee **noted** it."]},
           "votes": {"for": 5, "against": 0, "abstentions": 4},
           "declarations": [{"member": "Cllr A", "declaration": "Non-pecuniary"}]},
          {"number": "6", "title": "Members' items",
           "subitems": [{"number": "6a", "title": "Libraries", "votes": {"for": 2, "against": 3},
                         "resolved": {"unanimous": true, "resolutions": [{"text": "Noted:", "list": ["a"]}]}}]}]})"), issues);
    CHECK(issues.empty());
    CHECK(c["title"] == "Decisions of the CELS");
    CHECK(c["meeting_date_text"] == "16 January 2018");
    const json& first = c["items"][0];
    CHECK(first["blocks"] == json::parse(R"([{"kind": "paragraph", "number": null, "runs": [{"text": "Said."}]}])"));
    CHECK(first["resolved"] == json::parse(R"({"unanimous": false, "resolutions": [{"runs": [{"text": "That the Committee "},
        {"text": "noted", "bold": true}, {"text": " it."}], "items": []}]})"));
    CHECK(first["votes"]["outcome"] == "carried");
    CHECK(first["declarations"][0]["declaration_runs"] == json::parse(R"([{"text": "Non-pecuniary"}])"));
    CHECK(first["subitems"] == json::array());
    const json& sub = c["items"][1]["subitems"][0];
    CHECK(sub["votes"] == json::parse(R"({"for": 2, "against": 3, "abstentions": 0, "outcome": "lost"})"));
    CHECK(sub["resolved"]["unanimous"] == true);
    CHECK(sub["resolved"]["resolutions"][0]["items"] == json::parse(R"([{"runs": [{"text": "a"}], "items": []}])"));
    CHECK(sub["blocks"] == json::array());
}

TEST_CASE("work programme: grouped by date in date order, with texts", "[context]") {
    Issues issues;
    const json c = context_of(json::parse(R"({"kind": "work_programme", "committee": "C", "title": "Plan",
        "meetings": [
          {"date": "2018-06-06", "items": [{"title": "A", "issue_type": "key"}]},
          {"date": "2018-03-07", "items": [{"title": "B", "overview": "*To note*", "issue_type": "non-key"}]},
          {"date": "2018-06-06", "items": [{"title": "C"}]}]})"), issues);
    CHECK(issues.empty());
    const json& meetings = c["meetings"];
    REQUIRE(meetings.size() == 2);
    CHECK(meetings[0]["date"] == "2018-03-07");
    CHECK(meetings[0]["date_text"] == "7 March 2018");
    CHECK(meetings[0]["items"][0]["overview_runs"] == json::parse(R"([{"text": "To note", "italic": true}])"));
    CHECK(meetings[0]["items"][0]["issue_type_text"] == "Non-key");
    CHECK(meetings[1]["date_text"] == "6 June 2018");
    REQUIRE(meetings[1]["items"].size() == 2);
    CHECK(meetings[1]["items"][0]["title_runs"] == json::parse(R"([{"text": "A"}])"));
    CHECK(meetings[1]["items"][0]["issue_type_text"] == "Key");
    CHECK(meetings[1]["items"][1]["issue_type_text"] == "TBC");
}

TEST_CASE("document: dates, blocks, its own budget", "[context]") {
    Issues issues;
    const json c = context_of(json::parse(R"({"kind": "document", "title": "Appendix", "date": "2018-02-14",
        "content": [{"budget_table": "revenue"}],
        "budget": {"revenue": {"lines": [{"service": "S", "revised_budget": 10, "outturn": 12}]}}})"), issues);
    CHECK(issues.empty());
    CHECK(c["date_text"] == "14 February 2018");
    CHECK(c["blocks"] == json::parse(R"([{"kind": "budget_table", "which": "revenue"}])"));
    CHECK(c["budget"]["revenue"]["lines"][0]["variance"] == 2);
}

TEST_CASE("a paper that is not an object is an issue, not a crash", "[context]") {
    Issues issues;
    CHECK(context_of(json::parse("[1]"), issues) == json::object());
    REQUIRE(issues.size() == 1);
    CHECK(format_line(issues[0]) == "r.json: found a list, expected a paper (a JSON object)");
}
