// Budget derivation. Expected figures are worked out by hand from the seeds' tables
// (seed 000: End of Year 2017/18; seed 003: the 2010/11 Q3 appendix).
#include "papers/budget.hpp"

#include <catch2/catch.hpp>

using namespace quorum::papers;
using nlohmann::json;

namespace {

json derive(const std::string& budget_json, Issues& issues) {
    return derive_budget(json::parse(budget_json), "r.json", "/budget", issues);
}

// Seed 000's revenue table as printed (£000).
const char* seed_000_revenue = R"({
  "units": "thousands",
  "revenue": {"caption": "Revenue", "lines": [
    {"service": "Family Services", "original_budget": 49226, "revised_budget": 55039, "outturn": 57409,
     "reserve_movements": -40,
     "stated": {"variance": 2371, "variance_after_reserves": 2331, "variance_after_reserves_percent": 4.2}},
    {"service": "Education and Skills", "original_budget": 6525, "revised_budget": 6718, "outturn": 6584,
     "reserve_movements": 84,
     "stated": {"variance": -134, "variance_after_reserves": -50, "variance_after_reserves_percent": -0.7}}
  ], "stated_total": {"variance": 2237}}
})";

// Seed 000's capital table as printed, with the Family Services variance the seed typed as "(1,956))".
const char* seed_000_capital = R"({
  "year": "2017/18",
  "capital": {"caption": "Capital", "lines": [
    {"service": "Family Services", "revised_budget": 4734, "additions_deletions": 0,
     "slippage_accelerated": -1956, "outturn": 2778, "stated": {"variance": -1956, "variance_percent": -41.3}},
    {"service": "Education and Skills", "revised_budget": 27933, "additions_deletions": 0,
     "slippage_accelerated": -13285, "outturn": 14648, "stated": {"variance": -13285, "variance_percent": -47.6}}
  ]}
})";

const json& line(const json& out, const char* table, std::size_t i) { return out[table]["lines"][i]; }

std::vector<std::string> column_keys(const json& table) {
    std::vector<std::string> keys;
    for (const auto& c : table["columns"]) keys.push_back(c["key"].get<std::string>());
    return keys;
}

}  // namespace

TEST_CASE("budget: seed 000 revenue, derived from the printed £000 figures") {
    Issues issues;
    json out = derive(seed_000_revenue, issues);
    const json& fs = line(out, "revenue", 0);
    CHECK(out["units_label"] == "£000");
    CHECK(fs["kind"] == "line");
    CHECK(fs["service"] == "Family Services");
    CHECK(fs["original_budget_text"] == "49,226");
    CHECK(fs["reserve_movements_text"] == "(40)");
    // 57,409 − 55,039 = 2,370: the seed prints 2,371 (its figures were rounded from pounds).
    CHECK(fs["variance"] == 2370.0);
    CHECK(fs["variance_text"] == "2,370");
    CHECK(fs["variance_after_reserves_text"] == "2,330");          // 2,370 − 40
    CHECK(fs["variance_after_reserves_percent_text"] == "4.2");    // 2,330 / 55,039 = 4.233 %
    CHECK(fs["variance_percent_text"] == "4.3");                   // 2,370 / 55,039 = 4.306 %
    const json& es = line(out, "revenue", 1);
    CHECK(es["variance_text"] == "(134)");                         // 6,584 − 6,718
    CHECK(es["variance_after_reserves_text"] == "(50)");           // −134 + 84
    CHECK(es["variance_after_reserves_percent_text"] == "(0.7)");  // −50 / 6,718 = −0.744 %
    SECTION("the total sums the lines and works its percentage out from the sums") {
        const json& total = out["revenue"]["total"];
        CHECK(total["kind"] == "total");
        CHECK(total["service"] == "Total");
        CHECK(total["original_budget_text"] == "55,751");          // 49,226 + 6,525
        CHECK(total["revised_budget_text"] == "61,757");           // 55,039 + 6,718
        CHECK(total["outturn_text"] == "63,993");                  // 57,409 + 6,584
        CHECK(total["variance_text"] == "2,236");                  // 2,370 − 134
        CHECK(total["reserve_movements_text"] == "44");            // −40 + 84
        CHECK(total["variance_after_reserves_text"] == "2,280");   // 2,330 − 50
        CHECK(total["variance_after_reserves_percent_text"] == "3.7");  // 2,280 / 61,757 = 3.692 %
    }
    SECTION("the seed's rounding slips are reported, naming both numbers") {
        REQUIRE(issues.size() == 3);
        CHECK(issues[0].file == "r.json");
        CHECK(issues[0].path == "/budget/revenue/lines/0/stated/variance");
        CHECK(issues[0].message ==
              "stated variance 2,371 disagrees with the derived 2,370 (outturn 57,409 − revised budget 55,039)");
        CHECK(issues[1].path == "/budget/revenue/lines/0/stated/variance_after_reserves");
        CHECK(issues[1].message == "stated variance after reserve movements 2,331 disagrees with the derived 2,330 "
                                   "(variance 2,370 + reserve movements (40))");
        CHECK(issues[2].path == "/budget/revenue/stated_total/variance");
        CHECK(issues[2].message == "stated variance 2,237 disagrees with the derived 2,236 (the sum of all 2 lines)");
    }
}

