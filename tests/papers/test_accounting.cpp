// The council's number formats. Every expected value here is worked out by hand.
#include "papers/accounting.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using namespace quorum::papers;
using nlohmann::json;

TEST_CASE("accounting: amounts in £000, UK accounting style") {
    CHECK(format_accounting(2371) == "2,371");
    CHECK(format_accounting(49226) == "49,226");
    CHECK(format_accounting(1234567) == "1,234,567");
    CHECK(format_accounting(999) == "999");
    CHECK(format_accounting(-134) == "(134)");
    CHECK(format_accounting(-237318) == "(237,318)");
    SECTION("zero, and what rounds to zero, is a dash") {
        CHECK(format_accounting(0) == "-");
        CHECK(format_accounting(-0.0) == "-");
        CHECK(format_accounting(0.4) == "-");
        CHECK(format_accounting(-0.4) == "-");
    }
    SECTION("the seed's Family Services capital variance prints with one bracket each side") {
        // Seed 000 printed "(1,956))"; the formatter can only ever close what it opened.
        CHECK(format_accounting(-1956) == "(1,956)");
        CHECK(format_accounting(2778.0 - 4734.0) == "(1,956)");
    }
    SECTION("decimals when asked") {
        CHECK(format_accounting(2371.5, 2) == "2,371.50");
        CHECK(format_accounting(-0.004, 2) == "-");
        CHECK(format_accounting(-0.005, 2) == "(0.01)");
    }
}

TEST_CASE("accounting: rounding at .5 is half away from zero, never banker's") {
    CHECK(format_accounting(0.5) == "1");
    CHECK(format_accounting(-0.5) == "(1)");
    CHECK(format_accounting(1.5) == "2");
    CHECK(format_accounting(2.5) == "3");  // banker's rounding would give 2
    CHECK(format_accounting(1955.5) == "1,956");
    CHECK(format_accounting(-1955.5) == "(1,956)");
    CHECK(format_accounting(1955.49) == "1,955");
    CHECK(round_half_away(2.675, 2) == 2.68);  // the binary double is 2.67499999…; the data said 2.675
    CHECK(round_half_away(0.125, 2) == 0.13);
    CHECK(round_half_away(-2.5, 0) == -3.0);
    CHECK(round_half_away(4.4999, 0) == 4.0);
    SECTION("arithmetic noise does not decide a .5") {
        double noisy = 1.15 - 1.1;  // 0.04999999999999982 as a double, 0.05 as a council means it
        CHECK(noisy < 0.05);
        CHECK(round_half_away(noisy, 1) == 0.1);
        CHECK(format_number(noisy, 1) == "0.1");
    }
    SECTION("no negative zero") {
        double r = round_half_away(-0.04, 1);
        CHECK(r == 0.0);
        CHECK_FALSE(std::signbit(r));
    }
}

TEST_CASE("accounting: pounds become £000") {
    CHECK(amount_units(json::parse(R"({"units": "pounds"})")) == AmountUnits::pounds);
    CHECK(amount_units(json::parse(R"({"units": "thousands"})")) == AmountUnits::thousands);
    CHECK(amount_units(json::object()) == AmountUnits::thousands);
    CHECK(amount_units(json(42)) == AmountUnits::thousands);
    CHECK(to_thousands(2371, AmountUnits::thousands) == 2371);
    CHECK(format_accounting(to_thousands(2371000, AmountUnits::pounds)) == "2,371");
    CHECK(format_accounting(to_thousands(1500, AmountUnits::pounds)) == "2");      // 1.5 -> 2
    CHECK(format_accounting(to_thousands(-1500, AmountUnits::pounds)) == "(2)");   // -1.5 -> -2
    CHECK(format_accounting(to_thousands(499, AmountUnits::pounds)) == "-");       // 0.499 -> 0
    CHECK(format_accounting(to_thousands(500, AmountUnits::pounds)) == "1");       // 0.5 -> 1
    CHECK(format_accounting(to_thousands(1955500, AmountUnits::pounds)) == "1,956");
    CHECK(format_accounting(to_thousands(-1955499, AmountUnits::pounds)) == "(1,955)");
}

