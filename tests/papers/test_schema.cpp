// Schema validation: every kind of error path with its exact message, all errors at once,
// JSON syntax errors located, the schema chosen by hint or shape.
#include "papers/paper.hpp"
#include "papers/schema.hpp"
#include "papers/validation.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <random>
#include <unistd.h>

using namespace quorum::papers;
using nlohmann::json;

namespace {

// A valid minimal report; tests break one thing at a time.
json minimal_report() {
    return json::parse(R"({
      "committee": "Children, Education, and Safeguarding Committee", "meeting_date": "2018-06-06",
      "cover": {"title": "End of Year Report", "report_of": "Chairman"}})");
}

std::vector<std::string> lines_of(const json& document, const std::string& schema = "report.schema.json") {
    Issues issues;
    validate_against_schema(document, schema, "r.json", issues);
    std::vector<std::string> out;
    for (const auto& issue : issues) out.push_back(format_line(issue));
    return out;
}

using Lines = std::vector<std::string>;

std::filesystem::path write_temp(const std::string& name, const std::string& text) {
    const auto dir = std::filesystem::temp_directory_path() / ("quorum-test-schema-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    std::ofstream(dir / name, std::ios::binary) << text;
    return dir / name;
}

}  // namespace

TEST_CASE("a minimal report and each kind of paper validate", "[schema]") {
    CHECK(lines_of(minimal_report()).empty());
    CHECK(lines_of(json::parse(R"({"kind": "minutes", "committee": "C", "meeting_date": "2018-01-16",
        "items": [{"number": "6a", "title": "T", "votes": {"for": 5, "against": 0, "abstentions": 4}}]})")).empty());
    CHECK(lines_of(json::parse(R"({"kind": "work_programme", "committee": "C", "title": "T",
        "meetings": [{"date": "2018-03-07", "items": [{"title": "T", "issue_type": "non-key"}]}]})")).empty());
    CHECK(lines_of(json::parse(R"({"kind": "document", "title": "T", "content": ["a", {"section": "2. Budget", "content": []}]})")).empty());
    CHECK(lines_of(json::parse(R"({"committee": "C", "date": "2018-03-07",
        "items": [{"number": "1", "title": "Minutes", "kind": "minutes", "paper": "m.json"}]})"), "meeting.schema.json").empty());
}

TEST_CASE("wrong type", "[schema]") {
    json r = minimal_report();
    r["cover"]["urgent"] = "no";
    CHECK(lines_of(r) == Lines{"r.json: /cover/urgent: found \"no\", expected true or false"});
}

TEST_CASE("missing required key", "[schema]") {
    json r = minimal_report();
    r["cover"].erase("title");
    r.erase("committee");
    CHECK(lines_of(r) == Lines{"r.json: missing required key \"committee\", expected non-empty text",
                                "r.json: /cover: missing required key \"title\", expected non-empty text"});
}

TEST_CASE("unknown key, with the likely intended one", "[schema]") {
    json r = minimal_report();
    r["cover"]["titel"] = "x";
    r["colour"] = "red";
    const Lines lines = lines_of(r);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].rfind("r.json: /colour: found unknown key \"colour\", expected one of \"$schema\", ", 0) == 0);
    CHECK(lines[1] == "r.json: /cover/titel: found unknown key \"titel\", expected \"title\" (a typing slip?)");
}

TEST_CASE("a misspelt key where other members are allowed", "[schema]") {
    // BUDGET takes further tables under any name; "unit" is still "units" misspelt.
    json r = minimal_report();
    r["budget"] = json::parse(R"({"unit": "pounds", "dsg": {"type": "capitl", "lines": [{"service": "S"}]}})");
    CHECK(lines_of(r) == Lines{"r.json: /budget/dsg/type: found \"capitl\", expected \"revenue\" or \"capital\"",
                                "r.json: /budget/unit: found unknown key \"unit\", expected \"units\" (a typing slip?)"});
}

TEST_CASE("bad enum value", "[schema]") {
    json r = minimal_report();
    r["cover"]["status"] = "secret";
    CHECK(lines_of(r) == Lines{"r.json: /cover/status: found \"secret\", expected \"public\" or \"exempt\""});
    json m = json::parse(R"({"committee": "C", "date": "2018-03-07", "items": [{"number": "1", "title": "T", "kind": "item"}]})");
    CHECK(lines_of(m, "meeting.schema.json") ==
          Lines{"r.json: /items/0/kind: found \"item\", expected one of \"standard\", \"minutes\", \"members_item\", "
                "\"report\", \"work_programme\", or \"urgent\""});
}

TEST_CASE("bad dates and times", "[schema]") {
    json r = minimal_report();
    r["meeting_date"] = "6 June 2018";
    CHECK(lines_of(r) == Lines{"r.json: /meeting_date: found \"6 June 2018\", expected a date YYYY-MM-DD"});
    r["meeting_date"] = "2018-13-01";
    CHECK(lines_of(r) == Lines{"r.json: /meeting_date: found \"2018-13-01\", expected a date YYYY-MM-DD"});
    json m = json::parse(R"({"committee": "C", "date": "2018-03-07", "time": "7pm", "items": [{"number": "1", "title": "T", "kind": "standard"}]})");
    CHECK(lines_of(m, "meeting.schema.json") == Lines{"r.json: /time: found \"7pm\", expected a time HH:MM (24-hour)"});
}

TEST_CASE("numbers out of range", "[schema]") {
    json r = minimal_report();
    r["cover"]["status"] = "exempt";
    r["cover"]["exempt_paragraph"] = 8;
    CHECK(lines_of(r) == Lines{"r.json: /cover/exempt_paragraph: found 8, expected a whole number from 1 to 7"});
    r["cover"]["exempt_paragraph"] = 2.5;
    CHECK(lines_of(r) == Lines{"r.json: /cover/exempt_paragraph: found 2.5, expected a whole number from 1 to 7"});
    r["cover"]["exempt_paragraph"] = 3.0;  // valijson's strict types: a decimal is not a whole number
    CHECK(lines_of(r) == Lines{"r.json: /cover/exempt_paragraph: found 3.0, expected a whole number from 1 to 7"});
}

TEST_CASE("errors nested in arrays name the element", "[schema]") {
    json r = minimal_report();
    r["indicators"] = json::parse(R"({"items": [
        {"ref": "A", "title": "a", "polarity": "monitor"},
        {"ref": "B", "title": "b", "polarity": "monitor"},
        {"ref": "C", "title": "c", "polarity": "monitor"},
        {"ref": "D", "title": "d", "polarity": "bigger_is_better", "target": "seventy"}]})");
    CHECK(lines_of(r) == Lines{"r.json: /indicators/items/3/target: found \"seventy\", expected a number, \"Monitor\", "
                                "{\"text\", \"value\"}, {\"text\", \"rank\"}, {\"text\"}, or null"});
    r["indicators"]["items"][3]["target"] = 70;
    r["risks"] = json::parse(R"({"likelihood_words": ["a", "b", "c", "d", "e", "f"], "items": []})");
    CHECK(lines_of(r) == Lines{"r.json: /risks/likelihood_words: found a list of 6 items, expected a list of 3 to 5 items"});
    r["risks"] = json::parse(R"({"items": [{"ref": "R1", "title": "t", "residual": {"likelihood": 6, "impact": 5}}]})");
    CHECK(lines_of(r) == Lines{"r.json: /risks/items/0/residual/likelihood: found 6, expected a whole number from 1 to 5"});
}