TEST_CASE("budget: seed 000 revenue columns") {
    Issues issues;
    json out = derive(seed_000_revenue, issues);
    CHECK(column_keys(out["revenue"]) ==
          std::vector<std::string>{"service", "original_budget", "revised_budget", "outturn", "variance",
                                   "reserve_movements", "variance_after_reserves", "variance_after_reserves_percent"});
    CHECK(out["revenue"]["columns"][4]["title"] == "Variance from Revised Budget Adv/(fav)");
    CHECK(out["revenue"]["columns"][4]["unit"] == "£000");
    CHECK(out["revenue"]["columns"][7]["unit"] == "%");
    CHECK(out["revenue"]["has_comments"] == false);
}

TEST_CASE("budget: the same table in pounds, with the unrounded figures the seed was printed from") {
    // 55,038,600 and 57,409,400 are what the printed 55,039 and 57,409 may have been: the
    // variance 2,370,800 prints as 2,371, as the seed does, and the stated figures agree.
    Issues issues;
    json out = derive(R"({"units": "pounds", "revenue": {"lines": [
      {"service": "Family Services", "revised_budget": 55038600, "outturn": 57409400, "reserve_movements": -40000,
       "stated": {"variance": 2371000, "variance_after_reserves": 2330800, "variance_after_reserves_percent": 4.2}}
    ]}})",
                      issues);
    const json& fs = line(out, "revenue", 0);
    CHECK(out["units"] == "pounds");
    CHECK(fs["revised_budget"] == 55038.6);
    CHECK(fs["revised_budget_text"] == "55,039");
    CHECK(fs["variance_text"] == "2,371");
    CHECK(fs["variance_after_reserves_text"] == "2,331");           // 2,330.8
    CHECK(fs["variance_after_reserves_percent_text"] == "4.2");     // 2,330,800 / 55,038,600 = 4.235 %
    CHECK(issues.empty());  // 2,371,000 states the printed £000 figure of 2,370,800
    CHECK(out["revenue"]["total"].is_null());  // one line: no total row
    SECTION("a stated figure in pounds that prints differently is reported, in pounds") {
        Issues more;
        derive(R"({"units": "pounds", "revenue": {"lines": [
          {"service": "X", "revised_budget": 1000000, "outturn": 1002400, "stated": {"variance": 3000}}]}})", more);
        REQUIRE(more.size() == 1);  // 2,400 prints as 2 (£000), 3,000 as 3
        CHECK(more[0].message ==
              "stated variance £3,000 disagrees with the derived £2,400 (outturn £1,002,400 − revised budget £1,000,000)");
    }
}

TEST_CASE("budget: rounding at .5 in £000 is half away from zero") {
    Issues issues;
    json out = derive(R"({"units": "pounds", "capital": {"lines": [
      {"service": "A", "revised_budget": 1000500, "outturn": 998000},
      {"service": "B", "revised_budget": 2500, "outturn": 1000}
    ], "show_total": false}})",
                      issues);
    const json& a = line(out, "capital", 0);
    CHECK(a["revised_budget_text"] == "1,001");  // 1,000.5
    CHECK(a["outturn_text"] == "998");
    CHECK(a["variance_text"] == "(3)");          // −2,500 pounds = −2.5 -> −3
    const json& b = line(out, "capital", 1);
    CHECK(b["revised_budget_text"] == "3");      // 2.5 -> 3
    CHECK(b["outturn_text"] == "1");
    CHECK(b["variance_text"] == "(2)");          // −1.5 -> −2
    CHECK(b["variance_percent_text"] == "(60.0)");  // −1,500 / 2,500
    CHECK(out["capital"]["total"].is_null());       // show_total: false
}

