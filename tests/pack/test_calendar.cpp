// The council's calendar: bank holidays of England and Wales (checked against the lists
// published on gov.uk), working days, the public-questions deadline and the statutory
// publication date.
#include "pack/calendar.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <string>
#include <vector>

using namespace quorum::pack;

namespace {

Date d(const std::string& iso) {
    const auto date = parse_iso_date(iso);
    REQUIRE(date);
    return *date;
}

std::vector<std::string> holidays_text(int year) {
    std::vector<std::string> out;
    for (const Date& day : bank_holidays(year)) out.push_back(to_iso(day));
    return out;
}

}  // namespace

TEST_CASE("calendar: ISO dates parse strictly") {
    CHECK(to_iso(d("2018-03-07")) == "2018-03-07");
    CHECK_FALSE(parse_iso_date("2018-02-30"));
    CHECK_FALSE(parse_iso_date("2018-3-7"));
    CHECK_FALSE(parse_iso_date("2018-03-07T10:00"));
    CHECK_FALSE(parse_iso_date("20x8-03-07"));
    CHECK(parse_iso_date("2020-02-29"));
    CHECK_FALSE(parse_iso_date("2019-02-29"));
}

TEST_CASE("calendar: Easter Sunday from the computus") {
    CHECK(to_iso(easter_sunday(2018)) == "2018-04-01");
    CHECK(to_iso(easter_sunday(2000)) == "2000-04-23");
    CHECK(to_iso(easter_sunday(2008)) == "2008-03-23");  // early
    CHECK(to_iso(easter_sunday(2011)) == "2011-04-24");  // late
    CHECK(to_iso(easter_sunday(2019)) == "2019-04-21");
    CHECK(to_iso(easter_sunday(2024)) == "2024-03-31");
    CHECK(to_iso(easter_sunday(2025)) == "2025-04-20");
    CHECK(to_iso(easter_sunday(2038)) == "2038-04-25");  // latest possible
    CHECK(to_iso(easter_sunday(1818)) == "1818-03-22");  // earliest possible
    CHECK(to_iso(easter_sunday(2285)) == "2285-03-22");
}

TEST_CASE("calendar: an ordinary year") {
    CHECK(holidays_text(2018) == std::vector<std::string>{"2018-01-01", "2018-03-30", "2018-04-02", "2018-05-07",
                                                          "2018-05-28", "2018-08-27", "2018-12-25", "2018-12-26"});
}

TEST_CASE("calendar: substitute days when holidays fall at a weekend") {
    // Christmas on a Sunday: Boxing Day Monday, Christmas substitute Tuesday.
    CHECK(holidays_text(2016) == std::vector<std::string>{"2016-01-01", "2016-03-25", "2016-03-28", "2016-05-02",
                                                          "2016-05-30", "2016-08-29", "2016-12-26", "2016-12-27"});
    // Christmas on a Saturday: Monday and Tuesday.
    CHECK(holidays_text(2021) == std::vector<std::string>{"2021-01-01", "2021-04-02", "2021-04-05", "2021-05-03",
                                                          "2021-05-31", "2021-08-30", "2021-12-27", "2021-12-28"});
    // Christmas on a Friday: Boxing Day (Saturday) moves to Monday.
    CHECK(to_iso(bank_holidays(2020).back()) == "2020-12-28");
    // New Year's Day on a Saturday (2011) and on a Sunday (2023).
    CHECK(to_iso(bank_holidays(2011).front()) == "2011-01-03");
    CHECK(to_iso(bank_holidays(2023).front()) == "2023-01-02");
    CHECK_FALSE(is_bank_holiday(d("2011-01-01")));
}