TEST_CASE("accounting: percentages") {
    SECTION("accounting style, one decimal, brackets when negative (budget tables)") {
        CHECK(format_percent_accounting(2331.0 / 55039.0 * 100) == "4.2");       // 4.235…
        CHECK(format_percent_accounting(-50.0 / 6718.0 * 100) == "(0.7)");      // -0.744…
        CHECK(format_percent_accounting(-1956.0 / 4734.0 * 100) == "(41.3)");   // -41.318…
        CHECK(format_percent_accounting(-13285.0 / 27933.0 * 100) == "(47.6)"); // -47.560…
        CHECK(format_percent_accounting(0) == "0.0");
        CHECK(format_percent_accounting(-0.04) == "0.0");  // rounds to zero: no brackets
        CHECK(format_percent_accounting(-0.05) == "(0.1)");
        CHECK(format_percent_accounting(12.25, 1) == "12.3");
    }
    SECTION("signed with a % sign (the 2010/11 tables)") {
        CHECK(format_percent_signed(-381.0 / 776.0 * 100) == "-49.1%");   // -49.098…
        CHECK(format_percent_signed(1456.0 / 47583.0 * 100) == "3.1%");   // 3.0599…
        CHECK(format_percent_signed(-2320.0 / 3163.0 * 100, 0) == "-73%"); // -73.35…
        CHECK(format_percent_signed(400.0 / 5478.0 * 100, 0) == "7%");     // 7.30…
        CHECK(format_percent_signed(0) == "0.0%");
        CHECK(format_percent_signed(0, 0) == "0%");
        CHECK(format_percent_signed(-0.04) == "0.0%");
    }
}

TEST_CASE("accounting: plain numbers and the decimals they are written with") {
    CHECK(format_number(1234.5, 1) == "1,234.5");
    CHECK(format_number(1234.5, 2) == "1,234.50");
    CHECK(format_number(-0.79, 2) == "-0.79");
    CHECK(format_number(448.2, 2) == "448.20");
    CHECK(format_number(-0.04, 1) == "0.0");
    CHECK(format_number_as_written(56.3) == "56.3");
    CHECK(format_number_as_written(58) == "58");
    CHECK(format_number_as_written(33813) == "33,813");
    CHECK(format_number_as_written(1878955) == "1,878,955");
    CHECK(format_number_as_written(-0.79) == "-0.79");
    CHECK(format_number_as_written(0) == "0");
    CHECK(written_decimals(json(4.2)) == 1);
    CHECK(written_decimals(json(-41.3)) == 1);
    CHECK(written_decimals(json(0.05)) == 2);
    CHECK(written_decimals(json(2371)) == 0);
    CHECK(written_decimals(json(4.0)) == 1);  // written "4.0": a decimal point was typed
    CHECK(written_decimals(json("4.2")) == 0);
    CHECK(written_decimals(json(nullptr)) == 0);
}

TEST_CASE("accounting: a stated figure agrees when the derived one rounds to it") {
    CHECK(agrees_within_rounding(2371, 0, 2370.6));
    CHECK(agrees_within_rounding(2371, 0, 2371.4));
    CHECK_FALSE(agrees_within_rounding(2371, 0, 2370.4));
    CHECK_FALSE(agrees_within_rounding(2371, 0, 2371.5));  // rounds to 2372
    CHECK_FALSE(agrees_within_rounding(2371, 0, 2370));    // the seed's Family Services revenue line
    CHECK(agrees_within_rounding(-1956, 0, -1955.5));       // half away from zero: -1956
    CHECK_FALSE(agrees_within_rounding(-1956, 0, -1955.4));
    CHECK(agrees_within_rounding(4.2, 1, 2331.0 / 55039.0 * 100));
    CHECK_FALSE(agrees_within_rounding(4.3, 1, 2331.0 / 55039.0 * 100));
    CHECK(agrees_within_rounding(-41.3, 1, -1956.0 / 4734.0 * 100));
    CHECK(agrees_within_rounding(-73, 0, -2320.0 / 3163.0 * 100));
    CHECK(agrees_within_rounding(0, 0, 0.49));
    CHECK_FALSE(agrees_within_rounding(0, 0, 0.5));
}

TEST_CASE("accounting: ordinals") {
    CHECK(ordinal(1) == "1st");
    CHECK(ordinal(2) == "2nd");
    CHECK(ordinal(3) == "3rd");
    CHECK(ordinal(4) == "4th");
    CHECK(ordinal(11) == "11th");
    CHECK(ordinal(12) == "12th");
    CHECK(ordinal(13) == "13th");
    CHECK(ordinal(21) == "21st");
    CHECK(ordinal(71) == "71st");
    CHECK(ordinal(112) == "112th");
    CHECK(ordinal(152) == "152nd");
}