TEST_CASE("budget: seed 000 capital, and the slippage worked out when the data leaves it out") {
    Issues issues;
    json out = derive(seed_000_capital, issues);
    const json& fs = line(out, "capital", 0);
    CHECK(fs["variance_text"] == "(1,956)");        // 2,778 − 4,734; the seed printed "(1,956))"
    CHECK(fs["variance_percent_text"] == "(41.3)"); // −1,956 / 4,734 = −41.32 %
    CHECK(fs["additions_deletions_text"] == "-");
    CHECK(fs["slippage_accelerated_text"] == "(1,956)");
    CHECK(fs["budget_after_changes_text"] == "2,778");  // 4,734 + 0 − 1,956
    CHECK(fs["slippage_percent_text"] == "(41.3)");
    const json& es = line(out, "capital", 1);
    CHECK(es["variance_text"] == "(13,285)");       // 14,648 − 27,933
    CHECK(es["variance_percent_text"] == "(47.6)"); // −47.56 %
    CHECK(issues.empty());
    const json& total = out["capital"]["total"];
    CHECK(total["revised_budget_text"] == "32,667");
    CHECK(total["outturn_text"] == "17,426");
    CHECK(total["variance_text"] == "(15,241)");
    CHECK(total["variance_percent_text"] == "(46.7)");  // −15,241 / 32,667 = −46.66 %
    CHECK(column_keys(out["capital"]) == std::vector<std::string>{"service", "revised_budget", "additions_deletions",
                                                                  "slippage_accelerated", "outturn", "variance",
                                                                  "variance_percent"});
    CHECK(out["capital"]["columns"][1]["title"] == "2017/18 Revised Budget");
    CHECK(out["capital"]["columns"][4]["title"] == "2017/18 Outturn");

    SECTION("slippage derived: outturn − revised budget − additions/(deletions)") {
        Issues none;
        json derived = derive(R"({"capital": {"lines": [
          {"service": "Family Services", "revised_budget": 4734, "outturn": 2778},
          {"service": "With an addition", "revised_budget": 4734, "additions_deletions": 100, "outturn": 2778},
          {"service": "Accelerated", "revised_budget": 1000, "additions_deletions": -200, "outturn": 1100}]}})",
                              none);
        CHECK(line(derived, "capital", 0)["slippage_accelerated_text"] == "(1,956)");
        CHECK(line(derived, "capital", 1)["slippage_accelerated_text"] == "(2,056)");  // 2,778 − 4,734 − 100
        CHECK(line(derived, "capital", 1)["budget_after_changes_text"] == "2,778");    // 4,734 + 100 − 2,056
        CHECK(line(derived, "capital", 2)["slippage_accelerated_text"] == "300");      // 1,100 − 1,000 + 200
        CHECK(derived["capital"]["total"]["slippage_accelerated_text"] == "(3,712)"); // −1,956 − 2,056 + 300
        CHECK(none.empty());
    }
    SECTION("a wrong stated variance is reported with both numbers") {
        Issues wrong;
        derive(R"({"capital": {"lines": [{"service": "Family Services", "revised_budget": 4734,
          "outturn": 2778, "stated": {"variance": -1955, "variance_percent": -41.2}}]}})",
               wrong);
        REQUIRE(wrong.size() == 2);
        CHECK(wrong[0].path == "/budget/capital/lines/0/stated/variance");
        CHECK(wrong[0].message ==
              "stated variance (1,955) disagrees with the derived (1,956) (outturn 2,778 − revised budget 4,734)");
        CHECK(wrong[1].path == "/budget/capital/lines/0/stated/variance_percent");
        CHECK(wrong[1].message ==
              "stated variance % -41.2% disagrees with the derived -41.3% (variance (1,956) ÷ revised budget 4,734 × 100)");
    }
}

