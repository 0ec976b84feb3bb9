// papers/dates: the one ISO date parser and the printed date texts papers and packs share.
#include "papers/dates.hpp"

#include <catch2/catch.hpp>

using namespace quorum::papers;

namespace {

std::string text_of(const std::string& iso) {
    const auto date = parse_iso_date(iso);
    REQUIRE(date);
    return date_text(*date);
}

}  // namespace

TEST_CASE("ISO dates: only real dates in exactly the YYYY-MM-DD form", "[dates]") {
    CHECK(parse_iso_date("2020-02-29"));
    CHECK(parse_iso_date("2000-02-29"));
    CHECK_FALSE(parse_iso_date("1900-02-29"));
    CHECK_FALSE(parse_iso_date("2019-02-29"));
    CHECK_FALSE(parse_iso_date("2018-02-30"));
    CHECK_FALSE(parse_iso_date("2018-13-01"));
    CHECK_FALSE(parse_iso_date("2018-00-10"));
    CHECK_FALSE(parse_iso_date("2018-6-6"));
    CHECK_FALSE(parse_iso_date("2018-06-0x"));
    CHECK_FALSE(parse_iso_date("20x8-03-07"));
    CHECK_FALSE(parse_iso_date("2018-03-07T10:00"));
    CHECK_FALSE(parse_iso_date("+018-03-07"));
    CHECK_FALSE(parse_iso_date(""));
    CHECK(to_iso(*parse_iso_date("2018-03-07")) == "2018-03-07");
    CHECK(to_iso(*parse_iso_date("0999-01-05")) == "0999-01-05");
}

TEST_CASE("date texts as papers print them", "[dates]") {
    CHECK(text_of("2018-06-06") == "6 June 2018");
    CHECK(text_of("2018-03-07") == "7 March 2018");
    CHECK(text_of("2020-02-29") == "29 February 2020");
    CHECK(text_of("2018-12-31") == "31 December 2018");
    CHECK(weekday_name(*parse_iso_date("2018-03-07")) == "Wednesday");
    CHECK(weekday_name(*parse_iso_date("2018-03-04")) == "Sunday");
    CHECK(date_text_with_weekday(*parse_iso_date("2018-03-02")) == "Friday 2 March 2018");
}