TEST_CASE("oneOf: the branch the value was meant to be is explained, not all of them", "[schema]") {
    json r = minimal_report();
    r["summary"] = json::parse(R"(["text", {"heading": 5}, {"list": []}, {"heading": "H", "numbered": false}])");
    CHECK(lines_of(r) == Lines{"r.json: /summary/1/heading: found 5, expected non-empty text",
                                "r.json: /summary/2/list: found a list of 0 items, expected a list of at least 1 item",
                                "r.json: /summary/3/numbered: found unknown key \"numbered\", expected one of \"heading\""});
    // A block no branch knows: the choices, and the key it was probably meant to be.
    r["summary"] = json::parse(R"([{"headng": "H"}])");
    const Lines lines = lines_of(r);
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].rfind("r.json: /summary/0: found {\"headng\"}, expected text, {\"paragraph\"}, {\"heading\"}, ", 0) == 0);
    CHECK(lines[0].find("(\"headng\": a typing slip for \"heading\"?)") != std::string::npos);
}

TEST_CASE("the paper kind is the discriminator", "[schema]") {
    CHECK(lines_of(json::parse(R"({"kind": "minute", "committee": "C"})")) ==
          Lines{"r.json: /kind: found \"minute\", expected \"report\", \"minutes\", \"work_programme\", or \"document\""});
    // kind "minutes": explained against the minutes branch only.
    CHECK(lines_of(json::parse(R"({"kind": "minutes", "committee": "C", "meeting_date": "2018-01-16", "items": [{"number": "6 a", "title": "T"}]})")) ==
          Lines{"r.json: /items/0/number: found \"6 a\", expected an item number such as \"6\" or \"6a\""});
}