TEST_CASE("budget: seed 003 revenue, headings, subtotals, comments and a negative budget") {
    Issues issues;
    json out = derive(R"({"revenue": {"caption": "Childrens' Services", "percent_style": "signed", "show_total": false,
      "columns": {"service": "Description", "revised_budget": "Budget V1", "outturn": "Forecast Outturn 2010/11",
                  "variance": "Variation"},
      "lines": [
        {"kind": "heading", "service": "CHILDREN'S SERVICE - GENERAL FUND"},
        {"service": "Management Team", "original_budget": 1260, "revised_budget": 1021, "outturn": 1037},
        {"service": "Social Care Division", "original_budget": 25760, "revised_budget": 25475, "outturn": 27293,
         "comment": "The demand for children's social care remains at unprecedented levels."},
        {"service": "Asylum Seekers", "original_budget": 0, "revised_budget": 0, "outturn": 78},
        {"service": "BRSI", "original_budget": 1536, "revised_budget": 776, "outturn": 395},
        {"service": "Safeguarding", "original_budget": 982, "revised_budget": 1030, "outturn": 1133},
        {"service": "SEN Transport", "original_budget": 5538, "revised_budget": 5521, "outturn": 5451},
        {"service": "Youth and Connexions", "original_budget": 4340, "revised_budget": 4321, "outturn": 4139},
        {"service": "Other Children's Service Budgets", "original_budget": 9529, "revised_budget": 9439, "outturn": 9513},
        {"kind": "subtotal", "service": "Total", "original_budget": 48945, "revised_budget": 47583, "outturn": 49039,
         "stated": {"variance": 1456, "variance_percent": 3.1}},
        {"kind": "heading", "service": "CHILDREN'S SERVICE - DSG"},
        {"service": "SEN Placements, Recoupment & Therapies", "original_budget": 9685, "revised_budget": 9273, "outturn": 9747},
        {"service": "Pupil Referral Unit", "original_budget": 1514, "revised_budget": 1514, "outturn": 1533},
        {"service": "Other Centrally Retained Schools Budgets", "original_budget": 10860, "revised_budget": 12931, "outturn": 12601},
        {"service": "ISB", "original_budget": 213809, "revised_budget": 213458, "outturn": 213458},
        {"service": "DSG & LSC Grant", "original_budget": -235992, "revised_budget": -237318, "outturn": -237318},
        {"kind": "subtotal", "service": "Total", "stated": {"variance": 163, "variance_percent": 114.8}}
      ]}})",
                      issues);
    CHECK(issues.empty());
    const json& table = out["revenue"];
    CHECK(table["total"].is_null());
    CHECK(table["has_comments"] == true);
    CHECK(column_keys(table) == std::vector<std::string>{"service", "original_budget", "revised_budget", "outturn",
                                                         "variance", "comment", "variance_percent"});
    CHECK(table["columns"][0]["title"] == "Description");
    CHECK(table["columns"][2]["title"] == "Budget V1");
    CHECK(table["columns"][6]["title"] == "% Variation of Revised Budget");
    const json& lines = table["lines"];
    CHECK(lines[0]["kind"] == "heading");
    CHECK(lines[0]["service"] == "CHILDREN'S SERVICE - GENERAL FUND");
    CHECK(lines[1]["variance_text"] == "16");
    CHECK(lines[1]["variance_percent_text"] == "1.6%");     // 16 / 1,021 = 1.567 %
    CHECK(lines[2]["variance_text"] == "1,818");
    CHECK(lines[2]["variance_percent_text"] == "7.1%");     // 1,818 / 25,475 = 7.136 %
    CHECK(lines[2]["comment"] == "The demand for children's social care remains at unprecedented levels.");
    SECTION("a zero budget has no percentage (division by zero)") {
        CHECK(lines[3]["revised_budget_text"] == "-");
        CHECK(lines[3]["variance_text"] == "78");
        CHECK(lines[3]["variance_percent"].is_null());
        CHECK(lines[3]["variance_percent_text"] == "");
    }
    CHECK(lines[4]["variance_text"] == "(381)");
    CHECK(lines[4]["variance_percent_text"] == "-49.1%");   // −381 / 776 = −49.098 %
    CHECK(lines[5]["variance_percent_text"] == "10.0%");    // 103 / 1,030
    CHECK(lines[6]["variance_percent_text"] == "-1.3%");    // −70 / 5,521 = −1.268 %
    CHECK(lines[7]["variance_percent_text"] == "-4.2%");    // −182 / 4,321 = −4.212 %
    CHECK(lines[8]["variance_percent_text"] == "0.8%");     // 74 / 9,439 = 0.784 %
    SECTION("the subtotal sums the lines since its heading") {
        CHECK(lines[9]["kind"] == "subtotal");
        CHECK(lines[9]["original_budget_text"] == "48,945");
        CHECK(lines[9]["revised_budget_text"] == "47,583");
        CHECK(lines[9]["outturn_text"] == "49,039");
        CHECK(lines[9]["variance_text"] == "1,456");
        CHECK(lines[9]["variance_percent_text"] == "3.1%");  // 1,456 / 47,583 = 3.060 %
    }
    SECTION("a negative (income) budget: the percentage keeps the variance's sign") {
        CHECK(lines[12]["variance_percent_text"] == "1.3%");  // 19 / 1,514 = 1.255 %
        CHECK(lines[14]["variance_text"] == "-");
        CHECK(lines[14]["variance_percent_text"] == "0.0%");
        CHECK(lines[15]["revised_budget_text"] == "(237,318)");
        CHECK(lines[16]["original_budget_text"] == "(124)");
        CHECK(lines[16]["revised_budget_text"] == "(142)");
        CHECK(lines[16]["outturn_text"] == "21");
        CHECK(lines[16]["variance_text"] == "163");
        CHECK(lines[16]["variance_percent_text"] == "114.8%");  // 163 / |−142| = 114.79 %, as the seed prints
    }
}