TEST_CASE("calendar: proclaimed moves and extra days") {
    CHECK(holidays_text(2011) == std::vector<std::string>{"2011-01-03", "2011-04-22", "2011-04-25", "2011-04-29",
                                                          "2011-05-02", "2011-05-30", "2011-08-29", "2011-12-26",
                                                          "2011-12-27"});
    CHECK(holidays_text(2012) == std::vector<std::string>{"2012-01-02", "2012-04-06", "2012-04-09", "2012-05-07",
                                                          "2012-06-04", "2012-06-05", "2012-08-27", "2012-12-25",
                                                          "2012-12-26"});
    CHECK_FALSE(is_bank_holiday(d("2012-05-28")));  // the spring holiday moved to 4 June
    CHECK(holidays_text(2020) == std::vector<std::string>{"2020-01-01", "2020-04-10", "2020-04-13", "2020-05-08",
                                                          "2020-05-25", "2020-08-31", "2020-12-25", "2020-12-28"});
    CHECK_FALSE(is_bank_holiday(d("2020-05-04")));  // early May moved to VE Day
    CHECK(holidays_text(2022) == std::vector<std::string>{"2022-01-03", "2022-04-15", "2022-04-18", "2022-05-02",
                                                          "2022-06-02", "2022-06-03", "2022-08-29", "2022-09-19",
                                                          "2022-12-26", "2022-12-27"});
    CHECK(holidays_text(2023) == std::vector<std::string>{"2023-01-02", "2023-04-07", "2023-04-10", "2023-05-01",
                                                          "2023-05-08", "2023-05-29", "2023-08-28", "2023-12-25",
                                                          "2023-12-26"});
}

TEST_CASE("calendar: working days skip weekends and bank holidays") {
    CHECK(is_working_day(d("2018-03-07")));
    CHECK_FALSE(is_working_day(d("2018-03-03")));  // Saturday
    CHECK_FALSE(is_working_day(d("2018-04-02")));  // Easter Monday
    CHECK(to_iso(working_days_before(d("2018-03-07"), 1)) == "2018-03-06");
    CHECK(to_iso(working_days_before(d("2018-03-05"), 1)) == "2018-03-02");  // over a weekend
}

TEST_CASE("calendar: the public-questions deadline") {
    // Seed 002: meeting Wednesday 7 March 2018, deadline "10AM, Friday 2 March".
    const Deadline seed = public_questions_deadline(d("2018-03-07"));
    CHECK(to_iso(seed.date) == "2018-03-02");
    CHECK(seed.time == "10:00");
    // Across the Easter weekend: meeting Wednesday 4 April 2018; Tuesday 3 April, then
    // Thursday 29 and Wednesday 28 March (Good Friday and Easter Monday do not count).
    CHECK(to_iso(public_questions_deadline(d("2018-04-04")).date) == "2018-03-28");
    // Across Christmas: meeting Thursday 3 January 2019 -> 2 Jan, 31 Dec, 28 Dec.
    CHECK(to_iso(public_questions_deadline(d("2019-01-03")).date) == "2018-12-28");
    // Configured: two working days at noon.
    const Deadline configured = public_questions_deadline(d("2018-03-07"), 2, "12:00");
    CHECK(to_iso(configured.date) == "2018-03-05");
    CHECK(configured.time == "12:00");
}

TEST_CASE("calendar: statutory publication date is five clear working days ahead") {
    // 7 March 2018: clear days 28 Feb, 1, 2, 5, 6 March -> publish by Tuesday 27 February.
    CHECK(to_iso(statutory_publication_date(d("2018-03-07"))) == "2018-02-27");
    // 4 April 2018: clear days 26, 27, 28, 29 March and 3 April -> Friday 23 March.
    CHECK(to_iso(statutory_publication_date(d("2018-04-04"))) == "2018-03-23");
    // A Monday meeting: the weekend before it is not clear days.
    CHECK(to_iso(statutory_publication_date(d("2018-03-12"))) == "2018-03-02");
}

TEST_CASE("calendar: date texts") {
    CHECK(date_text_with_weekday(d("2018-03-07")) == "Wednesday 7 March 2018");
    CHECK(weekday_name(d("2018-03-02")) == "Friday");
}

TEST_CASE("calendar: today follows SOURCE_DATE_EPOCH") {
    ::setenv("SOURCE_DATE_EPOCH", "1520380800", 1);  // 2018-03-07T00:00:00Z
    CHECK(to_iso(today()) == "2018-03-07");
    ::setenv("SOURCE_DATE_EPOCH", "1520467199", 1);  // 2018-03-07T23:59:59Z
    CHECK(to_iso(today()) == "2018-03-07");
    ::unsetenv("SOURCE_DATE_EPOCH");
    CHECK(int(today().year()) >= 2024);
}
