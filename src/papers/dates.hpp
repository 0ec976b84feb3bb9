// Calendar dates as papers print them: ISO "2018-03-07" in the data, "7 March 2018" or
// "Wednesday 7 March 2018" on the page. One parser and one month table for papers and packs.
#pragma once

#include <chrono>
#include <optional>
#include <string>

namespace quorum::papers {

using Date = std::chrono::year_month_day;

// "2018-03-07" -> Date; nullopt unless the text is exactly a real date in the YYYY-MM-DD form.
std::optional<Date> parse_iso_date(const std::string& text);
std::string to_iso(Date date);                    // "2018-03-07"
std::string weekday_name(Date date);              // "Wednesday"
std::string date_text(Date date);                 // "7 March 2018"
std::string date_text_with_weekday(Date date);    // "Wednesday 7 March 2018"

}  // namespace quorum::papers