TEST_CASE("budget: a negative budget with a favourable variance is in brackets") {
    Issues issues;
    json out = derive(R"({"revenue": {"lines": [
      {"service": "Income", "revised_budget": -1000, "outturn": -1100, "reserve_movements": 0}]}})",
                      issues);
    const json& income = line(out, "revenue", 0);
    CHECK(income["variance_text"] == "(100)");                        // more income than budgeted
    CHECK(income["variance_after_reserves_percent_text"] == "(10.0)"); // −100 / |−1,000|
    CHECK(income["reserve_movements_text"] == "-");
}

TEST_CASE("budget: a subtotal written with wrong figures is reported") {
    Issues issues;
    derive(R"({"revenue": {"lines": [
      {"kind": "heading", "service": "GENERAL FUND"},
      {"service": "A", "revised_budget": 100, "outturn": 110},
      {"service": "B", "revised_budget": 50, "outturn": 40},
      {"kind": "subtotal", "service": "Total", "revised_budget": 151, "stated": {"variance": 0}}]}})",
           issues);
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].path == "/budget/revenue/lines/3/revised_budget");
    CHECK(issues[0].message == "stated revised budget 151 disagrees with the derived 150 (the sum of the 2 lines above)");
}

TEST_CASE("budget: seed 003 capital, the 2010/11 columns and its total's rounding slip") {
    Issues issues;
    json out = derive(R"X({"year": "2010/11", "capital": {"percent_style": "signed", "percent_decimals": 0,
      "show_total": false,
      "columns": {"service": "", "additions_deletions": "Additions/ Deletions recommended to March CRC",
                  "budget_after_changes": "2010/11 Budget (including March CRC)"},
      "lines": [
        {"service": "Schools Access Initiatives", "revised_budget": 489, "additions_deletions": 0, "slippage_accelerated": 0, "spend_to_date": 138, "forecast": 489},
        {"service": "Schools Modernisation & Access Improvement Programmes", "revised_budget": 3939, "additions_deletions": 0, "slippage_accelerated": 0, "spend_to_date": 1359, "forecast": 3939},
        {"service": "Urgent Primary Places", "revised_budget": 3163, "additions_deletions": 200, "slippage_accelerated": -2320, "spend_to_date": 710, "forecast": 1043},
        {"service": "Surestart Programme", "revised_budget": 1547, "additions_deletions": 0, "slippage_accelerated": 0, "spend_to_date": 987, "forecast": 1547},
        {"service": "Major School Rebuild Total", "revised_budget": 455, "additions_deletions": 0, "slippage_accelerated": -52, "spend_to_date": 146, "forecast": 403},
        {"service": "Primary Schools Capital Investment Programme", "revised_budget": 16610, "additions_deletions": 0, "slippage_accelerated": -6948, "spend_to_date": 8225, "forecast": 9662},
        {"service": "East Barnet Schools Rebuild", "revised_budget": 5478, "additions_deletions": 0, "slippage_accelerated": 400, "spend_to_date": 5721, "forecast": 5878},
        {"service": "Other Schemes", "revised_budget": 22869, "additions_deletions": 249, "slippage_accelerated": -3569, "spend_to_date": 12796, "forecast": 19549},
        {"kind": "total", "service": "Children's Service", "revised_budget": 54551, "additions_deletions": 449,
         "slippage_accelerated": -12489, "budget_after_changes": 42511, "spend_to_date": 30082, "forecast": 42511,
         "variance": -12040, "slippage_percent": -23}
      ]}})X",
                      issues);
    const json& table = out["capital"];
    CHECK(column_keys(table) == std::vector<std::string>{"service", "revised_budget", "additions_deletions",
                                                         "slippage_accelerated", "budget_after_changes",
                                                         "spend_to_date", "forecast", "variance", "slippage_percent"});
    CHECK(table["columns"][0]["title"] == "");
    CHECK(table["columns"][1]["title"] == "2010/11 Latest Approved Budget");
    CHECK(table["columns"][2]["title"] == "Additions/ Deletions recommended to March CRC");
    CHECK(table["columns"][8]["title"] == "% slippage of 2010/11 Approved Budget");
    const json& lines = table["lines"];
    CHECK(lines[0]["budget_after_changes_text"] == "489");
    CHECK(lines[0]["variance_text"] == "-");
    CHECK(lines[0]["slippage_percent_text"] == "0%");
    CHECK(lines[2]["budget_after_changes_text"] == "1,043");  // 3,163 + 200 − 2,320
    CHECK(lines[2]["variance_text"] == "(2,120)");            // forecast 1,043 − 3,163
    CHECK(lines[2]["slippage_percent_text"] == "-73%");       // −2,320 / 3,163 = −73.3 %
    CHECK(lines[4]["slippage_percent_text"] == "-11%");       // −52 / 455 = −11.4 %
    CHECK(lines[5]["slippage_percent_text"] == "-42%");       // −6,948 / 16,610 = −41.8 %
    CHECK(lines[6]["variance_text"] == "400");
    CHECK(lines[6]["slippage_percent_text"] == "7%");         // 400 / 5,478 = 7.3 %
    CHECK(lines[7]["variance_text"] == "(3,320)");            // 249 − 3,569
    CHECK(lines[7]["slippage_percent_text"] == "-16%");       // −3,569 / 22,869 = −15.6 %
    const json& total = lines[8];
    CHECK(total["kind"] == "total");
    CHECK(total["revised_budget_text"] == "54,550");          // the lines add up to 54,550; the seed prints 54,551
    CHECK(total["budget_after_changes_text"] == "42,510");
    CHECK(total["spend_to_date_text"] == "30,082");
    CHECK(total["variance_text"] == "(12,040)");
    CHECK(total["slippage_percent_text"] == "-23%");          // −12,489 / 54,550 = −22.9 %
    REQUIRE(issues.size() == 3);
    CHECK(issues[0].path == "/budget/capital/lines/8/budget_after_changes");
    CHECK(issues[0].message == "stated budget after changes 42,511 disagrees with the derived 42,510 (the sum of the 8 lines above)");
    CHECK(issues[1].path == "/budget/capital/lines/8/forecast");
    CHECK(issues[2].path == "/budget/capital/lines/8/revised_budget");
    CHECK(issues[2].message == "stated revised budget 54,551 disagrees with the derived 54,550 (the sum of the 8 lines above)");
}

