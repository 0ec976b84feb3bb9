// Quorum's council filters: money, percent, number, date, ordinal (see council_filters.cpp).
#include "library_fixture.hpp"

using namespace quorum::tmpl;
using namespace quorum::tmpl::libtest;

namespace {

std::string f(const std::string& name, const Value& input, std::vector<std::pair<std::string, Value>> keyword = {},
              List positional = {}) {
    return to_str(filter(name, input, std::move(positional), std::move(keyword)));
}

}  // namespace

TEST_CASE("money: UK accounting style", "[council]") {
    CHECK(f("money", Value(2371)) == "2,371");
    CHECK(f("money", Value(-134)) == "(134)");
    CHECK(f("money", Value(0)) == "-");
    CHECK(f("money", Value(0.4)) == "-");  // rounds to zero
    CHECK(f("money", Value(0.5)) == "1");  // half away from zero
    CHECK(f("money", Value(2371), {{"currency", Value(true)}}) == "\xC2\xA3" "2,371");
    CHECK(f("money", Value(-134), {{"currency", Value(true)}}) == "(\xC2\xA3" "134)");
    CHECK(f("money", Value(2371.5), {{"places", Value(2)}}) == "2,371.50");
    CHECK(f("money", Value(2.675), {{"places", Value(2)}}) == "2.68");  // the decimal as written
    CHECK(f("money", Value(1500), {{"thousands", Value(true)}}) == "2");
    CHECK(f("money", Value(-1500), {{"thousands", Value(true)}}) == "(2)");
    CHECK(f("money", Value(2371000), {{"thousands", Value(true)}, {"currency", Value(true)}}) == "\xC2\xA3" "2,371");
    CHECK(f("money", Value(499), {{"thousands", Value(true)}}) == "-");
    CHECK(error_of([] { f("money", Value("x")); }) == "money: expected a number, got str");
    CHECK(error_of([] { f("money", Value(1), {{"places", Value(-1)}}); }) == "money: places must be between 0 and 20, got -1");
}

TEST_CASE("percent", "[council]") {
    CHECK(f("percent", Value(0.042)) == "4.2%");
    CHECK(f("percent", Value(0.5)) == "50.0%");
    CHECK(f("percent", Value(4.2), {{"already_percent", Value(true)}}) == "4.2%");
    CHECK(f("percent", Value(-0.042)) == "-4.2%");
    CHECK(f("percent", Value(-0.042), {{"brackets", Value(true)}}) == "(4.2%)");
    CHECK(f("percent", Value(0.0125)) == "1.3%");
    CHECK(f("percent", Value(0.12345), {{"precision", Value(2)}}) == "12.35%");
    CHECK(f("percent", Value(1), {}, {Value(0)}) == "100%");
    CHECK(f("percent", Value(-0.0001)) == "0.0%");
}

TEST_CASE("number", "[council]") {
    CHECK(f("number", Value(1234567)) == "1,234,567");
    CHECK(f("number", Value(-1234.5)) == "-1,234.5");
    CHECK(f("number", Value(1234.5), {{"precision", Value(2)}}) == "1,234.50");
    CHECK(f("number", Value(1234), {{"precision", Value(1)}}) == "1,234.0");
    CHECK(f("number", Value(999.995), {{"precision", Value(2)}}) == "1,000.00");
    CHECK(f("number", Value(0.1)) == "0.1");
}

TEST_CASE("date", "[council]") {
    CHECK(f("date", Value("2018-03-07")) == "7 March 2018");
    CHECK(f("date", Value("2018-03-07"), {}, {Value("%A %o %B, %Y")}) == "Wednesday 7th March, 2018");
    CHECK(f("date", Value("2018-03-07"), {}, {Value("%d/%m/%Y")}) == "07/03/2018");
    CHECK(f("date", Value("2018-03-07T19:00"), {}, {Value("%-I.%M %p")}) == "7.00 pm");
    CHECK(f("date", Value("2018-03-07T09:05:30"), {}, {Value("%H:%M %I %p %a %b %e %y %-m %%")}) ==
          "09:05 09 am Wed Mar  7 18 3 %");
    CHECK(f("date", Value("2024-02-29")) == "29 February 2024");
    CHECK(f("date", Value("2000-01-01"), {}, {Value("%A")}) == "Saturday");
    CHECK(error_of([] { f("date", Value("2018-02-30")); }) == "date: '2018-02-30' is not a valid ISO date (YYYY-MM-DD)");
    CHECK(error_of([] { f("date", Value("2018-3-7")); }) == "date: '2018-3-7' is not a valid ISO date (YYYY-MM-DD)");
    CHECK(error_of([] { f("date", Value("2018-03-07"), {}, {Value("%Q")}); }) == "date: unknown format code '%Q'");
}

TEST_CASE("ordinal", "[council]") {
    const std::pair<int, const char*> cases[] = {{1, "1st"},   {2, "2nd"},   {3, "3rd"},     {4, "4th"},
                                                 {11, "11th"}, {12, "12th"}, {13, "13th"},   {21, "21st"},
                                                 {22, "22nd"}, {23, "23rd"}, {101, "101st"}, {111, "111th"},
                                                 {112, "112th"}, {0, "0th"}, {-1, "-1st"}};
    for (auto [n, text] : cases) CHECK(f("ordinal", Value(n)) == text);
    CHECK(error_of([] { f("ordinal", Value(1.5)); }) == "ordinal: expected a whole number, got 1.5");
}

TEST_CASE("council filters are registered and work in templates", "[council]") {
    CHECK(outcome("{{ -134|money(currency=true) }} {{ '2018-03-07'|date('%A %o %B, %Y') }} {{ 21|ordinal }}") ==
          "(\xC2\xA3" "134) Wednesday 7th March, 2018 21st");
}