TEST_CASE("all errors at once, not the first only", "[schema]") {
    json r = minimal_report();
    r["meeting_date"] = "2018-6-6";
    r["cover"]["urgent"] = 1;
    r["recommendations"] = json::parse(R"(["a", 2])");
    CHECK(lines_of(r) == Lines{"r.json: /cover/urgent: found 1, expected true or false",
                                "r.json: /meeting_date: found \"2018-6-6\", expected a date YYYY-MM-DD",
                                "r.json: /recommendations/1: found 2, expected text"});
}

TEST_CASE("a document that is not an object", "[schema]") {
    const Lines lines = lines_of(json::parse("[1, 2]"));
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].rfind("r.json: found a list, expected {\"committee\", \"meeting_date\", \"cover\"}, ", 0) == 0);
}

TEST_CASE("long strings are cut in messages", "[schema]") {
    json r = minimal_report();
    r["cover"]["urgent"] = std::string(100, 'x');
    CHECK(lines_of(r) == Lines{"r.json: /cover/urgent: found \"" + std::string(40, 'x') + "…\", expected true or false"});
}

TEST_CASE("JSON pointers escape / and ~ in keys", "[schema]") {
    json r = minimal_report();
    r["a/b~c"] = 1;
    const Lines lines = lines_of(r);
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].rfind("r.json: /a~1b~0c: found unknown key \"a/b~c\"", 0) == 0);
}

TEST_CASE("JSON syntax errors are located FILE:LINE:COLUMN", "[schema]") {
    const auto file = write_temp("syntax.json", "{\"committee\": \n  [1, 2,, 3]}");
    Issues issues;
    CHECK_FALSE(load_paper(file, issues));
    REQUIRE(issues.size() == 1);
    CHECK(format_line(issues[0]) == file.string() + ":2:9: invalid JSON: syntax error while parsing value - unexpected ','; "
                                                     "expected '[', '{', or a literal");
}

TEST_CASE("a key written twice in one object is an issue at its path", "[schema]") {
    const auto file = write_temp("duplicate.json", R"({"committee": "C", "summary": ["a"],
        "sections": {"implications": [1, {"legal": "x", "legal": "y"}]}, "summary": ["b"]})");
    Issues issues;
    CHECK_FALSE(read_json_file(file, issues));
    REQUIRE(issues.size() == 2);
    CHECK(format_line(issues[0]) == file.string() + ": /sections/implications/1/legal: found the key \"legal\" twice in one "
                                                     "object, expected each key once (only the last would be used)");
    CHECK(issues[1].path == "/summary");
}

TEST_CASE("unreadable, empty and too deeply nested files are issues, not crashes", "[schema]") {
    Issues issues;
    CHECK_FALSE(load_paper("/nonexistent/r.json", issues));
    REQUIRE(issues.size() == 1);
    CHECK(format_line(issues[0]) == "/nonexistent/r.json: no such file");

    issues.clear();
    const auto empty = write_temp("empty.json", "");
    CHECK_FALSE(load_paper(empty, issues));
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].file == empty.string() + ":1:1");

    issues.clear();
    const auto deep = write_temp("deep.json", std::string(100000, '[') + std::string(100000, ']'));
    CHECK_FALSE(load_paper(deep, issues));
    REQUIRE(issues.size() == 1);
    CHECK(format_line(issues[0]) == deep.string() + ":1:101: invalid JSON: nested deeper than 100 levels");
}

TEST_CASE("load_paper returns a valid paper and nothing for an invalid one", "[schema]") {
    Issues issues;
    const auto good = write_temp("good.json", minimal_report().dump());
    CHECK(load_paper(good, issues));
    CHECK(issues.empty());
    json bad = minimal_report();
    bad["cover"]["wards"] = 3;
    const auto bad_file = write_temp("bad.json", bad.dump());
    CHECK_FALSE(load_paper(bad_file, issues));
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].file == bad_file.string());
    CHECK(issues[0].path == "/cover/wards");
    CHECK(issues[0].message == "found 3, expected non-empty text or a list of at least 1 item");
}