TEST_CASE("budget: a second revenue table under its own name, and a capital one by type") {
    Issues issues;
    json out = derive(R"({"revenue": {"lines": [{"service": "A", "revised_budget": 10, "outturn": 12}]},
                          "dsg": {"caption": "Dedicated Schools' Grant", "lines": [{"service": "ISB", "revised_budget": 5, "outturn": 4}]},
                          "capital_2": {"type": "capital", "lines": [{"service": "C", "revised_budget": 8, "outturn": 6}]}})",
                      issues);
    CHECK(out["dsg"]["type"] == "revenue");
    CHECK(out["dsg"]["caption"] == "Dedicated Schools' Grant");
    CHECK(line(out, "dsg", 0)["variance_text"] == "(1)");
    CHECK(out["capital_2"]["type"] == "capital");
    CHECK(line(out, "capital_2", 0)["slippage_accelerated_text"] == "(2)");
}

TEST_CASE("budget: odd input never crashes, absent figures stay absent") {
    Issues issues;
    SECTION("not an object") {
        json out = derive_budget(json(42), "r.json", "/budget", issues);
        CHECK(out["units_label"] == "£000");
        CHECK_FALSE(out.contains("revenue"));
    }
    SECTION("missing figures") {
        json out = derive(R"({"revenue": {"lines": [{"service": "Nothing"}, 7, {"service": "Budget only", "revised_budget": 5},
                              {"service": "Text", "outturn": "lots", "revised_budget": 1}]}})",
                          issues);
        const json& nothing = line(out, "revenue", 0);
        CHECK(nothing["revised_budget"].is_null());
        CHECK(nothing["revised_budget_text"] == "");
        CHECK(nothing["variance"].is_null());
        CHECK(nothing["variance_text"] == "");
        CHECK(line(out, "revenue", 1)["kind"] == "line");
        CHECK(line(out, "revenue", 1)["service"] == "");
        CHECK(line(out, "revenue", 2)["variance_text"] == "");
        CHECK(line(out, "revenue", 3)["variance_text"] == "");
        CHECK(out["revenue"]["total"]["revised_budget_text"] == "6");
        CHECK(out["revenue"]["total"]["outturn_text"] == "");
        CHECK(issues.empty());
    }
    SECTION("a stated figure that cannot be worked out is reported") {
        derive(R"({"revenue": {"lines": [{"service": "A", "revised_budget": 5, "stated": {"variance": 1}}]}})", issues);
        REQUIRE(issues.size() == 1);
        CHECK(issues[0].path == "/budget/revenue/lines/0/stated/variance");
        CHECK(issues[0].message == "stated variance 1 cannot be checked: working it out needs an outturn and a revised budget");
    }
    SECTION("lines that are not a list, a table with no lines") {
        json out = derive(R"({"revenue": {"lines": {"a": 1}}, "capital": {"caption": "none"}})", issues);
        CHECK(out["revenue"]["lines"].empty());
        CHECK(out["revenue"]["total"].is_null());
        CHECK_FALSE(out.contains("capital"));  // no "lines": not a table
    }
}

