#include "papers/dates.hpp"

#include <array>
#include <cstdio>

namespace quorum::papers {

namespace chr = std::chrono;

namespace {

bool all_digits(const std::string& text, std::size_t from, std::size_t count) {
    for (std::size_t i = from; i < from + count; ++i)
        if (text[i] < '0' || text[i] > '9') return false;
    return true;
}

int number_at(const std::string& text, std::size_t from, std::size_t count) {
    int value = 0;
    for (std::size_t i = from; i < from + count; ++i) value = value * 10 + (text[i] - '0');
    return value;
}

}  // namespace

std::optional<Date> parse_iso_date(const std::string& text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    if (!all_digits(text, 0, 4) || !all_digits(text, 5, 2) || !all_digits(text, 8, 2)) return std::nullopt;
    const Date date{chr::year{number_at(text, 0, 4)}, chr::month{unsigned(number_at(text, 5, 2))},
                    chr::day{unsigned(number_at(text, 8, 2))}};
    if (!date.ok()) return std::nullopt;
    return date;
}

std::string to_iso(Date date) {
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", int(date.year()), unsigned(date.month()), unsigned(date.day()));
    return text;
}

std::string weekday_name(Date date) {
    static constexpr std::array<const char*, 7> names = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                                         "Thursday", "Friday", "Saturday"};
    return names[chr::weekday{chr::sys_days{date}}.c_encoding()];
}

std::string date_text(Date date) {
    static constexpr std::array<const char*, 12> months = {"January", "February", "March",     "April",
                                                           "May",     "June",     "July",      "August",
                                                           "September", "October", "November", "December"};
    return std::to_string(unsigned(date.day())) + " " + months[unsigned(date.month()) - 1] + " " +
           std::to_string(int(date.year()));
}

std::string date_text_with_weekday(Date date) { return weekday_name(date) + " " + date_text(date); }

}  // namespace quorum::papers
