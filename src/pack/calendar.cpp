#include "pack/calendar.hpp"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <ctime>

namespace quorum::pack {

namespace chr = std::chrono;

namespace {

Date make_date(int y, unsigned m, unsigned d) { return Date{chr::year{y}, chr::month{m}, chr::day{d}}; }

Date add_days(Date date, int days) { return Date{chr::sys_days{date} + chr::days{days}}; }

chr::weekday weekday_of(Date date) { return chr::weekday{chr::sys_days{date}}; }

// The first `weekday` of a month, and the last.
Date first_weekday(int year, unsigned month, chr::weekday weekday) {
    return Date{chr::year_month_weekday{chr::year{year}, chr::month{month}, weekday[1]}};
}
Date last_weekday(int year, unsigned month, chr::weekday weekday) {
    return Date{chr::year_month_weekday_last{chr::year{year}, chr::month{month}, weekday[chr::last]}};
}

// A proclamation: a holiday moved to another day (from set) or an extra holiday (from unset).
struct Proclaimed {
    Date to;
    std::optional<Date> from;
};

const std::array<Proclaimed, 13>& proclaimed_days() {
    static const std::array<Proclaimed, 13> days{{
        {make_date(1995, 5, 8), make_date(1995, 5, 1)},    // VE Day 50th anniversary
        {make_date(1999, 12, 31), std::nullopt},           // millennium
        {make_date(2002, 6, 4), make_date(2002, 5, 27)},   // Golden Jubilee: spring moved
        {make_date(2002, 6, 3), std::nullopt},             // Golden Jubilee
        {make_date(2011, 4, 29), std::nullopt},            // royal wedding
        {make_date(2012, 6, 4), make_date(2012, 5, 28)},   // Diamond Jubilee: spring moved
        {make_date(2012, 6, 5), std::nullopt},             // Diamond Jubilee
        {make_date(2020, 5, 8), make_date(2020, 5, 4)},    // VE Day 75th: early May moved
        {make_date(2022, 6, 2), make_date(2022, 5, 30)},   // Platinum Jubilee: spring moved
        {make_date(2022, 6, 3), std::nullopt},             // Platinum Jubilee
        {make_date(2022, 9, 19), std::nullopt},            // state funeral of Queen Elizabeth II
        {make_date(2023, 5, 8), std::nullopt},             // coronation of King Charles III
        {make_date(1977, 6, 7), std::nullopt},             // Silver Jubilee
    }};
    return days;
}

// Adds `day`, or when it falls at a weekend the next weekday not already a holiday
// (the substitute day of the Banking and Financial Dealings Act 1971).
void add_with_substitute(std::vector<Date>& days, Date day) {
    while (is_weekend(day) || std::find(days.begin(), days.end(), day) != days.end()) day = add_days(day, 1);
    days.push_back(day);
}

std::vector<Date> statutory_holidays(int year) {
    std::vector<Date> days;
    add_with_substitute(days, make_date(year, 1, 1));
    const Date easter = easter_sunday(year);
    days.push_back(add_days(easter, -2));
    days.push_back(add_days(easter, 1));
    if (year >= 1978) days.push_back(first_weekday(year, 5, chr::Monday));
    days.push_back(last_weekday(year, 5, chr::Monday));
    days.push_back(last_weekday(year, 8, chr::Monday));
    add_with_substitute(days, make_date(year, 12, 25));
    add_with_substitute(days, make_date(year, 12, 26));
    return days;
}

void apply_proclamations(int year, std::vector<Date>& days) {
    for (const Proclaimed& p : proclaimed_days()) {
        if (int(p.to.year()) != year) continue;
        if (p.from) std::erase(days, *p.from);
        days.push_back(p.to);
    }
}

}  // namespace

Date easter_sunday(int year) {
    const int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
    const int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
    const int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
    const int m = (a + 11 * h + 22 * l) / 451;
    const int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
    return make_date(year, unsigned(month), unsigned(day));
}

std::vector<Date> bank_holidays(int year) {
    std::vector<Date> days = statutory_holidays(year);
    apply_proclamations(year, days);
    std::sort(days.begin(), days.end());
    return days;
}

bool is_weekend(Date date) {
    const chr::weekday w = weekday_of(date);
    return w == chr::Saturday || w == chr::Sunday;
}

bool is_bank_holiday(Date date) {
    const std::vector<Date> days = bank_holidays(int(date.year()));
    return std::binary_search(days.begin(), days.end(), date);
}

bool is_working_day(Date date) { return !is_weekend(date) && !is_bank_holiday(date); }

Date working_days_before(Date date, int count) {
    Date day = date;
    for (int found = 0; found < count;) {
        day = add_days(day, -1);
        if (is_working_day(day)) ++found;
    }
    return day;
}

Deadline public_questions_deadline(Date meeting, int working_days, const std::string& time) {
    return {working_days_before(meeting, working_days), time};
}

Date statutory_publication_date(Date meeting, int clear_days) {
    // clear_days working days strictly between publication and meeting, publication on the
    // working day before them.
    return working_days_before(meeting, clear_days + 1);
}

Date today() {
    if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch) {
        char* end = nullptr;
        const long long seconds = std::strtoll(epoch, &end, 10);
        if (end && *end == '\0') return Date{chr::floor<chr::days>(chr::sys_seconds{chr::seconds{seconds}})};
    }
    return Date{chr::floor<chr::days>(chr::system_clock::now())};
}

}  // namespace quorum::pack