TEST_CASE("the schema is chosen by the $schema hint, else by shape", "[schema]") {
    CHECK(schema_for(json::parse(R"({"$schema": "../schema/meeting.schema.json"})")) == "meeting.schema.json");
    CHECK(schema_for(json::parse(R"({"$schema": "../schema/report.schema.json", "date": "x", "items": []})")) == "report.schema.json");
    CHECK(schema_for(json::parse(R"({"date": "2018-03-07", "items": []})")) == "meeting.schema.json");
    CHECK(schema_for(json::parse(R"({"kind": "minutes", "date": "x", "items": []})")) == "report.schema.json");
    CHECK(schema_for(json::parse("[]")) == "report.schema.json");
}

TEST_CASE("the explainer and valijson agree on the sample data", "[schema]") {
    // Every shipped paper and meeting: valijson's verdict and the explainer's must match, or
    // an officer would see an error without a message (or a message without an error).
    for (const auto& folder : {"data/reports", "data/meetings"}) {
        const auto dir = std::filesystem::path(QUORUM_SOURCE_DIR) / folder;
        if (!std::filesystem::exists(dir)) continue;
        for (const auto& entry : std::filesystem::directory_iterator(dir)) {
            if (entry.path().extension() != ".json") continue;
            Issues issues;
            const auto document = read_json_file(entry.path(), issues);
            REQUIRE(document);
            const std::string schema = schema_for(*document);
            INFO(entry.path().string());
            CHECK(valijson_errors(*document, schema).empty() == explain_schema_mismatch(*document, schema).empty());
        }
    }
}

namespace {

// Random small values and mutations of real papers, from a fixed seed (reproducible).
struct Mutator {
    std::mt19937 rng{20180606};

    json random_value(int depth) {
        switch (rng() % 8) {
            case 0: return nullptr;
            case 1: return static_cast<int>(rng() % 10) - 2;
            case 2: return rng() % 2 ? 2.5 : 3.0;
            case 3: return "x";
            case 4: return "2018-06-06";
            case 5: return true;
            case 6: return depth > 2 ? json::array() : json::array({random_value(depth + 1)});
            default: return depth > 2 ? json::object() : json::object({{"text", random_value(depth + 1)}});
        }
    }

    // Replaces a random node, sometimes adding or removing a member on the way down.
    void mutate(json& node) {
        if (node.is_structured() && !node.empty() && rng() % 4 != 0) {
            auto it = node.begin();
            std::advance(it, static_cast<long>(rng() % node.size()));
            mutate(*it);
            if (node.is_object() && rng() % 10 == 0) node["extra_key"] = random_value(0);
            if (node.is_object() && rng() % 10 == 0) node.erase(node.begin());
            return;
        }
        node = random_value(0);
    }
};

}  // namespace

TEST_CASE("mutated papers: the explainer agrees with valijson, and contexts never throw", "[schema][fuzz]") {
    Mutator mutator;
    int checked = 0, valid = 0;
    for (const char* name : {"data/reports/ces-eoy-2017-18-performance.json", "data/reports/cels-2018-01-16-minutes.json",
                             "data/reports/cels-2018-03-07-work-programme.json", "data/meetings/cels-2018-03-07.json",
                             "tests/data/papers/report.json"}) {
        const auto file = std::filesystem::path(QUORUM_SOURCE_DIR) / name;
        if (!std::filesystem::exists(file)) continue;
        Issues issues;
        const auto original = read_json_file(file, issues);
        REQUIRE(original);
        for (int i = 0; i < 150; ++i) {
            json paper = *original;
            for (unsigned k = 0; k < 1 + mutator.rng() % 3; ++k) mutator.mutate(paper);
            const std::string schema = schema_for(paper);
            const bool valijson_valid = valijson_errors(paper, schema).empty();
            INFO(paper.dump().substr(0, 400));
            CHECK(valijson_valid == explain_schema_mismatch(paper, schema).empty());
            if (valijson_valid && schema == "report.schema.json") {
                Issues rule_issues;
                CHECK_NOTHROW(paper_context(paper, "f.json", rule_issues));
                ++valid;
            }
            ++checked;
        }
    }
    CHECK(checked >= 150);
    CHECK(valid > 0);  // some mutations keep the paper valid, so contexts are exercised too
}