TEST_CASE("budget: amounts rounded from pounds allow their accumulated rounding") {
    // Each £000 amount carries up to 0.5 of rounding, and the stated figure 0.5 more:
    // a variance of two amounts may be 1.5 away, a sum of eight lines 4.5.
    Issues issues;
    std::string rounded = seed_000_revenue;
    rounded.replace(rounded.find("\"units\": \"thousands\""), 20, "\"units\": \"thousands\", \"amounts_rounded\": true");
    derive(rounded, issues);
    CHECK(issues.empty());  // 2,371 against 2,370; 2,331 against 2,330; total 2,237 against 2,236
    SECTION("beyond the allowance is still reported, saying what was allowed") {
        Issues wrong;
        derive(R"({"amounts_rounded": true, "revenue": {"lines": [
          {"service": "A", "revised_budget": 100, "outturn": 110, "reserve_movements": 5,
           "stated": {"variance": 12, "variance_after_reserves": 17, "variance_after_reserves_percent": 17.0}}]}})",
               wrong);
        REQUIRE(wrong.size() == 2);
        CHECK(wrong[0].message == "stated variance 12 disagrees with the derived 10 (outturn 110 − revised budget 100), "
                                  "more than the ±1.5 its 2 rounded amounts allow");
        // 17 against 15: three amounts allow ±2, so this one passes; the percentage is strict.
        CHECK(wrong[1].path == "/budget/revenue/lines/0/stated/variance_after_reserves_percent");
    }
    SECTION("seed 003's capital total, a sum of eight rounded lines") {
        Issues sums;
        derive(R"({"amounts_rounded": true, "capital": {"lines": [
          {"service": "A", "revised_budget": 489, "forecast": 489}, {"service": "B", "revised_budget": 3939, "forecast": 3939},
          {"service": "C", "revised_budget": 3163, "forecast": 1043}, {"service": "D", "revised_budget": 1547, "forecast": 1547},
          {"service": "E", "revised_budget": 455, "forecast": 403}, {"service": "F", "revised_budget": 16610, "forecast": 9662},
          {"service": "G", "revised_budget": 5478, "forecast": 5878}, {"service": "H", "revised_budget": 22869, "forecast": 19549},
          {"kind": "total", "service": "Children's Service", "revised_budget": 54551, "forecast": 42511}]}})",
               sums);
        CHECK(sums.empty());  // 54,551 against 54,550 and 42,511 against 42,510, within ±4.5
    }
}

TEST_CASE("budget: with amounts rounded, a stated amount that agrees is the one printed") {
    // The stated figure was worked out from the pounds; the derived one from rounded £000.
    Issues issues;
    json out = derive(R"({"amounts_rounded": true, "capital": {"lines": [
      {"service": "A", "revised_budget": 489, "forecast": 489}, {"service": "B", "revised_budget": 3939, "forecast": 3939},
      {"service": "C", "revised_budget": 3163, "additions_deletions": 200, "slippage_accelerated": -2320, "forecast": 1043}],
      "total_label": "Children's Service",
      "stated_total": {"revised_budget": 7592, "forecast": 5472, "slippage_percent": -31}}})",
                      issues);
    CHECK(issues.empty());
    const json& total = out["capital"]["total"];
    CHECK(total["revised_budget_text"] == "7,592");  // the lines add up to 7,591
    CHECK(total["forecast_text"] == "5,472");         // 5,471
    CHECK(total["variance_text"] == "(2,120)");       // not stated: derived
    CHECK(total["slippage_percent_text"] == "(30.6)");  // percentages as derived (−2,320 ÷ 7,591)
    SECTION("a line's stated variance too, but only with amounts_rounded") {
        std::string rounded = seed_000_revenue;
        rounded.replace(rounded.find("\"units\": \"thousands\""), 20, "\"units\": \"thousands\", \"amounts_rounded\": true");
        Issues none;
        CHECK(line(derive(rounded, none), "revenue", 0)["variance_text"] == "2,371");
        CHECK(line(derive(seed_000_revenue, none), "revenue", 0)["variance_text"] == "2,370");
    }
    SECTION("a stated amount beyond the rounding is reported and not printed") {
        Issues wrong;
        json bad = derive(R"({"amounts_rounded": true, "revenue": {"lines": [
          {"service": "A", "revised_budget": 100, "outturn": 110, "stated": {"variance": 12}}]}})", wrong);
        CHECK(wrong.size() == 1);
        CHECK(line(bad, "revenue", 0)["variance_text"] == "10");
    }
}

TEST_CASE("budget: column groups over adjacent columns (seed 003's 'Variations')") {
    Issues issues;
    json out = derive(R"({"revenue": {"column_groups": [{"title": "Variations",
        "columns": ["original_budget", "revised_budget", "outturn", "variance"]}], "lines": [
      {"service": "Management Team", "original_budget": 1260, "revised_budget": 1021, "outturn": 1037}]}})",
                      issues);
    CHECK(issues.empty());
    REQUIRE(out["revenue"]["column_groups"].size() == 1);
    CHECK(out["revenue"]["column_groups"][0]["title"] == "Variations");
    SECTION("a group over columns that are not side by side is reported and dropped") {
        Issues wrong;
        json bad = derive(R"({"revenue": {"column_groups": [{"title": "X", "columns": ["original_budget", "outturn"]},
            {"title": "Y", "columns": ["reserve_movements"]}], "lines": [
          {"service": "A", "original_budget": 1, "revised_budget": 1, "outturn": 1}]}})",
                          wrong);
        REQUIRE(wrong.size() == 2);  // outturn is not next to original budget; no reserve movements column
        CHECK(wrong[0].path == "/budget/revenue/column_groups/0/columns");
        CHECK(wrong[1].path == "/budget/revenue/column_groups/1/columns");
        CHECK(bad["revenue"]["column_groups"].empty());
    }
}
